import { isDomainError } from '../errors';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import {
  complianceForCell,
  meetingCounts,
  monthsInPeriod,
  parseMonthKey,
  quartersInPeriod,
  regularDueOn,
  thematicDueOn,
  type CellComplianceInput,
  type MeetingFact,
} from './compliance';
import type { MeetingKind } from './kinds';

const withPolicy = (meeting: Partial<typeof DEFAULT_POLICY.meeting>) =>
  resolvePolicy([{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { meeting } }], '2026-01-01');

const thrown = (f: () => unknown): { code: string; field?: string } => {
  try {
    f();
  } catch (e) {
    expect(isDomainError(e)).toBe(true);
    return e as { code: string; field?: string };
  }
  throw new Error('expected a throw');
};

const held = (date: string, kind: MeetingKind = 'REGULAR'): MeetingFact => ({ date, kind, state: 'HELD' });

// A regular meeting on the 15th of every month of 2026 except those listed.
const regularExcept = (...skip: number[]): MeetingFact[] =>
  Array.from({ length: 12 }, (_, i) => i + 1)
    .filter((m) => !skip.includes(m))
    .map((m) => held(`2026-${String(m).padStart(2, '0')}-15`));

describe('monthsInPeriod / quartersInPeriod', () => {
  it('lists the calendar months overlapping the period', () => {
    expect(monthsInPeriod('2026-05-20', '2026-05-20')).toEqual(['2026-05']);
    expect(monthsInPeriod('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsInPeriod('2026-01-01', '2026-12-31')).toHaveLength(12);
  });

  it('lists the calendar quarters overlapping the period', () => {
    expect(quartersInPeriod('2026-03-31', '2026-04-01')).toEqual(['2026-Q1', '2026-Q2']);
    expect(quartersInPeriod('2026-04-01', '2026-06-30')).toEqual(['2026-Q2']);
    expect(quartersInPeriod('2025-12-31', '2026-01-01')).toEqual(['2025-Q4', '2026-Q1']);
    expect(quartersInPeriod('2026-01-01', '2026-12-31')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('rejects a reversed period and bad dates', () => {
    expect(thrown(() => monthsInPeriod('2026-02-01', '2026-01-31'))).toMatchObject({
      code: 'INVALID_DATE_ORDER',
      field: 'to',
    });
    expect(thrown(() => quartersInPeriod('2026-02-01', '2026-01-31'))).toMatchObject({
      code: 'INVALID_DATE_ORDER',
      field: 'to',
    });
    expect(thrown(() => monthsInPeriod('2026-02-30', '2026-03-01'))).toMatchObject({
      code: 'VALIDATION',
      field: 'from',
    });
  });
});

describe('regularDueOn / thematicDueOn', () => {
  it('is the end of the month by default, February included', () => {
    expect(regularDueOn('2026-01', DEFAULT_POLICY)).toBe('2026-01-31');
    expect(regularDueOn('2026-02', DEFAULT_POLICY)).toBe('2026-02-28');
    expect(regularDueOn('2028-02', DEFAULT_POLICY)).toBe('2028-02-29');
    expect(regularDueOn('2100-02', DEFAULT_POLICY)).toBe('2100-02-28');
    expect(regularDueOn('2000-02', DEFAULT_POLICY)).toBe('2000-02-29');
    expect(regularDueOn('2026-04', DEFAULT_POLICY)).toBe('2026-04-30');
  });

  it('clamps a configured day to the month', () => {
    expect(regularDueOn('2026-05', withPolicy({ dueDayOfMonth: 20 }))).toBe('2026-05-20');
    expect(regularDueOn('2026-02', withPolicy({ dueDayOfMonth: 30 }))).toBe('2026-02-28');
    expect(regularDueOn('2028-02', withPolicy({ dueDayOfMonth: 30 }))).toBe('2028-02-29');
    expect(regularDueOn('2026-04', withPolicy({ dueDayOfMonth: 30 }))).toBe('2026-04-30');
  });

  it('is due in the quarter’s last month', () => {
    expect(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((q) => thematicDueOn(q, DEFAULT_POLICY))).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    expect(thematicDueOn('2026-Q1', withPolicy({ dueDayOfMonth: 30 }))).toBe('2026-03-30');
    expect(thematicDueOn('2026-Q3', withPolicy({ dueDayOfMonth: 10 }))).toBe('2026-09-10');
  });

  it('rejects bad keys', () => {
    for (const bad of ['2026-13', '2026-5', '26-05', '2026-00', '0000-01'])
      expect(thrown(() => regularDueOn(bad, DEFAULT_POLICY))).toMatchObject({ code: 'VALIDATION', field: 'month' });
    for (const bad of ['2026-Q5', '2026-Q0', '2026Q1'])
      expect(thrown(() => thematicDueOn(bad, DEFAULT_POLICY))).toMatchObject({ code: 'VALIDATION', field: 'quarter' });
    expect(parseMonthKey('2026-05')).toEqual({ year: 2026, month: 5 });
  });
});

describe('complianceForCell', () => {
  const half = (over: Partial<CellComplianceInput>): CellComplianceInput => ({
    meetings: [],
    from: '2026-01-01',
    to: '2026-06-30',
    asOf: '2026-07-15',
    ...over,
  });

  it('acceptance: missing its May meeting and its Q2 thematic meeting, behind for exactly those two', () => {
    const meetings = [...regularExcept(5, 7, 8, 9, 10, 11, 12), held('2026-02-20', 'THEMATIC')];
    expect(complianceForCell(half({ meetings }), DEFAULT_POLICY)).toEqual({
      missing: [
        { kind: 'REGULAR', period: '2026-05', dueOn: '2026-05-31', held: 0, required: 1 },
        { kind: 'THEMATIC', period: '2026-Q2', dueOn: '2026-06-30', held: 0, required: 1 },
      ],
      regularHeld: 5,
      thematicHeld: 1,
      behind: true,
    });
  });

  it('a compliant cell is not behind; a COMBINED meeting counts for both', () => {
    const meetings = [
      ...regularExcept(5, 7, 8, 9, 10, 11, 12),
      held('2026-02-20', 'THEMATIC'),
      held('2026-05-25', 'COMBINED'),
    ];
    expect(complianceForCell(half({ meetings }), DEFAULT_POLICY)).toEqual({
      missing: [],
      regularHeld: 6,
      thematicHeld: 2,
      behind: false,
    });
  });

  it('only HELD and CLOSED meetings count; other kinds do not', () => {
    const meetings: MeetingFact[] = [
      { date: '2026-05-10', kind: 'REGULAR', state: 'PLANNED' },
      { date: '2026-05-11', kind: 'REGULAR', state: 'CANCELLED' },
      { date: '2026-05-12', kind: 'IDEOLOGICAL', state: 'HELD' },
      { date: '2026-05-13', kind: 'EXTRAORDINARY', state: 'CLOSED' },
      { date: '2026-05-14', kind: 'CONGRESS', state: 'HELD' },
    ];
    const r = complianceForCell({ meetings, from: '2026-05-01', to: '2026-05-31', asOf: '2026-06-01' }, DEFAULT_POLICY);
    expect(r.missing.map((m) => m.period)).toEqual(['2026-05']);
    expect(r.regularHeld).toBe(0);
    const closed = complianceForCell(
      {
        meetings: [{ date: '2026-05-10', kind: 'REGULAR', state: 'CLOSED' }],
        from: '2026-05-01',
        to: '2026-05-31',
        asOf: '2026-06-01',
      },
      DEFAULT_POLICY,
    );
    expect(closed.behind).toBe(false);
  });

  it('nothing is missing before its due date has passed', () => {
    const may = { from: '2026-05-01', to: '2026-05-31', meetings: [] };
    expect(complianceForCell({ ...may, asOf: '2026-05-31' }, DEFAULT_POLICY).missing).toEqual([]);
    expect(complianceForCell({ ...may, asOf: '2026-06-01' }, DEFAULT_POLICY).missing).toEqual([
      { kind: 'REGULAR', period: '2026-05', dueOn: '2026-05-31', held: 0, required: 1 },
    ]);
  });

  it('February month ends: 28th in a common year, 29th in a leap year', () => {
    const feb27 = { from: '2027-02-01', to: '2027-02-28', meetings: [] };
    expect(complianceForCell({ ...feb27, asOf: '2027-02-28' }, DEFAULT_POLICY).behind).toBe(false);
    expect(complianceForCell({ ...feb27, asOf: '2027-03-01' }, DEFAULT_POLICY).missing).toEqual([
      { kind: 'REGULAR', period: '2027-02', dueOn: '2027-02-28', held: 0, required: 1 },
    ]);
    const feb28 = { from: '2028-02-01', to: '2028-02-29', meetings: [] };
    expect(complianceForCell({ ...feb28, asOf: '2028-02-29' }, DEFAULT_POLICY).behind).toBe(false);
    expect(complianceForCell({ ...feb28, asOf: '2028-03-01' }, DEFAULT_POLICY).missing[0]?.dueOn).toBe('2028-02-29');
    expect(
      complianceForCell({ ...feb28, meetings: [held('2028-02-29')], asOf: '2028-03-01' }, DEFAULT_POLICY).behind,
    ).toBe(false);
  });

  it('a configured due day: missing from the day after it', () => {
    const p = withPolicy({ dueDayOfMonth: 20 });
    const may = { from: '2026-05-01', to: '2026-05-31', meetings: [] };
    expect(complianceForCell({ ...may, asOf: '2026-05-20' }, p).behind).toBe(false);
    expect(complianceForCell({ ...may, asOf: '2026-05-21' }, p).missing).toEqual([
      { kind: 'REGULAR', period: '2026-05', dueOn: '2026-05-20', held: 0, required: 1 },
    ]);
    // A meeting later in the month still counts for it once held.
    expect(complianceForCell({ ...may, meetings: [held('2026-05-25')], asOf: '2026-06-10' }, p).behind).toBe(false);
  });

  it('quarter boundaries: 31 March counts for Q1, 1 April for Q2', () => {
    const q1q2 = { from: '2026-01-01', to: '2026-06-30', asOf: '2026-07-01', meetings: [...regularExcept()] };
    const r1 = complianceForCell(
      { ...q1q2, meetings: [...q1q2.meetings, held('2026-03-31', 'THEMATIC')] },
      DEFAULT_POLICY,
    );
    expect(r1.missing.map((m) => m.period)).toEqual(['2026-Q2']);
    const r2 = complianceForCell(
      { ...q1q2, meetings: [...q1q2.meetings, held('2026-04-01', 'THEMATIC')] },
      DEFAULT_POLICY,
    );
    expect(r2.missing.map((m) => m.period)).toEqual(['2026-Q1']);
    // Q1 is due on 31 March: on 31 March not yet missing, on 1 April missing.
    const q1 = {
      from: '2026-01-01',
      to: '2026-03-31',
      meetings: [held('2026-01-15'), held('2026-02-15'), held('2026-03-15')],
    };
    expect(complianceForCell({ ...q1, asOf: '2026-03-31' }, DEFAULT_POLICY).behind).toBe(false);
    expect(complianceForCell({ ...q1, asOf: '2026-04-01' }, DEFAULT_POLICY).missing).toEqual([
      { kind: 'THEMATIC', period: '2026-Q1', dueOn: '2026-03-31', held: 0, required: 1 },
    ]);
  });

  it('orders missing by due date, a month before a quarter due the same day', () => {
    const r = complianceForCell(
      { meetings: [], from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-01' },
      DEFAULT_POLICY,
    );
    expect(r.missing.map((m) => `${m.kind} ${m.period}`)).toEqual([
      'REGULAR 2026-01',
      'REGULAR 2026-02',
      'REGULAR 2026-03',
      'THEMATIC 2026-Q1',
    ]);
  });

  it('judges only months and quarters wholly inside the period', () => {
    const r = complianceForCell(
      { meetings: [], from: '2026-01-15', to: '2026-05-20', asOf: '2026-12-31' },
      DEFAULT_POLICY,
    );
    expect(r.missing.map((m) => m.period)).toEqual(['2026-02', '2026-03', '2026-04']);
    // Meetings outside the period are not counted, even in a judged month's neighbours.
    const s = complianceForCell(
      { meetings: [held('2026-01-10'), held('2026-07-01')], from: '2026-02-01', to: '2026-02-28', asOf: '2026-03-01' },
      DEFAULT_POLICY,
    );
    expect(s).toMatchObject({ regularHeld: 0, behind: true });
  });

  it('ignores months and quarters the cell was not active for from the first day to the due date', () => {
    const base = { meetings: [], from: '2026-04-01', to: '2026-06-30', asOf: '2026-07-15' };
    const periods = (over: Partial<CellComplianceInput>) =>
      complianceForCell({ ...base, ...over }, DEFAULT_POLICY).missing.map((m) => m.period);
    expect(periods({})).toEqual(['2026-04', '2026-05', '2026-06', '2026-Q2']);
    expect(periods({ activeFrom: '2026-05-01' })).toEqual(['2026-05', '2026-06']);
    expect(periods({ activeFrom: '2026-05-02' })).toEqual(['2026-06']);
    expect(periods({ activeFrom: '2026-04-01' })).toEqual(['2026-04', '2026-05', '2026-06', '2026-Q2']);
    // activeTo is exclusive: dissolved on 1 June → active through 31 May, May is owed.
    expect(periods({ activeTo: '2026-06-01' })).toEqual(['2026-04', '2026-05']);
    expect(periods({ activeTo: '2026-05-31' })).toEqual(['2026-04']);
    expect(periods({ activeTo: '2026-07-01' })).toEqual(['2026-04', '2026-05', '2026-06', '2026-Q2']);
    expect(periods({ activeTo: '2026-06-30' })).toEqual(['2026-04', '2026-05']);
    expect(periods({ activeFrom: '2026-05-01', activeTo: '2026-06-01' })).toEqual(['2026-05']);
    expect(periods({ activeFrom: '2026-05-01', activeTo: '2026-05-01' })).toEqual([]);
    expect(periods({ activeTo: null })).toEqual(['2026-04', '2026-05', '2026-06', '2026-Q2']);
  });

  it('reports held and required when a policy asks for more than one', () => {
    const p = withPolicy({ regularPerMonth: 2, thematicPerQuarter: 0 });
    const r = complianceForCell(
      {
        meetings: [held('2026-05-05'), held('2026-06-05'), held('2026-06-25', 'COMBINED')],
        from: '2026-04-01',
        to: '2026-06-30',
        asOf: '2026-07-01',
      },
      p,
    );
    expect(r.missing).toEqual([
      { kind: 'REGULAR', period: '2026-04', dueOn: '2026-04-30', held: 0, required: 2 },
      { kind: 'REGULAR', period: '2026-05', dueOn: '2026-05-31', held: 1, required: 2 },
    ]);
  });

  it('validates its input', () => {
    expect(thrown(() => complianceForCell(half({ from: '2026-07-01' }), DEFAULT_POLICY))).toMatchObject({
      code: 'INVALID_DATE_ORDER',
      field: 'to',
    });
    expect(thrown(() => complianceForCell(half({ asOf: '2026-7-1' }), DEFAULT_POLICY))).toMatchObject({
      code: 'VALIDATION',
      field: 'asOf',
    });
    expect(
      thrown(() => complianceForCell(half({ activeFrom: '2026-05-01', activeTo: '2026-04-30' }), DEFAULT_POLICY)),
    ).toMatchObject({ code: 'INVALID_DATE_ORDER', field: 'activeTo' });
    expect(thrown(() => complianceForCell(half({ meetings: [held('2026-02-30')] }), DEFAULT_POLICY))).toMatchObject({
      code: 'VALIDATION',
      field: 'meetings[0].date',
    });
  });
});

describe('meetingCounts', () => {
  it('counts held meetings by kind, every kind present', () => {
    const meetings: MeetingFact[] = [
      held('2026-01-10'),
      held('2026-02-10'),
      { date: '2026-03-10', kind: 'REGULAR', state: 'CLOSED' },
      { date: '2026-04-10', kind: 'REGULAR', state: 'PLANNED' },
      { date: '2026-04-11', kind: 'THEMATIC', state: 'CANCELLED' },
      held('2026-03-20', 'COMBINED'),
      held('2026-05-20', 'IDEOLOGICAL'),
    ];
    expect(meetingCounts(meetings)).toEqual({
      REGULAR: 3,
      THEMATIC: 0,
      COMBINED: 1,
      IDEOLOGICAL: 1,
      EXTRAORDINARY: 0,
      CONGRESS: 0,
    });
    expect(meetingCounts([])).toEqual({
      REGULAR: 0,
      THEMATIC: 0,
      COMBINED: 0,
      IDEOLOGICAL: 0,
      EXTRAORDINARY: 0,
      CONGRESS: 0,
    });
  });
});

describe('counted meeting facts (kept monthly counts)', () => {
  const period = { from: '2026-01-01', to: '2026-12-31', asOf: '2027-01-15' };
  // The same meetings listed one by one and as per-month counts dated on the 1st.
  const single: MeetingFact[] = [
    ...regularExcept(3, 7),
    held('2026-05-20'),
    held('2026-02-10', 'THEMATIC'),
    held('2026-08-03', 'COMBINED'),
    held('2026-08-25', 'COMBINED'),
    held('2026-11-11', 'IDEOLOGICAL'),
  ];
  const counted = (ms: readonly MeetingFact[]): MeetingFact[] => {
    const by = new Map<string, MeetingFact>();
    for (const m of ms) {
      const key = `${m.date.slice(0, 7)}|${m.kind}`;
      const f = by.get(key);
      if (f) f.count = (f.count ?? 1) + 1;
      else by.set(key, { date: `${m.date.slice(0, 7)}-01`, kind: m.kind, state: 'HELD', count: 1 });
    }
    return [...by.values()];
  };

  it('judges counted facts exactly as the meetings they stand for', () => {
    const a = complianceForCell({ meetings: single, ...period }, DEFAULT_POLICY);
    const b = complianceForCell({ meetings: counted(single), ...period }, DEFAULT_POLICY);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ regularHeld: 13, thematicHeld: 3, behind: true });
    expect(a.missing.map((m) => m.period)).toEqual(['2026-03', '2026-Q2', '2026-07', '2026-Q4']);
    expect(meetingCounts(counted(single))).toEqual(meetingCounts(single));
  });

  it('counts a fact of zero as nothing held and rejects a bad count', () => {
    const r = complianceForCell(
      {
        meetings: [{ date: '2026-01-01', kind: 'REGULAR', state: 'HELD', count: 0 }],
        from: '2026-01-01',
        to: '2026-01-31',
        asOf: '2026-02-15',
      },
      DEFAULT_POLICY,
    );
    expect(r).toMatchObject({ regularHeld: 0, behind: true });
    for (const count of [-1, 1.5, Number.NaN]) {
      expect(
        thrown(() =>
          complianceForCell(
            { meetings: [{ date: '2026-01-01', kind: 'REGULAR', state: 'HELD', count }], ...period },
            DEFAULT_POLICY,
          ),
        ),
      ).toMatchObject({
        code: 'VALIDATION',
        field: 'meetings[0].count',
      });
    }
  });
});
