import type { DataSource } from 'typeorm';

/**
 * Waits until every transaction that was running on the PostgreSQL server when called has ended, i.e. until the
 * outbox readers (change feed, webhook worker, notice job: events below pg_snapshot_xmin) can see everything
 * committed before the call. Transaction ids are per server: on a shared test server another database's long
 * transaction holds them back (docs/graphql.md#change-feed), so a test that writes and then reads the outbox at
 * once settles first. At most `timeoutMs`.
 */
export const settle = async (ds: DataSource, timeoutMs = 60_000): Promise<void> => {
  const [{ xid }] = await ds.query(`SELECT pg_current_xact_id()::text AS xid`);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ done }] = await ds.query(`SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS done`, [xid]);
    if (done) return;
    if (Date.now() > until) throw new Error(`transactions older than ${xid} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
