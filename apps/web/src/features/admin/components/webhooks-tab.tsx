import { ApiOutlined, PlayCircleOutlined, StopOutlined, UnorderedListOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationLink } from '../../../components/organisation-link';
import { OrganisationField } from '../../../components/organisation-picker';
import { FormActions } from '../../../components/ui/form-actions';
import { QueryError } from '../../../components/ui/query-error';
import type { AdminWebhookSubscriptionsQuery } from '../../../gql/graphql';
import { todayIso } from '../../../lib/as-of';
import { foldedSearch } from '../../../lib/folded-search';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import {
  useCreateWebhook,
  useDisableWebhook,
  useEnableWebhook,
  useWebhookEventTypes,
  useWebhookSubscriptions,
} from '../api/webhooks';
import { DeliveryStatusTag, WebhookDeliveries } from './webhook-deliveries';

type Subscription = AdminWebhookSubscriptionsQuery['webhookSubscriptions']['items'][number];
const PAGE = 50;
// The worker's reason when it disables a subscription by itself (apps/api/src/modules/webhook/webhook.worker.ts).
const AUTO_DISABLED = 'Deliveries failed continuously';

/** The state of a subscription: active, disabled by someone (with the reason), or disabled by the worker. */
const StateTag = ({ s }: { s: Subscription }) => {
  const { t } = useTranslation();
  const f = useFormat();
  if (s.active) {
    return (
      <Flex vertical>
        <Tag color="green">{t('admin.webhooks.active')}</Tag>
        {s.failingSince ? (
          <Typography.Text type="warning">
            {t('admin.webhooks.failingSince', { date: f.dateTime(s.failingSince) })}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  }
  const auto = s.disabledReason?.startsWith(AUTO_DISABLED) ?? false;
  return (
    <Flex vertical>
      <Tag color={auto ? 'red' : 'default'}>{t(auto ? 'admin.webhooks.autoDisabled' : 'admin.webhooks.disabled')}</Tag>
      {s.disabledReason ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {auto ? t('admin.webhooks.autoDisabledHint') : s.disabledReason}
        </Typography.Text>
      ) : null}
      {s.disabledAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {f.dateTime(s.disabledAt)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
};

type CreateValues = { organisationId?: string | null; targetUrl: string; eventTypes: string[]; description?: string };

/** The form of a new subscription, then its secret, shown this once. */
const CreateWebhook = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const types = useWebhookEventTypes();
  const [secret, setSecret] = useState<string | null>(null);
  const { message: errorMessage, fieldMessages } = useErrorMessage();
  const fields = create.error ? fieldMessages(create.error) : {};
  if (secret) {
    return (
      <div className="section-gap" data-testid="admin-webhook-secret">
        <Alert type="warning" showIcon title={t('admin.webhooks.secretOnce')} />
        <Typography.Paragraph
          copyable={{ text: secret }}
          code
          style={{ wordBreak: 'break-all' }}
          data-testid="admin-webhook-secret-value"
        >
          {secret}
        </Typography.Paragraph>
        <Flex justify="end">
          <Button type="primary" onClick={onClose} data-testid="admin-webhook-secret-done">
            {t('admin.webhooks.done')}
          </Button>
        </Flex>
      </div>
    );
  }
  return (
    <Form<CreateValues>
      name="adminWebhook"
      layout="vertical"
      data-testid="admin-webhook-form"
      onFinish={(v) =>
        create.mutate(
          {
            organisationId: v.organisationId ?? '',
            targetUrl: v.targetUrl.trim(),
            eventTypes: v.eventTypes,
            description: v.description?.trim() || null,
          },
          { onSuccess: (r) => setSecret(r.secret) },
        )
      }
    >
      {create.error && !Object.keys(fields).length ? (
        <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Typography.Paragraph type="secondary">{t('admin.webhooks.owner')}</Typography.Paragraph>
      <Form.Item
        name="organisationId"
        label={t('admin.webhooks.organisation')}
        rules={[{ required: true, message: t('admin.required') }]}
        validateStatus={fields.organisationId ? 'error' : undefined}
        help={fields.organisationId}
      >
        <OrganisationField placeholder={t('admin.users.pickOrganisation')} />
      </Form.Item>
      <Form.Item
        name="targetUrl"
        label={t('admin.webhooks.targetUrl')}
        extra={t('admin.webhooks.targetHint')}
        rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
        validateStatus={fields.targetUrl ? 'error' : undefined}
        help={fields.targetUrl}
      >
        <Input maxLength={2000} placeholder="https://" inputMode="url" />
      </Form.Item>
      <Form.Item
        name="eventTypes"
        label={t('admin.webhooks.eventTypes')}
        extra={t('admin.webhooks.eventTypesHint')}
        rules={[{ required: true, message: t('admin.required') }]}
        validateStatus={fields.eventTypes ? 'error' : undefined}
        help={fields.eventTypes}
      >
        <Select
          mode="multiple"
          allowClear
          loading={types.isLoading}
          placeholder={t('admin.webhooks.pickEventTypes')}
          data-testid="admin-webhook-types"
          options={(types.data ?? []).map((e) => ({
            value: e.type,
            label: (
              <Tooltip title={e.when} placement="left">
                <span>{e.type}</span>
              </Tooltip>
            ),
            search: e.type,
          }))}
          showSearch={foldedSearch}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('admin.webhooks.description')}
        extra={t('admin.webhooks.descriptionHint')}
        validateStatus={fields.description ? 'error' : undefined}
        help={fields.description}
      >
        <Input maxLength={200} />
      </Form.Item>
      <FormActions
        submitting={create.isPending}
        onCancel={onClose}
        testId="admin-webhook-submit"
        submitLabel={t('admin.webhooks.create')}
      />
    </Form>
  );
};

/** Disable (with an optional reason) or enable a subscription. */
const ActiveToggle = ({ s }: { s: Subscription }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const enable = useEnableWebhook();
  const disable = useDisableWebhook();
  const [reason, setReason] = useState('');
  if (!s.active) {
    return (
      <Button
        size="small"
        icon={<PlayCircleOutlined aria-hidden />}
        loading={enable.isPending}
        data-testid="admin-webhook-enable"
        onClick={() =>
          enable.mutate(s.id, {
            onSuccess: () => void toast.success(t('admin.webhooks.enabled')),
            onError: (e) => void toast.error(errorMessage(e)),
          })
        }
      >
        {t('admin.webhooks.enable')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('admin.webhooks.disableConfirm')}
      description={
        <Input
          size="small"
          placeholder={t('admin.webhooks.disableReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      }
      okText={t('admin.webhooks.disable')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        disable.mutate(
          { id: s.id, reason: reason.trim() || null },
          { onError: (e) => void toast.error(errorMessage(e)) },
        )
      }
    >
      <Button size="small" danger icon={<StopOutlined aria-hidden />} data-testid="admin-webhook-disable">
        {t('admin.webhooks.disable')}
      </Button>
    </Popconfirm>
  );
};

/**
 * Webhook subscriptions (docs/webhooks.md): the list with each one's state and newest delivery, creation (the
 * secret is shown once), disable/enable, and the delivery log with replays. Lazy-loaded by the admin route.
 */
export const WebhooksTab = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const subs = useWebhookSubscriptions((page - 1) * PAGE, PAGE);
  const [creating, setCreating] = useState(false);
  const [logOf, setLogOf] = useState<Subscription | null>(null);

  if (subs.isError) return <QueryError error={subs.error} onRetry={() => void subs.refetch()} />;
  return (
    <div className="section-gap">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('admin.webhooks.intro')}</Typography.Text>
        <Button
          type="primary"
          icon={<ApiOutlined aria-hidden />}
          onClick={() => setCreating(true)}
          data-testid="admin-webhook-add"
        >
          {t('admin.webhooks.add')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">
        {t('admin.webhooks.total', { total: f.number(subs.data?.total ?? 0) })}
      </Typography.Text>
      <Table<Subscription>
        rowKey="id"
        size="small"
        loading={subs.isFetching}
        dataSource={subs.data?.items ?? []}
        data-testid="admin-webhooks"
        pagination={{
          current: page,
          pageSize: PAGE,
          total: subs.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: 1000 }}
        columns={[
          {
            key: 'target',
            title: t('admin.webhooks.targetUrl'),
            render: (_, s) => (
              <Flex vertical>
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {s.targetUrl}
                </Typography.Text>
                {s.description ? <Typography.Text type="secondary">{s.description}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            key: 'organisation',
            title: t('admin.webhooks.organisation'),
            render: (_, s) => <OrganisationLink id={s.organisationId} asOf={todayIso()} />,
          },
          {
            key: 'types',
            title: t('admin.webhooks.eventTypes'),
            render: (_, s) => (
              <Flex wrap gap={4}>
                {s.eventTypes.map((e) => (
                  <Tag key={e}>{e}</Tag>
                ))}
              </Flex>
            ),
          },
          { key: 'state', title: t('admin.webhooks.state'), render: (_, s) => <StateTag s={s} /> },
          {
            key: 'last',
            title: t('admin.webhooks.lastDelivery'),
            render: (_, s) =>
              s.lastDelivery ? (
                <Flex vertical data-testid="admin-webhook-last">
                  <span>
                    <DeliveryStatusTag status={s.lastDelivery.status} />{' '}
                    {s.lastDelivery.responseStatus ? (
                      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                        HTTP {s.lastDelivery.responseStatus}
                      </Typography.Text>
                    ) : null}
                  </span>
                  {s.lastDelivery.lastAttemptAt ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.dateTime(s.lastDelivery.lastAttemptAt)}
                    </Typography.Text>
                  ) : null}
                  {s.lastDelivery.error ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {s.lastDelivery.error}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('admin.webhooks.noDelivery')}</Typography.Text>
              ),
          },
          {
            key: 'createdBy',
            title: t('admin.webhooks.createdBy'),
            render: (_, s) => (
              <>
                {s.createdBy}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.dateTime(s.createdAt)}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'actions',
            title: '',
            render: (_, s) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  icon={<UnorderedListOutlined aria-hidden />}
                  onClick={() => setLogOf(s)}
                  data-testid="admin-webhook-log"
                >
                  {t('admin.webhooks.log')}
                </Button>
                <ActiveToggle s={s} />
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
        maskClosable={false}
        title={t('admin.webhooks.add')}
      >
        <CreateWebhook onClose={() => setCreating(false)} />
      </Modal>
      {logOf ? <WebhookDeliveries subscription={logOf} onClose={() => setLogOf(null)} /> : null}
    </div>
  );
};
