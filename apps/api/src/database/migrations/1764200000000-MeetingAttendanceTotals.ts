import type { MigrationInterface, QueryRunner } from 'typeorm';

// Attendance totals on the meeting row, kept by the database itself: present and expected (everyone listed except
// the exempt), recomputed by statement-level triggers on meeting_attendance whoever writes it. Compliance and the
// dashboard sum these over a subtree's meetings instead of scanning every attendance row (4.5 million at ×30).
export class MeetingAttendanceTotals1764200000000 implements MigrationInterface {
  name = 'MeetingAttendanceTotals1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE meeting ADD COLUMN attendance_present int NOT NULL DEFAULT 0, ADD COLUMN attendance_expected int NOT NULL DEFAULT 0`,
    );
    await q.query(
      `ALTER TABLE meeting ADD CONSTRAINT meeting_attendance_totals CHECK (attendance_present >= 0 AND attendance_present <= attendance_expected)`,
    );
    // Recompute the totals of the given meetings from their attendance rows (0 and 0 when none are left).
    await q.query(`
      CREATE FUNCTION meeting_attendance_recount(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE meeting mt SET attendance_present = coalesce(x.present, 0), attendance_expected = coalesce(x.expected, 0)
          FROM (SELECT i.id, count(*) FILTER (WHERE a.status = 'PRESENT') AS present, count(*) FILTER (WHERE a.status <> 'EXEMPT') AS expected
                  FROM unnest(ids) AS i(id) LEFT JOIN meeting_attendance a ON a.meeting_id = i.id GROUP BY i.id) x
         WHERE mt.id = x.id
      $$`);
    await q.query(`
      CREATE FUNCTION meeting_attendance_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM meeting_attendance_recount(ARRAY(SELECT DISTINCT meeting_id FROM new_rows)); RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION meeting_attendance_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM meeting_attendance_recount(ARRAY(SELECT DISTINCT meeting_id FROM old_rows)); RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION meeting_attendance_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM meeting_attendance_recount(ARRAY(SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows)); RETURN NULL; END $$`);
    await q.query(
      `CREATE TRIGGER meeting_attendance_ins AFTER INSERT ON meeting_attendance REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_after_insert()`,
    );
    await q.query(
      `CREATE TRIGGER meeting_attendance_del AFTER DELETE ON meeting_attendance REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_after_delete()`,
    );
    await q.query(
      `CREATE TRIGGER meeting_attendance_upd AFTER UPDATE ON meeting_attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_after_update()`,
    );
    // Subtree figures read a cell's meetings in a date range for their kind, state and totals: a covering index makes
    // that an index-only scan (x30: counts by kind 550 → 200 ms). It replaces the plain (organisation_id, meeting_date).
    await q.query(
      `CREATE INDEX meeting_org_date_cover ON meeting (organisation_id, meeting_date) INCLUDE (kind, state, attendance_present, attendance_expected)`,
    );
    await q.query(`DROP INDEX IF EXISTS meeting_org_date`);
    // Existing rows.
    await q.query(`SELECT meeting_attendance_recount(ARRAY(SELECT DISTINCT meeting_id FROM meeting_attendance))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS meeting_org_date ON meeting (organisation_id, meeting_date)`);
    await q.query(`DROP INDEX IF EXISTS meeting_org_date_cover`);
    for (const t of ['meeting_attendance_ins', 'meeting_attendance_del', 'meeting_attendance_upd'])
      await q.query(`DROP TRIGGER IF EXISTS ${t} ON meeting_attendance`);
    for (const f of [
      'meeting_attendance_after_insert()',
      'meeting_attendance_after_delete()',
      'meeting_attendance_after_update()',
      'meeting_attendance_recount(uuid[])',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${f}`);
    }
    await q.query(
      `ALTER TABLE meeting DROP CONSTRAINT IF EXISTS meeting_attendance_totals, DROP COLUMN IF EXISTS attendance_present, DROP COLUMN IF EXISTS attendance_expected`,
    );
  }
}
