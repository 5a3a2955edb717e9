import { useQuery } from '@tanstack/react-query';
import { Grid, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { AntdProvider } from './antd-provider';
import { AppHeader } from './shell/app-header';
import { useAsOf } from '../lib/as-of';
import { scopeRootsQueryOptions } from '../lib/scope-roots';
import { AsOfBanner } from './shell/as-of-banner';
import { OfflineBanner } from './shell/offline-banner';
import { SideNav } from './shell/side-nav';

const SIDER_WIDTH = 300;
// only a new install or an account without grants needs it: loaded on demand, not with every page
const FirstRun = lazy(() => import('./shell/first-run').then((m) => ({ default: m.FirstRun })));
// small screens only: the drawer that holds the tree and menu there
const NavDrawer = lazy(() => import('./shell/nav-drawer').then((m) => ({ default: m.NavDrawer })));

const ShellLayout = () => {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // below md (768px) the tree and menu move into a drawer
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // an empty scope (a new install, an account without grants) leads to the first-run page, not to empty figures
  const { asOf } = useAsOf();
  const roots = useQuery(scopeRootsQueryOptions(asOf));
  const empty = roots.isSuccess && roots.data.length === 0;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <AppHeader showMenuButton={isMobile} onOpenMenu={() => setDrawerOpen(true)} />
      </Layout.Header>
      <Layout>
        {!isMobile && (
          <Layout.Sider
            width={SIDER_WIDTH}
            theme="light"
            style={{ overflow: 'auto', height: 'calc(100vh - 56px)', position: 'sticky', top: 0 }}
          >
            <SideNav />
          </Layout.Sider>
        )}
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          <OfflineBanner />
          <AsOfBanner />
          {empty ? (
            <Suspense fallback={null}>
              <FirstRun />
            </Suspense>
          ) : (
            <Outlet />
          )}
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Suspense fallback={null}>
          <NavDrawer open={drawerOpen} width={SIDER_WIDTH} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
    </Layout>
  );
};

export const AppShell = () => (
  <AntdProvider>
    <ShellLayout />
  </AntdProvider>
);
