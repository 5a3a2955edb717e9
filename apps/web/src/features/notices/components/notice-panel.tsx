import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useMarkAllNoticesRead, useMyNotices } from '../api/notices';
import { NoticeList, NoticeState } from './notice-list';

const LATEST = 6;

/** The bell's panel (its own chunk): the latest notices, mark read, a link to the inbox page. Closes on Escape or a click outside. */
const NoticePanel = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const ref = useRef<HTMLDivElement>(null);
  const list = useMyNotices(false, LATEST);
  const markAll = useMarkAllNoticesRead();

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      const bell = ref.current?.parentElement;
      if (bell && !bell.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  return (
    <div ref={ref} className="notice-panel" role="dialog" aria-label={t('notices.title')} data-testid="notice-panel">
      <div className="notice-panel__head">
        <strong>{t('notices.title')}</strong>
        {(list.data?.unreadCount ?? 0) > 0 && (
          <button type="button" className="notice-link" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('notices.markAllRead')}
          </button>
        )}
      </div>
      <NoticeState
        pending={list.isPending}
        failed={list.isError}
        empty={list.data?.items.length === 0}
        onRetry={() => void list.refetch()}
      />
      {list.data && list.data.items.length > 0 && (
        <NoticeList items={list.data.items} showBody={false} onOpen={onClose} />
      )}
      <Link to={href(paths.notices)} onClick={onClose} className="notice-panel__all" data-testid="notice-panel-all">
        {t('notices.seeAll')}
      </Link>
    </div>
  );
};

export default NoticePanel;
