import {
  compareIsoDate,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isLeapYear,
  parseIsoDate,
  type IsoDate,
} from '../dates';
import { DomainError } from '../errors';
import type { Policy } from '../policy';
import { percent, type PercentRounding } from '../report/percent';
import { countsTowardInspectionTarget, isSupervision, type InspectionState, type InspectionType } from './kinds';

/** An inspection as the target and coverage rules see it. */
export type InspectionFact = {
  type: InspectionType;
  state: InspectionState;
  plannedFrom: IsoDate;
  startedOn: IsoDate | null;
  concludedOn: IsoDate | null;
};

const yearStart = (year: number): IsoDate => `${String(year).padStart(4, '0')}-01-01`;
const yearEnd = (year: number): IsoDate => `${String(year).padStart(4, '0')}-12-31`;

const checkYear = (year: number): void => {
  if (!Number.isSafeInteger(year) || year < 1900 || year > 9999)
    throw new DomainError('VALIDATION', `Not a valid year: ${year}`, 'year');
};

/**
 * The one date on which the figures for `year` are taken, judged as of `asOf`: `asOf` itself, capped at
 * 31 December of the year. On that date the rule reads the tree (which cells are under the organisation, under
 * which committee), each cell's committee status (with or without a chi ủy) and the records (what was concluded,
 * started or only planned by then). One date for everything makes every figure and the list behind it
 * reproducible from a single snapshot, and the tracker agrees with what the cell's own page shows for that date.
 * Throws VALIDATION ('asOf') when `asOf` is before the year starts: nothing can be judged yet.
 */
export const targetReferenceDate = (year: number, asOf: IsoDate): IsoDate => {
  checkYear(year);
  parseIsoDate(asOf, 'asOf');
  if (compareIsoDate(asOf, yearStart(year)) < 0)
    throw new DomainError('VALIDATION', `The year ${year} has not started on ${asOf}`, 'asOf', { year, asOf });
  return compareIsoDate(asOf, yearEnd(year)) > 0 ? yearEnd(year) : asOf;
};

export type InspectionProgress = 'CONCLUDED' | 'IN_PROGRESS' | 'PLANNED';

/**
 * Where one inspection stood for `year` on the reference date `ref` (see targetReferenceDate), or null when it
 * does not belong to that year's figures:
 * - CANCELLED: never counted (null);
 * - CONCLUDED with `concludedOn` <= ref: 'CONCLUDED' when concluded within the year, null when in an earlier year;
 * - otherwise started on or before ref: 'IN_PROGRESS' (an inspection concluded after ref was in progress then);
 * - otherwise: 'PLANNED' when planned to start by the year's end (an open one from an earlier year stays
 *   planned, overdue), null when planned for a later year.
 */
export const inspectionProgressOn = (fact: InspectionFact, year: number, ref: IsoDate): InspectionProgress | null => {
  if (fact.state === 'CANCELLED') return null;
  if (fact.state === 'CONCLUDED' && fact.concludedOn !== null && compareIsoDate(fact.concludedOn, ref) <= 0) {
    return compareIsoDate(fact.concludedOn, yearStart(year)) >= 0 ? 'CONCLUDED' : null;
  }
  if (fact.startedOn !== null && compareIsoDate(fact.startedOn, ref) <= 0) return 'IN_PROGRESS';
  return compareIsoDate(fact.plannedFrom, yearEnd(year)) <= 0 ? 'PLANNED' : null;
};

/** Concluded inspections a cell owes in a year under the policy: with a chi ủy 2, without 1 (article 002 defaults). */
export const requiredInspections = (hasCellCommittee: boolean, policy: Policy): number =>
  hasCellCommittee ? policy.inspection.targetWithCellCommittee : policy.inspection.targetWithoutCellCommittee;

/** Days of `year` elapsed on `ref` (1 January = 1) and the days in the year. */
export const yearElapsed = (year: number, ref: IsoDate): { elapsedDays: number; daysInYear: number } => {
  checkYear(year);
  const elapsedDays = daysBetween(yearStart(year), ref) + 1;
  const daysInYear = isLeapYear(year) ? 366 : 365;
  if (elapsedDays < 1 || elapsedDays > daysInYear)
    throw new DomainError('VALIDATION', `${ref} is not in ${year}`, 'asOf');
  return { elapsedDays, daysInYear };
};

export type CellTargetInput = {
  /** The cell's status on the reference date (hasCellCommittee on that date). */
  hasCellCommittee: boolean;
  /** The inspections carried out by the cell itself (body CELL or CELL_COMMITTEE), any year and state. */
  inspections: readonly InspectionFact[];
  year: number;
  asOf: IsoDate;
};

export type CellTargetResult = {
  /** The reference date the figures were taken on. */
  referenceDate: IsoDate;
  required: number;
  /** Inspections (not supervisions) concluded in the year up to the reference date: the only ones that count. */
  concluded: number;
  /** Started and not concluded by the reference date. */
  inProgress: number;
  /** Not started by the reference date (planned for this year, or overdue from an earlier one). */
  planned: number;
  /** Concluded inspections still missing: max(0, required − concluded). A cell "behind by 1" has missing = 1. */
  missing: number;
  met: boolean;
  /** Concluded inspections projected to the year's end at the pace so far: floor(concluded × daysInYear / elapsedDays). */
  projectedConcluded: number;
  /** Met already, or on pace to meet it by 31 December (concluded × daysInYear >= required × elapsedDays). */
  onPace: boolean;
};

/**
 * The yearly inspection target for one cell (docs/rules.md#r-inspection-target; article 002: "a cell with a chi ủy carries out at
 * least 2 inspections a year, a cell without one at least 1"), judged as of `asOf`.
 * - Required: `requiredInspections` of the cell's committee status on the reference date (`targetReferenceDate`:
 *   asOf capped at 31 December).
 * - Counted: inspections of type COMPLIANCE or SIGNS_OF_VIOLATION (never supervisions) that were CONCLUDED
 *   within the year on or before the reference date (`inspectionProgressOn`). Planned and in-progress ones are
 *   shown but never counted.
 * - Projection: the pace so far, per cell, exactly on integers: on pace when
 *   concluded × daysInYear >= required × elapsedDays.
 * A cell created during the year owes the full target once it is in the tree (no pro-rating); which cells are
 * judged is the caller's choice of tree (the tree on the reference date), and inspections follow the cell.
 */
export const inspectionTargetForCell = (input: CellTargetInput, policy: Policy): CellTargetResult =>
  inspectionTargetFromCounts(
    {
      hasCellCommittee: input.hasCellCommittee,
      counts: inspectionCountsOn(input.inspections, input.year, targetReferenceDate(input.year, input.asOf)),
      year: input.year,
      asOf: input.asOf,
    },
    policy,
  );

/** A cell's inspections by where they stood for `year` on the reference date `ref` (inspectionProgressOn). */
export type InspectionCounts = { concluded: number; inProgress: number; planned: number };

/** Counts a cell's inspections for the target of `year` on `ref`: supervisions never, the rest by inspectionProgressOn. */
export const inspectionCountsOn = (
  inspections: readonly InspectionFact[],
  year: number,
  ref: IsoDate,
): InspectionCounts => {
  const counts: InspectionCounts = { concluded: 0, inProgress: 0, planned: 0 };
  for (const fact of inspections) {
    if (!countsTowardInspectionTarget(fact.type)) continue;
    const p = inspectionProgressOn(fact, year, ref);
    if (p === 'CONCLUDED') counts.concluded++;
    else if (p === 'IN_PROGRESS') counts.inProgress++;
    else if (p === 'PLANNED') counts.planned++;
  }
  return counts;
};

/**
 * inspectionTargetForCell from the cell's counts on the reference date (inspectionCountsOn, or the database's kept
 * per-cell counts that follow the same rule), not its inspections.
 */
export const inspectionTargetFromCounts = (
  input: { hasCellCommittee: boolean; counts: InspectionCounts; year: number; asOf: IsoDate },
  policy: Policy,
): CellTargetResult => {
  const referenceDate = targetReferenceDate(input.year, input.asOf);
  const required = requiredInspections(input.hasCellCommittee, policy);
  const { concluded, inProgress, planned } = input.counts;
  const { elapsedDays, daysInYear } = yearElapsed(input.year, referenceDate);
  const met = concluded >= required;
  return {
    referenceDate,
    required,
    concluded,
    inProgress,
    planned,
    missing: Math.max(0, required - concluded),
    met,
    projectedConcluded: Math.floor((concluded * daysInYear) / elapsedDays),
    onPace: met || concluded * daysInYear >= required * elapsedDays,
  };
};

/**
 * Rounding of every percentage of this module: truncated to 2 decimals (never rounded up), as in the reports
 * the target comes from: 229 of 321 cells is printed "71,33% kế hoạch" (article 002), although half-up would
 * give 71.34. Truncating also means a share shows 100% only when every cell has met the target.
 */
export const INSPECTION_PERCENT_ROUNDING: PercentRounding = 'truncate';

/** A share in percent with 2 decimals, truncated (INSPECTION_PERCENT_ROUNDING); null when the denominator is 0. */
export const inspectionPercent = (numerator: number, denominator: number): number | null =>
  percent(numerator, denominator, 2, { rounding: INSPECTION_PERCENT_ROUNDING });

export type TargetSummary = {
  /** Cells subject to the target (the denominator). */
  subjectCount: number;
  metCount: number;
  behindCount: number;
  /** metCount / subjectCount in percent, truncated to 2 decimals; null with no cell. */
  percent: number | null;
  /** Cells that have met the target or are on pace to by the year's end. */
  projectedMetCount: number;
  projectedPercent: number | null;
};

/** Totals over cells judged by `inspectionTargetForCell`: 229 met of 321 gives 229/321 = 71.33%. */
export const summariseTarget = (cells: readonly Pick<CellTargetResult, 'met' | 'onPace'>[]): TargetSummary => {
  const metCount = cells.filter((c) => c.met).length;
  const projectedMetCount = cells.filter((c) => c.met || c.onPace).length;
  return {
    subjectCount: cells.length,
    metCount,
    behindCount: cells.length - metCount,
    percent: inspectionPercent(metCount, cells.length),
    projectedMetCount,
    projectedPercent: inspectionPercent(projectedMetCount, cells.length),
  };
};

/**
 * Counts towards a cell's supervision coverage for `year` on the reference date `ref`: a supervision
 * (REGULAR_SUPERVISION or THEMATIC_SUPERVISION) carried out by the cell, started within the year on or before
 * `ref` and not cancelled (in progress or concluded: regular supervision runs all year).
 */
export const countsTowardSupervisionCoverage = (fact: InspectionFact, year: number, ref: IsoDate): boolean =>
  isSupervision(fact.type) &&
  (fact.state === 'IN_PROGRESS' || fact.state === 'CONCLUDED') &&
  fact.startedOn !== null &&
  compareIsoDate(fact.startedOn, yearStart(year)) >= 0 &&
  compareIsoDate(fact.startedOn, ref) <= 0;

export type CoverageStatus = 'NO_MEMBERS' | 'BELOW' | 'WITHIN' | 'ABOVE';

export type CoverageResult = {
  members: number;
  supervised: number;
  /** supervised / members in percent, truncated to 2 decimals; null with no members. */
  percent: number | null;
  /** Against the policy's range [supervisionCoverageMinPercent, supervisionCoverageMaxPercent]. */
  status: CoverageStatus;
  /** At least the minimum share (supervising more than the maximum is not a failure). */
  met: boolean;
};

/**
 * Supervision coverage of one cell (docs/rules.md#r-supervision-coverage, Bình Định 2019: supervise 30–50% of the members every year):
 * `supervised` distinct members of the cell on the reference date who were subjects of a supervision counted by
 * `countsTowardSupervisionCoverage`, over `members` (the cell's own members on that date; members hosted on a
 * temporary transfer are not counted, docs/rules.md#r-membership-count). Compared exactly on integers: BELOW when
 * supervised × 100 < min × members, ABOVE when supervised × 100 > max × members.
 */
export const supervisionCoverage = (input: { members: number; supervised: number }, policy: Policy): CoverageResult => {
  const { members, supervised } = input;
  if (!Number.isSafeInteger(members) || members < 0)
    throw new DomainError('VALIDATION', 'members must be a non-negative integer', 'members');
  if (!Number.isSafeInteger(supervised) || supervised < 0 || supervised > members) {
    throw new DomainError('VALIDATION', 'supervised must be an integer from 0 to members', 'supervised');
  }
  const { supervisionCoverageMinPercent: min, supervisionCoverageMaxPercent: max } = policy.inspection;
  const status: CoverageStatus =
    members === 0
      ? 'NO_MEMBERS'
      : supervised * 100 < min * members
        ? 'BELOW'
        : supervised * 100 > max * members
          ? 'ABOVE'
          : 'WITHIN';
  return {
    members,
    supervised,
    percent: inspectionPercent(supervised, members),
    status,
    met: status === 'WITHIN' || status === 'ABOVE',
  };
};

/**
 * When the next counted inspection of a cell falls due, spreading the year's target evenly over the months: the
 * k-th of `required` is due by the last day of month ceil(12·k / required) — with 2 a year, the first by 30 June
 * and the second by 31 December; with 1, by 31 December. Null when the target is met. An alert on a cell behind the
 * target (INSPECTION_BEHIND) is raised once this date has passed, so January does not flag every cell.
 */
export const nextInspectionDueOn = (required: number, concluded: number, year: number): IsoDate | null => {
  if (!Number.isInteger(required) || required < 0 || !Number.isInteger(concluded) || concluded < 0) {
    throw new DomainError('VALIDATION', 'required and concluded must be non-negative integers', 'required');
  }
  if (concluded >= required) return null;
  const month = Math.ceil((12 * (concluded + 1)) / required);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
};
