import type { MigrationInterface, QueryRunner } from 'typeorm';

// Failed sign-ins counted per username typed, whether or not such a user exists, so that the lockout answers an
// unknown username exactly as it answers an account (before, only accounts were locked, which told a guesser which
// usernames exist). Rows untouched for a day are deleted as new failures come. app_user's failed_attempts and
// locked_until columns are no longer used; their counts are carried over.
export class SignInThrottle1764450000000 implements MigrationInterface {
  name = 'SignInThrottle1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_throttle (
        username text PRIMARY KEY,
        failed_attempts int NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sign_in_throttle_updated ON sign_in_throttle (updated_at)`);
    await q.query(`
      INSERT INTO sign_in_throttle (username, failed_attempts, locked_until)
      SELECT username, failed_attempts, locked_until FROM app_user WHERE failed_attempts > 0 OR locked_until > now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sign_in_throttle`);
  }
}
