/**
 * What a cell meeting's record must hold before it is closed (the minutes are adopted and the record becomes an
 * official document; later corrections go through an amendment with a reason). The minutes of a cell meeting name
 * the person presiding and the minute-taker appointed when the agenda is adopted, record attendance by name, and
 * record the vote on the resolution or conclusion (by show of hands or party card) — see docs/rules.md#r-meeting-close.
 */
export type MeetingCloseInput = {
  chairMemberId: string | null;
  minuteTakerMemberId: string | null;
  minutes: string | null;
  resolution: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  /** Members on the attendance sheet (any status). */
  attendanceRows: number;
  /** Members marked present. */
  present: number;
};

export type MeetingCloseProblemCode =
  | 'MEETING_NO_CHAIR'
  | 'MEETING_NO_MINUTE_TAKER'
  | 'MEETING_NO_ATTENDANCE'
  | 'MEETING_NO_MINUTES'
  | 'RESOLUTION_NOT_VOTED'
  | 'VOTES_EXCEED_PRESENT';

export type MeetingCloseProblem = { field: string; code: MeetingCloseProblemCode; message: string };

const blank = (s: string | null | undefined): boolean => !s || s.trim() === '';

/**
 * The reasons a meeting cannot be closed yet, in the order of the record form; empty when it can. A resolution
 * (or conclusion) must carry its vote; the votes cast cannot exceed the members present.
 */
export const meetingCloseProblems = (m: MeetingCloseInput): MeetingCloseProblem[] => {
  const out: MeetingCloseProblem[] = [];
  if (!m.chairMemberId)
    out.push({ field: 'chairMemberId', code: 'MEETING_NO_CHAIR', message: 'Who presided is not recorded' });
  if (!m.minuteTakerMemberId)
    out.push({
      field: 'minuteTakerMemberId',
      code: 'MEETING_NO_MINUTE_TAKER',
      message: 'The minute-taker is not recorded',
    });
  if (m.attendanceRows === 0)
    out.push({ field: 'attendance', code: 'MEETING_NO_ATTENDANCE', message: 'Attendance is not recorded' });
  if (blank(m.minutes)) out.push({ field: 'minutes', code: 'MEETING_NO_MINUTES', message: 'The minutes are empty' });
  const voted = m.votesFor !== null || m.votesAgainst !== null || m.votesAbstain !== null;
  if (!blank(m.resolution) && !voted)
    out.push({ field: 'votesFor', code: 'RESOLUTION_NOT_VOTED', message: 'The resolution has no recorded vote' });
  const cast = (m.votesFor ?? 0) + (m.votesAgainst ?? 0) + (m.votesAbstain ?? 0);
  if (voted && cast > m.present) {
    out.push({
      field: 'votesFor',
      code: 'VOTES_EXCEED_PRESENT',
      message: `${cast} votes recorded for ${m.present} members present`,
    });
  }
  return out;
};
