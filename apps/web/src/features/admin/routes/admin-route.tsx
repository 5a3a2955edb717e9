import { Result, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useViewer } from '../../../lib/viewer';
import { AuditTab } from '../components/audit-tab';
import { TokensTab } from '../components/tokens-tab';
import { UsersTab } from '../components/users-tab';

const TABS = ['users', 'tokens', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** /admin?tab=users|tokens|audit(&entity=<id>): user accounts and grants, API tokens, the audit log. */
export const AdminRoute = () => {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'users';

  if (viewer.data && !viewer.data.isAdmin) return <Result status="403" title={t('admin.forbidden')} />;
  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('admin.title') })}</title>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('admin.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((prev) => { const next = new URLSearchParams(prev); next.set('tab', k); next.delete('entity'); return next; })}
        items={[
          { key: 'users', label: t('admin.tabs.users'), children: <UsersTab /> },
          { key: 'tokens', label: t('admin.tabs.tokens'), children: <TokensTab /> },
          { key: 'audit', label: t('admin.tabs.audit'), children: <AuditTab initialEntityId={params.get('entity')} /> },
        ]}
      />
    </div>
  );
};
