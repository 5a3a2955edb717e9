import { mergeMeetingRecord, recordConflicts, resolveMeetingRecord, type MeetingRecordValues } from './record-merge';

type AttendanceLine = NonNullable<MeetingRecordValues['attendance']>[number];
const lineA: AttendanceLine = { memberId: 'a', status: 'PRESENT', late: false, leftEarly: false };
const lineB: AttendanceLine = { memberId: 'b', status: 'ABSENT_EXCUSED', reason: 'Ốm' };

const base: MeetingRecordValues = {
  minutes: 'Biên bản',
  resolution: '',
  guests: null,
  votesFor: null,
  attendance: [lineA, lineB],
  tasks: [],
};

const outcome = (merges: ReturnType<typeof mergeMeetingRecord>, field: string) =>
  merges.find((m) => m.field === field)?.outcome;

describe('mergeMeetingRecord', () => {
  it("takes the device's change where the server did not change the field, and the server's where the device did not", () => {
    const local = { ...base, minutes: 'Biên bản đầy đủ', votesFor: 12 };
    const server = { ...base, resolution: 'Nghị quyết tháng 12' };
    const merges = mergeMeetingRecord(base, local, server);
    expect(outcome(merges, 'minutes')).toBe('local');
    expect(outcome(merges, 'votesFor')).toBe('local');
    expect(outcome(merges, 'resolution')).toBe('server');
    expect(outcome(merges, 'guests')).toBe('same');
    expect(recordConflicts(merges)).toEqual([]);
    const { record, missing } = resolveMeetingRecord(merges, {});
    expect(missing).toEqual([]);
    expect(record).toMatchObject({
      minutes: 'Biên bản đầy đủ',
      resolution: 'Nghị quyết tháng 12',
      guests: '',
      votesFor: 12,
    });
  });

  it('reports a field both changed to different values as a conflict, decided per field', () => {
    const local = { ...base, minutes: 'Bản trên điện thoại' };
    const server = { ...base, minutes: 'Bản trên máy chủ', resolution: 'NQ' };
    const merges = mergeMeetingRecord(base, local, server);
    expect(recordConflicts(merges).map((m) => m.field)).toEqual(['minutes']);
    expect(resolveMeetingRecord(merges, {}).missing).toEqual(['minutes']);
    expect(resolveMeetingRecord(merges, { minutes: 'local' }).record.minutes).toBe('Bản trên điện thoại');
    expect(resolveMeetingRecord(merges, { minutes: 'server' }).record.minutes).toBe('Bản trên máy chủ');
    expect(resolveMeetingRecord(merges, { minutes: 'local' }).record.resolution).toBe('NQ');
  });

  it('does not call equal changes on both sides a conflict', () => {
    const both = { ...base, minutes: 'Giống nhau' };
    expect(outcome(mergeMeetingRecord(base, both, both), 'minutes')).toBe('same');
  });

  it('compares attendance member by member', () => {
    const local: MeetingRecordValues = {
      ...base,
      attendance: [{ memberId: 'a', status: 'ABSENT_UNEXCUSED' }, lineB, { memberId: 'c', status: 'PRESENT' }],
    };
    const server: MeetingRecordValues = {
      ...base,
      attendance: [lineA, { memberId: 'b', status: 'PRESENT', late: true }],
    };
    const merges = mergeMeetingRecord(base, local, server);
    expect(outcome(merges, 'attendance:a')).toBe('local');
    expect(outcome(merges, 'attendance:b')).toBe('server');
    expect(outcome(merges, 'attendance:c')).toBe('local');
    const { record } = resolveMeetingRecord(merges, {});
    expect(record.attendance).toEqual([
      { memberId: 'a', status: 'ABSENT_UNEXCUSED' },
      { memberId: 'b', status: 'PRESENT', late: true, leftEarly: false },
      { memberId: 'c', status: 'PRESENT', late: false, leftEarly: false },
    ]);
  });

  it("conflicts on one member's line marked differently on both sides", () => {
    const local: MeetingRecordValues = {
      ...base,
      attendance: [{ memberId: 'a', status: 'ABSENT_EXCUSED', reason: 'Công tác' }, lineB],
    };
    const server: MeetingRecordValues = { ...base, attendance: [{ memberId: 'a', status: 'ABSENT_UNEXCUSED' }, lineB] };
    const merges = mergeMeetingRecord(base, local, server);
    expect(recordConflicts(merges).map((m) => m.field)).toEqual(['attendance:a']);
    expect(resolveMeetingRecord(merges, { 'attendance:a': 'server' }).record.attendance?.[0]).toEqual({
      memberId: 'a',
      status: 'ABSENT_UNEXCUSED',
    });
  });

  it('ignores what does not count: a reason on a present member, key order, blank guests', () => {
    const local: MeetingRecordValues = {
      ...base,
      guests: '  ',
      attendance: [{ leftEarly: false, late: false, status: 'PRESENT', memberId: 'a', reason: 'x' }, lineB],
    };
    expect(recordConflicts(mergeMeetingRecord(base, local, base))).toEqual([]);
    expect(mergeMeetingRecord(base, local, base).every((m) => m.outcome === 'same')).toBe(true);
  });

  it('leaves out times and votes that are empty (the API cannot clear them) but always sends texts and lists', () => {
    const { record } = resolveMeetingRecord(mergeMeetingRecord({}, {}, {}), {});
    expect(record).toEqual({ guests: '', minutes: '', resolution: '', tasks: [], attendance: [] });
  });

  it('compares tasks as one list', () => {
    const local = { ...base, tasks: [{ text: 'Thu đảng phí', dueOn: '2026-12-31' }] };
    const server = { ...base, tasks: [{ text: 'Họp chi ủy' }] };
    const merges = mergeMeetingRecord(base, local, server);
    expect(recordConflicts(merges).map((m) => m.field)).toEqual(['tasks']);
    expect(resolveMeetingRecord(merges, { tasks: 'local' }).record.tasks).toEqual([
      { text: 'Thu đảng phí', dueOn: '2026-12-31' },
    ]);
  });
});
