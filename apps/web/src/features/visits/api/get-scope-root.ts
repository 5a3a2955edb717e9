import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { IsoDate } from '../../../lib/domain';

const ROOTS = graphql(`
  query VisitScopeRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id }
  }
`);

/** The first organisation of the caller's scope: the report opens on it when no ?org= is given. */
export const useScopeRootId = (asOf: IsoDate, enabled: boolean) =>
  useQuery({
    queryKey: ['visits', 'root', { asOf }] as const,
    queryFn: ({ signal }) => request(ROOTS, { asOf }, { signal }).then((d) => d.scopeRoots[0]?.id ?? null),
    enabled,
  });
