import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { useApiMutation } from '../../../lib/invalidation';
import { organisationKeys } from './keys';
import type { AssignableVisitorsQuery, AssignVisitorInput, CellVisitAssignmentsQuery } from '../../../gql/graphql';
import type { IsoDate } from '../../../lib/domain';

// A split's members to share out, and who follows a cell's meetings (visit assignments) with the users who can.

export type CellVisitAssignment = CellVisitAssignmentsQuery['visitAssignments'][number];

const SPLIT_MEMBERS = graphql(`
  query SplitMembers($id: ID!, $asOf: Date) {
    members(filter: { organisationId: $id }, page: { limit: 500 }, asOf: $asOf) {
      items { id fullName status organisation { id } }
    }
  }
`);

const CELL_ASSIGNMENTS = graphql(`
  query CellVisitAssignments($cellId: ID!) {
    visitAssignments(cellId: $cellId) { id cellId from to requiredPerYear visitorUserId visitorName }
  }
`);

const ASSIGNABLE_VISITORS = graphql(`
  query AssignableVisitors($organisationId: ID!, $asOf: Date) {
    assignableVisitors(organisationId: $organisationId, asOf: $asOf) { id username displayName followsCells }
  }
`);

const ASSIGN_VISITOR = graphql(`
  mutation AssignVisitor($input: AssignVisitorInput!) {
    assignVisitor(input: $input) { id }
  }
`);

const END_ASSIGNMENT = graphql(`
  mutation EndVisitAssignment($id: ID!, $to: Date!) {
    endVisitAssignment(id: $id, to: $to) { id to }
  }
`);

/** The members placed in the organisation itself on a date (not those of its children): what a split shares out. */
export const useSplitMembers = (id: string, asOf: IsoDate) =>
  useQuery({
    queryKey: organisationKeys.splitMembers(id, asOf),
    queryFn: ({ signal }) =>
      request(SPLIT_MEMBERS, { id, asOf }, { signal }).then((d) =>
        d.members.items.filter((m) => m.organisation?.id === id),
      ),
  });

/** Every visit assignment of a cell (past, current and future), the current ones first. */
export const useCellVisitAssignments = (cellId: string) =>
  useQuery({
    queryKey: organisationKeys.cellVisitors(cellId),
    queryFn: ({ signal }) => request(CELL_ASSIGNMENTS, { cellId }, { signal }).then((d) => d.visitAssignments),
  });

export type AssignableVisitor = AssignableVisitorsQuery['assignableVisitors'][number];

/**
 * The users the caller may assign to follow the cell on a date, as the API scopes them: those with a committee grant
 * or a visit assignment in the caller's write scope (every active account for an administrator), by name.
 */
export const useAssignableVisitors = (cellId: string, asOf: IsoDate) =>
  useQuery({
    queryKey: organisationKeys.visitorCandidates(cellId, asOf),
    queryFn: ({ signal }) =>
      request(ASSIGNABLE_VISITORS, { organisationId: cellId, asOf }, { signal }).then((d) => d.assignableVisitors),
  });

export const useAssignVisitor = () =>
  useApiMutation('assignVisitor', (input: AssignVisitorInput) =>
    request(ASSIGN_VISITOR, { input }).then((d) => d.assignVisitor),
  );

export const useEndVisitAssignment = () =>
  useApiMutation('endVisitAssignment', (v: { id: string; to: string }) =>
    request(END_ASSIGNMENT, v).then((d) => d.endVisitAssignment),
  );
