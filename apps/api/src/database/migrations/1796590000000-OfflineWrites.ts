import type { MigrationInterface, QueryRunner } from 'typeorm';

// Writes made without a connection and sent later (docs/offline.md#writing-offline):
//
// - meeting.version: raised by every write of the meeting row (plan, record, close, cancel, amendment). A client that
//   recorded a meeting offline sends the version it read; the server refuses the write when the meeting changed since
//   (CONFLICT / MEETING_CHANGED) instead of overwriting what someone else wrote meanwhile.
// - client_write: the idempotency keys of writes a client may send more than once (an answer lost on a poor
//   connection). One row per caller and key, written in the same transaction as the change it names: a retry with the
//   same key and the same target returns the first result and writes nothing; the same key for another target is
//   refused (CONFLICT / CLIENT_KEY_REUSED). A caller's keys older than 30 days are removed by their next keyed write
//   (far longer than an outbox waits).
export class OfflineWrites1796590000000 implements MigrationInterface {
  name = 'OfflineWrites1796590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE client_write (
        actor text NOT NULL,
        client_key text NOT NULL,
        operation text NOT NULL,
        target_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, client_key),
        CONSTRAINT client_write_key_length CHECK (length(client_key) BETWEEN 8 AND 100)
      )`);
    await q.query(`CREATE INDEX client_write_created_idx ON client_write (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_write`);
    await q.query(`ALTER TABLE meeting DROP COLUMN version`);
  }
}
