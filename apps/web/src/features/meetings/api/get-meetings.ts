import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { graphql, request } from '../../../lib/graphql-client';
import { MEETING_LIST_FIELDS } from './fields';
import { meetingKeys, type MeetingListParams } from './keys';
import type { MeetingPage } from './types';

type MeetingFilter = { organisationId?: string; from?: string; to?: string };

const MEETING_LIST = graphql<{ meetingList: MeetingPage }, { filter: MeetingFilter; page: { offset: number; limit: number } }>(`
  query MeetingList($filter: MeetingFilter, $page: PageInput) {
    meetingList(filter: $filter, page: $page) {
      total offset limit
      items { ${MEETING_LIST_FIELDS} }
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
          filter: { ...(params.organisationId ? { organisationId: params.organisationId } : {}), from: params.from, to: params.to },
          page: { offset: pageParam, limit: PAGE_SIZE },
        },
        { signal },
      ).then((d) => d.meetingList),
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
  });

export const useMeetingList = (params: MeetingListParams, enabled = true) =>
  useInfiniteQuery({ ...meetingListQueryOptions(params), placeholderData: keepPreviousData, enabled });
