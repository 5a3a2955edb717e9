import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 9: the rules guarded where records are written.
// - member.course_completed_on: the party-awareness course certificate's date, checked against the admission decision
//   (docs/rules.md#r-course-certificate); member.admission_age_approval: the higher committee's approval of an
//   admission above the maximum age (docs/rules.md#r-admission-age).
// - rating.override_reason / overridden_rules: a past rating recorded although it breaks the level cap, the quota or
//   the not-rated rule of today's rules, with the reason given (docs/rules.md#r-rating-history).
export class RecordRulesOverrides1796476726805 implements MigrationInterface {
  name = 'RecordRulesOverrides1796476726805';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE member ADD COLUMN course_completed_on date, ADD COLUMN admission_age_approval varchar(300)`,
    );
    await q.query(`ALTER TABLE member ADD CONSTRAINT member_course_before_admission
      CHECK (course_completed_on IS NULL OR admission_decision_date IS NULL OR course_completed_on <= admission_decision_date)`);
    await q.query(
      `ALTER TABLE rating ADD COLUMN override_reason text, ADD COLUMN overridden_rules text[] NOT NULL DEFAULT '{}'`,
    );
    await q.query(`ALTER TABLE rating ADD CONSTRAINT rating_override_with_reason
      CHECK ((cardinality(overridden_rules) = 0) = (override_reason IS NULL) AND (override_reason IS NULL OR length(btrim(override_reason)) > 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rating DROP CONSTRAINT IF EXISTS rating_override_with_reason`);
    await q.query(`ALTER TABLE rating DROP COLUMN IF EXISTS overridden_rules, DROP COLUMN IF EXISTS override_reason`);
    await q.query(`ALTER TABLE member DROP CONSTRAINT IF EXISTS member_course_before_admission`);
    await q.query(
      `ALTER TABLE member DROP COLUMN IF EXISTS admission_age_approval, DROP COLUMN IF EXISTS course_completed_on`,
    );
  }
}
