import type { MigrationInterface, QueryRunner } from 'typeorm';
import { transitionTables } from '../migration-sql';

// Per-cell member counts kept by the database as a step function of the date: a row says that from `valid_from`
// (inclusive) to `valid_to` (exclusive; 'infinity' for open) the organisation had `members` permanent memberships in
// force, `full_members` of them with a full-membership date on or before the day, and `exempt` of them exempted on
// the day (the member's latest EXEMPTED/EXEMPTION_ENDED event on or before it, EXEMPTED with a reason) — exactly
// what the dashboard's and the subtree's member counts count from the memberships, so those figures read one row
// per organisation of the subtree instead of every membership and member. Days with no membership give no row.
//
// Kept by statement-level triggers in the writing transaction: a statement writing membership (its cells, old and
// new), member (a full-membership date changed: the member's cells) or member_event (exemption events: the member's
// cells) rebuilds the rows of the cells concerned from their memberships (cell_member_count_rebuild: a few dozen
// memberships per cell). The rebuild first takes transaction-level advisory locks — for up to 64 cells a shared
// lock on the whole and an exclusive one per cell (in id order), for more cells (an import, a bulk load) one
// exclusive lock on the whole, so the lock table stays small — and two transactions writing the same cell rebuild
// one after the other, the second from a snapshot that sees the first's commit (READ COMMITTED: each statement of
// the function reads afresh). A bulk load with these triggers off calls the function for its cells afterwards.
const REBUILD = `
  CREATE FUNCTION cell_member_count_rebuild(cells uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    cells := ARRAY(SELECT DISTINCT c FROM unnest(cells) c WHERE c IS NOT NULL ORDER BY 1);
    IF cardinality(cells) = 0 THEN RETURN; END IF;
    IF cardinality(cells) <= 64 THEN
      PERFORM pg_advisory_xact_lock_shared(1796541000, 0);
      PERFORM pg_advisory_xact_lock(1796541000, hashtext(c::text)) FROM unnest(cells) c;
    ELSE
      PERFORM pg_advisory_xact_lock(1796541000, 0);
    END IF;
    DELETE FROM cell_member_count WHERE organisation_id IN (SELECT unnest(cells));
    INSERT INTO cell_member_count (organisation_id, valid_from, valid_to, members, full_members, exempt)
    WITH ms AS MATERIALIZED (
           SELECT ms.organisation_id AS c, ms.member_id, ms.valid_from AS f, coalesce(ms.valid_to, 'infinity'::date) AS t, m.full_membership_date AS fd
             FROM membership ms JOIN member m ON m.id = ms.member_id
            WHERE ms.kind = 'PERMANENT' AND ms.organisation_id IN (SELECT unnest(cells)) AND (ms.valid_to IS NULL OR ms.valid_to > ms.valid_from)),
         -- each member's exemption on and after each event date: the last recorded event of the day decides
         ev AS (SELECT DISTINCT ON (e.member_id, e.effective_on) e.member_id, e.effective_on AS d, (e.type = 'EXEMPTED' AND e.reason IS NOT NULL) AS x
                  FROM member_event e
                 WHERE e.type IN ('EXEMPTED','EXEMPTION_ENDED') AND e.member_id IN (SELECT member_id FROM ms)
                 ORDER BY e.member_id, e.effective_on, e.recorded_at DESC),
         ex AS (SELECT member_id, f, t FROM (
                  SELECT member_id, x, d AS f, coalesce(lead(d) OVER (PARTITION BY member_id ORDER BY d), 'infinity'::date) AS t FROM ev) y WHERE x),
         -- the intervals counted, each as +1 on its first day and -1 on the day after its last
         iv AS (SELECT c, f, t, 1 AS m, 0 AS fm, 0 AS xm FROM ms
                UNION ALL SELECT c, greatest(f, fd), t, 0, 1, 0 FROM ms WHERE fd IS NOT NULL AND fd < t
                UNION ALL SELECT ms.c, greatest(ms.f, ex.f), least(ms.t, ex.t), 0, 0, 1
                            FROM ms JOIN ex ON ex.member_id = ms.member_id AND ex.f < ms.t AND ex.t > ms.f),
         steps AS (SELECT c, d, sum(m) AS m, sum(fm) AS fm, sum(xm) AS xm FROM (
                     SELECT c, f AS d, m, fm, xm FROM iv UNION ALL SELECT c, t, -m, -fm, -xm FROM iv WHERE t < 'infinity'::date) z
                    GROUP BY c, d HAVING sum(m) <> 0 OR sum(fm) <> 0 OR sum(xm) <> 0),
         runs AS (SELECT c, d AS f, coalesce(lead(d) OVER w, 'infinity'::date) AS t,
                         sum(m) OVER (w ROWS UNBOUNDED PRECEDING) AS m, sum(fm) OVER (w ROWS UNBOUNDED PRECEDING) AS fm,
                         sum(xm) OVER (w ROWS UNBOUNDED PRECEDING) AS xm
                    FROM steps WINDOW w AS (PARTITION BY c ORDER BY d))
    SELECT c, f, t, m, fm, xm FROM runs WHERE m <> 0;
  END $$`;

const TRIGGERS: [name: string, table: string, event: string, body: string][] = [
  [
    'cell_member_count_ms_ins',
    'membership',
    'INSERT',
    `ARRAY(SELECT organisation_id FROM new_rows WHERE kind = 'PERMANENT')`,
  ],
  [
    'cell_member_count_ms_del',
    'membership',
    'DELETE',
    `ARRAY(SELECT organisation_id FROM old_rows WHERE kind = 'PERMANENT')`,
  ],
  [
    'cell_member_count_ms_upd',
    'membership',
    'UPDATE',
    `ARRAY(SELECT organisation_id FROM old_rows WHERE kind = 'PERMANENT' UNION SELECT organisation_id FROM new_rows WHERE kind = 'PERMANENT')`,
  ],
  [
    'cell_member_count_m_upd',
    'member',
    'UPDATE',
    `ARRAY(SELECT ms.organisation_id FROM membership ms WHERE ms.kind = 'PERMANENT' AND ms.member_id IN (
       SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.full_membership_date IS DISTINCT FROM o.full_membership_date))`,
  ],
  [
    'cell_member_count_ev_ins',
    'member_event',
    'INSERT',
    `ARRAY(SELECT ms.organisation_id FROM membership ms WHERE ms.kind = 'PERMANENT' AND ms.member_id IN (
       SELECT member_id FROM new_rows WHERE type IN ('EXEMPTED','EXEMPTION_ENDED')))`,
  ],
  [
    'cell_member_count_ev_del',
    'member_event',
    'DELETE',
    `ARRAY(SELECT ms.organisation_id FROM membership ms WHERE ms.kind = 'PERMANENT' AND ms.member_id IN (
       SELECT member_id FROM old_rows WHERE type IN ('EXEMPTED','EXEMPTION_ENDED')))`,
  ],
  [
    'cell_member_count_ev_upd',
    'member_event',
    'UPDATE',
    `ARRAY(SELECT ms.organisation_id FROM membership ms WHERE ms.kind = 'PERMANENT' AND ms.member_id IN (
       SELECT member_id FROM old_rows WHERE type IN ('EXEMPTED','EXEMPTION_ENDED') UNION SELECT member_id FROM new_rows WHERE type IN ('EXEMPTED','EXEMPTION_ENDED')))`,
  ],
];

export class CellMemberCount1796541000000 implements MigrationInterface {
  name = 'CellMemberCount1796541000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cell_member_count (
        organisation_id uuid NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        members int NOT NULL,
        full_members int NOT NULL,
        exempt int NOT NULL,
        PRIMARY KEY (organisation_id, valid_to),
        CHECK (valid_from < valid_to)
      )`);
    await q.query(REBUILD);
    for (const [name, table, event, body] of TRIGGERS) {
      await q.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM cell_member_count_rebuild(${body}); RETURN NULL; END $$`,
      );
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${event} ON ${table} REFERENCING ${transitionTables(event)} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await q.query(
      `CREATE TRIGGER figure_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cell_member_count FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()`,
    );
    // Existing memberships.
    await q.query(
      `SELECT cell_member_count_rebuild(ARRAY(SELECT DISTINCT organisation_id FROM membership WHERE kind = 'PERMANENT'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, table] of TRIGGERS) {
      await q.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      await q.query(`DROP FUNCTION IF EXISTS ${name}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS cell_member_count_rebuild(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS cell_member_count`);
  }
}
