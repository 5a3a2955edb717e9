import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export type RateLimitKind = 'signIn' | 'refresh' | 'export';

/**
 * Per-caller request budgets over a sliding minute, kept in this process's memory (a restart forgets them; one
 * API process per database is the deployment this targets):
 * - signIn: per client address (on top of the per-username lockout);
 * - refresh (refreshSession): per client address;
 * - export (each `*Xlsx` field): per signed-in user or API token.
 * A budget of 0 turns that limit off.
 */
@Injectable()
export class RateLimits {
  private limits: Record<RateLimitKind, number>;
  private readonly hits = new Map<string, number[]>();
  private readonly windowMs = 60_000;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = { signIn: config.rateLimitSignInPerMinute, refresh: config.rateLimitRefreshPerMinute, export: config.rateLimitExportsPerMinute };
  }

  /** Changes the budgets at run time (tests). */
  set(limits: Partial<Record<RateLimitKind, number>>): void {
    this.limits = { ...this.limits, ...limits };
    this.hits.clear();
  }

  /** Counts `n` requests of a kind for a key; returns the seconds to wait when over budget (nothing counted), else null. */
  take(kind: RateLimitKind, key: string, n = 1, now = Date.now()): number | null {
    const max = this.limits[kind];
    if (!max) return null;
    const k = `${kind}:${key}`;
    const recent = (this.hits.get(k) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length + n > max) {
      this.hits.set(k, recent);
      const oldest = recent[Math.max(0, recent.length + n - max - 1)] ?? now;
      return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }
    for (let i = 0; i < n; i++) recent.push(now);
    this.hits.set(k, recent);
    if (this.hits.size > 10_000) this.sweep(now);
    return null;
  }

  private sweep(now: number): void {
    for (const [k, list] of this.hits) if (!list.some((t) => t > now - this.windowMs)) this.hits.delete(k);
  }
}

export const tooManyRequests = (kind: RateLimitKind, retryAfter: number): GraphQLError =>
  new GraphQLError(`Too many ${kind === 'export' ? 'exports' : kind === 'signIn' ? 'sign-in attempts' : 'session refreshes'}; try again in ${retryAfter} s`, {
    extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
  });
