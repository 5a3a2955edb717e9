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

// jscpd:ignore-start — the same query-options shape as meetings/api/get-organisation-info.ts, over another document
// and cache key: features do not import each other, and a shared factory would need the document as a parameter.
export const organisationInfoQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: inspectionKeys.organisation(id, asOf),
    queryFn: ({ signal }) => request(ORGANISATION, { id, asOf }, { signal }).then((d) => d.organisation),
    retry: false,
  });

export const useOrganisationInfo = (id: string | null | undefined, asOf: IsoDate) =>
  useQuery({ ...organisationInfoQueryOptions(id ?? '', asOf), enabled: Boolean(id) });
// jscpd:ignore-end
