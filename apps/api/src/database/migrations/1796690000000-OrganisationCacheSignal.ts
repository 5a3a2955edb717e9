import type { MigrationInterface, QueryRunner } from 'typeorm';

// The `policy` topic of the change signals (migration CacheSignals) also for `organisation`: an API process keeps the
// organisation rows its loaders read (name, code, kind, dates, with the placement of a date and whether the caller may
// read it: KeptTreeReads), so a statement that changes an organisation (a rename, a new term, a dissolution, an import)
// must drop them like one that changes the tree. Statement-level, as the others: an import costs one notification.
export class OrganisationCacheSignal1796690000000 implements MigrationInterface {
  name = 'OrganisationCacheSignal1796690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TRIGGER cache_signal_policy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation FOR EACH STATEMENT EXECUTE FUNCTION cache_signal('policy')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS cache_signal_policy ON organisation`);
  }
}
