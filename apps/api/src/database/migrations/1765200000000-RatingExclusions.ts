import type { MigrationInterface, QueryRunner } from 'typeorm';

// The committee's decision not to rate a member for a year ("không xếp loại theo quyết định của cấp ủy",
// docs/rules.md#r-rating-not-rated): one per member and year, recorded in a round, with the decision's reason and date.
// The round's pending list leaves the member out, the steps refuse them (RATING_NOT_RATED, EXCLUDED) and the
// figures count them as not rated with reason EXCLUDED.
export class RatingExclusions1765200000000 implements MigrationInterface {
  name = 'RatingExclusions1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rating_exclusion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES rating_round(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
        member_id uuid NOT NULL REFERENCES member(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        decided_on date NOT NULL,
        decided_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rating_exclusion_member_year UNIQUE (member_id, year)
      )`);
    await q.query(`CREATE INDEX rating_exclusion_round ON rating_exclusion (round_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rating_exclusion`);
  }
}
