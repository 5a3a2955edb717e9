import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ChangeSignals, SignalledCache } from '../../database/change-signals';
import type { TreeQuery } from './scope';

/**
 * Scope statements kept between requests (docs/scaling.md#kept-between-requests): a statement that reads only the
 * dated tree (`organisation_placement`, and the `organisation` rows created and removed with their placements), kept
 * by its SQL and parameters — the caller's roots and own cells are among them — and dropped when the tree changes
 * (the `policy` signal, raised by every statement that writes `organisation_placement`). A list resolves its subtree
 * with one such statement on every request (`listScope`, `rootRanges`); kept, a cell's screen saves a round trip.
 * Pass it where those functions take a TreeQuery, outside a transaction only: a transaction passes its own manager,
 * since it reads what it may itself have changed.
 */
@Injectable()
export class KeptTreeReads implements TreeQuery {
  private readonly kept: SignalledCache<readonly unknown[]>;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    signals: ChangeSignals,
  ) {
    this.kept = new SignalledCache<readonly unknown[]>(signals, 'policy', config.cacheMaxAgeSeconds * 1000);
  }

  /** The rows of `sql` with `params`: kept ones if any, else read (on the primary when they may be kept). */
  async query(sql: string, params: unknown[] = []): Promise<any> {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const hit = this.kept.peek(key);
    if (hit) return hit;
    const { value, keep } = await this.kept.read(this.ds, this.ds.manager, (m) => m.query(sql, params));
    if (!keep) return value;
    // Shared by concurrent requests from now on: frozen, so no caller can change what another one reads.
    const rows = Object.freeze((value as object[]).map((r) => Object.freeze(r)));
    keep?.(key, rows);
    return rows;
  }
}
