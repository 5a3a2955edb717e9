import { compareIsoDate, isValidIsoDate, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import type { Label } from '../labels';
import type { OrganisationKind } from '../organisation/kinds';
import { RATING_LEVEL_LABELS, type RatingLevel, type RatingSubjectKind } from './kinds';

// The rating round (docs/rules.md#r-rating-steps, QĐ 124; QĐ 366 similar, UNCONFIRMED): self-assessment, review and
// proposal by the cell or committee, decision by the competent level, announcement.

/** The steps in their order. */
export const RATING_STEPS = ['SELF_ASSESSMENT', 'PROPOSAL', 'DECISION', 'ANNOUNCED'] as const;

export type RatingStep = (typeof RATING_STEPS)[number];

export const RATING_STEP_LABELS: Record<RatingStep, Label> = {
  SELF_ASSESSMENT: { vi: 'Tự đánh giá', en: 'Self-assessment' },
  PROPOSAL: { vi: 'Nhận xét, đề xuất xếp loại', en: 'Review and proposal' },
  DECISION: { vi: 'Quyết định xếp loại', en: 'Decision' },
  ANNOUNCED: { vi: 'Thông báo kết quả', en: 'Announcement' },
};

/** Where one rating stands: no step done yet (PENDING), or the last step done. */
export const RATING_STAGES = ['PENDING', 'SELF_ASSESSED', 'PROPOSED', 'DECIDED', 'ANNOUNCED'] as const;

export type RatingStage = (typeof RATING_STAGES)[number];

export const RATING_STAGE_LABELS: Record<RatingStage, Label> = {
  PENDING: { vi: 'Chưa tự đánh giá', en: 'Not started' },
  SELF_ASSESSED: { vi: 'Đã tự đánh giá', en: 'Self-assessed' },
  PROPOSED: { vi: 'Đã đề xuất', en: 'Proposed' },
  DECIDED: { vi: 'Đã quyết định', en: 'Decided' },
  ANNOUNCED: { vi: 'Đã thông báo', en: 'Announced' },
};

export const RATING_ROUND_STATES = ['OPEN', 'ANNOUNCED'] as const;

export type RatingRoundState = (typeof RATING_ROUND_STATES)[number];

export const RATING_ROUND_STATE_LABELS: Record<RatingRoundState, Label> = {
  OPEN: { vi: 'Đang đánh giá', en: 'Open' },
  ANNOUNCED: { vi: 'Đã thông báo kết quả', en: 'Announced' },
};

/** QĐ 366: ratings per term, year, quarter or ad hoc; the party's main rating is at year-end. */
export const RATING_PERIOD_KINDS = ['YEAR', 'TERM', 'QUARTER', 'AD_HOC'] as const;

export type RatingPeriodKind = (typeof RATING_PERIOD_KINDS)[number];

export const RATING_PERIOD_KIND_LABELS: Record<RatingPeriodKind, Label> = {
  YEAR: { vi: 'Hằng năm', en: 'Yearly' },
  TERM: { vi: 'Nhiệm kỳ', en: 'Term' },
  QUARTER: { vi: 'Hằng quý', en: 'Quarterly' },
  AD_HOC: { vi: 'Đột xuất', en: 'Ad hoc' },
};

/** The stage of a rating from the times its steps were recorded. */
export const ratingStage = (r: {
  selfAssessedAt?: unknown;
  proposedAt?: unknown;
  decidedAt?: unknown;
  announcedAt?: unknown;
}): RatingStage =>
  r.announcedAt
    ? 'ANNOUNCED'
    : r.decidedAt
      ? 'DECIDED'
      : r.proposedAt
        ? 'PROPOSED'
        : r.selfAssessedAt
          ? 'SELF_ASSESSED'
          : 'PENDING';

// Which stages each step may start from; repeating a step revises it until the next step is taken.
const ALLOWED_FROM: Record<Exclude<RatingStep, 'ANNOUNCED'>, readonly RatingStage[]> = {
  SELF_ASSESSMENT: ['PENDING', 'SELF_ASSESSED'],
  PROPOSAL: ['SELF_ASSESSED', 'PROPOSED'],
  DECISION: ['PROPOSED', 'DECIDED'],
};

/**
 * Checks that `step` may be recorded for a rating at `stage` in a round in `roundState`: nothing once the round
 * is announced (RATING_ROUND_CLOSED); otherwise the order SELF_ASSESSMENT → PROPOSAL → DECISION, a step may be
 * repeated (revised) until the next one is taken (RATING_STEP_ORDER, with the stage and the step in details). `field`
 * is the input field the refusal names (the rating, or the subject of a self-assessment).
 */
export const assertRatingStep = (
  stage: RatingStage,
  step: Exclude<RatingStep, 'ANNOUNCED'>,
  roundState: RatingRoundState,
  field?: string,
): void => {
  if (roundState === 'ANNOUNCED' || stage === 'ANNOUNCED') {
    throw new DomainError(
      'RATING_ROUND_CLOSED',
      'The round has been announced; its ratings can no longer change',
      field,
      { stage, step },
    );
  }
  if (ALLOWED_FROM[step].includes(stage)) return;
  const why =
    step === 'PROPOSAL' && stage === 'PENDING'
      ? 'the self-assessment comes first'
      : step === 'DECISION' && (stage === 'PENDING' || stage === 'SELF_ASSESSED')
        ? 'a proposal comes first'
        : `the rating is already ${RATING_STAGE_LABELS[stage].en.toLowerCase()}`;
  throw new DomainError('RATING_STEP_ORDER', `${RATING_STEP_LABELS[step].en} is not possible now: ${why}`, field, {
    stage,
    step,
  });
};

/**
 * A decision that differs from the proposal must say why (docs/rules.md#r-rating-decision-reason). Throws RATING_REASON_REQUIRED
 * ('reason') when the levels differ and the reason is missing or blank. Returns the trimmed reason, or null.
 */
export const assertDecisionReason = (
  proposed: RatingLevel | null,
  decided: RatingLevel,
  reason: string | null | undefined,
): string | null => {
  const text = reason?.trim() ? reason.trim() : null;
  if (proposed !== null && proposed !== decided && text === null) {
    throw new DomainError(
      'RATING_REASON_REQUIRED',
      `The decision (${RATING_LEVEL_LABELS[decided].en}) differs from the proposal (${RATING_LEVEL_LABELS[proposed].en}); give the reason`,
      'reason',
      { proposed, decided },
    );
  }
  return text;
};

/** An organisation on the way up from the subject: the subject's own organisation first (a member's cell), then its parents. */
export type ChainLink<Id> = { id: Id; kind: OrganisationKind };

export type RatingAuthority<Id> = {
  subjectKind: RatingSubjectKind;
  /** The organisation that reviews and proposes. */
  proposerId: Id;
  /** The competent level that decides. */
  deciderId: Id;
  /** The grassroots organisation whose quota group the subject belongs to (null for a grassroots organisation itself). */
  grassrootsId: Id | null;
};

/**
 * Who proposes and who decides (docs/rules.md#r-rating-authority): the grassroots committee decides for its members and its
 * subordinate cells and sub-committees; the committee one level up decides for the grassroots organisation.
 * - a member: the cell proposes; the grassroots organisation decides (a grassroots cell decides for its own members);
 * - a subordinate cell or sub-committee: its parent proposes; the grassroots committee decides;
 * - a grassroots organisation: its parent committee proposes and decides.
 * `chain` runs from the subject's organisation (a member's cell) up to the root. Throws VALIDATION ('chain') when
 * the chain does not fit (a member outside a cell, an organisation kind that is not rated, no parent).
 */
export const ratingAuthority = <Id>(
  subject: 'MEMBER' | 'ORGANISATION',
  chain: readonly ChainLink<Id>[],
): RatingAuthority<Id> => {
  const fail = (why: string): never => {
    throw new DomainError('VALIDATION', `No rating authority: ${why}`, 'chain');
  };
  const [own, parent] = chain;
  if (!own) return fail('empty chain');
  const grassroots = chain.find((c) => c.kind === 'GRASSROOTS_COMMITTEE' || c.kind === 'GRASSROOTS_CELL');
  if (subject === 'MEMBER') {
    if (own.kind !== 'GRASSROOTS_CELL' && own.kind !== 'SUBORDINATE_CELL') return fail('a member is rated in a cell');
    if (!grassroots) return fail('the cell is not under a grassroots organisation');
    return { subjectKind: 'MEMBER', proposerId: own.id, deciderId: grassroots.id, grassrootsId: grassroots.id };
  }
  switch (own.kind) {
    case 'SUBORDINATE_CELL':
    case 'SUB_COMMITTEE':
      if (!parent || !grassroots) return fail('the unit is not under a grassroots committee');
      return { subjectKind: own.kind, proposerId: parent.id, deciderId: grassroots.id, grassrootsId: grassroots.id };
    case 'GRASSROOTS_COMMITTEE':
    case 'GRASSROOTS_CELL':
      if (!parent) return fail('a grassroots organisation needs a committee above it');
      return {
        subjectKind: 'GRASSROOTS_ORGANISATION',
        proposerId: parent.id,
        deciderId: parent.id,
        grassrootsId: null,
      };
    default:
      return fail(`${own.kind} is not rated`);
  }
};

export type RoundDeadlines = { selfAssessmentDue: IsoDate; proposalDue: IsoDate; decisionDue: IsoDate };

/** Deadlines are valid dates in step order (equal allowed): VALIDATION or INVALID_DATE_ORDER with the field. */
export const validateRoundDeadlines = (d: RoundDeadlines): void => {
  const keys = ['selfAssessmentDue', 'proposalDue', 'decisionDue'] as const;
  for (const k of keys)
    if (!isValidIsoDate(d[k])) throw new DomainError('VALIDATION', `Not a valid date: ${String(d[k])}`, k);
  if (compareIsoDate(d.proposalDue, d.selfAssessmentDue) < 0)
    throw new DomainError(
      'INVALID_DATE_ORDER',
      'The proposal deadline is before the self-assessment deadline',
      'proposalDue',
    );
  if (compareIsoDate(d.decisionDue, d.proposalDue) < 0)
    throw new DomainError('INVALID_DATE_ORDER', 'The decision deadline is before the proposal deadline', 'decisionDue');
};

/** The step whose deadline comes next on `on` (null once the decision deadline has passed): for reminders. */
export const currentStepDue = (d: RoundDeadlines, on: IsoDate): Exclude<RatingStep, 'ANNOUNCED'> | null => {
  if (compareIsoDate(on, d.selfAssessmentDue) <= 0) return 'SELF_ASSESSMENT';
  if (compareIsoDate(on, d.proposalDue) <= 0) return 'PROPOSAL';
  if (compareIsoDate(on, d.decisionDue) <= 0) return 'DECISION';
  return null;
};
