import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { useViewer, writesOrganisation } from '../../../lib/viewer';
import type { IsoDate } from '../../../lib/domain';

const BODY = graphql(`
  query RatingBody($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id ancestors { id } }
  }
`);

/**
 * Whether the viewer may act for each of the bodies (organisations) given: a write grant on it or an ancestor. Offers
 * the row actions (self-assess for a cell, propose, decide, announce); the API checks every step anyway (FORBIDDEN).
 * An administrator needs no look-up; otherwise one small query per distinct body, cached.
 */
export const useCanActFor = (ids: readonly (string | null | undefined)[], asOf: IsoDate) => {
  const viewer = useViewer();
  const v = viewer.data;
  const needed = useMemo(
    () =>
      v && !v.isAdmin && v.grants.some((g) => g.role === 'COMMITTEE_WRITE' || g.role === 'CELL_SECRETARY')
        ? [...new Set(ids.filter((x): x is string => Boolean(x)))].sort()
        : [],
    [ids, v],
  );
  const results = useQueries({
    queries: needed.map((id) => ({
      queryKey: ['ratings', 'body', { id, asOf }] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request(BODY, { id, asOf }, { signal }).then((d) => d.organisation.ancestors.map((a) => a.id)),
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const ancestors = new Map(needed.map((id, i) => [id, results[i]?.data] as const));
  return (id: string | null | undefined): boolean => {
    if (!id || !v) return false;
    if (v.isAdmin) return true;
    const a = ancestors.get(id);
    return a ? writesOrganisation(v, id, a) : false;
  };
};
