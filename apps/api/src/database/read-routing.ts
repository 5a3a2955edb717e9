import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { Pool, type PoolConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { queryCounter } from './data-source';

// Reads on streaming replicas (docs/scaling.md#read-replicas). With DATABASE_REPLICA_URLS set, a GraphQL request that
// only reads (no mutation in it) runs its plain read statements (`ds.query(…)` of a SELECT outside a transaction) on a
// replica; everything else — mutations, transactions, statements that write or lock, the CLI, the jobs — stays on
// the primary. Read-your-writes: a response to a request that wrote carries the primary's WAL position
// (`X-Chibo-Lsn`); a client that sends it back (`X-Chibo-Read-After`) is served by a replica only once that replica
// has replayed up to it, else by the primary. A replica that fails, or falls more than REPLICA_MAX_LAG_BYTES behind,
// is left out until it is back: the primary answers meanwhile. Replicas are optional: without them nothing changes.

/** Where the current request's plain reads go (set per HTTP request by routeGraphqlReads). */
type ReadRoute = { replica: Replica | null };
const route = new AsyncLocalStorage<ReadRoute>();

/** A statement that may run on a read-only standby: a plain SELECT/WITH that neither writes nor locks rows. */
export const isReplicaSafeSql = (sql: string): boolean =>
  /^\s*(select|with)\b/i.test(sql) &&
  !/\b(insert|update|delete|merge|nextval|setval|set_config|pg_advisory\w*|pg_notify|txid_current|pg_current_xact_id)\b/i.test(
    sql,
  ) &&
  !/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(sql);

/** A WAL position 'X/Y' as a comparable number (bytes); null when not one. */
export const lsnValue = (lsn: unknown): bigint | null => {
  if (typeof lsn !== 'string') return null;
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn.trim());
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
};

const SAMPLE_MS = 1000;
const DOWN_MS = 10_000;

/** One replica: its pool, the WAL position it had replayed at the last sample, and whether it is usable. */
class Replica {
  replayed: bigint | null = null;
  lagBytes: bigint | null = null;
  downUntil = 0;
  readonly pool: Pool;

  constructor(
    readonly name: string,
    config: PoolConfig,
  ) {
    this.pool = new Pool(config);
    // an idle client's error (the replica restarted) must not crash the process
    this.pool.on('error', () => this.markDown());
  }

  usable(maxLag: bigint): boolean {
    return Date.now() >= this.downUntil && this.replayed !== null && this.lagBytes !== null && this.lagBytes <= maxLag;
  }

  markDown(): void {
    this.downUntil = Date.now() + DOWN_MS;
  }
}

/** The replicas of one process, sampled every second against the primary's current WAL position. */
export class ReadReplicas {
  private readonly log = new Logger('ReadReplicas');
  readonly replicas: Replica[];
  private timer: ReturnType<typeof setInterval> | undefined;
  private next = 0;

  constructor(
    private readonly ds: DataSource,
    urls: string[],
    private readonly maxLag: bigint,
    pool: Omit<PoolConfig, 'connectionString'>,
  ) {
    this.replicas = urls.map((url, i) => new Replica(`replica ${i + 1}`, { ...pool, connectionString: url }));
  }

  start(): void {
    if (!this.replicas.length || this.timer) return;
    void this.sample();
    this.timer = setInterval(() => void this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.replicas.map((r) => r.pool.end().catch(() => undefined)));
  }

  /** Reads the primary's position and each replica's replayed position (one statement each). */
  async sample(): Promise<void> {
    const primary = await this.ds
      .query(`SELECT pg_current_wal_lsn()::text AS lsn`)
      .then((r: { lsn: string }[]) => lsnValue(r[0]?.lsn))
      .catch(() => null);
    await Promise.all(
      this.replicas.map(async (r) => {
        try {
          const [row] = (await r.pool.query(`SELECT pg_last_wal_replay_lsn()::text AS lsn`)).rows as {
            lsn: string | null;
          }[];
          const replayed = lsnValue(row?.lsn);
          if (replayed === null) throw new Error('not a standby');
          const wasDown = !r.usable(this.maxLag);
          r.replayed = replayed;
          r.lagBytes = primary === null ? null : primary > replayed ? primary - replayed : 0n;
          if (wasDown && r.usable(this.maxLag)) this.log.log(`${r.name} serves reads (${r.lagBytes} bytes behind)`);
        } catch (error) {
          if (r.usable(this.maxLag))
            this.log.warn(`${r.name} left out for ${DOWN_MS / 1000} s: ${(error as Error).message}`);
          r.markDown();
        }
      }),
    );
  }

  /** A replica that has replayed at least `after` (when given) and is not too far behind; null: use the primary. */
  async pick(after: bigint | null): Promise<Replica | null> {
    const ready = this.replicas.filter((r) => r.usable(this.maxLag));
    if (!ready.length) return null;
    this.next = (this.next + 1) % ready.length;
    const r = ready[this.next]!;
    if (after === null || (r.replayed !== null && r.replayed >= after)) return r;
    // the sample is older than the write: ask this replica once more
    try {
      const [row] = (await r.pool.query(`SELECT pg_last_wal_replay_lsn()::text AS lsn`)).rows as {
        lsn: string | null;
      }[];
      const replayed = lsnValue(row?.lsn);
      if (replayed !== null && replayed > (r.replayed ?? 0n)) r.replayed = replayed;
      return replayed !== null && replayed >= after ? r : null;
    } catch {
      r.markDown();
      return null;
    }
  }

  /** The primary's WAL position now (sent with the answer to a request that wrote). */
  async primaryPosition(): Promise<string | null> {
    const rows: { lsn: string }[] = await this.ds
      .query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`)
      .catch(() => []);
    return rows[0]?.lsn ?? null;
  }

  /** For /health/ready: each replica's state. */
  status(): { name: string; usable: boolean; lagBytes: number | null }[] {
    return this.replicas.map((r) => ({
      name: r.name,
      usable: r.usable(this.maxLag),
      lagBytes: r.lagBytes === null ? null : Number(r.lagBytes),
    }));
  }

  /**
   * Makes `ds.query` send a replica-safe statement, run outside a transaction while the current request is routed
   * to a replica, to that replica; on a connection failure the statement runs on the primary and the replica is left
   * out for a while. Everything else goes through TypeORM to the primary as before, and from then on the request's
   * reads too.
   */
  install(): void {
    // Anything that takes a connection of the primary (a transaction, a statement that writes or locks) turns the
    // rest of the request to the primary: what the request wrote is what it reads next (e.g. facts computed on read).
    const primaryRunner = this.ds.createQueryRunner.bind(this.ds);
    (this.ds as unknown as { createQueryRunner: typeof primaryRunner }).createQueryRunner = (mode) => {
      const current = route.getStore();
      if (current) current.replica = null;
      return primaryRunner(mode);
    };
    const primaryQuery = this.ds.query.bind(this.ds);
    const patched = async (sql: string, parameters?: unknown[], queryRunner?: unknown): Promise<unknown> => {
      const replica = queryRunner ? null : route.getStore()?.replica;
      if (!replica || !isReplicaSafeSql(sql)) return primaryQuery(sql, parameters as never, queryRunner as never);
      queryCounter.count++;
      queryCounter.onQuery?.(sql, parameters);
      try {
        return (await replica.pool.query(sql, parameters as unknown[])).rows;
      } catch (error) {
        const code = (error as { code?: string }).code;
        // a statement's own error (bad input, timeout) is the answer; a lost or refused connection, a standby
        // conflict or a shutdown goes to the primary
        const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
        if (sqlState && !/^(08|57P0|40001)/.test(code)) throw error;
        replica.markDown();
        return primaryQuery(sql, parameters as never);
      }
    };
    (this.ds as unknown as { query: typeof patched }).query = patched;
  }
}

export const READ_AFTER_HEADER = 'x-chibo-read-after';
export const WRITE_POSITION_HEADER = 'x-chibo-lsn';

type HookRequest = {
  method: string;
  url: string;
  body?: unknown;
  query?: unknown;
  headers: Record<string, string | string[] | undefined>;
};
type HookReply = { header: (name: string, value: string) => unknown };
const WROTE = Symbol('chibo.wrote');

/** True when a GraphQL request may write: any operation text names a mutation (or cannot be read). */
export const mayWrite = (req: HookRequest): boolean => {
  const bodies = Array.isArray(req.body) ? req.body : [req.method === 'GET' ? req.query : req.body];
  return bodies.some((b) => {
    const text = (b as { query?: unknown } | null | undefined)?.query;
    return typeof text !== 'string' || /\b(mutation|subscription)\b/.test(text);
  });
};

/**
 * Fastify hooks for /graphql: a request that only reads is routed to a replica (when one is ready for it); the answer
 * to one that may write carries the primary's WAL position for read-your-writes.
 */
export const routeGraphqlReads = (
  fastify: { addHook: (name: string, hook: (...args: never[]) => unknown) => unknown },
  replicas: ReadReplicas,
): void => {
  fastify.addHook('preHandler', ((req: HookRequest, _reply: HookReply, done: () => void) => {
    if (!req.url.startsWith('/graphql')) return done();
    if (mayWrite(req)) {
      (req as unknown as Record<symbol, boolean>)[WROTE] = true;
      return route.run({ replica: null }, done);
    }
    const header = req.headers[READ_AFTER_HEADER];
    const after = lsnValue(Array.isArray(header) ? header[0] : header);
    replicas.pick(after).then(
      (replica) => route.run({ replica }, done),
      () => route.run({ replica: null }, done),
    );
  }) as never);
  fastify.addHook('onSend', (async (req: HookRequest, reply: HookReply) => {
    if (!(req as unknown as Record<symbol, boolean>)[WROTE]) return;
    const lsn = await replicas.primaryPosition();
    if (lsn) reply.header(WRITE_POSITION_HEADER, lsn);
  }) as never);
};
