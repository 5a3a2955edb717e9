import { compareIsoDate, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import type { Policy } from '../policy';
import { parseMonthKey, type MonthKey } from './compliance';

// Higher committee members assigned to follow a cell attend its meetings, score them and report monthly
// (docs/rules.md#visits; article 001). No national minimum number of visits exists, so it is per assignment or per policy.

/**
 * A committee member assigned to a cell over [from, to): `to` is exclusive (the first day no longer assigned;
 * null = open-ended), as in the API's `daterange(valid_from, valid_to)`. `requiredPerYear` null = the policy's
 * `meeting.visitsPerYear`.
 */
export type Assignment = {
  visitorId: string;
  cellId: string;
  from: IsoDate;
  to: IsoDate | null;
  requiredPerYear: number | null;
};

const checkAssignment = (a: Assignment): void => {
  parseIsoDate(a.from, 'assignment.from');
  if (a.to !== null) {
    parseIsoDate(a.to, 'assignment.to');
    if (compareIsoDate(a.to, a.from) <= 0) {
      throw new DomainError('INVALID_DATE_ORDER', 'An assignment must end after it starts', 'assignment.to', {
        from: a.from,
        to: a.to,
      });
    }
  }
  if (a.requiredPerYear !== null && !(Number.isSafeInteger(a.requiredPerYear) && a.requiredPerYear >= 0)) {
    throw new DomainError(
      'VALIDATION',
      `requiredPerYear must be a non-negative integer, got ${a.requiredPerYear}`,
      'assignment.requiredPerYear',
    );
  }
};

const checkYear = (year: number): void => {
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    throw new DomainError('VALIDATION', `Not a valid year: ${year}`, 'year');
};

const perYear = (a: Assignment, policy: Policy): number => a.requiredPerYear ?? policy.meeting.visitsPerYear;

// Calendar months of `year` that the assignment covers in full, with their last days, in order.
const coveredMonths = (a: Assignment, year: number): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const first = formatIsoDate({ year, month, day: 1 });
    const last = formatIsoDate({ year, month, day: daysInMonth(year, month) });
    if (compareIsoDate(a.from, first) <= 0 && (a.to === null || compareIsoDate(last, a.to) < 0)) out.push(last);
  }
  return out;
};

/**
 * Visits the assignment requires in `year`: requiredPerYear (or `visitsPerYear`, 2) pro rata to the calendar
 * months of that year the assignment covers in full, rounded up: ceil(perYear × months / 12). A whole year
 * gives perYear; from 2 January (11 months) 2 × 11 / 12 → 2; from 1 July, 6 per year → 3; a month only partly
 * covered does not count, so an assignment from 20 December requires nothing that year.
 */
export const requiredVisits = (assignment: Assignment, year: number, policy: Policy): number => {
  checkAssignment(assignment);
  checkYear(year);
  return Math.ceil((perYear(assignment, policy) * coveredMonths(assignment, year).length) / 12);
};

export type VisitCoverage = {
  /** The year's requirement (`requiredVisits`). */
  required: number;
  /** What should have been done by asOf: the requirement of the covered months that have ended (see visitCoverage). */
  dueSoFar: number;
  done: number;
  scored: number;
  unscored: number;
  behind: boolean;
};

/**
 * One visitor's progress on one assignment in `year`, as of `asOf`. Pass the visits the visitor attended at the
 * assigned cell (`scored`: they scored the meeting). Counted: visits dated in `year`, inside the assignment's
 * span and on or before asOf. `dueSoFar`: with e covered months ended before asOf out of t covered months,
 * floor(perYear × e / 12) while the year's covered months are not all over (an even pace: 2 a year → 1 due
 * once 6 months are over), and `required` once they are. `behind` = done < dueSoFar.
 */
export const visitCoverage = (
  input: { assignment: Assignment; visits: readonly { date: IsoDate; scored: boolean }[]; year: number; asOf: IsoDate },
  policy: Policy,
): VisitCoverage => {
  const { assignment: a, year, asOf } = input;
  checkAssignment(a);
  checkYear(year);
  parseIsoDate(asOf, 'asOf');
  const months = coveredMonths(a, year);
  const required = Math.ceil((perYear(a, policy) * months.length) / 12);
  const ended = months.filter((last) => compareIsoDate(last, asOf) < 0).length;
  const dueSoFar = ended === months.length ? required : Math.floor((perYear(a, policy) * ended) / 12);
  const counted = input.visits.filter((v, i) => {
    const { year: y } = parseIsoDate(v.date, `visits[${i}].date`);
    return (
      y === year &&
      compareIsoDate(a.from, v.date) <= 0 &&
      (a.to === null || compareIsoDate(v.date, a.to) < 0) &&
      compareIsoDate(v.date, asOf) <= 0
    );
  });
  const scored = counted.filter((v) => v.scored).length;
  return {
    required,
    dueSoFar,
    done: counted.length,
    scored,
    unscored: counted.length - scored,
    behind: counted.length < dueSoFar,
  };
};

/** Only a visitor assigned to the cell who attended the meeting may score it. */
export const mayScore = (v: { isAssigned: boolean; attended: boolean }): boolean => v.isAssigned && v.attended;

/** When a visitor's report for `month` ('YYYY-MM') is due: day `visitReportDueDay` (5) of the next month, clamped to its last day. */
export const visitReportDueOn = (month: MonthKey, policy: Policy): IsoDate => {
  const { year, month: m } = parseMonthKey(month);
  const ny = m === 12 ? year + 1 : year;
  const nm = m === 12 ? 1 : m + 1;
  return formatIsoDate({
    year: ny,
    month: nm,
    day: Math.max(1, Math.min(policy.meeting.visitReportDueDay, daysInMonth(ny, nm))),
  });
};

export type VisitReportState = 'NOT_DUE' | 'DUE' | 'SUBMITTED' | 'LATE' | 'SUBMITTED_LATE';

/**
 * A monthly visit report's state on `asOf`:
 * - submitted on or before asOf: 'SUBMITTED' if on or before the due date (`visitReportDueOn`), else 'SUBMITTED_LATE';
 * - otherwise 'NOT_DUE' while the month is not over (asOf <= its last day), 'DUE' from the next month's first day
 *   through the due date, 'LATE' after it.
 * A submission dated after asOf is not seen (figures as of a past date).
 */
export const visitReportState = (
  input: { month: MonthKey; submittedOn: IsoDate | null; asOf: IsoDate },
  policy: Policy,
): VisitReportState => {
  const dueOn = visitReportDueOn(input.month, policy);
  parseIsoDate(input.asOf, 'asOf');
  if (input.submittedOn !== null) parseIsoDate(input.submittedOn, 'submittedOn');
  if (input.submittedOn !== null && compareIsoDate(input.submittedOn, input.asOf) <= 0) {
    return compareIsoDate(input.submittedOn, dueOn) <= 0 ? 'SUBMITTED' : 'SUBMITTED_LATE';
  }
  const { year, month } = parseMonthKey(input.month);
  const monthEnd = formatIsoDate({ year, month, day: daysInMonth(year, month) });
  if (compareIsoDate(input.asOf, monthEnd) <= 0) return 'NOT_DUE';
  return compareIsoDate(input.asOf, dueOn) <= 0 ? 'DUE' : 'LATE';
};
