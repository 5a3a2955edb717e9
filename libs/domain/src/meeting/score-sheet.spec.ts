import { isDomainError, type DomainError } from '../errors';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { QUALITY_CRITERIA } from './kinds';
import {
  DEFAULT_SCORE_SHEET,
  SCORE_LEVEL_LABELS,
  SCORE_LEVELS,
  scoreGap,
  scoreLevel,
  scoreMeeting,
  scoreSheetMax,
  validateScoreSheet,
  type ScoreSheet,
} from './score-sheet';

const full = { ATTENDANCE: 20, PREPARATION: 20, CONDUCT: 30, PRINCIPLES: 15, RESOLUTION_RESULTS: 15 };

const thrown = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    expect(isDomainError(e, 'VALIDATION')).toBe(true);
    return e as DomainError;
  }
  throw new Error('expected a throw');
};

describe('DEFAULT_SCORE_SHEET', () => {
  it('scores the five HD 12 criteria 20/20/30/15/15 = 100', () => {
    expect(DEFAULT_SCORE_SHEET.criteria.map((c) => c.code)).toEqual([...QUALITY_CRITERIA]);
    expect(DEFAULT_SCORE_SHEET.criteria.map((c) => c.maxPoints)).toEqual([20, 20, 30, 15, 15]);
    expect(scoreSheetMax(DEFAULT_SCORE_SHEET)).toBe(100);
    expect(DEFAULT_SCORE_SHEET.criteria[0]?.label).toEqual({ vi: 'Tỷ lệ đảng viên dự sinh hoạt', en: 'Attendance' });
    expect(DEFAULT_SCORE_SHEET.bands).toEqual([
      { level: 'WEAK', minPoints: 0 },
      { level: 'AVERAGE', minPoints: 50 },
      { level: 'GOOD', minPoints: 70 },
      { level: 'EXCELLENT', minPoints: 90 },
    ]);
  });

  it('is valid and frozen', () => {
    expect(validateScoreSheet(DEFAULT_SCORE_SHEET)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_SCORE_SHEET)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCORE_SHEET.criteria)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCORE_SHEET.criteria[2])).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCORE_SHEET.bands[3])).toBe(true);
  });

  it('labels the levels Tốt / Khá / Trung bình / Yếu', () => {
    expect(SCORE_LEVELS.map((l) => SCORE_LEVEL_LABELS[l].vi)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Yếu']);
    expect(SCORE_LEVELS.map((l) => SCORE_LEVEL_LABELS[l].en)).toEqual(['Excellent', 'Good', 'Average', 'Weak']);
  });
});

describe('scoreMeeting', () => {
  it('totals the criteria, at the maximum', () => {
    expect(scoreMeeting(DEFAULT_SCORE_SHEET, full)).toEqual({
      total: 100,
      max: 100,
      level: 'EXCELLENT',
      perCriterion: [
        { code: 'ATTENDANCE', points: 20, maxPoints: 20 },
        { code: 'PREPARATION', points: 20, maxPoints: 20 },
        { code: 'CONDUCT', points: 30, maxPoints: 30 },
        { code: 'PRINCIPLES', points: 15, maxPoints: 15 },
        { code: 'RESOLUTION_RESULTS', points: 15, maxPoints: 15 },
      ],
    });
    expect(
      scoreMeeting(DEFAULT_SCORE_SHEET, {
        ATTENDANCE: 0,
        PREPARATION: 0,
        CONDUCT: 0,
        PRINCIPLES: 0,
        RESOLUTION_RESULTS: 0,
      }),
    ).toMatchObject({ total: 0, level: 'WEAK' });
  });

  it.each(QUALITY_CRITERIA)('rejects %s one point above its maximum', (code) => {
    const max = full[code];
    expect(scoreMeeting(DEFAULT_SCORE_SHEET, { ...full, [code]: max }).total).toBe(100);
    const e = thrown(() => scoreMeeting(DEFAULT_SCORE_SHEET, { ...full, [code]: max + 1 }));
    expect(e.field).toBe(`scores.${code}`);
    expect(e.details).toEqual({ errors: [{ field: `scores.${code}`, reason: `must be at most ${max}` }] });
  });

  it.each([
    [-1, 'must not be negative'],
    [2.5, 'must be a whole number of points'],
    [Number.NaN, 'must be a number'],
    [Number.POSITIVE_INFINITY, 'must be a number'],
    ['10', 'must be a number'],
    [null, 'is required'],
  ])('rejects %p', (v, reason) => {
    const e = thrown(() => scoreMeeting(DEFAULT_SCORE_SHEET, { ...full, CONDUCT: v as number }));
    expect(e.field).toBe('scores.CONDUCT');
    expect(e.details).toEqual({ errors: [{ field: 'scores.CONDUCT', reason }] });
  });

  it('rejects missing and unknown criteria, listing every problem', () => {
    const { PRINCIPLES: _p, ...missing } = full;
    const e = thrown(() => scoreMeeting(DEFAULT_SCORE_SHEET, { ...missing, CONDUCT: 31, BONUS: 5 }));
    expect(e.field).toBe('scores.CONDUCT');
    expect(e.details).toEqual({
      errors: [
        { field: 'scores.CONDUCT', reason: 'must be at most 30' },
        { field: 'scores.PRINCIPLES', reason: 'is required' },
        { field: 'scores.BONUS', reason: 'is not a criterion of the score sheet' },
      ],
    });
    expect(thrown(() => scoreMeeting(DEFAULT_SCORE_SHEET, { ...full, toString: 1 })).field).toBe('scores.toString');
    expect(thrown(() => scoreMeeting(DEFAULT_SCORE_SHEET, null as unknown as Record<string, number>)).field).toBe(
      'scores',
    );
    expect(thrown(() => scoreMeeting(DEFAULT_SCORE_SHEET, [] as unknown as Record<string, number>)).field).toBe(
      'scores',
    );
  });

  it('rejects an invalid sheet', () => {
    const bad = { ...DEFAULT_SCORE_SHEET, bands: [{ level: 'WEAK', minPoints: 5 }] } as ScoreSheet;
    expect(thrown(() => scoreMeeting(bad, full)).field).toBe('scoreSheet.bands[0].minPoints');
  });

  it('scores on a provincial sheet from the policy', () => {
    const sheet: ScoreSheet = {
      code: 'TQ-08',
      name: { vi: 'Mẫu Tuyên Quang', en: 'Tuyên Quang sheet' },
      criteria: [
        { code: 'A', label: { vi: 'A', en: 'A' }, maxPoints: 40 },
        { code: 'B', label: { vi: 'B', en: 'B' }, maxPoints: 10 },
      ],
      bands: [
        { level: 'WEAK', minPoints: 0 },
        { level: 'GOOD', minPoints: 30 },
        { level: 'EXCELLENT', minPoints: 45 },
      ],
    };
    const p = resolvePolicy(
      [{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 1, values: { scoreSheet: sheet } }],
      '2026-01-01',
    );
    expect(scoreMeeting(p.scoreSheet, { A: 35, B: 10 })).toMatchObject({ total: 45, max: 50, level: 'EXCELLENT' });
    expect(scoreMeeting(p.scoreSheet, { A: 29, B: 0 })).toMatchObject({ total: 29, level: 'WEAK' });
    // The national criteria mean nothing on this sheet: its own come first (missing), then the unknown keys.
    const e = thrown(() => scoreMeeting(p.scoreSheet, full));
    expect(e.field).toBe('scores.A');
    expect((e.details as { errors: { field: string }[] }).errors.map((x) => x.field)).toEqual([
      'scores.A',
      'scores.B',
      'scores.ATTENDANCE',
      'scores.PREPARATION',
      'scores.CONDUCT',
      'scores.PRINCIPLES',
      'scores.RESOLUTION_RESULTS',
    ]);
  });
});

describe('scoreLevel', () => {
  it.each([
    [0, 'WEAK'],
    [49, 'WEAK'],
    [50, 'AVERAGE'],
    [69, 'AVERAGE'],
    [70, 'GOOD'],
    [89, 'GOOD'],
    [90, 'EXCELLENT'],
    [100, 'EXCELLENT'],
  ] as const)('%i → %s', (total, level) => expect(scoreLevel(DEFAULT_SCORE_SHEET, total)).toBe(level));

  it.each([-1, 101, 50.5])('rejects a total of %p', (t) =>
    expect(thrown(() => scoreLevel(DEFAULT_SCORE_SHEET, t)).field).toBe('total'),
  );
});

describe('scoreGap (15 points out of 100 warns)', () => {
  it.each([
    [85, 100, 100, true],
    [86, 100, 100, false],
    [100, 85, 100, true],
    [100, 86, 100, false],
    [0, 0, 100, false],
    [170, 200, 200, true],
    [171, 200, 200, false],
    [42, 50, 50, true],
    [43, 50, 50, false],
  ])('visitor %i vs self %i on %i → %s', (v, s, max, warn) => expect(scoreGap(v, s, max, DEFAULT_POLICY)).toBe(warn));

  it('follows the policy', () => {
    const p = resolvePolicy(
      [{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { meeting: { scoreGapWarn: 10 } } }],
      '2026-01-01',
    );
    expect(scoreGap(90, 100, 100, p)).toBe(true);
    expect(scoreGap(91, 100, 100, p)).toBe(false);
  });

  it('validates its numbers', () => {
    expect(thrown(() => scoreGap(50, 50, 0, DEFAULT_POLICY)).field).toBe('max');
    expect(thrown(() => scoreGap(101, 50, 100, DEFAULT_POLICY)).field).toBe('visitorTotal');
    expect(thrown(() => scoreGap(50, -1, 100, DEFAULT_POLICY)).field).toBe('selfTotal');
    expect(thrown(() => scoreGap(50.5, 50, 100, DEFAULT_POLICY)).field).toBe('visitorTotal');
  });
});
