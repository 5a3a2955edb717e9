import { childOnPath, type DashboardPeriod } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import type { Organisation } from '../organisation/organisation.model';

/**
 * What one dashboard or alert request is about: who asks, the organisation (already checked visible, with its path
 * on the as-of date), the as-of date and the year's period. It memoises each data source for the request, so the
 * sections and the alert sources that need the same figures (compliance, coverage, the subtree…) share one run.
 */
export class DashboardScope {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly actor: Actor,
    readonly root: Organisation,
    readonly asOf: string,
    readonly period: DashboardPeriod,
  ) {}

  /** The value of `key` for this request, computed by `fn` on first use. */
  once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = fn();
      this.memo.set(key, hit);
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
