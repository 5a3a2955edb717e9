import {
  isAfterToday,
  vietnamToday,
  lastDayOfMonth,
  addDays,
  addMonths,
  addWorkingDays,
  addYears,
  compareIsoDate,
  daysBetween,
  daysInMonth,
  formatDateVi,
  formatIsoDate,
  fromDayNumber,
  isLeapYear,
  isoWeekday,
  isValidIsoDate,
  isWeekend,
  isWorkingDay,
  maxIsoDate,
  minIsoDate,
  parseIsoDate,
  toDayNumber,
  vietnamDateOf,
  vietnamFixedHolidays,
  vietnamHolidaySet,
  wholeMonthsBetween,
  workingDaysBetween,
} from './dates';
import { DomainError } from './errors';

const expectDomainError = (fn: () => unknown, code: string, field?: string): void => {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).code).toBe(code);
  if (field !== undefined) expect((caught as DomainError).field).toBe(field);
};

// Tết Nguyên đán 2025 for civil servants: Mon 27 – Fri 31 January (weekdays of the 9-day break).
const TET_2025 = ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'];

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('%i leap = %s', (y, leap) => expect(isLeapYear(y)).toBe(leap));

  it('gives month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe('lastDayOfMonth', () => {
  it.each([
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['1900-02', '1900-02-28'],
    ['2000-02', '2000-02-29'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
    ['2026-01', '2026-01-31'],
  ])('%s ends on %s', (month, last) => expect(lastDayOfMonth(month)).toBe(last));
});

describe('isValidIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01', '9999-12-31', '2025-04-30'])('accepts %s', (s) =>
    expect(isValidIsoDate(s)).toBe(true),
  );
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-04-00',
    '2025-4-1',
    ' 2025-04-01',
    '2025-04-01 ',
    '2025-04-01T00:00:00Z',
    '0000-01-01',
    '25-04-01',
    '2025/04/01',
    '',
  ])('rejects %j', (s) => expect(isValidIsoDate(s)).toBe(false));
  it('agrees with the written-out definition (a regular expression and the calendar) on near-dates', () => {
    const reference = (x: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return (
        y >= 1 &&
        mo >= 1 &&
        mo <= 12 &&
        d >= 1 &&
        d <= new Date(Date.UTC(2000, mo, 0)).getUTCDate() - (mo === 2 && !isLeap(y) ? 1 : 0)
      );
    };
    const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    // every string one character away from a few dates, with digits, separators, full-width and Arabic-Indic digits
    const alphabet = ['0', '1', '2', '3', '5', '9', '-', '/', ' ', 'a', '\u0000', '０', '٣', ':', '.', '+'];
    const seeds = ['2024-02-29', '2023-02-28', '0001-01-01', '9999-12-31', '2025-04-30', '1900-02-28', '2025-10-09'];
    let checked = 0;
    for (const base of seeds)
      for (let i = 0; i < base.length; i++)
        for (const c of alphabet) {
          for (const x of [
            base.slice(0, i) + c + base.slice(i + 1),
            base.slice(0, i) + c + base.slice(i),
            base.slice(0, i) + base.slice(i + 1),
          ]) {
            expect([x, isValidIsoDate(x)]).toEqual([x, reference(x)]);
            if (reference(x)) expect(formatIsoDate(parseIsoDate(x))).toBe(x);
            else expect(() => parseIsoDate(x)).toThrow();
            checked++;
          }
        }
    expect(checked).toBe(seeds.length * 10 * alphabet.length * 3);
  });
  it('rejects non-strings', () => {
    expect(isValidIsoDate(20250401)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(undefined)).toBe(false);
  });
});

describe('parseIsoDate / formatIsoDate', () => {
  it('round-trips', () => {
    expect(parseIsoDate('2025-04-30')).toEqual({ year: 2025, month: 4, day: 30 });
    expect(formatIsoDate({ year: 2025, month: 4, day: 30 })).toBe('2025-04-30');
    expect(formatIsoDate({ year: 5, month: 1, day: 2 })).toBe('0005-01-02');
  });
  it('throws VALIDATION with the field name', () => {
    expectDomainError(() => parseIsoDate('2025-02-30'), 'VALIDATION', 'date');
    expectDomainError(() => parseIsoDate('nope', 'birthDate'), 'VALIDATION', 'birthDate');
    expectDomainError(() => parseIsoDate(20250430 as unknown as string), 'VALIDATION', 'date');
    expectDomainError(() => parseIsoDate('2025-4-30'), 'VALIDATION', 'date');
    expectDomainError(() => formatIsoDate({ year: 2023, month: 2, day: 29 }), 'VALIDATION');
    expectDomainError(() => formatIsoDate({ year: 2023, month: 1, day: 1.5 }), 'VALIDATION');
  });
});

describe('toDayNumber / fromDayNumber', () => {
  it('anchors at 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
  });

  it('agrees with Date.UTC for every day from 1899 to 2101', () => {
    const start = Date.UTC(1899, 0, 1) / 86400000;
    const end = Date.UTC(2101, 11, 31) / 86400000;
    for (let z = start; z <= end; z += 1) {
      const iso = new Date(z * 86400000).toISOString().slice(0, 10);
      if (fromDayNumber(z) !== iso || toDayNumber(iso) !== z) throw new Error(`mismatch at ${iso}`);
    }
    expect(end - start).toBeGreaterThan(73000);
  });

  it('rejects out-of-range or fractional day numbers', () => {
    expectDomainError(() => fromDayNumber(toDayNumber('9999-12-31') + 1), 'VALIDATION');
    expectDomainError(() => fromDayNumber(toDayNumber('0001-01-01') - 1), 'VALIDATION');
    expectDomainError(() => fromDayNumber(0.5), 'VALIDATION');
  });
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-04-30', 0, '2025-04-30'],
  ])('%s + %i = %s', (d, n, r) => expect(addDays(d, n)).toBe(r));
  it('rejects a fractional count and overflow', () => {
    expectDomainError(() => addDays('2025-01-01', 1.5), 'VALIDATION', 'days');
    expectDomainError(() => addDays('9999-12-31', 1), 'VALIDATION');
    expectDomainError(() => addDays('2025-02-29', 1), 'VALIDATION');
  });
});

describe('addMonths / addYears', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-01-30', 1, '2025-02-28'],
    ['2025-01-28', 1, '2025-02-28'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2024-03-15', 12, '2025-03-15'],
    ['2025-05-31', 0, '2025-05-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
  ])('%s + %i months = %s', (d, n, r) => expect(addMonths(d, n)).toBe(r));
  it('adds years with the 29 February clamp', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('1995-06-10', 30)).toBe('2025-06-10');
    expect(addYears('2025-06-10', -5)).toBe('2020-06-10');
  });
  it('rejects fractional counts', () => {
    expectDomainError(() => addMonths('2025-01-01', 0.5), 'VALIDATION', 'months');
    expectDomainError(() => addYears('2025-01-01', 0.5), 'VALIDATION', 'years');
  });
});

describe('compareIsoDate / min / max / daysBetween', () => {
  it('compares and sorts', () => {
    expect(compareIsoDate('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareIsoDate('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareIsoDate('2025-10-01', '2025-09-30')).toBe(1);
    expect(['2025-10-01', '2024-12-31', '2025-01-15'].sort(compareIsoDate)).toEqual([
      '2024-12-31',
      '2025-01-15',
      '2025-10-01',
    ]);
    expect(minIsoDate('2025-03-01', '2025-02-28')).toBe('2025-02-28');
    expect(maxIsoDate('2025-03-01', '2025-02-28')).toBe('2025-03-01');
  });
  it('validates its inputs', () => {
    expectDomainError(() => compareIsoDate('2025-1-1', '2025-01-01'), 'VALIDATION');
    expectDomainError(() => compareIsoDate('2025-01-01', 'x'), 'VALIDATION');
  });
  it('counts signed days', () => {
    expect(daysBetween('2025-01-01', '2025-01-31')).toBe(30);
    expect(daysBetween('2025-01-31', '2025-01-01')).toBe(-30);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-04-30', '2025-04-30')).toBe(0);
  });
});

describe('wholeMonthsBetween', () => {
  it.each([
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-31', '2024-02-29', 1],
    ['2025-01-31', '2025-02-28', 1],
    ['2024-03-15', '2025-03-14', 11],
    ['2024-03-15', '2025-03-15', 12],
    ['2024-03-15', '2024-03-15', 0],
    ['2025-03-15', '2024-03-15', 0],
    ['2007-05-20', '2025-05-19', 215],
    ['2007-05-20', '2025-05-20', 216],
  ])('%s → %s = %i', (a, b, n) => expect(wholeMonthsBetween(a, b)).toBe(n));
});

describe('weekdays', () => {
  it('gives ISO weekdays', () => {
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2025-01-01')).toBe(3);
    expect(isoWeekday('2025-11-22')).toBe(6);
    expect(isoWeekday('2025-11-23')).toBe(7);
    expect(isoWeekday('2025-11-24')).toBe(1);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });
  it('agrees with Date.getUTCDay over several years', () => {
    for (let z = toDayNumber('1960-01-01'); z <= toDayNumber('2040-12-31'); z += 1) {
      const js = new Date(z * 86400000).getUTCDay();
      if (isoWeekday(fromDayNumber(z)) !== (js === 0 ? 7 : js)) throw new Error(`weekday mismatch ${fromDayNumber(z)}`);
    }
  });
  it('knows weekends and working days', () => {
    expect(isWeekend('2025-11-22')).toBe(true);
    expect(isWeekend('2025-11-21')).toBe(false);
    expect(isWorkingDay('2025-11-21')).toBe(true);
    expect(isWorkingDay('2025-11-22')).toBe(false);
    expect(isWorkingDay('2025-04-30', new Set(['2025-04-30']))).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends; the start date is day 0', () => {
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17'); // Fri → Mon
    expect(addWorkingDays('2025-03-15', 1)).toBe('2025-03-17'); // Sat → Mon
    expect(addWorkingDays('2025-03-17', 1)).toBe('2025-03-18');
    expect(addWorkingDays('2025-03-17', 4)).toBe('2025-03-21');
    expect(addWorkingDays('2025-03-17', 5)).toBe('2025-03-24');
  });
  it('n = 0 keeps a working day and rolls a non-working day forward', () => {
    expect(addWorkingDays('2025-03-17', 0)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-15', 0)).toBe('2025-03-17');
    expect(addWorkingDays('2025-04-30', 0, new Set(['2025-04-30', '2025-05-01']))).toBe('2025-05-02');
  });
  it('counts 30 working days (probation example)', () => {
    expect(addWorkingDays('2025-03-15', 30)).toBe('2025-04-25');
    expect(addWorkingDays('2025-03-15', 30, new Set(['2025-04-07']))).toBe('2025-04-28');
    // A holiday on a weekend changes nothing.
    expect(addWorkingDays('2025-03-15', 30, new Set(['2025-03-22']))).toBe('2025-04-25');
  });
  it('skips Tết given as data', () => {
    expect(addWorkingDays('2025-01-02', 60)).toBe('2025-03-27');
    expect(addWorkingDays('2025-01-02', 60, new Set(TET_2025))).toBe('2025-04-03');
  });
  it('rejects negative or fractional n', () => {
    expectDomainError(() => addWorkingDays('2025-01-02', -1), 'VALIDATION', 'workingDays');
    expectDomainError(() => addWorkingDays('2025-01-02', 1.5), 'VALIDATION', 'workingDays');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-03-17', '2025-03-17', 0],
    ['2025-03-17', '2025-03-21', 4], // Mon → Fri
    ['2025-03-14', '2025-03-17', 1], // Fri → Mon
    ['2025-03-15', '2025-03-16', 0], // Sat → Sun
    ['2025-03-15', '2025-04-25', 30],
    ['2025-03-21', '2025-03-17', -4],
  ])('%s → %s = %i', (a, b, n) => expect(workingDaysBetween(a, b)).toBe(n));

  it('subtracts weekday holidays inside (a, b] only', () => {
    const h = new Set(['2025-03-17', '2025-03-18', '2025-03-22', '2025-03-25']);
    expect(workingDaysBetween('2025-03-17', '2025-03-24', h)).toBe(4); // 17 is a, 22 is Saturday, 25 outside
    expect(workingDaysBetween('2025-03-16', '2025-03-24', h)).toBe(4);
    expect(workingDaysBetween('2025-03-24', '2025-03-16', h)).toBe(-4);
  });

  it('is the inverse of addWorkingDays (many random cases, with holidays)', () => {
    const holidays = vietnamHolidaySet(2019, 2031, TET_2025);
    let seed = 42;
    const rand = (m: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % m;
    };
    for (let i = 0; i < 2000; i += 1) {
      const a = addDays('2020-01-01', rand(3650));
      const n = 1 + rand(90);
      const b = addWorkingDays(a, n, holidays);
      expect(workingDaysBetween(a, b, holidays)).toBe(n);
      expect(isWorkingDay(b, holidays)).toBe(true);
    }
  });
});

describe('vietnamFixedHolidays', () => {
  it('2021: 2/9 Thursday → 3/9; 1/5 Saturday compensated on Monday 3/5', () => {
    expect(vietnamFixedHolidays(2021)).toEqual([
      '2021-01-01',
      '2021-04-30',
      '2021-05-01',
      '2021-05-03',
      '2021-09-02',
      '2021-09-03',
    ]);
  });
  it('2022: 1/1, 30/4, 1/5 on weekends are compensated; 2/9 Friday → 1/9', () => {
    expect(vietnamFixedHolidays(2022)).toEqual([
      '2022-01-01',
      '2022-01-03',
      '2022-04-30',
      '2022-05-01',
      '2022-05-02',
      '2022-05-03',
      '2022-09-01',
      '2022-09-02',
    ]);
  });
  it('2023: 2/9 Saturday → 1/9 Friday plus Monday 4/9; 30/4 Sunday compensated after 1/5', () => {
    expect(vietnamFixedHolidays(2023)).toEqual([
      '2023-01-01',
      '2023-01-02',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-09-01',
      '2023-09-02',
      '2023-09-04',
    ]);
  });
  it('2024: 2/9 Monday → 3/9', () => {
    expect(vietnamFixedHolidays(2024)).toEqual(['2024-01-01', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03']);
  });
  it('2025: 2/9 Tuesday → 1/9', () => {
    expect(vietnamFixedHolidays(2025)).toEqual(['2025-01-01', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02']);
  });
  it('honours the options', () => {
    expect(vietnamFixedHolidays(2026, { nationalDayExtra: 'BEFORE' })).toContain('2026-09-01');
    expect(vietnamFixedHolidays(2026, { nationalDayExtra: 'AFTER' })).toContain('2026-09-03');
    expect(vietnamFixedHolidays(2022, { compensatory: false })).toEqual([
      '2022-01-01',
      '2022-04-30',
      '2022-05-01',
      '2022-09-01',
      '2022-09-02',
    ]);
  });
  it('always has 1/1, 30/4, 1/5, 2/9 and exactly one of 1/9 and 3/9', () => {
    for (let y = 2000; y <= 2060; y += 1) {
      const h = vietnamFixedHolidays(y, { compensatory: false });
      expect(h).toHaveLength(5);
      for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(h).toContain(`${y}-${md}`);
      expect(h.includes(`${y}-09-01`) !== h.includes(`${y}-09-03`)).toBe(true);
      const withComp = vietnamFixedHolidays(y);
      expect(withComp.length - 5).toBe(h.filter(isWeekend).length);
      expect([...withComp].sort()).toEqual(withComp);
    }
  });
  it('builds a set over several years plus extra days', () => {
    const set = vietnamHolidaySet(2024, 2025, TET_2025);
    expect(set.has('2024-09-03')).toBe(true);
    expect(set.has('2025-09-01')).toBe(true);
    expect(set.has('2025-01-29')).toBe(true);
    expect(set.size).toBe(15);
    expectDomainError(() => vietnamHolidaySet(2025, 2025, ['2025-02-30']), 'VALIDATION', 'holidays');
  });
});

describe('formatDateVi / vietnamDateOf', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2025-04-30')).toBe('30/04/2025');
    expect(formatDateVi('2025-09-02')).toBe('02/09/2025');
  });
  it('uses UTC+7 for the calendar date', () => {
    expect(vietnamDateOf(Date.UTC(2025, 0, 1, 16, 59, 59, 999))).toBe('2025-01-01');
    expect(vietnamDateOf(Date.UTC(2025, 0, 1, 17, 0, 0))).toBe('2025-01-02');
    expect(vietnamDateOf(Date.UTC(2024, 11, 31, 17, 0, 0))).toBe('2025-01-01');
    expect(vietnamDateOf(Date.UTC(2025, 0, 1, 0, 0, 0))).toBe('2025-01-01');
  });
});

describe('isAfterToday / vietnamToday', () => {
  it('is true only for a valid date after today', () => {
    expect(isAfterToday('2026-12-05', '2026-12-04')).toBe(true);
    expect(isAfterToday('2026-12-04', '2026-12-04')).toBe(false);
    expect(isAfterToday('2025-01-01', '2026-12-04')).toBe(false);
    expect(isAfterToday('not a date', '2026-12-04')).toBe(false);
    expect(isAfterToday(undefined, '2026-12-04')).toBe(false);
  });
  it("takes today in Vietnam's time zone (UTC+7)", () => {
    expect(vietnamToday(Date.UTC(2026, 11, 4, 16, 59))).toBe('2026-12-04');
    expect(vietnamToday(Date.UTC(2026, 11, 4, 17, 0))).toBe('2026-12-05');
  });
});
