import '../locale';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../lib/api-error';
import type { MeetingRecordValues } from '../../../lib/domain';
import { discardChange, retryChange, syncNow } from '../../../lib/offline/sync';
import { useOfflineStatus } from '../../../lib/offline/status';
import { useOutbox, type OutboxItem } from '../../../lib/offline/outbox-status';
import { paths } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { RECORD_MEETING_DOCUMENT } from '../../meetings/api/meeting-mutations';
import { RecordConflict } from '../../meetings/components/record-conflict';
import { recordValuesOf } from '../../meetings/utils/record-values';
import type { MeetingRecordInput } from '../../../gql/graphql';

const STATE_COLOURS: Record<OutboxItem['state'], string> = {
  queued: 'blue',
  sending: 'processing',
  conflict: 'warning',
  rejected: 'error',
};

/** One waiting change: what it is, its state, and what the user can do with it. */
const ChangeCard = ({ item }: { item: OutboxItem }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message } = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const meeting = item.kind === 'recordMeeting';
  const typed = meeting ? (item.variables.input as MeetingRecordInput) : null;

  const discard = () => void discardChange(item).then(() => toast.info(t('sync.discarded')));

  return (
    <Card
      size="small"
      data-testid="outbox-item"
      data-kind={item.kind}
      data-state={item.state}
      title={
        <Flex gap={8} wrap align="center">
          <span>{t(`sync.kind.${item.kind}`)}</span>
          <Tag color={STATE_COLOURS[item.state]}>{t(`sync.state.${item.state}`)}</Tag>
        </Flex>
      }
    >
      <div className="section-gap">
        <Typography.Text>
          {meeting ? <Link to={paths.meeting(item.target)}>{item.label.title}</Link> : item.label.title}
          {item.label.date ? ` · ${f.date(item.label.date)}` : ''}
          {item.label.detail ? ` · ${item.label.detail}` : ''}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('sync.madeAt', { at: f.dateTime(new Date(item.createdAt).toISOString()) })}
        </Typography.Text>
        {item.state === 'rejected' && item.error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="outbox-rejected"
            title={t('sync.rejected')}
            description={message(new ApiError(item.error))}
          />
        )}
        {item.state === 'conflict' && meeting && typed && (
          <RecordConflict
            meetingId={item.target}
            base={(item.base ?? {}) as MeetingRecordValues}
            local={typed}
            busy={busy}
            onDiscard={discard}
            onResolve={(input, server) => {
              setBusy(true);
              const clientKey = crypto.randomUUID();
              void retryChange(item, {
                query: RECORD_MEETING_DOCUMENT,
                variables: { ...item.variables, input, expectedVersion: server.version, clientKey },
                clientKey,
                base: recordValuesOf(server),
                baseVersion: server.version,
              }).finally(() => setBusy(false));
            }}
          />
        )}
        {item.state === 'rejected' && typed && (typed.minutes || typed.resolution) && (
          // what was typed stays readable (and copyable) until the user gives it up
          <details>
            <summary>{t('sync.typed')}</summary>
            {typed.minutes && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} copyable>
                {typed.minutes}
              </Typography.Paragraph>
            )}
            {typed.resolution && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} copyable>
                {typed.resolution}
              </Typography.Paragraph>
            )}
          </details>
        )}
        {item.state !== 'conflict' && (
          <Flex gap={8} justify="end">
            <Popconfirm
              title={t('sync.discardConfirm')}
              okText={t('sync.discard')}
              cancelText={t('common.cancel')}
              onConfirm={discard}
            >
              <Button danger={item.state === 'rejected'} data-testid="outbox-discard">
                {t('sync.discard')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </div>
    </Card>
  );
};

/**
 * "Thay đổi chờ gửi": the changes made on this device without a connection. Queued ones are sent by themselves when
 * the connection is back; a conflict (the record changed on the server meanwhile) is decided here field by field; a
 * refusal shows the server's reason and stays until the user gives it up. Nothing is ever dropped silently.
 */
export const SyncRoute = () => {
  const { t } = useTranslation();
  const items = useOutbox();
  const { offline } = useOfflineStatus();
  const [sending, setSending] = useState(false);
  const waiting = items.filter((i) => i.state === 'queued' || i.state === 'sending').length;

  return (
    <article className="section-gap" aria-labelledby="sync-title" data-testid="sync-page">
      <title>{t('app.pageTitle', { page: t('sync.title') })}</title>
      <Typography.Title level={1} id="sync-title" style={{ fontSize: 24, margin: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sync.hint')}</Typography.Paragraph>
      {items.length === 0 ? (
        <Empty description={t('sync.empty')} data-testid="outbox-empty" />
      ) : (
        <>
          {waiting > 0 && (
            <Flex gap={8} align="center" wrap>
              <Typography.Text>
                {offline ? t('sync.waitingOffline', { count: waiting }) : t('sync.waiting', { count: waiting })}
              </Typography.Text>
              <Button
                loading={sending}
                onClick={() => {
                  setSending(true);
                  void syncNow().finally(() => setSending(false));
                }}
                data-testid="outbox-send-now"
              >
                {t('sync.sendNow')}
              </Button>
            </Flex>
          )}
          {items.map((item) => (
            <ChangeCard key={item.id} item={item} />
          ))}
        </>
      )}
    </article>
  );
};
