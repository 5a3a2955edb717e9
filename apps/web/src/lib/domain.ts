// The one place the web app touches @chibo/domain (libs/domain): keep this surface small.
import type {
  AlertCode,
  AlertSeverity,
  Attendance,
  CommitteeRole,
  DecidingBody,
  DisciplineForm,
  DomainErrorCode,
  ExemptionKind,
  InspectingBody,
  InspectionState,
  InspectionType,
  MeetingFlagCode,
  MeetingFormat,
  MeetingKind,
  MeetingMode,
  MeetingState,
  MemberEventType,
  MemberStatus,
  OrganisationKind,
  RatingCapReason,
  RatingLevel,
  RatingPeriodKind,
  RatingRoundState,
  RatingScheme,
  RatingStage,
  RatingSubjectKind,
  ScoreLevel,
  VisitReportState,
  XoaTenReason,
} from '@chibo/domain';
import type en from '../locales/en.json';
import type vi from '../locales/vi.json';

export {
  compareVietnameseNames,
  foldVietnamese,
  formatNumberVi,
  formatPercentVi,
  givenNameFirst,
  matchesFolded,
  NAME_ORDERS,
  percent,
  searchWords,
  type NameOrder,
} from '@chibo/domain';
export { formatNumberInput, formatPeriod, parseNumberInput, parseTimeInput } from '@chibo/domain';
export { meetingCloseProblems } from '@chibo/domain';
// Figures coloured by meaning: red only when behind their target.
export { figureTone, NONE_BEHIND } from '@chibo/domain';
export type { FigureTone } from '@chibo/domain';
// A meeting's record written offline, merged field by field with the server's newer one (the same rule as in libs).
export { ATTENDANCE_FIELD_PREFIX, mergeMeetingRecord, recordConflicts, resolveMeetingRecord } from '@chibo/domain';
export type { MeetingRecordValues, RecordFieldMerge } from '@chibo/domain';
// Dates travel as 'YYYY-MM-DD' strings; the codes of organisations and members, with their lists (filters, labels).
export {
  allowedChildKinds,
  COMMITTEE_ROLES,
  committeeRolesFor,
  isCell,
  MEMBER_STATUSES,
  ORGANISATION_KINDS,
  PROBATION_STATES,
} from '@chibo/domain';
export { EXEMPTION_KINDS, XOA_TEN_REASONS } from '@chibo/domain';
// The member fields' and statuses' names, as the exports write them (the locale must say the same: labels.test.ts).
export { MEMBER_RECORD_FIELD_LABELS, MEMBER_STATUS_LABELS } from '@chibo/domain';
// A split's partition: the API's check (splitOrganisation refuses the same problems on the same fields) and its counts.
export { checkSplitPartition, splitCounts } from '@chibo/domain';
export type { CommitteeRole, IsoDate, MemberStatus, OrganisationKind, ProbationState } from '@chibo/domain';
export { lastDayOfMonth, vietnamToday } from '@chibo/domain';

// Meetings and visits: the same pure rules the API applies (attendance rate, score sheet, duration), so a
// form shows the result the server will compute before it is sent.
export {
  ATTENDANCE,
  attendanceRate,
  checkDocument,
  DOCUMENT_ACCEPT,
  DEFAULT_SCORE_SHEET,
  durationMinutes,
  isDomainError,
  isPublished,
  MEETING_FORMATS,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATES,
  regularMeetingsInMonth,
  SCORE_LEVELS,
  scoreMeeting,
  scoreSheetMax,
  validateScoreSheet,
} from '@chibo/domain';
// Inspections: which bodies fit an organisation, which discipline forms a member's status and a deciding body
// allow (the API checks the same: DISCIPLINE_FORM_NOT_ALLOWED, DISCIPLINE_AUTHORITY); the target's totals over
// cells (met / subject, truncated percent) as the API sums them, for subtotals of the printed tracker.
export {
  allowedDisciplineForms,
  bodyFitsOrganisation,
  bodyMayImpose,
  DECIDING_BODIES,
  defaultDecidingBody,
  disciplineFormsFor,
  INSPECTING_BODIES,
  INSPECTION_STATES,
  INSPECTION_TYPES,
  isSupervision,
  summariseTarget,
} from '@chibo/domain';
export type { DecidingBody, DisciplineForm, InspectingBody, InspectionState, InspectionType } from '@chibo/domain';
// Ratings: the score sheet check, the level rule and the quota the API applies, so the forms show the level and
// the quota warning the server will compute (it also weighs facts the form does not have: discipline, HD 21 mix).
export {
  checkQuota,
  computeRatingLevel,
  DEFAULT_POLICY,
  emptyLevelCounts,
  quotaApplies,
  RATING_LEVELS,
  RATING_STAGES,
  RATING_SUBJECT_KINDS,
  validateSelfAssessment,
} from '@chibo/domain';
export type {
  LevelCounts,
  Policy,
  QuotaCheck,
  RatingCapReason,
  RatingLevel,
  RatingPeriodKind,
  RatingRoundState,
  RatingScheme,
  RatingStage,
  RatingSubjectKind,
} from '@chibo/domain';
// Dashboard and alerts: the alert codes (labels in locales, alerts.code) and their severities.
export { ALERT_CODES, ALERT_SEVERITIES } from '@chibo/domain';
export type { AlertCode, AlertEntity, AlertSeverity } from '@chibo/domain';
export type {
  Attendance,
  AttendanceRate,
  AttendanceRow,
  FieldError,
  MeetingFormat,
  MeetingKind,
  MeetingMode,
  MeetingScore,
  MeetingState,
  ScoreLevel,
  ScoreSheet,
  VisitReportState,
} from '@chibo/domain';

// Compile-time coverage: every code the domain library defines has a label in both locale files,
// so a new code there fails `tsc` here until it is translated.
type Labels<K extends string> = Record<K, string>;
type Covered<L> = {
  errors: Labels<DomainErrorCode>;
  organisation: { kind: Labels<OrganisationKind>; committee: { roles: Labels<CommitteeRole> } };
  member: {
    status: Labels<MemberStatus>;
    exemptionKinds: Labels<ExemptionKind>;
    removalReasons: Labels<XoaTenReason>;
    events: { types: Labels<MemberEventType> };
    disciplines: { forms: Labels<DisciplineForm>; bodies: Labels<DecidingBody> };
  };
  meeting: {
    kind: Labels<MeetingKind>;
    format: Labels<MeetingFormat>;
    mode: Labels<MeetingMode>;
    state: Labels<MeetingState>;
    attendance: Labels<Attendance>;
    scoreLevel: Labels<ScoreLevel>;
    flagCode: Labels<MeetingFlagCode>;
  };
  visits: { reportState: Labels<VisitReportState> };
  inspections: { type: Labels<InspectionType>; state: Labels<InspectionState>; body: Labels<InspectingBody> };
  alerts: { code: Labels<AlertCode>; severity: Labels<AlertSeverity> };
  ratings: {
    level: Labels<RatingLevel>;
    subjectKind: Labels<RatingSubjectKind>;
    stage: Labels<RatingStage>;
    roundState: Labels<RatingRoundState>;
    periodKind: Labels<RatingPeriodKind>;
    capReason: Labels<RatingCapReason>;
    scheme: Labels<RatingScheme>;
  };
} extends infer C
  ? L extends C
    ? true
    : false
  : never;

// the Vietnamese texts of some screens load with them (locales/lazy/*.vi.json): they count as Vietnamese here
type AllVi = typeof vi & typeof import('../locales/lazy/visits.vi.json');
export const LOCALES_COVER_DOMAIN_CODES: [Covered<AllVi>, Covered<typeof en>] = [true, true];
