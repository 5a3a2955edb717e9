import type { MigrationInterface, QueryRunner } from 'typeorm';

// Inspection and supervision of members (docs/rules.md#inspections): yearly plans, inspection records with their subjects and
// findings, and the link from a discipline decision to the inspection it follows from. Types, bodies, states and
// date order are checked here as well as in libs/domain.
export class Inspections1764000000000 implements MigrationInterface {
  name = 'Inspections1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // One yearly plan per cell or committee: purpose, content, subjects, period under review, timing, method.
    await q.query(`
      CREATE TABLE inspection_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year int NOT NULL CHECK (year BETWEEN 1900 AND 9999),
        purpose text NOT NULL,
        content text NOT NULL,
        review_from date,
        review_to date,
        timing varchar(500),
        method varchar(500),
        adopted_on date,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspection_plan_once UNIQUE (organisation_id, year),
        CONSTRAINT inspection_plan_review_order CHECK (review_to IS NULL OR review_from IS NULL OR review_to >= review_from),
        CONSTRAINT inspection_plan_purpose_not_blank CHECK (length(trim(purpose)) > 0),
        CONSTRAINT inspection_plan_content_not_blank CHECK (length(trim(content)) > 0)
      )`);

    await q.query(`
      CREATE TABLE inspection_plan_subject (
        plan_id uuid NOT NULL REFERENCES inspection_plan(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id),
        position int NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, member_id)
      )`);

    // organisation_id is the inspecting cell or committee; body says which of its bodies acts.
    await q.query(`
      CREATE TABLE inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        plan_id uuid REFERENCES inspection_plan(id),
        body varchar(30) NOT NULL CHECK (body IN ('CELL','CELL_COMMITTEE','COMMITTEE','STANDING_COMMITTEE','INSPECTION_COMMISSION')),
        type varchar(30) NOT NULL CHECK (type IN ('COMPLIANCE','SIGNS_OF_VIOLATION','REGULAR_SUPERVISION','THEMATIC_SUPERVISION')),
        title varchar(300) NOT NULL,
        content_areas jsonb NOT NULL DEFAULT '[]',
        method varchar(500),
        review_from date,
        review_to date,
        planned_from date NOT NULL,
        planned_to date,
        started_on date,
        concluded_on date,
        state varchar(20) NOT NULL DEFAULT 'PLANNED' CHECK (state IN ('PLANNED','IN_PROGRESS','CONCLUDED','CANCELLED')),
        conclusion text,
        recommendation text,
        cancelled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspection_title_not_blank CHECK (length(trim(title)) > 0),
        CONSTRAINT inspection_review_order CHECK (review_to IS NULL OR review_from IS NULL OR review_to >= review_from),
        CONSTRAINT inspection_planned_order CHECK (planned_to IS NULL OR planned_to >= planned_from),
        CONSTRAINT inspection_concluded_after_start CHECK (concluded_on IS NULL OR (started_on IS NOT NULL AND concluded_on >= started_on)),
        CONSTRAINT inspection_state_dates CHECK (
          (state = 'PLANNED' AND started_on IS NULL AND concluded_on IS NULL)
          OR (state = 'IN_PROGRESS' AND started_on IS NOT NULL AND concluded_on IS NULL)
          OR (state = 'CONCLUDED' AND concluded_on IS NOT NULL AND conclusion IS NOT NULL AND length(trim(conclusion)) > 0)
          OR (state = 'CANCELLED' AND concluded_on IS NULL AND cancelled_reason IS NOT NULL))
      )`);
    // The tracker reads one year of one subtree's cells: by cell and conclusion date, and by cell and plan date.
    await q.query(`CREATE INDEX inspection_org_concluded ON inspection (organisation_id, concluded_on)`);
    await q.query(`CREATE INDEX inspection_org_planned ON inspection (organisation_id, planned_from)`);
    await q.query(`CREATE INDEX inspection_plan_ref ON inspection (plan_id) WHERE plan_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE inspection_subject (
        inspection_id uuid NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id),
        position int NOT NULL DEFAULT 0,
        self_report text,
        strengths text,
        shortcomings text,
        violations text,
        conclusion text,
        PRIMARY KEY (inspection_id, member_id)
      )`);
    await q.query(`CREATE INDEX inspection_subject_member ON inspection_subject (member_id)`);

    // A discipline decision taken on an inspection's conclusion points back at it (null for other decisions).
    await q.query(`ALTER TABLE discipline ADD COLUMN inspection_id uuid REFERENCES inspection(id)`);
    await q.query(`CREATE INDEX discipline_inspection ON discipline (inspection_id) WHERE inspection_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS discipline_inspection`);
    await q.query(`ALTER TABLE discipline DROP COLUMN IF EXISTS inspection_id`);
    for (const t of ['inspection_subject', 'inspection', 'inspection_plan_subject', 'inspection_plan'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
