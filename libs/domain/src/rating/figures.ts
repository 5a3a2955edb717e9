import { DomainError } from '../errors';
import { percent, type PercentRounding } from '../report/percent';
import { RATING_LEVELS, type RatingLevel } from './kinds';
import { emptyLevelCounts, type LevelCounts } from './level';

export type CountAndPercent = { count: number; percent: number | null };

/**
 * Rating figures in the reports' convention (docs/rules.md#r-rating-figures). Every percentage is of `rated`
 * (members or organisations not rated are outside the denominator) except `excellentOfWellCompletedOrBetter`,
 * the "of which excellent" of the reports, a share of those rated HTTNV or better. null = no denominator.
 */
export type RatingFigures = {
  /** Subjects counted: rated + notRated. */
  total: number;
  rated: number;
  notRated: number;
  levels: Record<RatingLevel, CountAndPercent>;
  /** HTXSNV + HTTNV ("hoàn thành tốt nhiệm vụ trở lên"). */
  wellCompletedOrBetter: CountAndPercent;
  /** HTXSNV + HTTNV + HTNV. */
  completedOrBetter: CountAndPercent;
  /** HTXSNV / (HTXSNV + HTTNV): "trong đó hoàn thành xuất sắc" as the reports print it (article 000: 16/68 = 23.53%). */
  excellentOfWellCompletedOrBetter: number | null;
  /** HTXSNV / rated (article 004: 3/23 = 13.04%). */
  excellentOfRated: number | null;
};

export type FigureOptions = { decimals?: number; rounding?: PercentRounding };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The figures from counts per level and the number not rated. Throws VALIDATION for a count that is not a non-negative integer. */
export const ratingFiguresFromCounts = (
  counts: LevelCounts,
  notRated: number,
  options: FigureOptions = {},
): RatingFigures => {
  for (const l of RATING_LEVELS)
    if (!isCount(counts[l]))
      throw new DomainError('VALIDATION', `counts.${l} must be a non-negative integer`, `counts.${l}`);
  if (!isCount(notRated)) throw new DomainError('VALIDATION', 'notRated must be a non-negative integer', 'notRated');
  const { decimals = 2, rounding } = options;
  const pct = (n: number, d: number): number | null => percent(n, d, decimals, { rounding });
  const rated = counts.HTXSNV + counts.HTTNV + counts.HTNV + counts.KHTNV;
  const well = counts.HTXSNV + counts.HTTNV;
  const done = well + counts.HTNV;
  const levels = Object.fromEntries(
    RATING_LEVELS.map((l) => [l, { count: counts[l], percent: pct(counts[l], rated) }]),
  ) as Record<RatingLevel, CountAndPercent>;
  return {
    total: rated + notRated,
    rated,
    notRated,
    levels,
    wellCompletedOrBetter: { count: well, percent: pct(well, rated) },
    completedOrBetter: { count: done, percent: pct(done, rated) },
    excellentOfWellCompletedOrBetter: pct(counts.HTXSNV, well),
    excellentOfRated: pct(counts.HTXSNV, rated),
  };
};

/** The figures of a list of subjects: each with its level, or null when it is not rated. */
export const ratingFigures = (
  rows: readonly { level: RatingLevel | null }[],
  options: FigureOptions = {},
): RatingFigures => {
  const counts = emptyLevelCounts();
  let notRated = 0;
  for (const row of rows) {
    if (row.level === null) notRated += 1;
    else counts[row.level] += 1;
  }
  return ratingFiguresFromCounts(counts, notRated, options);
};

/** Change from one year to the next: counts as differences, percentages as percentage points (null when either side has none). */
export type RatingFiguresChange = {
  rated: number;
  levels: Record<RatingLevel, { count: number; points: number | null }>;
  wellCompletedOrBetter: { count: number; points: number | null };
  completedOrBetter: { count: number; points: number | null };
  excellentOfWellCompletedOrBetter: number | null;
  excellentOfRated: number | null;
};

// Percentages have at most 10 decimals, so the difference is taken on scaled integers to avoid 94.44 − 93.1 = 1.3399….
const points = (a: number | null, b: number | null): number | null => {
  if (a === null || b === null) return null;
  const scale = 1e10;
  return (Math.round(a * scale) - Math.round(b * scale)) / scale;
};

/** Year-over-year change of `current` against `previous` (current − previous). */
export const ratingFiguresChange = (current: RatingFigures, previous: RatingFigures): RatingFiguresChange => {
  const both = (a: CountAndPercent, b: CountAndPercent) => ({
    count: a.count - b.count,
    points: points(a.percent, b.percent),
  });
  return {
    rated: current.rated - previous.rated,
    levels: Object.fromEntries(
      RATING_LEVELS.map((l) => [l, both(current.levels[l], previous.levels[l])]),
    ) as RatingFiguresChange['levels'],
    wellCompletedOrBetter: both(current.wellCompletedOrBetter, previous.wellCompletedOrBetter),
    completedOrBetter: both(current.completedOrBetter, previous.completedOrBetter),
    excellentOfWellCompletedOrBetter: points(
      current.excellentOfWellCompletedOrBetter,
      previous.excellentOfWellCompletedOrBetter,
    ),
    excellentOfRated: points(current.excellentOfRated, previous.excellentOfRated),
  };
};
