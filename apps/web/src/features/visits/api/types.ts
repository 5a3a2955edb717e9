import type { IsoDate } from '../../../lib/api-types';
import type { MeetingKind, MeetingState } from '../../../lib/domain';

export type VisitAssignment = {
  id: string;
  cellId: string;
  from: IsoDate;
  to: IsoDate | null;
  requiredPerYear: number | null;
  visitorUserId: string;
  visitorName: string;
};

export type Visit = {
  id: string;
  meetingId: string;
  cellId: string;
  date: IsoDate;
  visitorUserId: string;
  visitorName: string;
  attended: boolean;
  scores: Record<string, number> | null;
  total: number | null;
  maxTotal: number | null;
  level: string | null;
  selfTotal: number | null;
  scoreGapWarning: boolean;
  guidance: string | null;
  issues: string | null;
  followUp: string | null;
};

export type VisitMeeting = {
  id: string;
  organisationId: string;
  organisation: { id: string; name: string } | null;
  kind: MeetingKind;
  title: string;
  date: IsoDate;
  startTime: string | null;
  endTime: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  place: string | null;
  state: MeetingState;
  attendanceRate: { present: number; expected: number; percent: number | null };
  selfTotal: number | null;
};

export type VisitMeetingDetail = VisitMeeting & { visitRecords: Visit[] };

export type RecordVisitInput = {
  meetingId: string;
  attended: boolean;
  scores?: Record<string, number>;
  guidance?: string;
  issues?: string;
  followUp?: string;
};

export type VisitReportLine = {
  visitorUserId: string;
  visitorName: string;
  assignedCells: number;
  visits: number;
  scored: number;
  unscored: number;
  cellsNotVisited: string[];
  state: string;
  dueOn: IsoDate;
  submittedOn: IsoDate | null;
  items: Visit[];
};

export type VisitReport = { month: string; lines: VisitReportLine[] };
