import { DomainError } from '../errors';
import type { Policy } from '../policy';
import { percent } from '../report/percent';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Admissions owed in a year (docs/rules.md#r-admission-target): with `percentOfTermStart`, at least that share of the members at the
 * start of the term, rounded up ("at least 3%": 3% of 5,356 is 160.68, so 161); with `absolute`, the number set.
 * Throws VALIDATION ('membersAtTermStart') for a count that is not a non-negative integer.
 */
export const admissionTargetFor = (policy: Policy, membersAtTermStart: number): number => {
  if (!isCount(membersAtTermStart))
    throw new DomainError('VALIDATION', 'membersAtTermStart must be a non-negative integer', 'membersAtTermStart');
  const target = policy.rating.admissionTarget;
  if (target.kind === 'absolute') return target.count;
  return Math.ceil((membersAtTermStart * target.percent) / 100);
};

export type AdmissionProgress = {
  admitted: number;
  target: number;
  /** admitted / target in percent (2 decimals), null when the target is 0. */
  percent: number | null;
  met: boolean;
  /** Admissions still needed (0 once met). */
  remaining: number;
};

/** Progress of the year's admissions against the target. */
export const admissionProgress = (admitted: number, target: number): AdmissionProgress => {
  if (!isCount(admitted)) throw new DomainError('VALIDATION', 'admitted must be a non-negative integer', 'admitted');
  if (!isCount(target)) throw new DomainError('VALIDATION', 'target must be a non-negative integer', 'target');
  return {
    admitted,
    target,
    percent: percent(admitted, target),
    met: admitted >= target,
    remaining: Math.max(0, target - admitted),
  };
};
