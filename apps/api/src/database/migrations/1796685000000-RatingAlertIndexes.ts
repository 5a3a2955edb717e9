import type { MigrationInterface, QueryRunner } from 'typeorm';

// The dashboard's rating alerts (rating-alerts.sql.ts) read a year's ratings: QUOTA_COUNTS the yearly ratings of
// rounds with a level (decided, else proposed) by quota group, subject kind and level; KHTNV_TWO_YEARS the members
// rated KHTNV (decided) in a year. With no index on the year both read every rating of every year (a sequential scan
// of 408,785 rows at ×30, ~26,500 pages, for 29,627 and 436 rows). Each gets a partial index whose predicate is its
// statement's condition: the quota counts are an index-only scan of the year's entries (the key and INCLUDE carry
// every column the statement reads), the KHTNV members a scan of a few hundred entries.
export class RatingAlertIndexes1796685000000 implements MigrationInterface {
  name = 'RatingAlertIndexes1796685000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX rating_year_quota ON rating (year, quota_group_id) INCLUDE (subject_kind, decided_level, proposed_level)
        WHERE round_id IS NOT NULL AND period_kind = 'YEAR' AND COALESCE(decided_level, proposed_level) IS NOT NULL`);
    await q.query(`
      CREATE INDEX rating_year_khtnv ON rating (year, member_id)
        WHERE period_kind = 'YEAR' AND decided_level = 'KHTNV' AND subject_kind = 'MEMBER'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rating_year_khtnv`);
    await q.query(`DROP INDEX IF EXISTS rating_year_quota`);
  }
}
