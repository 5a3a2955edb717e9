import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
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

// antd's `md` breakpoint: below 768px the tree and menu move into a drawer
const WIDE = '(min-width: 768px)';
const subscribeWide = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const isWide = () => window.matchMedia(WIDE).matches;

// The layout of antd's `<Layout>` with a header, a sider and the content (styles.css, `light-layout`), without its code.
const ShellLayout = () => {
  const { t } = useTranslation();
  const isMobile = !useSyncExternalStore(subscribeWide, isWide, () => true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // an empty scope (a new install, an account without grants) leads to the first-run page, not to empty figures
  const { asOf } = useAsOf();
  const roots = useQuery(scopeRootsQueryOptions(asOf));
  const empty = roots.isSuccess && roots.data.length === 0;

  return (
    <div className="light-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <AppHeader showMenuButton={isMobile} onOpenMenu={() => setDrawerOpen(true)} />
      </header>
      <div className="light-layout__body">
        {!isMobile && (
          <aside className="light-layout__sider" style={{ width: SIDER_WIDTH }}>
            <SideNav />
          </aside>
        )}
        <main id="main" className="app-content light-layout__content" tabIndex={-1}>
          <OfflineBanner />
          <AsOfBanner />
          {empty ? (
            <Suspense fallback={null}>
              <FirstRun />
            </Suspense>
          ) : (
            <Outlet />
          )}
        </main>
      </div>
      {isMobile && (
        <Suspense fallback={null}>
          <NavDrawer open={drawerOpen} width={SIDER_WIDTH} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
    </div>
  );
};

export const AppShell = () => (
  <AntdProvider>
    <ShellLayout />
  </AntdProvider>
);
