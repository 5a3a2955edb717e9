import {
  addMonths,
  addWorkingDays,
  addYears,
  compareIsoDate,
  formatIsoDate,
  isLeapYear,
  parseIsoDate,
  wholeMonthsBetween,
  type IsoDate,
} from '../dates';
import { DomainError } from '../errors';
import type { Policy } from '../policy';
import type { MemberStatus } from './status';

// Deadlines "within N working days" use addWorkingDays: the start date is day 0, the deadline day is in time.

/** End of probation: ceremony date + `policy.member.probationMonths` (12) months; the member is full from this date if recognised. */
export const probationEnd = (ceremonyDate: IsoDate, policy: Policy): IsoDate =>
  addMonths(ceremonyDate, policy.member.probationMonths);

/** Last day for the cell to consider recognition: probationEnd + `recognitionWorkingDays` (30) working days. */
export const recognitionDeadline = (ceremonyDate: IsoDate, policy: Policy, holidays?: ReadonlySet<IsoDate>): IsoDate =>
  addWorkingDays(probationEnd(ceremonyDate, policy), policy.member.recognitionWorkingDays, holidays);

export const PROBATION_STATES = ['NONE', 'IN_PROBATION', 'DUE', 'OVERDUE'] as const;
export type ProbationState = (typeof PROBATION_STATES)[number];

/**
 * Where a member stands in probation on `asOf`: 'NONE' unless PROBATIONARY with a ceremony date on or
 * before `asOf`; 'IN_PROBATION' before probationEnd; 'DUE' from probationEnd to the recognition deadline
 * inclusive; 'OVERDUE' after it (docs/rules.md#r-recognition-deadline).
 */
export const probationState = (
  m: { status: MemberStatus | null; ceremonyDate: IsoDate | null },
  asOf: IsoDate,
  policy: Policy,
  holidays?: ReadonlySet<IsoDate>,
): ProbationState => {
  if (m.status !== 'PROBATIONARY' || m.ceremonyDate === null || compareIsoDate(asOf, m.ceremonyDate) < 0) return 'NONE';
  if (compareIsoDate(asOf, probationEnd(m.ceremonyDate, policy)) < 0) return 'IN_PROBATION';
  return compareIsoDate(asOf, recognitionDeadline(m.ceremonyDate, policy, holidays)) <= 0 ? 'DUE' : 'OVERDUE';
};

/** Last day to hold the admission ceremony: decision date + `ceremonyWorkingDays` (30) working days. */
export const ceremonyDeadline = (
  admissionDecisionDate: IsoDate,
  policy: Policy,
  holidays?: ReadonlySet<IsoDate>,
): IsoDate => addWorkingDays(admissionDecisionDate, policy.member.ceremonyWorkingDays, holidays);

export type CeremonyState = 'NONE' | 'PENDING' | 'OVERDUE';

/**
 * Whether an admitted member's ceremony is awaited on `asOf`: 'NONE' unless PROBATIONARY with a decision
 * date on or before `asOf` and no ceremony held yet (a ceremony date after `asOf` is only planned);
 * 'PENDING' up to the deadline inclusive, 'OVERDUE' after (a later ceremony needs the higher committee's consent).
 */
export const ceremonyState = (
  m: { status: MemberStatus | null; admissionDecisionDate: IsoDate | null; ceremonyDate: IsoDate | null },
  asOf: IsoDate,
  policy: Policy,
  holidays?: ReadonlySet<IsoDate>,
): CeremonyState => {
  if (m.status !== 'PROBATIONARY' || m.admissionDecisionDate === null) return 'NONE';
  if (compareIsoDate(asOf, m.admissionDecisionDate) < 0) return 'NONE';
  if (m.ceremonyDate !== null && compareIsoDate(m.ceremonyDate, asOf) <= 0) return 'NONE';
  return compareIsoDate(asOf, ceremonyDeadline(m.admissionDecisionDate, policy, holidays)) <= 0 ? 'PENDING' : 'OVERDUE';
};

/**
 * Party age on `asOf` in whole years and months, counted from the date of the admission decision
 * (docs/rules.md#r-party-age). Zero before that date. Re-admitted members (an open question) are the caller's choice of date.
 */
export const partyAge = (admissionDecisionDate: IsoDate, asOf: IsoDate): { years: number; months: number } => {
  const total = wholeMonthsBetween(admissionDecisionDate, asOf);
  return { years: Math.floor(total / 12), months: total % 12 };
};

export type BadgeDue = { milestone: number; reachedOn: IsoDate; awardOn: IsoDate };

// Occasion dates of a year in order; '02-29' exists only in leap years.
const occasionsIn = (year: number, policy: Policy): IsoDate[] =>
  policy.member.badgeOccasions
    .map((mmdd) => ({ month: Number(mmdd.slice(0, 2)), day: Number(mmdd.slice(3, 5)) }))
    .filter(({ month, day }) => !(month === 2 && day === 29 && !isLeapYear(year)))
    .map(({ month, day }) => formatIsoDate({ year, month, day }))
    .sort();

/** First badge occasion on or after `date`, rolling into the next years if none is left (null if there are no occasions). */
export const nextBadgeOccasion = (date: IsoDate, policy: Policy): IsoDate | null => {
  const { year } = parseIsoDate(date);
  for (let y = year; y <= year + 4; y += 1) {
    const found = occasionsIn(y, policy).find((d) => compareIsoDate(d, date) >= 0);
    if (found !== undefined) return found;
  }
  return null;
};

const badgeFor = (admissionDecisionDate: IsoDate, milestone: number, policy: Policy): BadgeDue | null => {
  const reachedOn = addYears(admissionDecisionDate, milestone);
  const awardOn = nextBadgeOccasion(reachedOn, policy);
  return awardOn === null ? null : { milestone, reachedOn, awardOn };
};

/**
 * The badge milestone (party age in years) a member reaches during calendar `year`, with the date it is
 * reached and the first presentation occasion on or after it (3/2, 19/5, 2/9, 7/11 by default; next
 * year's first occasion if none is left), or null. Early awards for the seriously ill or posthumous
 * awards (up to 12/24 months early) are decided case by case and are not computed here.
 */
export const badgeDue = (admissionDecisionDate: IsoDate, year: number, policy: Policy): BadgeDue | null => {
  for (const milestone of policy.member.badgeMilestones) {
    const reachedOn = addYears(admissionDecisionDate, milestone);
    if (parseIsoDate(reachedOn).year === year) return badgeFor(admissionDecisionDate, milestone, policy);
  }
  return null;
};

/** The next milestone not yet reached on `asOf` (reached on the anniversary itself), with its dates; null after the last. */
export const nextBadge = (admissionDecisionDate: IsoDate, asOf: IsoDate, policy: Policy): BadgeDue | null => {
  for (const milestone of policy.member.badgeMilestones) {
    if (compareIsoDate(addYears(admissionDecisionDate, milestone), asOf) > 0)
      return badgeFor(admissionDecisionDate, milestone, policy);
  }
  return null;
};

/** Last day to complete a permanent transfer: the decision's effective date + `transferWorkingDays` (60) working days (QĐ 294, 6.3.1). */
export const transferDeadline = (
  decisionEffectiveDate: IsoDate,
  policy: Policy,
  holidays?: ReadonlySet<IsoDate>,
): IsoDate => addWorkingDays(decisionEffectiveDate, policy.member.transferWorkingDays, holidays);

/** Last day to present the introduction letter at the new cell: letter date + `transferPresentWorkingDays` (30) working days. */
export const presentDeadline = (letterDate: IsoDate, policy: Policy, holidays?: ReadonlySet<IsoDate>): IsoDate =>
  addWorkingDays(letterDate, policy.member.transferPresentWorkingDays, holidays);

/** Age in whole months on `date` (the month-anniversary of the birth date counts as reached). */
export const ageInMonths = (birthDate: IsoDate, date: IsoDate): number => wholeMonthsBetween(birthDate, date);

/**
 * Whether a candidate's age at the cell's admission vote is allowed: the age in whole months must be from
 * `admissionMinAgeMonths` (216 = 18 years) to `admissionMaxAgeMonths` (720 = 60 years), both inclusive.
 * So a candidate qualifies from their 18th birthday until the day before they turn 60 years and 1 month
 * ("aged 60" still qualifies, counted in months). Older candidates need the provincial committee (docs/rules.md#r-admission-age).
 */
export const admissionAgeOk = (birthDate: IsoDate, voteDate: IsoDate, policy: Policy): boolean => {
  const months = ageInMonths(birthDate, voteDate);
  return (
    compareIsoDate(birthDate, voteDate) < 0 &&
    months >= policy.member.admissionMinAgeMonths &&
    months <= policy.member.admissionMaxAgeMonths
  );
};

/** Throws DomainError('ADMISSION_AGE', …, 'birthDate') unless `admissionAgeOk`. */
export const assertAdmissionAge = (birthDate: IsoDate, voteDate: IsoDate, policy: Policy): void => {
  if (admissionAgeOk(birthDate, voteDate, policy)) return;
  const months = ageInMonths(birthDate, voteDate);
  throw new DomainError(
    'ADMISSION_AGE',
    `Age at the vote is ${Math.floor(months / 12)} years ${months % 12} months; allowed ${policy.member.admissionMinAgeMonths}–${policy.member.admissionMaxAgeMonths} months`,
    'birthDate',
    { ageMonths: months, min: policy.member.admissionMinAgeMonths, max: policy.member.admissionMaxAgeMonths },
  );
};

/**
 * A probationary member is recognised as full from the end of probation at the earliest (recognition is voted when
 * the 12 months are over; the member is full from probationEnd). Returns the problem for `effectiveOn`, or null.
 */
export const recognitionDateProblem = (
  ceremonyDate: IsoDate | null,
  effectiveOn: IsoDate,
  policy: Policy,
): { probationEnd: IsoDate; message: string } | null => {
  if (!ceremonyDate) return null;
  const end = probationEnd(ceremonyDate, policy);
  return compareIsoDate(effectiveOn, end) < 0
    ? {
        probationEnd: end,
        message: `Recognition takes effect at the end of probation (${end}) at the earliest, not ${effectiveOn}`,
      }
    : null;
};
