import {
  attendanceRate,
  type Attendance,
  type AttendanceRate,
  type ScoreSheet,
  type IsoDate,
} from '../../../lib/domain';
import { scoresPayload, scoreValuesFrom, type ScoreValues } from '../../../components/score-sheet-fields';
import type { CellMember } from '../api/get-cell-members';
import type { MeetingDetail } from '../api/fields';
import type { MeetingRecordInput } from '../../../gql/graphql';

// The record of a meeting as the form edits it, and its conversion to the API's MeetingRecordInput.

export type AttendanceDraft = { status: Attendance | null; reason: string; late: boolean; leftEarly: boolean };
export type TaskDraft = { key: string; text: string; assigneeMemberId: string | null; dueOn: IsoDate | null };

export type RecordDraft = {
  /** Member ids in the order the sheet lists them (the cell's members by name, then anyone else recorded). */
  order: string[];
  attendance: Record<string, AttendanceDraft>;
  actualStart: string;
  actualEnd: string;
  guests: string;
  minutes: string;
  resolution: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  tasks: TaskDraft[];
  scores: ScoreValues;
};

let taskSeq = 0;
export const newTaskKey = () => `task-${++taskSeq}`;

export const draftFrom = (
  meeting: MeetingDetail,
  members: CellMember[] | undefined,
  sheet: ScoreSheet,
): RecordDraft => {
  const recorded = new Map(meeting.attendance.map((a) => [a.memberId, a]));
  const order = [
    ...(members ?? []).map((m) => m.id),
    ...meeting.attendance.map((a) => a.memberId).filter((id) => !(members ?? []).some((m) => m.id === id)),
  ];
  const attendance: Record<string, AttendanceDraft> = {};
  for (const id of order) {
    const r = recorded.get(id);
    const member = members?.find((m) => m.id === id);
    attendance[id] = r
      ? { status: r.status, reason: r.reason ?? '', late: r.late, leftEarly: r.leftEarly }
      : // members exempt from party meetings are marked so from the start; everyone else is still to be marked
        { status: member?.exemption ? 'EXEMPT' : null, reason: '', late: false, leftEarly: false };
  }
  const planned = meeting.state === 'PLANNED';
  return {
    order,
    attendance,
    actualStart: meeting.actualStart ?? (planned ? (meeting.startTime ?? '') : ''),
    actualEnd: meeting.actualEnd ?? (planned ? (meeting.endTime ?? '') : ''),
    guests: meeting.guests ?? '',
    minutes: meeting.minutes ?? '',
    resolution: meeting.resolution ?? '',
    votesFor: meeting.votesFor,
    votesAgainst: meeting.votesAgainst,
    votesAbstain: meeting.votesAbstain,
    tasks: meeting.tasks.map((task) => ({
      key: newTaskKey(),
      text: task.text,
      assigneeMemberId: task.assigneeMemberId,
      dueOn: task.dueOn,
    })),
    scores: scoreValuesFrom(sheet, meeting.selfAssessment),
  };
};

/** Live attendance over the members marked so far, with the rule the API uses (`attendanceRate`). */
export const liveRate = (
  draft: RecordDraft,
): AttendanceRate & { unmarked: number; excused: number; unexcused: number; exempt: number } => {
  const rows = draft.order
    .map((memberId) => ({ memberId, status: draft.attendance[memberId]?.status }))
    .filter((r): r is { memberId: string; status: Attendance } => r.status !== null && r.status !== undefined);
  const count = (s: Attendance) => rows.filter((r) => r.status === s).length;
  return {
    ...attendanceRate(rows),
    unmarked: draft.order.length - rows.length,
    excused: count('ABSENT_EXCUSED'),
    unexcused: count('ABSENT_UNEXCUSED'),
    exempt: count('EXEMPT'),
  };
};

/**
 * The whole record as MeetingRecordInput. Times and votes are sent only when given (the API cannot clear
 * them); texts are sent as they are (an empty text clears); the self-assessment only when complete.
 */
export const toRecordInput = (draft: RecordDraft, includeScores: boolean): MeetingRecordInput => {
  const input: MeetingRecordInput = {
    attendance: draft.order
      .filter((id) => draft.attendance[id]?.status)
      .map((memberId) => {
        const a = draft.attendance[memberId];
        const status = a.status as Attendance;
        return {
          memberId,
          status,
          ...(status === 'ABSENT_EXCUSED' && a.reason.trim() ? { reason: a.reason.trim() } : {}),
          ...(status === 'PRESENT' ? { late: a.late, leftEarly: a.leftEarly } : {}),
        };
      }),
    guests: draft.guests.trim(),
    minutes: draft.minutes,
    resolution: draft.resolution,
    tasks: draft.tasks
      .filter((task) => task.text.trim() || task.assigneeMemberId || task.dueOn)
      .map((task) => ({
        text: task.text.trim(),
        ...(task.assigneeMemberId ? { assigneeMemberId: task.assigneeMemberId } : {}),
        ...(task.dueOn ? { dueOn: task.dueOn } : {}),
      })),
  };
  if (draft.actualStart) input.actualStart = draft.actualStart;
  if (draft.actualEnd) input.actualEnd = draft.actualEnd;
  if (draft.votesFor !== null) input.votesFor = draft.votesFor;
  if (draft.votesAgainst !== null) input.votesAgainst = draft.votesAgainst;
  if (draft.votesAbstain !== null) input.votesAbstain = draft.votesAbstain;
  if (includeScores) input.selfAssessment = scoresPayload(draft.scores);
  return input;
};

/** The fields of `next` that differ from `before` (an amendment records only what changed). */
export const changedFields = (before: MeetingRecordInput, next: MeetingRecordInput): MeetingRecordInput => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])) out[k] = v;
  }
  return out as MeetingRecordInput;
};
