import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { request } from './graphql-client';
import { useSession } from './use-session';

// The caller's grants decide which menu entries and actions are offered; the API still checks every call.

export type ViewerDetail = MeQuery['me'];
export type Grant = ViewerDetail['grants'][number];

const ME = graphql(`
  query Me {
    me { id username displayName isAdmin grants { id role organisationId memberId } }
  }
`);

/** The signed-in caller (an ordinary authenticated request: refreshes the access token when it was rejected). */
export const fetchViewer = (signal?: AbortSignal) => request(ME, {}, { signal }).then((d) => d.me);

export const viewerQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: ['viewer', 'me', { userId }] as const,
    queryFn: ({ signal }) => request(ME, {}, { signal }).then((d) => d.me),
    staleTime: 5 * 60_000,
  });

export const useViewer = () => {
  const session = useSession();
  return useQuery({ ...viewerQueryOptions(session?.viewer.id ?? ''), enabled: Boolean(session) });
};

/** Reads a committee's subtree (committee staff, administrators): compliance and visit reports. */
export const readsCommittee = (v: ViewerDetail | undefined): boolean =>
  Boolean(v && (v.isAdmin || v.grants.some((g) => g.role === 'COMMITTEE_READ' || g.role === 'COMMITTEE_WRITE')));

/** Whether the viewer may write anywhere (administrator, or any committee-write or cell-secretary grant): adding members, importing. */
export const writesSomewhere = (v: ViewerDetail | undefined): boolean =>
  Boolean(v && (v.isAdmin || v.grants.some((g) => g.role === 'COMMITTEE_WRITE' || g.role === 'CELL_SECRETARY')));

/**
 * Whether the viewer may change an organisation's records: a write grant on it or on one of its ancestors.
 * `ancestorIds` are the ancestors the API shows the viewer (those in scope), which is all a grant can cover.
 */
export const writesOrganisation = (
  v: ViewerDetail | undefined,
  organisationId: string,
  ancestorIds: readonly string[],
): boolean => {
  if (!v) return false;
  if (v.isAdmin) return true;
  return v.grants.some(
    (g) =>
      (g.role === 'COMMITTEE_WRITE' || g.role === 'CELL_SECRETARY') &&
      g.organisationId !== null &&
      (g.organisationId === organisationId || ancestorIds.includes(g.organisationId)),
  );
};
