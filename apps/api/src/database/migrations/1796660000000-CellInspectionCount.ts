import type { MigrationInterface, QueryRunner } from 'typeorm';
import { transitionTables } from '../migration-sql';

// The yearly inspection target's per-cell counts kept by the database as a step function of the reference date: a
// row says that for every reference date from `valid_from` (inclusive) to `valid_to` (exclusive; 'infinity' for
// open) the cell's own inspections (body CELL or CELL_COMMITTEE, not supervisions, not cancelled) stood as
// `concluded`, `in_progress` and `planned` for that date's year — libs' inspectionProgressOn, interval by interval:
// - CONCLUDED (state CONCLUDED, concluded_on C): concluded from C to the end of C's year, nothing after;
// - in progress from started_on S until C (open when not concluded);
// - planned from 1 January of the planned year until S or C, whichever comes first.
// So the target reads one row per cell (the first ending after the reference date) instead of every inspection of
// the subtree with its dates, as cell_member_count does for member counts. Days with nothing give no row.
//
// Kept by statement-level triggers on inspection in the writing transaction: the cells of the rows written (old and
// new) are rebuilt from their inspections, after the same kind of advisory locks as cell_member_count (up to 64
// cells: a shared lock on the whole and one per cell in id order; more: one exclusive lock on the whole), so two
// transactions writing one cell rebuild in turn. An update that changes none of the columns the counts read
// (a conclusion's text, say) rebuilds nothing.
const REBUILD = `
  CREATE FUNCTION cell_inspection_count_rebuild(cells uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    cells := ARRAY(SELECT DISTINCT c FROM unnest(cells) c WHERE c IS NOT NULL ORDER BY 1);
    IF cardinality(cells) = 0 THEN RETURN; END IF;
    IF cardinality(cells) <= 64 THEN
      PERFORM pg_advisory_xact_lock_shared(1796660000, 0);
      PERFORM pg_advisory_xact_lock(1796660000, hashtext(c::text)) FROM unnest(cells) c;
    ELSE
      PERFORM pg_advisory_xact_lock(1796660000, 0);
    END IF;
    DELETE FROM cell_inspection_count WHERE organisation_id IN (SELECT unnest(cells));
    INSERT INTO cell_inspection_count (organisation_id, valid_from, valid_to, concluded, in_progress, planned)
    WITH i AS MATERIALIZED (
           SELECT organisation_id AS c, make_date(extract(year FROM planned_from)::int, 1, 1) AS yp, started_on AS s,
                  CASE WHEN state = 'CONCLUDED' THEN concluded_on END AS cc
             FROM inspection
            WHERE organisation_id IN (SELECT unnest(cells)) AND body IN ('CELL','CELL_COMMITTEE') AND state <> 'CANCELLED'
              AND type NOT IN ('REGULAR_SUPERVISION','THEMATIC_SUPERVISION')),
         iv AS (SELECT c, cc AS f, make_date(extract(year FROM cc)::int + 1, 1, 1) AS t, 1 AS k, 0 AS p, 0 AS n FROM i WHERE cc IS NOT NULL
                UNION ALL SELECT c, s, coalesce(cc, 'infinity'::date), 0, 1, 0 FROM i WHERE s < coalesce(cc, 'infinity'::date)
                UNION ALL SELECT c, yp, least(coalesce(s, 'infinity'::date), coalesce(cc, 'infinity'::date)), 0, 0, 1 FROM i
                           WHERE yp < least(coalesce(s, 'infinity'::date), coalesce(cc, 'infinity'::date))),
         steps AS (SELECT c, d, sum(k) AS k, sum(p) AS p, sum(n) AS n FROM (
                     SELECT c, f AS d, k, p, n FROM iv UNION ALL SELECT c, t, -k, -p, -n FROM iv WHERE t < 'infinity'::date) z
                    GROUP BY c, d HAVING sum(k) <> 0 OR sum(p) <> 0 OR sum(n) <> 0),
         runs AS (SELECT c, d AS f, coalesce(lead(d) OVER w, 'infinity'::date) AS t,
                         sum(k) OVER (w ROWS UNBOUNDED PRECEDING) AS k, sum(p) OVER (w ROWS UNBOUNDED PRECEDING) AS p,
                         sum(n) OVER (w ROWS UNBOUNDED PRECEDING) AS n
                    FROM steps WINDOW w AS (PARTITION BY c ORDER BY d))
    SELECT c, f, t, k, p, n FROM runs WHERE k <> 0 OR p <> 0 OR n <> 0;
  END $$`;

// The columns the counts read: an update changing none of them leaves the counts as they are.
const READ = ['organisation_id', 'body', 'type', 'state', 'planned_from', 'started_on', 'concluded_on'];

const TRIGGERS: [name: string, event: string, body: string][] = [
  ['cell_inspection_count_ins', 'INSERT', `ARRAY(SELECT organisation_id FROM new_rows)`],
  ['cell_inspection_count_del', 'DELETE', `ARRAY(SELECT organisation_id FROM old_rows)`],
  [
    'cell_inspection_count_upd',
    'UPDATE',
    `ARRAY(SELECT unnest(ARRAY[o.organisation_id, n.organisation_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE ${READ.map((c) => `o.${c} IS DISTINCT FROM n.${c}`).join(' OR ')})`,
  ],
];

export class CellInspectionCount1796660000000 implements MigrationInterface {
  name = 'CellInspectionCount1796660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cell_inspection_count (
        organisation_id uuid NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        concluded int NOT NULL,
        in_progress int NOT NULL,
        planned int NOT NULL,
        PRIMARY KEY (organisation_id, valid_to) INCLUDE (valid_from, concluded, in_progress, planned),
        CHECK (valid_from < valid_to)
      )`);
    await q.query(REBUILD);
    for (const [name, event, body] of TRIGGERS) {
      await q.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM cell_inspection_count_rebuild(${body}); RETURN NULL; END $$`,
      );
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${event} ON inspection REFERENCING ${transitionTables(event)} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await q.query(
      `CREATE TRIGGER figure_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cell_inspection_count FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()`,
    );
    // Existing inspections.
    await q.query(`SELECT cell_inspection_count_rebuild(ARRAY(SELECT DISTINCT organisation_id FROM inspection))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of TRIGGERS) {
      await q.query(`DROP TRIGGER IF EXISTS ${name} ON inspection`);
      await q.query(`DROP FUNCTION IF EXISTS ${name}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS cell_inspection_count_rebuild(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS cell_inspection_count`);
  }
}
