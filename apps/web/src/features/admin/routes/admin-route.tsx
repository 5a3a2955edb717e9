import { Result, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import '../texts';
import { useViewer } from '../../../lib/viewer';
import { AuditTab } from '../components/audit-tab';
import { TokensTab } from '../components/tokens-tab';
import { UsersTab } from '../components/users-tab';

// The Webhook tab (and its API documents) is a chunk of its own, fetched when the tab is first opened.
const WebhooksTab = lazy(() => import('../components/webhooks-tab').then((m) => ({ default: m.WebhooksTab })));

const TABS = ['users', 'tokens', 'webhooks', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** /admin?tab=users|tokens|webhooks|audit(&entity=<id>): user accounts and grants, API tokens, webhooks, the audit log. */
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
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set('tab', k);
            next.delete('entity');
            return next;
          })
        }
        items={[
          { key: 'users', label: t('admin.tabs.users'), children: <UsersTab /> },
          { key: 'tokens', label: t('admin.tabs.tokens'), children: <TokensTab /> },
          {
            key: 'webhooks',
            label: t('admin.tabs.webhooks'),
            children: <Suspense fallback={<Spin />}>{tab === 'webhooks' ? <WebhooksTab /> : null}</Suspense>,
          },
          { key: 'audit', label: t('admin.tabs.audit'), children: <AuditTab initialEntityId={params.get('entity')} /> },
        ]}
      />
    </div>
  );
};
