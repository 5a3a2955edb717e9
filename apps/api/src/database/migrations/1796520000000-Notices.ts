import type { MigrationInterface, QueryRunner } from 'typeorm';

// In-app notices and reminders (docs/notices.md): one inbox per user, filled by the notice job (modules/notice).
// - notice.dedupe_key: what the notice is about and for which occurrence (a meeting's plan, a domain event, an
//   alert's deadline or period), unique per user, so the job inserts with ON CONFLICT DO NOTHING and a rerun adds
//   nothing.
// - notice_email: the e-mail outbox of notices (only filled when SMTP is configured), one row per notice.
// - notice_cursor: how far the job has read the domain_event outbox, by (txid, id) under the change feed's rule;
//   it starts at this migration, so older events give no notice.
// - app_user.email: where a user's notices are e-mailed (optional; never logged).
export class Notices1796520000000 implements MigrationInterface {
  name = 'Notices1796520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN email varchar(254)`);
    await q.query(`
      CREATE TABLE notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL CHECK (kind IN ('MEETING','RECORD','REMINDER')),
        code varchar(40) NOT NULL,
        dedupe_key text NOT NULL,
        title_vi varchar(300) NOT NULL,
        title_en varchar(300) NOT NULL,
        body_vi text NOT NULL DEFAULT '',
        body_en text NOT NULL DEFAULT '',
        link varchar(300),
        subject_type varchar(30),
        subject_id uuid,
        organisation_id uuid,
        due_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notice_once UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notice_inbox ON notice (user_id, read_at, created_at DESC)`);
    await q.query(`
      CREATE TABLE notice_email (
        notice_id uuid PRIMARY KEY REFERENCES notice(id) ON DELETE CASCADE,
        status varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED')),
        tries int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX notice_email_pending ON notice_email (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE notice_cursor (
        name varchar(40) PRIMARY KEY,
        cursor_txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        cursor_event_id bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`INSERT INTO notice_cursor (name) VALUES ('record')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notice_cursor`);
    await q.query(`DROP TABLE notice_email`);
    await q.query(`DROP TABLE notice`);
    await q.query(`ALTER TABLE app_user DROP COLUMN email`);
  }
}
