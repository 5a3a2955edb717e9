import type { CodedFieldError } from '../errors';

// Splitting an organisation (docs/organisation.md#split): its members and child organisations are shared out
// between new parts. The API checks the partition with this function before it writes anything, and the web app's
// split dialog checks it before sending, so both name the same problems on the same fields.

/** One new part: the child organisations and the members (ids) that move to it. */
export type SplitPart = { childIds: readonly string[]; memberIds: readonly string[] };

/** What the organisation holds on the split date: its child organisations and its permanent members. */
export type SplitSource = { childIds: readonly string[]; memberIds: readonly string[] };

/** The stable reasons (errors.<reason> in the web app's locales) of a wrong partition. */
export const SPLIT_PARTITION_REASONS = [
  'SPLIT_NO_PARTS',
  'SPLIT_CHILD_NOT_UNDER',
  'SPLIT_MEMBER_NOT_IN',
  'SPLIT_GIVEN_TWICE',
  'SPLIT_NOT_ALL_PLACED',
] as const;
export type SplitPartitionReason = (typeof SPLIT_PARTITION_REASONS)[number];

const problem = (field: string, specific: SplitPartitionReason, reason: string): CodedFieldError => ({
  field,
  code: 'VALIDATION',
  specific,
  reason,
});

/**
 * The problems of a split's partition, in order (empty: it may be sent): no part at all (`parts`); a child
 * (`parts.<i>.childIds`) or a member (`parts.<i>.memberIds`) that the organisation does not hold on the date, or that
 * is given to two parts (the second one is named); and, when the original is dissolved, anything left behind
 * (`parts`: every member and child must go to a part). A partition that leaves some behind without dissolving the
 * original is fine: they stay.
 */
export const checkSplitPartition = (
  parts: readonly SplitPart[],
  source: SplitSource,
  dissolveSource: boolean,
): CodedFieldError[] => {
  const errors: CodedFieldError[] = [];
  if (parts.length === 0) return [problem('parts', 'SPLIT_NO_PARTS', 'A split needs at least one new organisation')];
  const children = new Set(source.childIds);
  const members = new Set(source.memberIds);
  const seen = new Set<string>();
  parts.forEach((part, i) => {
    for (const c of part.childIds) {
      if (!children.has(c))
        errors.push(
          problem(
            `parts.${i}.childIds`,
            'SPLIT_CHILD_NOT_UNDER',
            `Child ${c} is not under the organisation on that date`,
          ),
        );
      else if (seen.has(c))
        errors.push(problem(`parts.${i}.childIds`, 'SPLIT_GIVEN_TWICE', `Child ${c} is given to two parts`));
      seen.add(c);
    }
    for (const m of part.memberIds) {
      if (!members.has(m))
        errors.push(
          problem(
            `parts.${i}.memberIds`,
            'SPLIT_MEMBER_NOT_IN',
            `Member ${m} does not belong to the organisation on that date`,
          ),
        );
      else if (seen.has(m))
        errors.push(problem(`parts.${i}.memberIds`, 'SPLIT_GIVEN_TWICE', `Member ${m} is given to two parts`));
      seen.add(m);
    }
  });
  if (dissolveSource && errors.length === 0 && seen.size !== children.size + members.size) {
    errors.push(
      problem(
        'parts',
        'SPLIT_NOT_ALL_PLACED',
        'To dissolve the original, every member and child must go to one of the parts',
      ),
    );
  }
  return errors;
};

/** How many members and child organisations each part receives, and how many stay with the original. */
export const splitCounts = (
  parts: readonly SplitPart[],
  source: SplitSource,
): { parts: { members: number; children: number }[]; staying: { members: number; children: number } } => {
  const given = new Set(parts.flatMap((p) => [...p.childIds, ...p.memberIds]));
  return {
    parts: parts.map((p) => ({ members: p.memberIds.length, children: p.childIds.length })),
    staying: {
      members: source.memberIds.filter((m) => !given.has(m)).length,
      children: source.childIds.filter((c) => !given.has(c)).length,
    },
  };
};
