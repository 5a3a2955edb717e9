import type { MigrationInterface, QueryRunner } from 'typeorm';

// The held meetings still missing minutes or a resolution (the dashboard's MINUTES_MISSING / RESOLUTION_MISSING
// candidates), by date: a partial index whose predicate is the alert query's own conditions, so a year of a
// province reads the few hundred such meetings instead of every held meeting's minutes and resolution text
// (at ×30: 146k meetings and their text scanned, 3.4 s; with the index 1,050 rows).
export class MeetingPaperworkIndex1796542000000 implements MigrationInterface {
  name = 'MeetingPaperworkIndex1796542000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS meeting_paperwork_missing ON meeting (meeting_date, organisation_id)
       WHERE state IN ('HELD','CLOSED') AND NOT (coalesce(minutes ~ '[^[:space:]]', false) AND coalesce(resolution ~ '[^[:space:]]', false))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS meeting_paperwork_missing`);
  }
}
