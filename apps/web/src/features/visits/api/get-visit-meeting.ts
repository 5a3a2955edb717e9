import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { visitKeys } from './keys';
import type { VisitMeetingQuery } from '../../../gql/graphql';

export type VisitMeetingDetail = VisitMeetingQuery['meeting'];
import type { IsoDate } from '../../../lib/domain';

const VISIT_MEETING = graphql(`
  query VisitMeeting($id: ID!) {
    meeting(id: $id) {
      ...VisitMeetingFields
      visitRecords { ...VisitFields }
    }
  }
`);

export const visitMeetingQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.meeting(id, asOf),
    queryFn: ({ signal }) => request(VISIT_MEETING, { id }, { signal }).then((d) => d.meeting),
  });

export const useVisitMeeting = (id: string, asOf: IsoDate) => useQuery(visitMeetingQueryOptions(id, asOf));
