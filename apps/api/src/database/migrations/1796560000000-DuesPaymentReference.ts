import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15 §3: importing dues payments from a file (docs/dues.md#importing-a-payment-file). A payment keeps the
// reference it came with (the portal's transaction code, a receipt number); a reference is recorded once per channel,
// cancelled payments included, so that importing the portal's file again writes nothing twice.
export class DuesPaymentReference1796560000000 implements MigrationInterface {
  name = 'DuesPaymentReference1796560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dues_payment ADD COLUMN reference varchar(100)`);
    await q.query(
      `CREATE UNIQUE INDEX dues_payment_reference ON dues_payment (channel, reference) WHERE reference IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS dues_payment_reference`);
    await q.query(`ALTER TABLE dues_payment DROP COLUMN IF EXISTS reference`);
  }
}
