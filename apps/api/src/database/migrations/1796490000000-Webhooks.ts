import type { MigrationInterface, QueryRunner } from 'typeorm';

// Webhooks (docs/webhooks.md), fed by the domain_event outbox. A subscription follows the event table by its own
// cursor (txid, event id), under the change feed's visibility rule (txid < pg_snapshot_xmin(pg_current_snapshot())),
// and the worker turns each matching event into one delivery (unique per subscription and event), sent outside any
// write transaction.
// - secret_enc: the signing secret, AES-256-GCM under a key derived from the server secret; never selected by the API.
// - creator_*: whose scope bounds the events delivered (checked in SQL at every selection).
// - failing_since: when deliveries started failing without a success since (automatic disabling).
// - webhook_delivery.subject_key: deliveries of one subject go out in event order (an earlier PENDING one blocks).
// - locked_until: a claimed attempt's lease; another process takes it over only after it expires.
export class Webhooks1796490000000 implements MigrationInterface {
  name = 'Webhooks1796490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        target_url text NOT NULL,
        event_types text[] NOT NULL,
        description varchar(200),
        active boolean NOT NULL DEFAULT true,
        disabled_at timestamptz,
        disabled_reason text,
        secret_enc text NOT NULL,
        creator_type varchar(10) NOT NULL CHECK (creator_type IN ('USER','API_TOKEN','SYSTEM')),
        creator_id uuid,
        creator_name varchar(200) NOT NULL,
        cursor_txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        cursor_event_id bigint NOT NULL DEFAULT 0,
        failing_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_subscription_org ON webhook_subscription (organisation_id)`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        subscription_id uuid NOT NULL REFERENCES webhook_subscription(id) ON DELETE CASCADE,
        event_id bigint NOT NULL REFERENCES domain_event(id),
        event_txid xid8 NOT NULL,
        event_type varchar(100) NOT NULL,
        event_occurred_at timestamptz NOT NULL,
        subject_key text NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DELIVERED','DEAD')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        response_status int,
        duration_ms int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(
      `CREATE INDEX webhook_delivery_subject ON webhook_delivery (subscription_id, subject_key, event_txid, event_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, seq)`);
    await q.query(`CREATE INDEX webhook_delivery_occurred ON webhook_delivery (subscription_id, event_occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhook_delivery`);
    await q.query(`DROP TABLE IF EXISTS webhook_subscription`);
  }
}
