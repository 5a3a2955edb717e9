import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { meetingKeys } from './keys';
import type { MeetingOrganisationQuery } from '../../../gql/graphql';

export type OrganisationInfo = MeetingOrganisationQuery['organisation'];
import type { IsoDate } from '../../../lib/domain';

// The cell (or committee) a calendar or a meeting belongs to, as it stood on a date: its name for headings
// and the printed minutes, its ancestors for the write check, its secretary for the resolution's signature.
const ORGANISATION = graphql(`
  query MeetingOrganisation($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) {
      id name kind
      parent { id name kind }
      ancestors { id name kind }
      committee { role member { id fullName } }
    }
  }
`);

export const organisationInfoQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: meetingKeys.organisation(id, asOf),
    queryFn: ({ signal }) => request(ORGANISATION, { id, asOf }, { signal }).then((d) => d.organisation),
    retry: false, // a visitor may not read the cell: NOT_FOUND is the expected answer then
  });

export const useOrganisationInfo = (id: string | null | undefined, asOf: IsoDate) =>
  useQuery({ ...organisationInfoQueryOptions(id ?? '', asOf), enabled: Boolean(id) });
