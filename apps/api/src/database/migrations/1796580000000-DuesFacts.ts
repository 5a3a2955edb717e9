import type { MigrationInterface, QueryRunner } from 'typeorm';
import { transitionTables } from '../migration-sql';

// Kept dues facts (docs/dues.md#kept-facts): a subtree's dues figures and its members in arrears read a few small rows
// per member instead of judging every member's twelve months on each request (at a province's size, 1.8 million
// member-months: the root's figures took 54 s).
//
// - dues_fact: one row per member, year and "segment" — the months of the year the member spent in one cell while that
//   cell had one path in the tree — with the sums and month masks the rule functions in libs/domain computed for those
//   months (the application writes them: the SQL never judges a month itself). Bits 0–11 of a mask are January to
//   December.
// - dues_fact_year: which member-years have facts (with the member's name, for the lists' order), computed against which version of the member's records, which
//   epoch of the tree and policies, and in which month (a year still running is judged again in each new month: a
//   month that ends can make a member's month unpaid without any write).
// - dues_member_version: a member's version, raised in the writing transaction by every statement that writes their
//   payments, bases, reliefs, memberships or member row. Facts are fresh only for the version they were computed
//   from; a write that commits while facts are being computed leaves them stale (the version they carry is older).
// - dues_fact_epoch: raised by a change of the tree (placements) or of a policy override: every fact goes stale
//   (restructuring and policy changes are rare; the facts are then computed again, on read or by the refresh job).
export const DUES_FACT_TRIGGERS: [name: string, table: string, event: string, members: string][] = [
  ['dues_version_pay_ins', 'dues_payment', 'INSERT', 'SELECT member_id FROM new_rows'],
  [
    'dues_version_pay_upd',
    'dues_payment',
    'UPDATE',
    'SELECT member_id FROM new_rows UNION SELECT member_id FROM old_rows',
  ],
  ['dues_version_pay_del', 'dues_payment', 'DELETE', 'SELECT member_id FROM old_rows'],
  ['dues_version_basis_ins', 'dues_basis', 'INSERT', 'SELECT member_id FROM new_rows'],
  [
    'dues_version_basis_upd',
    'dues_basis',
    'UPDATE',
    'SELECT member_id FROM new_rows UNION SELECT member_id FROM old_rows',
  ],
  ['dues_version_basis_del', 'dues_basis', 'DELETE', 'SELECT member_id FROM old_rows'],
  ['dues_version_relief_ins', 'dues_relief', 'INSERT', 'SELECT member_id FROM new_rows'],
  [
    'dues_version_relief_upd',
    'dues_relief',
    'UPDATE',
    'SELECT member_id FROM new_rows UNION SELECT member_id FROM old_rows',
  ],
  ['dues_version_relief_del', 'dues_relief', 'DELETE', 'SELECT member_id FROM old_rows'],
  ['dues_version_ms_ins', 'membership', 'INSERT', 'SELECT member_id FROM new_rows'],
  [
    'dues_version_ms_upd',
    'membership',
    'UPDATE',
    'SELECT member_id FROM new_rows UNION SELECT member_id FROM old_rows',
  ],
  ['dues_version_ms_del', 'membership', 'DELETE', 'SELECT member_id FROM old_rows'],
  // the member row: admission date (no dues before it), the dates and status that make a member count in a month, the name
  [
    'dues_version_m_upd',
    'member',
    'UPDATE',
    `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.admission_decision_date, n.full_membership_date, n.left_on, n.status, n.full_name)
       IS DISTINCT FROM (o.admission_decision_date, o.full_membership_date, o.left_on, o.status, o.full_name)`,
  ],
];
const EPOCH_TABLES = ['organisation_placement', 'policy_override'] as const;

export class DuesFacts1796580000000 implements MigrationInterface {
  name = 'DuesFacts1796580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dues_fact (
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        year smallint NOT NULL,
        organisation_id uuid NOT NULL,
        path text NOT NULL,
        last_month smallint NOT NULL,
        due bigint NOT NULL,
        paid bigint NOT NULL,
        paid_ahead bigint NOT NULL,
        outstanding bigint NOT NULL,
        unpaid_mask int NOT NULL,
        short_mask int NOT NULL,
        unknown_mask int NOT NULL,
        arrears_months smallint NOT NULL,
        PRIMARY KEY (member_id, year, organisation_id, path)
      )`);
    await q.query(`CREATE INDEX dues_fact_path ON dues_fact (year, path)`);
    await q.query(`
      CREATE TABLE dues_fact_year (
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        year smallint NOT NULL,
        version bigint NOT NULL,
        epoch bigint NOT NULL,
        computed_month char(7) NOT NULL,
        full_name text NOT NULL,
        PRIMARY KEY (member_id, year)
      )`);
    await q.query(
      `CREATE TABLE dues_member_version (member_id uuid PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE, version bigint NOT NULL)`,
    );
    await q.query(`CREATE TABLE dues_fact_epoch (id smallint PRIMARY KEY CHECK (id = 1), epoch bigint NOT NULL)`);
    await q.query(`INSERT INTO dues_fact_epoch (id, epoch) VALUES (1, 0)`);
    for (const [name, table, event, members] of DUES_FACT_TRIGGERS) {
      await q.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO dues_member_version AS v (member_id, version)
          SELECT DISTINCT x.id, 1 FROM (${members}) AS x(id) WHERE x.id IS NOT NULL ORDER BY 1
          ON CONFLICT (member_id) DO UPDATE SET version = v.version + 1;
        RETURN NULL; END $$`);
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${event} ON ${table} REFERENCING ${transitionTables(event)} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    await q.query(`CREATE FUNCTION dues_fact_epoch_raise() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      UPDATE dues_fact_epoch SET epoch = epoch + 1 WHERE id = 1; RETURN NULL; END $$`);
    for (const t of EPOCH_TABLES) {
      await q.query(
        `CREATE TRIGGER dues_fact_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION dues_fact_epoch_raise()`,
      );
    }
    // The dashboard shows the members in arrears from now on: its cache follows the dues records.
    for (const t of ['dues_payment', 'dues_basis', 'dues_relief']) {
      await q.query(
        `CREATE TRIGGER figure_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION figure_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dues_payment', 'dues_basis', 'dues_relief'])
      await q.query(`DROP TRIGGER IF EXISTS figure_changed ON ${t}`);
    for (const t of EPOCH_TABLES) await q.query(`DROP TRIGGER IF EXISTS dues_fact_epoch ON ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS dues_fact_epoch_raise()`);
    for (const [name, table] of DUES_FACT_TRIGGERS) {
      await q.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      await q.query(`DROP FUNCTION IF EXISTS ${name}()`);
    }
    for (const t of ['dues_fact_epoch', 'dues_member_version', 'dues_fact_year', 'dues_fact'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
