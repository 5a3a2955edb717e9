import {
  assertDecisionReason,
  assertRatingStep,
  currentStepDue,
  RATING_STAGES,
  ratingAuthority,
  ratingStage,
  validateRoundDeadlines,
  type ChainLink,
  type RatingStage,
} from './round';

const code = (f: () => unknown): { code: string; field?: string } | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e as { code: string; field?: string };
  }
};

describe('ratingStage', () => {
  it('is the last step recorded', () => {
    expect(ratingStage({})).toBe('PENDING');
    expect(ratingStage({ selfAssessedAt: 'x' })).toBe('SELF_ASSESSED');
    expect(ratingStage({ selfAssessedAt: 'x', proposedAt: 'y' })).toBe('PROPOSED');
    expect(ratingStage({ proposedAt: 'y', decidedAt: 'z' })).toBe('DECIDED');
    expect(ratingStage({ decidedAt: 'z', announcedAt: 'w' })).toBe('ANNOUNCED');
  });
});

describe('assertRatingStep', () => {
  const allowed: Record<'SELF_ASSESSMENT' | 'PROPOSAL' | 'DECISION', RatingStage[]> = {
    SELF_ASSESSMENT: ['PENDING', 'SELF_ASSESSED'],
    PROPOSAL: ['SELF_ASSESSED', 'PROPOSED'],
    DECISION: ['PROPOSED', 'DECIDED'],
  };
  const cases = (['SELF_ASSESSMENT', 'PROPOSAL', 'DECISION'] as const).flatMap((step) =>
    RATING_STAGES.map((stage) => [step, stage] as const),
  );

  it.each(cases)('%s at %s in an open round', (step, stage) => {
    const err = code(() => assertRatingStep(stage, step, 'OPEN'));
    if (allowed[step].includes(stage)) expect(err).toBeNull();
    else expect(err?.code).toBe(stage === 'ANNOUNCED' ? 'RATING_ROUND_CLOSED' : 'RATING_STEP_ORDER');
  });

  it('refuses every step once the round is announced', () => {
    for (const step of ['SELF_ASSESSMENT', 'PROPOSAL', 'DECISION'] as const)
      expect(code(() => assertRatingStep('PENDING', step, 'ANNOUNCED'))?.code).toBe('RATING_ROUND_CLOSED');
  });

  it('says what comes first', () => {
    expect(() => assertRatingStep('PENDING', 'PROPOSAL', 'OPEN')).toThrow('the self-assessment comes first');
    expect(() => assertRatingStep('SELF_ASSESSED', 'DECISION', 'OPEN')).toThrow('a proposal comes first');
    expect(() => assertRatingStep('DECIDED', 'SELF_ASSESSMENT', 'OPEN')).toThrow('already decided');
  });
});

describe('assertDecisionReason', () => {
  it('needs a reason only when the decision differs from the proposal', () => {
    expect(assertDecisionReason('HTTNV', 'HTTNV', undefined)).toBeNull();
    expect(assertDecisionReason('HTTNV', 'HTTNV', ' agreed ')).toBe('agreed');
    expect(assertDecisionReason(null, 'HTNV', null)).toBeNull();
    expect(assertDecisionReason('HTXSNV', 'HTTNV', 'Vượt chỉ tiêu 20%')).toBe('Vượt chỉ tiêu 20%');
    expect(code(() => assertDecisionReason('HTXSNV', 'HTTNV', '  '))).toMatchObject({
      code: 'RATING_REASON_REQUIRED',
      field: 'reason',
    });
    expect(code(() => assertDecisionReason('HTNV', 'HTTNV', null))).toMatchObject({ code: 'RATING_REASON_REQUIRED' });
  });
});

describe('ratingAuthority', () => {
  const root: ChainLink<string> = { id: 'bloc', kind: 'COMMITTEE' };
  const gc: ChainLink<string> = { id: 'gc', kind: 'GRASSROOTS_COMMITTEE' };
  const sub: ChainLink<string> = { id: 'sub', kind: 'SUB_COMMITTEE' };
  const cellA: ChainLink<string> = { id: 'cellA', kind: 'SUBORDINATE_CELL' };
  const gcell: ChainLink<string> = { id: 'gcell', kind: 'GRASSROOTS_CELL' };

  it('a member of a subordinate cell: the cell proposes, the grassroots committee decides', () => {
    expect(ratingAuthority('MEMBER', [cellA, gc, root])).toEqual({
      subjectKind: 'MEMBER',
      proposerId: 'cellA',
      deciderId: 'gc',
      grassrootsId: 'gc',
    });
    expect(ratingAuthority('MEMBER', [cellA, sub, gc, root])).toMatchObject({ proposerId: 'cellA', deciderId: 'gc' });
  });

  it('a member of a grassroots cell: the cell proposes and decides', () => {
    expect(ratingAuthority('MEMBER', [gcell, root])).toEqual({
      subjectKind: 'MEMBER',
      proposerId: 'gcell',
      deciderId: 'gcell',
      grassrootsId: 'gcell',
    });
  });

  it('a subordinate cell or sub-committee: the parent proposes, the grassroots committee decides', () => {
    expect(ratingAuthority('ORGANISATION', [cellA, sub, gc, root])).toEqual({
      subjectKind: 'SUBORDINATE_CELL',
      proposerId: 'sub',
      deciderId: 'gc',
      grassrootsId: 'gc',
    });
    expect(ratingAuthority('ORGANISATION', [cellA, gc, root])).toMatchObject({ proposerId: 'gc', deciderId: 'gc' });
    expect(ratingAuthority('ORGANISATION', [sub, gc, root])).toEqual({
      subjectKind: 'SUB_COMMITTEE',
      proposerId: 'gc',
      deciderId: 'gc',
      grassrootsId: 'gc',
    });
  });

  it('a grassroots organisation: the level above decides', () => {
    expect(ratingAuthority('ORGANISATION', [gc, root])).toEqual({
      subjectKind: 'GRASSROOTS_ORGANISATION',
      proposerId: 'bloc',
      deciderId: 'bloc',
      grassrootsId: null,
    });
    expect(ratingAuthority('ORGANISATION', [gcell, root])).toMatchObject({ deciderId: 'bloc' });
  });

  it.each([
    ['MEMBER', []],
    ['MEMBER', [gc, root]],
    ['MEMBER', [cellA]],
    ['ORGANISATION', [root]],
    ['ORGANISATION', [{ id: 'g', kind: 'PARTY_GROUP' }, cellA, gc]],
    ['ORGANISATION', [gc]],
    ['ORGANISATION', [cellA]],
  ] as const)('%s with chain %o has no authority', (subject, chain) => {
    expect(code(() => ratingAuthority(subject, chain as readonly ChainLink<string>[]))).toMatchObject({
      code: 'VALIDATION',
      field: 'chain',
    });
  });
});

describe('round deadlines', () => {
  const d = { selfAssessmentDue: '2026-11-30', proposalDue: '2026-12-10', decisionDue: '2026-12-20' };

  it('accepts ordered deadlines (equal allowed)', () => {
    expect(code(() => validateRoundDeadlines(d))).toBeNull();
    expect(
      code(() => validateRoundDeadlines({ ...d, proposalDue: d.selfAssessmentDue, decisionDue: d.selfAssessmentDue })),
    ).toBeNull();
  });

  it('refuses bad or unordered deadlines', () => {
    expect(code(() => validateRoundDeadlines({ ...d, proposalDue: '2026-11-29' }))).toMatchObject({
      code: 'INVALID_DATE_ORDER',
      field: 'proposalDue',
    });
    expect(code(() => validateRoundDeadlines({ ...d, decisionDue: '2026-12-09' }))).toMatchObject({
      code: 'INVALID_DATE_ORDER',
      field: 'decisionDue',
    });
    expect(code(() => validateRoundDeadlines({ ...d, selfAssessmentDue: '2026-02-30' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'selfAssessmentDue',
    });
  });

  it('tells which step is due', () => {
    expect(currentStepDue(d, '2026-11-30')).toBe('SELF_ASSESSMENT');
    expect(currentStepDue(d, '2026-12-01')).toBe('PROPOSAL');
    expect(currentStepDue(d, '2026-12-20')).toBe('DECISION');
    expect(currentStepDue(d, '2026-12-21')).toBeNull();
  });
});
