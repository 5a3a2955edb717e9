import { isDomainError } from '../errors';
import { ratingFigures, ratingFiguresChange, ratingFiguresFromCounts } from './figures';
import type { RatingLevel } from './kinds';

const rows = (spec: Partial<Record<RatingLevel | 'NOT_RATED', number>>) =>
  Object.entries(spec).flatMap(([k, n]) =>
    Array.from({ length: n ?? 0 }, () => ({ level: k === 'NOT_RATED' ? null : (k as RatingLevel) })),
  );

describe('ratingFigures', () => {
  it('article 000, grassroots organisations: 68 of 72 well-completed or better = 94.44%, of which 16 excellent = 23.53%', () => {
    const f = ratingFigures(rows({ HTXSNV: 16, HTTNV: 52, HTNV: 4 }));
    expect(f.rated).toBe(72);
    expect(f.wellCompletedOrBetter).toEqual({ count: 68, percent: 94.44 });
    // The article prints 23.5: the same 16/68, rounded to one decimal.
    expect(f.excellentOfWellCompletedOrBetter).toBe(23.53);
    expect(
      ratingFiguresFromCounts({ HTXSNV: 16, HTTNV: 52, HTNV: 4, KHTNV: 0 }, 0, { decimals: 1 })
        .excellentOfWellCompletedOrBetter,
    ).toBe(23.5);
    expect(f.excellentOfRated).toBe(22.22);
    expect(f.levels.HTXSNV).toEqual({ count: 16, percent: 22.22 });
    expect(f.levels.HTNV).toEqual({ count: 4, percent: 5.56 });
    expect(f.completedOrBetter).toEqual({ count: 72, percent: 100 });
  });

  it('article 004: a 25-member cell, 23 rated, 3 excellent → 100% well-completed or better, 13.04% excellent of those rated', () => {
    const f = ratingFigures(rows({ HTXSNV: 3, HTTNV: 20, NOT_RATED: 2 }));
    expect(f).toMatchObject({ total: 25, rated: 23, notRated: 2 });
    expect(f.wellCompletedOrBetter).toEqual({ count: 23, percent: 100 });
    expect(f.excellentOfRated).toBe(13.04);
    // Here everyone rated is well-completed or better, so both conventions agree.
    expect(f.excellentOfWellCompletedOrBetter).toBe(13.04);
    expect(f.levels.HTTNV).toEqual({ count: 20, percent: 86.96 });
  });

  it('keeps the not-rated out of every denominator', () => {
    const a = ratingFigures(rows({ HTXSNV: 1, HTTNV: 3 }));
    const b = ratingFigures(rows({ HTXSNV: 1, HTTNV: 3, NOT_RATED: 10 }));
    expect({ ...b, total: a.total, notRated: 0 }).toEqual(a);
  });

  it('gives null percentages when nobody is rated', () => {
    const f = ratingFigures(rows({ NOT_RATED: 3 }));
    expect(f.wellCompletedOrBetter).toEqual({ count: 0, percent: null });
    expect(f.excellentOfWellCompletedOrBetter).toBeNull();
    expect(f.excellentOfRated).toBeNull();
    expect(f.levels.KHTNV).toEqual({ count: 0, percent: null });
  });

  it('of-which-excellent is null when nobody is well-completed or better', () => {
    const f = ratingFigures(rows({ HTNV: 2, KHTNV: 1 }));
    expect(f.excellentOfWellCompletedOrBetter).toBeNull();
    expect(f.excellentOfRated).toBe(0);
    expect(f.levels.KHTNV.percent).toBe(33.33);
  });

  it('can truncate like some printed reports', () => {
    expect(
      ratingFiguresFromCounts({ HTXSNV: 0, HTTNV: 2, HTNV: 1, KHTNV: 0 }, 0, { rounding: 'truncate' })
        .wellCompletedOrBetter.percent,
    ).toBe(66.66);
    expect(ratingFiguresFromCounts({ HTXSNV: 0, HTTNV: 2, HTNV: 1, KHTNV: 0 }, 0).wellCompletedOrBetter.percent).toBe(
      66.67,
    );
  });

  it('refuses bad counts', () => {
    expect(() => ratingFiguresFromCounts({ HTXSNV: -1, HTTNV: 0, HTNV: 0, KHTNV: 0 }, 0)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'counts.HTXSNV' }),
    );
    try {
      ratingFiguresFromCounts({ HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 }, 1.5);
      throw new Error('expected a throw');
    } catch (e) {
      expect(isDomainError(e, 'VALIDATION')).toBe(true);
    }
  });
});

describe('ratingFiguresChange', () => {
  it('gives differences in counts and percentage points without float noise', () => {
    const now = ratingFigures(rows({ HTXSNV: 16, HTTNV: 52, HTNV: 4 })); // 94.44
    const before = ratingFigures(rows({ HTXSNV: 10, HTTNV: 57, HTNV: 5 })); // 93.06
    const d = ratingFiguresChange(now, before);
    expect(d.rated).toBe(0);
    expect(d.wellCompletedOrBetter).toEqual({ count: 1, points: 1.38 });
    expect(d.levels.HTXSNV).toEqual({ count: 6, points: 8.33 });
    expect(d.levels.HTNV).toEqual({ count: -1, points: -1.38 });
    expect(d.excellentOfWellCompletedOrBetter).toBe(8.6);
    expect(d.excellentOfRated).toBe(8.33);
  });

  it('is null where a year has no denominator', () => {
    const d = ratingFiguresChange(ratingFigures(rows({ HTTNV: 1 })), ratingFigures([]));
    expect(d.wellCompletedOrBetter).toEqual({ count: 1, points: null });
    expect(d.excellentOfRated).toBeNull();
  });
});
