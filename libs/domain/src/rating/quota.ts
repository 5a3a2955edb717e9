import type { Policy } from '../policy';
import type { RatingSubjectKind } from './kinds';
import type { LevelCounts } from './level';

export type QuotaCheck = {
  /** The most HTXSNV allowed: floor(quotaPercent% × base). */
  limit: number;
  /** HTXSNV counted. */
  excellent: number;
  /** The count the quota is a share of (HTTNV, or HTTNV + HTXSNV, per `quotaBase`). */
  base: number;
  /** More HTXSNV than the limit. */
  breached: boolean;
};

/**
 * The "excellent" quota (docs/rules.md#r-rating-quota; HD 21: HTXSNV <= 20% of those rated HTTNV, per grassroots organisation)
 * over the levels of one quota group, usually the members of one grassroots organisation including the proposal
 * being checked. The base is configurable (`quotaBase`), so are the percentage and whom it covers (`quotaApplies`).
 */
export const checkQuota = (counts: LevelCounts, policy: Policy): QuotaCheck => {
  const r = policy.rating;
  const base = r.quotaBase === 'WELL_COMPLETED' ? counts.HTTNV : counts.HTTNV + counts.HTXSNV;
  const limit = Math.floor((base * r.quotaPercent) / 100);
  return { limit, excellent: counts.HTXSNV, base, breached: counts.HTXSNV > limit };
};

/** Whether the quota covers subjects of this kind under the policy (members always; organisations with MEMBERS_AND_ORGANISATIONS). */
export const quotaApplies = (kind: RatingSubjectKind, policy: Policy): boolean =>
  kind === 'MEMBER' || policy.rating.quotaScope === 'MEMBERS_AND_ORGANISATIONS';
