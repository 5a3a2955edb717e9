import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { useApiMutation } from '../../../lib/invalidation';
import { organisationKeys } from './keys';
import type { AssignVisitorInput, CellVisitAssignmentsQuery } from '../../../gql/graphql';
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

const USERS = graphql(`
  query VisitorUsers {
    users(page: { limit: 500 }) { items { id username displayName isActive } }
  }
`);

const KNOWN_VISITORS = graphql(`
  query KnownVisitors {
    visitAssignments { visitorUserId visitorName }
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
    queryFn: ({ signal }) => request(SPLIT_MEMBERS, { id, asOf }, { signal }).then((d) => d.members.items.filter((m) => m.organisation?.id === id)),
  });

/** Every visit assignment of a cell (past, current and future), the current ones first. */
export const useCellVisitAssignments = (cellId: string) =>
  useQuery({
    queryKey: organisationKeys.cellVisitors(cellId),
    queryFn: ({ signal }) => request(CELL_ASSIGNMENTS, { cellId }, { signal }).then((d) => d.visitAssignments),
  });

/**
 * The users who can be assigned: every active account for an administrator (the list of users is theirs); for the
 * committee office, the visitors already following a cell in their scope (a new account is assigned once by an
 * administrator).
 */
export const useVisitorCandidates = (isAdmin: boolean, enabled: boolean) =>
  useQuery({
    queryKey: organisationKeys.visitorCandidates(isAdmin),
    enabled,
    queryFn: async ({ signal }): Promise<{ id: string; name: string }[]> => {
      if (isAdmin) {
        const d = await request(USERS, {}, { signal });
        return d.users.items.filter((u) => u.isActive).map((u) => ({ id: u.id, name: `${u.displayName} (${u.username})` }));
      }
      const d = await request(KNOWN_VISITORS, {}, { signal });
      return [...new Map(d.visitAssignments.map((a) => [a.visitorUserId, { id: a.visitorUserId, name: a.visitorName }])).values()];
    },
  });

export const useAssignVisitor = () =>
  useApiMutation('assignVisitor', (input: AssignVisitorInput) => request(ASSIGN_VISITOR, { input }).then((d) => d.assignVisitor));

export const useEndVisitAssignment = () =>
  useApiMutation('endVisitAssignment', (v: { id: string; to: string }) => request(END_ASSIGNMENT, v).then((d) => d.endVisitAssignment));
