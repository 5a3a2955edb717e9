import type { MigrationInterface, QueryRunner } from 'typeorm';

// A rating round's page shows how many of its ratings are decided (RatingRound.decidedCount): counted through the
// round's index, that read every rating of the round from the table to test decided_at (3,336 rows for a round of
// the source articles' committee, on every request for the page). The decided ratings of a round, from a partial
// index of their own, are counted from the index.
export class RatingDecidedIndex1796671000000 implements MigrationInterface {
  name = 'RatingDecidedIndex1796671000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rating_round_decided ON rating (round_id) WHERE decided_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rating_round_decided`);
  }
}
