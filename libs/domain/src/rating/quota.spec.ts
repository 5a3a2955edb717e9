import { DEFAULT_POLICY, resolvePolicy, type Policy } from '../policy';
import { checkQuota, quotaApplies } from './quota';

const withRating = (rating: Partial<Policy['rating']>): Policy =>
  resolvePolicy([{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { rating } }], '2026-01-01');

const counts = (HTXSNV: number, HTTNV: number, HTNV = 0, KHTNV = 0) => ({ HTXSNV, HTTNV, HTNV, KHTNV });

describe('checkQuota (default: HTXSNV <= 20% of HTTNV)', () => {
  it.each([
    [
      'article 004: 3 excellent, 20 well-completed',
      counts(3, 20),
      { limit: 4, excellent: 3, base: 20, breached: false },
    ],
    ['at the limit: 4 of 20', counts(4, 20), { limit: 4, excellent: 4, base: 20, breached: false }],
    ['over: 5 of 20', counts(5, 20), { limit: 4, excellent: 5, base: 20, breached: true }],
    ['rounded down: 24 HTTNV allow 4', counts(5, 24, 3, 1), { limit: 4, excellent: 5, base: 24, breached: true }],
    ['25 HTTNV allow 5', counts(5, 25), { limit: 5, excellent: 5, base: 25, breached: false }],
    ['no HTTNV: no HTXSNV allowed', counts(1, 0, 10), { limit: 0, excellent: 1, base: 0, breached: true }],
    ['nothing', counts(0, 0), { limit: 0, excellent: 0, base: 0, breached: false }],
  ])('%s', (_name, c, expected) => expect(checkQuota(c, DEFAULT_POLICY)).toEqual(expected));

  it('can count well-completed or better as the base', () => {
    const p = withRating({ quotaBase: 'WELL_COMPLETED_OR_BETTER' });
    expect(checkQuota(counts(5, 20), p)).toEqual({ limit: 5, excellent: 5, base: 25, breached: false });
    expect(checkQuota(counts(6, 20), p)).toEqual({ limit: 5, excellent: 6, base: 26, breached: true });
  });

  it('uses the percentage of the policy', () => {
    expect(checkQuota(counts(5, 20), withRating({ quotaPercent: 25 }))).toMatchObject({ limit: 5, breached: false });
    expect(checkQuota(counts(1, 20), withRating({ quotaPercent: 0 }))).toMatchObject({ limit: 0, breached: true });
  });
});

describe('quotaApplies', () => {
  it('covers members only by default (article 000 shows organisations over 20%)', () => {
    expect(quotaApplies('MEMBER', DEFAULT_POLICY)).toBe(true);
    expect(quotaApplies('SUBORDINATE_CELL', DEFAULT_POLICY)).toBe(false);
    expect(quotaApplies('GRASSROOTS_ORGANISATION', DEFAULT_POLICY)).toBe(false);
  });

  it('covers organisations when the policy says so', () => {
    const p = withRating({ quotaScope: 'MEMBERS_AND_ORGANISATIONS' });
    expect(quotaApplies('SUBORDINATE_CELL', p)).toBe(true);
    expect(quotaApplies('MEMBER', p)).toBe(true);
  });
});
