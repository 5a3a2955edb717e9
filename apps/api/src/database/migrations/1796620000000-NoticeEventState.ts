import type { MigrationInterface, QueryRunner } from 'typeorm';

// What the notice job has already turned into domain events (docs/graphql.md#change-feed): the meetings it has seen
// published (kind 'meeting.published', key: the meeting) and the alerts raised now (kind 'alert', key: rule and
// record, libs/domain alertKey; payload: as last raised, for the alert.cleared event when the rule stops holding).
// A row is written with its event, in the job's transaction, so a rerun appends nothing.
export class NoticeEventState1796620000000 implements MigrationInterface {
  name = 'NoticeEventState1796620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notice_event_state (
        kind varchar(40) NOT NULL,
        key varchar(200) NOT NULL,
        organisation_id uuid,
        subject_type varchar(50) NOT NULL,
        subject_id varchar(100) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notice_event_state`);
  }
}
