import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
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
