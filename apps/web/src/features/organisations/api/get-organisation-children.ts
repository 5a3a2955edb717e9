import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { organisationKeys } from './keys';
import type { OrganisationChildrenQuery } from '../../../gql/graphql';

export type OrganisationNode = OrganisationChildrenQuery['organisation']['children'][number];
import type { IsoDate } from '../../../lib/domain';

const CHILDREN = graphql(`
  query OrganisationChildren($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) {
      id
      children { id code name kind childCount }
    }
  }
`);

const PATH = graphql(`
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
