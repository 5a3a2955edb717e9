import type { MigrationInterface, QueryRunner } from 'typeorm';
import { transitionTables } from '../migration-sql';

// Admissions kept per admitting cell and admission decision date: a row says that `admissions` ADMITTED events name
// the cell (to_organisation_id, else organisation_id) for members whose admission decision date is `admitted_on` —
// exactly the rows the admissions list's definition (admissionsSql) counts, before it places the cell in the tree of
// that date. The attribution reads no placement, so the rows do not change when the tree does (a merge or a split
// moves memberships, not ADMITTED events): the tree of each row's date is resolved when a subtree is counted, as the
// definition does. A subtree's admissions of a period then read the rows of the period's days (at ×30 a few
// thousand a year) instead of hashing every ADMITTED event with its member.
//
// Kept by statement-level triggers in the writing transaction: a statement writing member_event (ADMITTED rows, old
// and new; an update that changes none of the columns read rebuilds nothing) or member (a changed admission decision
// date, a new member whose ADMITTED events were loaded first) rebuilds the rows of the cells concerned from their
// ADMITTED events (index member_event_admitted_cell), after advisory locks like cell_member_count's (up to 64
// cells: a shared lock on the whole and one per cell in id order; more: one exclusive lock on the whole), so two
// transactions writing one cell rebuild in turn. A deleted member's events go by their own delete (cascade or not).
const REBUILD = `
  CREATE FUNCTION cell_admission_count_rebuild(cells uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    cells := ARRAY(SELECT DISTINCT c FROM unnest(cells) c WHERE c IS NOT NULL ORDER BY 1);
    IF cardinality(cells) = 0 THEN RETURN; END IF;
    IF cardinality(cells) <= 64 THEN
      PERFORM pg_advisory_xact_lock_shared(1796665000, 0);
      PERFORM pg_advisory_xact_lock(1796665000, hashtext(c::text)) FROM unnest(cells) c;
    ELSE
      PERFORM pg_advisory_xact_lock(1796665000, 0);
    END IF;
    DELETE FROM cell_admission_count WHERE organisation_id IN (SELECT unnest(cells));
    INSERT INTO cell_admission_count (organisation_id, admitted_on, admissions)
    SELECT COALESCE(e.to_organisation_id, e.organisation_id), m.admission_decision_date, count(*)
      FROM member_event e JOIN member m ON m.id = e.member_id
     WHERE e.type = 'ADMITTED' AND COALESCE(e.to_organisation_id, e.organisation_id) IN (SELECT unnest(cells))
       AND m.admission_decision_date IS NOT NULL
     GROUP BY 1, 2;
  END $$`;

// The event columns the rows read: an update changing none of them leaves the rows as they are.
const READ = ['member_id', 'type', 'organisation_id', 'to_organisation_id'];
const CELL = (e: string): string => `COALESCE(${e}.to_organisation_id, ${e}.organisation_id)`;
const CELLS_OF_MEMBERS = (members: string): string =>
  `ARRAY(SELECT ${CELL('e')} FROM member_event e WHERE e.type = 'ADMITTED' AND e.member_id IN (${members}))`;

const TRIGGERS: [name: string, table: string, event: string, body: string][] = [
  [
    'cell_admission_count_ev_ins',
    'member_event',
    'INSERT',
    `ARRAY(SELECT ${CELL('n')} FROM new_rows n WHERE n.type = 'ADMITTED')`,
  ],
  [
    'cell_admission_count_ev_del',
    'member_event',
    'DELETE',
    `ARRAY(SELECT ${CELL('o')} FROM old_rows o WHERE o.type = 'ADMITTED')`,
  ],
  [
    'cell_admission_count_ev_upd',
    'member_event',
    'UPDATE',
    `ARRAY(SELECT unnest(ARRAY[${CELL('o')}, ${CELL('n')}]) FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.type = 'ADMITTED' OR n.type = 'ADMITTED')
              AND (${READ.map((c) => `o.${c} IS DISTINCT FROM n.${c}`).join(' OR ')}))`,
  ],
  [
    'cell_admission_count_m_upd',
    'member',
    'UPDATE',
    CELLS_OF_MEMBERS(
      `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.admission_decision_date IS DISTINCT FROM o.admission_decision_date`,
    ),
  ],
  [
    'cell_admission_count_m_ins',
    'member',
    'INSERT',
    CELLS_OF_MEMBERS(`SELECT id FROM new_rows WHERE admission_decision_date IS NOT NULL`),
  ],
];

export class CellAdmissionCount1796665000000 implements MigrationInterface {
  name = 'CellAdmissionCount1796665000000';

  async up(q: QueryRunner): Promise<void> {
    // Keyed by cell then day, the count included: a subtree's cells are probed for the period's days, index only.
    await q.query(`
      CREATE TABLE cell_admission_count (
        organisation_id uuid NOT NULL,
        admitted_on date NOT NULL,
        admissions int NOT NULL CHECK (admissions > 0),
        PRIMARY KEY (organisation_id, admitted_on) INCLUDE (admissions)
      )`);
    await q.query(REBUILD);
    for (const [name, table, event, body] of TRIGGERS) {
      await q.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM cell_admission_count_rebuild(${body}); RETURN NULL; END $$`,
      );
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${event} ON ${table} REFERENCING ${transitionTables(event)} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await q.query(
      `CREATE TRIGGER figure_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cell_admission_count FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()`,
    );
    // Existing admissions.
    await q.query(
      `SELECT cell_admission_count_rebuild(ARRAY(SELECT DISTINCT ${CELL('e')} FROM member_event e WHERE e.type = 'ADMITTED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, table] of TRIGGERS) {
      await q.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      await q.query(`DROP FUNCTION IF EXISTS ${name}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS cell_admission_count_rebuild(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS cell_admission_count`);
  }
}
