import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { memberKeys } from './keys';
import type { MemberFilterRootsQuery } from '../../../gql/graphql';

export type OrganisationOption = MemberFilterRootsQuery['scopeRoots'][number];
import type { IsoDate } from '../../../lib/domain';

// The organisation filter of the member list has its own small queries (no import from the
// organisations feature: features do not import each other).

const ROOTS = graphql(`
  query MemberFilterRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id name childCount }
  }
`);

const CHILDREN = graphql(`
  query MemberFilterChildren($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id children { id name childCount } }
  }
`);

const NAME = graphql(`
  query MemberFilterOrganisation($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id name }
  }
`);

export const organisationOptionsQueryOptions = (parentId: string | null, asOf: IsoDate) =>
  queryOptions({
    queryKey: memberKeys.orgOptions(parentId, asOf),
    queryFn: ({ signal }) =>
      parentId
        ? request(CHILDREN, { id: parentId, asOf }, { signal }).then((d) => d.organisation.children)
        : request(ROOTS, { asOf }, { signal }).then((d) => d.scopeRoots),
  });

export const useOrganisationOptions = (parentId: string | null, asOf: IsoDate) =>
  useQuery(organisationOptionsQueryOptions(parentId, asOf));

export const organisationNameQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: memberKeys.orgName(id, asOf),
    queryFn: ({ signal }) => request(NAME, { id, asOf }, { signal }).then((d) => d.organisation.name),
  });

export const useOrganisationName = (id: string | null, asOf: IsoDate) =>
  useQuery({ ...organisationNameQueryOptions(id ?? '', asOf), enabled: Boolean(id) });
