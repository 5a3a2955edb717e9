import { isDomainError } from '../errors';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import {
  absenceStreaks,
  attendanceBelowTarget,
  attendanceRate,
  hasUnexcusedAbsence,
  type AttendanceRow,
} from './attendance';
import type { Attendance } from './kinds';

const rowsOf = (counts: Partial<Record<Attendance, number>>): AttendanceRow[] => {
  const rows: AttendanceRow[] = [];
  for (const [status, n] of Object.entries(counts) as [Attendance, number][]) {
    for (let i = 0; i < n; i += 1) rows.push({ memberId: `${status}-${i}`, status });
  }
  return rows;
};

const withPolicy = (meeting: Partial<typeof DEFAULT_POLICY.meeting>) =>
  resolvePolicy([{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { meeting } }], '2026-01-01');

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('attendanceRate', () => {
  it('excludes exempt members and counts late arrivals and early leavers as present', () => {
    const rows: AttendanceRow[] = [
      { memberId: 'a', status: 'PRESENT' },
      { memberId: 'b', status: 'PRESENT', late: true },
      { memberId: 'c', status: 'PRESENT', leftEarly: true },
      { memberId: 'd', status: 'ABSENT_EXCUSED' },
      { memberId: 'e', status: 'ABSENT_UNEXCUSED' },
      { memberId: 'f', status: 'EXEMPT' },
      { memberId: 'g', status: 'EXEMPT' },
    ];
    expect(attendanceRate(rows)).toEqual({ present: 3, expected: 5, percent: 60 });
  });

  it('rounds to 2 decimals, half-up', () => {
    expect(attendanceRate(rowsOf({ PRESENT: 2, ABSENT_EXCUSED: 1 }))).toEqual({
      present: 2,
      expected: 3,
      percent: 66.67,
    });
    expect(attendanceRate(rowsOf({ PRESENT: 22, ABSENT_EXCUSED: 1 })).percent).toBe(95.65);
  });

  it('is null when no one is expected', () => {
    expect(attendanceRate([])).toEqual({ present: 0, expected: 0, percent: null });
    expect(attendanceRate(rowsOf({ EXEMPT: 3 }))).toEqual({ present: 0, expected: 0, percent: null });
  });

  it('rejects a member listed twice or an unknown status', () => {
    const dup = thrown(() =>
      attendanceRate([
        { memberId: 'a', status: 'PRESENT' },
        { memberId: 'a', status: 'EXEMPT' },
      ]),
    );
    expect(isDomainError(dup, 'VALIDATION')).toBe(true);
    expect((dup as { field: string }).field).toBe('rows[1].memberId');
    const bad = thrown(() => attendanceRate([{ memberId: 'a', status: 'ABSENT' as Attendance }]));
    expect((bad as { field: string }).field).toBe('rows[0].status');
  });
});

describe('attendanceBelowTarget (85%: exactly 85.00 passes)', () => {
  it.each([
    [8499, 10000, 84.99, true],
    [85, 100, 85, false],
    [8501, 10000, 85.01, false],
    [17, 20, 85, false],
    [16, 20, 80, true],
    [6, 7, 85.71, false],
    [5, 6, 83.33, true],
  ])('%i of %i (%d%%) → below %s', (present, expected, pct, below) => {
    const rate = attendanceRate(rowsOf({ PRESENT: present, ABSENT_EXCUSED: expected - present }));
    expect(rate.percent).toBe(pct);
    expect(attendanceBelowTarget(rate, DEFAULT_POLICY)).toBe(below);
  });

  it('compares the exact counts, not the rounded percentage', () => {
    // 16999/20000 = 84.995% displays as 85.00 but is below 85.
    const rate = { present: 16999, expected: 20000, percent: 85 };
    expect(attendanceBelowTarget(rate, DEFAULT_POLICY)).toBe(true);
  });

  it('judges nothing when no one is expected, and follows the policy', () => {
    expect(attendanceBelowTarget({ present: 0, expected: 0 }, DEFAULT_POLICY)).toBe(false);
    expect(attendanceBelowTarget({ present: 0, expected: 1 }, DEFAULT_POLICY)).toBe(true);
    expect(attendanceBelowTarget({ present: 1, expected: 1 }, DEFAULT_POLICY)).toBe(false);
    expect(attendanceBelowTarget({ present: 89, expected: 100 }, withPolicy({ minAttendancePercent: 90 }))).toBe(true);
    expect(attendanceBelowTarget({ present: 90, expected: 100 }, withPolicy({ minAttendancePercent: 90 }))).toBe(false);
  });
});

describe('hasUnexcusedAbsence', () => {
  it('only ABSENT_UNEXCUSED counts', () => {
    expect(hasUnexcusedAbsence(rowsOf({ PRESENT: 5, ABSENT_EXCUSED: 2, EXEMPT: 1 }))).toBe(false);
    expect(hasUnexcusedAbsence(rowsOf({ PRESENT: 5, ABSENT_UNEXCUSED: 1 }))).toBe(true);
    expect(hasUnexcusedAbsence([])).toBe(false);
  });
});

describe('absenceStreaks', () => {
  const m = (date: string, statuses: Record<string, Attendance>) => ({
    date,
    rows: Object.entries(statuses).map(([memberId, status]) => ({ memberId, status })),
  });

  it('2 consecutive absences are not reported, 3 are', () => {
    const two = [
      m('2026-01-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'ABSENT_UNEXCUSED' }),
      m('2026-03-10', { a: 'PRESENT' }),
    ];
    expect(absenceStreaks(two, DEFAULT_POLICY)).toEqual([]);
    const three = [
      m('2026-01-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'ABSENT_UNEXCUSED' }),
      m('2026-03-10', { a: 'ABSENT_EXCUSED' }),
    ];
    expect(absenceStreaks(three, DEFAULT_POLICY)).toEqual([
      { memberId: 'a', count: 3, from: '2026-01-10', to: '2026-03-10' },
    ]);
  });

  it('a presence breaks the streak', () => {
    const ms = [
      m('2026-01-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-03-10', { a: 'PRESENT' }),
      m('2026-04-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-05-10', { a: 'ABSENT_EXCUSED' }),
    ];
    expect(absenceStreaks(ms, DEFAULT_POLICY)).toEqual([]);
  });

  it('EXEMPT and not being listed neither break nor extend a streak', () => {
    const ms = [
      m('2026-01-10', { a: 'ABSENT_EXCUSED', b: 'PRESENT' }),
      m('2026-02-10', { a: 'EXEMPT', b: 'PRESENT' }),
      m('2026-03-10', { b: 'PRESENT' }),
      m('2026-04-10', { a: 'ABSENT_UNEXCUSED', b: 'PRESENT' }),
    ];
    expect(absenceStreaks(ms, DEFAULT_POLICY)).toEqual([]);
    ms.push(m('2026-05-10', { a: 'ABSENT_EXCUSED', b: 'PRESENT' }));
    expect(absenceStreaks(ms, DEFAULT_POLICY)).toEqual([
      { memberId: 'a', count: 3, from: '2026-01-10', to: '2026-05-10' },
    ]);
  });

  it('takes the meetings in date order (same date: input order)', () => {
    const ms = [
      m('2026-03-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-01-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'ABSENT_EXCUSED' }),
    ];
    expect(absenceStreaks(ms, DEFAULT_POLICY)).toEqual([
      { memberId: 'a', count: 3, from: '2026-01-10', to: '2026-03-10' },
    ]);
    const sameDay = [
      m('2026-01-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'PRESENT' }),
      m('2026-03-10', { a: 'ABSENT_EXCUSED' }),
    ];
    expect(absenceStreaks(sameDay, DEFAULT_POLICY)).toEqual([]);
    const sameDayOther = [
      m('2026-01-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'PRESENT' }),
      m('2026-02-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-03-10', { a: 'ABSENT_EXCUSED' }),
    ];
    expect(absenceStreaks(sameDayOther, DEFAULT_POLICY)).toEqual([]);
    expect(absenceStreaks(sameDayOther, withPolicy({ absenceStreakLimit: 2 }))).toEqual([
      { memberId: 'a', count: 2, from: '2026-02-10', to: '2026-03-10' },
    ]);
  });

  it('reports one streak per member: the latest that reached the limit, at full length', () => {
    const ms = [
      m('2026-01-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-02-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-03-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-04-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-05-10', { a: 'PRESENT' }),
      m('2026-06-10', { a: 'ABSENT_EXCUSED' }),
      m('2026-07-10', { a: 'ABSENT_EXCUSED' }),
    ];
    // The later run (2) is short: the earlier run of 4 is still the latest one that reached the limit.
    expect(absenceStreaks(ms, DEFAULT_POLICY)).toEqual([
      { memberId: 'a', count: 4, from: '2026-01-10', to: '2026-04-10' },
    ]);
    ms.push(m('2026-08-10', { a: 'ABSENT_UNEXCUSED' }));
    expect(absenceStreaks(ms, DEFAULT_POLICY)).toEqual([
      { memberId: 'a', count: 3, from: '2026-06-10', to: '2026-08-10' },
    ]);
  });

  it('runs across the turn of the year, sorts by member, and follows the policy limit', () => {
    const ms = [
      m('2025-11-10', { z: 'ABSENT_EXCUSED', b: 'ABSENT_EXCUSED', c: 'ABSENT_EXCUSED' }),
      m('2025-12-10', { z: 'ABSENT_EXCUSED', b: 'ABSENT_EXCUSED', c: 'PRESENT' }),
      m('2026-01-10', { z: 'ABSENT_UNEXCUSED', b: 'ABSENT_EXCUSED', c: 'ABSENT_EXCUSED' }),
    ];
    expect(absenceStreaks(ms, DEFAULT_POLICY)).toEqual([
      { memberId: 'b', count: 3, from: '2025-11-10', to: '2026-01-10' },
      { memberId: 'z', count: 3, from: '2025-11-10', to: '2026-01-10' },
    ]);
    expect(absenceStreaks(ms, withPolicy({ absenceStreakLimit: 4 }))).toEqual([]);
    expect(absenceStreaks(ms, withPolicy({ absenceStreakLimit: 2 })).map((s) => s.memberId)).toEqual(['b', 'z']);
  });

  it('is empty without meetings and validates the rows', () => {
    expect(absenceStreaks([], DEFAULT_POLICY)).toEqual([]);
    const e = thrown(() => absenceStreaks([m('2026-01-10', {}), m('bad', {})], DEFAULT_POLICY));
    expect(isDomainError(e, 'VALIDATION')).toBe(true);
    const dup = thrown(() =>
      absenceStreaks(
        [
          {
            date: '2026-01-10',
            rows: [
              { memberId: 'a', status: 'PRESENT' },
              { memberId: 'a', status: 'PRESENT' },
            ],
          },
        ],
        DEFAULT_POLICY,
      ),
    );
    expect((dup as { field: string }).field).toBe('meetings[0].rows[1].memberId');
  });
});
