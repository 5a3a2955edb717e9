import type { MigrationInterface, QueryRunner } from 'typeorm';

// The dues version bump of the membership triggers (dues_version_ms_ins and its siblings, migration
// 1796640000000-DuesVersionWriter) as a function of the members, for a bulk load that has those triggers off and
// raises the versions once afterwards (docs/scaling.md#bulk-loads): the same statement, so the same effect — each
// member's version raised by one (1 for a member without one), written by this transaction, members in id order.
export class DuesVersionBump1796672000000 implements MigrationInterface {
  name = 'DuesVersionBump1796672000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION dues_member_version_bump(members uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO dues_member_version AS v (member_id, version, written_xid)
          SELECT DISTINCT x.id, 1, pg_current_xact_id() FROM unnest(members) AS x(id) WHERE x.id IS NOT NULL ORDER BY 1
          ON CONFLICT (member_id) DO UPDATE SET version = v.version + 1, written_xid = excluded.written_xid
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS dues_member_version_bump(uuid[])`);
  }
}
