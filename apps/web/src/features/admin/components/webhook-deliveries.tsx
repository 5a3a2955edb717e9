import { ReloadOutlined, RetweetOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Drawer, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminWebhookDeliveriesQuery, WebhookDeliveryStatus } from '../../../gql/graphql';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { QueryError } from '../../../components/ui/query-error';
import { useReplayWebhookDeliveries, useReplayWebhookDelivery, useWebhookDeliveries } from '../api/webhooks';

type Delivery = AdminWebhookDeliveriesQuery['webhookDeliveries']['items'][number];
const STATUSES: WebhookDeliveryStatus[] = ['PENDING', 'DELIVERED', 'DEAD'];
const COLORS: Record<WebhookDeliveryStatus, string> = { PENDING: 'gold', DELIVERED: 'green', DEAD: 'red' };

export const DeliveryStatusTag = ({ status }: { status: WebhookDeliveryStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid={`webhook-status-${status}`}>
      {t(`admin.webhooks.statuses.${status}`)}
    </Tag>
  );
};

/** Replays the deliveries of events that occurred in a chosen time range. */
const ReplayRange = ({ subscriptionId }: { subscriptionId: string }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const replay = useReplayWebhookDeliveries();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [from, to] = range ?? [null, null];
  return (
    <Card size="small" title={t('admin.webhooks.deliveries.replayRange')}>
      <Flex gap={8} wrap align="center">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="DD/MM/YYYY HH:mm"
          value={range}
          onChange={(v) => setRange(v)}
          data-testid="webhook-replay-range"
        />
        <Popconfirm
          title={t('admin.webhooks.deliveries.replayRangeConfirm')}
          okText={t('admin.webhooks.deliveries.replayRangeButton')}
          cancelText={t('common.cancel')}
          disabled={!from || !to}
          onConfirm={() =>
            from &&
            to &&
            replay.mutate(
              { subscriptionId, from: from.startOf('minute').toISOString(), to: to.endOf('minute').toISOString() },
              {
                onSuccess: (n) => void toast.success(t('admin.webhooks.deliveries.replayedRange', { count: n })),
                onError: (e) => void toast.error(errorMessage(e)),
              },
            )
          }
        >
          <Button
            icon={<RetweetOutlined aria-hidden />}
            disabled={!from || !to}
            loading={replay.isPending}
            data-testid="webhook-replay-range-button"
          >
            {t('admin.webhooks.deliveries.replayRangeButton')}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
};

/** The delivery log of one subscription, newest first (by cursor), with its filters and replays. */
export const WebhookDeliveries = ({
  subscription,
  onClose,
}: {
  subscription: { id: string; targetUrl: string };
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  // cursors of the pages shown before this one (the first page has none)
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const log = useWebhookDeliveries(subscription.id, status, after);
  const replay = useReplayWebhookDelivery();

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={t('admin.webhooks.deliveries.title', { target: subscription.targetUrl })}
      destroyOnHidden
    >
      <div className="section-gap" data-testid="webhook-deliveries">
        <Flex gap={8} wrap justify="space-between">
          <Select<WebhookDeliveryStatus | 'ALL'>
            style={{ minWidth: 200 }}
            aria-label={t('admin.webhooks.deliveries.statusFilter')}
            value={status ?? 'ALL'}
            onChange={(v) => {
              setStatus(v === 'ALL' ? null : v);
              setCursors([null]);
            }}
            options={[
              { value: 'ALL', label: t('admin.webhooks.deliveries.allStatuses') },
              ...STATUSES.map((s) => ({ value: s, label: t(`admin.webhooks.statuses.${s}`) })),
            ]}
          />
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void log.refetch()}
            loading={log.isFetching}
            data-testid="webhook-deliveries-refresh"
          >
            {t('admin.webhooks.deliveries.refresh')}
          </Button>
        </Flex>
        {log.isError ? (
          <QueryError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <Table<Delivery>
            rowKey="id"
            size="small"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('admin.webhooks.deliveries.empty') }}
            scroll={{ x: 1000 }}
            data-testid="webhook-deliveries-table"
            columns={[
              {
                key: 'event',
                title: t('admin.webhooks.deliveries.event'),
                render: (_, d) => (
                  <>
                    <Typography.Text code>{d.eventType}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      #{d.eventId}
                    </Typography.Text>
                  </>
                ),
              },
              {
                key: 'occurredAt',
                title: t('admin.webhooks.deliveries.occurredAt'),
                render: (_, d) => f.dateTime(d.eventOccurredAt),
              },
              {
                key: 'status',
                title: t('admin.webhooks.deliveries.status'),
                render: (_, d) => <DeliveryStatusTag status={d.status} />,
              },
              {
                key: 'attempts',
                title: t('admin.webhooks.deliveries.attempts'),
                align: 'right',
                render: (_, d) => f.number(d.attempts),
              },
              {
                key: 'http',
                title: t('admin.webhooks.deliveries.httpStatus'),
                render: (_, d) =>
                  d.responseStatus ? <span data-testid="webhook-http">{d.responseStatus}</span> : t('common.none'),
              },
              {
                key: 'duration',
                title: t('admin.webhooks.deliveries.duration'),
                align: 'right',
                render: (_, d) =>
                  d.durationMs == null
                    ? t('common.none')
                    : t('admin.webhooks.deliveries.durationMs', { ms: f.number(d.durationMs) }),
              },
              {
                key: 'next',
                title: t('admin.webhooks.deliveries.nextAttempt'),
                render: (_, d) => (d.nextAttemptAt ? f.dateTime(d.nextAttemptAt) : t('common.none')),
              },
              {
                key: 'error',
                title: t('admin.webhooks.deliveries.error'),
                render: (_, d) => (d.error ? <Typography.Text type="danger">{d.error}</Typography.Text> : null),
              },
              {
                key: 'replay',
                title: '',
                render: (_, d) => (
                  <Button
                    size="small"
                    icon={<RetweetOutlined aria-hidden />}
                    data-testid="webhook-replay"
                    loading={replay.isPending && replay.variables === d.id}
                    onClick={() =>
                      replay.mutate(d.id, {
                        onSuccess: () => void toast.success(t('admin.webhooks.deliveries.replayed')),
                        onError: (e) => void toast.error(errorMessage(e)),
                      })
                    }
                  >
                    {t('admin.webhooks.deliveries.replay')}
                  </Button>
                ),
              },
            ]}
          />
        )}
        <Flex gap={8} justify="end">
          <Button disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('admin.webhooks.deliveries.newer')}
          </Button>
          <Button
            disabled={!log.data?.hasMore || !log.data.endCursor}
            onClick={() => log.data?.endCursor && setCursors((c) => [...c, log.data.endCursor])}
          >
            {t('admin.webhooks.deliveries.older')}
          </Button>
        </Flex>
        <ReplayRange subscriptionId={subscription.id} />
      </div>
    </Drawer>
  );
};
