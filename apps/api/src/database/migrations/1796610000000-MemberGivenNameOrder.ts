import type { MigrationInterface, QueryRunner } from 'typeorm';

// Members listed as Vietnamese lists are (given name first: An, Bình, Chi…; docs/member.md#order): the sort key kept
// by the database from the folded name, the same key as libs/domain givenNameFirst ("nguyen van an" → "an nguyen
// van"), with an index for the administrator's whole-list order (subtree lists sort their matching rows).
export class MemberGivenNameOrder1796610000000 implements MigrationInterface {
  name = 'MemberGivenNameOrder1796610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE member ADD COLUMN name_given_first text
        GENERATED ALWAYS AS (CASE WHEN position(' ' IN name_folded) > 0 THEN regexp_replace(name_folded, '^(.*) ([^ ]*)$', '\\2 \\1') ELSE name_folded END) STORED`);
    await q.query(`CREATE INDEX member_name_given_first_idx ON member (name_given_first, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member DROP COLUMN name_given_first`);
  }
}
