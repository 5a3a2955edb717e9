import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { organisationKeys } from './keys';
import type { OrganisationQuery } from '../../../gql/graphql';

export type OrganisationDetail = OrganisationQuery['organisation'];
export type OrganisationChild = OrganisationDetail['children'][number];
export type OrganisationFlag = OrganisationDetail['flags'][number];
export type CommitteeSeat = OrganisationDetail['committee'][number];
export type OrganisationChange = OrganisationDetail['history'][number];
import type { IsoDate } from '../../../lib/domain';

const ORGANISATION = graphql(`
  query Organisation($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) {
      id code name kind levelName unitServed
      establishedOn dissolvedOn termStart termEnd termType
      terms { start end type inForce }
      hasCellCommittee
      parent { id name }
      ancestors { id name }
      flags { code severity message messageEn }
      subtreeCounts {
        organisations
        byKind { kind count }
        members fullMembers probationaryMembers
      }
      committee { id role from to member { id fullName } }
      children { id code name kind childCount dissolvedOn memberCount fullMemberCount probationaryCount }
      history { id type effectiveOn note recordedAt fromParentId toParentId relatedId }
    }
  }
`);

export const organisationQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: organisationKeys.detail(id, asOf),
    queryFn: ({ signal }) => request(ORGANISATION, { id, asOf }, { signal }).then((d) => d.organisation),
  });

export const useOrganisation = (id: string, asOf: IsoDate) => useQuery(organisationQueryOptions(id, asOf));
