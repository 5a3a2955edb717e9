import type { MigrationInterface, QueryRunner } from 'typeorm';

// Per-cell, per-month meeting facts kept by the database itself: how many HELD/CLOSED meetings of each kind a cell
// had in a calendar month and the attendance totals of those meetings. Statement-level triggers on `meeting` add the
// difference each statement makes (new rows counted +1, old rows −1, per cell and month), so every write — plan,
// hold, close, cancel, a date moved into another month, a meeting moved to another cell, a delete, and the
// attendance totals that the meeting_attendance triggers keep on the meeting row — is followed in the same
// transaction. Adding deltas (INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x) is safe under concurrent writers:
// the row lock orders them and each adds to the latest committed value; only writers of the same cell and month
// wait for each other. Rows whose counts fall back to zero stay (they read as nothing held). No CHECK (count >= 0) on
// the counts: PostgreSQL checks the proposed row of an INSERT … ON CONFLICT (here a negative delta) before the
// conflict turns it into an update; the test compares the kept rows with a recomputation instead.
// Meeting compliance and the dashboard's meetings area read these rows for the whole months of a period instead
// of every meeting.
const KINDS = ['REGULAR', 'THEMATIC', 'COMBINED', 'IDEOLOGICAL', 'EXTRAORDINARY', 'CONGRESS'] as const;
const col = (k: string): string => k.toLowerCase();

// The statement applying the signed rows of `source` (columns s, organisation_id, meeting_date, kind, state,
// attendance_present, attendance_expected) to the kept facts.
const apply = (source: string): string => `
  INSERT INTO cell_meeting_month AS c (organisation_id, month, ${KINDS.map(col).join(', ')}, attendance_present, attendance_expected)
  SELECT organisation_id, month, ${KINDS.map(col).join(', ')}, present, expected FROM (
    SELECT x.organisation_id, date_trunc('month', x.meeting_date)::date AS month,
           ${KINDS.map((k) => `coalesce(sum(x.s) FILTER (WHERE x.kind = '${k}'), 0)::int AS ${col(k)}`).join(',\n           ')},
           sum(x.s * x.attendance_present)::int AS present, sum(x.s * x.attendance_expected)::int AS expected
      FROM (${source}) x
     WHERE x.state IN ('HELD','CLOSED')
     GROUP BY 1, 2) d
   WHERE ${[...KINDS.map(col), 'present', 'expected'].map((c) => `${c} <> 0`).join(' OR ')}
   ORDER BY organisation_id, month
  ON CONFLICT (organisation_id, month) DO UPDATE SET
    ${[...KINDS.map(col), 'attendance_present', 'attendance_expected'].map((c) => `${c} = c.${c} + excluded.${c}`).join(',\n    ')}`;

const rows = (sign: number, table: string): string =>
  `SELECT ${sign} AS s, organisation_id, meeting_date, kind, state, attendance_present, attendance_expected FROM ${table}`;

export class CellMeetingMonth1765100000000 implements MigrationInterface {
  name = 'CellMeetingMonth1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cell_meeting_month (
        organisation_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        ${KINDS.map((k) => `${col(k)} int NOT NULL DEFAULT 0`).join(',\n        ')},
        attendance_present int NOT NULL DEFAULT 0,
        attendance_expected int NOT NULL DEFAULT 0,
        PRIMARY KEY (organisation_id, month)
      )`);
    await q.query(`
      CREATE FUNCTION cell_meeting_month_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${apply(rows(1, 'new_rows'))}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION cell_meeting_month_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${apply(rows(-1, 'old_rows'))}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION cell_meeting_month_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${apply(`${rows(1, 'new_rows')} UNION ALL ${rows(-1, 'old_rows')}`)}; RETURN NULL; END $$`);
    await q.query(
      `CREATE TRIGGER cell_meeting_month_ins AFTER INSERT ON meeting REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cell_meeting_month_after_insert()`,
    );
    await q.query(
      `CREATE TRIGGER cell_meeting_month_del AFTER DELETE ON meeting REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cell_meeting_month_after_delete()`,
    );
    await q.query(
      `CREATE TRIGGER cell_meeting_month_upd AFTER UPDATE ON meeting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cell_meeting_month_after_update()`,
    );
    // Existing meetings.
    await q.query(apply(rows(1, 'meeting')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['cell_meeting_month_ins', 'cell_meeting_month_del', 'cell_meeting_month_upd'])
      await q.query(`DROP TRIGGER IF EXISTS ${t} ON meeting`);
    for (const f of [
      'cell_meeting_month_after_insert()',
      'cell_meeting_month_after_delete()',
      'cell_meeting_month_after_update()',
    ])
      await q.query(`DROP FUNCTION IF EXISTS ${f}`);
    await q.query(`DROP TABLE IF EXISTS cell_meeting_month`);
  }
}
