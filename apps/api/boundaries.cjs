// The module map of apps/api (issue #11): which module owns which folder, files, tables and Nest exports, and which
// module may use which. The one source for
//  - .dependency-cruiser.cjs (import rules: no other module's internals, only declared module dependencies),
//  - scripts/check-boundaries.mjs (module cycles, Nest exports, table ownership in SQL, the generated sections of
//    docs/architecture.md: the module table, the dependency graph and the SQL allowlist).
// Paths are relative to apps/api. After a change here: `node scripts/check-boundaries.mjs --write` (repo root).

/**
 * @typedef {object} BoundaryModule
 * @property {string[]} paths folders (ending in /) or files of the module, relative to apps/api
 * @property {string} summary one line for docs/architecture.md
 * @property {string|null} moduleFile the NestJS module file (null: no providers)
 * @property {string[]} exports what the Nest module exports: exactly the services other modules inject
 * @property {Record<string,string>|'*'} public files other modules may import (path → why); '*' = all of them
 * @property {Record<string,string>} uses modules this one may import (name → why); nothing else
 * @property {string[]} tables tables it owns: only it writes them, and only it reads them unless `readers` says so
 */

/** @type {Record<string, BoundaryModule>} */
const modules = {
  common: {
    paths: ['src/common/', 'src/config/', 'src/database/'],
    summary:
      'Configuration, database (DataSource, migrations, SQL helpers, change signals for values kept between requests), audit log and its hash chain, domain events (the outbox written with the audit log), scope as SQL, GraphQL plumbing (guard, errors, limits, loaders, pagination, scalars), import/export helpers.',
    moduleFile: 'src/common/common.module.ts',
    exports: ['APP_CONFIG', 'AuditService', 'AuditChainService', 'ChangeSignals', 'ExportService', 'KeptTreeReads'],
    public: '*',
    uses: {},
    tables: ['audit_log', 'audit_seal', 'audit_verification', 'domain_event', 'rate_limit_hit'],
  },
  auth: {
    paths: ['src/modules/auth/'],
    summary: 'Users, sessions (JWT access and rotating refresh tokens), API tokens, grants and the Actor of a request.',
    moduleFile: 'src/modules/auth/auth.module.ts',
    exports: ['ActorLookup'],
    public: {
      'src/modules/auth/auth.module.ts': 'imported by the app module',
      'src/modules/auth/auth.sql.ts':
        "JOIN_USER, ACTIVE_USER: the one way other modules name a user in SQL (a visitor's name)",
      'src/modules/auth/grant.sql.ts':
        'holdsCommitteeGrantInSql: who holds a committee grant in a subtree (the users a writer may assign as visitors)',
    },
    uses: {
      member: "a MEMBER grant's own cells (member.sql.ts)",
      organisation: "a grant's organisation must be one that takes that role (organisation.sql.ts)",
    },
    tables: ['app_user', 'access_grant', 'api_token', 'refresh_token', 'sign_in_throttle'],
  },
  policy: {
    paths: ['src/modules/policy/'],
    summary:
      'The rule thresholds in force for an organisation on a date: national defaults and per-organisation overrides.',
    moduleFile: 'src/modules/policy/policy.module.ts',
    exports: ['PolicyService', 'OrganisationCodePort'],
    public: {
      'src/modules/policy/policy.module.ts': 'imported by every module that applies a party rule',
      'src/modules/policy/policy.service.ts': 'PolicyService: the policy of organisations on dates',
      'src/modules/policy/organisation-code-port.ts':
        'OrganisationCodePort: the organisation module registers how policy reads organisation codes (for its errors)',
      'src/modules/policy/policy.sql.ts':
        'policyIntSql: one integer of the policy in force, inside SQL (rules that filter rows)',
    },
    uses: {},
    tables: ['policy_override'],
  },
  organisation: {
    paths: ['src/modules/organisation/'],
    summary:
      'The organisation tree over time: organisations, placements, restructuring (changes), committee terms and seats.',
    moduleFile: 'src/modules/organisation/organisation.module.ts',
    exports: ['OrganisationService', 'MemberPort', 'CommitteeSeatService'],
    public: {
      'src/modules/organisation/organisation.module.ts': 'imported by the modules that resolve organisations',
      'src/modules/organisation/organisation.service.ts':
        'OrganisationService: visible organisations in batches; OrgModelLoader; PLACEMENT_AT',
      'src/modules/organisation/organisation.model.ts':
        'the Organisation and CommitteeSeat GraphQL types other types point at',
      'src/modules/organisation/organisation.loaders.ts':
        'the per-request DataLoaders of organisation fields on other types',
      'src/modules/organisation/organisation.sql.ts':
        'ORG_COLUMNS, JOIN_ORGANISATION, ORGANISATIONS_WHERE, ORGANISATIONS_WITH_CODES, IS_CELL, JOIN_COMMITTEE_SEATS, SEATS_DURING: the one way to read organisation rows and seats in SQL',
      'src/modules/organisation/committee-seat.service.ts':
        'CommitteeSeatService: a member who leaves or moves loses the seats the rules end',
      'src/modules/organisation/member-port.ts':
        'MemberPort: the member module registers how restructuring and committee seats read and move members',
      'src/modules/organisation/organisation.flags.ts':
        'flagsOf: the flags of an organisation row, for the dashboard lists',
    },
    uses: {
      policy:
        "an organisation's policy and the committee-size rules; registers the organisation codes policy names in its errors",
    },
    tables: ['organisation', 'organisation_placement', 'organisation_change', 'committee_seat', 'organisation_term'],
  },
  member: {
    paths: ['src/modules/member/'],
    summary:
      'Members: records, memberships in cells over time, events (admission to expulsion), discipline, admissions list and member import.',
    moduleFile: 'src/modules/member/member.module.ts',
    exports: ['MemberService', 'MemberWriteService', 'DisciplineService', 'DisciplineHooks'],
    public: {
      'src/modules/member/member.module.ts': 'imported by candidate, inspection, rating, dues and search',
      'src/modules/member/member.service.ts':
        "MemberService: visible members, a member locked inside a caller's transaction",
      'src/modules/member/member-write.service.ts':
        "MemberWriteService: a member created inside a caller's transaction (a candidate admitted)",
      'src/modules/member/discipline.service.ts':
        "DisciplineService: discipline recorded inside a caller's transaction, statuses on a date, the discipline of inspections",
      'src/modules/member/member.sql.ts':
        "EXEMPTION_AT, STATUS_AT, CELL_AT, JOIN_MEMBERS_OF_CELL_ON, JOIN_CELL_OF_MEMBER_ON, IS_MEMBER_OF_CELL_ON, JOIN_MEMBERSHIP, JOIN_MEMBER, DISCIPLINE_BETWEEN, LEAVERS_BY_STATUS, PROBATION_AND_BADGE_CANDIDATES…: a member's exemption, status and cell on a date, its row and memberships, written once in SQL",
      'src/modules/member/member.model.ts': 'the Member and Discipline GraphQL types and the member enums',
      'src/modules/member/admission.sql.ts':
        'admissionCounts: the one admission count in SQL, for the dashboard and rating',
      'src/modules/member/discipline-hooks.ts': 'DisciplineHooks: modules above member react to a recorded discipline',
    },
    uses: {
      organisation: "a member's cell and its visibility; admissions per organisation",
      policy: 'probation, party-age and discipline rules',
    },
    tables: ['member', 'membership', 'member_event', 'discipline', 'cell_member_count', 'cell_admission_count'],
  },
  candidate: {
    paths: ['src/modules/candidate/'],
    summary: 'The admission pipeline before a member exists: candidates (quần chúng ưu tú).',
    moduleFile: 'src/modules/candidate/candidate.module.ts',
    exports: [],
    public: { 'src/modules/candidate/candidate.module.ts': 'imported by the app module' },
    uses: {
      member: "a candidate's helper is a visible member; admitting a candidate creates the member",
      policy: 'admission age and training rules',
    },
    tables: ['candidate'],
  },
  meeting: {
    paths: ['src/modules/meeting/'],
    summary:
      'Cell meetings (plans, attendance, minutes, amendments, documents), meeting compliance, and visits to cell meetings.',
    moduleFile: 'src/modules/meeting/meeting.module.ts',
    exports: ['ComplianceService', 'VisitService', 'MeetingService'],
    public: {
      'src/modules/meeting/meeting.module.ts': 'imported by the dashboard and by search',
      'src/modules/meeting/meeting.service.ts':
        "MeetingService.search: the search box's meetings, scoped like the list",
      'src/modules/meeting/meeting.model.ts': 'the Meeting GraphQL type the search results point at',
      'src/modules/meeting/compliance.service.ts': 'ComplianceService: the meeting figures of a subtree',
      'src/modules/meeting/compliance.model.ts': 'MeetingCompliance and MeetingKindCount types',
      'src/modules/meeting/visit.service.ts': 'VisitService: the visit coverage of a subtree',
      'src/modules/meeting/visit.model.ts': 'VisitCoverageReport type',
      'src/modules/meeting/meeting.sql.ts':
        "MEETINGS_WITHOUT_PAPERWORK: the dashboard's minutes alerts over the meeting table",
    },
    uses: {
      organisation: 'the cell of a meeting and the organisations of a compliance report',
      member:
        'attendees and task assignees are members of the cell on the meeting date; attendance in name order (member.sql.ts)',
      auth: "the names of visitors and whether a visitor is an active user (auth.sql.ts); the users a writer may assign as visitors: those with a committee grant in the writer's scope (grant.sql.ts)",
      policy: 'meeting frequency and visit rules',
    },
    tables: [
      'meeting',
      'meeting_amendment',
      'meeting_attendance',
      'meeting_document',
      'cell_meeting_month',
      'visit',
      'visit_assignment',
      'visit_report',
      'client_write',
    ],
  },
  inspection: {
    paths: ['src/modules/inspection/'],
    summary: 'Member inspections and supervision: records, yearly plans, the yearly target per cell and coverage.',
    moduleFile: 'src/modules/inspection/inspection.module.ts',
    exports: ['InspectionTargetService'],
    public: {
      'src/modules/inspection/inspection.module.ts': 'imported by the dashboard',
      'src/modules/inspection/inspection-target.service.ts':
        'InspectionTargetService: the target per cell (dashboard alerts)',
    },
    uses: {
      organisation: 'the organisations inspected and their visibility',
      member:
        'members inspected (member.sql.ts); a conclusion records discipline, and the discipline of inspections is read, through DisciplineService',
      policy: 'the yearly inspection target',
    },
    tables: ['inspection', 'inspection_plan', 'inspection_plan_subject', 'inspection_subject', 'cell_inspection_count'],
  },
  rating: {
    paths: ['src/modules/rating/'],
    summary: 'The annual quality rating: rounds, self-assessment, proposal, decision, exclusions and the quota.',
    moduleFile: 'src/modules/rating/rating.module.ts',
    exports: ['RatingReadService'],
    public: {
      'src/modules/rating/rating.module.ts': 'imported by the app module and by notice',
      'src/modules/rating/rating-read.service.ts':
        "RatingReadService.pending: the notice job reminds a round's pending subjects",
      'src/modules/rating/rating.model.ts': "RatingPendingSubject, the pending list's rows",
      'src/modules/rating/rating-alerts.sql.ts':
        "QUOTA_COUNTS, KHTNV_TWO_YEARS: the dashboard's rating alerts over the rating table",
    },
    uses: {
      member:
        'the admission target uses admissionCounts; listens to recorded discipline; member rows, memberships and discipline in SQL (member.sql.ts)',
      organisation:
        "organisation rows and committee seats in SQL (organisation.sql.ts): subjects, trees, names, the leadership's discipline",
      policy: 'the rating quota and level rules',
    },
    tables: ['rating', 'rating_round', 'rating_exclusion'],
  },
  dues: {
    paths: ['src/modules/dues/'],
    summary:
      'Party dues (đảng phí): bases, reliefs and payments per member and month, the dues sheet of a cell and the figures of a subtree.',
    moduleFile: 'src/modules/dues/dues.module.ts',
    exports: ['DuesService'],
    public: {
      'src/modules/dues/dues.module.ts': 'imported by the app module and by dashboard',
      'src/modules/dues/dues.service.ts': "DuesService.membersInArrears: the dashboard's DUES_ARREARS alerts",
    },
    uses: {
      organisation: "the organisations of the figures' rows",
      member: "whose dues: visible and writable members, the members of cells on dates through member's SQL fragments",
      policy: 'the dues rates, exemptions and the arrears threshold',
    },
    tables: [
      'dues_basis',
      'dues_relief',
      'dues_payment',
      'dues_fact',
      'dues_fact_year',
      'dues_member_version',
      'dues_fact_epoch',
      'dues_cell_sum',
    ],
  },
  events: {
    paths: ['src/modules/events/'],
    summary:
      "The change feed: domain events in commit order by cursor, scoped to the caller's subtrees (the event table common/audit fills).",
    moduleFile: 'src/modules/events/events.module.ts',
    exports: [],
    public: { 'src/modules/events/events.module.ts': 'imported by the app module' },
    uses: {},
    tables: [],
  },
  webhook: {
    paths: ['src/modules/webhook/'],
    summary:
      'Webhooks: subscriptions, the delivery worker fed by the domain-event outbox (cursor, retries, per-subject order), the delivery log and replay.',
    moduleFile: 'src/modules/webhook/webhook.module.ts',
    exports: [],
    public: {
      'src/modules/webhook/webhook.module.ts': 'imported by the app module',
      'src/modules/webhook/webhook.worker.ts': 'WebhookWorker: the CLI and tests trigger a run',
      'src/modules/webhook/webhook-state.ts':
        'autoDisabledSubscriptions: the subscriptions the worker disabled (the notice job tells their managers)',
    },
    uses: {},
    tables: ['webhook_subscription', 'webhook_delivery'],
  },
  dashboard: {
    paths: ['src/modules/dashboard/'],
    summary:
      'The dashboard and alert list of a subtree on a date: reads every area; owns the versions of the tables that feed the figures (its cache).',
    moduleFile: 'src/modules/dashboard/dashboard.module.ts',
    exports: ['DashboardService'],
    public: {
      'src/modules/dashboard/dashboard.module.ts': 'imported by the app module and by notice',
      'src/modules/dashboard/dashboard.service.ts':
        "DashboardService.subtreeAlerts: the alert rules, for the notice job's reminders",
    },
    uses: {
      organisation: 'the root and its subtree, organisation flags',
      member: "member counts and admissions, through member's SQL fragments",
      meeting: "meeting compliance and visit coverage; the minutes alerts' statement (meeting.sql.ts)",
      inspection: 'inspection-target alerts',
      rating: "the rating alerts' statements (rating-alerts.sql.ts)",
      dues: 'the members in arrears with their dues (DUES_ARREARS alerts)',
      policy: 'thresholds of the alerts',
    },
    tables: ['figure_version', 'figure_change'],
  },
  search: {
    paths: ['src/modules/search/'],
    summary:
      "The one search box: members, organisations and meetings of the caller's scope matching a name, code or title without diacritics.",
    moduleFile: 'src/modules/search/search.module.ts',
    exports: [],
    public: { 'src/modules/search/search.module.ts': 'imported by the app module' },
    uses: {
      organisation: 'the organisations found (OrganisationService.search) and their GraphQL type',
      member: 'the members found (MemberService.search) and their GraphQL type',
      meeting: 'the meetings found (MeetingService.search) and their GraphQL type',
    },
    tables: [],
  },
  notice: {
    paths: ['src/modules/notice/'],
    summary:
      "In-app notices and reminders: each user's inbox, the notice job (meeting notices, own-record notices from the domain-event outbox, reminders from the alert rules) and optional e-mail.",
    moduleFile: 'src/modules/notice/notice.module.ts',
    exports: [],
    public: {
      'src/modules/notice/notice.module.ts': 'imported by the app module',
      'src/modules/notice/notice.job.ts': 'NoticeJob: the CLI and tests trigger a run',
    },
    uses: {
      dashboard: 'the alerts of a tree (the same rules as the alert list) become reminders',
      rating: 'the subjects of an open round not self-assessed yet (self-assessment reminders)',
      webhook: 'the subscriptions disabled automatically (a notice to those who manage them)',
      policy: "the meeting notices' publication days in SQL (policyIntSql)",
    },
    tables: ['notice', 'notice_email', 'notice_cursor', 'notice_event_state'],
  },
};

/**
 * The composition root and tooling: they may import any module's internals; no module imports them. Their SQL is
 * not checked (seed and bench write every table in bulk, by design).
 */
const app = ['src/main.ts', 'src/app.module.ts', 'src/cli/'];

/** Files outside the table check: the schema (every table's DDL) lives in the migrations. */
const sqlExempt = ['src/database/migrations/'];

/** Tables other modules may read (never write) in SQL, and why. */
const readers = {
  organisation_placement: {
    modules: '*',
    why: 'the scope index: every scoped list joins the placement path range (docs/architecture.md#scope-and-errors)',
  },
  organisation: {
    modules: ['common'],
    why: 'the scope checks (common/scope) answer NOT_FOUND for a missing organisation',
  },
  cell_member_count: {
    modules: ['organisation'],
    why: 'the member counts of subtrees (OrganisationService.subtreeCounts); the database keeps the table by triggers on the member tables',
  },
  domain_event: {
    modules: ['events', 'webhook', 'notice'],
    why: 'the change feed, the webhook worker and the notice job read the outbox AuditService writes in every writing transaction',
  },
  app_user: { modules: ['notice'], why: 'notices go to users: those linked to a member, their e-mail address' },
  access_grant: {
    modules: ['notice'],
    why: 'reminders go to the writers (COMMITTEE_WRITE, CELL_SECRETARY) of the nearest organisation; MEMBER grants link users to members',
  },
  meeting: { modules: ['notice'], why: 'meeting notices: the published planned meetings' },
  meeting_document: { modules: ['notice'], why: 'meeting notices name the documents' },
  membership: { modules: ['notice'], why: 'meeting notices go to the members of the cell on the meeting date' },
  member: { modules: ['notice'], why: 'meeting notices go to members in office' },
  rating_round: { modules: ['notice'], why: 'self-assessment reminders: the open rounds whose deadline is near' },
  figure_version: {
    modules: ['dues'],
    why: 'the kept dues facts skip their stale scan while the tables behind them are unchanged (commit-visible versions)',
  },
  figure_change: { modules: ['dues'], why: 'the same versions: the changes not folded into figure_version yet' },
};

/**
 * Existing SQL that names another module's table: each entry is one file reading or writing one foreign table.
 * The check fails on a new one, and on an entry no longer needed (remove it): the list only shrinks. Empty since
 * issue #11 moved every such statement into its owner's *.sql.ts or service: keep it so.
 * `node scripts/check-boundaries.mjs --list-sql` prints what the scan finds now.
 */
const sqlAllowlist = [];

module.exports = { modules, app, sqlExempt, readers, sqlAllowlist };
