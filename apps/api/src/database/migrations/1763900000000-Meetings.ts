import type { MigrationInterface, QueryRunner } from 'typeorm';

// Cell meetings (plan, record, close, amendments, documents) and committee members' visits with scores and
// monthly reports. Kinds and states are checked here as well as in libs/domain.
export class Meetings1763900000000 implements MigrationInterface {
  name = 'Meetings1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind varchar(20) NOT NULL CHECK (kind IN ('REGULAR','THEMATIC','COMBINED','IDEOLOGICAL','EXTRAORDINARY','CONGRESS')),
        title varchar(300) NOT NULL,
        meeting_date date NOT NULL,
        start_time time,
        end_time time,
        actual_start time,
        actual_end time,
        place varchar(300),
        mode varchar(10) NOT NULL DEFAULT 'IN_PERSON' CHECK (mode IN ('IN_PERSON','ONLINE','HYBRID')),
        format varchar(30) NOT NULL DEFAULT 'STANDARD',
        format_note varchar(300),
        theme varchar(300),
        topics jsonb NOT NULL DEFAULT '[]',
        chair_member_id uuid REFERENCES member(id),
        minute_taker_member_id uuid REFERENCES member(id),
        state varchar(10) NOT NULL DEFAULT 'PLANNED' CHECK (state IN ('PLANNED','HELD','CLOSED','CANCELLED')),
        guests text,
        minutes text,
        resolution text,
        votes_for int CHECK (votes_for >= 0),
        votes_against int CHECK (votes_against >= 0),
        votes_abstain int CHECK (votes_abstain >= 0),
        tasks jsonb NOT NULL DEFAULT '[]',
        self_assessment jsonb,
        self_total int,
        cancelled_reason text,
        closed_at timestamptz,
        closed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_planned_times CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time),
        CONSTRAINT meeting_actual_times CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end > actual_start),
        CONSTRAINT meeting_title_not_blank CHECK (length(trim(title)) > 0)
      )`);
    await q.query(`CREATE INDEX meeting_org_date ON meeting (organisation_id, meeting_date)`);
    await q.query(`CREATE INDEX meeting_date ON meeting (meeting_date)`);

    await q.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id),
        status varchar(20) NOT NULL CHECK (status IN ('PRESENT','ABSENT_EXCUSED','ABSENT_UNEXCUSED','EXEMPT')),
        reason varchar(500),
        late boolean NOT NULL DEFAULT false,
        left_early boolean NOT NULL DEFAULT false,
        PRIMARY KEY (meeting_id, member_id)
      )`);
    await q.query(`CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id)`);

    await q.query(`
      CREATE TABLE meeting_amendment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        amended_by varchar(200) NOT NULL,
        amended_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_amendment_meeting ON meeting_amendment (meeting_id)`);

    await q.query(`
      CREATE TABLE meeting_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        kind varchar(4) NOT NULL CHECK (kind IN ('FILE','LINK')),
        name varchar(300) NOT NULL,
        url varchar(2000),
        mime_type varchar(100),
        size_bytes int CHECK (size_bytes >= 0),
        storage_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_target CHECK ((kind = 'LINK' AND url IS NOT NULL) OR (kind = 'FILE' AND storage_key IS NOT NULL))
      )`);

    // A committee member or staff member (a user) follows given cells for a period.
    await q.query(`
      CREATE TABLE visit_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visitor_user_id uuid NOT NULL REFERENCES app_user(id),
        cell_id uuid NOT NULL REFERENCES organisation(id),
        committee_id uuid REFERENCES organisation(id),
        valid_from date NOT NULL,
        valid_to date,
        required_per_year int CHECK (required_per_year >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignment_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT assignment_no_overlap EXCLUDE USING gist (visitor_user_id WITH =, cell_id WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await q.query(`CREATE INDEX visit_assignment_cell ON visit_assignment (cell_id)`);

    await q.query(`
      CREATE TABLE visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id),
        visitor_user_id uuid NOT NULL REFERENCES app_user(id),
        assignment_id uuid REFERENCES visit_assignment(id),
        attended boolean NOT NULL DEFAULT true,
        scores jsonb,
        total int,
        max_total int,
        level varchar(20),
        guidance text,
        issues text,
        follow_up text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT visit_once UNIQUE (meeting_id, visitor_user_id)
      )`);
    await q.query(`CREATE INDEX visit_visitor ON visit (visitor_user_id)`);

    await q.query(`
      CREATE TABLE visit_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visitor_user_id uuid NOT NULL REFERENCES app_user(id),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        submitted_on date NOT NULL,
        note text,
        CONSTRAINT visit_report_once UNIQUE (visitor_user_id, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'visit_report',
      'visit',
      'visit_assignment',
      'meeting_document',
      'meeting_amendment',
      'meeting_attendance',
      'meeting',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
