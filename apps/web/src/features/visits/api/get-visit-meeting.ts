import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { VISIT_FIELDS, VISIT_MEETING_FIELDS } from './fields';
import { visitKeys } from './keys';
import type { VisitMeetingDetail } from './types';

const VISIT_MEETING = graphql<{ meeting: VisitMeetingDetail }, { id: string }>(`
  query VisitMeeting($id: ID!) {
    meeting(id: $id) {
      ${VISIT_MEETING_FIELDS}
      visitRecords { ${VISIT_FIELDS} }
    }
  }
`);

export const visitMeetingQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.meeting(id, asOf),
    queryFn: ({ signal }) => request(VISIT_MEETING, { id }, { signal }).then((d) => d.meeting),
  });

export const useVisitMeeting = (id: string, asOf: IsoDate) => useQuery(visitMeetingQueryOptions(id, asOf));
