import { DomainError, type FieldError } from '../errors';
import { first } from '../arrays';
import type { Label } from '../labels';
import type { Policy } from '../policy';
import { QUALITY_CRITERION_LABELS } from './kinds';

// Scoring a cell meeting is set by each province (Nghệ An QĐ 27-QĐ/TU 2023, Tuyên Quang HD 08-HD/BTCTU 2020);
// no national scale and no national table from scores to levels was found (docs/rules.md#r-meeting-score-sheet). So the
// criteria, their maximum points and the score bands are data: a ScoreSheet inside the Policy, replaced per
// province by a policy override.

/** Levels of a scored meeting, best first. */
export const SCORE_LEVELS = ['EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK'] as const;

export type ScoreLevel = (typeof SCORE_LEVELS)[number];

// The Vietnamese names are the usual four grades of a meeting (Tốt / Khá / Trung bình / Yếu); the top one,
// "Tốt", is the best grade, hence EXCELLENT in English.
export const SCORE_LEVEL_LABELS: Record<ScoreLevel, Label> = {
  EXCELLENT: { vi: 'Tốt', en: 'Excellent' },
  GOOD: { vi: 'Khá', en: 'Good' },
  AVERAGE: { vi: 'Trung bình', en: 'Average' },
  WEAK: { vi: 'Yếu', en: 'Weak' },
};

export type ScoreCriterion = { code: string; label: Label; maxPoints: number };

/** A total of at least `minPoints` (and below the next band's minimum) gives `level`. */
export type ScoreBand = { level: ScoreLevel; minPoints: number };

/**
 * A score template. Criteria codes are unique (letters, digits, '_'); maxPoints are positive integers; bands
 * are in ascending order of minPoints, the first at 0, each one reachable (minPoints <= total), and each a
 * better level than the one before. See `validateScoreSheet`.
 */
export type ScoreSheet = { code: string; name: Label; criteria: ScoreCriterion[]; bands: ScoreBand[] };

/**
 * The national default template: the five HD 12 criteria (a)–(e) weighted 20/20/30/15/15 = 100, with the bands
 * of QĐ 366's 100-point rating reused (Tốt >= 90, Khá >= 70, Trung bình >= 50, Yếu below). It is a product
 * default, NOT a national scale (none exists, docs/rules.md#r-meeting-score-sheet): provinces replace it with their own sheet.
 * Conduct (c) weighs most because it holds four checks (time, order, speakers, 90 minutes, minutes book).
 */
export const DEFAULT_SCORE_SHEET: ScoreSheet = Object.freeze({
  code: 'HD12-DEFAULT',
  name: Object.freeze({
    vi: 'Mẫu chấm điểm mặc định theo 5 tiêu chí của Hướng dẫn 12-HD/BTCTW',
    en: 'Default score sheet from the five criteria of HD 12-HD/BTCTW',
  }),
  criteria: Object.freeze(
    (
      [
        ['ATTENDANCE', 20],
        ['PREPARATION', 20],
        ['CONDUCT', 30],
        ['PRINCIPLES', 15],
        ['RESOLUTION_RESULTS', 15],
      ] as const
    ).map(([code, maxPoints]) =>
      Object.freeze({ code, label: Object.freeze({ ...QUALITY_CRITERION_LABELS[code] }), maxPoints }),
    ),
  ) as ScoreCriterion[],
  bands: Object.freeze(
    (
      [
        ['WEAK', 0],
        ['AVERAGE', 50],
        ['GOOD', 70],
        ['EXCELLENT', 90],
      ] as const
    ).map(([level, minPoints]) => Object.freeze({ level, minPoints })),
  ) as ScoreBand[],
});

/** The sheet's maximum total: the sum of its criteria's maxPoints. */
export const scoreSheetMax = (sheet: ScoreSheet): number => sheet.criteria.reduce((sum, c) => sum + c.maxPoints, 0);

const CODE_RE = /^[A-Za-z0-9_]{1,50}$/;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

const isNonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const checkLabel = (v: unknown, field: string, errors: FieldError[]): void => {
  if (!isPlainObject(v)) {
    errors.push({ field, reason: v === undefined ? 'is required' : 'must be an object { vi, en }' });
    return;
  }
  for (const lang of ['vi', 'en'] as const) {
    if (!isNonEmptyString(v[lang])) errors.push({ field: `${field}.${lang}`, reason: 'must be a non-empty string' });
  }
  for (const key of Object.keys(v))
    if (key !== 'vi' && key !== 'en') errors.push({ field: `${field}.${key}`, reason: 'unknown key' });
};

const checkKeys = (
  v: Record<string, unknown>,
  allowed: readonly string[],
  field: string,
  errors: FieldError[],
): void => {
  for (const key of Object.keys(v))
    if (!allowed.includes(key)) errors.push({ field: `${field}.${key}`, reason: 'unknown key' });
};

/**
 * Problems with a score sheet (e.g. one entered by an admin as part of a policy override), as field errors
 * under `field`: every key present, no unknown key; criteria a non-empty list with unique codes (letters,
 * digits, '_') and positive integer maxPoints; bands a non-empty list of known levels with integer
 * minPoints, the first 0, strictly ascending, each at most the sheet's total and each a better level than
 * the one below it (so the bands cover 0..total without gaps or overlaps). Empty when the sheet is valid.
 */
export const validateScoreSheet = (sheet: unknown, field = 'scoreSheet'): FieldError[] => {
  const errors: FieldError[] = [];
  if (!isPlainObject(sheet)) return [{ field, reason: 'must be an object' }];
  checkKeys(sheet, ['code', 'name', 'criteria', 'bands'], field, errors);
  if (!isNonEmptyString(sheet.code))
    errors.push({
      field: `${field}.code`,
      reason: sheet.code === undefined ? 'is required' : 'must be a non-empty string',
    });
  checkLabel(sheet.name, `${field}.name`, errors);

  let total: number | null = null;
  const criteria = sheet.criteria;
  if (!Array.isArray(criteria) || criteria.length === 0) {
    errors.push({
      field: `${field}.criteria`,
      reason: criteria === undefined ? 'is required' : 'must be a non-empty array',
    });
  } else {
    const seen = new Set<string>();
    let ok = true;
    criteria.forEach((c: unknown, i) => {
      const f = `${field}.criteria[${i}]`;
      if (!isPlainObject(c)) {
        errors.push({ field: f, reason: 'must be an object' });
        ok = false;
        return;
      }
      checkKeys(c, ['code', 'label', 'maxPoints'], f, errors);
      if (typeof c.code !== 'string' || !CODE_RE.test(c.code)) {
        errors.push({ field: `${f}.code`, reason: "must be 1–50 letters, digits or '_'" });
      } else if (seen.has(c.code)) {
        errors.push({ field: `${f}.code`, reason: 'must be unique' });
      } else {
        seen.add(c.code);
      }
      checkLabel(c.label, `${f}.label`, errors);
      if (!isPositiveInt(c.maxPoints)) {
        errors.push({ field: `${f}.maxPoints`, reason: 'must be a positive integer' });
        ok = false;
      }
    });
    if (ok) total = (criteria as ScoreCriterion[]).reduce((sum, c) => sum + c.maxPoints, 0);
  }

  const bands = sheet.bands;
  if (!Array.isArray(bands) || bands.length === 0) {
    errors.push({ field: `${field}.bands`, reason: bands === undefined ? 'is required' : 'must be a non-empty array' });
    return errors;
  }
  let ok = true;
  bands.forEach((b: unknown, i) => {
    const f = `${field}.bands[${i}]`;
    if (!isPlainObject(b)) {
      errors.push({ field: f, reason: 'must be an object' });
      ok = false;
      return;
    }
    checkKeys(b, ['level', 'minPoints'], f, errors);
    if (!(SCORE_LEVELS as readonly unknown[]).includes(b.level)) {
      errors.push({ field: `${f}.level`, reason: `must be one of ${SCORE_LEVELS.join(', ')}` });
      ok = false;
    }
    if (!isNonNegativeInt(b.minPoints)) {
      errors.push({ field: `${f}.minPoints`, reason: 'must be a non-negative integer' });
      ok = false;
    }
  });
  if (!ok) return errors;
  const typed = bands as ScoreBand[];
  if (first(typed, 'score band').minPoints !== 0)
    errors.push({
      field: `${field}.bands[0].minPoints`,
      reason: 'must be 0 (the bands must cover every total from 0)',
    });
  typed.forEach((b, i) => {
    const prev = typed[i - 1];
    if (prev === undefined) return; // the lowest band
    if (b.minPoints <= prev.minPoints)
      errors.push({ field: `${field}.bands[${i}].minPoints`, reason: 'must be strictly ascending' });
    // SCORE_LEVELS is best first, so a better level has a smaller index.
    if (SCORE_LEVELS.indexOf(b.level) >= SCORE_LEVELS.indexOf(prev.level)) {
      errors.push({ field: `${field}.bands[${i}].level`, reason: 'must be a better level than the band below it' });
    }
  });
  if (total !== null) {
    typed.forEach((b, i) => {
      if (b.minPoints > (total as number)) {
        errors.push({
          field: `${field}.bands[${i}].minPoints`,
          reason: `must be at most the sheet's total (${total})`,
        });
      }
    });
  }
  return errors;
};

const assertValidSheet = (sheet: ScoreSheet): void => {
  const errors = validateScoreSheet(sheet);
  const [firstError] = errors;
  if (firstError) {
    throw new DomainError(
      'VALIDATION',
      `Invalid score sheet: ${firstError.field} ${firstError.reason}`,
      firstError.field,
      { errors },
    );
  }
};

/** The level of `total` on `sheet`: the band with the largest minPoints <= total. Throws for a total outside 0..max. */
export const scoreLevel = (sheet: ScoreSheet, total: number): ScoreLevel => {
  assertValidSheet(sheet);
  const max = scoreSheetMax(sheet);
  if (!Number.isSafeInteger(total) || total < 0 || total > max) {
    throw new DomainError('VALIDATION', `A total must be an integer from 0 to ${max}, got ${total}`, 'total');
  }
  // a valid sheet has at least one band, the lowest from 0 points
  let level = first(sheet.bands, 'score band').level;
  for (const band of sheet.bands) if (band.minPoints <= total) level = band.level;
  return level;
};

export type MeetingScore = {
  total: number;
  max: number;
  level: ScoreLevel;
  perCriterion: { code: string; points: number; maxPoints: number }[];
};

/**
 * Scores one meeting on `sheet` (a cell's self-assessment or a visitor's score). `scores` gives whole points
 * per criterion code; every criterion must be present, with an integer from 0 to its maxPoints, and no other
 * key may appear. Otherwise throws DomainError('VALIDATION') whose `field` is `scores.<code>` of the first
 * problem and whose `details.errors` lists all of them (sheet order, then unknown keys). An invalid sheet
 * throws too (field `scoreSheet…`).
 */
export const scoreMeeting = (sheet: ScoreSheet, scores: Record<string, number>): MeetingScore => {
  assertValidSheet(sheet);
  if (!isPlainObject(scores))
    throw new DomainError('VALIDATION', 'Scores must be an object of points per criterion', 'scores');
  const errors: FieldError[] = [];
  const perCriterion: MeetingScore['perCriterion'] = [];
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(scores, key);
  for (const c of sheet.criteria) {
    const field = `scores.${c.code}`;
    const v: unknown = has(c.code) ? scores[c.code] : undefined;
    if (v === undefined || v === null) errors.push({ field, reason: 'is required' });
    else if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ field, reason: 'must be a number' });
    else if (!Number.isInteger(v)) errors.push({ field, reason: 'must be a whole number of points' });
    else if (v < 0) errors.push({ field, reason: 'must not be negative' });
    else if (v > c.maxPoints) errors.push({ field, reason: `must be at most ${c.maxPoints}` });
    else perCriterion.push({ code: c.code, points: v, maxPoints: c.maxPoints });
  }
  const known = new Set(sheet.criteria.map((c) => c.code));
  for (const key of Object.keys(scores))
    if (!known.has(key)) errors.push({ field: `scores.${key}`, reason: 'is not a criterion of the score sheet' });
  const [firstError] = errors;
  if (firstError) {
    throw new DomainError('VALIDATION', `Invalid score: ${firstError.field} ${firstError.reason}`, firstError.field, {
      errors,
    });
  }
  const total = perCriterion.reduce((sum, c) => sum + c.points, 0);
  const max = scoreSheetMax(sheet);
  return { total, max, level: scoreLevel(sheet, total), perCriterion };
};

/**
 * Whether a visitor's total and the cell's self-assessed total (same sheet, maximum `max`) differ by at least
 * `policy.meeting.scoreGapWarn` (15) points on a 100-point scale: |visitor − self| × 100 / max >= 15, computed
 * exactly on integers (15 of 100 warns, 14 does not; on a 200-point sheet 30 warns). Totals must be integers
 * from 0 to max, max a positive integer.
 */
export const scoreGap = (visitorTotal: number, selfTotal: number, max: number, policy: Policy): boolean => {
  if (!isPositiveInt(max)) throw new DomainError('VALIDATION', `max must be a positive integer, got ${max}`, 'max');
  for (const [field, v] of [
    ['visitorTotal', visitorTotal],
    ['selfTotal', selfTotal],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0 || v > max) {
      throw new DomainError('VALIDATION', `${field} must be an integer from 0 to ${max}, got ${v}`, field);
    }
  }
  return Math.abs(visitorTotal - selfTotal) * 100 >= policy.meeting.scoreGapWarn * max;
};
