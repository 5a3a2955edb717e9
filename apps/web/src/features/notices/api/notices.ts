import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { useApiMutation } from '../../../lib/invalidation';
import { useSession } from '../../../lib/use-session';
import type { MyNoticesQuery } from '../../../gql/graphql';

// The inbox (the bell's panel and /thong-bao), loaded on demand. Keys start with 'notices' (lib/invalidation).

const MY_NOTICES = graphql(`
  query MyNotices($unreadOnly: Boolean, $page: PageInput) {
    myNotices(unreadOnly: $unreadOnly, page: $page) {
      total
      unreadCount
      items { id kind code title titleEn body bodyEn link dueOn createdAt readAt }
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNoticesRead($ids: [ID!]!) {
    markNoticesRead(ids: $ids)
  }
`);

const MARK_ALL_READ = graphql(`
  mutation MarkAllNoticesRead {
    markAllNoticesRead
  }
`);

/** The signed-in user's first `limit` notices, newest first (only the unread ones with unreadOnly). */
export const useMyNotices = (unreadOnly: boolean, limit: number) => {
  const userId = useSession()?.viewer.id ?? '';
  return useQuery({
    queryKey: ['notices', 'list', { userId, unreadOnly, limit }],
    queryFn: ({ signal }): Promise<MyNoticesQuery['myNotices']> =>
      request(MY_NOTICES, { unreadOnly, page: { offset: 0, limit } }, { signal }).then((d) => d.myNotices),
    enabled: Boolean(userId),
    placeholderData: keepPreviousData,
  });
};

export type NoticeItem = MyNoticesQuery['myNotices']['items'][number];

export const useMarkNoticesRead = () =>
  useApiMutation('markNoticesRead', (ids: string[]) => request(MARK_READ, { ids }).then((d) => d.markNoticesRead));

export const useMarkAllNoticesRead = () =>
  useApiMutation('markAllNoticesRead', (_: void) => request(MARK_ALL_READ, {}).then((d) => d.markAllNoticesRead));
