import { DashboardOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { useFormat } from '../../../lib/use-format';
import { useDashboard, useDashboardAdmission, useDashboardInspections, useLastDecidedRatings } from '../api/get-dashboard';
import { AlertsCard } from '../components/alerts-card';
import { ChildrenTable } from '../components/children-table';
import { FigureDrawer } from '../components/figure-drawer';
import { InspectionsCard } from '../components/inspections-card';
import { MeetingsCard } from '../components/meetings-card';
import { MembersCard } from '../components/members-card';
import { RatingsCard } from '../components/ratings-card';
import { VisitsCard } from '../components/visits-card';
import { OrganisationYearFilter, useOrganisationYear } from '../components/organisation-year-filter';
import { decodeFigureList, encodeFigureList } from '../utils/figure-list';
import { useDashboardLinks } from '../utils/links';

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
  const links = useDashboardLinks({ organisationId: d?.organisation.id ?? orgId ?? '', year, from: d?.from ?? `${year}-01-01`, to: d?.to ?? asOf });
  const list = decodeFigureList(params.get('list'));

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('dashboard.title') })}</title>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          <DashboardOutlined aria-hidden /> {t('dashboard.title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="dashboard-subtitle">
          {d
            ? t('dashboard.subtitle', { name: d.organisation.name, year: d.year, from: f.date(d.from), to: f.date(d.to), asOf: f.date(d.asOf) })
            : t('app.loading')}
        </Typography.Text>
      </div>
      <OrganisationYearFilter page="dashboard" asOf={asOf} organisationId={orgId} year={year} latest={latest} onChange={(p) => update({ ...p, list: null })} />
      {d && d.organisation.ancestors.length > 0 && (
        <nav aria-label={t('dashboard.breadcrumb')} data-testid="dashboard-breadcrumb">
          <Breadcrumb
            items={[
              ...d.organisation.ancestors.map((a) => ({ key: a.id, title: <Link to={links.dashboard(a.id)}>{a.name}</Link> })),
              { key: d.organisation.id, title: <span aria-current="page">{d.organisation.name}</span> },
            ]}
          />
        </nav>
      )}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="dashboard-areas">
            <Col xs={24} xl={12}>
              <MembersCard data={d.members} year={d.year} admission={admission.data} links={links} onOpen={(l) => update({ list: encodeFigureList(l) })} />
            </Col>
            <Col xs={24} xl={12}>
              <div className="section-gap">
                <MeetingsCard data={d.meetings} links={links} onOpen={(l) => update({ list: encodeFigureList(l) })} />
                <VisitsCard data={d.visits} links={links} onOpen={(l) => update({ list: encodeFigureList(l) })} />
              </div>
            </Col>
            <Col xs={24} lg={12}>
              <InspectionsCard data={inspections.data} error={inspections.error} onRetry={() => void inspections.refetch()} links={links} />
            </Col>
            <Col xs={24} lg={12}>
              <AlertsCard data={d.alerts} links={links} />
            </Col>
            <Col xs={24}>
              <RatingsCard data={ratings.data} error={ratings.error} onRetry={() => void ratings.refetch()} links={links} />
            </Col>
          </Row>
          {d.children.length > 0 && (
            <Card size="small" title={<h2 className="card-title">{t('dashboard.children.title')}</h2>} data-testid="dashboard-children">
              <ChildrenTable rows={d.children} links={links} />
            </Card>
          )}
          <FigureDrawer
            list={list}
            scope={{ organisationId: d.organisation.id, asOf: d.asOf, year: d.year, from: d.from, to: d.to, yearStart: d.members.yearStart }}
            onClose={() => update({ list: null })}
          />
        </>
      )}
    </div>
  );
};
