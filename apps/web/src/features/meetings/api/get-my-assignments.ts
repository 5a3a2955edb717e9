import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { meetingKeys } from './keys';
import type { IsoDate } from '../../../lib/domain';

// Whether the signed-in user is an assigned visitor of a cell: the meeting page then offers the scoring sheet.
const MY_ASSIGNMENTS = graphql(`
  query MeetingMyAssignments($userId: ID) {
    visitAssignments(visitorUserId: $userId) { id cellId from to }
  }
`);

export const myAssignmentsQueryOptions = (userId: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: meetingKeys.myAssignments(userId, asOf),
    queryFn: ({ signal }) => request(MY_ASSIGNMENTS, { userId }, { signal }).then((d) => d.visitAssignments),
  });

export const useMyAssignments = (userId: string | undefined, asOf: IsoDate) =>
  useQuery({ ...myAssignmentsQueryOptions(userId ?? '', asOf), enabled: Boolean(userId) });
