import type { IsoDate, MemberStatus, OrganisationKind } from '../../../lib/api-types';
import type { AlertCode, AlertEntity, AlertSeverity, MeetingKind, RatingLevel, RatingSubjectKind } from '../../../lib/domain';

// Shapes of apps/api/schema.gql (dashboard, alerts and the lists behind their figures) used by this feature.

export type DashboardParams = { organisationId: string; asOf: IsoDate; year: number };

export type OrgRef = { id: string; name: string };

export type StatusCount = { status: MemberStatus; count: number };

export type TrendPoint = { year: number; date: IsoDate; members: number; fullMembers: number; probationaryMembers: number; admissions: number };

export type MembersSection = {
  members: number;
  fullMembers: number;
  probationaryMembers: number;
  exemptMembers: number;
  admissions: number;
  yearStart: IsoDate;
  membersAtYearStart: number;
  leftInPeriod: StatusCount[];
  trend: TrendPoint[];
};

export type MeetingsSection = {
  from: IsoDate;
  to: IsoDate;
  cells: number;
  cellsBehind: number;
  behindPercent: number | null;
  attendancePercent: number | null;
  regularHeld: number;
  thematicHeld: number;
  held: number;
  byKind: { kind: MeetingKind; count: number }[];
};

export type VisitsSection = {
  asOf: IsoDate;
  assignments: number;
  assignmentsBehind: number;
  behindPercent: number | null;
  required: number;
  done: number;
  scored: number;
  unscored: number;
  cells: number;
  cellsWithoutVisitor: number;
};

export type AlertCodeCount = { code: AlertCode; severity: AlertSeverity; count: number };
export type SeverityCount = { severity: AlertSeverity; count: number };
export type AlertSummary = { total: number; countsByCode: AlertCodeCount[]; countsBySeverity: SeverityCount[] };

export type ChildFigures = {
  organisation: { id: string; code: string; name: string; kind: OrganisationKind };
  members: number;
  cells: number;
  cellsBehind: number;
  behindPercent: number | null;
  visitAssignments: number;
  visitAssignmentsBehind: number;
  alerts: number;
  alertErrors: number;
};

export type Dashboard = {
  organisation: { id: string; name: string; kind: OrganisationKind; ancestors: OrgRef[] };
  asOf: IsoDate;
  year: number;
  from: IsoDate;
  to: IsoDate;
  members: MembersSection;
  meetings: MeetingsSection;
  visits: VisitsSection;
  children: ChildFigures[];
  alerts: AlertSummary;
};

export type InspectionTargetFigures = {
  referenceDate: IsoDate;
  subjectCount: number;
  metCount: number;
  behindCount: number;
  percent: number | null;
  projectedMetCount: number;
  projectedPercent: number | null;
};

export type RatingFigureSet = {
  total: number;
  rated: number;
  notRated: number;
  wellCompletedOrBetter: { count: number; percent: number | null };
  excellentOfWellCompletedOrBetter: number | null;
  levels: { level: RatingLevel; count: number; percent: number | null }[];
};

export type RatingFigures = { asOf: IsoDate; year: number; groups: { subjectKind: RatingSubjectKind; current: RatingFigureSet }[] };

/** The parameters /ratings sends for a year (the tree of 31 December unless the header picks another day). */
export type RatingParams = { organisationId: string; year: number; asOf?: IsoDate };

export type AdmissionProgress = {
  from: IsoDate;
  to: IsoDate;
  admitted: number;
  target: number;
  percent: number | null;
  met: boolean;
  remaining: number;
  targetKind: string;
  targetPercent: number | null;
  membersAtTermStart: number;
  termStart: IsoDate;
};

export type AlertItem = {
  code: AlertCode;
  severity: AlertSeverity;
  entity: AlertEntity;
  message: string;
  messageEn: string;
  organisation: { id: string; code: string; name: string };
  memberId: string | null;
  memberName: string | null;
  meetingId: string | null;
  visitId: string | null;
  dueOn: IsoDate | null;
};

export type AlertList = AlertSummary & { asOf: IsoDate; year: number; offset: number; limit: number; items: AlertItem[] };

export type AlertsParams = { organisationId: string; asOf: IsoDate; year: number; codes: AlertCode[]; offset: number; limit: number };

// The lists behind figures that no screen shows yet (opened in a drawer).
export type MemberRow = { id: string; fullName: string; status: MemberStatus; organisation: OrgRef | null };
export type MemberListFilter = {
  organisationId: string;
  statuses?: MemberStatus[];
  exempt?: boolean;
  admittedFrom?: IsoDate;
  admittedTo?: IsoDate;
  leftFrom?: IsoDate;
  leftTo?: IsoDate;
};

export type MeetingRow = { id: string; title: string; date: IsoDate; kind: MeetingKind; state: string; organisation: OrgRef };

export type VisitCoverageLine = {
  behind: boolean;
  required: number;
  dueSoFar: number;
  done: number;
  scored: number;
  unscored: number;
  cell: { id: string; name: string; parent: OrgRef | null };
  assignment: { id: string; visitorName: string };
};

export type VisitCoverage = { asOf: IsoDate; lines: VisitCoverageLine[]; unassignedCells: { id: string; name: string; parent: OrgRef | null }[] };
