import {
  AuditOutlined,
  CalendarOutlined,
  FileExcelOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App, Breadcrumb, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { readsCommittee, useViewer, writesOrganisation } from '../../../lib/viewer';
import { OrganisationActions } from '../components/organisation-actions';
import { useExportOrganisations } from '../api/export-organisations';
import { useOrganisation } from '../api/get-organisation';
import { CellVisitors } from '../components/cell-visitors';
import { ChildrenTable } from '../components/children-table';
import { CommitteeTable } from '../components/committee-table';
import { OrganisationFacts } from '../components/organisation-facts';
import { OrganisationFlags } from '../components/organisation-flags';
import { OrganisationHistory } from '../components/organisation-history';
import { SubtreeCounts } from '../components/subtree-counts';

export const OrganisationRoute = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const href = useAppHref();
  const query = useOrganisation(id, asOf);
  const exportOrganisations = useExportOrganisations();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const viewer = useViewer();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  // cells hold meetings; higher levels see their cells' meetings and who is behind
  const isCell = o.kind === 'GRASSROOTS_CELL' || o.kind === 'SUBORDINATE_CELL';
  const canWrite = writesOrganisation(
    viewer.data,
    o.id,
    o.ancestors.map((a) => a.id),
  );

  return (
    <article className="section-gap" aria-labelledby="organisation-title" data-testid="organisation-page">
      <title>{t('app.pageTitle', { page: o.name })}</title>
      <Breadcrumb
        aria-label={t('organisation.breadcrumb')}
        items={[
          ...o.ancestors.map((a) => ({ key: a.id, title: <Link to={href(paths.organisation(a.id))}>{a.name}</Link> })),
          { key: o.id, title: o.name },
        ]}
      />
      <Flex wrap gap={12} align="center" justify="space-between">
        <div>
          <Typography.Title level={1} id="organisation-title" style={{ fontSize: 24, margin: 0 }}>
            {o.name}
          </Typography.Title>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            <Tag color="red">{t(`organisation.kind.${o.kind}`)}</Tag>
            {o.levelName && <Tag>{o.levelName}</Tag>}
            {o.dissolvedOn && <Tag color="default">{t('organisation.dissolved')}</Tag>}
          </Flex>
        </div>
        <Flex wrap gap={16}>
          <Link to={withParams(href(paths.members), { org: o.id })} data-testid="organisation-members-link">
            <TeamOutlined aria-hidden /> {t('organisation.memberListLink')}
          </Link>
          <Link to={withParams(href(paths.meetings), { org: o.id })} data-testid="organisation-meetings-link">
            <CalendarOutlined aria-hidden />{' '}
            {isCell ? t('organisation.meetingsLink') : t('organisation.subtreeMeetingsLink')}
          </Link>
          {!isCell && (
            <Link to={withParams(href(paths.compliance), { org: o.id })} data-testid="organisation-compliance-link">
              <AuditOutlined aria-hidden /> {t('organisation.complianceLink')}
            </Link>
          )}
          {o.kind !== 'PARTY_GROUP' && (
            <Link
              to={withParams(href(isCell ? paths.inspectionRecords : paths.inspections), { org: o.id })}
              data-testid="organisation-inspections-link"
            >
              <SafetyCertificateOutlined aria-hidden />{' '}
              {isCell ? t('inspections.orgLink.cell') : t('inspections.orgLink.committee')}
            </Link>
          )}
        </Flex>
      </Flex>
      {canWrite && <OrganisationActions organisation={o} />}
      <OrganisationFlags flags={o.flags} />
      <OrganisationFacts organisation={o} asOf={asOf} />
      <SubtreeCounts counts={o.subtreeCounts} asOf={asOf} kind={o.kind} />
      <CommitteeTable
        kind={o.kind}
        hasCellCommittee={o.hasCellCommittee}
        seats={o.committee}
        organisationId={o.id}
        canWrite={canWrite && !o.dissolvedOn}
      />
      {/* who follows the cell is the committee's: a member reading their own cell is not shown it (the API neither) */}
      {isCell && (canWrite || readsCommittee(viewer.data)) && (
        <CellVisitors cellId={o.id} canWrite={canWrite && !o.dissolvedOn} />
      )}
      <ChildrenTable
        items={o.children}
        extra={
          <Button
            size="small"
            icon={<FileExcelOutlined aria-hidden />}
            loading={exportOrganisations.isPending}
            title={t('organisation.children.exportHint')}
            data-testid="organisations-export"
            onClick={() =>
              exportOrganisations.mutate(
                { underId: o.id, asOf, fileName: t('organisation.children.fileName', { code: o.code, date: asOf }) },
                { onError: (e) => void toast.error(errorMessage(e)) },
              )
            }
          >
            {t('organisation.children.export')}
          </Button>
        }
      />
      <OrganisationHistory changes={o.history} />
    </article>
  );
};
