import type { MigrationInterface, QueryRunner } from 'typeorm';

// Change signals for the values an API process keeps between requests (docs/scaling.md#kept-between-requests): a
// signed-in caller (account, grants, and for a member grant the cell of the member) and the policy of an
// organisation on a date (its overrides and the tree that places it). Each statement that changes a table behind
// one of them sends `pg_notify('chibo_cache', <topic>)`; PostgreSQL delivers it to every listening process when the
// transaction commits (never for a rollback, once per topic and transaction), and each process drops what it kept
// for that topic (change-signals.ts). Statement-level, so a bulk load costs one notification, not one per row.

const CALLER_TABLES: [string, string][] = [
  ['app_user', 'AFTER UPDATE OR DELETE OR TRUNCATE'],
  ['access_grant', 'AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE'],
  ['membership', 'AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE'],
];
const POLICY_TABLES = ['policy_override', 'organisation_placement'];

export class CacheSignals1796670000000 implements MigrationInterface {
  name = 'CacheSignals1796670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cache_signal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('chibo_cache', TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    for (const [table, events] of CALLER_TABLES)
      await q.query(
        `CREATE TRIGGER cache_signal_caller ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION cache_signal('caller')`,
      );
    for (const table of POLICY_TABLES)
      await q.query(
        `CREATE TRIGGER cache_signal_policy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION cache_signal('policy')`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of CALLER_TABLES) await q.query(`DROP TRIGGER IF EXISTS cache_signal_caller ON ${table}`);
    for (const table of POLICY_TABLES) await q.query(`DROP TRIGGER IF EXISTS cache_signal_policy ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS cache_signal()`);
  }
}
