import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-error';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { visitKeys } from './keys';
import type { MyVisitAssignmentsQuery } from '../../../gql/graphql';
import type { IsoDate } from '../../../lib/domain';

export type VisitAssignment = MyVisitAssignmentsQuery['visitAssignments'][number];

const ASSIGNMENTS = graphql(`
  query MyVisitAssignments($userId: ID) {
    visitAssignments(visitorUserId: $userId) { id cellId from to requiredPerYear visitorUserId visitorName }
  }
`);

const CELL_NAME = graphql(`
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
