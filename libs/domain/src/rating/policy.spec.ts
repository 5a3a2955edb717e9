import { DEFAULT_POLICY, resolvePolicy, validatePolicy, validatePolicyOverride } from '../policy';

// The rating section of the policy (libs/domain/src/policy.ts): defaults, overrides and their validation.
describe('policy.rating', () => {
  it('has the QĐ 366 / HD 21 defaults', () => {
    expect(DEFAULT_POLICY.rating).toMatchObject({
      generalMaxPoints: 30,
      tasksMaxPoints: 70,
      excellentMinScore: 90,
      wellCompletedMinScore: 70,
      completedMinScore: 50,
      exceedMinPercent: 30,
      lateMaxPercent: 20,
      quotaPercent: 20,
      quotaBase: 'WELL_COMPLETED',
      quotaScope: 'MEMBERS',
      admissionTarget: { kind: 'percentOfTermStart', percent: 3 },
    });
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({ ok: true });
  });

  it('replaces the admission target whole (its keys depend on its kind)', () => {
    const p = resolvePolicy(
      [
        {
          effectiveFrom: '2024-01-01',
          effectiveTo: null,
          depth: 1,
          values: { rating: { admissionTarget: { kind: 'absolute', count: 155 } } },
        },
      ],
      '2024-06-01',
    );
    expect(p.rating.admissionTarget).toEqual({ kind: 'absolute', count: 155 });
    expect(validatePolicy(p)).toEqual({ ok: true });
    expect(p.rating.quotaPercent).toBe(20);
  });

  it('accepts valid overrides', () => {
    expect(
      validatePolicyOverride({
        rating: {
          quotaBase: 'WELL_COMPLETED_OR_BETTER',
          quotaScope: 'MEMBERS_AND_ORGANISATIONS',
          ownDisciplineCeiling: 'HTNV',
          leadershipSevereForm: 'CACH_CHUC',
          exemptNotRated: false,
          admissionTarget: { kind: 'percentOfTermStart', percent: 5 },
        },
      }),
    ).toEqual({ ok: true });
  });

  it.each([
    [{ quotaBase: 'ALL' }, 'rating.quotaBase', 'must be one of WELL_COMPLETED, WELL_COMPLETED_OR_BETTER'],
    [{ quotaScope: 'EVERYONE' }, 'rating.quotaScope', 'must be one of MEMBERS, MEMBERS_AND_ORGANISATIONS'],
    [{ ownDisciplineCeiling: 'BAD' }, 'rating.ownDisciplineCeiling', 'must be one of HTXSNV, HTTNV, HTNV, KHTNV'],
    [
      { leadershipSevereForm: 7 },
      'rating.leadershipSevereForm',
      'must be one of KHIEN_TRACH, CANH_CAO, CACH_CHUC, KHAI_TRU, GIAI_TAN',
    ],
    [{ exemptNotRated: 'yes' }, 'rating.exemptNotRated', 'must be true or false'],
    [{ quotaPercent: 101 }, 'rating.quotaPercent', 'must be an integer from 0 to 100'],
    [{ generalMaxPoints: 0 }, 'rating.generalMaxPoints', 'must be a positive integer'],
    [{ admissionTarget: 3 }, 'rating.admissionTarget', 'must be an object'],
    [
      { admissionTarget: { kind: 'relative', percent: 3 } },
      'rating.admissionTarget.kind',
      "must be 'percentOfTermStart' or 'absolute'",
    ],
    [
      { admissionTarget: { kind: 'percentOfTermStart', percent: 120 } },
      'rating.admissionTarget.percent',
      'must be an integer from 0 to 100',
    ],
    [
      { admissionTarget: { kind: 'absolute', count: -1 } },
      'rating.admissionTarget.count',
      'must be a non-negative integer',
    ],
    [{ admissionTarget: { kind: 'absolute', count: 5, percent: 3 } }, 'rating.admissionTarget.percent', 'unknown key'],
    [{ nope: 1 }, 'rating.nope', 'unknown key'],
  ])('refuses %o', (rating, field, reason) => {
    expect(validatePolicyOverride({ rating })).toEqual({ ok: false, errors: [{ field, reason }] });
  });

  it('checks that the thresholds are ordered and reachable', () => {
    const bad = (rating: Partial<typeof DEFAULT_POLICY.rating>) =>
      validatePolicy({ ...DEFAULT_POLICY, rating: { ...DEFAULT_POLICY.rating, ...rating } });
    expect(bad({ wellCompletedMinScore: 40 })).toEqual({
      ok: false,
      errors: [{ field: 'rating.wellCompletedMinScore', reason: 'must be >= rating.completedMinScore' }],
    });
    expect(bad({ excellentMinScore: 60 })).toEqual({
      ok: false,
      errors: [{ field: 'rating.excellentMinScore', reason: 'must be >= rating.wellCompletedMinScore' }],
    });
    expect(bad({ excellentMinScore: 101 })).toEqual({
      ok: false,
      errors: [
        { field: 'rating.excellentMinScore', reason: 'must be <= rating.generalMaxPoints + rating.tasksMaxPoints' },
      ],
    });
  });
});
