import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { visitKeys } from './keys';
import type { IsoDate } from '../../../lib/domain';

// Meetings of a cell assigned to the visitor (the API shows them to assigned visitors once published).
const CELL_MEETINGS = graphql(`
  query VisitCellMeetings($organisationId: ID, $from: Date, $to: Date) {
    meetingList(filter: { organisationId: $organisationId, from: $from, to: $to }, page: { offset: 0, limit: 200 }) {
      total
      items { ...VisitMeetingFields }
    }
  }
`);

export const cellMeetingsQueryOptions = (cellId: string, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.cellMeetings(cellId, from, to, asOf),
    queryFn: ({ signal }) =>
      request(CELL_MEETINGS, { organisationId: cellId, from, to }, { signal }).then((d) => d.meetingList),
  });

export const useCellMeetings = (cellId: string, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
  useQuery({ ...cellMeetingsQueryOptions(cellId, from, to, asOf), enabled: from <= to });
