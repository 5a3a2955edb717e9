import type { MigrationInterface, QueryRunner } from 'typeorm';

// A tamper-evident audit log (docs/audit.md). Each row carries the SHA-256 of its own content (`row_hash`, set by a
// trigger on insert, so every writer, COPY included, gets it). Rows are then sealed in batches: a seal holds the
// digest of the previous seal, the batch's row count and the concatenated row hashes, so the seals form a hash chain
// and no writer ever waits on a shared "last row" (sealing runs apart from the writes, one sealer at a time).
// Changing a row's content breaks its row hash; re-computing that hash breaks its seal's digest; removing or
// re-ordering seals breaks the chain; and the chain's newest digest, kept outside the database, pins the end.
// A guard trigger refuses UPDATE and DELETE of audit rows (except sealing an unsealed row), so a change needs
// someone able to disable triggers, and `audit verify` still finds it.
export class AuditChain1796460000000 implements MigrationInterface {
  name = 'AuditChain1796460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN row_hash bytea, ADD COLUMN seal_seq bigint`);
    // The content, in a canonical form: a JSON array (null stays distinct from ""; jsonb prints its keys in one
    // order) with the time as microseconds since the epoch (independent of the session's time zone).
    await q.query(`
      CREATE FUNCTION audit_row_hash(a audit_log) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
        SELECT sha256(convert_to(jsonb_build_array(
          a.id, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor_type, a.actor_id, a.actor_name, a.operation,
          a.entity_type, a.entity_id, a.before, a.after, a.request_id)::text, 'UTF8'))
      $$`);
    await q.query(`UPDATE audit_log a SET row_hash = audit_row_hash(a)`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN row_hash SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION audit_log_hash_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.seal_seq := NULL;
        NEW.row_hash := audit_row_hash(NEW);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_log_hash BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_hash_row()`,
    );
    await q.query(`
      CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.seal_seq IS NULL AND NEW.seal_seq IS NOT NULL
           AND (NEW.id, NEW.at, NEW.actor_type, NEW.actor_id, NEW.actor_name, NEW.operation, NEW.entity_type,
                NEW.entity_id, NEW.before, NEW.after, NEW.request_id, NEW.row_hash)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.at, OLD.actor_type, OLD.actor_id, OLD.actor_name, OLD.operation, OLD.entity_type,
                OLD.entity_id, OLD.before, OLD.after, OLD.request_id, OLD.row_hash) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log rows cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`,
    );
    await q.query(`CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE seal_seq IS NULL`);
    await q.query(`CREATE INDEX audit_log_seal ON audit_log (seal_seq) WHERE seal_seq IS NOT NULL`);
    await q.query(`
      CREATE TABLE audit_seal (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        sealed_at timestamptz NOT NULL DEFAULT now(),
        first_id bigint NOT NULL,
        last_id bigint NOT NULL,
        row_count int NOT NULL CHECK (row_count > 0),
        prev_digest bytea,
        digest bytea NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_verification (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        ok boolean NOT NULL,
        rows_checked bigint NOT NULL,
        seals_checked int NOT NULL,
        unsealed_rows bigint NOT NULL,
        first_broken_id bigint,
        broken_seal bigint,
        problem text,
        last_digest text,
        run_by text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_verification`);
    await q.query(`DROP TABLE IF EXISTS audit_seal`);
    await q.query(`DROP TRIGGER IF EXISTS audit_log_guard ON audit_log`);
    await q.query(`DROP TRIGGER IF EXISTS audit_log_hash ON audit_log`);
    await q.query(`DROP FUNCTION IF EXISTS audit_log_guard()`);
    await q.query(`DROP FUNCTION IF EXISTS audit_log_hash_row()`);
    await q.query(`DROP INDEX IF EXISTS audit_log_unsealed`);
    await q.query(`DROP INDEX IF EXISTS audit_log_seal`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN IF EXISTS row_hash, DROP COLUMN IF EXISTS seal_seq`);
    await q.query(`DROP FUNCTION IF EXISTS audit_row_hash(audit_log)`);
  }
}
