import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { MEETING_DETAIL_FIELDS } from './fields';
import { meetingKeys } from './keys';
import type { MeetingDetail } from './types';

const MEETING = graphql<{ meeting: MeetingDetail }, { id: string }>(`
  query Meeting($id: ID!) {
    meeting(id: $id) { ${MEETING_DETAIL_FIELDS} }
  }
`);

export const meetingQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: meetingKeys.detail(id, asOf),
    queryFn: ({ signal }) => request(MEETING, { id }, { signal }).then((d) => d.meeting),
  });

export const useMeeting = (id: string, asOf: IsoDate) => useQuery(meetingQueryOptions(id, asOf));
