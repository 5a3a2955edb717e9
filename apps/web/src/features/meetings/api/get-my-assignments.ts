import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { meetingKeys } from './keys';

// Whether the signed-in user is an assigned visitor of a cell: the meeting page then offers the scoring sheet.
const MY_ASSIGNMENTS = graphql<
  { visitAssignments: { id: string; cellId: string; from: IsoDate; to: IsoDate | null }[] },
  { userId: string }
>(`
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
