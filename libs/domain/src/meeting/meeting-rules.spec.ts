import { isDomainError } from '../errors';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import type { AttendanceRow } from './attendance';
import { MEETING_KINDS, type MeetingKind } from './kinds';
import {
  durationMinutes,
  durationShort,
  formatMeetingFlag,
  isPublished,
  MEETING_FLAG_LABELS,
  meetingFlags,
  minimumDuration,
  minutesDueOn,
  type MeetingFlagInput,
} from './meeting-rules';

const withPolicy = (meeting: Partial<typeof DEFAULT_POLICY.meeting>) =>
  resolvePolicy([{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { meeting } }], '2026-01-01');

const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(isDomainError(e, 'VALIDATION')).toBe(true);
    return (e as { field?: string }).field;
  }
  throw new Error('expected a throw');
};

const present = (n: number, prefix = 'p'): AttendanceRow[] =>
  Array.from({ length: n }, (_, i) => ({ memberId: `${prefix}${i}`, status: 'PRESENT' as const }));

describe('durationMinutes', () => {
  it.each([
    ['08:00', '09:30', 90],
    ['08:00', '09:29', 89],
    ['14:00', '16:00', 120],
    ['14:00', '15:59', 119],
    ['00:00', '23:59', 1439],
    ['07:05', '07:06', 1],
  ])('%s–%s = %i', (s, e, n) => expect(durationMinutes(s, e)).toBe(n));

  it.each(['8:00', '24:00', '12:60', '', '12:00:00', 'ab:cd', ' 08:00'])('rejects start %p (field startTime)', (s) => {
    expect(fieldOf(() => durationMinutes(s, '23:00'))).toBe('startTime');
  });

  it.each(['9:30', '24:00', '23:60', 'x'])('rejects end %p (field endTime)', (e) => {
    expect(fieldOf(() => durationMinutes('08:00', e))).toBe('endTime');
  });

  it('requires the end after the start on the same day', () => {
    expect(fieldOf(() => durationMinutes('08:00', '08:00'))).toBe('endTime');
    expect(fieldOf(() => durationMinutes('20:00', '01:00'))).toBe('endTime');
  });
});

describe('durationShort / minimumDuration', () => {
  it.each(['REGULAR', 'THEMATIC', 'IDEOLOGICAL'] as const)('%s: 89 short, 90 enough', (kind) => {
    expect(minimumDuration(kind, DEFAULT_POLICY)).toBe(90);
    expect(durationShort(kind, 89, DEFAULT_POLICY)).toBe(true);
    expect(durationShort(kind, 90, DEFAULT_POLICY)).toBe(false);
  });

  it('COMBINED: 119 short, 120 enough (90 is not enough)', () => {
    expect(minimumDuration('COMBINED', DEFAULT_POLICY)).toBe(120);
    expect(durationShort('COMBINED', 90, DEFAULT_POLICY)).toBe(true);
    expect(durationShort('COMBINED', 119, DEFAULT_POLICY)).toBe(true);
    expect(durationShort('COMBINED', 120, DEFAULT_POLICY)).toBe(false);
  });

  it.each(['CONGRESS', 'EXTRAORDINARY'] as const)('%s is exempt', (kind) => {
    expect(minimumDuration(kind, DEFAULT_POLICY)).toBeNull();
    expect(durationShort(kind, 1, DEFAULT_POLICY)).toBe(false);
  });

  it('follows the policy', () => {
    const p = withPolicy({ minDurationMinutes: 60, minCombinedDurationMinutes: 100 });
    expect(durationShort('REGULAR', 60, p)).toBe(false);
    expect(durationShort('REGULAR', 59, p)).toBe(true);
    expect(durationShort('COMBINED', 99, p)).toBe(true);
  });
});

describe('meetingFlags', () => {
  const input = (over: Partial<MeetingFlagInput> = {}): MeetingFlagInput => ({
    kind: 'REGULAR',
    date: '2026-05-28',
    state: 'HELD',
    startTime: '08:00',
    endTime: '09:30',
    rows: present(10),
    minutesPresent: true,
    resolutionPresent: true,
    asOf: '2026-05-28',
    ...over,
  });
  const codes = (over: Partial<MeetingFlagInput> = {}, policy = DEFAULT_POLICY) =>
    meetingFlags(input(over), policy).map((f) => f.code);

  it('flags nothing for a good meeting', () => {
    expect(meetingFlags(input(), DEFAULT_POLICY)).toEqual([]);
  });

  it('ATTENDANCE_LOW below 85%, with exempt members excluded', () => {
    const rows = (p: number, a: number): AttendanceRow[] => [
      ...present(p),
      ...Array.from({ length: a }, (_, i) => ({ memberId: `a${i}`, status: 'ABSENT_EXCUSED' as const })),
    ];
    expect(codes({ rows: rows(17, 3) })).toEqual([]);
    expect(meetingFlags(input({ rows: rows(16, 4) }), DEFAULT_POLICY)).toEqual([
      { code: 'ATTENDANCE_LOW', severity: 'warning', params: { percent: 80, minimum: 85, present: 16, expected: 20 } },
    ]);
    expect(codes({ rows: [...rows(17, 3), { memberId: 'x', status: 'EXEMPT' }] })).toEqual([]);
    expect(codes({ rows: [] })).toEqual([]);
  });

  it('UNEXCUSED_ABSENCE counts the unexcused', () => {
    const rows: AttendanceRow[] = [
      ...present(20),
      { memberId: 'u1', status: 'ABSENT_UNEXCUSED' },
      { memberId: 'u2', status: 'ABSENT_UNEXCUSED' },
    ];
    expect(meetingFlags(input({ rows }), DEFAULT_POLICY)).toEqual([
      { code: 'UNEXCUSED_ABSENCE', severity: 'warning', params: { count: 2 } },
    ]);
  });

  it('ABSENCE_STREAK only for streaks ending on this meeting and reaching the limit', () => {
    const streaks = [
      { memberId: 'm1', count: 3, from: '2026-03-28', to: '2026-05-28' },
      { memberId: 'm2', count: 4, from: '2026-01-28', to: '2026-04-28' },
      { memberId: 'm3', count: 2, from: '2026-04-28', to: '2026-05-28' },
    ];
    expect(meetingFlags(input({ streaks }), DEFAULT_POLICY)).toEqual([
      {
        code: 'ABSENCE_STREAK',
        severity: 'warning',
        params: { memberId: 'm1', count: 3, from: '2026-03-28', to: '2026-05-28', limit: 3 },
      },
    ]);
  });

  it('DURATION_SHORT at 89 / 119 minutes, not at 90 / 120; none without both times', () => {
    expect(codes({ endTime: '09:29' })).toEqual(['DURATION_SHORT']);
    expect(meetingFlags(input({ endTime: '09:29' }), DEFAULT_POLICY)[0]?.params).toEqual({ minutes: 89, minimum: 90 });
    expect(codes({ kind: 'COMBINED', endTime: '09:59' })).toEqual(['DURATION_SHORT']);
    expect(codes({ kind: 'COMBINED', endTime: '10:00' })).toEqual([]);
    expect(codes({ kind: 'CONGRESS', endTime: '08:30' })).toEqual([]);
    expect(codes({ startTime: null, endTime: '08:30' })).toEqual([]);
    expect(codes({ startTime: '08:00', endTime: null })).toEqual([]);
    expect(fieldOf(() => meetingFlags(input({ endTime: '07:00' }), DEFAULT_POLICY))).toBe('endTime');
  });

  it('MINUTES_MISSING / RESOLUTION_MISSING only after date + 3 days', () => {
    const missing = { minutesPresent: false, resolutionPresent: false };
    expect(minutesDueOn('2026-05-28', DEFAULT_POLICY)).toBe('2026-05-31');
    expect(codes({ ...missing, asOf: '2026-05-31' })).toEqual([]);
    expect(meetingFlags(input({ ...missing, asOf: '2026-06-01' }), DEFAULT_POLICY)).toEqual([
      { code: 'MINUTES_MISSING', severity: 'error', params: { dueOn: '2026-05-31', daysLate: 1 } },
      { code: 'RESOLUTION_MISSING', severity: 'error', params: { dueOn: '2026-05-31', daysLate: 1 } },
    ]);
    expect(codes({ minutesPresent: false, asOf: '2026-07-01' })).toEqual(['MINUTES_MISSING']);
    expect(codes({ resolutionPresent: false, asOf: '2026-07-01' })).toEqual(['RESOLUTION_MISSING']);
    expect(codes({ ...missing, state: 'CLOSED', asOf: '2026-06-01' })).toEqual([
      'MINUTES_MISSING',
      'RESOLUTION_MISSING',
    ]);
    expect(codes({ ...missing, asOf: '2026-06-01' }, withPolicy({ minutesDueDays: 7 }))).toEqual([]);
  });

  it('due days cross February correctly in common and leap years', () => {
    const missing = { minutesPresent: false, resolutionPresent: true };
    expect(minutesDueOn('2027-02-27', DEFAULT_POLICY)).toBe('2027-03-02');
    expect(minutesDueOn('2028-02-27', DEFAULT_POLICY)).toBe('2028-03-01');
    expect(codes({ ...missing, date: '2028-02-27', asOf: '2028-03-01' })).toEqual([]);
    expect(codes({ ...missing, date: '2028-02-27', asOf: '2028-03-02' })).toEqual(['MINUTES_MISSING']);
    expect(codes({ ...missing, date: '2027-02-27', asOf: '2027-03-02' })).toEqual([]);
    expect(codes({ ...missing, date: '2027-02-27', asOf: '2027-03-03' })).toEqual(['MINUTES_MISSING']);
  });

  it('keeps the documented order when everything is wrong', () => {
    const rows: AttendanceRow[] = [
      ...present(5),
      { memberId: 'u', status: 'ABSENT_UNEXCUSED' },
      { memberId: 'v', status: 'ABSENT_EXCUSED' },
    ];
    const streaks = [{ memberId: 'u', count: 3, from: '2026-03-28', to: '2026-05-28' }];
    expect(
      codes({ rows, streaks, endTime: '08:45', minutesPresent: false, resolutionPresent: false, asOf: '2026-06-30' }),
    ).toEqual([
      'ATTENDANCE_LOW',
      'UNEXCUSED_ABSENCE',
      'ABSENCE_STREAK',
      'DURATION_SHORT',
      'MINUTES_MISSING',
      'RESOLUTION_MISSING',
    ]);
  });

  it('CANCELLED: nothing; PLANNED: only the planned duration', () => {
    const bad = {
      rows: [{ memberId: 'u', status: 'ABSENT_UNEXCUSED' as const }],
      endTime: '08:30',
      minutesPresent: false,
      resolutionPresent: false,
      asOf: '2026-07-01',
    };
    expect(codes({ ...bad, state: 'CANCELLED' })).toEqual([]);
    expect(codes({ ...bad, state: 'PLANNED' })).toEqual(['DURATION_SHORT']);
  });

  it('applies the per-kind duration to every kind', () => {
    const short = (kind: MeetingKind) => codes({ kind, endTime: '09:00' }).includes('DURATION_SHORT');
    expect(MEETING_KINDS.filter(short)).toEqual(['REGULAR', 'THEMATIC', 'COMBINED', 'IDEOLOGICAL']);
  });
});

describe('formatMeetingFlag', () => {
  it('writes Vietnamese numbers and dates, English as they are', () => {
    const low = {
      code: 'ATTENDANCE_LOW' as const,
      severity: 'warning' as const,
      params: { percent: 84.99, minimum: 85, present: 8499, expected: 10000 },
    };
    expect(formatMeetingFlag(low, 'vi')).toBe('Tỷ lệ đảng viên dự sinh hoạt 84,99% (8.499/10.000), dưới mức 85%');
    expect(formatMeetingFlag(low, 'en')).toBe('Attendance 84.99% (8499/10000), below 85%');
    const late = {
      code: 'MINUTES_MISSING' as const,
      severity: 'error' as const,
      params: { dueOn: '2026-05-31', daysLate: 2 },
    };
    expect(formatMeetingFlag(late, 'vi')).toBe('Chưa có biên bản (hạn 31/05/2026, quá 2 ngày)');
    expect(formatMeetingFlag(late, 'en')).toBe('No minutes yet (due 2026-05-31, 2 days late)');
  });

  it('leaves unknown placeholders, and every label has both languages', () => {
    expect(formatMeetingFlag({ code: 'UNEXCUSED_ABSENCE', severity: 'warning', params: {} }, 'vi')).toBe(
      'Có {count} đảng viên vắng mặt không có lý do',
    );
    for (const label of Object.values(MEETING_FLAG_LABELS)) {
      expect(label.vi).not.toBe('');
      expect(label.en).not.toBe('');
    }
  });

  it('formats every flag meetingFlags can produce without leftover placeholders', () => {
    const flags = meetingFlags(
      {
        kind: 'REGULAR',
        date: '2026-05-28',
        state: 'HELD',
        startTime: '08:00',
        endTime: '08:30',
        rows: [{ memberId: 'u', status: 'ABSENT_UNEXCUSED' }],
        minutesPresent: false,
        resolutionPresent: false,
        asOf: '2026-06-30',
        streaks: [{ memberId: 'u', count: 3, from: '2026-03-28', to: '2026-05-28' }],
      },
      DEFAULT_POLICY,
    );
    expect(flags).toHaveLength(6);
    for (const f of flags)
      for (const lang of ['vi', 'en'] as const) expect(formatMeetingFlag(f, lang)).not.toMatch(/\{\w+\}/);
  });
});

describe('isPublished', () => {
  it.each([
    ['2026-06-07', false],
    ['2026-06-08', true],
    ['2026-06-10', true],
    ['2026-07-01', true],
  ])('meeting 2026-06-10, asOf %s → %s', (asOf, r) => expect(isPublished('2026-06-10', asOf, DEFAULT_POLICY)).toBe(r));

  it('counts back across month ends (common and leap February)', () => {
    expect(isPublished('2027-03-01', '2027-02-26', DEFAULT_POLICY)).toBe(false);
    expect(isPublished('2027-03-01', '2027-02-27', DEFAULT_POLICY)).toBe(true);
    expect(isPublished('2028-03-01', '2028-02-27', DEFAULT_POLICY)).toBe(false);
    expect(isPublished('2028-03-01', '2028-02-28', DEFAULT_POLICY)).toBe(true);
  });

  it('follows the policy (0 = on the day)', () => {
    expect(isPublished('2026-06-10', '2026-06-09', withPolicy({ publishDaysAhead: 0 }))).toBe(false);
    expect(isPublished('2026-06-10', '2026-06-10', withPolicy({ publishDaysAhead: 0 }))).toBe(true);
  });
});
