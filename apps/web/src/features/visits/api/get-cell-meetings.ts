import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { VISIT_MEETING_FIELDS } from './fields';
import { visitKeys } from './keys';
import type { VisitMeeting } from './types';

// Meetings of a cell assigned to the visitor (the API shows them to assigned visitors once published).
const CELL_MEETINGS = graphql<
  { meetingList: { total: number; items: VisitMeeting[] } },
  { organisationId: string; from: IsoDate; to: IsoDate }
>(`
  query VisitCellMeetings($organisationId: ID, $from: Date, $to: Date) {
    meetingList(filter: { organisationId: $organisationId, from: $from, to: $to }, page: { offset: 0, limit: 200 }) {
      total
      items { ${VISIT_MEETING_FIELDS} }
    }
  }
`);

export const cellMeetingsQueryOptions = (cellId: string, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.cellMeetings(cellId, from, to, asOf),
    queryFn: ({ signal }) => request(CELL_MEETINGS, { organisationId: cellId, from, to }, { signal }).then((d) => d.meetingList),
  });

export const useCellMeetings = (cellId: string, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
  useQuery({ ...cellMeetingsQueryOptions(cellId, from, to, asOf), enabled: from <= to });
