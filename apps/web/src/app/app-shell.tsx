import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useMatches } from 'react-router-dom';
import { lazyWithAntd } from './antd-lazy';
import { PageLoading } from './page-loading';
import { AppHeader } from './shell/app-header';
import { useAsOf } from '../lib/as-of';
import { useFeedbackHostWanted } from '../lib/feedback';
import { scopeRootsQueryOptions } from '../lib/scope-roots';
import { AsOfBanner } from './shell/as-of-banner';
import { OfflineBanner } from './shell/offline-banner';
import { SideNav } from './shell/side-nav';

const SIDER_WIDTH = 300;
// only a new install or an account without grants needs it: loaded on demand, not with every page
const FirstRun = lazyWithAntd(() => import('./shell/first-run').then((m) => m.FirstRun));
// small screens only: the drawer that holds the tree and menu there
const NavDrawer = lazyWithAntd(() => import('./shell/nav-drawer').then((m) => m.NavDrawer));
// antd's theme, locale and <App> (message, notification, modal) for the screens built with antd
const AntdProvider = lazy(() => import('./antd-provider').then((m) => ({ default: m.AntdProvider })));

/** A route the shell shows without antd's provider (router.tsx, `handle: { light: true }`): the dashboard. */
const useLightRoute = () => useMatches().some((m) => (m.handle as { light?: boolean } | undefined)?.light === true);

/**
 * The routed screens inside antd's provider, except the light ones (the dashboard, whose antd parts bring their own
 * theme: antd-lazy.tsx), so that signing in to the dashboard does not download antd's provider, style engine and
 * dialogs (docs/scaling.md, "The web app"). Once a screen needed it, it stays: it is put around the page only when
 * the user moves to another screen (the page changes then anyway), never under a page that is open.
 */
const RouteProviders = ({ children }: { children: ReactNode }) => {
  const light = useLightRoute();
  const [antd, setAntd] = useState(!light);
  if (!light && !antd) setAntd(true);
  return <Suspense fallback={<PageLoading />}>{antd ? <AntdProvider>{children}</AntdProvider> : children}</Suspense>;
};

/** An antd <App> for the shell's own messages and confirmations when the page has none (lib/feedback.ts). */
const FeedbackHost = () =>
  useFeedbackHostWanted() ? (
    <Suspense fallback={null}>
      <AntdProvider />
    </Suspense>
  ) : null;

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
    <div className="light-layout light-app">
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
            <RouteProviders>
              <Outlet />
            </RouteProviders>
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
  <>
    <ShellLayout />
    <FeedbackHost />
  </>
);
