import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LightButton } from '../../../components/ui/light-button';
import { LightIcon } from '../../../components/ui/light-icon';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { useSession } from '../../../lib/use-session';
import { lazyWithAntd } from '../../../app/antd-lazy';

// The header's bell. The first screen loads only this: the unread count, asked with the shell's first requests
// (same batch), then every minute and when the window regains focus. The panel with the latest notices is its own
// chunk, fetched on the first click; nothing here is imported by it (a shared module would become one more file).
const NoticePanel = lazyWithAntd(() => import('./notice-panel').then((m) => m.default));

const UNREAD = graphql(`
  query MyUnreadNoticeCount {
    myUnreadNoticeCount
  }
`);

export const NoticeBell = () => {
  const { t } = useTranslation();
  const userId = useSession()?.viewer.id ?? '';
  const count = useQuery({
    // under 'notices': marking read (MUTATION_EFFECTS) refetches it
    queryKey: ['notices', 'unread', { userId }],
    queryFn: ({ signal }) => request(UNREAD, {}, { signal }).then((d) => d.myUnreadNoticeCount),
    enabled: Boolean(userId),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
  const [open, setOpen] = useState(false);
  const n = count.data ?? 0;
  return (
    <span className="notice-bell">
      <LightButton
        icon={<LightIcon name="Bell" />}
        aria-label={t('notices.bell', { count: n })}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="notice-bell"
      >
        {n > 0 && (
          <span className="notice-bell__count" data-testid="notice-count">
            {n > 99 ? '99+' : n}
          </span>
        )}
      </LightButton>
      {open && (
        <Suspense fallback={null}>
          <NoticePanel onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </span>
  );
};
