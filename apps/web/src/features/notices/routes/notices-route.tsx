import { useTranslation } from 'react-i18next';
import { useUrlParams } from '../../../lib/url-params';
import { useMarkAllNoticesRead, useMyNotices } from '../api/notices';
import { NoticeList, NoticeState } from '../components/notice-list';

const STEP = 20;

// /thong-bao?show=unread&n=N: "Thông báo" — my notices (meetings of my cell, my record, my reminders), newest first,
// N at a time ("xem thêm" shows more).
export const NoticesRoute = () => {
  const { t } = useTranslation();
  const { params, update } = useUrlParams();
  const unreadOnly = params.get('show') === 'unread';
  const limit = Math.min(500, Math.max(STEP, Number(params.get('n')) || STEP));
  const list = useMyNotices(unreadOnly, limit);
  const markAll = useMarkAllNoticesRead();
  const filter = (value: 'all' | 'unread', label: string) => (
    <button
      type="button"
      className="notice-button"
      aria-pressed={(value === 'unread') === unreadOnly}
      onClick={() => update({ show: value === 'unread' ? 'unread' : null, n: null })}
      data-testid={`notice-filter-${value}`}
    >
      {label}
    </button>
  );

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('notices.title') })}</title>
      <div className="notice-page__head">
        <h1 className="notice-page__title">{t('notices.title')}</h1>
        <button
          type="button"
          className="notice-button"
          onClick={() => markAll.mutate()}
          disabled={markAll.isPending || !list.data?.unreadCount}
          data-testid="notice-mark-all"
        >
          {t('notices.markAllRead')}
        </button>
      </div>
      <div className="notice-page__filters">
        {filter('all', t('notices.all'))}
        {filter('unread', `${t('notices.unread')} (${list.data?.unreadCount ?? 0})`)}
      </div>
      <div className="notice-page__list">
        <NoticeState
          pending={list.isPending}
          failed={list.isError}
          empty={list.data?.items.length === 0}
          onRetry={() => void list.refetch()}
        />
        {list.data && list.data.items.length > 0 && <NoticeList items={list.data.items} showBody />}
      </div>
      {(list.data?.total ?? 0) > limit && (
        <button type="button" className="notice-button" onClick={() => update({ n: String(limit + STEP) })}>
          {t('notices.more')}
        </button>
      )}
    </div>
  );
};
