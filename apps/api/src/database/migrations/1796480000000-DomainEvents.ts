import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 14: domain events through a transactional outbox (docs/graphql.md#change-feed). AuditService appends a row
// here in the writing transaction for every audited write that matters outside (common/audit/event-types.ts);
// nothing is sent from inside the transaction. Readers (the change feed, later a webhook delivery worker) follow
// the table by the cursor (txid, id) and only read events of transactions older than every transaction still
// running (txid < pg_snapshot_xmin(pg_current_snapshot())), so a transaction that started earlier but commits
// later can never be skipped.
// - txid: the writing transaction's id (xid8, never wraps); all events of a transaction share it.
// - organisation_id / organisation_path: the organisation the event belongs to and its placement path on the day
//   of the write (C collation, like organisation_placement.path: a subtree is one range), for scoping.
export class DomainEvents1796480000000 implements MigrationInterface {
  name = 'DomainEvents1796480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        type varchar(100) NOT NULL,
        version int NOT NULL CHECK (version > 0),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_type varchar(10) NOT NULL CHECK (actor_type IN ('USER','API_TOKEN','SYSTEM')),
        actor_id uuid,
        actor_name varchar(200) NOT NULL,
        subject_type varchar(50) NOT NULL,
        subject_id varchar(100),
        organisation_id uuid,
        organisation_path text COLLATE "C",
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(100)
      )`);
    await q.query(`CREATE INDEX domain_event_order ON domain_event (txid, id)`);
    await q.query(`CREATE INDEX domain_event_path ON domain_event (organisation_path, txid, id)`);
    await q.query(`CREATE INDEX domain_event_type ON domain_event (type, txid, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS domain_event`);
  }
}
