import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-error';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { visitKeys } from './keys';
import type { VisitAssignment } from './types';

const ASSIGNMENTS = graphql<{ visitAssignments: VisitAssignment[] }, { userId: string }>(`
  query MyVisitAssignments($userId: ID) {
    visitAssignments(visitorUserId: $userId) { id cellId from to requiredPerYear visitorUserId visitorName }
  }
`);

const CELL_NAME = graphql<{ organisation: { id: string; name: string } }, { id: string; asOf: IsoDate }>(`
  query VisitCellName($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id name }
  }
`);

/** The signed-in visitor's assignments (all periods). */
export const myAssignmentsQueryOptions = (userId: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.assignments(userId, asOf),
    queryFn: ({ signal }) => request(ASSIGNMENTS, { userId }, { signal }).then((d) => d.visitAssignments),
  });

export const useMyAssignments = (userId: string | undefined, asOf: IsoDate) =>
  useQuery({ ...myAssignmentsQueryOptions(userId ?? '', asOf), enabled: Boolean(userId) });

/**
 * A cell's name, or null when the visitor may not read the cell (an assignment alone does not open the
 * cell's records: the API answers NOT_FOUND).
 */
export const useCellName = (cellId: string, asOf: IsoDate) =>
  useQuery({
    queryKey: visitKeys.cellName(cellId, asOf),
    queryFn: async ({ signal }) => {
      try {
        return (await request(CELL_NAME, { id: cellId, asOf }, { signal })).organisation.name;
      } catch (error) {
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
        throw error;
      }
    },
    staleTime: 10 * 60_000,
  });
