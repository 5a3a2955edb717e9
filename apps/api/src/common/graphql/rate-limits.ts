import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { first } from '@chibo/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { keyedHasher } from '../../config/secrets';

export type RateLimitKind = 'signIn' | 'refresh' | 'export';

/** The sliding window, in seconds; hits are counted per second of the database clock. */
const WINDOW_SECONDS = 60;

/**
 * Per-caller request budgets over a sliding minute, counted in PostgreSQL (table rate_limit_hit) so that every API
 * process on the database shares one budget per caller:
 * - signIn: per client address (on top of the per-username lockout);
 * - refresh (refreshSession): per client address;
 * - export (each `*Xlsx` field): per signed-in user or API token.
 * A budget of 0 turns that limit off. One row per (kind, HMAC of the key, second); a check and its count happen in
 * one transaction under an advisory lock on (kind, key), so two processes cannot both spend the last request.
 * The key is stored only as an HMAC (client addresses are personal data). Rows older than the window are deleted.
 */
@Injectable()
export class RateLimits {
  private limits: Record<RateLimitKind, number>;
  private readonly hashKey: (value: string) => string;
  private lastPrune = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly ds: DataSource,
  ) {
    this.limits = {
      signIn: config.rateLimitSignInPerMinute,
      refresh: config.rateLimitRefreshPerMinute,
      export: config.rateLimitExportsPerMinute,
    };
    this.hashKey = keyedHasher(config, 'rate-limit-key');
  }

  /** Changes this process's budgets at run time and forgets every count (tests). */
  async set(limits: Partial<Record<RateLimitKind, number>>): Promise<void> {
    this.limits = { ...this.limits, ...limits };
    await this.ds.query(`DELETE FROM rate_limit_hit`);
  }

  /** Counts `n` requests of a kind for a key; returns the seconds to wait when over budget (nothing counted), else null. */
  async take(kind: RateLimitKind, key: string, n = 1): Promise<number | null> {
    const max = this.limits[kind];
    if (!max) return null;
    const keyHash = this.hashKey(`${kind}:${key}`);
    const wait = await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`rate:${kind}:${keyHash}`]);
      const rows: { second: string; hits: number; now: string }[] = await m.query(
        `SELECT second::text AS second, hits, floor(extract(epoch FROM clock_timestamp()))::bigint::text AS now
           FROM (SELECT 1) one
           LEFT JOIN rate_limit_hit h ON h.kind = $1 AND h.key_hash = $2 AND h.second > floor(extract(epoch FROM clock_timestamp()))::bigint - $3
          ORDER BY second`,
        [kind, keyHash, WINDOW_SECONDS],
      );
      const now = Number(first(rows, 'rate limit row (FROM (SELECT 1))').now);
      const recent = rows.filter((r) => r.second !== null).map((r) => ({ second: Number(r.second), hits: r.hits }));
      const used = recent.reduce((sum, r) => sum + r.hits, 0);
      if (used + n > max) {
        // wait until enough of the oldest hits have left the window for n more
        let excess = used + n - max;
        const freed = recent.find((r) => (excess -= r.hits) <= 0);
        return Math.max(1, (freed ? freed.second : now) + WINDOW_SECONDS - now);
      }
      await m.query(
        `INSERT INTO rate_limit_hit AS r (kind, key_hash, second, hits) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, key_hash, second) DO UPDATE SET hits = r.hits + EXCLUDED.hits`,
        [kind, keyHash, now, n],
      );
      return null;
    });
    await this.prune();
    return wait;
  }

  /** Deletes the rows that left the window, at most once a window per process. */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < WINDOW_SECONDS * 1000) return;
    this.lastPrune = Date.now();
    await this.ds.query(
      `DELETE FROM rate_limit_hit WHERE second <= floor(extract(epoch FROM clock_timestamp()))::bigint - $1`,
      [WINDOW_SECONDS],
    );
  }
}

export const tooManyRequests = (kind: RateLimitKind, retryAfter: number): GraphQLError =>
  new GraphQLError(
    `Too many ${kind === 'export' ? 'exports' : kind === 'signIn' ? 'sign-in attempts' : 'session refreshes'}; try again in ${retryAfter} s`,
    {
      extensions: {
        code: 'TOO_MANY_REQUESTS',
        reason: 'RATE_LIMITED',
        retryAfterSeconds: retryAfter,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      },
    },
  );
