import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { lastDayOfMonth, type IsoDate } from '../../../lib/domain';
import { meetingKeys, type MeetingListParams } from './keys';

const MEETING_LIST = graphql(`
  query MeetingList($filter: MeetingFilter, $page: PageInput) {
    meetingList(filter: $filter, page: $page) {
      total offset limit
      items { ...MeetingListFields }
    }
  }
`);

const PAGE_SIZE = 100;

/** A cell's (or a subtree's) meetings in a period, newest first, 100 at a time. */
export const meetingListQueryOptions = (params: MeetingListParams) =>
  infiniteQueryOptions({
    queryKey: meetingKeys.list(params),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      request(
        MEETING_LIST,
        {
          filter: {
            ...(params.organisationId ? { organisationId: params.organisationId } : {}),
            from: params.from,
            to: params.to,
          },
          page: { offset: pageParam, limit: PAGE_SIZE },
        },
        { signal },
      ).then((d) => d.meetingList),
    getNextPageParam: (last) =>
      last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined,
  });

export const useMeetingList = (params: MeetingListParams, enabled = true) =>
  useInfiniteQuery({ ...meetingListQueryOptions(params), placeholderData: keepPreviousData, enabled });

// The cell's regular meetings (REGULAR, COMBINED) in one month: the plan form asks before adding a second one.
const MONTH_MEETINGS = graphql(`
  query CellMonthMeetings($filter: MeetingFilter) {
    meetingList(filter: $filter, page: { offset: 0, limit: 50 }) {
      items { id kind state date title }
    }
  }
`);

/** The regular meetings of `cellId` in the month of `date` ('YYYY-MM-DD'). */
export const cellMonthMeetingsOptions = (cellId: string, date: IsoDate) => {
  const month = date.slice(0, 7);
  return queryOptions({
    queryKey: meetingKeys.month(cellId, month),
    queryFn: ({ signal }) =>
      request(
        MONTH_MEETINGS,
        {
          filter: {
            organisationId: cellId,
            from: `${month}-01`,
            to: lastDayOfMonth(month),
            kinds: ['REGULAR', 'COMBINED'],
          },
        },
        { signal },
      ).then((d) => d.meetingList.items),
  });
};
