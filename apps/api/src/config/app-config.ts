import { resolve } from 'node:path';

// The API package root, whether running from src/ (tests, dev) or dist/ (built).
export const API_ROOT = resolve(__dirname, '..', '..');
export const REPO_ROOT = resolve(API_ROOT, '..', '..');

export type AppConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Set: that PostgreSQL server. Unset: the embedded PGlite server in dataDir. */
  databaseUrl: string | null;
  /** Streaming replicas of DATABASE_URL that serve read-only GraphQL requests (docs/scaling.md#read-replicas). */
  databaseReplicaUrls: string[];
  /** How far behind (bytes of WAL) a replica may be and still serve a read that asks for nothing newer. */
  replicaMaxLagBytes: number;
  /** A second in which the event loop was held longer than this (ms) is logged as a warning and counted. */
  eventLoopWarnMs: number;
  /** API requests (GraphQL, exports) worked on at once by this process; the others wait in turn (common/http/request-gate.ts). */
  maxConcurrentRequests: number;
  /** Requests that may wait for a place; past it a request is answered 503 with Retry-After. */
  requestQueueMax: number;
  dataDir: string;
  dbPoolSize: number;
  jwtSecret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  webDist: string;
  /**
   * Deprecated (UPLOAD_DIR): where meeting documents' files were stored before they moved into the database. Read
   * only by the migration that moves them (1796600000000-MeetingDocumentContent); the app no longer writes there.
   */
  uploadDir: string;
  /** Largest meeting document stored, in bytes (files travel base64-encoded in a 10 MB request). */
  uploadMaxBytes: number;
  signInMaxFailures: number;
  signInLockMinutes: number;
  /** Dashboard scopes kept while the database is unchanged (DashboardCache); 0 turns the cache off. */
  dashboardCacheEntries: number;
  /**
   * How long a process may keep a signed-in caller (account and grants) and an organisation's policy between
   * statements, in seconds; dropped earlier on a change signalled by PostgreSQL (LISTEN/NOTIFY). 0: read them on
   * every request. Only with DATABASE_URL (the embedded database is not signalled).
   */
  cacheMaxAgeSeconds: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** GraphQL limits checked before any resolver runs (query-limits.ts). */
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxCost: number;
  graphqlMaxExports: number;
  /** Longest a single SQL statement of the server may run before PostgreSQL cancels it; 0 = no limit. */
  dbStatementTimeoutMs: number;
  /** Per-minute budgets (RateLimits): sign-ins and refreshes per client address, exports per caller; 0 = off. */
  rateLimitSignInPerMinute: number;
  rateLimitRefreshPerMinute: number;
  rateLimitExportsPerMinute: number;
  /** Fastify's trustProxy: false (default: X-Forwarded-For ignored), true, a hop count or a list of addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  /**
   * The refresh-token cookie's Secure attribute: 'auto' (default) sets it when the request came over https
   * (request.protocol, which honours X-Forwarded-Proto only with TRUST_PROXY); true always; false never.
   */
  cookieSecure: boolean | 'auto';
  /** Strict-Transport-Security max-age sent with every answer; 0 (default) = no HSTS header (plain http allowed). */
  hstsMaxAgeSeconds: number;
  /** Seconds between two sealings of new audit rows into the hash chain (AuditChainService); 0 = only by the CLI. */
  auditSealIntervalSeconds: number;
  /** Webhooks (modules/webhook, docs/webhooks.md): milliseconds between two runs of the delivery worker; 0 = off. */
  webhookPollMs: number;
  /** Longest one delivery request may take (connect, send, status line) before it counts as failed. */
  webhookTimeoutMs: number;
  /** Attempts of one delivery before it is DEAD. */
  webhookMaxAttempts: number;
  /** The first retry's delay; each next one doubles (capped at 6 h), with ±25% jitter. */
  webhookRetryBaseMs: number;
  /** A subscription whose deliveries have failed continuously for this long is disabled. */
  webhookDisableAfterHours: number;
  /** Allows targets on loopback, private and link-local addresses (tests, a receiver on the same network). */
  webhookAllowPrivateTargets: boolean;
  /** Notices (modules/notice, docs/notices.md): seconds between two runs of the notice job; 0 = off (the CLI's `notice run` only). */
  noticeJobIntervalSeconds: number;
  /** How often the kept dues facts of every tree are brought up to date in the background (0: only when read). */
  duesFactsIntervalSeconds: number;
  /** E-mail delivery of notices: null (default, SMTP_HOST unset) = in-app only. */
  smtp: SmtpConfig | null;
};

/** The SMTP server notices are e-mailed through (nodemailer). */
export type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
};

const smtpOf = (env: NodeJS.ProcessEnv): SmtpConfig | null => {
  const host = (env.SMTP_HOST ?? '').trim();
  if (!host) return null;
  const secure = bool('SMTP_SECURE', env.SMTP_SECURE);
  return {
    host,
    port: int('SMTP_PORT', env.SMTP_PORT, secure ? 465 : 587, 1, 65535),
    secure,
    user: env.SMTP_USER?.trim() || null,
    password: env.SMTP_PASSWORD || null,
    from: env.SMTP_FROM?.trim() || 'chibo <no-reply@localhost>',
  };
};

const trustProxyOf = (value: string | undefined): AppConfig['trustProxy'] => {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (
    !list.every((x) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(x) || ['loopback', 'linklocal', 'uniquelocal'].includes(x))
  ) {
    throw new Error(
      'Invalid environment variable TRUST_PROXY: expected true, false, a hop count or a comma-separated list of addresses/CIDRs',
    );
  }
  return list;
};

const cookieSecureOf = (value: string | undefined): AppConfig['cookieSecure'] => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'auto') return 'auto';
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new Error('Invalid environment variable COOKIE_SECURE: expected auto, true or false');
};

const bool = (name: string, value: string | undefined): boolean => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  throw new Error(`Invalid environment variable ${name}: expected true or false`);
};

const int = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`Invalid environment variable ${name}: expected an integer from ${min} to ${max}`);
  }
  return n;
};

/** Reads and validates the environment once; fails fast with the variable's name. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  // Production behaviour unless asked otherwise: no stack traces in answers; development is opt-in.
  const nodeEnv = (env.NODE_ENV || 'production') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new Error('Invalid environment variable NODE_ENV: expected development, production or test');
  }
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'log')) as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new Error('Invalid environment variable LOG_LEVEL: expected error, warn, log or debug');
  }
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('Invalid environment variable DATABASE_URL: expected postgres://user@host:port/database');
  }
  const databaseReplicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of databaseReplicaUrls) {
    if (!/^postgres(ql)?:\/\//.test(u))
      throw new Error(
        'Invalid environment variable DATABASE_REPLICA_URLS: expected comma-separated postgres://user@host:port/database',
      );
  }
  if (databaseReplicaUrls.length && !databaseUrl) {
    throw new Error(
      'Invalid environment variable DATABASE_REPLICA_URLS: replicas need DATABASE_URL (the embedded database has none)',
    );
  }
  const jwtSecret = env.JWT_SECRET && env.JWT_SECRET.length > 0 ? env.JWT_SECRET : null;
  if (jwtSecret && jwtSecret.length < 32) {
    throw new Error('Invalid environment variable JWT_SECRET: expected at least 32 characters');
  }
  if (nodeEnv === 'production' && databaseUrl && !jwtSecret) {
    throw new Error('Missing environment variable JWT_SECRET: required in production with DATABASE_URL');
  }
  const dataDir = resolve(env.CHIBO_DATA_DIR ?? resolve(REPO_ROOT, '.data'));
  return {
    nodeEnv,
    host: env.HOST ?? '127.0.0.1',
    port: int('PORT', env.PORT, 3000, 0, 65535),
    databaseUrl,
    databaseReplicaUrls,
    replicaMaxLagBytes: int('REPLICA_MAX_LAG_BYTES', env.REPLICA_MAX_LAG_BYTES, 16 * 1024 * 1024, 0, 2 ** 40),
    eventLoopWarnMs: int('EVENT_LOOP_WARN_MS', env.EVENT_LOOP_WARN_MS, 200, 20, 60_000),
    maxConcurrentRequests: int('MAX_CONCURRENT_REQUESTS', env.MAX_CONCURRENT_REQUESTS, 16, 1, 10_000),
    requestQueueMax: int('REQUEST_QUEUE_MAX', env.REQUEST_QUEUE_MAX, 2_000, 0, 1_000_000),
    dataDir,
    dbPoolSize: int('DB_POOL_SIZE', env.DB_POOL_SIZE, databaseUrl ? 10 : 4, 1, 100),
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', env.ACCESS_TOKEN_TTL_SECONDS, 900, 30, 86400),
    refreshTokenTtlDays: int('REFRESH_TOKEN_TTL_DAYS', env.REFRESH_TOKEN_TTL_DAYS, 14, 1, 365),
    webDist: resolve(env.WEB_DIST ?? resolve(REPO_ROOT, 'apps', 'web', 'dist')),
    uploadDir: resolve(env.UPLOAD_DIR ?? resolve(dataDir, 'uploads')),
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 5 * 1024 * 1024, 1024, 7 * 1024 * 1024),
    signInMaxFailures: int('SIGN_IN_MAX_FAILURES', env.SIGN_IN_MAX_FAILURES, 5, 1, 100),
    signInLockMinutes: int('SIGN_IN_LOCK_MINUTES', env.SIGN_IN_LOCK_MINUTES, 15, 1, 1440),
    dashboardCacheEntries: int('DASHBOARD_CACHE_ENTRIES', env.DASHBOARD_CACHE_ENTRIES, 16, 0, 1000),
    // Off by default under NODE_ENV=test: the suites change grants and accounts with plain SQL and ask again at once,
    // before the change's notification may have arrived; the cache's own suite turns it on.
    cacheMaxAgeSeconds: int('CACHE_MAX_AGE_SECONDS', env.CACHE_MAX_AGE_SECONDS, nodeEnv === 'test' ? 0 : 10, 0, 3600),
    logLevel,
    graphqlMaxDepth: int('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, 12, 2, 100),
    graphqlMaxAliases: int('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, 30, 0, 1000),
    graphqlMaxCost: int('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, 50000, 100, 10_000_000),
    graphqlMaxExports: int('GRAPHQL_MAX_EXPORTS', env.GRAPHQL_MAX_EXPORTS, 1, 0, 20),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    cookieSecure: cookieSecureOf(env.COOKIE_SECURE),
    hstsMaxAgeSeconds: int('HSTS_MAX_AGE_SECONDS', env.HSTS_MAX_AGE_SECONDS, 0, 0, 63_072_000),
    // Off by default under NODE_ENV=test: the suites sign in hundreds of users from one address.
    rateLimitSignInPerMinute: int(
      'RATE_LIMIT_SIGN_IN_PER_MINUTE',
      env.RATE_LIMIT_SIGN_IN_PER_MINUTE,
      nodeEnv === 'test' ? 0 : 20,
      0,
      100000,
    ),
    rateLimitRefreshPerMinute: int(
      'RATE_LIMIT_REFRESH_PER_MINUTE',
      env.RATE_LIMIT_REFRESH_PER_MINUTE,
      nodeEnv === 'test' ? 0 : 60,
      0,
      100000,
    ),
    rateLimitExportsPerMinute: int(
      'RATE_LIMIT_EXPORTS_PER_MINUTE',
      env.RATE_LIMIT_EXPORTS_PER_MINUTE,
      nodeEnv === 'test' ? 0 : 10,
      0,
      100000,
    ),
    auditSealIntervalSeconds: int(
      'AUDIT_SEAL_INTERVAL_SECONDS',
      env.AUDIT_SEAL_INTERVAL_SECONDS,
      nodeEnv === 'test' ? 0 : 60,
      0,
      86400,
    ),
    webhookPollMs: int('WEBHOOK_POLL_MS', env.WEBHOOK_POLL_MS, nodeEnv === 'test' ? 0 : 5000, 0, 3_600_000),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, 50, 120_000),
    webhookMaxAttempts: int('WEBHOOK_MAX_ATTEMPTS', env.WEBHOOK_MAX_ATTEMPTS, 10, 1, 50),
    webhookRetryBaseMs: int('WEBHOOK_RETRY_BASE_MS', env.WEBHOOK_RETRY_BASE_MS, 30_000, 1, 86_400_000),
    webhookDisableAfterHours: int('WEBHOOK_DISABLE_AFTER_HOURS', env.WEBHOOK_DISABLE_AFTER_HOURS, 72, 1, 8760),
    webhookAllowPrivateTargets: bool('WEBHOOK_ALLOW_PRIVATE_TARGETS', env.WEBHOOK_ALLOW_PRIVATE_TARGETS),
    noticeJobIntervalSeconds: int(
      'NOTICE_JOB_INTERVAL_SECONDS',
      env.NOTICE_JOB_INTERVAL_SECONDS,
      nodeEnv === 'test' ? 0 : 300,
      0,
      86400,
    ),
    duesFactsIntervalSeconds: int(
      'DUES_FACTS_INTERVAL_SECONDS',
      env.DUES_FACTS_INTERVAL_SECONDS,
      nodeEnv === 'test' ? 0 : 600,
      0,
      86400,
    ),
    smtp: smtpOf(env),
    dbStatementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', env.DB_STATEMENT_TIMEOUT_MS, 30000, 0, 3_600_000),
  };
};

export const APP_CONFIG = Symbol('APP_CONFIG');
