import type { MigrationInterface, QueryRunner } from 'typeorm';

// Foundation schema: organisation tree with temporal placements, members with their placements and history,
// access (users, grants, tokens) and the audit log. Constraints live here, not only in code.
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(50) NOT NULL,
        name varchar(300) NOT NULL,
        name_folded varchar(300) NOT NULL,
        kind varchar(30) NOT NULL CHECK (kind IN ('COMMITTEE','GRASSROOTS_COMMITTEE','GRASSROOTS_CELL','SUB_COMMITTEE','SUBORDINATE_CELL','PARTY_GROUP')),
        level_name varchar(200),
        unit_served varchar(300),
        established_on date NOT NULL,
        dissolved_on date,
        term_start date,
        term_end date,
        term_type varchar(30),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_code_key UNIQUE (code),
        CONSTRAINT organisation_dissolved_after_established CHECK (dissolved_on IS NULL OR dissolved_on > established_on),
        CONSTRAINT organisation_term_order CHECK (term_end IS NULL OR term_start IS NULL OR term_end > term_start),
        CONSTRAINT organisation_code_not_blank CHECK (length(trim(code)) > 0),
        CONSTRAINT organisation_name_not_blank CHECK (length(trim(name)) > 0)
      )`);
    await q.query(`CREATE INDEX organisation_name_folded_trgm ON organisation USING gin (name_folded gin_trgm_ops)`);

    // Where an organisation sits in the tree, over time. path = '/<root id>/.../<own id>/' (C collation so a
    // subtree is one index range: path >= P AND path < P-with-last-'/'-replaced-by-'0').
    // valid_to is exclusive: a move on D closes the old row at D and opens the new one at D.
    await q.query(`
      CREATE TABLE organisation_placement (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        parent_id uuid REFERENCES organisation(id),
        path text COLLATE "C" NOT NULL,
        depth int NOT NULL CHECK (depth >= 0),
        valid_from date NOT NULL,
        valid_to date,
        CONSTRAINT placement_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT placement_not_own_parent CHECK (parent_id IS NULL OR parent_id <> organisation_id),
        CONSTRAINT placement_no_overlap EXCLUDE USING gist (organisation_id WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await q.query(`CREATE INDEX placement_path ON organisation_placement (path, valid_from)`);
    await q.query(`CREATE INDEX placement_org ON organisation_placement (organisation_id, valid_from)`);
    await q.query(`CREATE INDEX placement_parent ON organisation_placement (parent_id, valid_from)`);

    // The path an organisation has on a date: the placement valid then; for a date after its dissolution, its
    // last placement; before its establishment, its first. Used for access checks on single rows, so that a
    // dissolved organisation stays visible to the committee it belonged to, and a moved one follows its new parent.
    await q.query(`
      CREATE FUNCTION placement_path_at(org uuid, d date) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT x.path FROM organisation_placement x WHERE x.organisation_id = org
        ORDER BY (x.valid_from <= d AND (x.valid_to IS NULL OR x.valid_to > d)) DESC,
                 CASE WHEN x.valid_from <= d THEN x.valid_from END DESC NULLS LAST,
                 x.valid_from ASC
        LIMIT 1
      $$`);

    await q.query(`
      CREATE TABLE organisation_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        type varchar(20) NOT NULL CHECK (type IN ('CREATED','UPDATED','MOVED','MERGED_INTO','MERGED_FROM','SPLIT_FROM','SPLIT_INTO','DISSOLVED')),
        effective_on date NOT NULL,
        from_parent_id uuid REFERENCES organisation(id),
        to_parent_id uuid REFERENCES organisation(id),
        related_id uuid REFERENCES organisation(id),
        note text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid
      )`);
    await q.query(`CREATE INDEX organisation_change_org ON organisation_change (organisation_id, effective_on)`);

    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name varchar(200) NOT NULL,
        name_folded varchar(200) NOT NULL,
        birth_date date,
        gender varchar(10) CHECK (gender IN ('MALE','FEMALE')),
        ethnicity varchar(100),
        religion varchar(100),
        home_town varchar(300),
        residence varchar(300),
        national_id varchar(12),
        card_number varchar(20),
        file_number varchar(30),
        admission_decision_date date,
        ceremony_date date,
        full_membership_date date,
        introducers text[] NOT NULL DEFAULT '{}',
        education_general varchar(50),
        education_professional varchar(200),
        political_theory varchar(100),
        job varchar(200),
        post varchar(200),
        status varchar(20) NOT NULL CHECK (status IN ('PROBATIONARY','FULL','TRANSFERRED_OUT','REMOVED','EXPELLED','DECEASED')),
        exemption varchar(10) CHECK (exemption IN ('TEMPORARY','PERMANENT')),
        temporarily_away boolean NOT NULL DEFAULT false,
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_national_id_key UNIQUE (national_id),
        CONSTRAINT member_card_number_key UNIQUE (card_number),
        CONSTRAINT member_national_id_format CHECK (national_id IS NULL OR national_id ~ '^[0-9]{12}$'),
        CONSTRAINT member_card_full_only CHECK (card_number IS NULL OR status <> 'PROBATIONARY'),
        CONSTRAINT member_birth_before_admission CHECK (birth_date IS NULL OR admission_decision_date IS NULL OR birth_date < admission_decision_date),
        CONSTRAINT member_ceremony_after_decision CHECK (ceremony_date IS NULL OR admission_decision_date IS NULL OR ceremony_date >= admission_decision_date),
        CONSTRAINT member_full_after_ceremony CHECK (full_membership_date IS NULL OR ceremony_date IS NULL OR full_membership_date > ceremony_date),
        CONSTRAINT member_name_not_blank CHECK (length(trim(full_name)) > 0)
      )`);
    await q.query(`CREATE INDEX member_name_folded_trgm ON member USING gin (name_folded gin_trgm_ops)`);
    await q.query(`CREATE INDEX member_status ON member (status)`);

    // Which cell a member belongs to, over time. TEMPORARY = hosted on a temporary transfer (not counted by the host).
    await q.query(`
      CREATE TABLE membership (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind varchar(10) NOT NULL CHECK (kind IN ('PERMANENT','TEMPORARY')),
        valid_from date NOT NULL,
        valid_to date,
        CONSTRAINT membership_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT membership_no_overlap EXCLUDE USING gist (member_id WITH =, kind WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await q.query(`CREATE INDEX membership_org ON membership (organisation_id, valid_from)`);
    await q.query(`CREATE INDEX membership_member ON membership (member_id, valid_from)`);

    await q.query(`
      CREATE TABLE member_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member(id),
        type varchar(30) NOT NULL CHECK (type IN ('ADMITTED','RECOGNISED_FULL','TRANSFER_INTERNAL','TRANSFER_IN','TRANSFER_OUT','TEMPORARY_TRANSFER_OUT','TEMPORARY_TRANSFER_IN','TEMPORARY_TRANSFER_END','EXEMPTED','EXEMPTION_ENDED','REMOVED','EXPELLED','DECEASED','DISCIPLINED','NOT_RECOGNISED')),
        effective_on date NOT NULL,
        organisation_id uuid REFERENCES organisation(id),
        to_organisation_id uuid REFERENCES organisation(id),
        external_organisation varchar(300),
        reason varchar(50),
        note text,
        end_on date,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        CONSTRAINT member_event_end_after_start CHECK (end_on IS NULL OR end_on > effective_on)
      )`);
    await q.query(`CREATE INDEX member_event_member ON member_event (member_id, effective_on)`);
    await q.query(`CREATE INDEX member_event_type ON member_event (type, effective_on)`);

    await q.query(`
      CREATE TABLE discipline (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid REFERENCES member(id),
        organisation_id uuid REFERENCES organisation(id),
        form varchar(20) NOT NULL CHECK (form IN ('KHIEN_TRACH','CANH_CAO','CACH_CHUC','KHAI_TRU','GIAI_TAN')),
        deciding_body varchar(30) NOT NULL CHECK (deciding_body IN ('CELL','CELL_COMMITTEE','GRASSROOTS_COMMITTEE','STANDING_COMMITTEE','INSPECTION_COMMISSION','HIGHER_COMMITTEE')),
        decided_on date NOT NULL,
        reason text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT discipline_one_subject CHECK ((member_id IS NULL) <> (organisation_id IS NULL))
      )`);
    await q.query(`CREATE INDEX discipline_member ON discipline (member_id, decided_on)`);

    await q.query(`
      CREATE TABLE committee_seat (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        member_id uuid NOT NULL REFERENCES member(id),
        role varchar(20) NOT NULL CHECK (role IN ('SECRETARY','DEPUTY_SECRETARY','STANDING_MEMBER','COMMITTEE_MEMBER')),
        valid_from date NOT NULL,
        valid_to date,
        CONSTRAINT seat_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT seat_one_per_member EXCLUDE USING gist (organisation_id WITH =, member_id WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await q.query(`CREATE INDEX committee_seat_org ON committee_seat (organisation_id, valid_from)`);
    await q.query(`CREATE INDEX committee_seat_member ON committee_seat (member_id)`);

    await q.query(`
      CREATE TABLE candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        full_name varchar(200) NOT NULL,
        name_folded varchar(200) NOT NULL,
        birth_date date,
        gender varchar(10) CHECK (gender IN ('MALE','FEMALE')),
        national_id varchar(12) CHECK (national_id IS NULL OR national_id ~ '^[0-9]{12}$'),
        stage varchar(20) NOT NULL CHECK (stage IN ('PROMISING','SYMPATHISER','COURSE_COMPLETED','ADMITTED','DROPPED')),
        promising_on date,
        sympathiser_on date,
        course_completed_on date,
        admitted_on date,
        dropped_on date,
        helper_member_id uuid REFERENCES member(id),
        member_id uuid UNIQUE REFERENCES member(id),
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX candidate_org ON candidate (organisation_id)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(100) NOT NULL,
        display_name varchar(200) NOT NULL,
        password_hash text NOT NULL,
        member_id uuid REFERENCES member(id),
        is_active boolean NOT NULL DEFAULT true,
        failed_attempts int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_sign_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_username_key UNIQUE (username),
        CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9._-]{3,100}$')
      )`);

    await q.query(`
      CREATE TABLE access_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role varchar(20) NOT NULL CHECK (role IN ('SYSTEM_ADMIN','COMMITTEE_READ','COMMITTEE_WRITE','CELL_SECRETARY','MEMBER')),
        organisation_id uuid REFERENCES organisation(id),
        member_id uuid REFERENCES member(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT grant_target CHECK (
          (role = 'SYSTEM_ADMIN' AND organisation_id IS NULL AND member_id IS NULL) OR
          (role IN ('COMMITTEE_READ','COMMITTEE_WRITE','CELL_SECRETARY') AND organisation_id IS NOT NULL AND member_id IS NULL) OR
          (role = 'MEMBER' AND member_id IS NOT NULL AND organisation_id IS NULL)),
        CONSTRAINT grant_unique UNIQUE NULLS NOT DISTINCT (user_id, role, organisation_id, member_id)
      )`);

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        token_prefix varchar(20) NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        access varchar(10) NOT NULL CHECK (access IN ('READ','READ_WRITE')),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE policy_override (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        effective_from date NOT NULL,
        effective_to date,
        "values" jsonb NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_period CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    await q.query(`CREATE INDEX policy_override_org ON policy_override (organisation_id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_type varchar(10) NOT NULL CHECK (actor_type IN ('USER','API_TOKEN','SYSTEM')),
        actor_id uuid,
        actor_name varchar(200) NOT NULL,
        operation varchar(100) NOT NULL,
        entity_type varchar(50) NOT NULL,
        entity_id varchar(100),
        before jsonb,
        after jsonb,
        request_id varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_log_at ON audit_log (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_log',
      'policy_override',
      'api_token',
      'refresh_token',
      'access_grant',
      'app_user',
      'candidate',
      'committee_seat',
      'discipline',
      'member_event',
      'membership',
      'member',
      'organisation_change',
      'organisation_placement',
      'organisation',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
      if (t === 'organisation_change') await q.query(`DROP FUNCTION IF EXISTS placement_path_at(uuid, date)`);
    }
  }
}
