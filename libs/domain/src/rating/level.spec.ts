import { isDomainError } from '../errors';
import { DEFAULT_POLICY, resolvePolicy, type Policy } from '../policy';
import {
  assertLevelWithinCap,
  computeRatingLevel,
  ratingLevelCap,
  countLevels,
  emptyLevelCounts,
  levelForScore,
  RATING_CAP_REASON_LABELS,
  RATING_CAP_REASONS,
  type RatingInput,
} from './level';

const withRating = (rating: Partial<Policy['rating']>): Policy =>
  resolvePolicy([{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { rating } }], '2026-01-01');

// 10 tasks, all on time, 3 exceeded (30%): every task condition holds.
const ALL_GOOD = { assigned: 10, completed: 10, onTime: 10, exceeded: 3 };

const member = (score: number, over: Partial<RatingInput> = {}): RatingInput => ({
  subjectKind: 'MEMBER',
  score,
  tasks: ALL_GOOD,
  ...over,
});
const cell = (score: number, over: Partial<RatingInput> = {}): RatingInput => ({
  subjectKind: 'SUBORDINATE_CELL',
  score,
  tasks: ALL_GOOD,
  ...over,
});

const thrown = (f: () => unknown): { code: string; field?: string } => {
  try {
    f();
  } catch (e) {
    expect(isDomainError(e)).toBe(true);
    return e as { code: string; field?: string };
  }
  throw new Error('expected a throw');
};

describe('levelForScore', () => {
  it.each([
    [100, 'HTXSNV'],
    [90, 'HTXSNV'],
    [89.99, 'HTTNV'],
    [89, 'HTTNV'],
    [70, 'HTTNV'],
    [69.5, 'HTNV'],
    [69, 'HTNV'],
    [50, 'HTNV'],
    [49.99, 'KHTNV'],
    [49, 'KHTNV'],
    [0, 'KHTNV'],
  ] as const)('%d → %s', (score, level) => expect(levelForScore(score, DEFAULT_POLICY)).toBe(level));

  it('follows the policy thresholds', () => {
    const p = withRating({ excellentMinScore: 95, wellCompletedMinScore: 80, completedMinScore: 60 });
    expect(levelForScore(94, p)).toBe('HTTNV');
    expect(levelForScore(95, p)).toBe('HTXSNV');
    expect(levelForScore(79, p)).toBe('HTNV');
    expect(levelForScore(59, p)).toBe('KHTNV');
  });

  it.each([-1, 100.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (score) =>
    expect(thrown(() => levelForScore(score, DEFAULT_POLICY))).toMatchObject({ code: 'VALIDATION', field: 'score' }),
  );
});

describe('computeRatingLevel: score thresholds with every task condition met', () => {
  it.each([
    [49, 'KHTNV'],
    [50, 'HTNV'],
    [69, 'HTNV'],
    [70, 'HTTNV'],
    [89, 'HTTNV'],
    [90, 'HTXSNV'],
  ] as const)('member %d → %s', (score, level) => {
    expect(computeRatingLevel(member(score), DEFAULT_POLICY)).toEqual({ level, scoreLevel: level, caps: [] });
  });

  it.each([
    [49, 'KHTNV'],
    [50, 'HTNV'],
    [69, 'HTNV'],
    [70, 'HTTNV'],
    [89, 'HTTNV'],
    [90, 'HTXSNV'],
  ] as const)('cell %d → %s', (score, level) =>
    expect(computeRatingLevel(cell(score), DEFAULT_POLICY).level).toBe(level),
  );
});

describe('computeRatingLevel: task conditions', () => {
  it('HTXSNV needs at least 30% of the tasks exceeded (3 of 10 yes, 2 of 10 no)', () => {
    expect(computeRatingLevel(member(95, { tasks: { ...ALL_GOOD, exceeded: 3 } }), DEFAULT_POLICY).level).toBe(
      'HTXSNV',
    );
    expect(computeRatingLevel(member(95, { tasks: { ...ALL_GOOD, exceeded: 2 } }), DEFAULT_POLICY)).toEqual({
      level: 'HTTNV',
      scoreLevel: 'HTXSNV',
      caps: [{ reason: 'TASKS_NOT_EXCEEDED', ceiling: 'HTTNV' }],
    });
  });

  it('the exceeded share is exact: 29.99% is not 30%', () => {
    const tasks = { assigned: 3334, completed: 3334, onTime: 3334, exceeded: 1000 }; // 29.994%
    expect(computeRatingLevel(member(95, { tasks }), DEFAULT_POLICY).level).toBe('HTTNV');
    expect(computeRatingLevel(member(95, { tasks: { ...tasks, exceeded: 1001 } }), DEFAULT_POLICY).level).toBe(
      'HTXSNV',
    );
  });

  it('the exceeded share is irrelevant below 90', () => {
    expect(computeRatingLevel(member(80, { tasks: { ...ALL_GOOD, exceeded: 0 } }), DEFAULT_POLICY)).toEqual({
      level: 'HTTNV',
      scoreLevel: 'HTTNV',
      caps: [],
    });
  });

  it('HTTNV and HTXSNV need every task on time; one late task gives HTNV', () => {
    const tasks = { ...ALL_GOOD, onTime: 9 };
    expect(computeRatingLevel(member(95, { tasks }), DEFAULT_POLICY)).toEqual({
      level: 'HTNV',
      scoreLevel: 'HTXSNV',
      caps: [{ reason: 'TASKS_NOT_ON_TIME', ceiling: 'HTNV' }],
    });
    expect(computeRatingLevel(member(75, { tasks }), DEFAULT_POLICY).level).toBe('HTNV');
    expect(computeRatingLevel(member(60, { tasks }), DEFAULT_POLICY)).toEqual({
      level: 'HTNV',
      scoreLevel: 'HTNV',
      caps: [],
    });
  });

  it('HTNV needs every task done; one undone task gives KHTNV', () => {
    const tasks = { assigned: 10, completed: 9, onTime: 9, exceeded: 3 };
    expect(computeRatingLevel(member(60, { tasks }), DEFAULT_POLICY)).toEqual({
      level: 'KHTNV',
      scoreLevel: 'HTNV',
      caps: [{ reason: 'TASKS_NOT_COMPLETED', ceiling: 'KHTNV' }],
    });
    expect(computeRatingLevel(member(95, { tasks }), DEFAULT_POLICY).caps.map((c) => c.reason)).toEqual([
      'TASKS_NOT_ON_TIME',
      'TASKS_NOT_COMPLETED',
    ]);
  });

  it('a collective may have at most 20% of its tasks late for HTNV (2 of 10 yes, 3 of 10 no)', () => {
    expect(computeRatingLevel(cell(60, { tasks: { ...ALL_GOOD, onTime: 8 } }), DEFAULT_POLICY).level).toBe('HTNV');
    expect(computeRatingLevel(cell(60, { tasks: { ...ALL_GOOD, onTime: 7 } }), DEFAULT_POLICY)).toEqual({
      level: 'KHTNV',
      scoreLevel: 'HTNV',
      caps: [{ reason: 'TASKS_TOO_LATE', ceiling: 'KHTNV' }],
    });
  });

  it('the late limit applies to collectives only', () => {
    expect(computeRatingLevel(member(60, { tasks: { ...ALL_GOOD, onTime: 0 } }), DEFAULT_POLICY).level).toBe('HTNV');
  });

  it('with no task assigned every task condition holds', () => {
    expect(
      computeRatingLevel(member(92, { tasks: { assigned: 0, completed: 0, onTime: 0, exceeded: 0 } }), DEFAULT_POLICY)
        .level,
    ).toBe('HTXSNV');
  });

  it('uses the policy percentages', () => {
    const p = withRating({ exceedMinPercent: 50, lateMaxPercent: 0 });
    expect(computeRatingLevel(member(95), p).level).toBe('HTTNV');
    expect(computeRatingLevel(member(95, { tasks: { ...ALL_GOOD, exceeded: 5 } }), p).level).toBe('HTXSNV');
    expect(computeRatingLevel(cell(60, { tasks: { ...ALL_GOOD, onTime: 9 } }), p).level).toBe('KHTNV');
  });

  it.each([
    [{ assigned: -1, completed: 0, onTime: 0, exceeded: 0 }, 'tasks.assigned'],
    [{ assigned: 1.5, completed: 0, onTime: 0, exceeded: 0 }, 'tasks.assigned'],
    [{ assigned: 5, completed: 6, onTime: 0, exceeded: 0 }, 'tasks.completed'],
    [{ assigned: 5, completed: 4, onTime: 5, exceeded: 0 }, 'tasks.onTime'],
    [{ assigned: 5, completed: 4, onTime: 4, exceeded: 5 }, 'tasks.exceeded'],
  ])('refuses inconsistent task counts %o', (tasks, field) =>
    expect(thrown(() => computeRatingLevel(member(80, { tasks }), DEFAULT_POLICY))).toMatchObject({
      code: 'VALIDATION',
      field,
    }),
  );
});

describe('computeRatingLevel: blocking conditions', () => {
  it('a member disciplined during the year is KHTNV whatever the score', () => {
    expect(computeRatingLevel(member(98, { disciplinedInYear: true }), DEFAULT_POLICY)).toEqual({
      level: 'KHTNV',
      scoreLevel: 'HTXSNV',
      caps: [{ reason: 'OWN_DISCIPLINE', ceiling: 'KHTNV' }],
    });
    expect(computeRatingLevel(member(40, { disciplinedInYear: true }), DEFAULT_POLICY)).toEqual({
      level: 'KHTNV',
      scoreLevel: 'KHTNV',
      caps: [],
    });
  });

  it('the ceiling for own discipline is configurable', () => {
    const p = withRating({ ownDisciplineCeiling: 'HTNV' });
    expect(computeRatingLevel(member(98, { disciplinedInYear: true }), p).level).toBe('HTNV');
    expect(computeRatingLevel(member(60, { disciplinedInYear: true }), p)).toEqual({
      level: 'HTNV',
      scoreLevel: 'HTNV',
      caps: [],
    });
  });

  it('an organisation disciplined during the year is KHTNV', () => {
    expect(computeRatingLevel(cell(95, { disciplinedInYear: true }), DEFAULT_POLICY).level).toBe('KHTNV');
  });

  it('a member with earlier shortcomings not fixed cannot be HTXSNV', () => {
    expect(computeRatingLevel(member(95, { shortcomingsFixed: false }), DEFAULT_POLICY)).toEqual({
      level: 'HTTNV',
      scoreLevel: 'HTXSNV',
      caps: [{ reason: 'SHORTCOMINGS_NOT_FIXED', ceiling: 'HTTNV' }],
    });
    expect(computeRatingLevel(member(95, { shortcomingsFixed: true }), DEFAULT_POLICY).level).toBe('HTXSNV');
  });

  it('leadership reprimanded: a collective cannot be HTXSNV', () => {
    expect(computeRatingLevel(cell(95, { leadershipDisciplineForms: ['KHIEN_TRACH'] }), DEFAULT_POLICY)).toEqual({
      level: 'HTTNV',
      scoreLevel: 'HTXSNV',
      caps: [{ reason: 'LEADERSHIP_DISCIPLINE', ceiling: 'HTTNV' }],
    });
    expect(computeRatingLevel(cell(80, { leadershipDisciplineForms: ['KHIEN_TRACH'] }), DEFAULT_POLICY).caps).toEqual(
      [],
    );
  });

  it.each(['CANH_CAO', 'CACH_CHUC', 'KHAI_TRU'] as const)(
    'leadership %s (warning or heavier): the collective is KHTNV',
    (form) => {
      expect(
        computeRatingLevel(cell(95, { leadershipDisciplineForms: ['KHIEN_TRACH', form] }), DEFAULT_POLICY),
      ).toEqual({
        level: 'KHTNV',
        scoreLevel: 'HTXSNV',
        caps: [{ reason: 'LEADERSHIP_DISCIPLINE', ceiling: 'KHTNV' }],
      });
    },
  );

  it('the leadership rule is configurable', () => {
    const p = withRating({ leadershipSevereForm: 'CACH_CHUC', leadershipDisciplineCeiling: 'HTNV' });
    expect(computeRatingLevel(cell(95, { leadershipDisciplineForms: ['CANH_CAO'] }), p).level).toBe('HTTNV');
    expect(computeRatingLevel(cell(95, { leadershipDisciplineForms: ['CACH_CHUC'] }), p).level).toBe('HTNV');
  });

  it('leadership discipline is ignored for a member', () => {
    expect(computeRatingLevel(member(95, { leadershipDisciplineForms: ['CANH_CAO'] }), DEFAULT_POLICY).level).toBe(
      'HTXSNV',
    );
  });

  it('subordinate units disciplined: none → no cap; 1 of 10 → not HTXSNV; 2 of 10 (20%) → HTTNV; 3 of 10 → KHTNV', () => {
    const at = (disciplined: number) =>
      computeRatingLevel(
        { ...cell(95), subjectKind: 'GRASSROOTS_ORGANISATION', subordinates: { total: 10, disciplined } },
        DEFAULT_POLICY,
      );
    expect(at(0).level).toBe('HTXSNV');
    expect(at(1)).toEqual({
      level: 'HTTNV',
      scoreLevel: 'HTXSNV',
      caps: [{ reason: 'SUBORDINATES_DISCIPLINED', ceiling: 'HTTNV' }],
    });
    expect(at(2).level).toBe('HTTNV');
    expect(at(3)).toEqual({
      level: 'KHTNV',
      scoreLevel: 'HTXSNV',
      caps: [{ reason: 'SUBORDINATES_DISCIPLINED', ceiling: 'KHTNV' }],
    });
  });

  describe('HD 21 member mix for a cell', () => {
    const mix = (HTXSNV: number, HTTNV: number, HTNV: number, KHTNV: number) => ({ HTXSNV, HTTNV, HTNV, KHTNV });

    it.each([
      ['all members HTNV+ and half HTTNV+', mix(1, 4, 5, 0), 'HTXSNV'],
      ['all HTTNV+', mix(3, 7, 0, 0), 'HTXSNV'],
      ['one member KHTNV', mix(3, 6, 0, 1), 'HTNV'],
      ['only 4 of 10 HTTNV+', mix(1, 3, 6, 0), 'HTNV'],
      ['no member rated', mix(0, 0, 0, 0), 'HTXSNV'],
    ])('%s → %s', (_name, constituentLevels, level) => {
      expect(computeRatingLevel(cell(95, { constituentLevels }), DEFAULT_POLICY).level).toBe(level);
    });

    it('names the cap', () => {
      expect(computeRatingLevel(cell(80, { constituentLevels: mix(0, 4, 5, 1) }), DEFAULT_POLICY)).toEqual({
        level: 'HTNV',
        scoreLevel: 'HTTNV',
        caps: [{ reason: 'MEMBER_MIX', ceiling: 'HTNV' }],
      });
    });

    it('does not lower an HTNV cell', () => {
      expect(computeRatingLevel(cell(60, { constituentLevels: mix(0, 0, 5, 5) }), DEFAULT_POLICY)).toEqual({
        level: 'HTNV',
        scoreLevel: 'HTNV',
        caps: [],
      });
    });

    it('is switched off with 0 and 0', () => {
      const p = withRating({ mixCompletedPercent: 0, mixWellCompletedPercent: 0 });
      expect(computeRatingLevel(cell(95, { constituentLevels: mix(0, 0, 0, 10) }), p).level).toBe('HTXSNV');
    });

    it('applies to a grassroots committee over its subordinate organisations', () => {
      expect(
        computeRatingLevel(
          { ...cell(95, { constituentLevels: mix(0, 1, 2, 0) }), subjectKind: 'GRASSROOTS_ORGANISATION' },
          DEFAULT_POLICY,
        ).level,
      ).toBe('HTNV');
    });

    it('refuses bad counts', () => {
      expect(
        thrown(() => computeRatingLevel(cell(95, { constituentLevels: mix(-1, 0, 0, 0) }), DEFAULT_POLICY)),
      ).toMatchObject({
        code: 'VALIDATION',
        field: 'constituentLevels.HTXSNV',
      });
    });
  });

  it('several caps: the worst wins and all that lowered the level are listed', () => {
    const out = computeRatingLevel(
      cell(95, {
        tasks: { ...ALL_GOOD, exceeded: 0 },
        leadershipDisciplineForms: ['KHIEN_TRACH'],
        constituentLevels: { HTXSNV: 0, HTTNV: 1, HTNV: 9, KHTNV: 0 },
      }),
      DEFAULT_POLICY,
    );
    expect(out.level).toBe('HTNV');
    expect(out.caps.map((c) => c.reason)).toEqual(['TASKS_NOT_EXCEEDED', 'LEADERSHIP_DISCIPLINE', 'MEMBER_MIX']);
  });

  it('refuses bad subordinate counts and unknown discipline forms', () => {
    expect(
      thrown(() => computeRatingLevel(cell(95, { subordinates: { total: 2, disciplined: 3 } }), DEFAULT_POLICY)),
    ).toMatchObject({
      field: 'subordinates.disciplined',
    });
    expect(
      thrown(() => computeRatingLevel(cell(95, { subordinates: { total: -2, disciplined: 0 } }), DEFAULT_POLICY)),
    ).toMatchObject({
      field: 'subordinates.total',
    });
    expect(
      thrown(() => computeRatingLevel(cell(95, { leadershipDisciplineForms: ['NOPE' as never] }), DEFAULT_POLICY)),
    ).toMatchObject({
      field: 'leadershipDisciplineForms[0]',
    });
  });
});

describe('level counts and labels', () => {
  it('counts levels', () => {
    expect(countLevels(['HTXSNV', 'HTTNV', 'HTTNV', 'KHTNV'])).toEqual({ HTXSNV: 1, HTTNV: 2, HTNV: 0, KHTNV: 1 });
    expect(emptyLevelCounts()).toEqual({ HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 });
  });

  it('labels every cap reason in both languages', () => {
    for (const r of RATING_CAP_REASONS) {
      expect(RATING_CAP_REASON_LABELS[r].vi).toBeTruthy();
      expect(RATING_CAP_REASON_LABELS[r].en).toBeTruthy();
    }
  });
});

describe('ratingLevelCap / assertLevelWithinCap', () => {
  const reasonOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as { code: string; field?: string; details?: Record<string, unknown> };
    }
    return null;
  };

  it('is HTXSNV with no cause when no condition applies, whatever the score', () => {
    expect(ratingLevelCap({ subjectKind: 'MEMBER', tasks: ALL_GOOD }, DEFAULT_POLICY)).toEqual({
      ceiling: 'HTXSNV',
      causes: [],
    });
    expect(() =>
      assertLevelWithinCap('HTXSNV', ratingLevelCap({ subjectKind: 'MEMBER', tasks: ALL_GOOD }, DEFAULT_POLICY)),
    ).not.toThrow();
  });

  it('own discipline caps a member at the policy ceiling (KHTNV) and names the cause', () => {
    const cap = ratingLevelCap({ subjectKind: 'MEMBER', tasks: ALL_GOOD, disciplinedInYear: true }, DEFAULT_POLICY);
    expect(cap).toEqual({ ceiling: 'KHTNV', causes: [{ reason: 'OWN_DISCIPLINE', ceiling: 'KHTNV' }] });
    const e = reasonOf(() => assertLevelWithinCap('HTXSNV', cap));
    expect(e).toMatchObject({
      code: 'VALIDATION',
      field: 'level',
      details: {
        reason: 'RATING_LEVEL_ABOVE_CAP',
        cap: 'KHTNV',
        causes: [{ reason: 'OWN_DISCIPLINE', ceiling: 'KHTNV' }],
      },
    });
    expect(() => assertLevelWithinCap('KHTNV', cap)).not.toThrow();
    // A looser policy ceiling allows up to it.
    const loose = ratingLevelCap(
      { subjectKind: 'MEMBER', tasks: ALL_GOOD, disciplinedInYear: true },
      withRating({ ownDisciplineCeiling: 'HTNV' }),
    );
    expect(loose.ceiling).toBe('HTNV');
    expect(() => assertLevelWithinCap('HTNV', loose)).not.toThrow();
  });

  it('names only the conditions the level breaks', () => {
    const cap = ratingLevelCap(
      { subjectKind: 'MEMBER', tasks: { ...ALL_GOOD, onTime: 9 }, shortcomingsFixed: false },
      DEFAULT_POLICY,
    );
    expect(cap.ceiling).toBe('HTNV');
    expect(cap.causes.map((c) => c.reason)).toEqual(['TASKS_NOT_ON_TIME', 'SHORTCOMINGS_NOT_FIXED']);
    expect(
      (reasonOf(() => assertLevelWithinCap('HTTNV', cap))?.details?.causes as { reason: string }[]).map(
        (c) => c.reason,
      ),
    ).toEqual(['TASKS_NOT_ON_TIME']);
    expect((reasonOf(() => assertLevelWithinCap('HTXSNV', cap, 'x'))?.details?.causes as unknown[]).length).toBe(2);
    expect(reasonOf(() => assertLevelWithinCap('HTXSNV', cap, 'x'))?.field).toBe('x');
  });

  it('a collective: leadership discipline (cảnh cáo) and the member mix', () => {
    const cap = ratingLevelCap(
      { subjectKind: 'SUBORDINATE_CELL', tasks: ALL_GOOD, leadershipDisciplineForms: ['CANH_CAO'] },
      DEFAULT_POLICY,
    );
    expect(cap).toEqual({ ceiling: 'KHTNV', causes: [{ reason: 'LEADERSHIP_DISCIPLINE', ceiling: 'KHTNV' }] });
    const mix = ratingLevelCap(
      {
        subjectKind: 'SUBORDINATE_CELL',
        tasks: ALL_GOOD,
        constituentLevels: { HTXSNV: 0, HTTNV: 1, HTNV: 2, KHTNV: 0 },
      },
      DEFAULT_POLICY,
    );
    expect(mix).toEqual({ ceiling: 'HTNV', causes: [{ reason: 'MEMBER_MIX', ceiling: 'HTNV' }] });
  });

  it('computeRatingLevel keeps its answer: the score level lowered by the caps below it', () => {
    expect(computeRatingLevel(member(95, { disciplinedInYear: true }), DEFAULT_POLICY)).toMatchObject({
      level: 'KHTNV',
      caps: [{ reason: 'OWN_DISCIPLINE' }],
    });
    expect(computeRatingLevel(member(75, { tasks: { ...ALL_GOOD, exceeded: 0 } }), DEFAULT_POLICY)).toMatchObject({
      level: 'HTTNV',
      caps: [],
    });
  });
});
