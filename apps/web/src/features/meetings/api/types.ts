import type { IsoDate, IsoDateTime, MemberStatus, OrganisationKind } from '../../../lib/api-types';
import type { Attendance, MeetingFormat, MeetingKind, MeetingMode, MeetingState } from '../../../lib/domain';

export type AttendanceRateView = { present: number; expected: number; percent: number | null };

// message is Vietnamese, messageEn English (the API words each flag from its figures)
export type MeetingFlag = { code: string; severity: string; message: string; messageEn: string };

export type MeetingListItem = {
  id: string;
  organisationId: string;
  organisation: { id: string; name: string } | null; // null when the cell is outside the caller's scope (a visitor)
  kind: MeetingKind;
  title: string;
  date: IsoDate;
  startTime: string | null;
  endTime: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  place: string | null;
  state: MeetingState;
  attendanceRate: AttendanceRateView;
  flags: MeetingFlag[];
};

export type AttendanceRecord = { memberId: string; status: Attendance; reason: string | null; late: boolean; leftEarly: boolean };
export type MeetingTask = { text: string; assigneeMemberId: string | null; dueOn: IsoDate | null };

export type MeetingAmendment = {
  id: string;
  reason: string;
  amendedAt: IsoDateTime;
  amendedBy: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

export type MeetingVisit = {
  id: string;
  visitorUserId: string;
  visitorName: string;
  attended: boolean;
  total: number | null;
  maxTotal: number | null;
  level: string | null;
  selfTotal: number | null;
  scoreGapWarning: boolean;
  guidance: string | null;
  issues: string | null;
  followUp: string | null;
};

export type MeetingDetail = MeetingListItem & {
  mode: MeetingMode;
  format: MeetingFormat;
  formatNote: string | null;
  theme: string | null;
  topics: string[];
  chairMemberId: string | null;
  minuteTakerMemberId: string | null;
  guests: string | null;
  minutes: string | null;
  resolution: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  tasks: MeetingTask[];
  selfAssessment: Record<string, number> | null;
  selfTotal: number | null;
  cancelledReason: string | null;
  closedAt: IsoDateTime | null;
  attendance: AttendanceRecord[];
  amendments: MeetingAmendment[];
  documentList: MeetingDocument[];
  visitRecords: MeetingVisit[];
};

export type MeetingPage = { items: MeetingListItem[]; total: number; offset: number; limit: number };

export type CellMember = { id: string; fullName: string; status: MemberStatus; exemption: string | null };

export type OrganisationInfo = {
  id: string;
  name: string;
  kind: OrganisationKind;
  parent: { id: string; name: string; kind: OrganisationKind } | null;
  ancestors: { id: string; name: string; kind: OrganisationKind }[];
  committee: { role: string; member: { id: string; fullName: string } | null }[];
};

/** The plan fields (createMeeting / updateMeeting). */
export type MeetingPlanInput = {
  kind?: MeetingKind;
  title?: string;
  date?: IsoDate;
  startTime?: string | null;
  endTime?: string | null;
  place?: string | null;
  mode?: MeetingMode;
  format?: MeetingFormat;
  formatNote?: string | null;
  theme?: string | null;
  topics?: string[];
  chairMemberId?: string | null;
  minuteTakerMemberId?: string | null;
};

export type CreateMeetingInput = MeetingPlanInput & { organisationId: string; kind: MeetingKind; title: string; date: IsoDate };

export type AttendanceInput = { memberId: string; status: Attendance; reason?: string; late?: boolean; leftEarly?: boolean };
export type MeetingTaskInput = { text: string; assigneeMemberId?: string; dueOn?: IsoDate };

/** The record of a held meeting (recordMeeting / amendMeeting); omitted fields keep their value. */
export type MeetingRecordInput = {
  actualStart?: string;
  actualEnd?: string;
  attendance?: AttendanceInput[];
  guests?: string;
  minutes?: string;
  resolution?: string;
  votesFor?: number;
  votesAgainst?: number;
  votesAbstain?: number;
  tasks?: MeetingTaskInput[];
  selfAssessment?: Record<string, number>;
};

export const CELL_KINDS: readonly OrganisationKind[] = ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'];
export const isCellKind = (kind: OrganisationKind | undefined | null): boolean => Boolean(kind && CELL_KINDS.includes(kind));

export type MeetingDocument = {
  id: string;
  kind: 'FILE' | 'LINK';
  name: string;
  url: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  createdAt: IsoDateTime;
};
