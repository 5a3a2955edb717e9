import type { MigrationInterface, QueryRunner } from 'typeorm';

// Per-cell sums of the kept dues facts (docs/dues.md#kept-facts): a subtree's dues figures add up one row per cell
// (and path) instead of grouping every member's facts (at a province's root, 150,000 members: about 0.5 s a read).
//
// - dues_fact.multi: the member has more than one segment in the year (moved between cells, or their cell moved in
//   the tree). Such a member's figures depend on which of their segments lie in the subtree read (their count, their
//   arrears and their last cell there), so they are grouped from their facts at read time, as before; they are few
//   (a partial index finds them in a subtree's range).
// - dues_cell_sum: per year, path and "counted" (the segment has a counted month, so the member is listed under the
//   cell), the sums of the facts of the members with one segment: money owed, paid and paid ahead, members,
//   outstanding, members in arrears (unpaid months at least the policy's threshold) and members with a month of
//   unknown basis. Kept by statement-level triggers on dues_fact in the writing transaction: the paths a statement
//   touched are summed again from their facts (a few dozen rows each), after the same advisory lock under which the
//   application writes facts of a year, so two writers of one path sum in turn.
export class DuesCellSum1796630000000 implements MigrationInterface {
  name = 'DuesCellSum1796630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dues_fact ADD COLUMN multi boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE dues_fact f SET multi = true
        FROM (SELECT member_id, year FROM dues_fact GROUP BY 1, 2 HAVING count(*) > 1) m
       WHERE m.member_id = f.member_id AND m.year = f.year`);
    await q.query(`CREATE INDEX dues_fact_multi ON dues_fact (year, path) WHERE multi`);
    await q.query(`
      CREATE TABLE dues_cell_sum (
        year smallint NOT NULL,
        path text NOT NULL,
        counted boolean NOT NULL,
        due bigint NOT NULL,
        paid bigint NOT NULL,
        paid_ahead bigint NOT NULL,
        members int NOT NULL,
        outstanding bigint NOT NULL,
        in_arrears int NOT NULL,
        without_basis int NOT NULL,
        PRIMARY KEY (year, path, counted)
      ) WITH (fillfactor = 50)`);
    // The sums of some paths of a year, from their facts (single-segment members): what the triggers run. Rows whose
    // sums did not change are not written (a judgement that finds the same figures leaves no dead row; room is left in
    // each page for updates in place).
    await q.query(`
      CREATE FUNCTION dues_cell_sum_rebuild(y smallint, paths text[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN
        PERFORM pg_advisory_xact_lock(1796580000, y);
        DELETE FROM dues_cell_sum d
         WHERE d.year = y AND d.path = ANY(paths)
           AND NOT EXISTS (SELECT 1 FROM dues_fact f WHERE f.year = y AND f.path = d.path AND NOT f.multi AND (f.last_month > 0) = d.counted);
        INSERT INTO dues_cell_sum (year, path, counted, due, paid, paid_ahead, members, outstanding, in_arrears, without_basis)
          SELECT f.year, f.path, f.last_month > 0, sum(f.due), sum(f.paid), sum(f.paid_ahead), count(*), sum(f.outstanding),
                 count(*) FILTER (WHERE length(replace(f.unpaid_mask::bit(12)::text, '0', '')) >= f.arrears_months),
                 count(*) FILTER (WHERE f.unknown_mask <> 0)
            FROM dues_fact f
           WHERE f.year = y AND f.path = ANY(paths) AND NOT f.multi
           GROUP BY f.year, f.path, f.last_month > 0
          ON CONFLICT (year, path, counted) DO UPDATE
            SET due = excluded.due, paid = excluded.paid, paid_ahead = excluded.paid_ahead, members = excluded.members,
                outstanding = excluded.outstanding, in_arrears = excluded.in_arrears, without_basis = excluded.without_basis
          WHERE (dues_cell_sum.due, dues_cell_sum.paid, dues_cell_sum.paid_ahead, dues_cell_sum.members, dues_cell_sum.outstanding,
                 dues_cell_sum.in_arrears, dues_cell_sum.without_basis)
                IS DISTINCT FROM (excluded.due, excluded.paid, excluded.paid_ahead, excluded.members, excluded.outstanding,
                 excluded.in_arrears, excluded.without_basis);
      END $$`);
    for (const [event, rows] of [
      ['INSERT', 'SELECT year, path FROM new_rows'],
      ['DELETE', 'SELECT year, path FROM old_rows'],
      ['UPDATE', 'SELECT year, path FROM new_rows UNION SELECT year, path FROM old_rows'],
    ] as const) {
      const referencing =
        event === 'INSERT'
          ? 'NEW TABLE AS new_rows'
          : event === 'DELETE'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      const name = `dues_cell_sum_${event.toLowerCase()}`;
      await q.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN
        FOR r IN SELECT x.year, array_agg(DISTINCT x.path ORDER BY x.path) AS paths FROM (${rows}) x GROUP BY x.year ORDER BY x.year LOOP
          PERFORM dues_cell_sum_rebuild(r.year, r.paths);
        END LOOP;
        RETURN NULL; END $$`);
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${event} ON dues_fact REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await q.query(`CREATE FUNCTION dues_cell_sum_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      DELETE FROM dues_cell_sum; RETURN NULL; END $$`);
    await q.query(
      `CREATE TRIGGER dues_cell_sum_truncate AFTER TRUNCATE ON dues_fact FOR EACH STATEMENT EXECUTE FUNCTION dues_cell_sum_truncate()`,
    );
    // the facts already kept
    await q.query(`
      INSERT INTO dues_cell_sum (year, path, counted, due, paid, paid_ahead, members, outstanding, in_arrears, without_basis)
        SELECT f.year, f.path, f.last_month > 0, sum(f.due), sum(f.paid), sum(f.paid_ahead), count(*), sum(f.outstanding),
               count(*) FILTER (WHERE length(replace(f.unpaid_mask::bit(12)::text, '0', '')) >= f.arrears_months),
               count(*) FILTER (WHERE f.unknown_mask <> 0)
          FROM dues_fact f WHERE NOT f.multi
         GROUP BY f.year, f.path, f.last_month > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS dues_cell_sum_truncate ON dues_fact`);
    await q.query(`DROP FUNCTION IF EXISTS dues_cell_sum_truncate()`);
    for (const event of ['insert', 'delete', 'update']) {
      await q.query(`DROP TRIGGER IF EXISTS dues_cell_sum_${event} ON dues_fact`);
      await q.query(`DROP FUNCTION IF EXISTS dues_cell_sum_${event}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS dues_cell_sum_rebuild(smallint, text[])`);
    await q.query(`DROP TABLE IF EXISTS dues_cell_sum`);
    await q.query(`DROP INDEX IF EXISTS dues_fact_multi`);
    await q.query(`ALTER TABLE dues_fact DROP COLUMN IF EXISTS multi`);
  }
}
