import { DomainError } from '../errors';
import type { Label } from '../labels';
import { countsInMembership, type MemberState } from '../member/status';
import type { Policy } from '../policy';
import type { RatingStage } from './round';

/** Why a member of the cell is not rated this year. */
export const NOT_RATED_REASONS = ['EXEMPT', 'TEMPORARILY_EXEMPT', 'EXCLUDED'] as const;

export type NotRatedReason = (typeof NOT_RATED_REASONS)[number];

export const NOT_RATED_REASON_LABELS: Record<NotRatedReason, Label> = {
  EXEMPT: { vi: 'Được miễn công tác và sinh hoạt đảng', en: 'Exempt from party work and meetings' },
  TEMPORARILY_EXEMPT: { vi: 'Được tạm miễn công tác và sinh hoạt đảng', en: 'Temporarily exempt' },
  EXCLUDED: { vi: 'Không xếp loại theo quyết định của cấp ủy', en: 'Not rated by decision of the committee' },
};

export type RatingCandidate<Id> = {
  id: Id;
  state: MemberState;
  /** The committee decided not to rate this member this year (e.g. long illness); the reason is kept by the caller. */
  excluded?: boolean;
};

export type WhoIsRated<Id> = {
  /** Members to rate. */
  rated: Id[];
  /** Members of the cell who are counted in its membership but not rated, with the reason. */
  notRated: { id: Id; reason: NotRatedReason }[];
  /** Records that are not part of the cell's membership at all (temporary guests, members no longer active). */
  outside: Id[];
};

/**
 * Splits a cell's member records for the rating (docs/rules.md#r-rating-not-rated): only members counted in the
 * membership (`countsInMembership`: active, exempt included, temporarily-away included, temporary guests not)
 * are rating subjects; among them exempt members are not rated when the policy says so (`exemptNotRated`,
 * `temporarilyExemptNotRated`), nor members the committee excluded. A member temporarily away is rated by the
 * home cell (with the host's comments). The not-rated are outside the figures' denominators.
 */
export const whoIsNotRated = <Id>(members: readonly RatingCandidate<Id>[], policy: Policy): WhoIsRated<Id> => {
  const out: WhoIsRated<Id> = { rated: [], notRated: [], outside: [] };
  for (const m of members) {
    if (!countsInMembership(m.state)) out.outside.push(m.id);
    else if (m.state.exempt === 'PERMANENT' && policy.rating.exemptNotRated)
      out.notRated.push({ id: m.id, reason: 'EXEMPT' });
    else if (m.state.exempt === 'TEMPORARY' && policy.rating.temporarilyExemptNotRated)
      out.notRated.push({ id: m.id, reason: 'TEMPORARILY_EXEMPT' });
    else if (m.excluded) out.notRated.push({ id: m.id, reason: 'EXCLUDED' });
    else out.rated.push(m.id);
  }
  return out;
};

/**
 * Whether the committee may still decide not to rate a member for a year (docs/rules.md#r-rating-not-rated): not once
 * the member has a decided rating for that year (a decided or announced one; the decision is revised as a rating,
 * not undone by an exclusion). A rating only self-assessed or proposed does not stand in the way: it is then no
 * longer taken further. Refuses with CONFLICT, reason RATING_ALREADY_DECIDED, on `memberId`; the reason of the
 * decision must be given (VALIDATION, `reason`).
 */
export const assertExcludable = (decidedStages: readonly RatingStage[], reason: string): string => {
  const decided = decidedStages.find((s) => s === 'DECIDED' || s === 'ANNOUNCED');
  if (decided) {
    throw new DomainError(
      'CONFLICT',
      `The member already has a ${decided.toLowerCase()} rating for the year; revise the rating instead`,
      'memberId',
      { reason: 'RATING_ALREADY_DECIDED', stage: decided },
    );
  }
  const text = reason.trim();
  if (!text)
    throw new DomainError(
      'VALIDATION',
      "Give the reason of the committee's decision not to rate the member",
      'reason',
      { reason: 'REQUIRED' },
    );
  return text;
};
