import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { IsoDate } from '../../../lib/domain';

const ROOTS = graphql(`
  query RatingScopeRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id }
  }
`);

/** The first organisation of the caller's scope: the default organisation of the figures and rounds pages. */
export const useScopeRoot = (asOf: IsoDate, enabled: boolean) =>
  useQuery({
    queryKey: ['ratings', 'root', { asOf }] as const,
    queryFn: ({ signal }) => request(ROOTS, { asOf }, { signal }).then((d) => d.scopeRoots[0]?.id ?? null),
    enabled,
  });
