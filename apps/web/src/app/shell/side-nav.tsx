import { ApartmentOutlined, AuditOutlined, IdcardOutlined, ImportOutlined, SettingOutlined, BellOutlined, CalendarOutlined, DashboardOutlined, FileDoneOutlined, SafetyCertificateOutlined, StarOutlined, TeamOutlined, TrophyOutlined, WalletOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useMatch } from 'react-router-dom';
import { OrganisationTree } from '../../features/organisations/components/organisation-tree';
import { useMyAssignments } from '../../features/visits/api/get-assignments';
import { useAsOf } from '../../lib/as-of';
import { paths, useAppHref } from '../../lib/paths';
import { useSession } from '../../lib/use-session';
import { readsCommittee, useViewer } from '../../lib/viewer';

type Props = { onNavigate?: () => void };

export const SideNav = ({ onNavigate }: Props) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const { pathname } = useLocation();
  const { asOf } = useAsOf();
  const orgMatch = useMatch('/organisations/:id');
  const viewer = useViewer();
  // the user id is known from the session: no need to wait for the viewer's grants
  const session = useSession();
  const assignments = useMyAssignments(session?.viewer.id ?? viewer.data?.id, asOf);
  const committee = readsCommittee(viewer.data);
  const secretary = Boolean(viewer.data?.grants.some((g) => g.role === 'CELL_SECRETARY'));
  const visitor = (assignments.data ?? []).some((a) => a.visitorUserId === viewer.data?.id);
  const section = pathname.startsWith(paths.members)
    ? 'members'
    : pathname.startsWith(paths.visits) || /^\/meetings\/[^/]+\/visit/.test(pathname)
      ? 'visits'
      : pathname.startsWith(paths.meetings)
        ? 'meetings'
        : pathname.startsWith(paths.compliance)
          ? 'compliance'
          : pathname.startsWith(paths.visitReport)
            ? 'visitReport'
            : 'organisations';
  // the tracker is /inspections; the records and a record are under /inspections/…
  const selected = pathname === paths.inspections ? 'inspections' : pathname.startsWith(`${paths.inspections}/`) ? 'inspectionRecords' : section;
  const rated = pathname.startsWith(paths.myRatings) ? 'myRating' : pathname.startsWith(paths.ratings) ? 'ratings' : selected;
  const current = pathname.startsWith(paths.dues) ? 'dues' : pathname.startsWith(paths.dashboard) ? 'dashboard' : pathname.startsWith(paths.alerts) ? 'alerts' : pathname.startsWith(paths.admin) ? 'admin' : pathname.startsWith(paths.import) ? 'import' : rated;
  const ownMemberId = viewer.data?.grants.find((g) => g.role === 'MEMBER' && g.memberId)?.memberId ?? null;
  const selectedKey = ownMemberId && pathname === paths.member(ownMemberId) ? 'myRecord' : current;
  const member = Boolean(ownMemberId);

  return (
    <nav aria-label={t('nav.label')} className="app-sider-body">
      <Menu
        mode="inline"
        selectedKeys={[selectedKey]}
        defaultOpenKeys={['inspectionsGroup']}
        style={{ borderInlineEnd: 0 }}
        onClick={() => onNavigate?.()}
        items={[
          ...(committee || secretary
            ? [
                {
                  key: 'dashboard',
                  icon: <DashboardOutlined aria-hidden />,
                  label: <Link to={href(paths.dashboard)}>{t('nav.dashboard')}</Link>,
                },
                {
                  key: 'alerts',
                  icon: <BellOutlined aria-hidden />,
                  label: <Link to={href(paths.alerts)}>{t('nav.alerts')}</Link>,
                },
              ]
            : []),
          {
            key: 'organisations',
            icon: <ApartmentOutlined aria-hidden />,
            label: <Link to={href(paths.organisations)}>{t('nav.organisations')}</Link>,
          },
          {
            key: 'members',
            icon: <TeamOutlined aria-hidden />,
            label: <Link to={href(paths.members)}>{t('nav.members')}</Link>,
          },
          {
            key: 'meetings',
            icon: <CalendarOutlined aria-hidden />,
            label: <Link to={href(paths.meetings)}>{t('nav.meetings')}</Link>,
          },
          ...(visitor
            ? [
                {
                  key: 'visits',
                  icon: <StarOutlined aria-hidden />,
                  label: <Link to={href(paths.visits)}>{t('nav.visits')}</Link>,
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'compliance',
                  icon: <AuditOutlined aria-hidden />,
                  label: <Link to={href(paths.compliance)}>{t('nav.compliance')}</Link>,
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'inspectionsGroup',
                  icon: <SafetyCertificateOutlined aria-hidden />,
                  label: t('nav.inspections'),
                  children: [
                    { key: 'inspections', label: <Link to={href(paths.inspections)}>{t('nav.inspectionTracker')}</Link> },
                    { key: 'inspectionRecords', label: <Link to={href(paths.inspectionRecords)}>{t('nav.inspectionRecords')}</Link> },
                  ],
                },
              ]
            : []),
          ...(committee
            ? [
                {
                  key: 'visitReport',
                  icon: <FileDoneOutlined aria-hidden />,
                  label: <Link to={href(paths.visitReport)}>{t('nav.visitReport')}</Link>,
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'ratings',
                  icon: <TrophyOutlined aria-hidden />,
                  label: <Link to={href(paths.ratings)}>{t('nav.ratings')}</Link>,
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'dues',
                  icon: <WalletOutlined aria-hidden />,
                  label: <Link to={href(paths.dues)}>{t('nav.dues')}</Link>,
                },
              ]
            : []),
          ...(ownMemberId
            ? [
                {
                  key: 'myRecord',
                  icon: <IdcardOutlined aria-hidden />,
                  label: <Link to={href(paths.member(ownMemberId))} data-testid="nav-my-record">{t('nav.myRecord')}</Link>,
                },
              ]
            : []),
          ...(member
            ? [
                {
                  key: 'myRating',
                  icon: <TrophyOutlined aria-hidden />,
                  label: <Link to={href(paths.myRatings)}>{t('nav.myRating')}</Link>,
                },
              ]
            : []),
          ...(viewer.data?.isAdmin || viewer.data?.grants.some((g) => g.role === 'COMMITTEE_WRITE')
            ? [
                {
                  key: 'import',
                  icon: <ImportOutlined aria-hidden />,
                  label: <Link to={href(paths.import)} data-testid="nav-import">{t('nav.import')}</Link>,
                },
              ]
            : []),
          ...(viewer.data?.isAdmin
            ? [
                {
                  key: 'admin',
                  icon: <SettingOutlined aria-hidden />,
                  label: <Link to={href(paths.admin)} data-testid="nav-admin">{t('nav.admin')}</Link>,
                },
              ]
            : []),
        ]}
      />
      <h2 className="app-tree__title" id="org-tree-title">
        {t('organisation.tree.title')}
      </h2>
      <div className="app-tree">
        {/* keyed by date: the tree as it was on another day is a different tree */}
        <OrganisationTree
          key={asOf}
          asOf={asOf}
          selectedId={orgMatch?.params.id ?? null}
          labelledBy="org-tree-title"
          onNavigate={onNavigate}
        />
      </div>
    </nav>
  );
};
