/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A grant for a user. */
export type AddGrantInput = {
  /** Member (MEMBER). */
  memberId?: string | null | undefined;
  /** Organisation (COMMITTEE_* and CELL_SECRETARY). */
  organisationId?: string | null | undefined;
  /** Role. */
  role: GrantRole;
  /** User. */
  userId: string;
};

/** A document to attach: a name and either a link or a file's content (base64). Accepted files: PDF, Word, Excel, PowerPoint, OpenDocument text, PNG, JPEG, plain text; at most UPLOAD_MAX_BYTES (5 MB). */
export type AddMeetingDocumentInput = {
  /** The file's content, base64-encoded. */
  contentBase64?: string | null | undefined;
  /** Name (for a file, the file name with its extension, which decides the type). */
  name: string;
  /** A link (http or https). */
  url?: string | null | undefined;
};

/** An alert rule (docs/rules.md#alerts names the rule behind each code; docs/dashboard.md lists each with its threshold). Meetings and visits: MEETING_OVERDUE, MINUTES_MISSING, RESOLUTION_MISSING, VISITS_BEHIND, VISIT_UNSCORED. Members: PROBATION_OVERDUE, PROBATION_DUE, CEREMONY_OVERDUE, BADGE_DUE. Organisations: CELL_TOO_LARGE, SUBORDINATE_CELL_TOO_LARGE, TOO_FEW_FULL_MEMBERS, CELL_COMMITTEE_MISSING, TERM_ENDED, TERM_ENDING. Inspections: INSPECTION_BEHIND. Ratings: RATING_QUOTA_BREACH, KHTNV_TWO_YEARS. Dues: DUES_ARREARS. */
export type AlertCode =
  | 'BADGE_DUE'
  | 'CELL_COMMITTEE_MISSING'
  | 'CELL_TOO_LARGE'
  | 'CEREMONY_OVERDUE'
  | 'DUES_ARREARS'
  | 'INSPECTION_BEHIND'
  | 'KHTNV_TWO_YEARS'
  | 'MEETING_OVERDUE'
  | 'MINUTES_MISSING'
  | 'PROBATION_DUE'
  | 'PROBATION_OVERDUE'
  | 'RATING_QUOTA_BREACH'
  | 'RESOLUTION_MISSING'
  | 'SUBORDINATE_CELL_TOO_LARGE'
  | 'TERM_ENDED'
  | 'TERM_ENDING'
  | 'TOO_FEW_FULL_MEMBERS'
  | 'VISITS_BEHIND'
  | 'VISIT_UNSCORED';

/** The record an alert points at, to open and fix: ORGANISATION (`organisation`), MEMBER (`memberId`), MEETING (`meetingId`), VISIT (`visitId` and its `meetingId`). */
export type AlertEntity =
  | 'MEETING'
  | 'MEMBER'
  | 'ORGANISATION'
  | 'VISIT';

/** ERROR (a rule is broken, a deadline passed), WARNING (needs attention), INFO (an upcoming task). */
export type AlertSeverity =
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

/** Which alerts: an organisation's subtree as it stood on a date. */
export type AlertsInput = {
  /** Judge as of this date, on the tree as it stood then (default today). */
  asOf?: string | null | undefined;
  /** Only these codes (default: all). Totals and counts then cover these codes only. */
  codes?: Array<AlertCode> | null | undefined;
  /** The organisation whose subtree is checked (NOT_FOUND outside your scope: you need to read its subtree). */
  organisationId: string;
  /** Page of the sorted list (default the first 50). */
  page?: PageInput | null | undefined;
  /** The year whose meetings and visits are judged (MEETING_OVERDUE, MINUTES_MISSING, RESOLUTION_MISSING, VISITS_BEHIND, VISIT_UNSCORED), from 1 January to the as-of date (to 31 December for a past year). Default: the as-of date's year. */
  year?: number | null | undefined;
};

/** Give a member a seat on an organisation's committee. */
export type AssignCommitteeSeatInput = {
  /** First day. */
  from: string;
  /** Member (must belong to the organisation's subtree on the start date). */
  memberId: string;
  /** Organisation whose committee it is. */
  organisationId: string;
  /** Role. */
  role: CommitteeRole;
  /** End (exclusive), if known. */
  to?: string | null | undefined;
};

/** Assign a visitor to a cell. */
export type AssignVisitorInput = {
  /** The cell. */
  cellId: string;
  /** First day. */
  from: string;
  /** Visits required a year (default from the policy). */
  requiredPerYear?: number | null | undefined;
  /** End (exclusive). */
  to?: string | null | undefined;
  /** The visitor (user). */
  visitorUserId: string;
};

/** A member's attendance. */
export type AttendanceInput = {
  /** Arrived late. */
  late?: boolean | null | undefined;
  /** Left early. */
  leftEarly?: boolean | null | undefined;
  /** Member (must belong to the cell on the meeting date). */
  memberId: string;
  /** Reason for an absence. */
  reason?: string | null | undefined;
  /** Status. */
  status: AttendanceStatus;
};

/** PRESENT, ABSENT_EXCUSED (with reason), ABSENT_UNEXCUSED, EXEMPT (miễn sinh hoạt; not counted in the rate). */
export type AttendanceStatus =
  | 'ABSENT_EXCUSED'
  | 'ABSENT_UNEXCUSED'
  | 'EXEMPT'
  | 'PRESENT';

/** Filter for the audit log. */
export type AuditFilter = {
  /** Actor id. */
  actorId?: string | null | undefined;
  /** Entity id. */
  entityId?: string | null | undefined;
  /** Entity type. */
  entityType?: string | null | undefined;
  /** Operation. */
  operation?: string | null | undefined;
};

/** Seat on an elected committee: SECRETARY (bí thư), DEPUTY_SECRETARY (phó bí thư), STANDING_MEMBER (ủy viên ban thường vụ), COMMITTEE_MEMBER (cấp ủy viên / chi ủy viên). */
export type CommitteeRole =
  | 'COMMITTEE_MEMBER'
  | 'DEPUTY_SECRETARY'
  | 'SECRETARY'
  | 'STANDING_MEMBER';

/** Which organisation and period to check. */
export type ComplianceInput = {
  /** Judge as of this date (default today): obligations not yet due are not missing. */
  asOf?: string | null | undefined;
  /** First day of the period. */
  from: string;
  /** Organisation whose cells are checked (the cells under it on the period's last day, or the as-of date if earlier). */
  organisationId: string;
  /** Last day of the period. */
  to: string;
};

/** Conclude an inspection: the conclusion, the findings per member and any discipline decisions, all or nothing. */
export type ConcludeInspectionInput = {
  /** Date of the conclusion (not before the start, not in the future). */
  concludedOn: string;
  /** Conclusion. */
  conclusion: string;
  /** Recommendation. */
  recommendation?: string | null | undefined;
  /** Actual start: required when the inspection is still PLANNED (recorded after the fact). */
  startedOn?: string | null | undefined;
  /** Findings per member, with optional discipline. */
  subjects?: Array<SubjectFindingsInput> | null | undefined;
};

/** A discipline decision taken on the conclusion (kỷ luật). */
export type ConclusionDisciplineInput = {
  /** Decision date (default the conclusion date; not before it, not after today). */
  decidedOn?: string | null | undefined;
  /** Deciding body (default: the inspecting body's, a cell for a chi ủy): CELL, GRASSROOTS_COMMITTEE, STANDING_COMMITTEE, INSPECTION_COMMISSION, HIGHER_COMMITTEE. A body above the cell needs write access to the committee above it. */
  decidingBody?: string | null | undefined;
  /** Form: KHIEN_TRACH, CANH_CAO, CACH_CHUC, KHAI_TRU; only those allowed for the member's status on the decision date and within the deciding body's authority. */
  form: string;
  /** Reason. */
  reason?: string | null | undefined;
};

/** A new API token. */
export type CreateApiTokenInput = {
  /** READ or READ_WRITE. */
  access: TokenAccess;
  /** Expiry (ISO date-time, in the future; EXPIRY_IN_PAST otherwise). Unset: no expiry. */
  expiresAt?: string | null | undefined;
  /** Name (which system uses it). */
  name: string;
  /** Subtree it may reach. */
  organisationId: string;
};

/** A new yearly plan (one per organisation and year). */
export type CreateInspectionPlanInput = {
  /** Adoption date (not after today). */
  adoptedOn?: string | null | undefined;
  /** Content. */
  content: string;
  /** Method. */
  method?: string | null | undefined;
  /** Note. */
  note?: string | null | undefined;
  /** The cell or committee. */
  organisationId: string;
  /** Purpose. */
  purpose: string;
  /** Period under review: from. */
  reviewFrom?: string | null | undefined;
  /** Period under review: to. */
  reviewTo?: string | null | undefined;
  /** Members (replaces the list); each must belong to the cell, or to a cell under the committee, on the plan's adoption date (or 1 January). */
  subjectMemberIds?: Array<string> | null | undefined;
  /** Timing. */
  timing?: string | null | undefined;
  /** Year. */
  year: number;
};

/** A new meeting for a cell. */
export type CreateMeetingInput = {
  /** Chair. */
  chairMemberId?: string | null | undefined;
  /** Date. */
  date: string;
  /** End, HH:MM. */
  endTime?: string | null | undefined;
  /** Format. */
  format?: MeetingFormat | null | undefined;
  /** Format details. */
  formatNote?: string | null | undefined;
  /** Kind. */
  kind: MeetingKind;
  /** Minute-taker. */
  minuteTakerMemberId?: string | null | undefined;
  /** Mode. */
  mode?: MeetingMode | null | undefined;
  /** The cell. */
  organisationId: string;
  /** Place. */
  place?: string | null | undefined;
  /** Start, HH:MM. */
  startTime?: string | null | undefined;
  /** Theme. */
  theme?: string | null | undefined;
  /** Title. */
  title: string;
  /** Topics. */
  topics?: Array<string> | null | undefined;
};

/** A new member record in a cell: admitted there, or transferred in from outside the system. */
export type CreateMemberInput = {
  /** The higher committee's written approval of an admission above the maximum age (its number and date); lifts only the upper age limit (docs/rules.md#r-admission-age). */
  admissionAgeApproval?: string | null | undefined;
  /** Admission decision date (not after today). */
  admissionDecisionDate?: string | null | undefined;
  /** Birth date (not after today). */
  birthDate?: string | null | undefined;
  /** Party card number (full members only), 6–12 digits. */
  cardNumber?: string | null | undefined;
  /** Ceremony date (not after today). */
  ceremonyDate?: string | null | undefined;
  /** Date of the party-awareness course certificate (not after today; valid for 5 years on the admission decision, docs/rules.md#r-course-certificate). */
  courseCompletedOn?: string | null | undefined;
  /** General education. */
  educationGeneral?: string | null | undefined;
  /** Professional education. */
  educationProfessional?: string | null | undefined;
  /** Ethnicity. */
  ethnicity?: string | null | undefined;
  /** Party file number. */
  fileNumber?: string | null | undefined;
  /** Full membership date (not after today). */
  fullMembershipDate?: string | null | undefined;
  /** Full name. */
  fullName: string;
  /** Gender. */
  gender?: Gender | null | undefined;
  /** Home town. */
  homeTown?: string | null | undefined;
  /** Introducers (up to two names). */
  introducers?: Array<string> | null | undefined;
  /** Job. */
  job?: string | null | undefined;
  /** Date the member joins this cell (default: the ceremony date; not after today). */
  joinedOn?: string | null | undefined;
  /** National ID, 12 digits. */
  nationalId?: string | null | undefined;
  /** The cell the member belongs to. */
  organisationId: string;
  /** Political theory. */
  politicalTheory?: string | null | undefined;
  /** Post. */
  post?: string | null | undefined;
  /** Religion. */
  religion?: string | null | undefined;
  /** Residence. */
  residence?: string | null | undefined;
  /** Transferred in from this organisation outside the system (otherwise: admitted in this cell). */
  transferredFrom?: string | null | undefined;
};

/** A new organisation. */
export type CreateOrganisationInput = {
  /** Unique code (letters, digits, dot, dash, underscore). */
  code: string;
  /** Establishment date (default today); it is also when it joins the tree. */
  establishedOn?: string | null | undefined;
  /** Kind; must be allowed under the parent's kind. */
  kind: OrganisationKind;
  /** Level name for COMMITTEE kinds. */
  levelName?: string | null | undefined;
  /** Name. */
  name: string;
  /** Parent organisation; omit only for a root committee (administrators). */
  parentId?: string | null | undefined;
  /** Current term end. */
  termEnd?: string | null | undefined;
  /** Current term start. */
  termStart?: string | null | undefined;
  /** Term type. */
  termType?: string | null | undefined;
  /** Agency or unit served. */
  unitServed?: string | null | undefined;
};

/** A new user. */
export type CreateUserInput = {
  /** Display name. */
  displayName: string;
  /** E-mail address the user's notices are also sent to when the server has SMTP configured (docs/notices.md); never shown in lists or logs. */
  email?: string | null | undefined;
  /** Linked member record. */
  memberId?: string | null | undefined;
  /** Password: at least 10 characters, not a common password or pattern, not containing the username (reasons PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON, PASSWORD_CONTAINS_USERNAME). */
  password: string;
  /** Username: 3–100 of a-z 0-9 . _ - */
  username: string;
};

/** A new webhook subscription. */
export type CreateWebhookSubscriptionInput = {
  /** What it is for (at most 200 characters). */
  description?: string | null | undefined;
  /** The event types to send (ChangeEvent.type), 1 to 100; an unknown type is a VALIDATION error. */
  eventTypes: Array<string>;
  /** The subtree root: events of this organisation and everything below it (within your scope). You need write access to it. */
  organisationId: string;
  /** An http(s) URL on a public address (WEBHOOK_TARGET_INVALID / WEBHOOK_TARGET_FORBIDDEN / WEBHOOK_TARGET_UNRESOLVABLE otherwise). */
  targetUrl: string;
};

/** Which dashboard: an organisation (its subtree) on a date, with a year for the yearly figures. */
export type DashboardInput = {
  /** Figures as of this date, on the tree as it stood then (default today). */
  asOf?: string | null | undefined;
  /** The organisation (NOT_FOUND outside your scope: you need to read its subtree). */
  organisationId: string;
  /** The year of the yearly figures (meetings, visits, admissions, period alerts): from 1 January to the as-of date, or the whole year when it is over. Default: the as-of date's year. */
  year?: number | null | undefined;
};

/** A decision by the competent level. */
export type DecideRatingInput = {
  /** Decided level. */
  level: RatingLevel;
  /** Why the decision stands although it breaks the "excellent" quota (required then; kept in the audit log). */
  quotaOverrideReason?: string | null | undefined;
  /** Rating. */
  ratingId: string;
  /** Why the decision differs from the proposal (required then). */
  reason?: string | null | undefined;
};

/** Dissolve an organisation from a date. It must have no members or child organisations left. */
export type DissolveOrganisationInput = {
  /** Date of dissolution. */
  effectiveOn: string;
  /** Organisation to dissolve. */
  id: string;
  /** Reason or decision reference. */
  note?: string | null | undefined;
};

/** What a member's monthly dues are computed from: INSURED_SALARY (1% of the previous month's insured salary), SICKNESS_MATERNITY (1% of the social-insurance benefit), PENSION (0.5% of the pension), SOCIAL_PENSION (exempt), STUDENT (a fixed amount), OTHER (a share of the income reported to the cell). Rates come from the policy in force (docs/rules.md#r-dues). */
export type DuesBasis =
  | 'INSURED_SALARY'
  | 'OTHER'
  | 'PENSION'
  | 'SICKNESS_MATERNITY'
  | 'SOCIAL_PENSION'
  | 'STUDENT';

/** How dues were paid: CASH to the cell, or PORTAL (the National Public Service Portal). */
export type DuesChannel =
  | 'CASH'
  | 'PORTAL';

/** Why a month's amount is what it is: STANDARD, REDUCED (a relief), EXEMPT_PARTY_AGE (50 years of party age), EXEMPT_SOCIAL_PENSION, EXEMPT_ON_APPLICATION, NO_BASIS (no basis recorded: the amount is unknown). */
export type DuesDueReason =
  | 'EXEMPT_ON_APPLICATION'
  | 'EXEMPT_PARTY_AGE'
  | 'EXEMPT_SOCIAL_PENSION'
  | 'NO_BASIS'
  | 'REDUCED'
  | 'STANDARD';

/** Relief granted on application: EXEMPT (nothing owed), REDUCE (by a percent the policy allows), DEFER (owed later; the months do not count as unpaid meanwhile). */
export type DuesReliefKind =
  | 'DEFER'
  | 'EXEMPT'
  | 'REDUCE';

/** End a committee seat. */
export type EndCommitteeSeatInput = {
  /** Seat. */
  seatId: string;
  /** Day the seat ends (exclusive). */
  to: string;
};

/** MALE (nam) or FEMALE (nữ). */
export type Gender =
  | 'FEMALE'
  | 'MALE';

/** A relief granted on application. */
export type GrantDuesReliefInput = {
  /** The date of the decision (not after today). */
  decidedOn: string;
  /** First month, 'YYYY-MM'. */
  from: string;
  /** The relief. */
  kind: DuesReliefKind;
  /** The member. */
  memberId: string;
  /** The reduction in percent, one the policy allows (REDUCE only). */
  percent?: number | null | undefined;
  /** The grounds. */
  reason: string;
  /** Last month, 'YYYY-MM'; at most the policy's maximum (12 months) after the first. */
  to: string;
};

/** SYSTEM_ADMIN: everything. COMMITTEE_READ / COMMITTEE_WRITE: read or read-write on an organisation subtree (committee staff). CELL_SECRETARY: read-write on one cell. MEMBER: one member's own record. */
export type GrantRole =
  | 'CELL_SECRETARY'
  | 'COMMITTEE_READ'
  | 'COMMITTEE_WRITE'
  | 'MEMBER'
  | 'SYSTEM_ADMIN';

/** A file of dues payments (the columns of docs/dues.md#importing-a-payment-file), .csv or .xlsx, at most 8 MB. All rows or none, unless skipInvalid. */
export type ImportDuesPaymentsInput = {
  /** The channel of rows without a channel column or cell (default PORTAL: the portal's file). */
  channel?: DuesChannel | null | undefined;
  /** The file's content, base64-encoded. */
  contentBase64: string;
  /** Check the file and answer what would be written, writing nothing (default false). */
  dryRun?: boolean | null | undefined;
  /** File name, ending in .csv or .xlsx (it tells the format; it is recorded in the audit log). */
  fileName: string;
  /** Import the valid rows and skip the others (default false: one bad row and nothing is imported). */
  skipInvalid?: boolean | null | undefined;
};

/** A file to import: its name (.csv or .xlsx) and content (base64). At most 8 MB. All rows or none, unless skipInvalid. */
export type ImportFileInput = {
  /** The file's content, base64-encoded. */
  contentBase64: string;
  /** File name, ending in .csv or .xlsx (it tells the format; it is recorded in the audit log). */
  fileName: string;
  /** Import the valid rows and skip the others (default false: one bad row and nothing is imported). */
  skipInvalid?: boolean | null | undefined;
};

/** Who inspects: CELL (chi bộ) or CELL_COMMITTEE (chi ủy) of a cell; COMMITTEE (cấp ủy), STANDING_COMMITTEE (ban thường vụ) or INSPECTION_COMMISSION (ủy ban kiểm tra) of a committee. */
export type InspectingBody =
  | 'CELL'
  | 'CELL_COMMITTEE'
  | 'COMMITTEE'
  | 'INSPECTION_COMMISSION'
  | 'STANDING_COMMITTEE';

/** Filter for the inspection list. Every condition narrows the list. */
export type InspectionFilter = {
  /** Date of the tree for `organisationId` (default today). */
  asOf?: string | null | undefined;
  /** Inspecting bodies. */
  bodies?: Array<InspectingBody> | null | undefined;
  /** That date on or after this day. */
  from?: string | null | undefined;
  /** Only inspections of this member. */
  memberId?: string | null | undefined;
  /** Inspections by this organisation or by cells and committees under it (the tree on `asOf`; inspections follow a cell that moved). */
  organisationId?: string | null | undefined;
  /** Only inspections of this plan. */
  planId?: string | null | undefined;
  /** States. */
  states?: Array<InspectionState> | null | undefined;
  /** That date on or before this day. */
  to?: string | null | undefined;
  /** Types. */
  types?: Array<InspectionType> | null | undefined;
  /** Year of the inspection's date (its conclusion, else its start, else its planned start). */
  year?: number | null | undefined;
};

/** The fields of a plan. Omitted fields keep their value. */
export type InspectionPlanInput = {
  /** Adoption date (not after today). */
  adoptedOn?: string | null | undefined;
  /** Content. */
  content?: string | null | undefined;
  /** Method. */
  method?: string | null | undefined;
  /** Note. */
  note?: string | null | undefined;
  /** Purpose. */
  purpose?: string | null | undefined;
  /** Period under review: from. */
  reviewFrom?: string | null | undefined;
  /** Period under review: to. */
  reviewTo?: string | null | undefined;
  /** Members (replaces the list); each must belong to the cell, or to a cell under the committee, on the plan's adoption date (or 1 January). */
  subjectMemberIds?: Array<string> | null | undefined;
  /** Timing. */
  timing?: string | null | undefined;
};

/** PLANNED, IN_PROGRESS (started), CONCLUDED (with a conclusion; final), CANCELLED (a planned one called off; final). */
export type InspectionState =
  | 'CANCELLED'
  | 'CONCLUDED'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** Which organisation, year and date to judge the inspection target or the supervision coverage on. */
export type InspectionTargetInput = {
  /** Judge as of this date (default today). The reference date is this date capped at 31 December of the year; it may not be before 1 January. */
  asOf?: string | null | undefined;
  /** The organisation whose cells are judged (the cells under it on the reference date; itself if it is a cell). */
  organisationId: string;
  /** Year. */
  year: number;
};

/** COMPLIANCE (kiểm tra đảng viên chấp hành, CHAP_HANH), SIGNS_OF_VIOLATION (kiểm tra khi có dấu hiệu vi phạm, DAU_HIEU_VI_PHAM), REGULAR_SUPERVISION (giám sát thường xuyên), THEMATIC_SUPERVISION (giám sát chuyên đề). Only the first two count toward the yearly inspection target. */
export type InspectionType =
  | 'COMPLIANCE'
  | 'REGULAR_SUPERVISION'
  | 'SIGNS_OF_VIOLATION'
  | 'THEMATIC_SUPERVISION';

/** Filter for the meeting list. */
export type MeetingFilter = {
  /** From this date. */
  from?: string | null | undefined;
  /** Kinds. */
  kinds?: Array<MeetingKind> | null | undefined;
  /** Meetings of cells in this subtree (on each meeting's date). */
  organisationId?: string | null | undefined;
  /** States. */
  states?: Array<MeetingState> | null | undefined;
  /** Up to this date. */
  to?: string | null | undefined;
};

/** How the meeting is run: STANDARD, SKIT (tiểu phẩm), ROUND_TABLE (tọa đàm), HISTORIC_SITE_VISIT (về nguồn), DOCUMENTARY, SLIDES_LEAD_REPORT, STORIES, OTHER. */
export type MeetingFormat =
  | 'DOCUMENTARY'
  | 'HISTORIC_SITE_VISIT'
  | 'OTHER'
  | 'ROUND_TABLE'
  | 'SKIT'
  | 'SLIDES_LEAD_REPORT'
  | 'STANDARD'
  | 'STORIES';

/** REGULAR (thường kỳ), THEMATIC (chuyên đề), COMBINED (thường kỳ kết hợp chuyên đề), IDEOLOGICAL (tư tưởng), EXTRAORDINARY (bất thường), CONGRESS (đại hội). */
export type MeetingKind =
  | 'COMBINED'
  | 'CONGRESS'
  | 'EXTRAORDINARY'
  | 'IDEOLOGICAL'
  | 'REGULAR'
  | 'THEMATIC';

/** IN_PERSON, ONLINE or HYBRID. */
export type MeetingMode =
  | 'HYBRID'
  | 'IN_PERSON'
  | 'ONLINE';

/** The plan of a meeting. */
export type MeetingPlanInput = {
  /** Chair. */
  chairMemberId?: string | null | undefined;
  /** Date. */
  date?: string | null | undefined;
  /** End, HH:MM. */
  endTime?: string | null | undefined;
  /** Format. */
  format?: MeetingFormat | null | undefined;
  /** Format details. */
  formatNote?: string | null | undefined;
  /** Kind. */
  kind?: MeetingKind | null | undefined;
  /** Minute-taker. */
  minuteTakerMemberId?: string | null | undefined;
  /** Mode. */
  mode?: MeetingMode | null | undefined;
  /** Place. */
  place?: string | null | undefined;
  /** Start, HH:MM. */
  startTime?: string | null | undefined;
  /** Theme. */
  theme?: string | null | undefined;
  /** Title. */
  title?: string | null | undefined;
  /** Topics. */
  topics?: Array<string> | null | undefined;
};

/** The record of a held meeting. Omitted fields keep their value. */
export type MeetingRecordInput = {
  /** Actual end, HH:MM. */
  actualEnd?: string | null | undefined;
  /** Actual start, HH:MM. */
  actualStart?: string | null | undefined;
  /** Attendance (replaces the whole list). */
  attendance?: Array<AttendanceInput> | null | undefined;
  /** Guests. */
  guests?: string | null | undefined;
  /** Minutes. */
  minutes?: string | null | undefined;
  /** Resolution. */
  resolution?: string | null | undefined;
  /** Self-assessment: points per criterion code of the score sheet in force. */
  selfAssessment?: Record<string, unknown> | null | undefined;
  /** Next month's tasks (replaces the list). */
  tasks?: Array<MeetingTaskInput> | null | undefined;
  /** Abstentions. */
  votesAbstain?: number | null | undefined;
  /** Votes against. */
  votesAgainst?: number | null | undefined;
  /** Votes for. */
  votesFor?: number | null | undefined;
};

/** PLANNED, HELD (recorded), CLOSED (locked: changes only as amendments), CANCELLED. */
export type MeetingState =
  | 'CANCELLED'
  | 'CLOSED'
  | 'HELD'
  | 'PLANNED';

/** A task for next month. */
export type MeetingTaskInput = {
  /** Assignee (member of the cell). */
  assigneeMemberId?: string | null | undefined;
  /** Due. */
  dueOn?: string | null | undefined;
  /** What. */
  text: string;
};

/** Personal and party data of a member. */
export type MemberDataInput = {
  /** The higher committee's written approval of an admission above the maximum age (its number and date); lifts only the upper age limit (docs/rules.md#r-admission-age). */
  admissionAgeApproval?: string | null | undefined;
  /** Admission decision date (not after today). */
  admissionDecisionDate?: string | null | undefined;
  /** Birth date (not after today). */
  birthDate?: string | null | undefined;
  /** Party card number (full members only), 6–12 digits. */
  cardNumber?: string | null | undefined;
  /** Ceremony date (not after today). */
  ceremonyDate?: string | null | undefined;
  /** Date of the party-awareness course certificate (not after today; valid for 5 years on the admission decision, docs/rules.md#r-course-certificate). */
  courseCompletedOn?: string | null | undefined;
  /** General education. */
  educationGeneral?: string | null | undefined;
  /** Professional education. */
  educationProfessional?: string | null | undefined;
  /** Ethnicity. */
  ethnicity?: string | null | undefined;
  /** Party file number. */
  fileNumber?: string | null | undefined;
  /** Full membership date (not after today). */
  fullMembershipDate?: string | null | undefined;
  /** Full name. */
  fullName?: string | null | undefined;
  /** Gender. */
  gender?: Gender | null | undefined;
  /** Home town. */
  homeTown?: string | null | undefined;
  /** Introducers (up to two names). */
  introducers?: Array<string> | null | undefined;
  /** Job. */
  job?: string | null | undefined;
  /** National ID, 12 digits. */
  nationalId?: string | null | undefined;
  /** Political theory. */
  politicalTheory?: string | null | undefined;
  /** Post. */
  post?: string | null | undefined;
  /** Religion. */
  religion?: string | null | undefined;
  /** Residence. */
  residence?: string | null | undefined;
};

/** A lifecycle event for a member (docs/rules.md#r-member-lifecycle). Which fields apply depends on the type. */
export type MemberEventInput = {
  /** Party card number, when recognising a full member. */
  cardNumber?: string | null | undefined;
  /** Effective date (not after today; RECOGNISED_FULL: default and at the earliest the end of probation). */
  effectiveOn?: string | null | undefined;
  /** End date (temporary transfer or temporary exemption). */
  endOn?: string | null | undefined;
  /** Organisation outside the system (TRANSFER_OUT, TEMPORARY_TRANSFER_OUT). */
  externalOrganisation?: string | null | undefined;
  /** Member. */
  memberId: string;
  /** Note or decision reference. */
  note?: string | null | undefined;
  /** REMOVED: the xóa tên reason code; EXEMPTED: TEMPORARY or PERMANENT. */
  reason?: string | null | undefined;
  /** Target cell (TRANSFER_INTERNAL, TRANSFER_IN, and TEMPORARY_TRANSFER_OUT inside the system). */
  toOrganisationId?: string | null | undefined;
  /** RECOGNISED_FULL, NOT_RECOGNISED, TRANSFER_INTERNAL, TRANSFER_OUT, TRANSFER_IN, TEMPORARY_TRANSFER_OUT, TEMPORARY_TRANSFER_END, EXEMPTED, EXEMPTION_ENDED, REMOVED, DECEASED. */
  type: string;
};

/** Filter for the member list. Every condition narrows the list. */
export type MemberFilter = {
  /** Admission decision on or after this date. */
  admittedFrom?: string | null | undefined;
  /** Admission decision on or before this date. */
  admittedTo?: string | null | undefined;
  /** Only members who reach a party-badge milestone (30, 40, 45… years of party age, per the policy) in this calendar year. */
  badgeDueInYear?: number | null | undefined;
  /** Born on or after this date. */
  bornFrom?: string | null | undefined;
  /** Born on or before this date. */
  bornTo?: string | null | undefined;
  /** Only members exempt (true) or not exempt (false) from party work and meetings. */
  exempt?: boolean | null | undefined;
  /** Gender. */
  gender?: Gender | null | undefined;
  /** Left (transferred out, removed, expelled, deceased) on or after this date; use with `statuses` naming those statuses. */
  leftFrom?: string | null | undefined;
  /** Left on or before this date; use with `statuses` naming the statuses of members who left. */
  leftTo?: string | null | undefined;
  /** The order of the list (default FULL_NAME; the web app lists by GIVEN_NAME). A keyset cursor belongs to the order it was made in. */
  order?: NameOrder | null | undefined;
  /** Only members of this organisation's subtree. */
  organisationId?: string | null | undefined;
  /** Probation states on the as-of date (e.g. [DUE, OVERDUE] = the list of those due for recognition). */
  probation?: Array<ProbationState> | null | undefined;
  /** Name ignoring diacritics and case ("nguyen van an" finds "Nguyễn Văn An"), or an exact party card number or national ID. */
  search?: string | null | undefined;
  /** Statuses on the as-of date (default: PROBATIONARY and FULL). Other statuses list members who had left by then. */
  statuses?: Array<MemberStatus> | null | undefined;
};

/** PROBATIONARY (dự bị), FULL (chính thức), TRANSFERRED_OUT (chuyển đi ngoài hệ thống), REMOVED (xóa tên), EXPELLED (khai trừ), DECEASED (từ trần). */
export type MemberStatus =
  | 'DECEASED'
  | 'EXPELLED'
  | 'FULL'
  | 'PROBATIONARY'
  | 'REMOVED'
  | 'TRANSFERRED_OUT';

/** Merge organisations into a target: their children and members move to it and they are dissolved. */
export type MergeOrganisationsInput = {
  /** Date the merge takes effect. */
  effectiveOn: string;
  /** Decision reference or note. */
  note?: string | null | undefined;
  /** Organisations merged away. */
  sourceIds: Array<string>;
  /** Organisation that receives them. */
  targetId: string;
};

/** Move an organisation (with everything under it) to a new parent from a date. */
export type MoveOrganisationInput = {
  /** Date the move takes effect; queries for earlier dates still show the old parent. */
  effectiveOn: string;
  /** Organisation to move. */
  id: string;
  /** New parent. */
  newParentId: string;
  /** Decision reference or note. */
  note?: string | null | undefined;
};

/** How people are listed: GIVEN_NAME as Vietnamese lists are (by the given name, then the family and middle names: An, Bình, Chi…), FULL_NAME by the name as written (family name first). Both ignore diacritics and case. */
export type NameOrder =
  | 'FULL_NAME'
  | 'GIVEN_NAME';

/** What a notice is about: MEETING (a meeting of your cell was published, or changed after publishing), RECORD (a change to your own member record), REMINDER (a deadline you are responsible for, from the alert rules). */
export type NoticeKind =
  | 'MEETING'
  | 'RECORD'
  | 'REMINDER';

/** Open a rating round. */
export type OpenRatingRoundInput = {
  /** Decisions due by (not before the proposal deadline). */
  decisionDue: string;
  /** The committee opening it (a committee or a grassroots organisation); its subtree is rated. */
  organisationId: string;
  /** Period kind (default YEAR). */
  periodKind?: RatingPeriodKind | null | undefined;
  /** Which period of that kind (e.g. "Q1"); empty for a year. */
  periodLabel?: string | null | undefined;
  /** Proposals due by (not before the self-assessment deadline). */
  proposalDue: string;
  /** Self-assessments due by. */
  selfAssessmentDue: string;
  /** Title (default "Đánh giá, xếp loại chất lượng năm <year>"). */
  title?: string | null | undefined;
  /** Year. */
  year: number;
};

/** Kind of party organisation. COMMITTEE: any committee level above the grassroots (its level name is data). GRASSROOTS_COMMITTEE: đảng bộ cơ sở; GRASSROOTS_CELL: chi bộ cơ sở; SUB_COMMITTEE: đảng bộ bộ phận; SUBORDINATE_CELL: chi bộ trực thuộc; PARTY_GROUP: tổ đảng. */
export type OrganisationKind =
  | 'COMMITTEE'
  | 'GRASSROOTS_CELL'
  | 'GRASSROOTS_COMMITTEE'
  | 'PARTY_GROUP'
  | 'SUBORDINATE_CELL'
  | 'SUB_COMMITTEE';

/** Pagination, the same on every list: skip `offset` rows, return at most `limit`. The large lists (members, meetingList, ratings and auditLog) also page by cursor: pass the previous page's `nextCursor` as `after` (docs/graphql.md#pagination). */
export type PageInput = {
  /** Keyset paging (members, meetingList, ratings and auditLog only; other lists answer VALIDATION): a `nextCursor` of the same list with the same filter; the page holds the rows that come after that row in the list's order, so rows added or removed meanwhile shift nothing: every row present throughout is returned exactly once. Opaque. */
  after?: string | null | undefined;
  /** Rows to return, 1 to 500. */
  limit?: number;
  /** Rows to skip (0 or more). Must be 0 with `after`. */
  offset?: number;
};

/** A new inspection or supervision. */
export type PlanInspectionInput = {
  /** Which body inspects: CELL or CELL_COMMITTEE for a cell, the others for a committee. */
  body: InspectingBody;
  /** Content areas (replaces the list). */
  contentAreas?: Array<string> | null | undefined;
  /** Method. */
  method?: string | null | undefined;
  /** The inspecting cell or committee. */
  organisationId: string;
  /** The yearly plan it belongs to (same organisation). */
  planId?: string | null | undefined;
  /** Planned start. */
  plannedFrom: string;
  /** Planned end. */
  plannedTo?: string | null | undefined;
  /** Period under review: from. */
  reviewFrom?: string | null | undefined;
  /** Period under review: to. */
  reviewTo?: string | null | undefined;
  /** Members inspected (at least one). */
  subjectMemberIds: Array<string>;
  /** Title. */
  title: string;
  /** Type. */
  type: InspectionType;
};

/** NONE (not probationary), IN_PROBATION (before the 12 months end), DUE (12 months ended; recognition due within 30 working days), OVERDUE (past that). */
export type ProbationState =
  | 'DUE'
  | 'IN_PROBATION'
  | 'NONE'
  | 'OVERDUE';

/** A proposal by the reviewing cell or committee. */
export type ProposeRatingInput = {
  /** Proposed level. */
  level: RatingLevel;
  /** Comments. */
  note?: string | null | undefined;
  /** Rating. */
  ratingId: string;
};

/** The list behind one figure. */
export type RatingFigureRowsInput = {
  /** Date of the tree (default: 31 December of the year, or today if earlier). */
  asOf?: string | null | undefined;
  /** Only these decided levels (e.g. [HTXSNV, HTTNV] for well-completed or better). */
  levels?: Array<RatingLevel> | null | undefined;
  /** true: only the not rated; false: only the rated; absent: both. */
  notRated?: boolean | null | undefined;
  /** Organisation (its whole subtree, itself included). */
  organisationId: string;
  /** Subject kind. */
  subjectKind: RatingSubjectKind;
  /** Year. */
  year: number;
};

/** Which organisation and year the figures are for. */
export type RatingFiguresInput = {
  /** Date of the tree (default: 31 December of the year, or today if earlier). */
  asOf?: string | null | undefined;
  /** Organisation (its whole subtree, itself included). */
  organisationId: string;
  /** Year. */
  year: number;
};

/** Filter for the rating list. */
export type RatingFilter = {
  /** Decided levels. */
  levels?: Array<RatingLevel> | null | undefined;
  /** One member's ratings (their history). */
  memberId?: string | null | undefined;
  /** Ratings sitting in this subtree (today's tree). */
  organisationId?: string | null | undefined;
  /** Ratings of this round. */
  roundId?: string | null | undefined;
  /** Name of the member or organisation rated, ignoring diacritics and case; each word must start a word of the name ("nguyen van an" finds "Nguyễn Văn An"). */
  search?: string | null | undefined;
  /** Stages. */
  stages?: Array<RatingStage> | null | undefined;
  /** Subject kinds. */
  subjectKinds?: Array<RatingSubjectKind> | null | undefined;
  /** Year. */
  year?: number | null | undefined;
};

/** Quality rating level, best first: HTXSNV (hoàn thành xuất sắc nhiệm vụ), HTTNV (hoàn thành tốt), HTNV (hoàn thành), KHTNV (không hoàn thành nhiệm vụ). */
export type RatingLevel =
  | 'HTNV'
  | 'HTTNV'
  | 'HTXSNV'
  | 'KHTNV';

/** YEAR (the main rating; the only one in the figures), TERM, QUARTER, AD_HOC. */
export type RatingPeriodKind =
  | 'AD_HOC'
  | 'QUARTER'
  | 'TERM'
  | 'YEAR';

/** OPEN (steps can be recorded) or ANNOUNCED (results published; nothing changes). */
export type RatingRoundState =
  | 'ANNOUNCED'
  | 'OPEN';

/** The rules a rating was made under: QD366_2025, QD124_2023, QD132_2018, TSVM_2008 ("trong sạch vững mạnh", 2008–2017). */
export type RatingScheme =
  | 'QD124_2023'
  | 'QD132_2018'
  | 'QD366_2025'
  | 'TSVM_2008';

/** Where a rating stands: PENDING, SELF_ASSESSED, PROPOSED, DECIDED, ANNOUNCED. */
export type RatingStage =
  | 'ANNOUNCED'
  | 'DECIDED'
  | 'PENDING'
  | 'PROPOSED'
  | 'SELF_ASSESSED';

/** What is rated: MEMBER, GRASSROOTS_ORGANISATION (đảng bộ cơ sở or chi bộ cơ sở), SUB_COMMITTEE (đảng bộ bộ phận), SUBORDINATE_CELL (chi bộ trực thuộc). */
export type RatingSubjectKind =
  | 'GRASSROOTS_ORGANISATION'
  | 'MEMBER'
  | 'SUBORDINATE_CELL'
  | 'SUB_COMMITTEE';

/** A discipline decision for a member. */
export type RecordDisciplineInput = {
  /** Decision date (not after today). */
  decidedOn: string;
  /** Deciding body (its authority limits the forms). */
  decidingBody: string;
  /** Form: KHIEN_TRACH, CANH_CAO, CACH_CHUC, KHAI_TRU (only those allowed for the member's status). */
  form: string;
  /** Member. */
  memberId: string;
  /** Reason. */
  reason?: string | null | undefined;
};

/** A payment of dues. */
export type RecordDuesPaymentInput = {
  /** Amount in đồng (1 to 1,000,000,000). */
  amount: number;
  /** Cash to the cell (default) or the portal. */
  channel?: DuesChannel;
  /** A key the client chooses (e.g. a UUID of an offline change): a second write with the same key returns the first payment and writes nothing. */
  clientKey?: string | null | undefined;
  /** The member. */
  memberId: string;
  /** The month paid for, 'YYYY-MM'; at most 12 months ahead. */
  month: string;
  /** Note. */
  note?: string | null | undefined;
  /** The day it was paid (not after today). */
  paidOn: string;
};

/** A visit record by the assigned visitor. */
export type RecordVisitInput = {
  /** Attended. */
  attended?: boolean;
  /** Follow-up. */
  followUp?: string | null | undefined;
  /** Guidance given. */
  guidance?: string | null | undefined;
  /** Issues found. */
  issues?: string | null | undefined;
  /** The meeting attended. */
  meetingId: string;
  /** Points per criterion of the score sheet in force (omit to record the visit without a score; it is then flagged). */
  scores?: Record<string, unknown> | null | undefined;
};

/** The basis of a member's dues from a month on (until the next recorded change). */
export type SetDuesBasisInput = {
  /** The monthly income in đồng: required for INSURED_SALARY, SICKNESS_MATERNITY, PENSION and OTHER; empty for STUDENT and SOCIAL_PENSION. */
  amount?: number | null | undefined;
  /** The basis. */
  basis: DuesBasis;
  /** First month, 'YYYY-MM'. */
  from: string;
  /** The member. */
  memberId: string;
  /** Note. */
  note?: string | null | undefined;
};

/** Username and password. */
export type SignInInput = {
  /** Password. */
  password: string;
  /** Username. */
  username: string;
};

/** Split an organisation into new ones of the same kind under the same parent. */
export type SplitOrganisationInput = {
  /** Dissolve the original (then every member and child must go to a part). */
  dissolveSource?: boolean;
  /** Date the split takes effect. */
  effectiveOn: string;
  /** Organisation to split. */
  id: string;
  /** Decision reference or note. */
  note?: string | null | undefined;
  /** The new organisations. */
  parts: Array<SplitPartInput>;
};

/** One organisation created by a split. */
export type SplitPartInput = {
  /** Child organisations that move under it. */
  childIds?: Array<string>;
  /** Code of the new organisation. */
  code: string;
  /** Members who move to it. */
  memberIds?: Array<string>;
  /** Name of the new organisation. */
  name: string;
};

/** Start an inspection. */
export type StartInspectionInput = {
  /** Actual start (not in the future). */
  startedOn: string;
  /** Self-reports received so far (no discipline here). */
  subjects?: Array<SubjectFindingsInput> | null | undefined;
};

/** The findings about one subject. Omitted fields keep their value. */
export type SubjectFindingsInput = {
  /** Conclusion about this member. */
  conclusion?: string | null | undefined;
  /** A discipline decision (only in concludeInspection, only after an inspection, not a supervision). */
  discipline?: ConclusionDisciplineInput | null | undefined;
  /** The member (a subject of the inspection). */
  memberId: string;
  /** Self-report. */
  selfReport?: string | null | undefined;
  /** Shortcomings. */
  shortcomings?: string | null | undefined;
  /** Strengths. */
  strengths?: string | null | undefined;
  /** Violations. */
  violations?: string | null | undefined;
};

/** A self-assessment, by the member (or the organisation) or by the secretary on their behalf. */
export type SubmitSelfAssessmentInput = {
  /** General criteria, 0 to the policy's maximum (30), at most 2 decimals. */
  generalPoints: number;
  /** The member assessing themselves (give this or organisationId). */
  memberId?: string | null | undefined;
  /** Self-review text. */
  note?: string | null | undefined;
  /** The organisation assessing itself. */
  organisationId?: string | null | undefined;
  /** Round. */
  roundId: string;
  /** A member: all shortcomings pointed out earlier are fixed (needed for HTXSNV); default true. */
  shortcomingsFixed?: boolean | null | undefined;
  /** Task results, 0 to the policy's maximum (70), at most 2 decimals. */
  taskPoints: number;
  /** Task counts. */
  tasks: TaskCountsInput;
  /** The total as written on the form; refused if it is not the sum. */
  total?: number | null | undefined;
};

/** Which cells of the tracker to list: ALL, MET, BEHIND (not met), ON_PACE (met or on pace to by 31 December), OFF_PACE (neither). */
export type TargetCellFilter =
  | 'ALL'
  | 'BEHIND'
  | 'MET'
  | 'OFF_PACE'
  | 'ON_PACE';

/** Task counts of the year. */
export type TaskCountsInput = {
  /** Tasks assigned. */
  assigned: number;
  /** Tasks completed (at most assigned). */
  completed: number;
  /** Completed beyond the target (at most completed). */
  exceeded: number;
  /** Completed on time (at most completed). */
  onTime: number;
};

/** What an API token may do in its subtree. */
export type TokenAccess =
  | 'READ'
  | 'READ_WRITE';

/** Changes to an organisation's own fields (not its place in the tree: use moveOrganisation). */
export type UpdateOrganisationInput = {
  /** New code. */
  code?: string | null | undefined;
  /** Level name. */
  levelName?: string | null | undefined;
  /** New name. */
  name?: string | null | undefined;
  /** Term end. */
  termEnd?: string | null | undefined;
  /** Term start. */
  termStart?: string | null | undefined;
  /** Term type. */
  termType?: string | null | undefined;
  /** Agency or unit served. */
  unitServed?: string | null | undefined;
};

/** Which organisation and year to measure visit coverage for. */
export type VisitCoverageInput = {
  /** Judge as of this date (default today): visits due later are not yet missing. */
  asOf?: string | null | undefined;
  /** Organisation whose cells' visit assignments are measured (the cells under it on the as-of date, capped at 31 December). */
  organisationId: string;
  /** Calendar year. */
  year: number;
};

/** Which monthly report. */
export type VisitReportInput = {
  /** Month, YYYY-MM. */
  month: string;
  /** Committee (organisation) whose cells' visitors are reported. */
  organisationId: string;
};

/** PENDING: not delivered yet (waiting for its turn, its next attempt, or being sent). DELIVERED: the target answered 2xx. DEAD: every attempt failed (WEBHOOK_MAX_ATTEMPTS); replay it to try again. */
export type WebhookDeliveryStatus =
  | 'DEAD'
  | 'DELIVERED'
  | 'PENDING';

export type AdmissionsQueryVariables = Exact<{
  organisationId: string;
  from: string;
  to: string;
  asOf?: string | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type AdmissionsQuery = { admissions: { total: number, items: Array<{ memberId: string, fullName: string, admissionDecisionDate: string, status: MemberStatus | null, admittedIn: { id: string, name: string }, organisation: { id: string, name: string } | null }> } };

export type OrganisationNameQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type OrganisationNameQuery = { organisation: { id: string, name: string } };

export type PickerChildrenQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type PickerChildrenQuery = { organisation: { id: string, children: Array<{ id: string, name: string, childCount: number }> } };

export type ReportOrganisationQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type ReportOrganisationQuery = { organisation: { id: string, name: string, kind: OrganisationKind, parent: { id: string, name: string } | null } };

export type AdminUsersQueryVariables = Exact<{
  page?: PageInput | null | undefined;
}>;


export type AdminUsersQuery = { users: { total: number, items: Array<{ id: string, username: string, displayName: string, isActive: boolean, lastSignInAt: string | null, memberId: string | null, grants: Array<{ id: string, role: GrantRole, organisationId: string | null, memberId: string | null }> }> } };

export type AdminApiTokensQueryVariables = Exact<{
  page?: PageInput | null | undefined;
}>;


export type AdminApiTokensQuery = { apiTokens: { total: number, items: Array<{ id: string, name: string, tokenPrefix: string, organisationId: string, access: TokenAccess, createdAt: string, expiresAt: string | null, revokedAt: string | null, lastUsedAt: string | null }> } };

export type AdminAuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type AdminAuditLogQuery = { auditLog: { total: number, items: Array<{ id: string, at: string, actorType: string, actorName: string, operation: string, entityType: string, entityId: string | null, before: Record<string, unknown> | null, after: Record<string, unknown> | null, requestId: string | null }> } };

export type AdminAuditVerificationQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminAuditVerificationQuery = { auditVerification: { id: string, at: string, ok: boolean, rowsChecked: number, sealsChecked: number, unsealedRows: number, firstBrokenId: string | null, brokenSeal: number | null, problem: string | null, lastDigest: string | null, runBy: string } | null };

export type AdminMemberSearchQueryVariables = Exact<{
  search: string;
}>;


export type AdminMemberSearchQuery = { members: { items: Array<{ id: string, fullName: string, organisation: { name: string } | null }> } };

export type AdminCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type AdminCreateUserMutation = { createUser: { id: string, username: string } };

export type AdminSetUserPasswordMutationVariables = Exact<{
  userId: string;
  password: string;
}>;


export type AdminSetUserPasswordMutation = { setUserPassword: boolean };

export type AdminAddGrantMutationVariables = Exact<{
  input: AddGrantInput;
}>;


export type AdminAddGrantMutation = { addGrant: { id: string } };

export type AdminRemoveGrantMutationVariables = Exact<{
  id: string;
}>;


export type AdminRemoveGrantMutation = { removeGrant: boolean };

export type AdminCreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type AdminCreateApiTokenMutation = { createApiToken: { secret: string, token: { id: string, name: string } } };

export type AdminVerifyAuditLogMutationVariables = Exact<{ [key: string]: never; }>;


export type AdminVerifyAuditLogMutation = { verifyAuditLog: { id: string, ok: boolean } };

export type AdminRevokeApiTokenMutationVariables = Exact<{
  id: string;
}>;


export type AdminRevokeApiTokenMutation = { revokeApiToken: { id: string } };

export type AdminWebhookSubscriptionsQueryVariables = Exact<{
  page?: PageInput | null | undefined;
}>;


export type AdminWebhookSubscriptionsQuery = { webhookSubscriptions: { total: number, items: Array<{ id: string, organisationId: string, targetUrl: string, eventTypes: Array<string>, description: string | null, active: boolean, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, createdBy: string, createdAt: string, lastDelivery: { id: string, status: WebhookDeliveryStatus, attempts: number, responseStatus: number | null, lastAttemptAt: string | null, error: string | null } | null }> } };

export type AdminWebhookEventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminWebhookEventTypesQuery = { webhookEventTypes: Array<{ type: string, when: string }> };

export type AdminWebhookDeliveriesQueryVariables = Exact<{
  subscriptionId: string;
  status?: WebhookDeliveryStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminWebhookDeliveriesQuery = { webhookDeliveries: { endCursor: string | null, hasMore: boolean, items: Array<{ id: string, eventId: string, eventType: string, eventOccurredAt: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, responseStatus: number | null, durationMs: number | null, error: string | null }> } };

export type AdminCreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type AdminCreateWebhookSubscriptionMutation = { createWebhookSubscription: { secret: string, subscription: { id: string, targetUrl: string } } };

export type AdminSetWebhookActiveMutationVariables = Exact<{
  id: string;
  active: boolean;
}>;


export type AdminSetWebhookActiveMutation = { updateWebhookSubscription: { id: string, active: boolean } };

export type AdminDisableWebhookMutationVariables = Exact<{
  id: string;
  reason?: string | null | undefined;
}>;


export type AdminDisableWebhookMutation = { disableWebhookSubscription: { id: string, active: boolean } };

export type AdminReplayWebhookDeliveryMutationVariables = Exact<{
  id: string;
}>;


export type AdminReplayWebhookDeliveryMutation = { replayWebhookDelivery: { id: string, status: WebhookDeliveryStatus } };

export type AdminReplayWebhookDeliveriesMutationVariables = Exact<{
  subscriptionId: string;
  from: string;
  to: string;
}>;


export type AdminReplayWebhookDeliveriesMutation = { replayWebhookDeliveries: number };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { accessToken: string, accessTokenExpiresAt: string, viewer: { id: string, username: string, displayName: string, isAdmin: boolean } } };

export type MeetingComplianceQueryVariables = Exact<{
  input: ComplianceInput;
}>;


export type MeetingComplianceQuery = { meetingCompliance: { cellCount: number, behindCount: number, behindPercent: number | null, attendancePercent: number | null, counts: Array<{ kind: MeetingKind, count: number }>, cells: Array<{ behind: boolean, regularHeld: number, thematicHeld: number, attendancePercent: number | null, organisation: { id: string, name: string, parent: { id: string, name: string } | null }, missing: Array<{ kind: string, period: string, dueOn: string }> }> } };

export type AlertsQueryVariables = Exact<{
  input: AlertsInput;
}>;


export type AlertsQuery = { alerts: { asOf: string, year: number, total: number, offset: number, limit: number, countsByCode: Array<{ code: AlertCode, severity: AlertSeverity, count: number }>, countsBySeverity: Array<{ severity: AlertSeverity, count: number }>, items: Array<{ code: AlertCode, severity: AlertSeverity, entity: AlertEntity, message: string, messageEn: string, dueOn: string | null, memberId: string | null, memberName: string | null, meetingId: string | null, visitId: string | null, organisation: { id: string, code: string, name: string } }> } };

export type AlertCountsQueryVariables = Exact<{
  input: AlertsInput;
}>;


export type AlertCountsQuery = { alerts: { total: number, countsByCode: Array<{ code: AlertCode, severity: AlertSeverity, count: number }>, countsBySeverity: Array<{ severity: AlertSeverity, count: number }> } };

export type DashboardQueryVariables = Exact<{
  input: DashboardInput;
}>;


export type DashboardQuery = { dashboard: { asOf: string, year: number, from: string, to: string, organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string, name: string }> }, members: { members: number, fullMembers: number, probationaryMembers: number, exemptMembers: number, admissions: number, yearStart: string, membersAtYearStart: number, leftInPeriod: Array<{ status: MemberStatus, count: number }>, trend: Array<{ year: number, date: string, members: number, fullMembers: number, probationaryMembers: number, admissions: number }> }, meetings: { from: string, to: string, cells: number, cellsBehind: number, behindPercent: number | null, attendancePercent: number | null, regularHeld: number, thematicHeld: number, held: number, byKind: Array<{ kind: MeetingKind, count: number }> }, visits: { asOf: string, assignments: number, assignmentsBehind: number, behindPercent: number | null, required: number, done: number, scored: number, unscored: number, cells: number, cellsWithoutVisitor: number }, children: Array<{ members: number, cells: number, cellsBehind: number, behindPercent: number | null, visitAssignments: number, visitAssignmentsBehind: number, alerts: number, alertErrors: number, organisation: { id: string, code: string, name: string, kind: OrganisationKind } }>, alerts: { total: number, countsByCode: Array<{ code: AlertCode, severity: AlertSeverity, count: number }>, countsBySeverity: Array<{ severity: AlertSeverity, count: number }> } } };

export type DashboardInspectionTargetQueryVariables = Exact<{
  input: InspectionTargetInput;
}>;


export type DashboardInspectionTargetQuery = { inspectionTarget: { referenceDate: string, subjectCount: number, metCount: number, behindCount: number, percent: number | null, projectedMetCount: number, projectedPercent: number | null } };

export type DashboardRatingFiguresQueryVariables = Exact<{
  input: RatingFiguresInput;
}>;


export type DashboardRatingFiguresQuery = { ratingFigures: { asOf: string, year: number, groups: Array<{ subjectKind: RatingSubjectKind, current: { total: number, rated: number, notRated: number, excellentOfWellCompletedOrBetter: number | null, wellCompletedOrBetter: { count: number, percent: number | null }, levels: Array<{ level: RatingLevel, count: number, percent: number | null }> } }> } };

export type DashboardRatingRoundsQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type DashboardRatingRoundsQuery = { ratingRounds: Array<{ state: RatingRoundState, periodKind: RatingPeriodKind }> };

export type DashboardAdmissionProgressQueryVariables = Exact<{
  organisationId: string;
  year: number;
  asOf?: string | null | undefined;
}>;


export type DashboardAdmissionProgressQuery = { admissionProgress: { from: string, to: string, admitted: number, target: number, percent: number | null, met: boolean, remaining: number, targetKind: string, targetPercent: number | null, membersAtTermStart: number, termStart: string } };

export type DashboardMembersQueryVariables = Exact<{
  filter?: MemberFilter | null | undefined;
  asOf?: string | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type DashboardMembersQuery = { members: { total: number, items: Array<{ id: string, fullName: string, status: MemberStatus, organisation: { id: string, name: string } | null }> } };

export type DashboardMeetingsQueryVariables = Exact<{
  filter?: MeetingFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type DashboardMeetingsQuery = { meetingList: { total: number, items: Array<{ id: string, title: string, date: string, kind: MeetingKind, state: MeetingState, organisation: { id: string, name: string } | null }> } };

export type DashboardVisitCoverageQueryVariables = Exact<{
  input: VisitCoverageInput;
}>;


export type DashboardVisitCoverageQuery = { visitCoverage: { asOf: string, lines: Array<{ behind: boolean, required: number, dueSoFar: number, done: number, scored: number, unscored: number, cell: { id: string, name: string, parent: { id: string, name: string } | null }, assignment: { id: string, visitorName: string } }>, unassignedCells: Array<{ id: string, name: string, parent: { id: string, name: string } | null }> } };

export type RecordDuesPaymentMutationVariables = Exact<{
  input: RecordDuesPaymentInput;
}>;


export type RecordDuesPaymentMutation = { recordDuesPayment: { id: string, month: string, amount: number, paidOn: string, channel: DuesChannel } };

export type CancelDuesPaymentMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type CancelDuesPaymentMutation = { cancelDuesPayment: { id: string, cancelledAt: string | null, cancelReason: string | null } };

export type SetDuesBasisMutationVariables = Exact<{
  input: SetDuesBasisInput;
}>;


export type SetDuesBasisMutation = { setDuesBasis: { id: string, from: string, to: string | null, basis: DuesBasis, amount: number | null } };

export type GrantDuesReliefMutationVariables = Exact<{
  input: GrantDuesReliefInput;
}>;


export type GrantDuesReliefMutation = { grantDuesRelief: { id: string, kind: DuesReliefKind, percent: number | null, from: string, to: string } };

export type DuesFiguresQueryVariables = Exact<{
  organisationId: string;
  year: number;
}>;


export type DuesFiguresQuery = { duesFigures: { year: number, throughMonth: string, total: { organisationId: string, members: number, due: number, collected: number, collectedAhead: number, outstanding: number, collectedPercent: number | null, membersInArrears: number, membersWithoutBasis: number }, children: Array<{ organisationId: string, members: number, due: number, collected: number, collectedAhead: number, outstanding: number, collectedPercent: number | null, membersInArrears: number, membersWithoutBasis: number, organisation: { id: string, code: string, name: string } | null }> } };

export type DuesMemberYearFieldsFragment = { memberId: string, fullName: string, organisationId: string | null, year: number, dueTotal: number, paidTotal: number, paidAhead: number, unpaidMonths: Array<string>, shortMonths: Array<string>, unknownMonths: Array<string>, outstanding: number, inArrears: boolean, months: Array<{ month: string, organisationId: string | null, due: number | null, standard: number | null, reason: DuesDueReason | null, deferred: boolean, paid: number }> };

export type DuesSheetQueryVariables = Exact<{
  organisationId: string;
  year: number;
  page?: PageInput | null | undefined;
}>;


export type DuesSheetQuery = { duesSheet: { total: number, offset: number, items: Array<{ memberId: string, fullName: string, organisationId: string | null, year: number, dueTotal: number, paidTotal: number, paidAhead: number, unpaidMonths: Array<string>, shortMonths: Array<string>, unknownMonths: Array<string>, outstanding: number, inArrears: boolean, months: Array<{ month: string, organisationId: string | null, due: number | null, standard: number | null, reason: DuesDueReason | null, deferred: boolean, paid: number }> }> } };

export type DuesArrearsQueryVariables = Exact<{
  organisationId: string;
  year: number;
  page?: PageInput | null | undefined;
}>;


export type DuesArrearsQuery = { duesArrears: { total: number, offset: number, items: Array<{ memberId: string, fullName: string, organisationId: string | null, year: number, dueTotal: number, paidTotal: number, paidAhead: number, unpaidMonths: Array<string>, shortMonths: Array<string>, unknownMonths: Array<string>, outstanding: number, inArrears: boolean, months: Array<{ month: string, organisationId: string | null, due: number | null, standard: number | null, reason: DuesDueReason | null, deferred: boolean, paid: number }> }> } };

export type MemberDuesQueryVariables = Exact<{
  memberId: string;
  year: number;
}>;


export type MemberDuesQuery = { memberDues: { year: { memberId: string, fullName: string, organisationId: string | null, year: number, dueTotal: number, paidTotal: number, paidAhead: number, unpaidMonths: Array<string>, shortMonths: Array<string>, unknownMonths: Array<string>, outstanding: number, inArrears: boolean, months: Array<{ month: string, organisationId: string | null, due: number | null, standard: number | null, reason: DuesDueReason | null, deferred: boolean, paid: number }> }, payments: Array<{ id: string, month: string, amount: number, paidOn: string, channel: DuesChannel, note: string | null, recordedBy: string, cancelledAt: string | null, cancelReason: string | null }>, bases: Array<{ id: string, from: string, to: string | null, basis: DuesBasis, amount: number | null, note: string | null }>, reliefs: Array<{ id: string, kind: DuesReliefKind, percent: number | null, from: string, to: string, decidedOn: string, reason: string }> } };

export type ImportMembersMutationVariables = Exact<{
  input: ImportFileInput;
}>;


export type ImportMembersMutation = { importMembers: { created: number, updated: number, skipped: number, problems: Array<{ row: number, column: string, reason: string }> } };

export type ImportOrganisationsMutationVariables = Exact<{
  input: ImportFileInput;
}>;


export type ImportOrganisationsMutation = { importOrganisations: { created: number, updated: number, skipped: number, problems: Array<{ row: number, column: string, reason: string }> } };

export type ImportDuesPaymentsMutationVariables = Exact<{
  input: ImportDuesPaymentsInput;
}>;


export type ImportDuesPaymentsMutation = { importDuesPayments: { dryRun: boolean, rows: number, created: number, amount: number, duplicates: number, skipped: number, problems: Array<{ row: number, column: string, reason: string, code: string | null }>, payments: Array<{ row: number, memberId: string, fullName: string, month: string, amount: number, paidOn: string, channel: DuesChannel, reference: string | null }> } };

export type InspectionListFieldsFragment = { id: string, organisationId: string, body: InspectingBody, type: InspectionType, title: string, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, countsTowardTarget: boolean, organisation: { id: string, name: string } | null, subjects: Array<{ memberId: string }> };

export type DisciplineFieldsFragment = { id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null };

export type InspectionDetailFieldsFragment = { id: string, organisationId: string, planId: string | null, body: InspectingBody, type: InspectionType, title: string, contentAreas: Array<string>, method: string | null, reviewFrom: string | null, reviewTo: string | null, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, conclusion: string | null, recommendation: string | null, cancelledReason: string | null, countsTowardTarget: boolean, organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string }> } | null, plan: { id: string, year: number, organisationId: string } | null, subjects: Array<{ memberId: string, selfReport: string | null, strengths: string | null, shortcomings: string | null, violations: string | null, conclusion: string | null, member: { id: string, fullName: string, status: MemberStatus } | null, discipline: { id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null } | null }>, disciplines: Array<{ id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null }> };

export type PlanFieldsFragment = { id: string, organisationId: string, year: number, purpose: string, content: string, subjectMemberIds: Array<string>, reviewFrom: string | null, reviewTo: string | null, timing: string | null, method: string | null, adoptedOn: string | null, note: string | null, subjects: Array<{ id: string, fullName: string }>, inspections: Array<{ id: string, state: InspectionState }> };

export type InspectionCellMembersQueryVariables = Exact<{
  organisationId: string;
  asOf?: string | null | undefined;
}>;


export type InspectionCellMembersQuery = { members: { total: number, items: Array<{ id: string, fullName: string, status: MemberStatus }> } };

export type InspectionsQueryVariables = Exact<{
  filter?: InspectionFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type InspectionsQuery = { inspections: { total: number, offset: number, limit: number, items: Array<{ id: string, organisationId: string, body: InspectingBody, type: InspectionType, title: string, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, countsTowardTarget: boolean, organisation: { id: string, name: string } | null, subjects: Array<{ memberId: string }> }> } };

export type InspectionQueryVariables = Exact<{
  id: string;
}>;


export type InspectionQuery = { inspection: { id: string, organisationId: string, planId: string | null, body: InspectingBody, type: InspectionType, title: string, contentAreas: Array<string>, method: string | null, reviewFrom: string | null, reviewTo: string | null, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, conclusion: string | null, recommendation: string | null, cancelledReason: string | null, countsTowardTarget: boolean, organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string }> } | null, plan: { id: string, year: number, organisationId: string } | null, subjects: Array<{ memberId: string, selfReport: string | null, strengths: string | null, shortcomings: string | null, violations: string | null, conclusion: string | null, member: { id: string, fullName: string, status: MemberStatus } | null, discipline: { id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null } | null }>, disciplines: Array<{ id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null }> } };

export type InspectionPlansQueryVariables = Exact<{
  organisationId?: string | null | undefined;
  year?: number | null | undefined;
}>;


export type InspectionPlansQuery = { inspectionPlans: { items: Array<{ id: string, organisationId: string, year: number, purpose: string, content: string, subjectMemberIds: Array<string>, reviewFrom: string | null, reviewTo: string | null, timing: string | null, method: string | null, adoptedOn: string | null, note: string | null, subjects: Array<{ id: string, fullName: string }>, inspections: Array<{ id: string, state: InspectionState }> }> } };

export type InspectionOrganisationQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type InspectionOrganisationQuery = { organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string }> } };

export type InspectionTargetQueryVariables = Exact<{
  input: InspectionTargetInput;
  filter: TargetCellFilter;
}>;


export type InspectionTargetQuery = { inspectionTarget: { year: number, asOf: string, referenceDate: string, subjectCount: number, metCount: number, behindCount: number, percent: number | null, percentText: string, projectedMetCount: number, projectedPercent: number | null, concludedTotal: number, organisation: { id: string, name: string }, cells: Array<{ hasCellCommittee: boolean, required: number, concluded: number, inProgress: number, planned: number, missing: number, met: boolean, onPace: boolean, projectedConcluded: number, joinedDuringYear: boolean, organisation: { id: string, code: string, name: string }, parent: { id: string, name: string } | null }> } };

export type SupervisionCoverageQueryVariables = Exact<{
  input: InspectionTargetInput;
}>;


export type SupervisionCoverageQuery = { supervisionCoverage: { year: number, referenceDate: string, minPercent: number, maxPercent: number, cellCount: number, metCount: number, metPercent: number | null, members: number, supervised: number, percent: number | null, cells: Array<{ members: number, supervised: number, percent: number | null, status: string, met: boolean, organisation: { id: string, name: string, parent: { id: string, name: string } | null } }> } };

export type PlanInspectionMutationVariables = Exact<{
  input: PlanInspectionInput;
}>;


export type PlanInspectionMutation = { planInspection: { id: string, organisationId: string, planId: string | null, body: InspectingBody, type: InspectionType, title: string, contentAreas: Array<string>, method: string | null, reviewFrom: string | null, reviewTo: string | null, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, conclusion: string | null, recommendation: string | null, cancelledReason: string | null, countsTowardTarget: boolean, organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string }> } | null, plan: { id: string, year: number, organisationId: string } | null, subjects: Array<{ memberId: string, selfReport: string | null, strengths: string | null, shortcomings: string | null, violations: string | null, conclusion: string | null, member: { id: string, fullName: string, status: MemberStatus } | null, discipline: { id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null } | null }>, disciplines: Array<{ id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null }> } };

export type StartInspectionMutationVariables = Exact<{
  id: string;
  input: StartInspectionInput;
}>;


export type StartInspectionMutation = { startInspection: { id: string, organisationId: string, planId: string | null, body: InspectingBody, type: InspectionType, title: string, contentAreas: Array<string>, method: string | null, reviewFrom: string | null, reviewTo: string | null, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, conclusion: string | null, recommendation: string | null, cancelledReason: string | null, countsTowardTarget: boolean, organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string }> } | null, plan: { id: string, year: number, organisationId: string } | null, subjects: Array<{ memberId: string, selfReport: string | null, strengths: string | null, shortcomings: string | null, violations: string | null, conclusion: string | null, member: { id: string, fullName: string, status: MemberStatus } | null, discipline: { id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null } | null }>, disciplines: Array<{ id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null }> } };

export type ConcludeInspectionMutationVariables = Exact<{
  id: string;
  input: ConcludeInspectionInput;
}>;


export type ConcludeInspectionMutation = { concludeInspection: { id: string, organisationId: string, planId: string | null, body: InspectingBody, type: InspectionType, title: string, contentAreas: Array<string>, method: string | null, reviewFrom: string | null, reviewTo: string | null, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, conclusion: string | null, recommendation: string | null, cancelledReason: string | null, countsTowardTarget: boolean, organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string }> } | null, plan: { id: string, year: number, organisationId: string } | null, subjects: Array<{ memberId: string, selfReport: string | null, strengths: string | null, shortcomings: string | null, violations: string | null, conclusion: string | null, member: { id: string, fullName: string, status: MemberStatus } | null, discipline: { id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null } | null }>, disciplines: Array<{ id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null }> } };

export type CancelInspectionMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type CancelInspectionMutation = { cancelInspection: { id: string, organisationId: string, planId: string | null, body: InspectingBody, type: InspectionType, title: string, contentAreas: Array<string>, method: string | null, reviewFrom: string | null, reviewTo: string | null, plannedFrom: string, plannedTo: string | null, startedOn: string | null, concludedOn: string | null, state: InspectionState, conclusion: string | null, recommendation: string | null, cancelledReason: string | null, countsTowardTarget: boolean, organisation: { id: string, name: string, kind: OrganisationKind, ancestors: Array<{ id: string }> } | null, plan: { id: string, year: number, organisationId: string } | null, subjects: Array<{ memberId: string, selfReport: string | null, strengths: string | null, shortcomings: string | null, violations: string | null, conclusion: string | null, member: { id: string, fullName: string, status: MemberStatus } | null, discipline: { id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null } | null }>, disciplines: Array<{ id: string, memberId: string | null, form: string, decidingBody: string, decidedOn: string, reason: string | null }> } };

export type CreateInspectionPlanMutationVariables = Exact<{
  input: CreateInspectionPlanInput;
}>;


export type CreateInspectionPlanMutation = { createInspectionPlan: { id: string, organisationId: string, year: number, purpose: string, content: string, subjectMemberIds: Array<string>, reviewFrom: string | null, reviewTo: string | null, timing: string | null, method: string | null, adoptedOn: string | null, note: string | null, subjects: Array<{ id: string, fullName: string }>, inspections: Array<{ id: string, state: InspectionState }> } };

export type UpdateInspectionPlanMutationVariables = Exact<{
  id: string;
  input: InspectionPlanInput;
}>;


export type UpdateInspectionPlanMutation = { updateInspectionPlan: { id: string, organisationId: string, year: number, purpose: string, content: string, subjectMemberIds: Array<string>, reviewFrom: string | null, reviewTo: string | null, timing: string | null, method: string | null, adoptedOn: string | null, note: string | null, subjects: Array<{ id: string, fullName: string }>, inspections: Array<{ id: string, state: InspectionState }> } };

export type MeetingListFieldsFragment = { id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> };

export type MeetingDetailFieldsFragment = { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> };

export type MeetingCellMembersQueryVariables = Exact<{
  organisationId: string;
  asOf?: string | null | undefined;
}>;


export type MeetingCellMembersQuery = { members: { total: number, items: Array<{ id: string, fullName: string, status: MemberStatus, exemption: string | null }> } };

export type MeetingQueryVariables = Exact<{
  id: string;
}>;


export type MeetingQuery = { meeting: { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> } };

export type MeetingListQueryVariables = Exact<{
  filter?: MeetingFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type MeetingListQuery = { meetingList: { total: number, offset: number, limit: number, items: Array<{ id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> }> } };

export type CellMonthMeetingsQueryVariables = Exact<{
  filter?: MeetingFilter | null | undefined;
}>;


export type CellMonthMeetingsQuery = { meetingList: { items: Array<{ id: string, kind: MeetingKind, state: MeetingState, date: string, title: string }> } };

export type MeetingMyAssignmentsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type MeetingMyAssignmentsQuery = { visitAssignments: Array<{ id: string, cellId: string, from: string, to: string | null }> };

export type MeetingOrganisationQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type MeetingOrganisationQuery = { organisation: { id: string, name: string, kind: OrganisationKind, parent: { id: string, name: string, kind: OrganisationKind } | null, ancestors: Array<{ id: string, name: string, kind: OrganisationKind }>, committee: Array<{ role: CommitteeRole, member: { id: string, fullName: string } | null }> } };

export type AddMeetingDocumentMutationVariables = Exact<{
  meetingId: string;
  input: AddMeetingDocumentInput;
}>;


export type AddMeetingDocumentMutation = { addMeetingDocument: { id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string } };

export type RemoveMeetingDocumentMutationVariables = Exact<{
  id: string;
}>;


export type RemoveMeetingDocumentMutation = { removeMeetingDocument: boolean };

export type MeetingDocumentContentQueryVariables = Exact<{
  id: string;
}>;


export type MeetingDocumentContentQuery = { meetingDocumentContent: string };

export type CreateMeetingMutationVariables = Exact<{
  input: CreateMeetingInput;
}>;


export type CreateMeetingMutation = { createMeeting: { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> } };

export type UpdateMeetingMutationVariables = Exact<{
  id: string;
  input: MeetingPlanInput;
}>;


export type UpdateMeetingMutation = { updateMeeting: { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> } };

export type RecordMeetingMutationVariables = Exact<{
  id: string;
  input: MeetingRecordInput;
  expectedVersion?: number | null | undefined;
  clientKey?: string | null | undefined;
}>;


export type RecordMeetingMutation = { recordMeeting: { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> } };

export type CloseMeetingMutationVariables = Exact<{
  id: string;
}>;


export type CloseMeetingMutation = { closeMeeting: { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> } };

export type CancelMeetingMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type CancelMeetingMutation = { cancelMeeting: { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> } };

export type AmendMeetingMutationVariables = Exact<{
  id: string;
  reason: string;
  input: MeetingRecordInput;
}>;


export type AmendMeetingMutation = { amendMeeting: { mode: MeetingMode, format: MeetingFormat, formatNote: string | null, theme: string | null, topics: Array<string>, chairMemberId: string | null, minuteTakerMemberId: string | null, guests: string | null, minutes: string | null, resolution: string | null, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, selfAssessment: Record<string, unknown> | null, selfTotal: number | null, cancelledReason: string | null, closedAt: string | null, version: number, id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, tasks: Array<{ text: string, assigneeMemberId: string | null, dueOn: string | null }>, attendance: Array<{ memberId: string, status: AttendanceStatus, reason: string | null, late: boolean, leftEarly: boolean }>, amendments: Array<{ id: string, reason: string, amendedAt: string, amendedBy: string, before: Record<string, unknown>, after: Record<string, unknown> }>, documentList: Array<{ id: string, kind: string, name: string, url: string | null, mimeType: string | null, sizeBytes: number | null, createdAt: string }>, visitRecords: Array<{ id: string, visitorUserId: string, visitorName: string, attended: boolean, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null }, flags: Array<{ code: string, severity: string, message: string, messageEn: string }> } };

export type MemberQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type MemberQuery = { member: { id: string, fullName: string, birthDate: string | null, gender: Gender | null, ethnicity: string | null, religion: string | null, homeTown: string | null, residence: string | null, nationalId: string | null, cardNumber: string | null, fileNumber: string | null, leftOn: string | null, admissionDecisionDate: string | null, ceremonyDate: string | null, fullMembershipDate: string | null, introducers: Array<string>, educationGeneral: string | null, educationProfessional: string | null, politicalTheory: string | null, job: string | null, post: string | null, courseCompletedOn: string | null, admissionAgeApproval: string | null, status: MemberStatus, exemption: string | null, temporarilyAway: boolean, allowedEvents: Array<string>, probationState: ProbationState, probationEnd: string | null, recognitionDeadline: string | null, organisation: { id: string, name: string, ancestors: Array<{ id: string }> } | null, partyAge: { years: number, months: number } | null, nextBadge: { milestone: number, reachedOn: string, awardOn: string } | null, events: Array<{ id: string, type: string, effectiveOn: string, organisationId: string | null, toOrganisationId: string | null, externalOrganisation: string | null, reason: string | null, note: string | null, endOn: string | null, recordedAt: string }>, disciplines: Array<{ id: string, form: string, decidingBody: string, decidedOn: string, reason: string | null }>, attendanceHistory: { from: string, to: string, total: number, notRecorded: number, rate: { present: number, expected: number, percent: number | null }, items: Array<{ meetingId: string, date: string, kind: MeetingKind, title: string, cellName: string | null, status: AttendanceStatus | null, late: boolean, canOpen: boolean }> } } };

export type MembersQueryVariables = Exact<{
  filter?: MemberFilter | null | undefined;
  page?: PageInput | null | undefined;
  asOf?: string | null | undefined;
}>;


export type MembersQuery = { members: { total: number, offset: number, limit: number, items: Array<{ id: string, fullName: string, birthDate: string | null, gender: Gender | null, status: MemberStatus, cardNumber: string | null, ceremonyDate: string | null, fullMembershipDate: string | null, probationState: ProbationState, post: string | null, partyAge: { years: number, months: number } | null, organisation: { id: string, name: string } | null }> } };

export type CreateMemberMutationVariables = Exact<{
  input: CreateMemberInput;
}>;


export type CreateMemberMutation = { createMember: { id: string, fullName: string } };

export type UpdateMemberMutationVariables = Exact<{
  id: string;
  input: MemberDataInput;
}>;


export type UpdateMemberMutation = { updateMember: { id: string, fullName: string } };

export type RecordMemberEventMutationVariables = Exact<{
  input: MemberEventInput;
}>;


export type RecordMemberEventMutation = { recordMemberEvent: { id: string, status: MemberStatus } };

export type RecordDisciplineMutationVariables = Exact<{
  input: RecordDisciplineInput;
}>;


export type RecordDisciplineMutation = { recordDiscipline: { id: string, form: string } };

export type MyNoticesQueryVariables = Exact<{
  unreadOnly?: boolean | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type MyNoticesQuery = { myNotices: { total: number, unreadCount: number, items: Array<{ id: string, kind: NoticeKind, code: string, title: string, titleEn: string, body: string, bodyEn: string, link: string | null, dueOn: string | null, createdAt: string, readAt: string | null }> } };

export type MarkNoticesReadMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type MarkNoticesReadMutation = { markNoticesRead: number };

export type MarkAllNoticesReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNoticesReadMutation = { markAllNoticesRead: number };

export type MyUnreadNoticeCountQueryVariables = Exact<{ [key: string]: never; }>;


export type MyUnreadNoticeCountQuery = { myUnreadNoticeCount: number };

export type OrganisationChildrenQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type OrganisationChildrenQuery = { organisation: { id: string, children: Array<{ id: string, code: string, name: string, kind: OrganisationKind, childCount: number }> } };

export type OrganisationPathQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type OrganisationPathQuery = { organisation: { id: string, ancestors: Array<{ id: string }> } };

export type OrganisationQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type OrganisationQuery = { organisation: { id: string, code: string, name: string, kind: OrganisationKind, levelName: string | null, unitServed: string | null, establishedOn: string, dissolvedOn: string | null, termStart: string | null, termEnd: string | null, termType: string | null, hasCellCommittee: boolean, terms: Array<{ start: string, end: string | null, type: string | null, inForce: boolean }>, parent: { id: string, name: string } | null, ancestors: Array<{ id: string, name: string }>, flags: Array<{ code: string, severity: string, message: string, messageEn: string }>, subtreeCounts: { organisations: number, members: number, fullMembers: number, probationaryMembers: number, byKind: Array<{ kind: OrganisationKind, count: number }> }, committee: Array<{ id: string, role: CommitteeRole, from: string, to: string | null, member: { id: string, fullName: string } | null }>, children: Array<{ id: string, code: string, name: string, kind: OrganisationKind, childCount: number, dissolvedOn: string | null, memberCount: number, fullMemberCount: number, probationaryCount: number }>, history: Array<{ id: string, type: string, effectiveOn: string, note: string | null, recordedAt: string, fromParentId: string | null, toParentId: string | null, relatedId: string | null }> } };

export type CreateOrganisationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type CreateOrganisationMutation = { createOrganisation: { id: string, name: string } };

export type UpdateOrganisationMutationVariables = Exact<{
  id: string;
  input: UpdateOrganisationInput;
}>;


export type UpdateOrganisationMutation = { updateOrganisation: { id: string, name: string } };

export type MoveOrganisationMutationVariables = Exact<{
  input: MoveOrganisationInput;
}>;


export type MoveOrganisationMutation = { moveOrganisation: { id: string, name: string } };

export type DissolveOrganisationMutationVariables = Exact<{
  input: DissolveOrganisationInput;
}>;


export type DissolveOrganisationMutation = { dissolveOrganisation: { id: string, name: string } };

export type MergeOrganisationsMutationVariables = Exact<{
  input: MergeOrganisationsInput;
}>;


export type MergeOrganisationsMutation = { mergeOrganisations: { id: string, name: string } };

export type SplitOrganisationMutationVariables = Exact<{
  input: SplitOrganisationInput;
}>;


export type SplitOrganisationMutation = { splitOrganisation: Array<{ id: string, name: string }> };

export type AssignCommitteeSeatMutationVariables = Exact<{
  input: AssignCommitteeSeatInput;
}>;


export type AssignCommitteeSeatMutation = { assignCommitteeSeat: { id: string } };

export type EndCommitteeSeatMutationVariables = Exact<{
  input: EndCommitteeSeatInput;
}>;


export type EndCommitteeSeatMutation = { endCommitteeSeat: { id: string } };

export type SplitMembersQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type SplitMembersQuery = { members: { items: Array<{ id: string, fullName: string, status: MemberStatus, organisation: { id: string } | null }> } };

export type CellVisitAssignmentsQueryVariables = Exact<{
  cellId: string;
}>;


export type CellVisitAssignmentsQuery = { visitAssignments: Array<{ id: string, cellId: string, from: string, to: string | null, requiredPerYear: number | null, visitorUserId: string, visitorName: string }> };

export type AssignableVisitorsQueryVariables = Exact<{
  organisationId: string;
  asOf?: string | null | undefined;
}>;


export type AssignableVisitorsQuery = { assignableVisitors: Array<{ id: string, username: string, displayName: string, followsCells: number }> };

export type AssignVisitorMutationVariables = Exact<{
  input: AssignVisitorInput;
}>;


export type AssignVisitorMutation = { assignVisitor: { id: string } };

export type EndVisitAssignmentMutationVariables = Exact<{
  id: string;
  to: string;
}>;


export type EndVisitAssignmentMutation = { endVisitAssignment: { id: string, to: string | null } };

export type SeatCandidatesQueryVariables = Exact<{
  organisationId: string;
  search?: string | null | undefined;
}>;


export type SeatCandidatesQuery = { members: { items: Array<{ id: string, fullName: string, organisation: { name: string } | null }> } };

export type RoundFieldsFragment = { id: string, organisationId: string | null, year: number, periodKind: RatingPeriodKind, periodLabel: string, title: string, selfAssessmentDue: string, proposalDue: string, decisionDue: string, state: RatingRoundState, openedAt: string, openedBy: string, announcedAt: string | null, ratingCount: number, decidedCount: number };

export type RatingFieldsFragment = { id: string, roundId: string | null, year: number, subjectKind: RatingSubjectKind, memberId: string | null, subjectOrganisationId: string | null, subjectName: string, organisationId: string, organisationName: string, proposerId: string | null, deciderId: string | null, quotaGroupId: string | null, scheme: RatingScheme, rawLabel: string | null, score: number | null, computedLevel: RatingLevel | null, blockReasons: Array<string>, proposedLevel: RatingLevel | null, proposalNote: string | null, decidedLevel: RatingLevel | null, decisionReason: string | null, quotaOverrideReason: string | null, stage: RatingStage, selfAssessedAt: string | null, selfAssessment: { generalPoints: number, taskPoints: number, shortcomingsFixed: boolean | null, note: string | null, tasks: { assigned: number, completed: number, onTime: number, exceeded: number } } | null };

export type FigureSetFieldsFragment = { total: number, rated: number, notRated: number, excellentOfWellCompletedOrBetter: number | null, excellentOfRated: number | null, levels: Array<{ level: RatingLevel, count: number, percent: number | null }>, wellCompletedOrBetter: { count: number, percent: number | null } };

export type FiguresFieldsFragment = { organisationId: string, year: number, asOf: string, groups: Array<{ subjectKind: RatingSubjectKind, current: { total: number, rated: number, notRated: number, excellentOfWellCompletedOrBetter: number | null, excellentOfRated: number | null, levels: Array<{ level: RatingLevel, count: number, percent: number | null }>, wellCompletedOrBetter: { count: number, percent: number | null } }, previous: { total: number, rated: number, notRated: number, excellentOfWellCompletedOrBetter: number | null, excellentOfRated: number | null, levels: Array<{ level: RatingLevel, count: number, percent: number | null }>, wellCompletedOrBetter: { count: number, percent: number | null } }, change: { rated: number, excellentOfWellCompletedOrBetter: number | null, excellentOfRated: number | null, levels: Array<{ level: RatingLevel, count: number, points: number | null }>, wellCompletedOrBetter: { count: number, points: number | null } } }> };

export type RatingBodyQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type RatingBodyQuery = { organisation: { id: string, ancestors: Array<{ id: string }> } };

export type RatingFiguresQueryVariables = Exact<{
  input: RatingFiguresInput;
}>;


export type RatingFiguresQuery = { ratingFigures: { organisationId: string, year: number, asOf: string, groups: Array<{ subjectKind: RatingSubjectKind, current: { total: number, rated: number, notRated: number, excellentOfWellCompletedOrBetter: number | null, excellentOfRated: number | null, levels: Array<{ level: RatingLevel, count: number, percent: number | null }>, wellCompletedOrBetter: { count: number, percent: number | null } }, previous: { total: number, rated: number, notRated: number, excellentOfWellCompletedOrBetter: number | null, excellentOfRated: number | null, levels: Array<{ level: RatingLevel, count: number, percent: number | null }>, wellCompletedOrBetter: { count: number, percent: number | null } }, change: { rated: number, excellentOfWellCompletedOrBetter: number | null, excellentOfRated: number | null, levels: Array<{ level: RatingLevel, count: number, points: number | null }>, wellCompletedOrBetter: { count: number, points: number | null } } }> } };

export type RatingFigureRowsQueryVariables = Exact<{
  input: RatingFigureRowsInput;
  page?: PageInput | null | undefined;
}>;


export type RatingFigureRowsQuery = { ratingFigureRows: { total: number, items: Array<{ subjectKind: RatingSubjectKind, memberId: string | null, subjectOrganisationId: string | null, name: string, organisationId: string, organisationName: string, ratingId: string | null, level: RatingLevel | null, scheme: RatingScheme | null, rawLabel: string | null, notRatedReason: string | null }> } };

export type AdmissionProgressQueryVariables = Exact<{
  organisationId: string;
  year: number;
}>;


export type AdmissionProgressQuery = { admissionProgress: { from: string, to: string, targetKind: string, targetPercent: number | null, termStart: string, membersAtTermStart: number, target: number, admitted: number, percent: number | null, met: boolean, remaining: number } };

export type RatingMembersQueryVariables = Exact<{
  organisationId: string;
  search?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type RatingMembersQuery = { members: { items: Array<{ id: string, fullName: string, organisationId: string | null }> } };

export type RatingPolicyQueryVariables = Exact<{
  organisationId: string;
  asOf?: string | null | undefined;
}>;


export type RatingPolicyQuery = { policy: Record<string, unknown> };

export type RatingRoundsQueryVariables = Exact<{
  organisationId?: string | null | undefined;
  year?: number | null | undefined;
}>;


export type RatingRoundsQuery = { ratingRounds: Array<{ id: string, organisationId: string | null, year: number, periodKind: RatingPeriodKind, periodLabel: string, title: string, selfAssessmentDue: string, proposalDue: string, decisionDue: string, state: RatingRoundState, openedAt: string, openedBy: string, announcedAt: string | null, ratingCount: number, decidedCount: number }> };

export type RatingRoundQueryVariables = Exact<{
  id: string;
}>;


export type RatingRoundQuery = { ratingRound: { id: string, organisationId: string | null, year: number, periodKind: RatingPeriodKind, periodLabel: string, title: string, selfAssessmentDue: string, proposalDue: string, decisionDue: string, state: RatingRoundState, openedAt: string, openedBy: string, announcedAt: string | null, ratingCount: number, decidedCount: number } };

export type RatingRoundStagesQueryVariables = Exact<{
  id: string;
}>;


export type RatingRoundStagesQuery = { SELF_ASSESSED: { total: number }, PROPOSED: { total: number }, DECIDED: { total: number }, ANNOUNCED: { total: number } };

export type RatingsQueryVariables = Exact<{
  filter?: RatingFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type RatingsQuery = { ratings: { total: number, items: Array<{ id: string, roundId: string | null, year: number, subjectKind: RatingSubjectKind, memberId: string | null, subjectOrganisationId: string | null, subjectName: string, organisationId: string, organisationName: string, proposerId: string | null, deciderId: string | null, quotaGroupId: string | null, scheme: RatingScheme, rawLabel: string | null, score: number | null, computedLevel: RatingLevel | null, blockReasons: Array<string>, proposedLevel: RatingLevel | null, proposalNote: string | null, decidedLevel: RatingLevel | null, decisionReason: string | null, quotaOverrideReason: string | null, stage: RatingStage, selfAssessedAt: string | null, selfAssessment: { generalPoints: number, taskPoints: number, shortcomingsFixed: boolean | null, note: string | null, tasks: { assigned: number, completed: number, onTime: number, exceeded: number } } | null }> } };

export type RatingRoundPendingQueryVariables = Exact<{
  roundId: string;
  search?: string | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type RatingRoundPendingQuery = { ratingRoundPending: { total: number, items: Array<{ subjectKind: RatingSubjectKind, memberId: string | null, organisationId: string | null, name: string, parentOrganisationId: string | null, organisationName: string }> } };

export type OpenRatingRoundMutationVariables = Exact<{
  input: OpenRatingRoundInput;
}>;


export type OpenRatingRoundMutation = { openRatingRound: { id: string, organisationId: string | null, year: number, periodKind: RatingPeriodKind, periodLabel: string, title: string, selfAssessmentDue: string, proposalDue: string, decisionDue: string, state: RatingRoundState, openedAt: string, openedBy: string, announcedAt: string | null, ratingCount: number, decidedCount: number } };

export type SubmitSelfAssessmentMutationVariables = Exact<{
  input: SubmitSelfAssessmentInput;
}>;


export type SubmitSelfAssessmentMutation = { submitSelfAssessment: { id: string, roundId: string | null, year: number, subjectKind: RatingSubjectKind, memberId: string | null, subjectOrganisationId: string | null, subjectName: string, organisationId: string, organisationName: string, proposerId: string | null, deciderId: string | null, quotaGroupId: string | null, scheme: RatingScheme, rawLabel: string | null, score: number | null, computedLevel: RatingLevel | null, blockReasons: Array<string>, proposedLevel: RatingLevel | null, proposalNote: string | null, decidedLevel: RatingLevel | null, decisionReason: string | null, quotaOverrideReason: string | null, stage: RatingStage, selfAssessedAt: string | null, selfAssessment: { generalPoints: number, taskPoints: number, shortcomingsFixed: boolean | null, note: string | null, tasks: { assigned: number, completed: number, onTime: number, exceeded: number } } | null } };

export type ProposeRatingMutationVariables = Exact<{
  input: ProposeRatingInput;
}>;


export type ProposeRatingMutation = { proposeRating: { quotaWarning: boolean, quota: { groupId: string, limit: number, excellent: number, base: number, breached: boolean } | null, rating: { id: string, roundId: string | null, year: number, subjectKind: RatingSubjectKind, memberId: string | null, subjectOrganisationId: string | null, subjectName: string, organisationId: string, organisationName: string, proposerId: string | null, deciderId: string | null, quotaGroupId: string | null, scheme: RatingScheme, rawLabel: string | null, score: number | null, computedLevel: RatingLevel | null, blockReasons: Array<string>, proposedLevel: RatingLevel | null, proposalNote: string | null, decidedLevel: RatingLevel | null, decisionReason: string | null, quotaOverrideReason: string | null, stage: RatingStage, selfAssessedAt: string | null, selfAssessment: { generalPoints: number, taskPoints: number, shortcomingsFixed: boolean | null, note: string | null, tasks: { assigned: number, completed: number, onTime: number, exceeded: number } } | null } } };

export type DecideRatingMutationVariables = Exact<{
  input: DecideRatingInput;
}>;


export type DecideRatingMutation = { decideRating: { id: string, roundId: string | null, year: number, subjectKind: RatingSubjectKind, memberId: string | null, subjectOrganisationId: string | null, subjectName: string, organisationId: string, organisationName: string, proposerId: string | null, deciderId: string | null, quotaGroupId: string | null, scheme: RatingScheme, rawLabel: string | null, score: number | null, computedLevel: RatingLevel | null, blockReasons: Array<string>, proposedLevel: RatingLevel | null, proposalNote: string | null, decidedLevel: RatingLevel | null, decisionReason: string | null, quotaOverrideReason: string | null, stage: RatingStage, selfAssessedAt: string | null, selfAssessment: { generalPoints: number, taskPoints: number, shortcomingsFixed: boolean | null, note: string | null, tasks: { assigned: number, completed: number, onTime: number, exceeded: number } } | null } };

export type AnnounceRatingRoundMutationVariables = Exact<{
  id: string;
}>;


export type AnnounceRatingRoundMutation = { announceRatingRound: { id: string, organisationId: string | null, year: number, periodKind: RatingPeriodKind, periodLabel: string, title: string, selfAssessmentDue: string, proposalDue: string, decisionDue: string, state: RatingRoundState, openedAt: string, openedBy: string, announcedAt: string | null, ratingCount: number, decidedCount: number } };

export type SearchQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
  asOf?: string | null | undefined;
}>;


export type SearchQuery = { search: { text: string, members: Array<{ id: string, fullName: string, status: MemberStatus, organisation: { id: string, name: string } | null }>, organisations: Array<{ id: string, code: string, name: string, kind: OrganisationKind }>, meetings: Array<{ id: string, title: string, date: string, kind: MeetingKind, organisation: { id: string, name: string } | null }> } };

export type VisitFieldsFragment = { id: string, meetingId: string, cellId: string, date: string, visitorUserId: string, visitorName: string, attended: boolean, scores: Record<string, unknown> | null, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null };

export type VisitMeetingFieldsFragment = { id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, selfTotal: number | null, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null } };

export type MyVisitAssignmentsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type MyVisitAssignmentsQuery = { visitAssignments: Array<{ id: string, cellId: string, from: string, to: string | null, requiredPerYear: number | null, visitorUserId: string, visitorName: string }> };

export type VisitCellNameQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type VisitCellNameQuery = { organisation: { id: string, name: string } };

export type VisitCellMeetingsQueryVariables = Exact<{
  organisationId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type VisitCellMeetingsQuery = { meetingList: { total: number, items: Array<{ id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, selfTotal: number | null, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null } }> } };

export type MyVisitsQueryVariables = Exact<{
  userId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type MyVisitsQuery = { visits: { total: number, items: Array<{ id: string, meetingId: string, cellId: string, date: string, visitorUserId: string, visitorName: string, attended: boolean, scores: Record<string, unknown> | null, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }> } };

export type VisitMeetingQueryVariables = Exact<{
  id: string;
}>;


export type VisitMeetingQuery = { meeting: { id: string, organisationId: string, kind: MeetingKind, title: string, date: string, startTime: string | null, endTime: string | null, actualStart: string | null, actualEnd: string | null, place: string | null, state: MeetingState, selfTotal: number | null, visitRecords: Array<{ id: string, meetingId: string, cellId: string, date: string, visitorUserId: string, visitorName: string, attended: boolean, scores: Record<string, unknown> | null, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }>, organisation: { id: string, name: string } | null, attendanceRate: { present: number, expected: number, percent: number | null } } };

export type VisitReportQueryVariables = Exact<{
  input: VisitReportInput;
}>;


export type VisitReportQuery = { visitReport: { month: string, lines: Array<{ visitorUserId: string, visitorName: string, assignedCells: number, visits: number, scored: number, unscored: number, cellsNotVisited: Array<string>, state: string, dueOn: string, submittedOn: string | null, items: Array<{ id: string, meetingId: string, cellId: string, date: string, visitorUserId: string, visitorName: string, attended: boolean, scores: Record<string, unknown> | null, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null }> }> } };

export type RecordVisitMutationVariables = Exact<{
  input: RecordVisitInput;
}>;


export type RecordVisitMutation = { recordVisit: { id: string, meetingId: string, cellId: string, date: string, visitorUserId: string, visitorName: string, attended: boolean, scores: Record<string, unknown> | null, total: number | null, maxTotal: number | null, level: string | null, selfTotal: number | null, scoreGapWarning: boolean, guidance: string | null, issues: string | null, followUp: string | null } };

export type SubmitVisitReportMutationVariables = Exact<{
  month: string;
  note?: string | null | undefined;
}>;


export type SubmitVisitReportMutation = { submitVisitReport: boolean };

export type RefreshSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, viewer: { id: string, username: string, displayName: string, isAdmin: boolean } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type PolicyQueryVariables = Exact<{
  organisationId: string;
  asOf?: string | null | undefined;
}>;


export type PolicyQuery = { policy: Record<string, unknown> };

export type ScopeRootsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type ScopeRootsQuery = { scopeRoots: Array<{ id: string, code: string, name: string, kind: OrganisationKind, childCount: number }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, displayName: string, isAdmin: boolean, grants: Array<{ id: string, role: GrantRole, organisationId: string | null, memberId: string | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DuesMemberYearFieldsFragmentDoc = new TypedDocumentString(`
    fragment DuesMemberYearFields on DuesMemberYear {
  memberId
  fullName
  organisationId
  year
  dueTotal
  paidTotal
  paidAhead
  unpaidMonths
  shortMonths
  unknownMonths
  outstanding
  inArrears
  months {
    month
    organisationId
    due
    standard
    reason
    deferred
    paid
  }
}
    `, {"fragmentName":"DuesMemberYearFields"}) as unknown as TypedDocumentString<DuesMemberYearFieldsFragment, unknown>;
export const InspectionListFieldsFragmentDoc = new TypedDocumentString(`
    fragment InspectionListFields on Inspection {
  id
  organisationId
  body
  type
  title
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  countsTowardTarget
  organisation {
    id
    name
  }
  subjects {
    memberId
  }
}
    `, {"fragmentName":"InspectionListFields"}) as unknown as TypedDocumentString<InspectionListFieldsFragment, unknown>;
export const DisciplineFieldsFragmentDoc = new TypedDocumentString(`
    fragment DisciplineFields on Discipline {
  id
  memberId
  form
  decidingBody
  decidedOn
  reason
}
    `, {"fragmentName":"DisciplineFields"}) as unknown as TypedDocumentString<DisciplineFieldsFragment, unknown>;
export const InspectionDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment InspectionDetailFields on Inspection {
  id
  organisationId
  planId
  body
  type
  title
  contentAreas
  method
  reviewFrom
  reviewTo
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  conclusion
  recommendation
  cancelledReason
  countsTowardTarget
  organisation {
    id
    name
    kind
    ancestors {
      id
    }
  }
  plan {
    id
    year
    organisationId
  }
  subjects {
    memberId
    selfReport
    strengths
    shortcomings
    violations
    conclusion
    member {
      id
      fullName
      status
    }
    discipline {
      ...DisciplineFields
    }
  }
  disciplines {
    ...DisciplineFields
  }
}
    fragment DisciplineFields on Discipline {
  id
  memberId
  form
  decidingBody
  decidedOn
  reason
}`, {"fragmentName":"InspectionDetailFields"}) as unknown as TypedDocumentString<InspectionDetailFieldsFragment, unknown>;
export const PlanFieldsFragmentDoc = new TypedDocumentString(`
    fragment PlanFields on InspectionPlan {
  id
  organisationId
  year
  purpose
  content
  subjectMemberIds
  reviewFrom
  reviewTo
  timing
  method
  adoptedOn
  note
  subjects {
    id
    fullName
  }
  inspections {
    id
    state
  }
}
    `, {"fragmentName":"PlanFields"}) as unknown as TypedDocumentString<PlanFieldsFragment, unknown>;
export const MeetingListFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
    `, {"fragmentName":"MeetingListFields"}) as unknown as TypedDocumentString<MeetingListFieldsFragment, unknown>;
export const MeetingDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}`, {"fragmentName":"MeetingDetailFields"}) as unknown as TypedDocumentString<MeetingDetailFieldsFragment, unknown>;
export const RoundFieldsFragmentDoc = new TypedDocumentString(`
    fragment RoundFields on RatingRound {
  id
  organisationId
  year
  periodKind
  periodLabel
  title
  selfAssessmentDue
  proposalDue
  decisionDue
  state
  openedAt
  openedBy
  announcedAt
  ratingCount
  decidedCount
}
    `, {"fragmentName":"RoundFields"}) as unknown as TypedDocumentString<RoundFieldsFragment, unknown>;
export const RatingFieldsFragmentDoc = new TypedDocumentString(`
    fragment RatingFields on Rating {
  id
  roundId
  year
  subjectKind
  memberId
  subjectOrganisationId
  subjectName
  organisationId
  organisationName
  proposerId
  deciderId
  quotaGroupId
  scheme
  rawLabel
  score
  computedLevel
  blockReasons
  proposedLevel
  proposalNote
  decidedLevel
  decisionReason
  quotaOverrideReason
  stage
  selfAssessedAt
  selfAssessment {
    generalPoints
    taskPoints
    tasks {
      assigned
      completed
      onTime
      exceeded
    }
    shortcomingsFixed
    note
  }
}
    `, {"fragmentName":"RatingFields"}) as unknown as TypedDocumentString<RatingFieldsFragment, unknown>;
export const FigureSetFieldsFragmentDoc = new TypedDocumentString(`
    fragment FigureSetFields on RatingFigureSet {
  total
  rated
  notRated
  levels {
    level
    count
    percent
  }
  wellCompletedOrBetter {
    count
    percent
  }
  excellentOfWellCompletedOrBetter
  excellentOfRated
}
    `, {"fragmentName":"FigureSetFields"}) as unknown as TypedDocumentString<FigureSetFieldsFragment, unknown>;
export const FiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment FiguresFields on RatingFigures {
  organisationId
  year
  asOf
  groups {
    subjectKind
    current {
      ...FigureSetFields
    }
    previous {
      ...FigureSetFields
    }
    change {
      rated
      levels {
        level
        count
        points
      }
      wellCompletedOrBetter {
        count
        points
      }
      excellentOfWellCompletedOrBetter
      excellentOfRated
    }
  }
}
    fragment FigureSetFields on RatingFigureSet {
  total
  rated
  notRated
  levels {
    level
    count
    percent
  }
  wellCompletedOrBetter {
    count
    percent
  }
  excellentOfWellCompletedOrBetter
  excellentOfRated
}`, {"fragmentName":"FiguresFields"}) as unknown as TypedDocumentString<FiguresFieldsFragment, unknown>;
export const VisitFieldsFragmentDoc = new TypedDocumentString(`
    fragment VisitFields on Visit {
  id
  meetingId
  cellId
  date
  visitorUserId
  visitorName
  attended
  scores
  total
  maxTotal
  level
  selfTotal
  scoreGapWarning
  guidance
  issues
  followUp
}
    `, {"fragmentName":"VisitFields"}) as unknown as TypedDocumentString<VisitFieldsFragment, unknown>;
export const VisitMeetingFieldsFragmentDoc = new TypedDocumentString(`
    fragment VisitMeetingFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  selfTotal
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
}
    `, {"fragmentName":"VisitMeetingFields"}) as unknown as TypedDocumentString<VisitMeetingFieldsFragment, unknown>;
export const AdmissionsDocument = new TypedDocumentString(`
    query Admissions($organisationId: ID!, $from: Date!, $to: Date!, $asOf: Date, $page: PageInput) {
  admissions(
    organisationId: $organisationId
    from: $from
    to: $to
    asOf: $asOf
    page: $page
  ) {
    total
    items {
      memberId
      fullName
      admissionDecisionDate
      admittedIn {
        id
        name
      }
      organisation {
        id
        name
      }
      status
    }
  }
}
    `) as unknown as TypedDocumentString<AdmissionsQuery, AdmissionsQueryVariables>;
export const OrganisationNameDocument = new TypedDocumentString(`
    query OrganisationName($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<OrganisationNameQuery, OrganisationNameQueryVariables>;
export const PickerChildrenDocument = new TypedDocumentString(`
    query PickerChildren($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    children {
      id
      name
      childCount
    }
  }
}
    `) as unknown as TypedDocumentString<PickerChildrenQuery, PickerChildrenQueryVariables>;
export const ReportOrganisationDocument = new TypedDocumentString(`
    query ReportOrganisation($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    name
    kind
    parent {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ReportOrganisationQuery, ReportOrganisationQueryVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers($page: PageInput) {
  users(page: $page) {
    total
    items {
      id
      username
      displayName
      isActive
      lastSignInAt
      memberId
      grants {
        id
        role
        organisationId
        memberId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const AdminApiTokensDocument = new TypedDocumentString(`
    query AdminApiTokens($page: PageInput) {
  apiTokens(page: $page) {
    total
    items {
      id
      name
      tokenPrefix
      organisationId
      access
      createdAt
      expiresAt
      revokedAt
      lastUsedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AdminApiTokensQuery, AdminApiTokensQueryVariables>;
export const AdminAuditLogDocument = new TypedDocumentString(`
    query AdminAuditLog($filter: AuditFilter, $page: PageInput) {
  auditLog(filter: $filter, page: $page) {
    total
    items {
      id
      at
      actorType
      actorName
      operation
      entityType
      entityId
      before
      after
      requestId
    }
  }
}
    `) as unknown as TypedDocumentString<AdminAuditLogQuery, AdminAuditLogQueryVariables>;
export const AdminAuditVerificationDocument = new TypedDocumentString(`
    query AdminAuditVerification {
  auditVerification {
    id
    at
    ok
    rowsChecked
    sealsChecked
    unsealedRows
    firstBrokenId
    brokenSeal
    problem
    lastDigest
    runBy
  }
}
    `) as unknown as TypedDocumentString<AdminAuditVerificationQuery, AdminAuditVerificationQueryVariables>;
export const AdminMemberSearchDocument = new TypedDocumentString(`
    query AdminMemberSearch($search: String!) {
  members(filter: {search: $search}, page: {limit: 20}) {
    items {
      id
      fullName
      organisation {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminMemberSearchQuery, AdminMemberSearchQueryVariables>;
export const AdminCreateUserDocument = new TypedDocumentString(`
    mutation AdminCreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
    username
  }
}
    `) as unknown as TypedDocumentString<AdminCreateUserMutation, AdminCreateUserMutationVariables>;
export const AdminSetUserPasswordDocument = new TypedDocumentString(`
    mutation AdminSetUserPassword($userId: ID!, $password: String!) {
  setUserPassword(userId: $userId, password: $password)
}
    `) as unknown as TypedDocumentString<AdminSetUserPasswordMutation, AdminSetUserPasswordMutationVariables>;
export const AdminAddGrantDocument = new TypedDocumentString(`
    mutation AdminAddGrant($input: AddGrantInput!) {
  addGrant(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminAddGrantMutation, AdminAddGrantMutationVariables>;
export const AdminRemoveGrantDocument = new TypedDocumentString(`
    mutation AdminRemoveGrant($id: ID!) {
  removeGrant(id: $id)
}
    `) as unknown as TypedDocumentString<AdminRemoveGrantMutation, AdminRemoveGrantMutationVariables>;
export const AdminCreateApiTokenDocument = new TypedDocumentString(`
    mutation AdminCreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    secret
    token {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCreateApiTokenMutation, AdminCreateApiTokenMutationVariables>;
export const AdminVerifyAuditLogDocument = new TypedDocumentString(`
    mutation AdminVerifyAuditLog {
  verifyAuditLog {
    id
    ok
  }
}
    `) as unknown as TypedDocumentString<AdminVerifyAuditLogMutation, AdminVerifyAuditLogMutationVariables>;
export const AdminRevokeApiTokenDocument = new TypedDocumentString(`
    mutation AdminRevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminRevokeApiTokenMutation, AdminRevokeApiTokenMutationVariables>;
export const AdminWebhookSubscriptionsDocument = new TypedDocumentString(`
    query AdminWebhookSubscriptions($page: PageInput) {
  webhookSubscriptions(page: $page) {
    total
    items {
      id
      organisationId
      targetUrl
      eventTypes
      description
      active
      disabledAt
      disabledReason
      failingSince
      createdBy
      createdAt
      lastDelivery {
        id
        status
        attempts
        responseStatus
        lastAttemptAt
        error
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminWebhookSubscriptionsQuery, AdminWebhookSubscriptionsQueryVariables>;
export const AdminWebhookEventTypesDocument = new TypedDocumentString(`
    query AdminWebhookEventTypes {
  webhookEventTypes {
    type
    when
  }
}
    `) as unknown as TypedDocumentString<AdminWebhookEventTypesQuery, AdminWebhookEventTypesQueryVariables>;
export const AdminWebhookDeliveriesDocument = new TypedDocumentString(`
    query AdminWebhookDeliveries($subscriptionId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(
    subscriptionId: $subscriptionId
    status: $status
    first: $first
    after: $after
  ) {
    endCursor
    hasMore
    items {
      id
      eventId
      eventType
      eventOccurredAt
      status
      attempts
      lastAttemptAt
      nextAttemptAt
      deliveredAt
      responseStatus
      durationMs
      error
    }
  }
}
    `) as unknown as TypedDocumentString<AdminWebhookDeliveriesQuery, AdminWebhookDeliveriesQueryVariables>;
export const AdminCreateWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation AdminCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    secret
    subscription {
      id
      targetUrl
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCreateWebhookSubscriptionMutation, AdminCreateWebhookSubscriptionMutationVariables>;
export const AdminSetWebhookActiveDocument = new TypedDocumentString(`
    mutation AdminSetWebhookActive($id: ID!, $active: Boolean!) {
  updateWebhookSubscription(id: $id, input: {active: $active}) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<AdminSetWebhookActiveMutation, AdminSetWebhookActiveMutationVariables>;
export const AdminDisableWebhookDocument = new TypedDocumentString(`
    mutation AdminDisableWebhook($id: ID!, $reason: String) {
  disableWebhookSubscription(id: $id, reason: $reason) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<AdminDisableWebhookMutation, AdminDisableWebhookMutationVariables>;
export const AdminReplayWebhookDeliveryDocument = new TypedDocumentString(`
    mutation AdminReplayWebhookDelivery($id: ID!) {
  replayWebhookDelivery(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AdminReplayWebhookDeliveryMutation, AdminReplayWebhookDeliveryMutationVariables>;
export const AdminReplayWebhookDeliveriesDocument = new TypedDocumentString(`
    mutation AdminReplayWebhookDeliveries($subscriptionId: ID!, $from: DateTime!, $to: DateTime!) {
  replayWebhookDeliveries(subscriptionId: $subscriptionId, from: $from, to: $to)
}
    `) as unknown as TypedDocumentString<AdminReplayWebhookDeliveriesMutation, AdminReplayWebhookDeliveriesMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    accessToken
    accessTokenExpiresAt
    viewer {
      id
      username
      displayName
      isAdmin
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const MeetingComplianceDocument = new TypedDocumentString(`
    query MeetingCompliance($input: ComplianceInput!) {
  meetingCompliance(input: $input) {
    cellCount
    behindCount
    behindPercent
    attendancePercent
    counts {
      kind
      count
    }
    cells {
      behind
      regularHeld
      thematicHeld
      attendancePercent
      organisation {
        id
        name
        parent {
          id
          name
        }
      }
      missing {
        kind
        period
        dueOn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeetingComplianceQuery, MeetingComplianceQueryVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($input: AlertsInput!) {
  alerts(input: $input) {
    asOf
    year
    total
    offset
    limit
    countsByCode {
      code
      severity
      count
    }
    countsBySeverity {
      severity
      count
    }
    items {
      code
      severity
      entity
      message
      messageEn
      dueOn
      memberId
      memberName
      meetingId
      visitId
      organisation {
        id
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const AlertCountsDocument = new TypedDocumentString(`
    query AlertCounts($input: AlertsInput!) {
  alerts(input: $input) {
    total
    countsByCode {
      code
      severity
      count
    }
    countsBySeverity {
      severity
      count
    }
  }
}
    `) as unknown as TypedDocumentString<AlertCountsQuery, AlertCountsQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($input: DashboardInput!) {
  dashboard(input: $input) {
    asOf
    year
    from
    to
    organisation {
      id
      name
      kind
      ancestors {
        id
        name
      }
    }
    members {
      members
      fullMembers
      probationaryMembers
      exemptMembers
      admissions
      yearStart
      membersAtYearStart
      leftInPeriod {
        status
        count
      }
      trend {
        year
        date
        members
        fullMembers
        probationaryMembers
        admissions
      }
    }
    meetings {
      from
      to
      cells
      cellsBehind
      behindPercent
      attendancePercent
      regularHeld
      thematicHeld
      held
      byKind {
        kind
        count
      }
    }
    visits {
      asOf
      assignments
      assignmentsBehind
      behindPercent
      required
      done
      scored
      unscored
      cells
      cellsWithoutVisitor
    }
    children {
      organisation {
        id
        code
        name
        kind
      }
      members
      cells
      cellsBehind
      behindPercent
      visitAssignments
      visitAssignmentsBehind
      alerts
      alertErrors
    }
    alerts {
      total
      countsByCode {
        code
        severity
        count
      }
      countsBySeverity {
        severity
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DashboardInspectionTargetDocument = new TypedDocumentString(`
    query DashboardInspectionTarget($input: InspectionTargetInput!) {
  inspectionTarget(input: $input) {
    referenceDate
    subjectCount
    metCount
    behindCount
    percent
    projectedMetCount
    projectedPercent
  }
}
    `) as unknown as TypedDocumentString<DashboardInspectionTargetQuery, DashboardInspectionTargetQueryVariables>;
export const DashboardRatingFiguresDocument = new TypedDocumentString(`
    query DashboardRatingFigures($input: RatingFiguresInput!) {
  ratingFigures(input: $input) {
    asOf
    year
    groups {
      subjectKind
      current {
        total
        rated
        notRated
        excellentOfWellCompletedOrBetter
        wellCompletedOrBetter {
          count
          percent
        }
        levels {
          level
          count
          percent
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardRatingFiguresQuery, DashboardRatingFiguresQueryVariables>;
export const DashboardRatingRoundsDocument = new TypedDocumentString(`
    query DashboardRatingRounds($year: Int) {
  ratingRounds(year: $year) {
    state
    periodKind
  }
}
    `) as unknown as TypedDocumentString<DashboardRatingRoundsQuery, DashboardRatingRoundsQueryVariables>;
export const DashboardAdmissionProgressDocument = new TypedDocumentString(`
    query DashboardAdmissionProgress($organisationId: ID!, $year: Int!, $asOf: Date) {
  admissionProgress(organisationId: $organisationId, year: $year, asOf: $asOf) {
    from
    to
    admitted
    target
    percent
    met
    remaining
    targetKind
    targetPercent
    membersAtTermStart
    termStart
  }
}
    `) as unknown as TypedDocumentString<DashboardAdmissionProgressQuery, DashboardAdmissionProgressQueryVariables>;
export const DashboardMembersDocument = new TypedDocumentString(`
    query DashboardMembers($filter: MemberFilter, $asOf: Date, $page: PageInput) {
  members(filter: $filter, asOf: $asOf, page: $page) {
    total
    items {
      id
      fullName
      status
      organisation {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardMembersQuery, DashboardMembersQueryVariables>;
export const DashboardMeetingsDocument = new TypedDocumentString(`
    query DashboardMeetings($filter: MeetingFilter, $page: PageInput) {
  meetingList(filter: $filter, page: $page) {
    total
    items {
      id
      title
      date
      kind
      state
      organisation {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardMeetingsQuery, DashboardMeetingsQueryVariables>;
export const DashboardVisitCoverageDocument = new TypedDocumentString(`
    query DashboardVisitCoverage($input: VisitCoverageInput!) {
  visitCoverage(input: $input) {
    asOf
    lines {
      behind
      required
      dueSoFar
      done
      scored
      unscored
      cell {
        id
        name
        parent {
          id
          name
        }
      }
      assignment {
        id
        visitorName
      }
    }
    unassignedCells {
      id
      name
      parent {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardVisitCoverageQuery, DashboardVisitCoverageQueryVariables>;
export const RecordDuesPaymentDocument = new TypedDocumentString(`
    mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {
  recordDuesPayment(input: $input) {
    id
    month
    amount
    paidOn
    channel
  }
}
    `) as unknown as TypedDocumentString<RecordDuesPaymentMutation, RecordDuesPaymentMutationVariables>;
export const CancelDuesPaymentDocument = new TypedDocumentString(`
    mutation CancelDuesPayment($id: ID!, $reason: String!) {
  cancelDuesPayment(id: $id, reason: $reason) {
    id
    cancelledAt
    cancelReason
  }
}
    `) as unknown as TypedDocumentString<CancelDuesPaymentMutation, CancelDuesPaymentMutationVariables>;
export const SetDuesBasisDocument = new TypedDocumentString(`
    mutation SetDuesBasis($input: SetDuesBasisInput!) {
  setDuesBasis(input: $input) {
    id
    from
    to
    basis
    amount
  }
}
    `) as unknown as TypedDocumentString<SetDuesBasisMutation, SetDuesBasisMutationVariables>;
export const GrantDuesReliefDocument = new TypedDocumentString(`
    mutation GrantDuesRelief($input: GrantDuesReliefInput!) {
  grantDuesRelief(input: $input) {
    id
    kind
    percent
    from
    to
  }
}
    `) as unknown as TypedDocumentString<GrantDuesReliefMutation, GrantDuesReliefMutationVariables>;
export const DuesFiguresDocument = new TypedDocumentString(`
    query DuesFigures($organisationId: ID!, $year: Int!) {
  duesFigures(organisationId: $organisationId, year: $year) {
    year
    throughMonth
    total {
      organisationId
      members
      due
      collected
      collectedAhead
      outstanding
      collectedPercent
      membersInArrears
      membersWithoutBasis
    }
    children {
      organisationId
      members
      due
      collected
      collectedAhead
      outstanding
      collectedPercent
      membersInArrears
      membersWithoutBasis
      organisation {
        id
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DuesFiguresQuery, DuesFiguresQueryVariables>;
export const DuesSheetDocument = new TypedDocumentString(`
    query DuesSheet($organisationId: ID!, $year: Int!, $page: PageInput) {
  duesSheet(organisationId: $organisationId, year: $year, page: $page) {
    total
    offset
    items {
      ...DuesMemberYearFields
    }
  }
}
    fragment DuesMemberYearFields on DuesMemberYear {
  memberId
  fullName
  organisationId
  year
  dueTotal
  paidTotal
  paidAhead
  unpaidMonths
  shortMonths
  unknownMonths
  outstanding
  inArrears
  months {
    month
    organisationId
    due
    standard
    reason
    deferred
    paid
  }
}`) as unknown as TypedDocumentString<DuesSheetQuery, DuesSheetQueryVariables>;
export const DuesArrearsDocument = new TypedDocumentString(`
    query DuesArrears($organisationId: ID!, $year: Int!, $page: PageInput) {
  duesArrears(organisationId: $organisationId, year: $year, page: $page) {
    total
    offset
    items {
      ...DuesMemberYearFields
    }
  }
}
    fragment DuesMemberYearFields on DuesMemberYear {
  memberId
  fullName
  organisationId
  year
  dueTotal
  paidTotal
  paidAhead
  unpaidMonths
  shortMonths
  unknownMonths
  outstanding
  inArrears
  months {
    month
    organisationId
    due
    standard
    reason
    deferred
    paid
  }
}`) as unknown as TypedDocumentString<DuesArrearsQuery, DuesArrearsQueryVariables>;
export const MemberDuesDocument = new TypedDocumentString(`
    query MemberDues($memberId: ID!, $year: Int!) {
  memberDues(memberId: $memberId, year: $year) {
    year {
      ...DuesMemberYearFields
    }
    payments {
      id
      month
      amount
      paidOn
      channel
      note
      recordedBy
      cancelledAt
      cancelReason
    }
    bases {
      id
      from
      to
      basis
      amount
      note
    }
    reliefs {
      id
      kind
      percent
      from
      to
      decidedOn
      reason
    }
  }
}
    fragment DuesMemberYearFields on DuesMemberYear {
  memberId
  fullName
  organisationId
  year
  dueTotal
  paidTotal
  paidAhead
  unpaidMonths
  shortMonths
  unknownMonths
  outstanding
  inArrears
  months {
    month
    organisationId
    due
    standard
    reason
    deferred
    paid
  }
}`) as unknown as TypedDocumentString<MemberDuesQuery, MemberDuesQueryVariables>;
export const ImportMembersDocument = new TypedDocumentString(`
    mutation ImportMembers($input: ImportFileInput!) {
  importMembers(input: $input) {
    created
    updated
    skipped
    problems {
      row
      column
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<ImportMembersMutation, ImportMembersMutationVariables>;
export const ImportOrganisationsDocument = new TypedDocumentString(`
    mutation ImportOrganisations($input: ImportFileInput!) {
  importOrganisations(input: $input) {
    created
    updated
    skipped
    problems {
      row
      column
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<ImportOrganisationsMutation, ImportOrganisationsMutationVariables>;
export const ImportDuesPaymentsDocument = new TypedDocumentString(`
    mutation ImportDuesPayments($input: ImportDuesPaymentsInput!) {
  importDuesPayments(input: $input) {
    dryRun
    rows
    created
    amount
    duplicates
    skipped
    problems {
      row
      column
      reason
      code
    }
    payments {
      row
      memberId
      fullName
      month
      amount
      paidOn
      channel
      reference
    }
  }
}
    `) as unknown as TypedDocumentString<ImportDuesPaymentsMutation, ImportDuesPaymentsMutationVariables>;
export const InspectionCellMembersDocument = new TypedDocumentString(`
    query InspectionCellMembers($organisationId: ID!, $asOf: Date) {
  members(
    filter: {organisationId: $organisationId}
    page: {offset: 0, limit: 500}
    asOf: $asOf
  ) {
    total
    items {
      id
      fullName
      status
    }
  }
}
    `) as unknown as TypedDocumentString<InspectionCellMembersQuery, InspectionCellMembersQueryVariables>;
export const InspectionsDocument = new TypedDocumentString(`
    query Inspections($filter: InspectionFilter, $page: PageInput) {
  inspections(filter: $filter, page: $page) {
    total
    offset
    limit
    items {
      ...InspectionListFields
    }
  }
}
    fragment InspectionListFields on Inspection {
  id
  organisationId
  body
  type
  title
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  countsTowardTarget
  organisation {
    id
    name
  }
  subjects {
    memberId
  }
}`) as unknown as TypedDocumentString<InspectionsQuery, InspectionsQueryVariables>;
export const InspectionDocument = new TypedDocumentString(`
    query Inspection($id: ID!) {
  inspection(id: $id) {
    ...InspectionDetailFields
  }
}
    fragment DisciplineFields on Discipline {
  id
  memberId
  form
  decidingBody
  decidedOn
  reason
}
fragment InspectionDetailFields on Inspection {
  id
  organisationId
  planId
  body
  type
  title
  contentAreas
  method
  reviewFrom
  reviewTo
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  conclusion
  recommendation
  cancelledReason
  countsTowardTarget
  organisation {
    id
    name
    kind
    ancestors {
      id
    }
  }
  plan {
    id
    year
    organisationId
  }
  subjects {
    memberId
    selfReport
    strengths
    shortcomings
    violations
    conclusion
    member {
      id
      fullName
      status
    }
    discipline {
      ...DisciplineFields
    }
  }
  disciplines {
    ...DisciplineFields
  }
}`) as unknown as TypedDocumentString<InspectionQuery, InspectionQueryVariables>;
export const InspectionPlansDocument = new TypedDocumentString(`
    query InspectionPlans($organisationId: ID, $year: Int) {
  inspectionPlans(
    organisationId: $organisationId
    year: $year
    page: {offset: 0, limit: 50}
  ) {
    items {
      ...PlanFields
    }
  }
}
    fragment PlanFields on InspectionPlan {
  id
  organisationId
  year
  purpose
  content
  subjectMemberIds
  reviewFrom
  reviewTo
  timing
  method
  adoptedOn
  note
  subjects {
    id
    fullName
  }
  inspections {
    id
    state
  }
}`) as unknown as TypedDocumentString<InspectionPlansQuery, InspectionPlansQueryVariables>;
export const InspectionOrganisationDocument = new TypedDocumentString(`
    query InspectionOrganisation($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    name
    kind
    ancestors {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<InspectionOrganisationQuery, InspectionOrganisationQueryVariables>;
export const InspectionTargetDocument = new TypedDocumentString(`
    query InspectionTarget($input: InspectionTargetInput!, $filter: TargetCellFilter!) {
  inspectionTarget(input: $input) {
    year
    asOf
    referenceDate
    subjectCount
    metCount
    behindCount
    percent
    percentText
    projectedMetCount
    projectedPercent
    concludedTotal
    organisation {
      id
      name
    }
    cells(filter: $filter) {
      hasCellCommittee
      required
      concluded
      inProgress
      planned
      missing
      met
      onPace
      projectedConcluded
      joinedDuringYear
      organisation {
        id
        code
        name
      }
      parent {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InspectionTargetQuery, InspectionTargetQueryVariables>;
export const SupervisionCoverageDocument = new TypedDocumentString(`
    query SupervisionCoverage($input: InspectionTargetInput!) {
  supervisionCoverage(input: $input) {
    year
    referenceDate
    minPercent
    maxPercent
    cellCount
    metCount
    metPercent
    members
    supervised
    percent
    cells(filter: BELOW) {
      members
      supervised
      percent
      status
      met
      organisation {
        id
        name
        parent {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SupervisionCoverageQuery, SupervisionCoverageQueryVariables>;
export const PlanInspectionDocument = new TypedDocumentString(`
    mutation PlanInspection($input: PlanInspectionInput!) {
  planInspection(input: $input) {
    ...InspectionDetailFields
  }
}
    fragment DisciplineFields on Discipline {
  id
  memberId
  form
  decidingBody
  decidedOn
  reason
}
fragment InspectionDetailFields on Inspection {
  id
  organisationId
  planId
  body
  type
  title
  contentAreas
  method
  reviewFrom
  reviewTo
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  conclusion
  recommendation
  cancelledReason
  countsTowardTarget
  organisation {
    id
    name
    kind
    ancestors {
      id
    }
  }
  plan {
    id
    year
    organisationId
  }
  subjects {
    memberId
    selfReport
    strengths
    shortcomings
    violations
    conclusion
    member {
      id
      fullName
      status
    }
    discipline {
      ...DisciplineFields
    }
  }
  disciplines {
    ...DisciplineFields
  }
}`) as unknown as TypedDocumentString<PlanInspectionMutation, PlanInspectionMutationVariables>;
export const StartInspectionDocument = new TypedDocumentString(`
    mutation StartInspection($id: ID!, $input: StartInspectionInput!) {
  startInspection(id: $id, input: $input) {
    ...InspectionDetailFields
  }
}
    fragment DisciplineFields on Discipline {
  id
  memberId
  form
  decidingBody
  decidedOn
  reason
}
fragment InspectionDetailFields on Inspection {
  id
  organisationId
  planId
  body
  type
  title
  contentAreas
  method
  reviewFrom
  reviewTo
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  conclusion
  recommendation
  cancelledReason
  countsTowardTarget
  organisation {
    id
    name
    kind
    ancestors {
      id
    }
  }
  plan {
    id
    year
    organisationId
  }
  subjects {
    memberId
    selfReport
    strengths
    shortcomings
    violations
    conclusion
    member {
      id
      fullName
      status
    }
    discipline {
      ...DisciplineFields
    }
  }
  disciplines {
    ...DisciplineFields
  }
}`) as unknown as TypedDocumentString<StartInspectionMutation, StartInspectionMutationVariables>;
export const ConcludeInspectionDocument = new TypedDocumentString(`
    mutation ConcludeInspection($id: ID!, $input: ConcludeInspectionInput!) {
  concludeInspection(id: $id, input: $input) {
    ...InspectionDetailFields
  }
}
    fragment DisciplineFields on Discipline {
  id
  memberId
  form
  decidingBody
  decidedOn
  reason
}
fragment InspectionDetailFields on Inspection {
  id
  organisationId
  planId
  body
  type
  title
  contentAreas
  method
  reviewFrom
  reviewTo
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  conclusion
  recommendation
  cancelledReason
  countsTowardTarget
  organisation {
    id
    name
    kind
    ancestors {
      id
    }
  }
  plan {
    id
    year
    organisationId
  }
  subjects {
    memberId
    selfReport
    strengths
    shortcomings
    violations
    conclusion
    member {
      id
      fullName
      status
    }
    discipline {
      ...DisciplineFields
    }
  }
  disciplines {
    ...DisciplineFields
  }
}`) as unknown as TypedDocumentString<ConcludeInspectionMutation, ConcludeInspectionMutationVariables>;
export const CancelInspectionDocument = new TypedDocumentString(`
    mutation CancelInspection($id: ID!, $reason: String!) {
  cancelInspection(id: $id, reason: $reason) {
    ...InspectionDetailFields
  }
}
    fragment DisciplineFields on Discipline {
  id
  memberId
  form
  decidingBody
  decidedOn
  reason
}
fragment InspectionDetailFields on Inspection {
  id
  organisationId
  planId
  body
  type
  title
  contentAreas
  method
  reviewFrom
  reviewTo
  plannedFrom
  plannedTo
  startedOn
  concludedOn
  state
  conclusion
  recommendation
  cancelledReason
  countsTowardTarget
  organisation {
    id
    name
    kind
    ancestors {
      id
    }
  }
  plan {
    id
    year
    organisationId
  }
  subjects {
    memberId
    selfReport
    strengths
    shortcomings
    violations
    conclusion
    member {
      id
      fullName
      status
    }
    discipline {
      ...DisciplineFields
    }
  }
  disciplines {
    ...DisciplineFields
  }
}`) as unknown as TypedDocumentString<CancelInspectionMutation, CancelInspectionMutationVariables>;
export const CreateInspectionPlanDocument = new TypedDocumentString(`
    mutation CreateInspectionPlan($input: CreateInspectionPlanInput!) {
  createInspectionPlan(input: $input) {
    ...PlanFields
  }
}
    fragment PlanFields on InspectionPlan {
  id
  organisationId
  year
  purpose
  content
  subjectMemberIds
  reviewFrom
  reviewTo
  timing
  method
  adoptedOn
  note
  subjects {
    id
    fullName
  }
  inspections {
    id
    state
  }
}`) as unknown as TypedDocumentString<CreateInspectionPlanMutation, CreateInspectionPlanMutationVariables>;
export const UpdateInspectionPlanDocument = new TypedDocumentString(`
    mutation UpdateInspectionPlan($id: ID!, $input: InspectionPlanInput!) {
  updateInspectionPlan(id: $id, input: $input) {
    ...PlanFields
  }
}
    fragment PlanFields on InspectionPlan {
  id
  organisationId
  year
  purpose
  content
  subjectMemberIds
  reviewFrom
  reviewTo
  timing
  method
  adoptedOn
  note
  subjects {
    id
    fullName
  }
  inspections {
    id
    state
  }
}`) as unknown as TypedDocumentString<UpdateInspectionPlanMutation, UpdateInspectionPlanMutationVariables>;
export const MeetingCellMembersDocument = new TypedDocumentString(`
    query MeetingCellMembers($organisationId: ID!, $asOf: Date) {
  members(
    filter: {organisationId: $organisationId}
    page: {offset: 0, limit: 500}
    asOf: $asOf
  ) {
    total
    items {
      id
      fullName
      status
      exemption
    }
  }
}
    `) as unknown as TypedDocumentString<MeetingCellMembersQuery, MeetingCellMembersQueryVariables>;
export const MeetingDocument = new TypedDocumentString(`
    query Meeting($id: ID!) {
  meeting(id: $id) {
    ...MeetingDetailFields
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}`) as unknown as TypedDocumentString<MeetingQuery, MeetingQueryVariables>;
export const MeetingListDocument = new TypedDocumentString(`
    query MeetingList($filter: MeetingFilter, $page: PageInput) {
  meetingList(filter: $filter, page: $page) {
    total
    offset
    limit
    items {
      ...MeetingListFields
    }
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}`) as unknown as TypedDocumentString<MeetingListQuery, MeetingListQueryVariables>;
export const CellMonthMeetingsDocument = new TypedDocumentString(`
    query CellMonthMeetings($filter: MeetingFilter) {
  meetingList(filter: $filter, page: {offset: 0, limit: 50}) {
    items {
      id
      kind
      state
      date
      title
    }
  }
}
    `) as unknown as TypedDocumentString<CellMonthMeetingsQuery, CellMonthMeetingsQueryVariables>;
export const MeetingMyAssignmentsDocument = new TypedDocumentString(`
    query MeetingMyAssignments($userId: ID) {
  visitAssignments(visitorUserId: $userId) {
    id
    cellId
    from
    to
  }
}
    `) as unknown as TypedDocumentString<MeetingMyAssignmentsQuery, MeetingMyAssignmentsQueryVariables>;
export const MeetingOrganisationDocument = new TypedDocumentString(`
    query MeetingOrganisation($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    name
    kind
    parent {
      id
      name
      kind
    }
    ancestors {
      id
      name
      kind
    }
    committee {
      role
      member {
        id
        fullName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeetingOrganisationQuery, MeetingOrganisationQueryVariables>;
export const AddMeetingDocumentDocument = new TypedDocumentString(`
    mutation AddMeetingDocument($meetingId: ID!, $input: AddMeetingDocumentInput!) {
  addMeetingDocument(meetingId: $meetingId, input: $input) {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AddMeetingDocumentMutation, AddMeetingDocumentMutationVariables>;
export const RemoveMeetingDocumentDocument = new TypedDocumentString(`
    mutation RemoveMeetingDocument($id: ID!) {
  removeMeetingDocument(id: $id)
}
    `) as unknown as TypedDocumentString<RemoveMeetingDocumentMutation, RemoveMeetingDocumentMutationVariables>;
export const MeetingDocumentContentDocument = new TypedDocumentString(`
    query MeetingDocumentContent($id: ID!) {
  meetingDocumentContent(id: $id)
}
    `) as unknown as TypedDocumentString<MeetingDocumentContentQuery, MeetingDocumentContentQueryVariables>;
export const CreateMeetingDocument = new TypedDocumentString(`
    mutation CreateMeeting($input: CreateMeetingInput!) {
  createMeeting(input: $input) {
    ...MeetingDetailFields
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}`) as unknown as TypedDocumentString<CreateMeetingMutation, CreateMeetingMutationVariables>;
export const UpdateMeetingDocument = new TypedDocumentString(`
    mutation UpdateMeeting($id: ID!, $input: MeetingPlanInput!) {
  updateMeeting(id: $id, input: $input) {
    ...MeetingDetailFields
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}`) as unknown as TypedDocumentString<UpdateMeetingMutation, UpdateMeetingMutationVariables>;
export const RecordMeetingDocument = new TypedDocumentString(`
    mutation RecordMeeting($id: ID!, $input: MeetingRecordInput!, $expectedVersion: Int, $clientKey: String) {
  recordMeeting(
    id: $id
    input: $input
    expectedVersion: $expectedVersion
    clientKey: $clientKey
  ) {
    ...MeetingDetailFields
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}`) as unknown as TypedDocumentString<RecordMeetingMutation, RecordMeetingMutationVariables>;
export const CloseMeetingDocument = new TypedDocumentString(`
    mutation CloseMeeting($id: ID!) {
  closeMeeting(id: $id) {
    ...MeetingDetailFields
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}`) as unknown as TypedDocumentString<CloseMeetingMutation, CloseMeetingMutationVariables>;
export const CancelMeetingDocument = new TypedDocumentString(`
    mutation CancelMeeting($id: ID!, $reason: String!) {
  cancelMeeting(id: $id, reason: $reason) {
    ...MeetingDetailFields
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}`) as unknown as TypedDocumentString<CancelMeetingMutation, CancelMeetingMutationVariables>;
export const AmendMeetingDocument = new TypedDocumentString(`
    mutation AmendMeeting($id: ID!, $reason: String!, $input: MeetingRecordInput!) {
  amendMeeting(id: $id, reason: $reason, input: $input) {
    ...MeetingDetailFields
  }
}
    fragment MeetingListFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
  flags {
    code
    severity
    message
    messageEn
  }
}
fragment MeetingDetailFields on Meeting {
  ...MeetingListFields
  mode
  format
  formatNote
  theme
  topics
  chairMemberId
  minuteTakerMemberId
  guests
  minutes
  resolution
  votesFor
  votesAgainst
  votesAbstain
  tasks {
    text
    assigneeMemberId
    dueOn
  }
  selfAssessment
  selfTotal
  cancelledReason
  closedAt
  version
  attendance {
    memberId
    status
    reason
    late
    leftEarly
  }
  amendments {
    id
    reason
    amendedAt
    amendedBy
    before
    after
  }
  documentList {
    id
    kind
    name
    url
    mimeType
    sizeBytes
    createdAt
  }
  visitRecords {
    id
    visitorUserId
    visitorName
    attended
    total
    maxTotal
    level
    selfTotal
    scoreGapWarning
    guidance
    issues
    followUp
  }
}`) as unknown as TypedDocumentString<AmendMeetingMutation, AmendMeetingMutationVariables>;
export const MemberDocument = new TypedDocumentString(`
    query Member($id: ID!, $asOf: Date) {
  member(id: $id, asOf: $asOf) {
    id
    fullName
    birthDate
    gender
    ethnicity
    religion
    homeTown
    residence
    nationalId
    cardNumber
    fileNumber
    leftOn
    admissionDecisionDate
    ceremonyDate
    fullMembershipDate
    introducers
    educationGeneral
    educationProfessional
    politicalTheory
    job
    post
    courseCompletedOn
    admissionAgeApproval
    status
    exemption
    temporarilyAway
    allowedEvents
    organisation {
      id
      name
      ancestors {
        id
      }
    }
    partyAge {
      years
      months
    }
    probationState
    probationEnd
    recognitionDeadline
    nextBadge {
      milestone
      reachedOn
      awardOn
    }
    events {
      id
      type
      effectiveOn
      organisationId
      toOrganisationId
      externalOrganisation
      reason
      note
      endOn
      recordedAt
    }
    disciplines {
      id
      form
      decidingBody
      decidedOn
      reason
    }
    attendanceHistory(page: {limit: 100}) {
      from
      to
      total
      notRecorded
      rate {
        present
        expected
        percent
      }
      items {
        meetingId
        date
        kind
        title
        cellName
        status
        late
        canOpen
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MemberQuery, MemberQueryVariables>;
export const MembersDocument = new TypedDocumentString(`
    query Members($filter: MemberFilter, $page: PageInput, $asOf: Date) {
  members(filter: $filter, page: $page, asOf: $asOf) {
    total
    offset
    limit
    items {
      id
      fullName
      birthDate
      gender
      status
      cardNumber
      ceremonyDate
      fullMembershipDate
      probationState
      post
      partyAge {
        years
        months
      }
      organisation {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const CreateMemberDocument = new TypedDocumentString(`
    mutation CreateMember($input: CreateMemberInput!) {
  createMember(input: $input) {
    id
    fullName
  }
}
    `) as unknown as TypedDocumentString<CreateMemberMutation, CreateMemberMutationVariables>;
export const UpdateMemberDocument = new TypedDocumentString(`
    mutation UpdateMember($id: ID!, $input: MemberDataInput!) {
  updateMember(id: $id, input: $input) {
    id
    fullName
  }
}
    `) as unknown as TypedDocumentString<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const RecordMemberEventDocument = new TypedDocumentString(`
    mutation RecordMemberEvent($input: MemberEventInput!) {
  recordMemberEvent(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RecordMemberEventMutation, RecordMemberEventMutationVariables>;
export const RecordDisciplineDocument = new TypedDocumentString(`
    mutation RecordDiscipline($input: RecordDisciplineInput!) {
  recordDiscipline(input: $input) {
    id
    form
  }
}
    `) as unknown as TypedDocumentString<RecordDisciplineMutation, RecordDisciplineMutationVariables>;
export const MyNoticesDocument = new TypedDocumentString(`
    query MyNotices($unreadOnly: Boolean, $page: PageInput) {
  myNotices(unreadOnly: $unreadOnly, page: $page) {
    total
    unreadCount
    items {
      id
      kind
      code
      title
      titleEn
      body
      bodyEn
      link
      dueOn
      createdAt
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<MyNoticesQuery, MyNoticesQueryVariables>;
export const MarkNoticesReadDocument = new TypedDocumentString(`
    mutation MarkNoticesRead($ids: [ID!]!) {
  markNoticesRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNoticesReadMutation, MarkNoticesReadMutationVariables>;
export const MarkAllNoticesReadDocument = new TypedDocumentString(`
    mutation MarkAllNoticesRead {
  markAllNoticesRead
}
    `) as unknown as TypedDocumentString<MarkAllNoticesReadMutation, MarkAllNoticesReadMutationVariables>;
export const MyUnreadNoticeCountDocument = new TypedDocumentString(`
    query MyUnreadNoticeCount {
  myUnreadNoticeCount
}
    `) as unknown as TypedDocumentString<MyUnreadNoticeCountQuery, MyUnreadNoticeCountQueryVariables>;
export const OrganisationChildrenDocument = new TypedDocumentString(`
    query OrganisationChildren($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    children {
      id
      code
      name
      kind
      childCount
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationChildrenQuery, OrganisationChildrenQueryVariables>;
export const OrganisationPathDocument = new TypedDocumentString(`
    query OrganisationPath($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    ancestors {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationPathQuery, OrganisationPathQueryVariables>;
export const OrganisationDocument = new TypedDocumentString(`
    query Organisation($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    code
    name
    kind
    levelName
    unitServed
    establishedOn
    dissolvedOn
    termStart
    termEnd
    termType
    terms {
      start
      end
      type
      inForce
    }
    hasCellCommittee
    parent {
      id
      name
    }
    ancestors {
      id
      name
    }
    flags {
      code
      severity
      message
      messageEn
    }
    subtreeCounts {
      organisations
      byKind {
        kind
        count
      }
      members
      fullMembers
      probationaryMembers
    }
    committee {
      id
      role
      from
      to
      member {
        id
        fullName
      }
    }
    children {
      id
      code
      name
      kind
      childCount
      dissolvedOn
      memberCount
      fullMemberCount
      probationaryCount
    }
    history {
      id
      type
      effectiveOn
      note
      recordedAt
      fromParentId
      toParentId
      relatedId
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationQuery, OrganisationQueryVariables>;
export const CreateOrganisationDocument = new TypedDocumentString(`
    mutation CreateOrganisation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateOrganisationMutation, CreateOrganisationMutationVariables>;
export const UpdateOrganisationDocument = new TypedDocumentString(`
    mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganisationMutation, UpdateOrganisationMutationVariables>;
export const MoveOrganisationDocument = new TypedDocumentString(`
    mutation MoveOrganisation($input: MoveOrganisationInput!) {
  moveOrganisation(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<MoveOrganisationMutation, MoveOrganisationMutationVariables>;
export const DissolveOrganisationDocument = new TypedDocumentString(`
    mutation DissolveOrganisation($input: DissolveOrganisationInput!) {
  dissolveOrganisation(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DissolveOrganisationMutation, DissolveOrganisationMutationVariables>;
export const MergeOrganisationsDocument = new TypedDocumentString(`
    mutation MergeOrganisations($input: MergeOrganisationsInput!) {
  mergeOrganisations(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<MergeOrganisationsMutation, MergeOrganisationsMutationVariables>;
export const SplitOrganisationDocument = new TypedDocumentString(`
    mutation SplitOrganisation($input: SplitOrganisationInput!) {
  splitOrganisation(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<SplitOrganisationMutation, SplitOrganisationMutationVariables>;
export const AssignCommitteeSeatDocument = new TypedDocumentString(`
    mutation AssignCommitteeSeat($input: AssignCommitteeSeatInput!) {
  assignCommitteeSeat(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AssignCommitteeSeatMutation, AssignCommitteeSeatMutationVariables>;
export const EndCommitteeSeatDocument = new TypedDocumentString(`
    mutation EndCommitteeSeat($input: EndCommitteeSeatInput!) {
  endCommitteeSeat(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<EndCommitteeSeatMutation, EndCommitteeSeatMutationVariables>;
export const SplitMembersDocument = new TypedDocumentString(`
    query SplitMembers($id: ID!, $asOf: Date) {
  members(filter: {organisationId: $id}, page: {limit: 500}, asOf: $asOf) {
    items {
      id
      fullName
      status
      organisation {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SplitMembersQuery, SplitMembersQueryVariables>;
export const CellVisitAssignmentsDocument = new TypedDocumentString(`
    query CellVisitAssignments($cellId: ID!) {
  visitAssignments(cellId: $cellId) {
    id
    cellId
    from
    to
    requiredPerYear
    visitorUserId
    visitorName
  }
}
    `) as unknown as TypedDocumentString<CellVisitAssignmentsQuery, CellVisitAssignmentsQueryVariables>;
export const AssignableVisitorsDocument = new TypedDocumentString(`
    query AssignableVisitors($organisationId: ID!, $asOf: Date) {
  assignableVisitors(organisationId: $organisationId, asOf: $asOf) {
    id
    username
    displayName
    followsCells
  }
}
    `) as unknown as TypedDocumentString<AssignableVisitorsQuery, AssignableVisitorsQueryVariables>;
export const AssignVisitorDocument = new TypedDocumentString(`
    mutation AssignVisitor($input: AssignVisitorInput!) {
  assignVisitor(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AssignVisitorMutation, AssignVisitorMutationVariables>;
export const EndVisitAssignmentDocument = new TypedDocumentString(`
    mutation EndVisitAssignment($id: ID!, $to: Date!) {
  endVisitAssignment(id: $id, to: $to) {
    id
    to
  }
}
    `) as unknown as TypedDocumentString<EndVisitAssignmentMutation, EndVisitAssignmentMutationVariables>;
export const SeatCandidatesDocument = new TypedDocumentString(`
    query SeatCandidates($organisationId: ID!, $search: String) {
  members(
    filter: {organisationId: $organisationId, search: $search}
    page: {limit: 20}
  ) {
    items {
      id
      fullName
      organisation {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SeatCandidatesQuery, SeatCandidatesQueryVariables>;
export const RatingBodyDocument = new TypedDocumentString(`
    query RatingBody($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    ancestors {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RatingBodyQuery, RatingBodyQueryVariables>;
export const RatingFiguresDocument = new TypedDocumentString(`
    query RatingFigures($input: RatingFiguresInput!) {
  ratingFigures(input: $input) {
    ...FiguresFields
  }
}
    fragment FigureSetFields on RatingFigureSet {
  total
  rated
  notRated
  levels {
    level
    count
    percent
  }
  wellCompletedOrBetter {
    count
    percent
  }
  excellentOfWellCompletedOrBetter
  excellentOfRated
}
fragment FiguresFields on RatingFigures {
  organisationId
  year
  asOf
  groups {
    subjectKind
    current {
      ...FigureSetFields
    }
    previous {
      ...FigureSetFields
    }
    change {
      rated
      levels {
        level
        count
        points
      }
      wellCompletedOrBetter {
        count
        points
      }
      excellentOfWellCompletedOrBetter
      excellentOfRated
    }
  }
}`) as unknown as TypedDocumentString<RatingFiguresQuery, RatingFiguresQueryVariables>;
export const RatingFigureRowsDocument = new TypedDocumentString(`
    query RatingFigureRows($input: RatingFigureRowsInput!, $page: PageInput) {
  ratingFigureRows(input: $input, page: $page) {
    total
    items {
      subjectKind
      memberId
      subjectOrganisationId
      name
      organisationId
      organisationName
      ratingId
      level
      scheme
      rawLabel
      notRatedReason
    }
  }
}
    `) as unknown as TypedDocumentString<RatingFigureRowsQuery, RatingFigureRowsQueryVariables>;
export const AdmissionProgressDocument = new TypedDocumentString(`
    query AdmissionProgress($organisationId: ID!, $year: Int!) {
  admissionProgress(organisationId: $organisationId, year: $year) {
    from
    to
    targetKind
    targetPercent
    termStart
    membersAtTermStart
    target
    admitted
    percent
    met
    remaining
  }
}
    `) as unknown as TypedDocumentString<AdmissionProgressQuery, AdmissionProgressQueryVariables>;
export const RatingMembersDocument = new TypedDocumentString(`
    query RatingMembers($organisationId: ID!, $search: String, $asOf: Date) {
  members(
    filter: {organisationId: $organisationId, search: $search}
    page: {offset: 0, limit: 30}
    asOf: $asOf
  ) {
    items {
      id
      fullName
      organisationId
    }
  }
}
    `) as unknown as TypedDocumentString<RatingMembersQuery, RatingMembersQueryVariables>;
export const RatingPolicyDocument = new TypedDocumentString(`
    query RatingPolicy($organisationId: ID!, $asOf: Date) {
  policy(organisationId: $organisationId, asOf: $asOf)
}
    `) as unknown as TypedDocumentString<RatingPolicyQuery, RatingPolicyQueryVariables>;
export const RatingRoundsDocument = new TypedDocumentString(`
    query RatingRounds($organisationId: ID, $year: Int) {
  ratingRounds(organisationId: $organisationId, year: $year) {
    ...RoundFields
  }
}
    fragment RoundFields on RatingRound {
  id
  organisationId
  year
  periodKind
  periodLabel
  title
  selfAssessmentDue
  proposalDue
  decisionDue
  state
  openedAt
  openedBy
  announcedAt
  ratingCount
  decidedCount
}`) as unknown as TypedDocumentString<RatingRoundsQuery, RatingRoundsQueryVariables>;
export const RatingRoundDocument = new TypedDocumentString(`
    query RatingRound($id: ID!) {
  ratingRound(id: $id) {
    ...RoundFields
  }
}
    fragment RoundFields on RatingRound {
  id
  organisationId
  year
  periodKind
  periodLabel
  title
  selfAssessmentDue
  proposalDue
  decisionDue
  state
  openedAt
  openedBy
  announcedAt
  ratingCount
  decidedCount
}`) as unknown as TypedDocumentString<RatingRoundQuery, RatingRoundQueryVariables>;
export const RatingRoundStagesDocument = new TypedDocumentString(`
    query RatingRoundStages($id: ID!) {
  SELF_ASSESSED: ratings(
    filter: {roundId: $id, stages: [SELF_ASSESSED]}
    page: {limit: 1}
  ) {
    total
  }
  PROPOSED: ratings(filter: {roundId: $id, stages: [PROPOSED]}, page: {limit: 1}) {
    total
  }
  DECIDED: ratings(filter: {roundId: $id, stages: [DECIDED]}, page: {limit: 1}) {
    total
  }
  ANNOUNCED: ratings(
    filter: {roundId: $id, stages: [ANNOUNCED]}
    page: {limit: 1}
  ) {
    total
  }
}
    `) as unknown as TypedDocumentString<RatingRoundStagesQuery, RatingRoundStagesQueryVariables>;
export const RatingsDocument = new TypedDocumentString(`
    query Ratings($filter: RatingFilter, $page: PageInput) {
  ratings(filter: $filter, page: $page) {
    total
    items {
      ...RatingFields
    }
  }
}
    fragment RatingFields on Rating {
  id
  roundId
  year
  subjectKind
  memberId
  subjectOrganisationId
  subjectName
  organisationId
  organisationName
  proposerId
  deciderId
  quotaGroupId
  scheme
  rawLabel
  score
  computedLevel
  blockReasons
  proposedLevel
  proposalNote
  decidedLevel
  decisionReason
  quotaOverrideReason
  stage
  selfAssessedAt
  selfAssessment {
    generalPoints
    taskPoints
    tasks {
      assigned
      completed
      onTime
      exceeded
    }
    shortcomingsFixed
    note
  }
}`) as unknown as TypedDocumentString<RatingsQuery, RatingsQueryVariables>;
export const RatingRoundPendingDocument = new TypedDocumentString(`
    query RatingRoundPending($roundId: ID!, $search: String, $page: PageInput) {
  ratingRoundPending(roundId: $roundId, search: $search, page: $page) {
    total
    items {
      subjectKind
      memberId
      organisationId
      name
      parentOrganisationId
      organisationName
    }
  }
}
    `) as unknown as TypedDocumentString<RatingRoundPendingQuery, RatingRoundPendingQueryVariables>;
export const OpenRatingRoundDocument = new TypedDocumentString(`
    mutation OpenRatingRound($input: OpenRatingRoundInput!) {
  openRatingRound(input: $input) {
    ...RoundFields
  }
}
    fragment RoundFields on RatingRound {
  id
  organisationId
  year
  periodKind
  periodLabel
  title
  selfAssessmentDue
  proposalDue
  decisionDue
  state
  openedAt
  openedBy
  announcedAt
  ratingCount
  decidedCount
}`) as unknown as TypedDocumentString<OpenRatingRoundMutation, OpenRatingRoundMutationVariables>;
export const SubmitSelfAssessmentDocument = new TypedDocumentString(`
    mutation SubmitSelfAssessment($input: SubmitSelfAssessmentInput!) {
  submitSelfAssessment(input: $input) {
    ...RatingFields
  }
}
    fragment RatingFields on Rating {
  id
  roundId
  year
  subjectKind
  memberId
  subjectOrganisationId
  subjectName
  organisationId
  organisationName
  proposerId
  deciderId
  quotaGroupId
  scheme
  rawLabel
  score
  computedLevel
  blockReasons
  proposedLevel
  proposalNote
  decidedLevel
  decisionReason
  quotaOverrideReason
  stage
  selfAssessedAt
  selfAssessment {
    generalPoints
    taskPoints
    tasks {
      assigned
      completed
      onTime
      exceeded
    }
    shortcomingsFixed
    note
  }
}`) as unknown as TypedDocumentString<SubmitSelfAssessmentMutation, SubmitSelfAssessmentMutationVariables>;
export const ProposeRatingDocument = new TypedDocumentString(`
    mutation ProposeRating($input: ProposeRatingInput!) {
  proposeRating(input: $input) {
    quotaWarning
    quota {
      groupId
      limit
      excellent
      base
      breached
    }
    rating {
      ...RatingFields
    }
  }
}
    fragment RatingFields on Rating {
  id
  roundId
  year
  subjectKind
  memberId
  subjectOrganisationId
  subjectName
  organisationId
  organisationName
  proposerId
  deciderId
  quotaGroupId
  scheme
  rawLabel
  score
  computedLevel
  blockReasons
  proposedLevel
  proposalNote
  decidedLevel
  decisionReason
  quotaOverrideReason
  stage
  selfAssessedAt
  selfAssessment {
    generalPoints
    taskPoints
    tasks {
      assigned
      completed
      onTime
      exceeded
    }
    shortcomingsFixed
    note
  }
}`) as unknown as TypedDocumentString<ProposeRatingMutation, ProposeRatingMutationVariables>;
export const DecideRatingDocument = new TypedDocumentString(`
    mutation DecideRating($input: DecideRatingInput!) {
  decideRating(input: $input) {
    ...RatingFields
  }
}
    fragment RatingFields on Rating {
  id
  roundId
  year
  subjectKind
  memberId
  subjectOrganisationId
  subjectName
  organisationId
  organisationName
  proposerId
  deciderId
  quotaGroupId
  scheme
  rawLabel
  score
  computedLevel
  blockReasons
  proposedLevel
  proposalNote
  decidedLevel
  decisionReason
  quotaOverrideReason
  stage
  selfAssessedAt
  selfAssessment {
    generalPoints
    taskPoints
    tasks {
      assigned
      completed
      onTime
      exceeded
    }
    shortcomingsFixed
    note
  }
}`) as unknown as TypedDocumentString<DecideRatingMutation, DecideRatingMutationVariables>;
export const AnnounceRatingRoundDocument = new TypedDocumentString(`
    mutation AnnounceRatingRound($id: ID!) {
  announceRatingRound(id: $id) {
    ...RoundFields
  }
}
    fragment RoundFields on RatingRound {
  id
  organisationId
  year
  periodKind
  periodLabel
  title
  selfAssessmentDue
  proposalDue
  decisionDue
  state
  openedAt
  openedBy
  announcedAt
  ratingCount
  decidedCount
}`) as unknown as TypedDocumentString<AnnounceRatingRoundMutation, AnnounceRatingRoundMutationVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!, $first: Int, $asOf: Date) {
  search(text: $text, first: $first, asOf: $asOf) {
    text
    members {
      id
      fullName
      status
      organisation {
        id
        name
      }
    }
    organisations {
      id
      code
      name
      kind
    }
    meetings {
      id
      title
      date
      kind
      organisation {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const MyVisitAssignmentsDocument = new TypedDocumentString(`
    query MyVisitAssignments($userId: ID) {
  visitAssignments(visitorUserId: $userId) {
    id
    cellId
    from
    to
    requiredPerYear
    visitorUserId
    visitorName
  }
}
    `) as unknown as TypedDocumentString<MyVisitAssignmentsQuery, MyVisitAssignmentsQueryVariables>;
export const VisitCellNameDocument = new TypedDocumentString(`
    query VisitCellName($id: ID!, $asOf: Date) {
  organisation(id: $id, asOf: $asOf) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<VisitCellNameQuery, VisitCellNameQueryVariables>;
export const VisitCellMeetingsDocument = new TypedDocumentString(`
    query VisitCellMeetings($organisationId: ID, $from: Date, $to: Date) {
  meetingList(
    filter: {organisationId: $organisationId, from: $from, to: $to}
    page: {offset: 0, limit: 200}
  ) {
    total
    items {
      ...VisitMeetingFields
    }
  }
}
    fragment VisitMeetingFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  selfTotal
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
}`) as unknown as TypedDocumentString<VisitCellMeetingsQuery, VisitCellMeetingsQueryVariables>;
export const MyVisitsDocument = new TypedDocumentString(`
    query MyVisits($userId: ID, $from: Date, $to: Date) {
  visits(
    visitorUserId: $userId
    from: $from
    to: $to
    page: {offset: 0, limit: 500}
  ) {
    total
    items {
      ...VisitFields
    }
  }
}
    fragment VisitFields on Visit {
  id
  meetingId
  cellId
  date
  visitorUserId
  visitorName
  attended
  scores
  total
  maxTotal
  level
  selfTotal
  scoreGapWarning
  guidance
  issues
  followUp
}`) as unknown as TypedDocumentString<MyVisitsQuery, MyVisitsQueryVariables>;
export const VisitMeetingDocument = new TypedDocumentString(`
    query VisitMeeting($id: ID!) {
  meeting(id: $id) {
    ...VisitMeetingFields
    visitRecords {
      ...VisitFields
    }
  }
}
    fragment VisitFields on Visit {
  id
  meetingId
  cellId
  date
  visitorUserId
  visitorName
  attended
  scores
  total
  maxTotal
  level
  selfTotal
  scoreGapWarning
  guidance
  issues
  followUp
}
fragment VisitMeetingFields on Meeting {
  id
  organisationId
  kind
  title
  date
  startTime
  endTime
  actualStart
  actualEnd
  place
  state
  selfTotal
  organisation {
    id
    name
  }
  attendanceRate {
    present
    expected
    percent
  }
}`) as unknown as TypedDocumentString<VisitMeetingQuery, VisitMeetingQueryVariables>;
export const VisitReportDocument = new TypedDocumentString(`
    query VisitReport($input: VisitReportInput!) {
  visitReport(input: $input) {
    month
    lines {
      visitorUserId
      visitorName
      assignedCells
      visits
      scored
      unscored
      cellsNotVisited
      state
      dueOn
      submittedOn
      items {
        ...VisitFields
      }
    }
  }
}
    fragment VisitFields on Visit {
  id
  meetingId
  cellId
  date
  visitorUserId
  visitorName
  attended
  scores
  total
  maxTotal
  level
  selfTotal
  scoreGapWarning
  guidance
  issues
  followUp
}`) as unknown as TypedDocumentString<VisitReportQuery, VisitReportQueryVariables>;
export const RecordVisitDocument = new TypedDocumentString(`
    mutation RecordVisit($input: RecordVisitInput!) {
  recordVisit(input: $input) {
    ...VisitFields
  }
}
    fragment VisitFields on Visit {
  id
  meetingId
  cellId
  date
  visitorUserId
  visitorName
  attended
  scores
  total
  maxTotal
  level
  selfTotal
  scoreGapWarning
  guidance
  issues
  followUp
}`) as unknown as TypedDocumentString<RecordVisitMutation, RecordVisitMutationVariables>;
export const SubmitVisitReportDocument = new TypedDocumentString(`
    mutation SubmitVisitReport($month: String!, $note: String) {
  submitVisitReport(month: $month, note: $note)
}
    `) as unknown as TypedDocumentString<SubmitVisitReportMutation, SubmitVisitReportMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession {
  refreshSession {
    accessToken
    accessTokenExpiresAt
    viewer {
      id
      username
      displayName
      isAdmin
    }
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const PolicyDocument = new TypedDocumentString(`
    query Policy($organisationId: ID!, $asOf: Date) {
  policy(organisationId: $organisationId, asOf: $asOf)
}
    `) as unknown as TypedDocumentString<PolicyQuery, PolicyQueryVariables>;
export const ScopeRootsDocument = new TypedDocumentString(`
    query ScopeRoots($asOf: Date) {
  scopeRoots(asOf: $asOf) {
    id
    code
    name
    kind
    childCount
  }
}
    `) as unknown as TypedDocumentString<ScopeRootsQuery, ScopeRootsQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    displayName
    isAdmin
    grants {
      id
      role
      organisationId
      memberId
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;