import { checkSplitPartition, splitCounts } from './split';

const source = { childIds: ['g1', 'g2'], memberIds: ['m1', 'm2', 'm3'] };
const reasons = (errors: { field: string; specific?: string }[]) => errors.map((e) => `${e.field}:${e.specific}`);

describe('checkSplitPartition', () => {
  it('accepts a partition that gives each member and child to at most one part', () => {
    expect(
      checkSplitPartition(
        [
          { childIds: ['g1'], memberIds: ['m1'] },
          { childIds: [], memberIds: ['m2'] },
        ],
        source,
        false,
      ),
    ).toEqual([]);
  });

  it('accepts a complete partition when the original is dissolved', () => {
    const parts = [
      { childIds: ['g1', 'g2'], memberIds: ['m1'] },
      { childIds: [], memberIds: ['m2', 'm3'] },
    ];
    expect(checkSplitPartition(parts, source, true)).toEqual([]);
  });

  it('refuses a split with no part', () => {
    expect(reasons(checkSplitPartition([], source, false))).toEqual(['parts:SPLIT_NO_PARTS']);
  });

  it('names a child or member the organisation does not hold, on the part that got it', () => {
    const errors = checkSplitPartition(
      [
        { childIds: [], memberIds: ['m1'] },
        { childIds: ['x'], memberIds: ['y'] },
      ],
      source,
      false,
    );
    expect(reasons(errors)).toEqual([
      'parts.1.childIds:SPLIT_CHILD_NOT_UNDER',
      'parts.1.memberIds:SPLIT_MEMBER_NOT_IN',
    ]);
    expect(errors.every((e) => e.code === 'VALIDATION')).toBe(true);
  });

  it('names the second part that is given the same member or child', () => {
    const errors = checkSplitPartition(
      [
        { childIds: ['g1'], memberIds: ['m1'] },
        { childIds: ['g1'], memberIds: ['m1'] },
      ],
      source,
      false,
    );
    expect(reasons(errors)).toEqual(['parts.1.childIds:SPLIT_GIVEN_TWICE', 'parts.1.memberIds:SPLIT_GIVEN_TWICE']);
  });

  it('refuses to dissolve the original while something stays behind', () => {
    expect(reasons(checkSplitPartition([{ childIds: ['g1', 'g2'], memberIds: ['m1', 'm2'] }], source, true))).toEqual([
      'parts:SPLIT_NOT_ALL_PLACED',
    ]);
  });

  it('does not add the completeness problem on top of other problems', () => {
    expect(reasons(checkSplitPartition([{ childIds: [], memberIds: ['zz'] }], source, true))).toEqual([
      'parts.0.memberIds:SPLIT_MEMBER_NOT_IN',
    ]);
  });
});

describe('splitCounts', () => {
  it('counts what each part receives and what stays', () => {
    expect(
      splitCounts(
        [
          { childIds: ['g1'], memberIds: ['m1', 'm2'] },
          { childIds: [], memberIds: [] },
        ],
        source,
      ),
    ).toEqual({
      parts: [
        { members: 2, children: 1 },
        { members: 0, children: 0 },
      ],
      staying: { members: 1, children: 1 },
    });
  });
});
