import type { MigrationInterface, QueryRunner } from 'typeorm';

// Annual quality ratings (docs/rules.md#ratings): rounds opened by a committee with deadlines per step, and one rating per
// subject (member or organisation) per round, carrying each step's who/when. Past ratings under older schemes have
// no round and keep their raw label. Levels, schemes and kinds are checked here as well as in libs/domain.
export class Ratings1764100000000 implements MigrationInterface {
  name = 'Ratings1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rating_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
        period_kind varchar(10) NOT NULL DEFAULT 'YEAR' CHECK (period_kind IN ('YEAR','TERM','QUARTER','AD_HOC')),
        period_label varchar(50) NOT NULL DEFAULT '',
        title varchar(300) NOT NULL,
        self_assessment_due date NOT NULL,
        proposal_due date NOT NULL,
        decision_due date NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN','ANNOUNCED')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        opened_by varchar(200) NOT NULL,
        announced_at timestamptz,
        announced_by varchar(200),
        CONSTRAINT rating_round_once UNIQUE (organisation_id, year, period_kind, period_label),
        CONSTRAINT rating_round_deadlines CHECK (proposal_due >= self_assessment_due AND decision_due >= proposal_due),
        CONSTRAINT rating_round_announced CHECK ((state = 'ANNOUNCED') = (announced_at IS NOT NULL)),
        CONSTRAINT rating_round_title_not_blank CHECK (length(trim(title)) > 0)
      )`);
    await q.query(`CREATE INDEX rating_round_year ON rating_round (year, organisation_id)`);

    // organisation_id: where the rating sits in the tree (a member's cell at the time, or the rated organisation itself);
    // the figures of a subtree join on it. proposer/decider/quota group are fixed when the rating is created.
    await q.query(`
      CREATE TABLE rating (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid REFERENCES rating_round(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
        period_kind varchar(10) NOT NULL DEFAULT 'YEAR' CHECK (period_kind IN ('YEAR','TERM','QUARTER','AD_HOC')),
        subject_kind varchar(30) NOT NULL CHECK (subject_kind IN ('MEMBER','GRASSROOTS_ORGANISATION','SUB_COMMITTEE','SUBORDINATE_CELL')),
        member_id uuid REFERENCES member(id),
        subject_organisation_id uuid REFERENCES organisation(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        proposer_id uuid REFERENCES organisation(id),
        decider_id uuid REFERENCES organisation(id),
        quota_group_id uuid REFERENCES organisation(id),
        scheme varchar(20) NOT NULL CHECK (scheme IN ('QD366_2025','QD124_2023','QD132_2018','TSVM_2008')),
        raw_label varchar(200),
        score numeric(5,2) CHECK (score >= 0),
        self_scores jsonb,
        self_assessed_at timestamptz,
        self_assessed_by varchar(200),
        computed_level varchar(6) CHECK (computed_level IN ('HTXSNV','HTTNV','HTNV','KHTNV')),
        block_reasons text[] NOT NULL DEFAULT '{}',
        proposed_level varchar(6) CHECK (proposed_level IN ('HTXSNV','HTTNV','HTNV','KHTNV')),
        proposal_note text,
        proposed_at timestamptz,
        proposed_by varchar(200),
        decided_level varchar(6) CHECK (decided_level IN ('HTXSNV','HTTNV','HTNV','KHTNV')),
        decision_reason text,
        quota_override_reason text,
        decided_at timestamptz,
        decided_by varchar(200),
        announced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rating_one_subject CHECK ((member_id IS NULL) <> (subject_organisation_id IS NULL)),
        CONSTRAINT rating_subject_kind CHECK ((subject_kind = 'MEMBER') = (member_id IS NOT NULL)),
        CONSTRAINT rating_member_in_round UNIQUE (round_id, member_id),
        CONSTRAINT rating_organisation_in_round UNIQUE (round_id, subject_organisation_id),
        CONSTRAINT rating_history_has_label CHECK (round_id IS NOT NULL OR (raw_label IS NOT NULL AND length(trim(raw_label)) > 0 AND decided_level IS NOT NULL)),
        CONSTRAINT rating_step_order CHECK ((proposed_at IS NULL OR self_assessed_at IS NOT NULL OR round_id IS NULL)
          AND (decided_at IS NULL OR proposed_at IS NOT NULL OR round_id IS NULL) AND (announced_at IS NULL OR decided_at IS NOT NULL)),
        CONSTRAINT rating_levels_with_steps CHECK ((proposed_level IS NULL) = (proposed_at IS NULL) AND (decided_level IS NULL) = (decided_at IS NULL)),
        CONSTRAINT rating_reason_when_different CHECK (decided_level IS NULL OR proposed_level IS NULL OR decided_level = proposed_level
          OR length(trim(coalesce(decision_reason, ''))) > 0),
        CONSTRAINT rating_override_not_blank CHECK (quota_override_reason IS NULL OR length(trim(quota_override_reason)) > 0)
      )`);
    // One yearly rating per subject and year, whichever round (or none, for history) holds it.
    await q.query(
      `CREATE UNIQUE INDEX rating_member_year ON rating (member_id, year) WHERE period_kind = 'YEAR' AND member_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX rating_organisation_year ON rating (subject_organisation_id, year) WHERE period_kind = 'YEAR' AND subject_organisation_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX rating_year_org ON rating (year, organisation_id) INCLUDE (subject_kind, decided_level) WHERE period_kind = 'YEAR'`,
    );
    await q.query(`CREATE INDEX rating_round_quota ON rating (round_id, quota_group_id, subject_kind)`);
    await q.query(
      `CREATE INDEX rating_subject_org ON rating (subject_organisation_id) WHERE subject_organisation_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX discipline_organisation ON discipline (organisation_id, decided_on) WHERE organisation_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS discipline_organisation`);
    await q.query(`DROP TABLE IF EXISTS rating`);
    await q.query(`DROP TABLE IF EXISTS rating_round`);
  }
}
