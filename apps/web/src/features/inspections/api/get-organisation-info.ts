import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { IsoDate } from '../../../lib/domain';
import { request } from '../../../lib/graphql-client';
import { inspectionKeys } from './keys';

// The cell or committee whose records are shown, on a date: its name, its kind (which bodies inspect there)
// and its ancestors (the write check). Features do not import each other, hence this small copy.
const ORGANISATION = graphql(`
  query InspectionOrganisation($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id name kind ancestors { id } }
  }
`);

const ROOTS = graphql(`
  query InspectionScopeRoots($asOf: Date) {
    scopeRoots(asOf: $asOf) { id }
  }
`);

export const organisationInfoQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: inspectionKeys.organisation(id, asOf),
    queryFn: ({ signal }) => request(ORGANISATION, { id, asOf }, { signal }).then((d) => d.organisation),
    retry: false,
  });

export const useOrganisationInfo = (id: string | null | undefined, asOf: IsoDate) =>
  useQuery({ ...organisationInfoQueryOptions(id ?? '', asOf), enabled: Boolean(id) });

/** The first organisation of the caller's scope: the pages open on it when no ?org= is given. */
export const useDefaultOrganisationId = (asOf: IsoDate, enabled: boolean) =>
  useQuery({
    queryKey: inspectionKeys.roots(asOf),
    queryFn: ({ signal }) => request(ROOTS, { asOf }, { signal }).then((d) => d.scopeRoots[0]?.id ?? null),
    enabled,
  });
