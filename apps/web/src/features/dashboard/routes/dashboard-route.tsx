import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { lazyWithAntd } from '../../../app/antd-lazy';
import { LightIcon } from '../../../components/ui/light-icon';
import { LightBreadcrumb, LightCard, LightSkeleton, SecondaryText } from '../../../components/ui/light';
import { QueryError } from '../../../components/ui/query-error';
import { useFormat } from '../../../lib/use-format';
import {
  useDashboard,
  useDashboardAdmission,
  useDashboardInspections,
  useLastDecidedRatings,
} from '../api/get-dashboard';
import { AlertsCard } from '../components/alerts-card';
import { ChildrenTable } from '../components/children-table';
import { InspectionsCard } from '../components/inspections-card';
import { MeetingsCard } from '../components/meetings-card';
import { MembersCard } from '../components/members-card';
import { RatingsCard } from '../components/ratings-card';
import { VisitsCard } from '../components/visits-card';
import { OrganisationYearFilter, useOrganisationYear } from '../components/organisation-year-filter';
import { decodeFigureList, encodeFigureList } from '../utils/figure-list';
import { useDashboardLinks } from '../utils/links';

// the lists behind the figures (antd's drawer and table): loaded when a list is first opened
const FigureDrawer = lazyWithAntd(() => import('../components/figure-drawer').then((m) => m.FigureDrawer));

// /dashboard?org=<id>&year=YYYY(&asOf)(&list=…): every figure the committee's reports need for an organisation's
// subtree on the header's "Xem tại ngày", each a link to the list behind it (another screen with the right
// parameters, or the drawer for the lists no screen shows), and the direct children to drill into.
export const DashboardRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf, isToday, params, update, latest, year, orgId } = useOrganisationYear();
  const input = orgId ? { organisationId: orgId, asOf, year } : null;
  const query = useDashboard(input);
  const inspections = useDashboardInspections(input);
  const ratings = useLastDecidedRatings(orgId, year, isToday ? null : asOf);
  const admission = useDashboardAdmission(orgId, year, asOf);
  const d = query.data;
  const links = useDashboardLinks({
    organisationId: d?.organisation.id ?? orgId ?? '',
    year,
    from: d?.from ?? `${year}-01-01`,
    to: d?.to ?? asOf,
  });
  const list = decodeFigureList(params.get('list'));
  // once opened, the drawer stays mounted, so that closing it animates
  const drawerUsed = useRef(false);
  if (list) drawerUsed.current = true;

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('dashboard.title') })}</title>
      <div>
        <h1 className="page-title">
          <LightIcon name="Dashboard" /> {t('dashboard.title')}
        </h1>
        <SecondaryText testId="dashboard-subtitle">
          {d
            ? t('dashboard.subtitle', {
                name: d.organisation.name,
                year: d.year,
                from: f.date(d.from),
                to: f.date(d.to),
                asOf: f.date(d.asOf),
              })
            : t('app.loading')}
        </SecondaryText>
      </div>
      <OrganisationYearFilter
        page="dashboard"
        asOf={asOf}
        organisationId={orgId}
        year={year}
        latest={latest}
        onChange={(p) => update({ ...p, list: null })}
      />
      {d && d.organisation.ancestors.length > 0 && (
        <nav aria-label={t('dashboard.breadcrumb')} data-testid="dashboard-breadcrumb">
          <LightBreadcrumb
            items={[
              ...d.organisation.ancestors.map((a) => ({
                key: a.id,
                title: <Link to={links.dashboard(a.id)}>{a.name}</Link>,
              })),
              { key: d.organisation.id, title: <span aria-current="page">{d.organisation.name}</span> },
            ]}
          />
        </nav>
      )}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !d ? (
        <LightSkeleton rows={12} />
      ) : (
        <>
          <div className="dash-areas" data-testid="dashboard-areas">
            <div className="dash-areas__xl-half">
              <MembersCard
                data={d.members}
                year={d.year}
                admission={admission.data}
                links={links}
                onOpen={(l) => update({ list: encodeFigureList(l) })}
              />
            </div>
            <div className="dash-areas__xl-half">
              <div className="section-gap">
                <MeetingsCard data={d.meetings} links={links} onOpen={(l) => update({ list: encodeFigureList(l) })} />
                <VisitsCard data={d.visits} links={links} onOpen={(l) => update({ list: encodeFigureList(l) })} />
              </div>
            </div>
            <div>
              <InspectionsCard
                data={inspections.data}
                error={inspections.error}
                onRetry={() => void inspections.refetch()}
                links={links}
              />
            </div>
            <div>
              <AlertsCard data={d.alerts} links={links} />
            </div>
            <div className="dash-areas__full">
              <RatingsCard
                data={ratings.data}
                error={ratings.error}
                onRetry={() => void ratings.refetch()}
                links={links}
              />
            </div>
          </div>
          {d.children.length > 0 && (
            <LightCard
              title={<h2 className="card-title">{t('dashboard.children.title')}</h2>}
              testId="dashboard-children"
            >
              <ChildrenTable rows={d.children} links={links} />
            </LightCard>
          )}
          {drawerUsed.current && (
            <Suspense fallback={null}>
              <FigureDrawer
                list={list}
                scope={{
                  organisationId: d.organisation.id,
                  asOf: d.asOf,
                  year: d.year,
                  from: d.from,
                  to: d.to,
                  yearStart: d.members.yearStart,
                }}
                onClose={() => update({ list: null })}
              />
            </Suspense>
          )}
        </>
      )}
    </div>
  );
};
