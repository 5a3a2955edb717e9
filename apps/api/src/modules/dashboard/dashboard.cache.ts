import { first } from '@chibo/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { DashboardScope } from './dashboard.scope';

/** The versions of the tables that feed the figures (migration 1796540000000), in one statement: one snapshot. */
export const FIGURE_VERSIONS_SQL = `
  SELECT coalesce(string_agg(table_name || ':' || version, ',' ORDER BY table_name), '') AS v,
         (SELECT count(*) FROM figure_change)::int AS pending
    FROM (SELECT table_name, sum(version) AS version
            FROM (SELECT table_name, version FROM figure_version
                  UNION ALL SELECT table_name, count(*) FROM figure_change GROUP BY table_name) x
           GROUP BY table_name) t`;

/** Folds the pending changes into the versions, leaving every version as any snapshot reads it. */
export const FOLD_FIGURE_CHANGES_SQL = `
  WITH gone AS (DELETE FROM figure_change RETURNING table_name),
       n AS (SELECT table_name, count(*) AS n FROM gone GROUP BY table_name)
  INSERT INTO figure_version AS v (table_name, version) SELECT table_name, n FROM n
  ON CONFLICT (table_name) DO UPDATE SET version = v.version + excluded.version`;

/** Pending changes above which a request folds them (a few hundred rows cost nothing to count). */
const FOLD_AT = 256;

/**
 * Dashboard scopes (with their memoised figures) kept across requests while the tables that feed the figures are
 * unchanged, so the dashboard, the alert list, its export and a return to the dashboard compute the subtree's
 * figures once — also after a sign-in, or any other write that feeds no figure.
 *
 * "Unchanged" is exact, not a time to live: every entry belongs to the versions of the feeding tables read before its
 * figures were computed (FIGURE_VERSIONS_SQL: kept by statement-level triggers, in the database, so every API process
 * sees the same). Every commit that writes one of those tables moves them, and nothing else does; a request reading
 * the entry's versions would compute the same figures, and any other request starts afresh (the whole cache is
 * dropped when the versions move). An entry is keyed by what the caller may see (their grants, not who they are), the
 * organisation, the as-of date and the year. The caller's access to the organisation is checked on every request
 * before the cache is consulted.
 */
@Injectable()
export class DashboardCache {
  private versions: string | null = null;
  private folding = false;
  private readonly entries = new Map<string, DashboardScope>();

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The scope for this request: the kept one when the feeding tables are unchanged, else `make()`'s, kept. */
  async scope(
    actor: Actor,
    organisationId: string,
    asOf: string,
    year: number,
    make: () => DashboardScope,
  ): Promise<DashboardScope> {
    const max = this.config.dashboardCacheEntries;
    if (max === 0) return make();
    const { v, pending } = first<{ v: string; pending: number }>(
      await this.ds.query(FIGURE_VERSIONS_SQL),
      'figure versions row',
    );
    if (pending >= FOLD_AT) this.fold();
    if (v !== this.versions) {
      this.entries.clear();
      this.versions = v;
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

  /** Folds the pending changes in the background (one at a time per process; a failure only leaves them pending). */
  private fold(): void {
    if (this.folding) return;
    this.folding = true;
    this.ds
      .query(FOLD_FIGURE_CHANGES_SQL)
      .catch(() => undefined)
      .finally(() => (this.folding = false));
  }

  /** Forget everything (the benchmark's cold runs). */
  clear(): void {
    this.entries.clear();
    this.versions = null;
  }
}

/** What an actor may see: two callers with the same answer here get the same figures. */
const accessKey = (a: Actor): string =>
  JSON.stringify([
    a.isAdmin,
    [...a.readRoots].sort(),
    [...a.writeRoots].sort(),
    [...a.ownMemberIds].sort(),
    [...a.ownCellIds].sort(),
  ]);
