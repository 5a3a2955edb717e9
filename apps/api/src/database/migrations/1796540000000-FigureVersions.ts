import type { MigrationInterface, QueryRunner } from 'typeorm';

// Versions of the tables that feed the figures (dashboard, alerts, compliance, coverage, inspection and rating
// figures), so a cache of figures is dropped by a write to those tables and by nothing else — not by a sign-in's
// refresh token, throttle row, last-sign-in time or audit row.
//
// A statement-level trigger on every feeding table adds one row to `figure_change` per writing statement (INSERT
// only: writers never wait for each other, unlike a counter row each writer would lock until it commits). A
// table's version is its folded count in `figure_version` plus its rows still in `figure_change`, read in ONE
// statement, so in one snapshot: every commit that wrote a feeding table raises it, and nothing else moves it. The
// cache folds the pending rows from time to time (one statement deleting them and adding their count to
// figure_version: the sum read by any snapshot is the same before and after). It lives in the database, so several
// API processes agree, and it is plain SQL (PGlite as well).
//
// app_user feeds the figures only through the visitors' names: its updates count when they name display_name or
// is_active (a sign-in sets last_sign_in_at only). Tables that feed no figure (sessions, grants, tokens, throttles,
// audit, the event outbox, webhooks) have no trigger. A new table that a figure reads needs the trigger
// (figure_changed()); the figure-versions integration test fails for a table that has neither it nor a place on
// its list of tables that feed no figure.
export const FIGURE_TABLES = [
  'candidate',
  'cell_meeting_month',
  'committee_seat',
  'discipline',
  'inspection',
  'inspection_plan',
  'inspection_plan_subject',
  'inspection_subject',
  'meeting',
  'meeting_amendment',
  'meeting_attendance',
  'meeting_document',
  'member',
  'member_event',
  'membership',
  'organisation',
  'organisation_change',
  'organisation_placement',
  'policy_override',
  'rating',
  'rating_exclusion',
  'rating_round',
  'visit',
  'visit_assignment',
  'visit_report',
] as const;

export class FigureVersions1796540000000 implements MigrationInterface {
  name = 'FigureVersions1796540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE figure_version (table_name text PRIMARY KEY, version bigint NOT NULL DEFAULT 0)`);
    await q.query(`CREATE TABLE figure_change (table_name text NOT NULL)`);
    await q.query(`
      CREATE FUNCTION figure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO figure_change (table_name) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    for (const t of FIGURE_TABLES) {
      await q.query(
        `CREATE TRIGGER figure_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()`,
      );
    }
    await q.query(
      `CREATE TRIGGER figure_changed AFTER INSERT OR DELETE OR TRUNCATE ON app_user FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()`,
    );
    await q.query(
      `CREATE TRIGGER figure_changed_names AFTER UPDATE OF display_name, is_active ON app_user FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...FIGURE_TABLES, 'app_user']) await q.query(`DROP TRIGGER IF EXISTS figure_changed ON ${t}`);
    await q.query(`DROP TRIGGER IF EXISTS figure_changed_names ON app_user`);
    await q.query(`DROP FUNCTION IF EXISTS figure_changed()`);
    await q.query(`DROP TABLE IF EXISTS figure_change`);
    await q.query(`DROP TABLE IF EXISTS figure_version`);
  }
}
