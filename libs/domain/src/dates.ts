import { DomainError } from './errors';

// Calendar dates only: no time of day, no time zone. Arithmetic is done on day numbers
// (days since 1970-01-01, proleptic Gregorian) with integer formulas, so results are the same
// in Node and in any browser regardless of the local zone.
export type IsoDate = string;

export type DateParts = { year: number; month: number; day: number };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MIN_DAY_NUMBER = -719162; // 0001-01-01
const MAX_DAY_NUMBER = 2932896; // 9999-12-31

/** True for a Gregorian leap year. */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** The last day of a month given as 'YYYY-MM' (e.g. '2024-02' → '2024-02-29'). */
export const lastDayOfMonth = (month: string): IsoDate => {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 7)}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
};

const partsAreValid = ({ year, month, day }: DateParts): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  year >= 1 &&
  year <= 9999 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

/**
 * The parts of `s` when it is a real calendar date written exactly as 'YYYY-MM-DD' (years 0001–9999, ASCII digits),
 * else null. Read by character codes, not a regular expression: every date comparison goes through here, several per
 * row of an import and per member-month of the dues rules (a regular expression's match and its strings were most of
 * the dues seed's JavaScript time).
 */
const partsOf = (s: unknown): DateParts | null => {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const parts = { year: digits(s, 0, 4), month: digits(s, 5, 2), day: digits(s, 8, 2) };
  return partsAreValid(parts) ? parts : null;
};

/** The number written by the `n` ASCII digits of `s` from `at`; -1 if any of them is not a digit 0–9. */
const digits = (s: string, at: number, n: number): number => {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
};

/** True when `s` is a real calendar date written exactly as 'YYYY-MM-DD' (years 0001–9999). */
export const isValidIsoDate = (s: unknown): s is IsoDate => partsOf(s) !== null;

/** Splits an ISO date into numbers; throws DomainError('VALIDATION') if it is not a valid 'YYYY-MM-DD'. */
export const parseIsoDate = (s: IsoDate, field = 'date'): DateParts => {
  const parts = partsOf(s);
  if (!parts) throw new DomainError('VALIDATION', `Not a valid date (YYYY-MM-DD): ${String(s)}`, field);
  return parts;
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Writes date parts as 'YYYY-MM-DD'; throws DomainError('VALIDATION') for an impossible date. */
export const formatIsoDate = (parts: DateParts): IsoDate => {
  if (!partsAreValid(parts)) throw new DomainError('VALIDATION', `Not a valid date: ${JSON.stringify(parts)}`, 'date');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
};

/** Days since 1970-01-01 (negative before). Integer "days from civil" (H. Hinnant). */
export const toDayNumber = (date: IsoDate): number => {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** The ISO date of a day number (inverse of `toDayNumber`). */
export const fromDayNumber = (dayNumber: number): IsoDate => {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new DomainError('VALIDATION', `Date out of range (day number ${dayNumber})`, 'date');
  }
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
};

const assertInteger = (n: number, field: string): void => {
  if (!Number.isInteger(n)) throw new DomainError('VALIDATION', `Expected an integer, got ${n}`, field);
};

/** `date` plus `n` calendar days (n may be negative). */
export const addDays = (date: IsoDate, n: number): IsoDate => {
  assertInteger(n, 'days');
  return fromDayNumber(toDayNumber(date) + n);
};

/**
 * `date` plus `n` calendar months (n may be negative). The day is clamped to the end of the target month:
 * 2024-01-31 + 1 month = 2024-02-29, 2025-01-31 + 1 month = 2025-02-28.
 */
export const addMonths = (date: IsoDate, n: number): IsoDate => {
  assertInteger(n, 'months');
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
};

/** `date` plus `n` years, clamping 29 February to 28 February in a common year. */
export const addYears = (date: IsoDate, n: number): IsoDate => {
  assertInteger(n, 'years');
  return addMonths(date, n * 12);
};

/** -1, 0 or 1 as `a` is before, equal to or after `b` (both validated). Usable as a sort comparator. */
export const compareIsoDate = (a: IsoDate, b: IsoDate): -1 | 0 | 1 => {
  parseIsoDate(a);
  parseIsoDate(b);
  // Valid 'YYYY-MM-DD' strings sort lexicographically in date order.
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The earlier of two dates. */
export const minIsoDate = (a: IsoDate, b: IsoDate): IsoDate => (compareIsoDate(a, b) <= 0 ? a : b);

/** The later of two dates. */
export const maxIsoDate = (a: IsoDate, b: IsoDate): IsoDate => (compareIsoDate(a, b) >= 0 ? a : b);

/** Signed number of calendar days from `a` to `b` (`b - a`): daysBetween('2025-01-01', '2025-01-31') = 30. */
export const daysBetween = (a: IsoDate, b: IsoDate): number => toDayNumber(b) - toDayNumber(a);

/**
 * Whole calendar months from `a` to `b`: the largest k with addMonths(a, k) <= b (0 if b < a).
 * Consistent with the clamping of `addMonths`: from 2024-01-31, one month is reached on 2024-02-29.
 */
export const wholeMonthsBetween = (a: IsoDate, b: IsoDate): number => {
  if (compareIsoDate(b, a) < 0) return 0;
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  const k = (pb.year - pa.year) * 12 + (pb.month - pa.month);
  return compareIsoDate(addMonths(a, k), b) <= 0 ? k : k - 1;
};

const weekdayOfDayNumber = (z: number): IsoWeekday => (((((z + 3) % 7) + 7) % 7) + 1) as IsoWeekday;

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: IsoDate): IsoWeekday => weekdayOfDayNumber(toDayNumber(date));

/** Saturday or Sunday. */
export const isWeekend = (date: IsoDate): boolean => isoWeekday(date) >= 6;

/** Monday–Friday and not in `holidays`. */
export const isWorkingDay = (date: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): boolean =>
  !isWeekend(date) && !holidays.has(date);

/**
 * The date `n` working days (Monday–Friday, not in `holidays`) after `date`.
 *
 * Counting follows the usual reading of "within N working days from X": X itself is day 0 and is
 * never counted, so for n >= 1 the result is the n-th working day strictly after `date`, and the
 * deadline day itself is still in time. For n = 0 the result is `date` if it is a working day,
 * otherwise the next working day. Lunar holidays (Tết, Hùng Kings) must be in `holidays`.
 */
export const addWorkingDays = (date: IsoDate, n: number, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate => {
  assertInteger(n, 'workingDays');
  if (n < 0) throw new DomainError('VALIDATION', `Working days must be >= 0, got ${n}`, 'workingDays');
  let z = toDayNumber(date);
  const isWorking = (d: number): boolean => weekdayOfDayNumber(d) <= 5 && !holidays.has(fromDayNumber(d));
  if (n === 0) {
    while (!isWorking(z)) z += 1;
    return fromDayNumber(z);
  }
  let left = n;
  while (left > 0) {
    z += 1;
    if (isWorking(z)) left -= 1;
  }
  return fromDayNumber(z);
};

// Weekdays in (-inf, z] up to a constant: enough for differences. Anchor 4 = Monday 1970-01-05.
const weekdaysUpTo = (z: number): number => {
  const k = z - 4;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7 + 1, 5);
};

/**
 * Working days d with a < d <= b (so `workingDaysBetween(a, addWorkingDays(a, n)) === n` for n >= 1);
 * negative when b is before a. Holidays outside the range or on weekends are ignored.
 */
export const workingDaysBetween = (a: IsoDate, b: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): number => {
  const za = toDayNumber(a);
  const zb = toDayNumber(b);
  if (zb < za) return -workingDaysBetween(b, a, holidays);
  let count = weekdaysUpTo(zb) - weekdaysUpTo(za);
  for (const h of holidays) {
    const zh = toDayNumber(h);
    if (zh > za && zh <= zb && weekdayOfDayNumber(zh) <= 5) count -= 1;
  }
  return count;
};

export type VietnamHolidayOptions = {
  /** Which day joins 2 September: 1 September ('BEFORE') or 3 September ('AFTER'). */
  nationalDayExtra?: 'BEFORE' | 'AFTER';
  /** Add the compensatory day off when a holiday falls on a weekend (Labour Code 2019 art. 111(3)); default true. */
  compensatory?: boolean;
};

// The Government picks the extra National Day day each year; these defaults reproduce the choices of
// 2021–2025 (the day that joins the weekend). For a Wednesday (e.g. 2026) there is no such day and
// 'AFTER' is an arbitrary, UNCONFIRMED default: pass the announced day.
const DEFAULT_NATIONAL_DAY_EXTRA: Record<IsoWeekday, 'BEFORE' | 'AFTER'> = {
  1: 'AFTER', // Mon 2/9: 1/9 is a Sunday
  2: 'BEFORE', // Tue 2/9 → Mon 1/9 (2025)
  3: 'AFTER',
  4: 'AFTER', // Thu 2/9 → Fri 3/9 (2021)
  5: 'BEFORE', // Fri 2/9 → Thu 1/9 (2022)
  6: 'BEFORE', // Sat 2/9 → Fri 1/9 (2023)
  7: 'AFTER', // Sun 2/9 → Mon 3/9, then Tue 4/9 in compensation
};

/**
 * Solar-calendar public holidays of `year` (Labour Code 2019, art. 112(1)): 1/1, 30/4, 1/5, 2/9 and
 * one adjacent day (1/9 or 3/9, see `options.nationalDayExtra`), plus by default the compensatory
 * weekday for any of them that falls on a Saturday or Sunday (art. 111(3)).
 *
 * NOT included, because they follow the lunar calendar or a yearly Government decision: Tết Nguyên đán
 * (5 days), the Hùng Kings' commemoration (10/3 lunar), and any swapped working days. Pass those in as
 * data. Compensatory days are computed against this list only, so one that lands on Tết must be fixed by data.
 */
export const vietnamFixedHolidays = (year: number, options: VietnamHolidayOptions = {}): IsoDate[] => {
  const d = (month: number, day: number): IsoDate => formatIsoDate({ year, month, day });
  const nationalDay = d(9, 2);
  const extra = options.nationalDayExtra ?? DEFAULT_NATIONAL_DAY_EXTRA[isoWeekday(nationalDay)];
  const fixed = [
    d(1, 1),
    d(4, 30),
    d(5, 1),
    extra === 'BEFORE' ? d(9, 1) : nationalDay,
    extra === 'BEFORE' ? nationalDay : d(9, 3),
  ];
  const days = new Set(fixed);
  if (options.compensatory ?? true) {
    for (const h of fixed) {
      if (!isWeekend(h)) continue;
      let z = toDayNumber(h) + 1;
      while (weekdayOfDayNumber(z) > 5 || days.has(fromDayNumber(z))) z += 1;
      days.add(fromDayNumber(z));
    }
  }
  return [...days].sort();
};

/** One set of `vietnamFixedHolidays` for every year from `fromYear` to `toYear`, plus `extra` (e.g. Tết). */
export const vietnamHolidaySet = (
  fromYear: number,
  toYear: number,
  extra: Iterable<IsoDate> = [],
  options: Omit<VietnamHolidayOptions, 'nationalDayExtra'> = {},
): ReadonlySet<IsoDate> => {
  const set = new Set<IsoDate>();
  for (let y = fromYear; y <= toYear; y += 1) for (const h of vietnamFixedHolidays(y, options)) set.add(h);
  for (const h of extra) set.add(formatIsoDate(parseIsoDate(h, 'holidays')));
  return set;
};

/** Vietnamese display form 'dd/mm/yyyy' (30/04/2025). */
export const formatDateVi = (date: IsoDate): string => {
  const { year, month, day } = parseIsoDate(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
};

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** The calendar date in Vietnam (UTC+7, no daylight saving) at an instant given in epoch milliseconds. */
export const vietnamDateOf = (epochMs: number): IsoDate =>
  fromDayNumber(Math.floor((epochMs + VIETNAM_OFFSET_MS) / MS_PER_DAY));

/**
 * Dates of facts already recorded (a decision taken, a ceremony held, an event that happened) may not lie after
 * `today` (Vietnam's date, see vietnamDateOf); planned dates (a meeting, a deadline, a term end) may. True when
 * `date` is a valid date after `today`.
 */
export const isAfterToday = (date: unknown, today: IsoDate): boolean =>
  isValidIsoDate(date) && compareIsoDate(date, today) > 0;

/** Vietnam's date now (UTC+7). */
export const vietnamToday = (nowMs: number = Date.now()): IsoDate => vietnamDateOf(nowMs);
