import { ApiOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminApiTokensQuery } from '../../../gql/graphql';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/admin';
import { todayIso } from '../../../lib/as-of';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { OrganisationLink } from '../../../components/organisation-link';
import { OrganisationField } from '../../../components/organisation-picker';
import { FormActions } from '../../../components/ui/form-actions';
import { QueryError } from '../../../components/ui/query-error';

type Token = AdminApiTokensQuery['apiTokens']['items'][number];
const PAGE = 50;

/** API tokens of integrated systems: create (the secret is shown once), see their use, revoke. */
export const TokensTab = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const tokens = useApiTokens((page - 1) * PAGE, PAGE);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const revoke = useRevokeApiToken();
  const create = useCreateApiToken();
  const { message: toast } = App.useApp();
  const { message: errorMessage, fieldMessages } = useErrorMessage();
  const fields = create.error ? fieldMessages(create.error) : {};

  if (tokens.isError) return <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />;
  return (
    <div className="section-gap">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('admin.tokens.intro')}</Typography.Text>
        <Button
          type="primary"
          icon={<ApiOutlined aria-hidden />}
          onClick={() => {
            create.reset();
            setSecret(null);
            setCreating(true);
          }}
          data-testid="admin-token-add"
        >
          {t('admin.tokens.add')}
        </Button>
      </Flex>
      <Table<Token>
        rowKey="id"
        size="small"
        loading={tokens.isFetching}
        dataSource={tokens.data?.items ?? []}
        data-testid="admin-tokens"
        pagination={{
          current: page,
          pageSize: PAGE,
          total: tokens.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'name',
            title: t('admin.tokens.name'),
            render: (_, k) => (
              <>
                <strong>{k.name}</strong> <Typography.Text code>{k.tokenPrefix}…</Typography.Text>
              </>
            ),
          },
          {
            key: 'organisation',
            title: t('admin.tokens.organisation'),
            render: (_, k) => <OrganisationLink id={k.organisationId} asOf={todayIso()} />,
          },
          {
            key: 'access',
            title: t('admin.tokens.access'),
            render: (_, k) => <Tag>{t(`admin.tokens.accessKinds.${k.access}`)}</Tag>,
          },
          { key: 'createdAt', title: t('admin.tokens.createdAt'), render: (_, k) => f.dateTime(k.createdAt) },
          {
            key: 'expiresAt',
            title: t('admin.tokens.expiresAt'),
            render: (_, k) => (k.expiresAt ? f.dateTime(k.expiresAt) : t('admin.tokens.noExpiry')),
          },
          {
            key: 'lastUsedAt',
            title: t('admin.tokens.lastUsedAt'),
            render: (_, k) => (k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t('common.none')),
          },
          {
            key: 'state',
            title: '',
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{t('admin.tokens.revokedOn', { date: f.dateTime(k.revokedAt) })}</Tag>
              ) : (
                <Popconfirm
                  title={t('admin.tokens.revokeConfirm')}
                  okText={t('admin.tokens.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutate(k.id, { onError: (e) => void toast.error(errorMessage(e)) })}
                >
                  <Button size="small" danger icon={<StopOutlined aria-hidden />}>
                    {t('admin.tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
        title={t('admin.tokens.add')}
      >
        {secret ? (
          <div className="section-gap" data-testid="admin-token-secret">
            <Alert type="warning" showIcon title={t('admin.tokens.secretOnce')} />
            <Typography.Paragraph copyable={{ text: secret }} code style={{ wordBreak: 'break-all' }}>
              {secret}
            </Typography.Paragraph>
            <Flex justify="end">
              <Button type="primary" onClick={() => setCreating(false)}>
                {t('admin.tokens.done')}
              </Button>
            </Flex>
          </div>
        ) : (
          <Form<{
            name: string;
            organisationId?: string | null;
            access: 'READ' | 'READ_WRITE';
            expiresAt?: Dayjs | null;
          }>
            name="adminToken"
            layout="vertical"
            initialValues={{ access: 'READ' }}
            data-testid="admin-token-form"
            onFinish={(v) =>
              create.mutate(
                {
                  name: v.name.trim(),
                  organisationId: v.organisationId ?? '',
                  access: v.access,
                  ...(v.expiresAt ? { expiresAt: v.expiresAt.endOf('day').toISOString() } : {}),
                },
                { onSuccess: (r) => setSecret(r.secret) },
              )
            }
          >
            {create.error && !Object.keys(fields).length ? (
              <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
            ) : null}
            <Form.Item
              name="name"
              label={t('admin.tokens.name')}
              extra={t('admin.tokens.nameHint')}
              rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
              validateStatus={fields.name ? 'error' : undefined}
              help={fields.name}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="organisationId"
              label={t('admin.tokens.organisation')}
              rules={[{ required: true, message: t('admin.required') }]}
              validateStatus={fields.organisationId ? 'error' : undefined}
              help={fields.organisationId}
            >
              <OrganisationField placeholder={t('admin.users.pickOrganisation')} />
            </Form.Item>
            <Form.Item name="access" label={t('admin.tokens.access')}>
              <Select
                options={(['READ', 'READ_WRITE'] as const).map((a) => ({
                  value: a,
                  label: t(`admin.tokens.accessKinds.${a}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="expiresAt"
              label={t('admin.tokens.expiresAt')}
              extra={t('admin.tokens.expiryHint')}
              validateStatus={fields.expiresAt ? 'error' : undefined}
              help={fields.expiresAt}
            >
              <DatePicker
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') < todayIso()}
              />
            </Form.Item>
            <FormActions
              submitting={create.isPending}
              onCancel={() => setCreating(false)}
              testId="admin-token-submit"
              submitLabel={t('admin.tokens.create')}
            />
          </Form>
        )}
      </Modal>
    </div>
  );
};
