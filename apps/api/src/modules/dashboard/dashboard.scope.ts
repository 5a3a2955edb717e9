import { childOnPath, type DashboardPeriod } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import type { Organisation } from '../organisation/organisation.model';

/**
 * What one dashboard or alert request is about: who asks, the organisation (already checked visible, with its path
 * on the as-of date), the as-of date and the year's period. It memoises each data source, so the sections and the
 * alert sources that need the same figures (compliance, coverage, the subtree…) share one run; DashboardCache keeps
 * it across requests while the database is unchanged.
 */
export class DashboardScope {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly actor: Actor,
    readonly root: Organisation,
    readonly asOf: string,
    readonly period: DashboardPeriod,
  ) {}

  /** The value of `key` for this scope, computed by `fn` on first use (a failure is not kept: the next use retries). */
  once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      const p = fn();
      hit = p;
      this.memo.set(key, p);
      p.catch(() => {
        if (this.memo.get(key) === p) this.memo.delete(key);
      });
    }
    return hit;
  }

  /** The direct child of the root on whose branch a path lies (any date's path: matched on the root's id), or null. */
  childOf(path: string): string | null {
    const marker = `/${this.root.id}/`;
    const at = path.indexOf(marker);
    if (at < 0) return null;
    return childOnPath(path, path.slice(0, at + marker.length));
  }
}
