import type { MigrationInterface, QueryRunner } from 'typeorm';

// Refresh-token reuse detection: every refresh token belongs to the family of its sign-in (family_id: the first
// token's id), and a token exchanged for a new one is marked rotated (rotated_at), not only revoked. A rotated token
// presented again means two holders of one session (a stolen token, or the thief's copy used after the owner's):
// AuthService.refresh then ends the whole family, so the newer token stops working too.
export class RefreshTokenFamilies1764400000000 implements MigrationInterface {
  name = 'RefreshTokenFamilies1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_token ADD COLUMN family_id uuid, ADD COLUMN rotated_at timestamptz`);
    await q.query(`UPDATE refresh_token SET family_id = id`);
    await q.query(`ALTER TABLE refresh_token ALTER COLUMN family_id SET NOT NULL`);
    await q.query(`CREATE INDEX refresh_token_family ON refresh_token (family_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS refresh_token_family`);
    await q.query(`ALTER TABLE refresh_token DROP COLUMN rotated_at, DROP COLUMN family_id`);
  }
}
