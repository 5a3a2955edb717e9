import { DEFAULT_SCORE_SHEET } from './meeting/score-sheet';
import {
  DEFAULT_POLICY,
  isValidMonthDay,
  layerInForce,
  policyChangeDates,
  resolvePolicy,
  validatePolicy,
  validatePolicyOverride,
  type Policy,
  type PolicyLayer,
} from './policy';

const layer = (values: PolicyLayer['values'], over: Partial<Omit<PolicyLayer, 'values'>> = {}): PolicyLayer => ({
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  depth: 0,
  values,
  ...over,
});

describe('DEFAULT_POLICY', () => {
  it('holds the national defaults', () => {
    expect(DEFAULT_POLICY.organisation).toEqual({
      grassrootsCellMaxMembers: 30,
      subordinateCellWarnAbove: 30,
      minFullMembers: 3,
      cellCommitteeRequiredFullMembers: 9,
      cellCommitteeMinSize: 3,
      termEndingWarnDays: 90,
    });
    expect(DEFAULT_POLICY.member).toEqual({
      probationMonths: 12,
      recognitionWorkingDays: 30,
      ceremonyWorkingDays: 30,
      transferWorkingDays: 60,
      transferPresentWorkingDays: 30,
      admissionMinAgeMonths: 216,
      admissionMaxAgeMonths: 720,
      badgeMilestones: [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
      badgeOccasions: ['02-03', '05-19', '09-02', '11-07'],
    });
  });
  it('is deeply frozen and valid', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.member)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.member.badgeMilestones)).toBe(true);
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({ ok: true });
  });
});

describe('layerInForce', () => {
  const l = layer({}, { effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' });
  it.each([
    ['2024-12-31', false],
    ['2025-01-01', true],
    ['2025-12-31', true],
    ['2026-01-01', false],
  ])('on %s → %s', (d, r) => expect(layerInForce(l, d)).toBe(r));
  it('is open-ended when effectiveTo is null', () => {
    expect(layerInForce(layer({}, { effectiveFrom: '2025-01-01' }), '2999-01-01')).toBe(true);
  });
});

describe('resolvePolicy', () => {
  it('returns a fresh copy of the base when there are no layers', () => {
    const p = resolvePolicy([], '2025-06-01');
    expect(p).toEqual(DEFAULT_POLICY);
    expect(p).not.toBe(DEFAULT_POLICY);
    expect(p.member.badgeMilestones).not.toBe(DEFAULT_POLICY.member.badgeMilestones);
    p.member.badgeMilestones.push(95); // mutable, and the default is untouched
    expect(DEFAULT_POLICY.member.badgeMilestones).toHaveLength(12);
  });

  it('keeps only layers in force on asOf (from inclusive, to exclusive)', () => {
    const layers = [
      layer({ organisation: { minFullMembers: 5 } }, { effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' }),
    ];
    expect(resolvePolicy(layers, '2024-12-31').organisation.minFullMembers).toBe(3);
    expect(resolvePolicy(layers, '2025-01-01').organisation.minFullMembers).toBe(5);
    expect(resolvePolicy(layers, '2025-12-31').organisation.minFullMembers).toBe(5);
    expect(resolvePolicy(layers, '2026-01-01').organisation.minFullMembers).toBe(3);
  });

  it('applies the nearest ancestor last, whatever the array order', () => {
    const root = layer({ organisation: { termEndingWarnDays: 60, minFullMembers: 4 } }, { depth: 0 });
    const province = layer({ organisation: { termEndingWarnDays: 45 } }, { depth: 1 });
    const bloc = layer({ organisation: { termEndingWarnDays: 30 } }, { depth: 2 });
    for (const order of [
      [root, province, bloc],
      [bloc, province, root],
      [province, bloc, root],
    ]) {
      const p = resolvePolicy(order, '2025-06-01');
      expect(p.organisation.termEndingWarnDays).toBe(30);
      expect(p.organisation.minFullMembers).toBe(4);
    }
  });

  it('at equal depth, the later effectiveFrom wins; then the later array position', () => {
    const older = layer({ member: { probationMonths: 18 } }, { effectiveFrom: '2020-01-01', depth: 1 });
    const newer = layer({ member: { probationMonths: 6 } }, { effectiveFrom: '2024-01-01', depth: 1 });
    expect(resolvePolicy([newer, older], '2025-01-01').member.probationMonths).toBe(6);
    expect(resolvePolicy([older, newer], '2025-01-01').member.probationMonths).toBe(6);
    // A past date sees only the older layer (figures for past years use the policy then in force).
    expect(resolvePolicy([older, newer], '2023-12-31').member.probationMonths).toBe(18);
    const twinA = layer({ member: { probationMonths: 7 } }, { depth: 1 });
    const twinB = layer({ member: { probationMonths: 8 } }, { depth: 1 });
    expect(resolvePolicy([twinA, twinB], '2025-01-01').member.probationMonths).toBe(8);
    expect(resolvePolicy([twinB, twinA], '2025-01-01').member.probationMonths).toBe(7);
  });

  it('deep-merges objects and replaces arrays', () => {
    const root = layer({ member: { badgeMilestones: [30, 50], badgeOccasions: ['05-19'] } }, { depth: 0 });
    const child = layer({ member: { badgeOccasions: ['02-03', '09-02'], probationMonths: 12 } }, { depth: 1 });
    const p = resolvePolicy([root, child], '2025-01-01');
    expect(p.member.badgeMilestones).toEqual([30, 50]);
    expect(p.member.badgeOccasions).toEqual(['02-03', '09-02']);
    expect(p.member.transferWorkingDays).toBe(60);
    expect(p.organisation).toEqual(DEFAULT_POLICY.organisation);
  });

  it('ignores unknown keys and undefined values, and does not mutate inputs', () => {
    const values = {
      organisation: { minFullMembers: undefined, bogus: 1 },
      extra: { x: 1 },
    } as unknown as PolicyLayer['values'];
    const layers = [layer(values)];
    const snapshot = JSON.stringify(layers);
    const p = resolvePolicy(layers, '2025-01-01');
    expect(p).toEqual(DEFAULT_POLICY);
    expect(p).not.toHaveProperty('extra');
    expect(p.organisation).not.toHaveProperty('bogus');
    expect(JSON.stringify(layers)).toBe(snapshot);
  });

  it('accepts another base', () => {
    const base: Policy = { ...DEFAULT_POLICY, organisation: { ...DEFAULT_POLICY.organisation, minFullMembers: 7 } };
    expect(resolvePolicy([], '2025-01-01', base).organisation.minFullMembers).toBe(7);
    expect(
      resolvePolicy([layer({ organisation: { minFullMembers: 2 } })], '2025-01-01', base).organisation.minFullMembers,
    ).toBe(2);
  });

  it('ignores a layer value of the wrong shape where an object is expected', () => {
    const p = resolvePolicy([layer({ organisation: 5 } as unknown as PolicyLayer['values'])], '2025-01-01');
    expect(p.organisation).toEqual(DEFAULT_POLICY.organisation);
  });
});

describe('isValidMonthDay', () => {
  it.each([
    ['02-03', true],
    ['02-29', true],
    ['12-31', true],
    ['02-30', false],
    ['04-31', false],
    ['13-01', false],
    ['00-10', false],
    ['2-3', false],
    ['02/03', false],
  ])('%s → %s', (s, r) => expect(isValidMonthDay(s)).toBe(r));
  it('rejects non-strings', () => expect(isValidMonthDay(203)).toBe(false));
});

describe('validatePolicyOverride', () => {
  it('accepts empty and partial overrides', () => {
    expect(validatePolicyOverride({})).toEqual({ ok: true });
    expect(validatePolicyOverride({ organisation: {} })).toEqual({ ok: true });
    expect(
      validatePolicyOverride({ organisation: { termEndingWarnDays: 0 }, member: { badgeMilestones: [] } }),
    ).toEqual({ ok: true });
    expect(validatePolicyOverride({ member: { badgeOccasions: ['02-03', '02-29', '12-22'] } })).toEqual({ ok: true });
    expect(validatePolicyOverride(DEFAULT_POLICY)).toEqual({ ok: true });
  });

  it.each([null, [], 5, 'x', undefined])('rejects a non-object %j', (v) => {
    expect(validatePolicyOverride(v)).toEqual({
      ok: false,
      errors: [{ field: 'values', reason: 'must be an object' }],
    });
  });

  it('rejects unknown keys at any level', () => {
    expect(validatePolicyOverride({ inspections: {}, organisation: { grassroothCellMaxMembers: 30 } })).toEqual({
      ok: false,
      errors: [
        { field: 'inspections', reason: 'unknown key' },
        { field: 'organisation.grassroothCellMaxMembers', reason: 'unknown key' },
      ],
    });
  });

  it('requires objects for groups', () => {
    expect(validatePolicyOverride({ member: 3 })).toEqual({
      ok: false,
      errors: [{ field: 'member', reason: 'must be an object' }],
    });
  });

  it.each([-1, 2.5, '30', Number.NaN, Number.POSITIVE_INFINITY, null, true])('rejects %p as a number', (v) => {
    expect(validatePolicyOverride({ organisation: { minFullMembers: v } })).toEqual({
      ok: false,
      errors: [{ field: 'organisation.minFullMembers', reason: 'must be a non-negative integer' }],
    });
  });

  it('checks integer arrays element by element, then order', () => {
    expect(validatePolicyOverride({ member: { badgeMilestones: 30 } })).toEqual({
      ok: false,
      errors: [{ field: 'member.badgeMilestones', reason: 'must be an array' }],
    });
    expect(validatePolicyOverride({ member: { badgeMilestones: [30, -40, 'x'] } })).toEqual({
      ok: false,
      errors: [
        { field: 'member.badgeMilestones[1]', reason: 'must be a non-negative integer' },
        { field: 'member.badgeMilestones[2]', reason: 'must be a non-negative integer' },
      ],
    });
    for (const bad of [
      [30, 30],
      [40, 30],
      [9, 30, 10],
    ]) {
      expect(validatePolicyOverride({ member: { badgeMilestones: bad } })).toEqual({
        ok: false,
        errors: [{ field: 'member.badgeMilestones', reason: 'must be strictly ascending' }],
      });
    }
    expect(validatePolicyOverride({ member: { badgeMilestones: [9, 10, 100] } })).toEqual({ ok: true });
  });

  it('checks occasions as MM-DD in calendar order', () => {
    expect(validatePolicyOverride({ member: { badgeOccasions: ['02-03', '2-3', '13-01'] } })).toEqual({
      ok: false,
      errors: [
        { field: 'member.badgeOccasions[1]', reason: "must be a month-day 'MM-DD'" },
        { field: 'member.badgeOccasions[2]', reason: "must be a month-day 'MM-DD'" },
      ],
    });
    expect(validatePolicyOverride({ member: { badgeOccasions: ['05-19', '02-03'] } })).toEqual({
      ok: false,
      errors: [{ field: 'member.badgeOccasions', reason: 'must be strictly ascending' }],
    });
  });

  it('collects several errors at once and skips undefined values', () => {
    const r = validatePolicyOverride({
      organisation: { minFullMembers: -1, termEndingWarnDays: undefined },
      member: { probationMonths: 1.5 },
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'organisation.minFullMembers', reason: 'must be a non-negative integer' },
        { field: 'member.probationMonths', reason: 'must be a non-negative integer' },
      ],
    });
  });
});

describe('validatePolicy', () => {
  it('requires every key', () => {
    const partial = { ...DEFAULT_POLICY, member: { ...DEFAULT_POLICY.member, probationMonths: undefined } };
    expect(validatePolicy(partial)).toEqual({
      ok: false,
      errors: [{ field: 'member.probationMonths', reason: 'is required' }],
    });
    expect(validatePolicy({})).toEqual({
      ok: false,
      errors: [
        { field: 'organisation', reason: 'is required' },
        { field: 'member', reason: 'is required' },
        { field: 'meeting', reason: 'is required' },
        { field: 'inspection', reason: 'is required' },
        { field: 'rating', reason: 'is required' },
        { field: 'scoreSheet', reason: 'is required' },
        { field: 'dues', reason: 'is required' },
      ],
    });
  });
  it('rejects an empty admission age range, accepts a single month', () => {
    const p = resolvePolicy([layer({ member: { admissionMinAgeMonths: 721 } })], '2025-01-01');
    expect(validatePolicy(p)).toEqual({
      ok: false,
      errors: [{ field: 'member.admissionMaxAgeMonths', reason: 'must be >= member.admissionMinAgeMonths' }],
    });
    const q = resolvePolicy([layer({ member: { admissionMinAgeMonths: 720 } })], '2025-01-01');
    expect(validatePolicy(q)).toEqual({ ok: true });
  });
});

describe('meeting policy', () => {
  const provinceSheet = {
    code: 'NA-27',
    name: { vi: 'Mẫu của tỉnh', en: 'Provincial sheet' },
    criteria: [
      { code: 'A', label: { vi: 'Tiêu chí A', en: 'Criterion A' }, maxPoints: 60 },
      { code: 'B', label: { vi: 'Tiêu chí B', en: 'Criterion B' }, maxPoints: 40 },
    ],
    bands: [
      { level: 'WEAK', minPoints: 0 },
      { level: 'GOOD', minPoints: 65 },
      { level: 'EXCELLENT', minPoints: 85 },
    ],
  };

  it('holds the defaults and the default score sheet', () => {
    expect(DEFAULT_POLICY.meeting).toEqual({
      regularPerMonth: 1,
      thematicPerQuarter: 1,
      dueDayOfMonth: 31,
      minAttendancePercent: 85,
      absenceStreakLimit: 3,
      minDurationMinutes: 90,
      minCombinedDurationMinutes: 120,
      minutesDueDays: 3,
      publishDaysAhead: 2,
      visitReportDueDay: 5,
      visitsPerYear: 2,
      scoreGapWarn: 15,
    });
    expect(DEFAULT_POLICY.scoreSheet).toBe(DEFAULT_SCORE_SHEET);
    expect(Object.isFrozen(DEFAULT_POLICY.meeting)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.scoreSheet.criteria[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.scoreSheet.bands)).toBe(true);
  });

  it('accepts partial meeting overrides and bounds days and percentages', () => {
    expect(
      validatePolicyOverride({
        meeting: { dueDayOfMonth: 20, visitsPerYear: 6, minAttendancePercent: 100, scoreGapWarn: 0 },
      }),
    ).toEqual({ ok: true });
    expect(
      validatePolicyOverride({ meeting: { dueDayOfMonth: 1, visitReportDueDay: 31, absenceStreakLimit: 1 } }),
    ).toEqual({ ok: true });
    expect(
      validatePolicyOverride({
        meeting: {
          dueDayOfMonth: 0,
          visitReportDueDay: 32,
          minAttendancePercent: 101,
          scoreGapWarn: 100.5,
          absenceStreakLimit: 0,
          minutesDueDays: -1,
        },
      }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'meeting.dueDayOfMonth', reason: 'must be an integer from 1 to 31' },
        { field: 'meeting.visitReportDueDay', reason: 'must be an integer from 1 to 31' },
        { field: 'meeting.minAttendancePercent', reason: 'must be an integer from 0 to 100' },
        { field: 'meeting.scoreGapWarn', reason: 'must be an integer from 0 to 100' },
        { field: 'meeting.absenceStreakLimit', reason: 'must be a positive integer' },
        { field: 'meeting.minutesDueDays', reason: 'must be a non-negative integer' },
      ],
    });
    expect(validatePolicyOverride({ meeting: { thematicPerMonth: 1 } })).toEqual({
      ok: false,
      errors: [{ field: 'meeting.thematicPerMonth', reason: 'unknown key' }],
    });
  });

  it('accepts a complete provincial score sheet, which replaces the default whole', () => {
    expect(validatePolicyOverride({ scoreSheet: provinceSheet })).toEqual({ ok: true });
    const p = resolvePolicy([layer({ scoreSheet: provinceSheet } as PolicyLayer['values'])], '2025-01-01');
    expect(p.scoreSheet).toEqual(provinceSheet);
    expect(validatePolicy(p)).toEqual({ ok: true });
  });

  it('requires a score sheet override to be complete', () => {
    expect(validatePolicyOverride({ scoreSheet: { bands: provinceSheet.bands } })).toEqual({
      ok: false,
      errors: [
        { field: 'scoreSheet.code', reason: 'is required' },
        { field: 'scoreSheet.name', reason: 'is required' },
        { field: 'scoreSheet.criteria', reason: 'is required' },
      ],
    });
    expect(validatePolicyOverride({ scoreSheet: 5 })).toEqual({
      ok: false,
      errors: [{ field: 'scoreSheet', reason: 'must be an object' }],
    });
  });

  it('checks criteria: unique codes, positive integer maxPoints', () => {
    const sheet = {
      ...provinceSheet,
      criteria: [
        { code: 'A', label: { vi: 'A', en: 'A' }, maxPoints: 60 },
        { code: 'A', label: { vi: 'B', en: '' }, maxPoints: 0 },
        { code: 'c d', label: { vi: 'C', en: 'C' }, maxPoints: 2.5 },
      ],
    };
    expect(validatePolicyOverride({ scoreSheet: sheet })).toEqual({
      ok: false,
      errors: [
        { field: 'scoreSheet.criteria[1].code', reason: 'must be unique' },
        { field: 'scoreSheet.criteria[1].label.en', reason: 'must be a non-empty string' },
        { field: 'scoreSheet.criteria[1].maxPoints', reason: 'must be a positive integer' },
        { field: 'scoreSheet.criteria[2].code', reason: "must be 1–50 letters, digits or '_'" },
        { field: 'scoreSheet.criteria[2].maxPoints', reason: 'must be a positive integer' },
      ],
    });
    expect(validatePolicyOverride({ scoreSheet: { ...provinceSheet, criteria: [] } })).toEqual({
      ok: false,
      errors: [{ field: 'scoreSheet.criteria', reason: 'must be a non-empty array' }],
    });
  });

  it('checks bands: from 0, ascending, improving, within the total', () => {
    const withBands = (bands: unknown) => validatePolicyOverride({ scoreSheet: { ...provinceSheet, bands } });
    expect(withBands([{ level: 'WEAK', minPoints: 10 }])).toEqual({
      ok: false,
      errors: [
        { field: 'scoreSheet.bands[0].minPoints', reason: 'must be 0 (the bands must cover every total from 0)' },
      ],
    });
    expect(
      withBands([
        { level: 'WEAK', minPoints: 0 },
        { level: 'GOOD', minPoints: 70 },
        { level: 'EXCELLENT', minPoints: 70 },
      ]),
    ).toEqual({
      ok: false,
      errors: [{ field: 'scoreSheet.bands[2].minPoints', reason: 'must be strictly ascending' }],
    });
    expect(
      withBands([
        { level: 'GOOD', minPoints: 0 },
        { level: 'WEAK', minPoints: 50 },
      ]),
    ).toEqual({
      ok: false,
      errors: [{ field: 'scoreSheet.bands[1].level', reason: 'must be a better level than the band below it' }],
    });
    expect(
      withBands([
        { level: 'WEAK', minPoints: 0 },
        { level: 'EXCELLENT', minPoints: 100 },
      ]),
    ).toEqual({ ok: true });
    expect(
      withBands([
        { level: 'WEAK', minPoints: 0 },
        { level: 'EXCELLENT', minPoints: 101 },
      ]),
    ).toEqual({
      ok: false,
      errors: [{ field: 'scoreSheet.bands[1].minPoints', reason: "must be at most the sheet's total (100)" }],
    });
    expect(
      withBands([
        { level: 'SUPERB', minPoints: 0 },
        { level: 'WEAK', minPoints: -1 },
      ]),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'scoreSheet.bands[0].level', reason: 'must be one of EXCELLENT, GOOD, AVERAGE, WEAK' },
        { field: 'scoreSheet.bands[1].minPoints', reason: 'must be a non-negative integer' },
      ],
    });
    expect(withBands([])).toEqual({
      ok: false,
      errors: [{ field: 'scoreSheet.bands', reason: 'must be a non-empty array' }],
    });
  });

  it('validatePolicy: a combined meeting may not be shorter than a single one', () => {
    const p = resolvePolicy([layer({ meeting: { minCombinedDurationMinutes: 89 } })], '2025-01-01');
    expect(validatePolicy(p)).toEqual({
      ok: false,
      errors: [{ field: 'meeting.minCombinedDurationMinutes', reason: 'must be >= meeting.minDurationMinutes' }],
    });
    const q = resolvePolicy([layer({ meeting: { minCombinedDurationMinutes: 90 } })], '2025-01-01');
    expect(validatePolicy(q)).toEqual({ ok: true });
  });
});

describe('policyChangeDates', () => {
  const bound = (effectiveFrom: string, effectiveTo: string | null) => ({ effectiveFrom, effectiveTo });
  it('the start of the period and every layer boundary inside it, ascending and once', () => {
    expect(policyChangeDates([], '2026-01-01', null)).toEqual(['2026-01-01']);
    expect(
      policyChangeDates(
        [bound('2025-01-01', '2026-07-01'), bound('2027-01-01', null), bound('2026-07-01', '2030-01-01')],
        '2026-01-01',
        null,
      ),
    ).toEqual(['2026-01-01', '2026-07-01', '2027-01-01', '2030-01-01']);
    // the end of the period is exclusive; boundaries outside it do not count
    expect(
      policyChangeDates(
        [bound('2026-03-01', '2028-01-01'), bound('2024-01-01', '2025-01-01')],
        '2026-01-01',
        '2027-01-01',
      ),
    ).toEqual(['2026-01-01', '2026-03-01']);
  });
  it('checking the merged policy on those dates finds an inconsistency that two valid layers make together', () => {
    const layers = [
      { effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { rating: { excellentMinScore: 80 } } },
      { effectiveFrom: '2026-06-01', effectiveTo: null, depth: 1, values: { rating: { wellCompletedMinScore: 85 } } },
    ];
    expect(layers.every((l) => validatePolicyOverride(l.values).ok)).toBe(true);
    const bad = policyChangeDates(layers, '2026-01-01', null).filter(
      (d) => !validatePolicy(resolvePolicy(layers, d)).ok,
    );
    expect(bad).toEqual(['2026-06-01']);
  });
});
