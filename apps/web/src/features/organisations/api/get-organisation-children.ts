import { queryOptions } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { organisationKeys } from './keys';
import type { OrganisationNode } from './types';

const CHILDREN = graphql<{ organisation: { id: string; children: OrganisationNode[] } }, { id: string; asOf: IsoDate }>(`
  query OrganisationChildren($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) {
      id
      children { id code name kind childCount }
    }
  }
`);

const PATH = graphql<{ organisation: { id: string; ancestors: { id: string }[] } }, { id: string; asOf: IsoDate }>(`
  query OrganisationPath($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) {
      id
      ancestors { id }
    }
  }
`);

/** Children of one node of the tree, loaded when it is expanded. */
export const organisationChildrenQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: organisationKeys.children(id, asOf),
    queryFn: ({ signal }) => request(CHILDREN, { id, asOf }, { signal }).then((d) => d.organisation.children),
  });

/** Ids of the ancestors (root first, within scope), to unfold the tree down to the open organisation. */
export const organisationPathQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: organisationKeys.path(id, asOf),
    queryFn: ({ signal }) =>
      request(PATH, { id, asOf }, { signal }).then((d) => d.organisation.ancestors.map((a) => a.id)),
  });
