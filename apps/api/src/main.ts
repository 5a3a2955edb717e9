import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { DestinationStream } from 'pino';
import { registerHealthRoutes, RETRY_AFTER_SECONDS } from './common/graphql/availability';
import { isGatedPath, RequestGate } from './common/http/request-gate';
import { EventLoopWatch } from './common/jobs/event-loop-watch';
import { registerExportRoutes } from './common/export/export-routes';
import { createRootLogger, GRAPHQL_LOG, PinoNestLogger, type GraphQLLogFields } from './common/logging';
import { loadConfig, type AppConfig } from './config/app-config';
import { resolveDatabaseUrl, runMigrationsLocked } from './database/data-source';
import { ReadReplicas, routeGraphqlReads } from './database/read-routing';
import { DataSource } from 'typeorm';

/**
 * Client-side routes of the web app (apps/web/src/app/router.tsx), answered with index.html so a deep link or a
 * reload works. A test (web-routes.int-spec.ts) fails when the router gains a path that is not covered here.
 */
export const WEB_ROUTES = [
  '/login',
  '/dang-nhap',
  '/organisations',
  '/organisations/*',
  '/members',
  '/members/*',
  '/meetings',
  '/meetings/*',
  '/visits',
  '/visits/*',
  '/compliance',
  '/compliance/*',
  '/thong-bao',
  '/tim-kiem',
  '/visit-report',
  '/visit-report/*',
  '/inspections',
  '/inspections/*',
  '/dues',
  '/sync',
  '/ratings',
  '/ratings/*',
  '/dashboard',
  '/dashboard/*',
  '/alerts',
  '/admin',
  '/import',
];

/** Paths the API answers itself (never the web app's page), and files (a name with an extension). */
const NOT_PAGES = /^\/(graphql|exports|health|assets)(\/|$|\?)|\/[^/?]*\.[a-z0-9]+($|\?)/i;

/** A browser navigating to a page: HTML accepted, not an API path or a file. */
const isPageRequest = (url: string, accept: string | undefined): boolean =>
  !!accept?.includes('text/html') && !NOT_PAGES.test(url);

/** Most operations one batched GraphQL request may carry. */
export const GRAPHQL_BATCH_MAX = 8;

/**
 * Fastify's own per-request lines off (ours, below, carry the GraphQL operation and no URL query). Its
 * LogController comes from the fastify that @nestjs/platform-fastify loads: fastify checks the class identity.
 */
const quietRequests = () => {
  const fastifyRequire = createRequire(require.resolve('@nestjs/platform-fastify'));
  const { LogController } = fastifyRequire('fastify') as {
    LogController: new (o: { disableRequestLogging: boolean }) => never;
  };
  return new LogController({ disableRequestLogging: true });
};

/**
 * The Content-Security-Policy of every answer (the web app, its assets, /graphql). The built web app loads only its
 * own scripts (no inline script: index.html references /assets/*.js), styles and data; `style-src 'unsafe-inline'`
 * is needed because antd's CSS-in-JS injects <style> elements at run time. `data:` images and fonts for embedded
 * ones (inline ones). No upgrade-insecure-requests: the app may be served on plain http.
 * The service worker (/sw.js, docs/offline.md) and the web app manifest are the app's own files: `worker-src` and
 * `manifest-src` say so explicitly (they would fall back to script-src and default-src).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Headers that only a document (HTML page) obeys; not sent with the web app's hashed assets. */
export const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** Builds the application (database opened, migrations applied); used by main, the CLI and the tests. */
export const createApp = async (
  config: AppConfig = loadConfig(),
  options: { logStream?: DestinationStream } = {},
): Promise<NestFastifyApplication> => {
  const { url, embedded } = await resolveDatabaseUrl(config);
  // One JSON-lines logger (pino) for Fastify, Nest and the request lines; request ids are UUIDs (the audit log's).
  const root = createRootLogger(config, options.logStream);
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    loggerInstance: root,
    logController: quietRequests(),
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, url), adapter, {
    logger: new PinoNestLogger(root),
    abortOnError: false,
  });
  // Security headers on every answer (first onRequest hook, so error and 404 answers carry them too): the CSP above,
  // X-Frame-Options DENY, nosniff, Referrer-Policy no-referrer, helmet's other defaults; HSTS only when configured.
  await app
    .getHttpAdapter()
    .getInstance()
    .register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity:
        config.hstsMaxAgeSeconds > 0 ? { maxAge: config.hstsMaxAgeSeconds, includeSubDomains: false } : false,
    });
  // Cookies: request.cookies and reply.setCookie, for the HttpOnly refresh-token cookie (modules/auth/session-cookie.ts).
  await app.getHttpAdapter().getInstance().register(fastifyCookie);
  // Hashed assets (/assets/*.js, .css) keep what applies to a script or stylesheet (nosniff, CORP, HSTS): the
  // document headers are ignored by browsers there and cost ~0.5 kB on each of the ~60 files of the first load.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (req, reply) => {
      if (req.url.startsWith('/assets/')) for (const h of DOCUMENT_ONLY_HEADERS) reply.raw.removeHeader(h);
    });
  // A batch is several operations in one POST (allowBatchedHttpRequests): capped, so one request cannot carry
  // hundreds of operations past the per-operation limits.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (req, reply) => {
      if (Array.isArray(req.body) && req.url.startsWith('/graphql') && req.body.length > GRAPHQL_BATCH_MAX) {
        return reply.code(400).send({
          errors: [
            {
              message: `At most ${GRAPHQL_BATCH_MAX} operations in one request`,
              extensions: { code: 'BAD_USER_INPUT', reason: 'BATCH_TOO_LARGE' },
            },
          ],
        });
      }
    });
  // At most MAX_CONCURRENT_REQUESTS API requests worked on at once; the others wait in turn (common/http/request-gate.ts).
  // Health checks, static files and everything else pass.
  const gate = new RequestGate(config.maxConcurrentRequests, config.requestQueueMax);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req, reply) => {
      if (!isGatedPath(req.url)) return;
      const leave = await gate.enter();
      if (!leave) {
        return reply
          .code(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({
            errors: [
              {
                message: 'The server is busy: try again in a moment',
                extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED', retryable: true },
              },
            ],
          });
      }
      // the place is given back when the answer is sent or the client went away, whichever comes first
      reply.raw.once('finish', leave);
      reply.raw.once('close', leave);
      if (reply.raw.destroyed) leave();
    });
  app.useLogger(new PinoNestLogger(root));
  // One line per request: id, method, path (no query string), status, duration; for GraphQL the operation name and
  // type, the caller kind and the error codes (RequestLogPlugin). No bodies, variables or headers.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (req, reply) => {
      const gql = (req as unknown as Record<symbol, GraphQLLogFields | undefined>)[GRAPHQL_LOG];
      const [path = req.url] = req.url.split('?');
      const line = {
        method: req.method,
        path,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
        ...gql,
      };
      if (line.path.startsWith('/health/')) req.log.debug(line, 'request');
      else req.log.info(line, 'request');
    });
  const ds = app.get(DataSource);
  await runMigrationsLocked(ds, config);
  // Read-only GraphQL requests on streaming replicas, with read-your-writes (database/read-routing.ts).
  const replicas = config.databaseReplicaUrls.length
    ? new ReadReplicas(ds, config.databaseReplicaUrls, BigInt(config.replicaMaxLagBytes), {
        max: config.dbPoolSize,
        options: '-c jit=off',
        ...(config.dbStatementTimeoutMs > 0 ? { statement_timeout: config.dbStatementTimeoutMs } : {}),
      })
    : null;
  if (replicas) {
    replicas.install();
    replicas.start();
    routeGraphqlReads(app.getHttpAdapter().getInstance() as never, replicas);
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => replicas.close());
  }
  // A stretch of synchronous JavaScript holds every request of the process: logged and reported by /health/ready.
  const loop = new EventLoopWatch(config.eventLoopWarnMs, (fields, message) => root.warn(fields, message)).start();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => loop.stop());
  registerHealthRoutes(
    app.getHttpAdapter().getInstance(),
    ds,
    replicas ? () => replicas.status() : undefined,
    () => loop.figures(),
    () => gate.figures(),
  );
  // GET /exports/<name>.xlsx: the Excel exports as streamed downloads (docs/exports.md).
  registerExportRoutes(app);
  if (existsSync(config.webDist)) {
    // The web app is served by the API: static files, and index.html for every client-side route.
    const fastify = app.getHttpAdapter().getInstance();
    // Files are looked up on each request (a rebuilt web app is served without a restart); a missing asset is a 404.
    // Hashed assets (/assets/<name>-<hash>.js) never change under their name: cached for a year. Everything else
    // (index.html, the icons, the service worker /sw.js and the manifest) is revalidated, so a new version is picked
    // up at the next load and the browser's check for a new service worker always reaches the server. The build
    // writes .br/.gz copies of every text file; they are sent as they are to clients that accept them.
    await fastify.register(fastifyStatic, {
      root: config.webDist,
      prefix: '/',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res: { setHeader: (k: string, v: string) => void }, path: string) => {
        res.setHeader(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // The web app's client-side routes answer with index.html.
    for (const route of WEB_ROUTES) {
      fastify.get(route, (_req, reply) =>
        (reply as unknown as { sendFile: (f: string) => unknown }).sendFile('index.html'),
      );
    }
    // Any other page a browser asks for (a mistyped or outdated link) gets the web app with status 404, whose router
    // shows its own "page not found"; API paths, assets and non-browser clients keep the JSON 404.
    fastify.addHook('onSend', async (req, reply, payload) => {
      if (reply.statusCode !== 404 || req.method !== 'GET' || !isPageRequest(req.url, req.headers.accept))
        return payload;
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache');
      return readFile(join(config.webDist, 'index.html'));
    });
  }
  Logger.log(
    `Database: ${embedded ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL'}`,
    'Bootstrap',
  );
  if (!embedded && !config.jwtSecret && config.nodeEnv !== 'test') {
    // Tokens, rate-limit keys and webhook secrets are keyed by this secret: every API process on the database needs the same.
    Logger.warn(
      `JWT_SECRET is unset: this process uses the secret kept in ${config.dataDir}/jwt-secret; other API processes on this database accept its tokens only if they share it (set JWT_SECRET, docs/scaling.md#several-api-processes)`,
      'Bootstrap',
    );
  }
  return app;
};

const main = async (): Promise<void> => {
  const config = loadConfig();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  Logger.log(`chibo API listening on http://${config.host}:${config.port}/graphql`, 'Bootstrap');
};

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
