import type { MigrationInterface, QueryRunner } from 'typeorm';

// cell_member_count's key carries the counts (INCLUDE), so the probe that reads an organisation's row of a date
// (MEMBER_COUNTS_JOIN: the first row ending after it) is an index-only scan with no sort and no heap visit. A
// subtree's counts on a date probe once per organisation: the dashboard's five-date trend of the root at ×30 makes
// 88,000 probes, 0.35 s alone as a bitmap heap scan and sort each, 0.19 s as index-only scans. The key replaces
// the plain one rather than adding a second index, so a cell's rebuild (delete and insert) writes one index.
export class CellMemberCountCover1796659000000 implements MigrationInterface {
  name = 'CellMemberCountCover1796659000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cell_member_count DROP CONSTRAINT cell_member_count_pkey,
        ADD CONSTRAINT cell_member_count_pkey PRIMARY KEY (organisation_id, valid_to) INCLUDE (valid_from, members, full_members, exempt)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cell_member_count DROP CONSTRAINT cell_member_count_pkey,
        ADD CONSTRAINT cell_member_count_pkey PRIMARY KEY (organisation_id, valid_to)`);
  }
}
