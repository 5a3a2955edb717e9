import { DEFAULT_POLICY, resolvePolicy, validatePolicy, validatePolicyOverride, type Policy } from '../policy';
import {
  duesArrears,
  duesDue,
  duesMonthsBetween,
  duesMonthsOfYear,
  duesStandardAmount,
  isDuesMonth,
  validateDuesBasis,
  validateDuesPayment,
  validateDuesRelief,
  type DuesDue,
  type DuesMonthStatus,
} from './dues';

const P = DEFAULT_POLICY;
const due = (amount: number | null, deferred = false): DuesDue => ({
  amount,
  standard: amount,
  reason: amount === null ? 'NO_BASIS' : 'STANDARD',
  deferred,
});

describe('months', () => {
  it.each([
    ['2026-02', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-2', false],
    ['1899-12', false],
    ['2026-02-01', false],
    [202602, false],
  ])('isDuesMonth(%p) = %p', (s, ok) => expect(isDuesMonth(s)).toBe(ok));

  it('lists the months between two months, across a year end, and none backwards', () => {
    expect(duesMonthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(duesMonthsBetween('2026-03', '2026-02')).toEqual([]);
    expect(duesMonthsOfYear(2026)).toHaveLength(12);
  });
});

describe('duesStandardAmount (QĐ 01-QĐ/TW 2026)', () => {
  it.each([
    ['INSURED_SALARY', 8_500_000, 85_000], // 1% of the insured salary
    ['SICKNESS_MATERNITY', 6_000_000, 60_000], // 1% of the benefit
    ['PENSION', 7_300_000, 36_500], // 0.5% of the pension
    ['PENSION', 7_300_001, 36_500], // rounded to the đồng
    ['PENSION', 7_300_100, 36_501],
    ['OTHER', 4_000_000, 40_000],
    ['STUDENT', null, 5_000], // fixed
    ['SOCIAL_PENSION', null, 0],
  ] as const)('%s of %p → %p đồng', (basis, amount, expected) =>
    expect(duesStandardAmount({ basis, amount }, P)).toBe(expected),
  );

  it('is unknown for an income basis without its amount', () =>
    expect(duesStandardAmount({ basis: 'INSURED_SALARY', amount: null }, P)).toBeNull());

  it('follows the policy (a province may set other rates)', () => {
    const policy: Policy = resolvePolicy(
      [
        {
          effectiveFrom: '2026-01-01',
          effectiveTo: null,
          depth: 0,
          values: { dues: { studentAmount: 3000, pensionPerTenThousand: 100 } },
        },
      ],
      '2026-06-01',
    );
    expect(duesStandardAmount({ basis: 'STUDENT', amount: null }, policy)).toBe(3000);
    expect(duesStandardAmount({ basis: 'PENSION', amount: 7_300_000 }, policy)).toBe(73_000);
  });
});

describe('duesDue', () => {
  const salary = { basis: 'INSURED_SALARY' as const, amount: 10_000_000 };

  it('owes the standard amount', () => {
    expect(duesDue({ month: '2026-03', admissionDecisionDate: '2000-01-01', basis: salary, relief: null }, P)).toEqual({
      amount: 100_000,
      standard: 100_000,
      reason: 'STANDARD',
      deferred: false,
    });
  });

  it('exempts from the month in which 50 full years of party age are reached, not the month before', () => {
    const input = { admissionDecisionDate: '1976-03-15', basis: salary, relief: null };
    expect(duesDue({ ...input, month: '2026-02' }, P).reason).toBe('STANDARD');
    expect(duesDue({ ...input, month: '2026-03' }, P)).toEqual({
      amount: 0,
      standard: 0,
      reason: 'EXEMPT_PARTY_AGE',
      deferred: false,
    });
    expect(duesDue({ ...input, month: '2026-04' }, P).reason).toBe('EXEMPT_PARTY_AGE');
  });

  it('ignores an admission decision after the month (no negative party age) and an unknown one', () => {
    expect(
      duesDue({ month: '2026-03', admissionDecisionDate: '2026-05-01', basis: salary, relief: null }, P).reason,
    ).toBe('STANDARD');
    expect(duesDue({ month: '2026-03', admissionDecisionDate: null, basis: salary, relief: null }, P).reason).toBe(
      'STANDARD',
    );
  });

  it('exempts members on a social pension and members exempted on application', () => {
    expect(
      duesDue(
        {
          month: '2026-03',
          admissionDecisionDate: null,
          basis: { basis: 'SOCIAL_PENSION', amount: null },
          relief: null,
        },
        P,
      ).reason,
    ).toBe('EXEMPT_SOCIAL_PENSION');
    expect(
      duesDue(
        { month: '2026-03', admissionDecisionDate: null, basis: salary, relief: { kind: 'EXEMPT', percent: null } },
        P,
      ),
    ).toEqual({ amount: 0, standard: 0, reason: 'EXEMPT_ON_APPLICATION', deferred: false });
  });

  it('reduces by the granted percent, rounding to the đồng', () => {
    expect(
      duesDue(
        { month: '2026-03', admissionDecisionDate: null, basis: salary, relief: { kind: 'REDUCE', percent: 30 } },
        P,
      ),
    ).toEqual({ amount: 70_000, standard: 100_000, reason: 'REDUCED', deferred: false });
    expect(
      duesDue(
        {
          month: '2026-03',
          admissionDecisionDate: null,
          basis: { basis: 'PENSION', amount: 7_300_100 },
          relief: { kind: 'REDUCE', percent: 70 },
        },
        P,
      ).amount,
    ).toBe(10_950);
  });

  it('marks a deferred month as still owed', () => {
    expect(
      duesDue(
        { month: '2026-03', admissionDecisionDate: null, basis: salary, relief: { kind: 'DEFER', percent: null } },
        P,
      ),
    ).toEqual({ amount: 100_000, standard: 100_000, reason: 'STANDARD', deferred: true });
  });

  it('does not guess an amount without a basis', () => {
    expect(duesDue({ month: '2026-03', admissionDecisionDate: null, basis: null, relief: null }, P)).toEqual({
      amount: null,
      standard: null,
      reason: 'NO_BASIS',
      deferred: false,
    });
  });
});

describe('duesArrears', () => {
  const months = (paid: Record<string, number>, amount: number | null = 50_000): DuesMonthStatus[] =>
    duesMonthsOfYear(2026).map((month) => ({ month, due: due(amount), paid: paid[month] ?? 0 }));

  it('counts three ended months with nothing paid as arrears (QĐ 01: three months in a year)', () => {
    const paidAll = Object.fromEntries(duesMonthsOfYear(2026).map((m) => [m, 50_000]));
    const r = duesArrears(months({ ...paidAll, '2026-02': 0, '2026-05': 0, '2026-09': 0 }), 2026, '2026-12-06', P);
    expect(r).toEqual({
      unpaidMonths: ['2026-02', '2026-05', '2026-09'],
      shortMonths: [],
      unknownMonths: [],
      outstanding: 150_000,
      inArrears: true,
    });
  });

  it('does not count two months, nor the month still running', () => {
    const paidAll = Object.fromEntries(duesMonthsOfYear(2026).map((m) => [m, 50_000]));
    const r = duesArrears(months({ ...paidAll, '2026-02': 0, '2026-05': 0, '2026-12': 0 }), 2026, '2026-12-06', P);
    expect(r.unpaidMonths).toEqual(['2026-02', '2026-05']);
    expect(r.inArrears).toBe(false);
    // the last day of a month is still inside it; the day after, the month has ended
    expect(duesArrears(months({}), 2026, '2026-01-31', P).unpaidMonths).toEqual([]);
    expect(duesArrears(months({}), 2026, '2026-02-01', P).unpaidMonths).toEqual(['2026-01']);
  });

  it('treats a partial payment as short, not unpaid, and sums what is outstanding', () => {
    const r = duesArrears(months({ '2026-01': 20_000, '2026-02': 50_000, '2026-03': 60_000 }), 2026, '2026-04-01', P);
    expect(r).toEqual({
      unpaidMonths: [],
      shortMonths: ['2026-01'],
      unknownMonths: [],
      outstanding: 30_000,
      inArrears: false,
    });
  });

  it('skips deferred and exempt months and reports months without a basis separately', () => {
    const list: DuesMonthStatus[] = [
      { month: '2026-01', due: due(50_000, true), paid: 0 },
      { month: '2026-02', due: { amount: 0, standard: 0, reason: 'EXEMPT_PARTY_AGE', deferred: false }, paid: 0 },
      { month: '2026-03', due: due(null), paid: 0 },
      { month: '2026-04', due: due(null), paid: 10_000 },
      { month: '2025-12', due: due(50_000), paid: 0 }, // another year
    ];
    expect(duesArrears(list, 2026, '2026-12-06', P)).toEqual({
      unpaidMonths: [],
      shortMonths: [],
      unknownMonths: ['2026-03'],
      outstanding: 0,
      inArrears: false,
    });
  });

  it('follows the policy threshold', () => {
    const policy: Policy = resolvePolicy(
      [{ effectiveFrom: '2026-01-01', effectiveTo: null, depth: 0, values: { dues: { arrearsMonthsPerYear: 2 } } }],
      '2026-06-01',
    );
    expect(duesArrears(months({ '2026-03': 50_000 }), 2026, '2026-03-15', policy).inArrears).toBe(true);
  });
});

describe('validation', () => {
  const today = '2026-12-06';

  it('accepts a payment and refuses bad months, amounts and dates with field and reason', () => {
    expect(validateDuesPayment({ month: '2026-11', amount: 85_000, paidOn: '2026-12-01' }, today)).toEqual([]);
    expect(validateDuesPayment({ month: '2027-12', amount: 85_000, paidOn: today }, today)).toEqual([]); // 12 months ahead
    const errors = validateDuesPayment({ month: '2028-01', amount: 0, paidOn: '2026-12-07' }, today);
    expect(errors.map((e) => [e.field, e.code, e.specific])).toEqual([
      ['month', 'VALIDATION', undefined],
      ['amount', 'VALIDATION', undefined],
      ['paidOn', 'VALIDATION', 'DATE_IN_FUTURE'],
    ]);
    expect(
      validateDuesPayment({ month: '2026-13', amount: 1.5, paidOn: '2026-02-30' }, today).map((e) => e.field),
    ).toEqual(['month', 'amount', 'paidOn']);
    expect(
      validateDuesPayment({ month: '2026-01', amount: 1_000_000_001, paidOn: today }, today).map((e) => e.field),
    ).toEqual(['amount']);
    expect(validateDuesPayment({ month: '2026-01', amount: '5000', paidOn: today }, today).map((e) => e.field)).toEqual(
      ['amount'],
    );
  });

  it('wants an amount for income bases and none for a fixed amount or an exemption', () => {
    expect(validateDuesBasis({ basis: 'INSURED_SALARY', amount: 8_000_000, from: '2026-02' })).toEqual([]);
    expect(validateDuesBasis({ basis: 'STUDENT', amount: null, from: '2026-02' })).toEqual([]);
    expect(validateDuesBasis({ basis: 'PENSION', amount: null, from: '2026-02' }).map((e) => e.field)).toEqual([
      'amount',
    ]);
    expect(validateDuesBasis({ basis: 'STUDENT', amount: 5000, from: '2026-02' }).map((e) => e.field)).toEqual([
      'amount',
    ]);
    expect(validateDuesBasis({ basis: 'SALARY', amount: 1, from: 'x' }).map((e) => e.field)).toEqual(['from', 'basis']);
  });

  it('checks a relief against the policy: allowed percents, order and at most 12 months', () => {
    expect(validateDuesRelief({ kind: 'REDUCE', percent: 50, from: '2026-01', to: '2026-12' }, P)).toEqual([]);
    expect(validateDuesRelief({ kind: 'EXEMPT', percent: null, from: '2026-03', to: '2026-03' }, P)).toEqual([]);
    expect(
      validateDuesRelief({ kind: 'REDUCE', percent: 40, from: '2026-01', to: '2027-01' }, P).map((e) => [
        e.field,
        e.code,
      ]),
    ).toEqual([
      ['percent', 'VALIDATION'],
      ['to', 'VALIDATION'],
    ]);
    expect(
      validateDuesRelief({ kind: 'DEFER', percent: 30, from: '2026-05', to: '2026-04' }, P).map((e) => [
        e.field,
        e.code,
      ]),
    ).toEqual([
      ['percent', 'VALIDATION'],
      ['to', 'INVALID_DATE_ORDER'],
    ]);
    expect(
      validateDuesRelief({ kind: 'WAIVE', percent: null, from: '2026-05', to: '2026-05' }, P).map((e) => e.field),
    ).toEqual(['kind']);
  });
});

describe('the dues policy', () => {
  it('is valid by default and checks overrides', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({ ok: true });
    expect(validatePolicyOverride({ dues: { reductionPercents: [50, 30] } })).toEqual({
      ok: false,
      errors: [{ field: 'dues.reductionPercents', reason: 'must be strictly ascending' }],
    });
    expect(validatePolicyOverride({ dues: { arrearsMonthsPerYear: 0 } })).toEqual({
      ok: false,
      errors: [{ field: 'dues.arrearsMonthsPerYear', reason: 'must be a positive integer' }],
    });
    const p = resolvePolicy(
      [
        {
          effectiveFrom: '2026-01-01',
          effectiveTo: null,
          depth: 0,
          values: { dues: { reductionPercents: [30, 100] } },
        },
      ],
      '2026-06-01',
    );
    expect(validatePolicy(p)).toEqual({
      ok: false,
      errors: [{ field: 'dues.reductionPercents[1]', reason: 'must be a percent from 1 to 99 (100% is an exemption)' }],
    });
  });
});
