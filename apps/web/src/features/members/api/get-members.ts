import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { MemberFilter, MembersQuery } from '../../../gql/graphql';
import type { IsoDate, MemberStatus, NameOrder, ProbationState } from '../../../lib/domain';
import { request } from '../../../lib/graphql-client';
import { memberKeys } from './keys';

export type MemberListItem = MembersQuery['members']['items'][number];

export type MembersParams = {
  search: string;
  statuses: MemberStatus[];
  organisationId: string | null;
  probation: ProbationState[];
  /** GIVEN_NAME: as Vietnamese lists are (An, Bình…); FULL_NAME: by the name as written. */
  order: NameOrder;
  offset: number;
  limit: number;
  asOf: IsoDate;
};

const MEMBERS = graphql(`
  query Members($filter: MemberFilter, $page: PageInput, $asOf: Date) {
    members(filter: $filter, page: $page, asOf: $asOf) {
      total offset limit
      items {
        id fullName birthDate gender status cardNumber ceremonyDate fullMembershipDate probationState post
        partyAge { years months }
        organisation { id name }
      }
    }
  }
`);

// Only the filters that are set are sent (an empty list would mean "none" rather than "any").
export const toFilter = (p: MembersParams): MemberFilter => ({
  ...(p.search.trim() ? { search: p.search.trim() } : {}),
  ...(p.statuses.length ? { statuses: p.statuses } : {}),
  ...(p.organisationId ? { organisationId: p.organisationId } : {}),
  ...(p.probation.length ? { probation: p.probation } : {}),
  order: p.order,
});

export const membersQueryOptions = (params: MembersParams) =>
  queryOptions({
    queryKey: memberKeys.list(params),
    queryFn: ({ signal }) =>
      request(
        MEMBERS,
        { filter: toFilter(params), page: { offset: params.offset, limit: params.limit }, asOf: params.asOf },
        { signal },
      ).then((d) => d.members),
  });

// keep showing the previous page while the next one loads
export const useMembers = (params: MembersParams) =>
  useQuery({ ...membersQueryOptions(params), placeholderData: keepPreviousData });
