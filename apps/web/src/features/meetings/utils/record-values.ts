import type { MeetingRecordValues } from '../../../lib/domain';
import type { MeetingDetail } from '../api/fields';

/** The record of a meeting as the server has it, in the API's MeetingRecordInput terms (for the offline merge). */
export const recordValuesOf = (m: MeetingDetail): MeetingRecordValues => ({
  actualStart: m.actualStart,
  actualEnd: m.actualEnd,
  guests: m.guests,
  minutes: m.minutes,
  resolution: m.resolution,
  votesFor: m.votesFor,
  votesAgainst: m.votesAgainst,
  votesAbstain: m.votesAbstain,
  selfAssessment: m.selfAssessment ?? null,
  tasks: m.tasks.map((t) => ({ text: t.text, assigneeMemberId: t.assigneeMemberId, dueOn: t.dueOn })),
  attendance: m.attendance.map((a) => ({
    memberId: a.memberId,
    status: a.status,
    reason: a.reason,
    late: a.late,
    leftEarly: a.leftEarly,
  })),
});
