import {
  hasCellCommittee,
  isCell,
  organisationFlags,
  type CommitteeSeat,
  type OrganisationFlag,
  type OrganisationKind,
  type Policy,
} from '@chibo/domain';

/**
 * The rule-based flags of one organisation on its as-of date (libs organisationFlags), from its subtree counts,
 * its committee seats and its policy. One place for the inputs, shared by the `flags` field and the dashboard.
 */
export const flagsOf = (
  o: { kind: string; termEnd: string | null; establishedOn: string; dissolvedOn: string | null; asOf: string },
  counts: { members: number; fullMembers: number },
  seats: readonly CommitteeSeat[],
  policy: Policy,
): OrganisationFlag[] =>
  organisationFlags(
    {
      kind: o.kind as OrganisationKind,
      memberCount: counts.members,
      fullMemberCount: counts.fullMembers,
      hasCellCommittee: isCell(o.kind as OrganisationKind) ? hasCellCommittee(seats, o.asOf, policy) : true,
      termEnd: o.termEnd,
      asOf: o.asOf,
      // Dissolved, or not yet established on the as-of date: no rule applies.
      dissolved: (!!o.dissolvedOn && o.dissolvedOn <= o.asOf) || o.asOf < o.establishedOn,
    },
    policy,
  );
