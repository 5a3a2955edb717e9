import { first } from '../arrays';
import { DomainError } from '../errors';
import { DEFAULT_POLICY } from '../policy';
import { emptyLevelCounts, ratingLevelCap } from './level';
import { assertPastRatingAllowed, pastRatingBreaches, quotaEnforced, type PastRatingFacts } from './past';
import { checkQuota } from './quota';

const noCap = ratingLevelCap(
  { subjectKind: 'MEMBER', tasks: { assigned: 0, completed: 0, onTime: 0, exceeded: 0 } },
  DEFAULT_POLICY,
);
const disciplined = ratingLevelCap(
  { subjectKind: 'MEMBER', tasks: { assigned: 0, completed: 0, onTime: 0, exceeded: 0 }, disciplinedInYear: true },
  DEFAULT_POLICY,
);
const quota = (excellent: number, well: number) =>
  checkQuota({ ...emptyLevelCounts(), HTXSNV: excellent, HTTNV: well }, DEFAULT_POLICY);
const facts = (f: Partial<PastRatingFacts>): PastRatingFacts => ({
  level: 'HTTNV',
  notRated: null,
  cap: noCap,
  quotaBefore: null,
  quotaAfter: null,
  ...f,
});

describe('quotaEnforced', () => {
  it('refuses a decision that breaks the quota, or adds an HTXSNV to a group over it; not one that lowers a level', () => {
    expect(quotaEnforced(quota(1, 5), quota(2, 5), 'HTXSNV')).toBe(true);
    expect(quotaEnforced(quota(1, 5), quota(1, 5), 'HTTNV')).toBe(false);
    expect(quotaEnforced(quota(2, 5), quota(2, 4), 'HTTNV')).toBe(false);
    expect(quotaEnforced(quota(1, 5), quota(1, 4), 'HTNV')).toBe(true);
    expect(quotaEnforced(null, null, 'HTXSNV')).toBe(false);
  });
});

describe('pastRatingBreaches', () => {
  it('none for a past rating that keeps the rules', () => {
    expect(pastRatingBreaches(facts({ level: 'HTXSNV', quotaBefore: quota(0, 5), quotaAfter: quota(1, 5) }))).toEqual(
      [],
    );
  });

  it('the member not rated that year (RATING_NOT_RATED on memberId, with the reason)', () => {
    const b = first(pastRatingBreaches(facts({ notRated: 'EXEMPT' })), 'breach');
    expect(b.rule).toBe('NOT_RATED');
    expect(b.error).toMatchObject({
      code: 'RATING_NOT_RATED',
      field: 'memberId',
      details: { notRatedReason: 'EXEMPT' },
    });
    expect(pastRatingBreaches(facts({ notRated: 'NOT_ACTIVE' }))[0]?.error).toMatchObject({
      code: 'RATING_NOT_RATED',
      field: 'memberId',
    });
  });

  it('a level above the cap (VALIDATION / RATING_LEVEL_ABOVE_CAP on level, naming the cause)', () => {
    const b = first(pastRatingBreaches(facts({ level: 'HTTNV', cap: disciplined })), 'breach');
    expect(b.rule).toBe('LEVEL_CAP');
    expect(b.error).toMatchObject({
      code: 'VALIDATION',
      field: 'level',
      details: { reason: 'RATING_LEVEL_ABOVE_CAP', cap: 'KHTNV' },
    });
    expect(b.error.message).toContain('OWN_DISCIPLINE');
    expect(pastRatingBreaches(facts({ level: 'KHTNV', cap: disciplined }))).toEqual([]);
  });

  it('the quota (RATING_QUOTA_EXCEEDED on overrideReason), reported after the other rules', () => {
    const all = pastRatingBreaches(
      facts({
        level: 'HTXSNV',
        notRated: 'EXCLUDED',
        cap: disciplined,
        quotaBefore: quota(0, 2),
        quotaAfter: quota(1, 2),
      }),
    );
    expect(all.map((b) => b.rule)).toEqual(['NOT_RATED', 'LEVEL_CAP', 'QUOTA']);
    expect(all[2]?.error).toMatchObject({
      code: 'RATING_QUOTA_EXCEEDED',
      field: 'overrideReason',
      details: { limit: 0, excellent: 1 },
    });
  });
});

describe('assertPastRatingAllowed', () => {
  const breaches = pastRatingBreaches(
    facts({ level: 'HTXSNV', cap: disciplined, quotaBefore: quota(0, 2), quotaAfter: quota(1, 2) }),
  );
  it('throws the first breach without an override reason', () => {
    expect(() => assertPastRatingAllowed(breaches, undefined)).toThrow(DomainError);
    expect(() => assertPastRatingAllowed(breaches, '   ')).toThrow(expect.objectContaining({ field: 'level' }));
  });
  it('with a reason, returns every rule overridden; nothing is overridden when no rule is broken', () => {
    expect(assertPastRatingAllowed(breaches, ' QĐ 45-QĐ/ĐU ngày 20/12/2019 ')).toEqual({
      overridden: ['LEVEL_CAP', 'QUOTA'],
      reason: 'QĐ 45-QĐ/ĐU ngày 20/12/2019',
    });
    expect(assertPastRatingAllowed([], 'a reason')).toEqual({ overridden: [], reason: null });
  });
});
