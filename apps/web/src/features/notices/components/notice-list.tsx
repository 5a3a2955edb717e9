import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAppHref } from '../../../lib/paths';
import { useLanguage } from '../../../lib/use-language';
import { useMarkNoticesRead, type NoticeItem } from '../api/notices';
import './notices.css';

type Props = { items: NoticeItem[]; showBody: boolean; onOpen?: () => void };

// Plain markup, no antd: these chunks are loaded on demand, and importing antd modules from them would re-split
// the chunks the first screen shares with them (more files, more bytes: apps/web/e2e/weight.e2e.mjs).
const when = (iso: string, lng: string): string =>
  new Date(iso).toLocaleString(lng === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' });

/** Notices: title (a link to the record; opening it marks it read), kind and time, text, "read" while unread. */
export const NoticeList = ({ items, showBody, onOpen }: Props) => {
  const { t } = useTranslation();
  const lng = useLanguage();
  const href = useAppHref();
  const mark = useMarkNoticesRead();
  return (
    <ul className="notice-list" data-testid="notice-list">
      {items.map((n) => {
        const unread = !n.readAt;
        const title = lng === 'en' ? n.titleEn : n.title;
        const body = lng === 'en' ? n.bodyEn : n.body;
        const open = () => {
          if (unread) mark.mutate([n.id]);
          onOpen?.();
        };
        return (
          <li
            key={n.id}
            className={unread ? 'notice-entry notice-entry--unread' : 'notice-entry'}
            data-testid="notice-entry"
            data-unread={unread}
          >
            <div className="notice-entry__head">
              {n.link ? (
                <Link to={href(n.link)} onClick={open} className="notice-entry__title">
                  {title}
                </Link>
              ) : (
                <span className="notice-entry__title">{title}</span>
              )}
              {unread && (
                <button
                  type="button"
                  className="notice-link"
                  disabled={mark.isPending && mark.variables?.includes(n.id)}
                  onClick={() => mark.mutate([n.id])}
                  data-testid="notice-mark-read"
                >
                  {t('notices.markRead')}
                </button>
              )}
            </div>
            <div className="notice-entry__meta">
              {t(`notices.kind.${n.kind}`)} · {when(n.createdAt, lng)}
            </div>
            {showBody && body && <div className="notice-entry__body">{body}</div>}
          </li>
        );
      })}
    </ul>
  );
};

/** Loading, failure (with retry) or "no notices", in plain markup; null when there are notices to show. */
export const NoticeState = ({
  pending,
  failed,
  empty,
  onRetry,
}: {
  pending: boolean;
  failed: boolean;
  empty: boolean;
  onRetry: () => void;
}) => {
  const { t } = useTranslation();
  if (pending) return <p className="notice-state">…</p>;
  if (failed)
    return (
      <p className="notice-state" role="alert">
        {t('common.loadError')}{' '}
        <button type="button" className="notice-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </p>
    );
  if (empty) return <p className="notice-state">{t('notices.empty')}</p>;
  return null;
};
