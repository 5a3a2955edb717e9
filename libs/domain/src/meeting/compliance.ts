import { compareIsoDate, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import type { Policy } from '../policy';
import {
  countsAsRegular,
  countsAsThematic,
  isHeldState,
  MEETING_KINDS,
  type MeetingKind,
  type MeetingState,
} from './kinds';

/** A meeting as the compliance rule sees it; only HELD and CLOSED meetings count. */
export type MeetingFact = {
  date: IsoDate;
  kind: MeetingKind;
  state: MeetingState;
  /** How many meetings this fact stands for (kept monthly counts: that many of that kind, dated in the same month). Default 1. */
  count?: number;
};

const weight = (m: MeetingFact): number => m.count ?? 1;

/** 'YYYY-MM'. */
export type MonthKey = string;
/** 'YYYY-Qn', n = 1…4. */
export type QuarterKey = string;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const monthKey = (year: number, month: number): MonthKey => `${String(year).padStart(4, '0')}-${pad2(month)}`;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

const checkPeriod = (from: IsoDate, to: IsoDate): void => {
  parseIsoDate(from, 'from');
  parseIsoDate(to, 'to');
  if (compareIsoDate(to, from) < 0)
    throw new DomainError('INVALID_DATE_ORDER', 'The period must not end before it starts', 'to', { from, to });
};

/** Parses 'YYYY-MM'; throws DomainError('VALIDATION', …, field) otherwise. */
export const parseMonthKey = (month: MonthKey, field = 'month'): { year: number; month: number } => {
  const m = typeof month === 'string' ? MONTH_RE.exec(month) : null;
  if (!m || Number(m[1]) < 1)
    throw new DomainError('VALIDATION', `Not a valid month (YYYY-MM): ${String(month)}`, field);
  return { year: Number(m[1]), month: Number(m[2]) };
};

const parseQuarterKey = (quarter: QuarterKey, field = 'quarter'): { year: number; quarter: number } => {
  const m = typeof quarter === 'string' ? QUARTER_RE.exec(quarter) : null;
  if (!m || Number(m[1]) < 1)
    throw new DomainError('VALIDATION', `Not a valid quarter (YYYY-Qn): ${String(quarter)}`, field);
  return { year: Number(m[1]), quarter: Number(m[2]) };
};

/** Calendar months overlapping [from, to] (both inclusive), as 'YYYY-MM', in order. */
export const monthsInPeriod = (from: IsoDate, to: IsoDate): MonthKey[] => {
  checkPeriod(from, to);
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const out: MonthKey[] = [];
  for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i += 1)
    out.push(monthKey(Math.floor(i / 12), (i % 12) + 1));
  return out;
};

/** Calendar quarters overlapping [from, to] (both inclusive), as 'YYYY-Qn', in order. */
export const quartersInPeriod = (from: IsoDate, to: IsoDate): QuarterKey[] => {
  checkPeriod(from, to);
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const out: QuarterKey[] = [];
  for (let i = a.year * 4 + Math.floor((a.month - 1) / 3); i <= b.year * 4 + Math.floor((b.month - 1) / 3); i += 1) {
    out.push(`${String(Math.floor(i / 4)).padStart(4, '0')}-Q${(i % 4) + 1}`);
  }
  return out;
};

// Day `dueDayOfMonth` of the month, clamped to its last day (and to at least the 1st).
const dueDayIn = (year: number, month: number, policy: Policy): IsoDate =>
  formatIsoDate({ year, month, day: Math.max(1, Math.min(policy.meeting.dueDayOfMonth, daysInMonth(year, month))) });

/** When month M's regular meeting is due: day `dueDayOfMonth` (31) of M, clamped to M's last day (2026-02 → 2026-02-28). */
export const regularDueOn = (month: MonthKey, policy: Policy): IsoDate => {
  const m = parseMonthKey(month);
  return dueDayIn(m.year, m.month, policy);
};

/** When a quarter's thematic meeting is due: day `dueDayOfMonth` of its last month, clamped (2026-Q1 → 2026-03-31). */
export const thematicDueOn = (quarter: QuarterKey, policy: Policy): IsoDate => {
  const q = parseQuarterKey(quarter);
  return dueDayIn(q.year, q.quarter * 3, policy);
};

export type MissingMeetingPeriod = {
  kind: 'REGULAR' | 'THEMATIC';
  /** '2026-05' for a month, '2026-Q2' for a quarter. */
  period: string;
  dueOn: IsoDate;
  /** Meetings of that kind held in the month or quarter, and how many were required. */
  held: number;
  required: number;
};

export type CellComplianceResult = {
  missing: MissingMeetingPeriod[];
  regularHeld: number;
  thematicHeld: number;
  behind: boolean;
};

export type CellComplianceInput = {
  meetings: readonly MeetingFact[];
  /** The period, both ends inclusive. */
  from: IsoDate;
  to: IsoDate;
  /** Judge as of this date: an obligation whose due date is not before asOf is not missing yet. */
  asOf: IsoDate;
  /** First day the cell existed in the tree (established or joined). Absent = always. */
  activeFrom?: IsoDate;
  /** First day the cell no longer existed there (dissolved or moved away): exclusive. Absent or null = still active. */
  activeTo?: IsoDate | null;
};

/**
 * Whether one cell held the meetings it owed over [from, to] (docs/rules.md#r-meeting-frequency: a regular meeting every month,
 * a thematic one every quarter).
 * - A month is missing its regular meeting when fewer than `regularPerMonth` (1) REGULAR/COMBINED meetings were
 *   held in it and its due date (`regularDueOn`) is before `asOf`. Likewise a quarter and `thematicPerQuarter`
 *   (1) THEMATIC/COMBINED meetings, due `thematicDueOn`. A COMBINED meeting counts for both.
 * - Only HELD and CLOSED meetings dated inside [from, to] count.
 * - Partial months and quarters are not judged:
 *   · of the period: only months and quarters lying wholly inside [from, to] are judged (the meetings of a month
 *     cut by the period may lie outside it). Ask for whole months (e.g. 2026-01-01..2026-06-30).
 *   · of the cell's life: a month or quarter is judged only if the cell was active from its first day through its
 *     due date (activeFrom <= first day, activeTo > due date). A cell established on 10 May owes nothing for May
 *     or for Q2; one dissolved (activeTo) on 20 May owes nothing for May; one dissolved on 1 June owes May.
 * - `regularHeld` / `thematicHeld` count the REGULAR/COMBINED and THEMATIC/COMBINED meetings held in the period.
 * `missing` is in order of due date (a month before a quarter due the same day); `behind` = anything missing.
 * Throws INVALID_DATE_ORDER ('to', 'activeTo') when a range ends before it starts, VALIDATION for bad dates.
 */
type PeriodSlot = { key: string; first: IsoDate; last: IsoDate; dueOn: IsoDate };

// The months and quarters of a period with their bounds and due dates depend only on the period and the due day,
// not on the cell: computed once and reused for every cell of a committee (a small bounded memo).
const periodMemo = new Map<string, { months: PeriodSlot[]; quarters: PeriodSlot[] }>();
const periodsOf = (from: IsoDate, to: IsoDate, policy: Policy): { months: PeriodSlot[]; quarters: PeriodSlot[] } => {
  const memoKey = `${from}|${to}|${policy.meeting.dueDayOfMonth}`;
  const hit = periodMemo.get(memoKey);
  if (hit) return hit;
  const months = monthsInPeriod(from, to).map((key) => {
    const { year, month } = parseMonthKey(key);
    return {
      key,
      first: formatIsoDate({ year, month, day: 1 }),
      last: formatIsoDate({ year, month, day: daysInMonth(year, month) }),
      dueOn: regularDueOn(key, policy),
    };
  });
  const quarters = quartersInPeriod(from, to).map((key) => {
    const { year, quarter: q } = parseQuarterKey(key);
    return {
      key,
      first: formatIsoDate({ year, month: q * 3 - 2, day: 1 }),
      last: formatIsoDate({ year, month: q * 3, day: daysInMonth(year, q * 3) }),
      dueOn: thematicDueOn(key, policy),
    };
  });
  if (periodMemo.size > 64) periodMemo.clear();
  const value = { months, quarters };
  periodMemo.set(memoKey, value);
  return value;
};

export const complianceForCell = (input: CellComplianceInput, policy: Policy): CellComplianceResult => {
  const { from, to, asOf } = input;
  checkPeriod(from, to);
  parseIsoDate(asOf, 'asOf');
  const activeFrom = input.activeFrom ?? null;
  const activeTo = input.activeTo ?? null;
  if (activeFrom !== null) parseIsoDate(activeFrom, 'activeFrom');
  if (activeTo !== null) parseIsoDate(activeTo, 'activeTo');
  if (activeFrom !== null && activeTo !== null && compareIsoDate(activeTo, activeFrom) < 0) {
    throw new DomainError('INVALID_DATE_ORDER', 'A cell cannot stop being active before it starts', 'activeTo', {
      activeFrom,
      activeTo,
    });
  }
  input.meetings.forEach((m, i) => {
    parseIsoDate(m.date, `meetings[${i}].date`);
    if (m.count !== undefined && !(Number.isInteger(m.count) && m.count >= 0))
      throw new DomainError('VALIDATION', `Not a meeting count: ${String(m.count)}`, `meetings[${i}].count`);
  });
  // Every date is validated above; valid 'YYYY-MM-DD' strings compare in date order, so the loops below compare
  // strings directly (this runs once per cell for whole committees: hundreds of cells × months).
  const cmp = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
  const held = input.meetings.filter((m) => isHeldState(m.state) && cmp(from, m.date) <= 0 && cmp(m.date, to) <= 0);

  const judged = (first: IsoDate, last: IsoDate, dueOn: IsoDate): boolean =>
    cmp(from, first) <= 0 &&
    cmp(last, to) <= 0 &&
    (activeFrom === null || cmp(activeFrom, first) <= 0) &&
    (activeTo === null || cmp(dueOn, activeTo) < 0) &&
    cmp(dueOn, asOf) < 0;
  const heldBetween = (first: IsoDate, last: IsoDate, counts: (k: MeetingKind) => boolean): number =>
    held.reduce((n, m) => (counts(m.kind) && cmp(first, m.date) <= 0 && cmp(m.date, last) <= 0 ? n + weight(m) : n), 0);

  const missing: MissingMeetingPeriod[] = [];
  const { months, quarters } = periodsOf(from, to, policy);
  for (const { key: month, first, last, dueOn } of months) {
    if (!judged(first, last, dueOn)) continue;
    const count = heldBetween(first, last, countsAsRegular);
    const required = policy.meeting.regularPerMonth;
    if (count < required) missing.push({ kind: 'REGULAR', period: month, dueOn, held: count, required });
  }
  for (const { key: quarter, first, last, dueOn } of quarters) {
    if (!judged(first, last, dueOn)) continue;
    const count = heldBetween(first, last, countsAsThematic);
    const required = policy.meeting.thematicPerQuarter;
    if (count < required) missing.push({ kind: 'THEMATIC', period: quarter, dueOn, held: count, required });
  }
  missing.sort((a, b) => cmp(a.dueOn, b.dueOn) || (a.kind === b.kind ? 0 : a.kind === 'REGULAR' ? -1 : 1));

  return {
    missing,
    regularHeld: held.reduce((n, m) => (countsAsRegular(m.kind) ? n + weight(m) : n), 0),
    thematicHeld: held.reduce((n, m) => (countsAsThematic(m.kind) ? n + weight(m) : n), 0),
    behind: missing.length > 0,
  };
};

/** Held (HELD or CLOSED) meetings by kind; every kind is present, 0 when none. */
export const meetingCounts = (meetings: readonly MeetingFact[]): Record<MeetingKind, number> => {
  const counts = Object.fromEntries(MEETING_KINDS.map((k) => [k, 0])) as Record<MeetingKind, number>;
  for (const m of meetings)
    if (isHeldState(m.state) && Object.prototype.hasOwnProperty.call(counts, m.kind)) counts[m.kind] += weight(m);
  return counts;
};
