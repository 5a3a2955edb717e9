import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { memberKeys } from './keys';
import type { OrganisationOption } from './types';

// The organisation filter of the member list has its own small queries (no import from the
// organisations feature: features do not import each other).

const ROOTS = graphql<{ scopeRoots: OrganisationOption[] }, { asOf: IsoDate }>(`
  query MemberFilterRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id name childCount }
  }
`);

const CHILDREN = graphql<{ organisation: { id: string; children: OrganisationOption[] } }, { id: string; asOf: IsoDate }>(`
  query MemberFilterChildren($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id children { id name childCount } }
  }
`);

const NAME = graphql<{ organisation: { id: string; name: string } }, { id: string; asOf: IsoDate }>(`
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
