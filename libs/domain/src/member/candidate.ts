import { addYears, compareIsoDate, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import type { Label } from '../labels';

// Admission pipeline (docs/rules.md#r-candidate-stages): quần chúng ưu tú → cảm tình Đảng → party-awareness course → admitted.
export const CANDIDATE_STAGES = ['PROMISING', 'SYMPATHISER', 'COURSE_COMPLETED', 'ADMITTED', 'DROPPED'] as const;

export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

export const CANDIDATE_STAGE_LABELS: Record<CandidateStage, Label> = {
  PROMISING: { vi: 'Quần chúng ưu tú', en: 'Promising candidate' },
  SYMPATHISER: { vi: 'Cảm tình Đảng', en: 'Party sympathiser' },
  COURSE_COMPLETED: { vi: 'Đã học lớp bồi dưỡng nhận thức về Đảng', en: 'Completed the party-awareness course' },
  ADMITTED: { vi: 'Đã kết nạp', en: 'Admitted' },
  DROPPED: { vi: 'Dừng xem xét', en: 'Dropped' },
};

const NEXT: Record<CandidateStage, CandidateStage | null> = {
  PROMISING: 'SYMPATHISER',
  SYMPATHISER: 'COURSE_COMPLETED',
  COURSE_COMPLETED: 'ADMITTED',
  ADMITTED: null,
  DROPPED: null,
};

/** ADMITTED and DROPPED are final. */
export const isFinalCandidateStage = (stage: CandidateStage): boolean => NEXT[stage] === null;

/** Stages reachable from `stage` in one move: the next stage, and DROPPED from any non-final stage. */
export const nextCandidateStages = (stage: CandidateStage): CandidateStage[] => {
  const next = NEXT[stage];
  return next === null ? [] : [next, 'DROPPED'];
};

/**
 * Moves a candidate to `to`, which must be the next stage (one step forward) or DROPPED from a
 * non-final stage; returns `to`, or throws DomainError('INVALID_STATUS_TRANSITION', …, 'stage').
 */
export const advanceCandidate = (stage: CandidateStage, to: CandidateStage): CandidateStage => {
  if (nextCandidateStages(stage).includes(to)) return to;
  throw new DomainError(
    'INVALID_STATUS_TRANSITION',
    `A candidate cannot go from ${CANDIDATE_STAGE_LABELS[stage].en} to ${CANDIDATE_STAGE_LABELS[to].en}`,
    'stage',
    { from: stage, to, allowed: nextCandidateStages(stage) },
  );
};

/** The party-awareness course certificate is valid for 5 years (docs/rules.md#r-course-certificate). */
export const COURSE_CERTIFICATE_VALID_YEARS = 5;

/**
 * Whether a party-awareness course certificate dated `courseDate` is valid on `asOf`: from the course date
 * through its 5th anniversary inclusive (a period in years ends on the corresponding day, Civil Code 2015
 * art. 148); a 29 February course runs to 28 February.
 */
export const courseCertificateValid = (
  courseDate: IsoDate,
  asOf: IsoDate,
  years: number = COURSE_CERTIFICATE_VALID_YEARS,
): boolean => compareIsoDate(courseDate, asOf) <= 0 && compareIsoDate(asOf, addYears(courseDate, years)) <= 0;
