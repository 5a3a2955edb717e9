import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { DashboardScope } from './dashboard.scope';

/**
 * Dashboard scopes (with their memoised figures) kept across requests while the database has not changed, so the
 * dashboard, the alert list, its export and a return to the dashboard compute the subtree's figures once.
 *
 * "Unchanged" is exact, not a time to live: every entry belongs to the PostgreSQL snapshot read before its figures
 * were computed (`pg_current_snapshot()`: the transactions completed and those still in progress). Two equal
 * snapshots see the same committed data, and every transaction that commits anywhere in the database moves it; so a
 * request whose snapshot equals the entry's would compute the same figures, and any other request starts afresh (the
 * whole cache is dropped when the snapshot moves). An entry is keyed by what the caller may see (their grants, not who
 * they are), the organisation, the as-of date and the year. The caller's access to the organisation is checked on
 * every request before the cache is consulted.
 */
@Injectable()
export class DashboardCache {
  private snapshot: string | null = null;
  private readonly entries = new Map<string, DashboardScope>();

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The scope for this request: the kept one when the database is unchanged, else `make()`'s, kept. */
  async scope(actor: Actor, organisationId: string, asOf: string, year: number, make: () => DashboardScope): Promise<DashboardScope> {
    const max = this.config.dashboardCacheEntries;
    if (max === 0) return make();
    const [{ s }]: { s: string }[] = await this.ds.query(`SELECT pg_current_snapshot()::text AS s`);
    if (s !== this.snapshot) {
      this.entries.clear();
      this.snapshot = s;
    }
    const key = JSON.stringify([accessKey(actor), organisationId, asOf, year]);
    const kept = this.entries.get(key);
    if (kept) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const made = make();
    this.entries.set(key, made);
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  /** Forget everything (the benchmark's cold runs). */
  clear(): void {
    this.entries.clear();
    this.snapshot = null;
  }
}

/** What an actor may see: two callers with the same answer here get the same figures. */
const accessKey = (a: Actor): string =>
  JSON.stringify([a.isAdmin, [...a.readRoots].sort(), [...a.writeRoots].sort(), [...a.ownMemberIds].sort(), [...a.ownCellIds].sort()]);
