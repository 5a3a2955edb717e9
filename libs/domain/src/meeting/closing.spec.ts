import { meetingCloseProblems, type MeetingCloseInput } from './closing';

const complete: MeetingCloseInput = {
  chairMemberId: 'c',
  minuteTakerMemberId: 't',
  minutes: 'Biên bản',
  resolution: 'Nghị quyết',
  votesFor: 15,
  votesAgainst: 1,
  votesAbstain: 1,
  attendanceRows: 19,
  present: 17,
};
const codes = (m: Partial<MeetingCloseInput>) =>
  meetingCloseProblems({ ...complete, ...m }).map((p) => `${p.field}:${p.code}`);

describe('meetingCloseProblems', () => {
  it('accepts a complete record, and a record without a resolution needs no vote', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ resolution: null, votesFor: null, votesAgainst: null, votesAbstain: null })).toEqual([]);
  });

  it('names each missing part of the minutes, in the order of the form', () => {
    expect(
      codes({
        chairMemberId: null,
        minuteTakerMemberId: null,
        attendanceRows: 0,
        present: 0,
        minutes: '  ',
        votesFor: null,
        votesAgainst: null,
        votesAbstain: null,
      }),
    ).toEqual([
      'chairMemberId:MEETING_NO_CHAIR',
      'minuteTakerMemberId:MEETING_NO_MINUTE_TAKER',
      'attendance:MEETING_NO_ATTENDANCE',
      'minutes:MEETING_NO_MINUTES',
      'votesFor:RESOLUTION_NOT_VOTED',
    ]);
  });

  it('counts a vote of zero for as a vote, and refuses more votes than members present (17 present: 17 pass, 18 fail)', () => {
    expect(codes({ votesFor: 0, votesAgainst: null, votesAbstain: null })).toEqual([]);
    expect(codes({ votesFor: 15, votesAgainst: 1, votesAbstain: 1 })).toEqual([]);
    expect(codes({ votesFor: 16, votesAgainst: 1, votesAbstain: 1 })).toEqual(['votesFor:VOTES_EXCEED_PRESENT']);
  });
});
