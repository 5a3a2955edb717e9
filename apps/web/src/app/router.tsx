import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import { SignInRoute } from '../features/auth/routes/sign-in-route';
import { paths } from '../lib/paths';
import { readsCommittee, useViewer } from '../lib/viewer';
import { PageLoading } from './page-loading';
import { RequireAuth } from './require-auth';
import { RouteError } from './route-error';

type Loader<M> = (() => Promise<M>) & { loaded?: M };

/** A chunk's loader that keeps the module once it is there (fetched ahead by the sign-in page). */
const kept = <M,>(load: () => Promise<M>): Loader<M> => {
  const loader: Loader<M> = () =>
    load().then((m) => {
      loader.loaded = m;
      return m;
    });
  return loader;
};

// Everything behind sign-in is split out (antd is heavy); the sign-in screen is in the entry chunk.
// React.lazy suspends on its first render even when the code is there, and a fallback once shown stays at least 300 ms
// (React's throttle of Suspense): for a chunk already loaded, the lazy component resolves at once (a thenable that
// answers synchronously), so that signing in goes to the shell and the dashboard without two loading screens.
const named = <K extends string>(load: Loader<Record<K, ComponentType>>, name: K) =>
  lazy(() => {
    const ready = load.loaded;
    if (ready) {
      const now = { default: ready[name] };
      return { then: (resolve: (m: typeof now) => void) => resolve(now) } as unknown as Promise<typeof now>;
    }
    return load().then((m) => ({ default: m[name] }));
  });

const loadAppShell = kept(() => import('./app-shell'));
const loadDashboardRoute = kept(() => import('../features/dashboard/routes/dashboard-route'));
const AppShell = named(loadAppShell, 'AppShell');
const PrintShell = named(() => import('./print-shell'), 'PrintShell');
const OrganisationsIndexRoute = named(
  () => import('../features/organisations/routes/organisations-index-route'),
  'OrganisationsIndexRoute',
);
const OrganisationRoute = named(
  () => import('../features/organisations/routes/organisation-route'),
  'OrganisationRoute',
);
const MembersRoute = named(() => import('../features/members/routes/members-route'), 'MembersRoute');
const MemberRoute = named(() => import('../features/members/routes/member-route'), 'MemberRoute');
const MeetingsRoute = named(() => import('../features/meetings/routes/meetings-route'), 'MeetingsRoute');
const MeetingRoute = named(() => import('../features/meetings/routes/meeting-route'), 'MeetingRoute');
const MeetingPrintRoute = named(() => import('../features/meetings/routes/meeting-print-route'), 'MeetingPrintRoute');
const RatingFiguresPrintRoute = named(
  () => import('../features/ratings/routes/rating-figures-print-route'),
  'RatingFiguresPrintRoute',
);
const InspectionTrackerPrintRoute = named(
  () => import('../features/inspections/routes/inspection-tracker-print-route'),
  'InspectionTrackerPrintRoute',
);
const VisitReportPrintRoute = named(
  () => import('../features/visits/routes/visit-report-print-route'),
  'VisitReportPrintRoute',
);
const MeetingVisitRoute = named(() => import('../features/visits/routes/meeting-visit-route'), 'MeetingVisitRoute');
const VisitsRoute = named(() => import('../features/visits/routes/visits-route'), 'VisitsRoute');
const MyVisitReportRoute = named(() => import('../features/visits/routes/my-visit-report-route'), 'MyVisitReportRoute');
const VisitReportRoute = named(() => import('../features/visits/routes/visit-report-route'), 'VisitReportRoute');
const ComplianceRoute = named(() => import('../features/compliance/routes/compliance-route'), 'ComplianceRoute');
const InspectionTrackerRoute = named(
  () => import('../features/inspections/routes/inspection-tracker-route'),
  'InspectionTrackerRoute',
);
const DuesRoute = named(() => import('../features/dues/routes/dues-route'), 'DuesRoute');
const SyncRoute = named(() => import('../features/sync/routes/sync-route'), 'SyncRoute');
const InspectionRecordsRoute = named(
  () => import('../features/inspections/routes/inspection-records-route'),
  'InspectionRecordsRoute',
);
const InspectionRoute = named(() => import('../features/inspections/routes/inspection-route'), 'InspectionRoute');
const NoticesRoute = named(() => import('../features/notices/routes/notices-route'), 'NoticesRoute');
const SearchRoute = named(() => import('../features/search/routes/search-route'), 'SearchRoute');
const RatingFiguresRoute = named(() => import('../features/ratings/routes/rating-figures-route'), 'RatingFiguresRoute');
const AdminRoute = named(() => import('../features/admin/routes/admin-route'), 'AdminRoute');
const ImportRoute = named(() => import('../features/imports/routes/import-route'), 'ImportRoute');
const RatingRoundsRoute = named(() => import('../features/ratings/routes/rating-rounds-route'), 'RatingRoundsRoute');
const RatingRoundRoute = named(() => import('../features/ratings/routes/rating-round-route'), 'RatingRoundRoute');
const MyRatingsRoute = named(() => import('../features/ratings/routes/my-ratings-route'), 'MyRatingsRoute');
const DashboardRoute = named(loadDashboardRoute, 'DashboardRoute');
const AlertsRoute = named(() => import('../features/dashboard/routes/alerts-route'), 'AlertsRoute');
const NotFoundRoute = named(() => import('./not-found-route'), 'NotFoundRoute');

/**
 * The sign-in screen, which also fetches the code of the screens that follow it while the user types (when the
 * browser is idle), so that signing in does not wait for two more rounds of downloads. The files are the same
 * hashed chunks the routes load, so nothing is fetched twice.
 */
const SignInPage = () => {
  useEffect(() => {
    const preload = () => {
      void loadAppShell().catch(() => undefined);
      void loadDashboardRoute().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(preload, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(preload, 500);
    return () => window.clearTimeout(id);
  }, []);
  return <SignInRoute />;
};

// committee staff and administrators land on their dashboard; everyone else on the organisation tree
const HomeRedirect = () => {
  const { search } = useLocation();
  const viewer = useViewer();
  if (viewer.isPending) return <PageLoading />;
  return (
    <Navigate to={{ pathname: readsCommittee(viewer.data) ? paths.dashboard : paths.organisations, search }} replace />
  );
};

const page = (Component: ComponentType) => (
  <Suspense fallback={<PageLoading />}>
    <Component />
  </Suspense>
);

export const createRouter = () =>
  createBrowserRouter([
    { path: paths.signIn, element: <SignInPage />, errorElement: <RouteError /> },
    { path: '/dang-nhap', element: <Navigate to={paths.signIn} replace /> },
    {
      // printable documents and report tables: signed in, without the header and menu
      errorElement: <RouteError />,
      element: (
        <RequireAuth>
          <Suspense fallback={<PageLoading />}>
            <PrintShell />
          </Suspense>
        </RequireAuth>
      ),
      children: [
        { path: '/meetings/:id/print', element: <MeetingPrintRoute /> },
        { path: '/ratings/figures/print', element: <RatingFiguresPrintRoute /> },
        { path: '/inspections/tracker/print', element: <InspectionTrackerPrintRoute /> },
        { path: '/visit-report/print', element: <VisitReportPrintRoute /> },
      ],
    },
    {
      path: '/',
      errorElement: <RouteError />,
      element: (
        <RequireAuth>
          <Suspense fallback={<PageLoading />}>
            <AppShell />
          </Suspense>
        </RequireAuth>
      ),
      children: [
        {
          // a page that fails shows its error inside the app frame (header and menu stay)
          errorElement: <RouteError />,
          children: [
            { index: true, element: <HomeRedirect />, handle: { light: true } },
            { path: 'dashboard', element: page(DashboardRoute), handle: { light: true } },
            { path: 'alerts', element: page(AlertsRoute) },
            { path: 'organisations', element: page(OrganisationsIndexRoute) },
            { path: 'organisations/:id', element: page(OrganisationRoute) },
            { path: 'members', element: page(MembersRoute) },
            { path: 'members/:id', element: page(MemberRoute) },
            { path: 'meetings', element: page(MeetingsRoute) },
            { path: 'meetings/:id', element: page(MeetingRoute) },
            { path: 'meetings/:id/visit', element: page(MeetingVisitRoute) },
            { path: 'visits', element: page(VisitsRoute) },
            { path: 'visits/report', element: page(MyVisitReportRoute) },
            { path: 'compliance', element: page(ComplianceRoute) },
            { path: 'visit-report', element: page(VisitReportRoute) },
            { path: 'inspections', element: page(InspectionTrackerRoute) },
            { path: 'dues', element: page(DuesRoute) },
            { path: 'sync', element: page(SyncRoute) },
            { path: 'inspections/records', element: page(InspectionRecordsRoute) },
            { path: 'inspections/:id', element: page(InspectionRoute) },
            { path: 'thong-bao', element: page(NoticesRoute) },
            { path: 'tim-kiem', element: page(SearchRoute) },
            { path: 'ratings', element: page(RatingFiguresRoute) },
            { path: 'admin', element: page(AdminRoute) },
            { path: 'import', element: page(ImportRoute) },
            { path: 'ratings/rounds', element: page(RatingRoundsRoute) },
            { path: 'ratings/rounds/:id', element: page(RatingRoundRoute) },
            { path: 'ratings/mine', element: page(MyRatingsRoute) },
            { path: '*', element: page(NotFoundRoute) },
          ],
        },
      ],
    },
  ]);
