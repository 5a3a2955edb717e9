import { DeleteOutlined, KeyOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationLink } from '../../../components/organisation-link';
import { OrganisationField } from '../../../components/organisation-picker';
import { FormActions } from '../../../components/ui/form-actions';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso } from '../../../lib/as-of';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import type { AdminUsersQuery, GrantRole } from '../../../gql/graphql';
import {
  useAddGrant,
  useCreateUser,
  useMemberSearch,
  useRemoveGrant,
  useSetUserPassword,
  useUsers,
} from '../api/admin';

type User = AdminUsersQuery['users']['items'][number];
const ROLES: GrantRole[] = ['SYSTEM_ADMIN', 'COMMITTEE_WRITE', 'COMMITTEE_READ', 'CELL_SECRETARY', 'MEMBER'];
const PAGE = 50;

/** Places an API error next to the form's fields, or returns it for an alert when no field names it. */
const useServerErrors = () => {
  const { message, fieldMessages } = useErrorMessage();
  return (error: unknown, fields: readonly string[]) => {
    if (!error) return { byField: {} as Record<string, string>, general: null as string | null };
    const all = fieldMessages(error);
    const byField = Object.fromEntries(Object.entries(all).filter(([f]) => fields.includes(f)));
    return { byField, general: Object.keys(byField).length ? null : message(error) };
  };
};

/** The new password of an account (when created, when set): at least 10 characters; `error`: the server's refusal. */
const NewPasswordItem = ({ error }: { error?: string }) => {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="password"
      label={t('admin.users.password')}
      extra={t('admin.users.passwordHint')}
      validateStatus={error ? 'error' : undefined}
      help={error}
      rules={[
        { required: true, message: t('admin.required') },
        { min: 10, message: t('admin.users.passwordShort') },
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
};

/** User accounts: create, set a password, give and remove grants. */
export const UsersTab = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const users = useUsers((page - 1) * PAGE, PAGE);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'password' | 'grant'; user: User } | null>(null);
  const removeGrant = useRemoveGrant();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();

  if (users.isError) return <QueryError error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <div className="section-gap">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('admin.users.total', { total: f.number(users.data?.total ?? 0) })}
        </Typography.Text>
        <Button
          type="primary"
          icon={<UserAddOutlined aria-hidden />}
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="admin-user-add"
        >
          {t('admin.users.add')}
        </Button>
      </Flex>
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        data-testid="admin-users"
        pagination={{
          current: page,
          pageSize: PAGE,
          total: users.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'username', title: t('admin.users.username'), render: (_, u) => <strong>{u.username}</strong> },
          { key: 'displayName', title: t('admin.users.displayName'), dataIndex: 'displayName' },
          {
            key: 'grants',
            title: t('admin.users.grants'),
            render: (_, u) => (
              <Flex vertical gap={4}>
                {u.grants.map((g) => (
                  <Flex key={g.id} gap={4} align="center" wrap data-testid="admin-grant">
                    <Tag color={g.role === 'SYSTEM_ADMIN' ? 'red' : 'blue'}>{t(`admin.roles.${g.role}`)}</Tag>
                    {g.organisationId && <OrganisationLink id={g.organisationId} asOf={todayIso()} />}
                    <Popconfirm
                      title={t('admin.users.removeGrantConfirm')}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => removeGrant.mutate(g.id, { onError: (e) => void toast.error(errorMessage(e)) })}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('admin.users.removeGrant')}
                      />
                    </Popconfirm>
                  </Flex>
                ))}
                {!u.grants.length && <Typography.Text type="secondary">{t('admin.users.noGrants')}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'lastSignInAt',
            title: t('admin.users.lastSignIn'),
            render: (_, u) => (u.lastSignInAt ? f.dateTime(u.lastSignInAt) : t('common.none')),
          },
          {
            key: 'actions',
            title: '',
            render: (_, u) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => setDialog({ kind: 'grant', user: u })}
                  data-testid="admin-grant-add"
                >
                  {t('admin.users.addGrant')}
                </Button>
                <Button
                  size="small"
                  icon={<KeyOutlined aria-hidden />}
                  onClick={() => setDialog({ kind: 'password', user: u })}
                >
                  {t('admin.users.setPassword')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        footer={null}
        destroyOnHidden
        title={
          dialog?.kind === 'create'
            ? t('admin.users.add')
            : dialog?.kind === 'grant'
              ? t('admin.users.grantTitle', { name: dialog.user.username })
              : dialog
                ? t('admin.users.passwordTitle', { name: dialog.user.username })
                : ''
        }
      >
        {dialog?.kind === 'create' && <CreateUserForm onDone={() => setDialog(null)} />}
        {dialog?.kind === 'password' && <PasswordForm user={dialog.user} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'grant' && <GrantForm user={dialog.user} onDone={() => setDialog(null)} />}
      </Modal>
    </div>
  );
};

const CreateUserForm = ({ onDone }: { onDone: () => void }) => {
  const { t } = useTranslation();
  const create = useCreateUser();
  const serverErrors = useServerErrors();
  const { byField, general } = serverErrors(create.error, ['username', 'displayName', 'password']);
  const { message: toast } = App.useApp();
  return (
    <Form<{ username: string; displayName: string; password: string }>
      name="adminUser"
      layout="vertical"
      data-testid="admin-user-form"
      onFinish={(v) =>
        create.mutate(
          { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password },
          {
            onSuccess: (u) => {
              void toast.success(t('admin.users.created', { name: u.username }));
              onDone();
            },
          },
        )
      }
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="username"
        label={t('admin.users.username')}
        extra={t('admin.users.usernameHint')}
        validateStatus={byField.username ? 'error' : undefined}
        help={byField.username}
        rules={[
          { required: true, message: t('admin.required') },
          { pattern: /^[a-z0-9._-]{3,100}$/, message: t('admin.users.usernameFormat') },
        ]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('admin.users.displayName')}
        validateStatus={byField.displayName ? 'error' : undefined}
        help={byField.displayName}
        rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <NewPasswordItem error={byField.password} />
      <FormActions
        submitting={create.isPending}
        onCancel={onDone}
        testId="admin-user-submit"
        submitLabel={t('admin.users.create')}
      />
    </Form>
  );
};

const PasswordForm = ({ user, onDone }: { user: User; onDone: () => void }) => {
  const { t } = useTranslation();
  const setPassword = useSetUserPassword();
  const serverErrors = useServerErrors();
  const { byField, general } = serverErrors(setPassword.error, ['password']);
  const { message: toast } = App.useApp();
  return (
    <Form<{ password: string }>
      name="adminPassword"
      layout="vertical"
      onFinish={(v) =>
        setPassword.mutate(
          { userId: user.id, password: v.password },
          {
            onSuccess: () => {
              void toast.success(t('admin.users.passwordSet'));
              onDone();
            },
          },
        )
      }
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('admin.users.passwordEndsSessions')}</Typography.Paragraph>
      <NewPasswordItem error={byField.password} />
      <FormActions
        submitting={setPassword.isPending}
        onCancel={onDone}
        testId="admin-password-submit"
        submitLabel={t('admin.users.setPassword')}
      />
    </Form>
  );
};

const GrantForm = ({ user, onDone }: { user: User; onDone: () => void }) => {
  const { t } = useTranslation();
  const addGrant = useAddGrant();
  const [form] = Form.useForm<{ role?: GrantRole; organisationId?: string | null; memberId?: string }>();
  const role = Form.useWatch('role', form);
  const [search, setSearch] = useState('');
  const members = useMemberSearch(search);
  const serverErrors = useServerErrors();
  const { byField, general } = serverErrors(addGrant.error, ['role', 'organisationId', 'memberId']);
  const needsOrg = role === 'COMMITTEE_READ' || role === 'COMMITTEE_WRITE' || role === 'CELL_SECRETARY';
  return (
    <Form
      form={form}
      name="adminGrant"
      layout="vertical"
      data-testid="admin-grant-form"
      onFinish={(v) =>
        addGrant.mutate(
          {
            userId: user.id,
            role: v.role as GrantRole,
            ...(needsOrg && v.organisationId ? { organisationId: v.organisationId } : {}),
            ...(role === 'MEMBER' && v.memberId ? { memberId: v.memberId } : {}),
          },
          { onSuccess: onDone },
        )
      }
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="role"
        label={t('admin.users.role')}
        rules={[{ required: true, message: t('admin.required') }]}
        validateStatus={byField.role ? 'error' : undefined}
        help={byField.role}
      >
        <Select options={ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))} />
      </Form.Item>
      {role && <Typography.Paragraph type="secondary">{t(`admin.roleHints.${role}`)}</Typography.Paragraph>}
      {needsOrg && (
        <Form.Item
          name="organisationId"
          label={t('admin.users.organisation')}
          rules={[{ required: true, message: t('admin.required') }]}
          validateStatus={byField.organisationId ? 'error' : undefined}
          help={byField.organisationId}
        >
          <OrganisationField placeholder={t('admin.users.pickOrganisation')} />
        </Form.Item>
      )}
      {role === 'MEMBER' && (
        <Form.Item
          name="memberId"
          label={t('admin.users.member')}
          rules={[{ required: true, message: t('admin.required') }]}
          validateStatus={byField.memberId ? 'error' : undefined}
          help={byField.memberId}
        >
          <Select
            // the server searches (folded, as every list): its answer is shown as it is
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={members.isFetching}
            placeholder={t('admin.users.searchMember')}
            notFoundContent={search.trim().length < 2 ? t('admin.users.typeToSearch') : t('admin.users.noMember')}
            options={(members.data ?? []).map((m) => ({
              value: m.id,
              label: `${m.fullName}${m.organisation ? ` — ${m.organisation.name}` : ''}`,
            }))}
          />
        </Form.Item>
      )}
      <FormActions
        submitting={addGrant.isPending}
        onCancel={onDone}
        testId="admin-grant-submit"
        submitLabel={t('admin.users.addGrant')}
      />
    </Form>
  );
};
