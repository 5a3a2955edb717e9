import type { MigrationInterface, QueryRunner } from 'typeorm';

// Per-minute request budgets (RateLimits) counted in the database, so that every API process on it shares one
// budget per caller: one row per (kind, keyed hash of the caller, second), hits added with an upsert. Rows older
// than the one-minute window are deleted as new hits come. The caller key (client address, user id) is stored only
// as an HMAC, never in clear.
export class RateLimitHits1796476800000 implements MigrationInterface {
  name = 'RateLimitHits1796476800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_hit (
        kind text NOT NULL,
        key_hash text NOT NULL,
        second bigint NOT NULL,
        hits int NOT NULL CHECK (hits > 0),
        PRIMARY KEY (kind, key_hash, second)
      )`);
    await q.query(`CREATE INDEX rate_limit_hit_second ON rate_limit_hit (second)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rate_limit_hit`);
  }
}
