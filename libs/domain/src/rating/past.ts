import { DomainError } from '../errors';
import type { RatingLevel } from './kinds';
import { assertLevelWithinCap, type LevelCap } from './level';
import type { NotRatedReason } from './not-rated';
import type { QuotaCheck } from './quota';

/**
 * Whether a decision at `level` must be refused for the quota (docs/rules.md#r-rating-quota): when it makes its group
 * break the quota, or adds an HTXSNV to a group already over it. A decision that lowers a level in a group already
 * over the quota is not refused. `before`/`after` are the group's quota without and with the decision; null = the
 * quota does not cover the subject.
 */
export const quotaEnforced = (before: QuotaCheck | null, after: QuotaCheck | null, level: RatingLevel): boolean =>
  !!after?.breached && (level === 'HTXSNV' || !before?.breached);

/** The rules a past rating is checked against, in the order they are reported. */
export const PAST_RATING_RULES = ['NOT_RATED', 'LEVEL_CAP', 'QUOTA'] as const;

export type PastRatingRule = (typeof PAST_RATING_RULES)[number];

/** One rule a past rating breaks, with the error it is refused with when no override is given. */
export type PastRatingBreach = { rule: PastRatingRule; error: DomainError };

export type PastRatingFacts = {
  level: RatingLevel;
  /** The member was not a rating subject on the year's reference date: not rated (with the reason) or no longer active. */
  notRated: NotRatedReason | 'NOT_ACTIVE' | null;
  /** The best level the conditions of the rules allowed on the records of that year (`ratingLevelCap`). */
  cap: LevelCap;
  /** The quota of the subject's group for that year without and with this rating; null when it does not apply. */
  quotaBefore: QuotaCheck | null;
  quotaAfter: QuotaCheck | null;
};

/**
 * The rules a past rating (recorded outside a round, docs/rules.md#r-rating-history) breaks: the same rules as a
 * decision in a round — the member must be a rating subject that year (docs/rules.md#r-rating-not-rated, RATING_NOT_RATED
 * on memberId), the level within the cap (docs/rules.md#r-rating-level-cap, VALIDATION / RATING_LEVEL_ABOVE_CAP on
 * level), and the quota (docs/rules.md#r-rating-quota, RATING_QUOTA_EXCEEDED on overrideReason).
 */
export const pastRatingBreaches = (f: PastRatingFacts): PastRatingBreach[] => {
  const out: PastRatingBreach[] = [];
  if (f.notRated) {
    out.push({
      rule: 'NOT_RATED',
      error:
        f.notRated === 'NOT_ACTIVE'
          ? new DomainError(
              'RATING_NOT_RATED',
              "The member was not an active member on the year's reference date; give overrideReason to record the rating anyway",
              'memberId',
            )
          : new DomainError(
              'RATING_NOT_RATED',
              `The member was not rated that year (${f.notRated}); give overrideReason to record the rating anyway`,
              'memberId',
              { notRatedReason: f.notRated },
            ),
    });
  }
  try {
    assertLevelWithinCap(f.level, f.cap, 'level');
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    out.push({
      rule: 'LEVEL_CAP',
      error: new DomainError(
        e.code,
        `${e.message}; give overrideReason to record the rating as decided then`,
        e.field,
        e.details,
      ),
    });
  }
  if (quotaEnforced(f.quotaBefore, f.quotaAfter, f.level)) {
    const q = f.quotaAfter!;
    out.push({
      rule: 'QUOTA',
      error: new DomainError(
        'RATING_QUOTA_EXCEEDED',
        `The rating breaks the "excellent" quota of its group that year (${q.excellent} HTXSNV, at most ${q.limit}); give overrideReason to record it anyway`,
        'overrideReason',
        { ...q },
      ),
    });
  }
  return out;
};

/**
 * Refuses a past rating that breaks a rule (the first breach's error) unless the caller gives an override reason, the
 * way a decision over the quota needs one: the record as it was decided then (a decision's number and date). Returns
 * what is stored and audited: the rules overridden and the reason (null when nothing was overridden).
 */
export const assertPastRatingAllowed = (
  breaches: readonly PastRatingBreach[],
  overrideReason: string | null | undefined,
): { overridden: PastRatingRule[]; reason: string | null } => {
  const [firstBreach] = breaches;
  if (!firstBreach) return { overridden: [], reason: null };
  const reason = overrideReason?.trim() ? overrideReason.trim() : null;
  if (!reason) throw firstBreach.error;
  return { overridden: breaches.map((b) => b.rule), reason };
};
