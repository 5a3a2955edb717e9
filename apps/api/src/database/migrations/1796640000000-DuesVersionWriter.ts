import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DUES_FACT_TRIGGERS } from './1796580000000-DuesFacts';

// Which transaction last raised a member's dues version (docs/dues.md#kept-facts): dues_member_version.written_xid.
// A process that found a subtree's facts up to date remembers the oldest transaction still running then
// (pg_snapshot_xmin); when only member records were written since (same tree epoch, same month), the facts that may
// have gone stale are those of the members whose version a transaction at or after that one raised — a few rows
// through an index, instead of every membership of the subtree's cells (at a province's root, 150,000). A transaction
// that started before the check and commits after it has an id at or above that xmin, so it is never missed.
export class DuesVersionWriter1796640000000 implements MigrationInterface {
  name = 'DuesVersionWriter1796640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dues_member_version ADD COLUMN written_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX dues_member_version_written ON dues_member_version (written_xid)`);
    for (const [name, , , members] of DUES_FACT_TRIGGERS) {
      await q.query(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO dues_member_version AS v (member_id, version, written_xid)
          SELECT DISTINCT x.id, 1, pg_current_xact_id() FROM (${members}) AS x(id) WHERE x.id IS NOT NULL ORDER BY 1
          ON CONFLICT (member_id) DO UPDATE SET version = v.version + 1, written_xid = excluded.written_xid;
        RETURN NULL; END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, , , members] of DUES_FACT_TRIGGERS) {
      await q.query(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO dues_member_version AS v (member_id, version)
          SELECT DISTINCT x.id, 1 FROM (${members}) AS x(id) WHERE x.id IS NOT NULL ORDER BY 1
          ON CONFLICT (member_id) DO UPDATE SET version = v.version + 1;
        RETURN NULL; END $$`);
    }
    await q.query(`DROP INDEX IF EXISTS dues_member_version_written`);
    await q.query(`ALTER TABLE dues_member_version DROP COLUMN IF EXISTS written_xid`);
  }
}
