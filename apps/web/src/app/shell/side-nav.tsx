import { useTranslation } from 'react-i18next';
import { useLocation, useMatch } from 'react-router-dom';
import { LightIcon } from '../../components/ui/light-icon';
import { LightMenu } from '../../components/ui/light-menu';
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
  const selected =
    pathname === paths.inspections
      ? 'inspections'
      : pathname.startsWith(`${paths.inspections}/`)
        ? 'inspectionRecords'
        : section;
  const rated = pathname.startsWith(paths.myRatings)
    ? 'myRating'
    : pathname.startsWith(paths.ratings)
      ? 'ratings'
      : selected;
  const current = pathname.startsWith(paths.dues)
    ? 'dues'
    : pathname.startsWith(paths.dashboard)
      ? 'dashboard'
      : pathname.startsWith(paths.alerts)
        ? 'alerts'
        : pathname.startsWith(paths.admin)
          ? 'admin'
          : pathname.startsWith(paths.import)
            ? 'import'
            : rated;
  const ownMemberId = viewer.data?.grants.find((g) => g.role === 'MEMBER' && g.memberId)?.memberId ?? null;
  const selectedKey = ownMemberId && pathname === paths.member(ownMemberId) ? 'myRecord' : current;
  const member = Boolean(ownMemberId);

  return (
    <nav aria-label={t('nav.label')} className="app-sider-body">
      <LightMenu
        selectedKey={selectedKey}
        defaultOpenKeys={['inspectionsGroup']}
        onClick={() => onNavigate?.()}
        items={[
          ...(committee || secretary
            ? [
                {
                  key: 'dashboard',
                  icon: <LightIcon name="Dashboard" />,
                  to: href(paths.dashboard),
                  label: t('nav.dashboard'),
                },
                {
                  key: 'alerts',
                  icon: <LightIcon name="Bell" />,
                  to: href(paths.alerts),
                  label: t('nav.alerts'),
                },
              ]
            : []),
          {
            key: 'organisations',
            icon: <LightIcon name="Apartment" />,
            to: href(paths.organisations),
            label: t('nav.organisations'),
          },
          {
            key: 'members',
            icon: <LightIcon name="Team" />,
            to: href(paths.members),
            label: t('nav.members'),
          },
          {
            key: 'meetings',
            icon: <LightIcon name="Calendar" />,
            to: href(paths.meetings),
            label: t('nav.meetings'),
          },
          ...(visitor
            ? [
                {
                  key: 'visits',
                  icon: <LightIcon name="Star" />,
                  to: href(paths.visits),
                  label: t('nav.visits'),
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'compliance',
                  icon: <LightIcon name="Audit" />,
                  to: href(paths.compliance),
                  label: t('nav.compliance'),
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'inspectionsGroup',
                  icon: <LightIcon name="SafetyCertificate" />,
                  label: t('nav.inspections'),
                  children: [
                    { key: 'inspections', to: href(paths.inspections), label: t('nav.inspectionTracker') },
                    { key: 'inspectionRecords', to: href(paths.inspectionRecords), label: t('nav.inspectionRecords') },
                  ],
                },
              ]
            : []),
          ...(committee
            ? [
                {
                  key: 'visitReport',
                  icon: <LightIcon name="FileDone" />,
                  to: href(paths.visitReport),
                  label: t('nav.visitReport'),
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'ratings',
                  icon: <LightIcon name="Trophy" />,
                  to: href(paths.ratings),
                  label: t('nav.ratings'),
                },
              ]
            : []),
          ...(committee || secretary
            ? [
                {
                  key: 'dues',
                  icon: <LightIcon name="Wallet" />,
                  to: href(paths.dues),
                  label: t('nav.dues'),
                },
              ]
            : []),
          ...(ownMemberId
            ? [
                {
                  key: 'myRecord',
                  icon: <LightIcon name="Idcard" />,
                  to: href(paths.member(ownMemberId)),
                  testId: 'nav-my-record',
                  label: t('nav.myRecord'),
                },
              ]
            : []),
          ...(member
            ? [
                {
                  key: 'myRating',
                  icon: <LightIcon name="Trophy" />,
                  to: href(paths.myRatings),
                  label: t('nav.myRating'),
                },
              ]
            : []),
          ...(viewer.data?.isAdmin || viewer.data?.grants.some((g) => g.role === 'COMMITTEE_WRITE')
            ? [
                {
                  key: 'import',
                  icon: <LightIcon name="Import" />,
                  to: href(paths.import),
                  testId: 'nav-import',
                  label: t('nav.import'),
                },
              ]
            : []),
          ...(viewer.data?.isAdmin
            ? [
                {
                  key: 'admin',
                  icon: <LightIcon name="Setting" />,
                  to: href(paths.admin),
                  testId: 'nav-admin',
                  label: t('nav.admin'),
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
