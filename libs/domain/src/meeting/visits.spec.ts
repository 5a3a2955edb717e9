import { isDomainError } from '../errors';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { mayScore, requiredVisits, visitCoverage, visitReportDueOn, visitReportState, type Assignment } from './visits';

const withPolicy = (meeting: Partial<typeof DEFAULT_POLICY.meeting>) =>
  resolvePolicy([{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { meeting } }], '2026-01-01');

const assignment = (over: Partial<Assignment> = {}): Assignment => ({
  visitorId: 'v1',
  cellId: 'c1',
  from: '2026-01-01',
  to: null,
  requiredPerYear: null,
  ...over,
});

const thrown = (f: () => unknown): { code: string; field?: string } => {
  try {
    f();
  } catch (e) {
    expect(isDomainError(e)).toBe(true);
    return e as { code: string; field?: string };
  }
  throw new Error('expected a throw');
};

describe('requiredVisits', () => {
  it.each([
    ['whole year, policy default', {}, 2],
    ['whole year, 6 set on the assignment', { requiredPerYear: 6 }, 6],
    ['0 set on the assignment', { requiredPerYear: 0 }, 0],
    ['from 2 January: 11 months, 22/12 rounded up', { from: '2026-01-02' }, 2],
    ['from 1 July, 6 a year', { from: '2026-07-01', requiredPerYear: 6 }, 3],
    ['from 2 July, 6 a year: 5 months, 2.5 rounded up', { from: '2026-07-02', requiredPerYear: 6 }, 3],
    ['from 1 December: 1 month, 2/12 rounded up', { from: '2026-12-01' }, 1],
    ['from 20 December: no whole month', { from: '2026-12-20' }, 0],
    ['until 1 July (exclusive): 6 months', { to: '2026-07-01' }, 1],
    ['until 30 June (exclusive): 5 months', { to: '2026-06-30', requiredPerYear: 12 }, 5],
    ['started the year before', { from: '2024-03-15' }, 2],
    ['starts the next year', { from: '2027-01-01' }, 0],
    ['ended the year before', { from: '2025-01-01', to: '2026-01-01' }, 0],
  ] as const)('%s → %i', (_name, over, n) =>
    expect(requiredVisits(assignment(over as Partial<Assignment>), 2026, DEFAULT_POLICY)).toBe(n),
  );

  it('counts February whole only up to its real last day (leap years)', () => {
    expect(
      requiredVisits(assignment({ from: '2028-02-01', to: '2028-03-01', requiredPerYear: 12 }), 2028, DEFAULT_POLICY),
    ).toBe(1);
    expect(
      requiredVisits(assignment({ from: '2028-02-01', to: '2028-02-29', requiredPerYear: 12 }), 2028, DEFAULT_POLICY),
    ).toBe(0);
    expect(
      requiredVisits(assignment({ from: '2027-02-01', to: '2027-03-01', requiredPerYear: 12 }), 2027, DEFAULT_POLICY),
    ).toBe(1);
  });

  it('uses the policy when the assignment sets nothing', () => {
    expect(requiredVisits(assignment(), 2026, withPolicy({ visitsPerYear: 6 }))).toBe(6);
    expect(requiredVisits(assignment({ requiredPerYear: 2 }), 2026, withPolicy({ visitsPerYear: 6 }))).toBe(2);
  });

  it('validates the assignment and the year', () => {
    expect(thrown(() => requiredVisits(assignment({ to: '2026-01-01' }), 2026, DEFAULT_POLICY))).toMatchObject({
      code: 'INVALID_DATE_ORDER',
      field: 'assignment.to',
    });
    expect(thrown(() => requiredVisits(assignment({ requiredPerYear: -1 }), 2026, DEFAULT_POLICY))).toMatchObject({
      code: 'VALIDATION',
      field: 'assignment.requiredPerYear',
    });
    expect(thrown(() => requiredVisits(assignment({ from: '2026-02-30' }), 2026, DEFAULT_POLICY))).toMatchObject({
      code: 'VALIDATION',
      field: 'assignment.from',
    });
    expect(thrown(() => requiredVisits(assignment(), 2026.5, DEFAULT_POLICY))).toMatchObject({
      code: 'VALIDATION',
      field: 'year',
    });
  });
});

describe('visitCoverage', () => {
  const visits = [
    { date: '2025-12-20', scored: true },
    { date: '2026-03-10', scored: true },
    { date: '2026-08-10', scored: false },
    { date: '2027-01-10', scored: true },
  ];

  it('counts the year’s visits up to asOf, scored and unscored', () => {
    expect(
      visitCoverage(
        { assignment: assignment({ from: '2025-01-01' }), visits, year: 2026, asOf: '2026-12-31' },
        DEFAULT_POLICY,
      ),
    ).toEqual({
      required: 2,
      dueSoFar: 1,
      done: 2,
      scored: 1,
      unscored: 1,
      behind: false,
    });
    expect(
      visitCoverage({ assignment: assignment(), visits, year: 2026, asOf: '2026-08-09' }, DEFAULT_POLICY),
    ).toMatchObject({ done: 1, scored: 1, unscored: 0 });
  });

  it('paces the requirement evenly: 2 a year → 1 due once June is over, 2 once the year is', () => {
    const one = [{ date: '2026-02-10', scored: true }];
    const at = (asOf: string, v = one) =>
      visitCoverage({ assignment: assignment(), visits: v, year: 2026, asOf }, DEFAULT_POLICY);
    expect(at('2026-06-30')).toMatchObject({ dueSoFar: 0, behind: false });
    expect(at('2026-07-01', [])).toMatchObject({ dueSoFar: 1, behind: true });
    expect(at('2026-07-01')).toMatchObject({ dueSoFar: 1, behind: false });
    expect(at('2026-12-31')).toMatchObject({ dueSoFar: 1, behind: false });
    expect(at('2027-01-01')).toMatchObject({ required: 2, dueSoFar: 2, behind: true });
  });

  it('asks for the rounded-up requirement once the assignment’s months are over', () => {
    // 5 whole months (Feb–Jun) at 2 a year: floor pace is 0, the requirement 1.
    const a = assignment({ from: '2026-01-15', to: '2026-07-01' });
    expect(visitCoverage({ assignment: a, visits: [], year: 2026, asOf: '2026-06-30' }, DEFAULT_POLICY)).toMatchObject({
      required: 1,
      dueSoFar: 0,
      behind: false,
    });
    expect(visitCoverage({ assignment: a, visits: [], year: 2026, asOf: '2026-07-01' }, DEFAULT_POLICY)).toMatchObject({
      required: 1,
      dueSoFar: 1,
      behind: true,
    });
    // Visits outside the assignment's span do not count.
    expect(
      visitCoverage(
        {
          assignment: a,
          visits: [
            { date: '2026-01-10', scored: true },
            { date: '2026-07-01', scored: true },
          ],
          year: 2026,
          asOf: '2026-12-31',
        },
        DEFAULT_POLICY,
      ),
    ).toMatchObject({ done: 0, behind: true });
    expect(
      visitCoverage(
        { assignment: a, visits: [{ date: '2026-06-30', scored: false }], year: 2026, asOf: '2026-12-31' },
        DEFAULT_POLICY,
      ),
    ).toMatchObject({ done: 1, unscored: 1, behind: false });
  });

  it('requires nothing of an assignment with no whole month in the year', () => {
    expect(
      visitCoverage(
        { assignment: assignment({ from: '2026-12-20' }), visits: [], year: 2026, asOf: '2027-01-01' },
        DEFAULT_POLICY,
      ),
    ).toEqual({
      required: 0,
      dueSoFar: 0,
      done: 0,
      scored: 0,
      unscored: 0,
      behind: false,
    });
  });

  it('validates dates', () => {
    expect(
      thrown(() =>
        visitCoverage(
          { assignment: assignment(), visits: [{ date: '2026-13-01', scored: true }], year: 2026, asOf: '2026-12-31' },
          DEFAULT_POLICY,
        ),
      ),
    ).toMatchObject({ field: 'visits[0].date' });
    expect(
      thrown(() => visitCoverage({ assignment: assignment(), visits: [], year: 2026, asOf: 'today' }, DEFAULT_POLICY)),
    ).toMatchObject({ field: 'asOf' });
  });
});

describe('mayScore', () => {
  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ])('assigned %s, attended %s → %s', (isAssigned, attended, r) => expect(mayScore({ isAssigned, attended })).toBe(r));
});

describe('visitReportDueOn', () => {
  it('is the 5th of the next month, across the year end', () => {
    expect(visitReportDueOn('2026-05', DEFAULT_POLICY)).toBe('2026-06-05');
    expect(visitReportDueOn('2026-12', DEFAULT_POLICY)).toBe('2027-01-05');
  });

  it('clamps a configured day to the next month’s end (February, leap years)', () => {
    const p = withPolicy({ visitReportDueDay: 31 });
    expect(visitReportDueOn('2026-01', p)).toBe('2026-02-28');
    expect(visitReportDueOn('2028-01', p)).toBe('2028-02-29');
    expect(visitReportDueOn('2026-03', p)).toBe('2026-04-30');
    expect(visitReportDueOn('2026-04', p)).toBe('2026-05-31');
    expect(visitReportDueOn('2026-01', withPolicy({ visitReportDueDay: 29 }))).toBe('2026-02-28');
  });

  it.each(['2026-13', '2026-5', '2026/05', '', '2026-05-01'])('rejects %p', (m) => {
    expect(thrown(() => visitReportDueOn(m, DEFAULT_POLICY))).toMatchObject({ code: 'VALIDATION', field: 'month' });
  });
});

describe('visitReportState', () => {
  const state = (submittedOn: string | null, asOf: string, month = '2026-05') =>
    visitReportState({ month, submittedOn, asOf }, DEFAULT_POLICY);

  it.each([
    [null, '2026-05-15', 'NOT_DUE'],
    [null, '2026-05-31', 'NOT_DUE'],
    [null, '2026-06-01', 'DUE'],
    [null, '2026-06-05', 'DUE'],
    [null, '2026-06-06', 'LATE'],
    ['2026-05-31', '2026-05-31', 'SUBMITTED'],
    ['2026-06-05', '2026-06-05', 'SUBMITTED'],
    ['2026-06-06', '2026-06-06', 'SUBMITTED_LATE'],
    ['2026-06-03', '2026-12-31', 'SUBMITTED'],
    ['2026-07-01', '2026-12-31', 'SUBMITTED_LATE'],
    ['2026-06-10', '2026-06-08', 'LATE'],
    ['2026-06-04', '2026-06-02', 'DUE'],
  ])('submitted %p, asOf %s → %s', (submittedOn, asOf, r) => expect(state(submittedOn, asOf)).toBe(r));

  it('handles February month ends', () => {
    expect(state(null, '2028-02-29', '2028-02')).toBe('NOT_DUE');
    expect(state(null, '2028-03-01', '2028-02')).toBe('DUE');
    expect(state(null, '2027-02-28', '2027-02')).toBe('NOT_DUE');
    expect(state(null, '2027-03-01', '2027-02')).toBe('DUE');
    expect(state(null, '2027-03-06', '2027-02')).toBe('LATE');
  });

  it('validates dates', () => {
    expect(thrown(() => state('2026-06-31', '2026-07-01'))).toMatchObject({ field: 'submittedOn' });
    expect(thrown(() => state(null, '2026-6-1'))).toMatchObject({ field: 'asOf' });
  });
});
