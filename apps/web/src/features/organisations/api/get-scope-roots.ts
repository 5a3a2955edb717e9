import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { organisationKeys } from './keys';
import type { OrganisationNode } from './types';

const SCOPE_ROOTS = graphql<{ scopeRoots: OrganisationNode[] }, { asOf: IsoDate }>(`
  query ScopeRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id code name kind childCount }
  }
`);

export const scopeRootsQueryOptions = (asOf: IsoDate) =>
  queryOptions({
    queryKey: organisationKeys.roots(asOf),
    queryFn: ({ signal }) => request(SCOPE_ROOTS, { asOf }, { signal }).then((d) => d.scopeRoots),
  });

export const useScopeRoots = (asOf: IsoDate) => useQuery(scopeRootsQueryOptions(asOf));
