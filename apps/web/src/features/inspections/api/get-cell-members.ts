import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { InspectionCellMembersQuery } from '../../../gql/graphql';
import type { IsoDate } from '../../../lib/domain';
import { request } from '../../../lib/graphql-client';
import { inspectionKeys } from './keys';

export type CellMember = InspectionCellMembersQuery['members']['items'][number];

// The members of the inspecting cell (or of the cells under a committee) on a date: the subjects of an inspection
// or a plan are picked from them (the API refuses anyone else: INSPECTION_SUBJECT_NOT_IN_CELL).
const CELL_MEMBERS = graphql(`
  query InspectionCellMembers($organisationId: ID!, $asOf: Date) {
    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {
      total
      items { id fullName status }
    }
  }
`);

export const cellMembersQueryOptions = (organisationId: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: inspectionKeys.cellMembers(organisationId, asOf),
    queryFn: ({ signal }) => request(CELL_MEMBERS, { organisationId, asOf }, { signal }).then((d) => d.members.items),
    retry: false,
  });

export const useCellMembers = (organisationId: string | null | undefined, asOf: IsoDate | null | undefined) =>
  useQuery({ ...cellMembersQueryOptions(organisationId ?? '', asOf ?? ''), enabled: Boolean(organisationId && asOf) });
