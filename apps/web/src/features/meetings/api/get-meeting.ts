import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { meetingKeys } from './keys';
import type { IsoDate } from '../../../lib/domain';

const MEETING = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) { ...MeetingDetailFields }
  }
`);

export const meetingQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: meetingKeys.detail(id, asOf),
    queryFn: ({ signal }) => request(MEETING, { id }, { signal }).then((d) => d.meeting),
  });

export const useMeeting = (id: string, asOf: IsoDate) => useQuery(meetingQueryOptions(id, asOf));
