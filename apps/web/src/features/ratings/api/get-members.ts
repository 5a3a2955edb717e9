import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { RatingMembersQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql-client';
import type { IsoDate } from '../../../lib/domain';

export type MemberOption = RatingMembersQuery['members']['items'][number];

const MEMBERS = graphql(`
  query RatingMembers($organisationId: ID!, $search: String, $asOf: Date) {
    members(filter: { organisationId: $organisationId, search: $search }, page: { offset: 0, limit: 30 }, asOf: $asOf) {
      items { id fullName organisationId }
    }
  }
`);

/** Members under the round's organisation, found by name, for a self-assessment entered by the secretary. */
const memberSearchOptions = (organisationId: string, search: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: ['ratings', 'members', { organisationId, search, asOf }] as const,
    queryFn: ({ signal }) =>
      request(MEMBERS, { organisationId, search: search.trim() || null, asOf }, { signal }).then(
        (d) => d.members.items,
      ),
  });

export const useMemberSearch = (organisationId: string | null, search: string, asOf: IsoDate) =>
  useQuery({
    ...memberSearchOptions(organisationId ?? '', search, asOf),
    enabled: Boolean(organisationId),
    placeholderData: keepPreviousData,
  });
