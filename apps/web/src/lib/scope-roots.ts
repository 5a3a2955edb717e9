import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../gql';
import type { ScopeRootsQuery } from '../gql/graphql';
import type { IsoDate } from './domain';
import { request } from './graphql-client';

/** One of the caller's scope roots on a date: the top organisations of the subtrees they may read. */
export type ScopeRoot = ScopeRootsQuery['scopeRoots'][number];

const SCOPE_ROOTS = graphql(`
  query ScopeRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id code name kind childCount }
  }
`);

/**
 * The caller's scope roots. One query for every screen that needs them (the tree in the side menu, the organisation
 * pickers, the dashboard's default organisation), so a screen that shows several of them asks the server once.
 * The key is the organisation feature's `roots` key, so its invalidations reach every user.
 */
export const scopeRootsQueryOptions = (asOf: IsoDate) =>
  queryOptions({
    queryKey: ['organisations', 'roots', { asOf }] as const,
    queryFn: ({ signal }) => request(SCOPE_ROOTS, { asOf }, { signal }).then((d) => d.scopeRoots),
  });

/** The first organisation of the caller's scope: a report page opens on it when no ?org= is given. */
export const useDefaultOrganisationId = (asOf: IsoDate, enabled: boolean) =>
  useQuery({ ...scopeRootsQueryOptions(asOf), select: (roots) => roots[0]?.id ?? null, enabled });
