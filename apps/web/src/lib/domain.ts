// The one place the web app touches @chibo/domain (libs/domain): keep this surface small.
import type {
  Attendance,
  CommitteeRole,
  DecidingBody,
  DisciplineForm,
  DomainErrorCode,
  ExemptionKind,
  MeetingFlagCode,
  MeetingFormat,
  MeetingKind,
  MeetingMode,
  MeetingState,
  MemberEventType,
  MemberStatus,
  OrganisationKind,
  ScoreLevel,
  VisitReportState,
  XoaTenReason,
} from '@chibo/domain';
import type en from '../locales/en.json';
import type vi from '../locales/vi.json';

export { foldVietnamese, formatNumberVi, formatPercentVi, percent } from '@chibo/domain';

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
  SCORE_LEVELS,
  scoreMeeting,
  scoreSheetMax,
  validateScoreSheet,
} from '@chibo/domain';
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
} extends infer C
  ? L extends C
    ? true
    : false
  : never;

export const LOCALES_COVER_DOMAIN_CODES: [Covered<typeof vi>, Covered<typeof en>] = [true, true];
