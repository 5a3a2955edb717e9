import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15 §3: party dues (docs/dues.md, docs/rules.md#r-dues). Months are stored as their first day.
// - dues_basis: what a member's monthly amount is computed from, per period [valid_from, valid_to) of whole months.
// - dues_relief: an exemption, reduction or deferral granted on application, per period of whole months.
// - dues_payment: money paid for a member's month (cash to the cell or through the public service portal); a
//   mistaken payment is cancelled with a reason, never deleted. client_key makes a retried write (an offline queue,
//   an import rerun) land once.
export class PartyDues1796550000000 implements MigrationInterface {
  name = 'PartyDues1796550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dues_basis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member(id),
        valid_from date NOT NULL CHECK (extract(day FROM valid_from) = 1),
        valid_to date CHECK (valid_to IS NULL OR (valid_to > valid_from AND extract(day FROM valid_to) = 1)),
        basis varchar(20) NOT NULL CHECK (basis IN ('INSURED_SALARY','SICKNESS_MATERNITY','PENSION','SOCIAL_PENSION','STUDENT','OTHER')),
        amount bigint CHECK (amount IS NULL OR amount BETWEEN 0 AND 1000000000),
        note varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dues_basis_amount CHECK ((basis IN ('SOCIAL_PENSION','STUDENT')) = (amount IS NULL)),
        CONSTRAINT dues_basis_no_overlap EXCLUDE USING gist (member_id WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await q.query(`
      CREATE TABLE dues_relief (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member(id),
        kind varchar(10) NOT NULL CHECK (kind IN ('EXEMPT','REDUCE','DEFER')),
        percent int CHECK (percent IS NULL OR percent BETWEEN 1 AND 99),
        valid_from date NOT NULL CHECK (extract(day FROM valid_from) = 1),
        valid_to date NOT NULL CHECK (valid_to > valid_from AND extract(day FROM valid_to) = 1),
        decided_on date NOT NULL,
        reason varchar(1000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dues_relief_percent CHECK ((kind = 'REDUCE') = (percent IS NOT NULL)),
        CONSTRAINT dues_relief_no_overlap EXCLUDE USING gist (member_id WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await q.query(`
      CREATE TABLE dues_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000),
        paid_on date NOT NULL,
        channel varchar(10) NOT NULL CHECK (channel IN ('CASH','PORTAL')),
        note varchar(500),
        client_key varchar(100),
        recorded_by varchar(200) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        cancel_reason varchar(1000),
        CONSTRAINT dues_payment_client_key UNIQUE (client_key),
        CONSTRAINT dues_payment_cancel CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX dues_basis_member ON dues_basis (member_id, valid_from)`);
    await q.query(`CREATE INDEX dues_relief_member ON dues_relief (member_id, valid_from)`);
    await q.query(`CREATE INDEX dues_payment_member ON dues_payment (member_id, month)`);
    await q.query(`CREATE INDEX dues_payment_org ON dues_payment (organisation_id, month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS dues_payment`);
    await q.query(`DROP TABLE IF EXISTS dues_relief`);
    await q.query(`DROP TABLE IF EXISTS dues_basis`);
  }
}
