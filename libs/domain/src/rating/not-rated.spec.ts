import { INITIAL_MEMBER_STATE, type MemberState } from '../member/status';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { DomainError } from '../errors';
import { assertExcludable, NOT_RATED_REASON_LABELS, NOT_RATED_REASONS, whoIsNotRated } from './not-rated';

const state = (over: Partial<MemberState>): MemberState => ({ ...INITIAL_MEMBER_STATE, status: 'FULL', ...over });

const members = [
  { id: 'full', state: state({}) },
  { id: 'probationary', state: state({ status: 'PROBATIONARY' }) },
  { id: 'exempt', state: state({ exempt: 'PERMANENT' }) },
  { id: 'temp-exempt', state: state({ exempt: 'TEMPORARY' }) },
  { id: 'away', state: state({ temporarilyAway: true }) },
  { id: 'guest', state: state({ temporaryGuest: true }) },
  { id: 'gone', state: state({ status: 'TRANSFERRED_OUT' }) },
  { id: 'dead', state: state({ status: 'DECEASED' }) },
  { id: 'ill', state: state({}), excluded: true },
];

describe('whoIsNotRated', () => {
  it('rates active members (probationary and temporarily away included), not the exempt, not guests', () => {
    expect(whoIsNotRated(members, DEFAULT_POLICY)).toEqual({
      rated: ['full', 'probationary', 'away'],
      notRated: [
        { id: 'exempt', reason: 'EXEMPT' },
        { id: 'temp-exempt', reason: 'TEMPORARILY_EXEMPT' },
        { id: 'ill', reason: 'EXCLUDED' },
      ],
      outside: ['guest', 'gone', 'dead'],
    });
  });

  it('rates exempt members when the policy says so', () => {
    const p = resolvePolicy(
      [
        {
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
          depth: 0,
          values: { rating: { exemptNotRated: false, temporarilyExemptNotRated: false } },
        },
      ],
      '2026-01-01',
    );
    expect(whoIsNotRated(members, p).rated).toEqual(['full', 'probationary', 'exempt', 'temp-exempt', 'away']);
  });

  it('article 004: 25 members, 2 exempt → 23 rated', () => {
    const cell = Array.from({ length: 25 }, (_, i) => ({
      id: i,
      state: state({ exempt: i < 2 ? 'PERMANENT' : null }),
    }));
    const out = whoIsNotRated(cell, DEFAULT_POLICY);
    expect(out.rated).toHaveLength(23);
    expect(out.notRated).toHaveLength(2);
  });

  it('labels every reason', () => {
    for (const r of NOT_RATED_REASONS) expect(NOT_RATED_REASON_LABELS[r].vi).toBeTruthy();
  });
});

describe('assertExcludable', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof DomainError ? { code: e.code, field: e.field, details: e.details } : e;
    }
    return null;
  };
  it('allows excluding a member with no rating, or one only self-assessed or proposed, and returns the reason trimmed', () => {
    expect(assertExcludable([], '  Ốm dài ngày  ')).toBe('Ốm dài ngày');
    expect(assertExcludable(['PENDING', 'SELF_ASSESSED', 'PROPOSED'], 'x')).toBe('x');
  });
  it('refuses once a rating of the year is decided or announced (CONFLICT, RATING_ALREADY_DECIDED on memberId)', () => {
    expect(refusal(() => assertExcludable(['PROPOSED', 'DECIDED'], 'x'))).toEqual({
      code: 'CONFLICT',
      field: 'memberId',
      details: { reason: 'RATING_ALREADY_DECIDED', stage: 'DECIDED' },
    });
    expect(refusal(() => assertExcludable(['ANNOUNCED'], 'x'))).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'RATING_ALREADY_DECIDED', stage: 'ANNOUNCED' },
    });
  });
  it('needs the reason of the decision', () => {
    expect(refusal(() => assertExcludable([], '   '))).toMatchObject({
      code: 'VALIDATION',
      field: 'reason',
      details: { reason: 'REQUIRED' },
    });
  });
});
