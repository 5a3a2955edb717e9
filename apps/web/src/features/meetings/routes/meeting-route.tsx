import '../locale';
import { Alert, Breadcrumb, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MeetingKindTag, MeetingStateTag } from '../../../components/meeting-tags';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { usePolicy } from '../../../lib/policy';
import { useFormat } from '../../../lib/use-format';
import { useViewer, writesOrganisation } from '../../../lib/viewer';
import { useCellMembers } from '../api/get-cell-members';
import { useMeeting } from '../api/get-meeting';
import { useMyAssignments } from '../api/get-my-assignments';
import { useOrganisationInfo } from '../api/get-organisation-info';
import { MeetingActions } from '../components/meeting-actions';
import { MeetingAmendments } from '../components/meeting-amendments';
import { MeetingDocuments } from '../components/meeting-documents';
import { MeetingFlags } from '../components/meeting-flags';
import { MeetingPlanCard } from '../components/meeting-plan-card';
import { MeetingRecordForm } from '../components/meeting-record-form';
import { MeetingVisits } from '../components/meeting-visits';
import { timeRange, weekdayOf } from '../utils/meeting-format';

export const MeetingRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const query = useMeeting(id, asOf);
  const m = query.data;
  const viewer = useViewer();
  // the cell, its members and its policy as they stood on the meeting date
  const cell = useOrganisationInfo(m?.organisationId, m?.date ?? asOf);
  const members = useCellMembers(m?.organisationId, m?.date);
  const policy = usePolicy(m?.organisationId, m?.date ?? asOf);
  const assignments = useMyAssignments(viewer.data?.id, asOf);
  const memberMap = useMemo(() => new Map((members.data ?? []).map((x) => [x.id, x])), [members.data]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !m) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const canWrite = Boolean(
    cell.data &&
    writesOrganisation(
      viewer.data,
      cell.data.id,
      cell.data.ancestors.map((a) => a.id),
    ),
  );
  const canVisit = (assignments.data ?? []).some(
    (a) => a.cellId === m.organisationId && a.from <= m.date && (!a.to || m.date < a.to),
  );
  const cellName = cell.data?.name ?? m.organisation?.name ?? null;
  const calendarHref = withParams(href(paths.meetings), { org: m.organisationId });
  // the record form waits for the members (its sheet lists them); a visitor who may not read them gets the records only
  const membersSettled = !members.isPending || members.fetchStatus === 'idle';

  return (
    <article className="section-gap" aria-labelledby="meeting-title" data-testid="meeting-page">
      <title>{t('app.pageTitle', { page: m.title })}</title>
      <Breadcrumb
        items={[
          { key: 'calendar', title: <Link to={calendarHref}>{t('meetings.calendar.title')}</Link> },
          ...(cellName ? [{ key: 'cell', title: <Link to={calendarHref}>{cellName}</Link> }] : []),
          { key: 'me', title: m.title },
        ]}
      />
      <div>
        <Typography.Title level={1} id="meeting-title" style={{ fontSize: 24, margin: 0 }}>
          {m.title}
        </Typography.Title>
        <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
          <MeetingKindTag kind={m.kind} />
          <MeetingStateTag state={m.state} />
          <Typography.Text type="secondary">
            {[
              `${weekdayOf(m.date, f.lng)}, ${f.date(m.date)}`,
              timeRange(m.actualStart ?? m.startTime, m.actualEnd ?? m.endTime),
              m.place,
              cellName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      </div>
      <MeetingActions meeting={m} canWrite={canWrite} canVisit={canVisit} />
      {m.state === 'CANCELLED' && (
        <Alert
          type="error"
          showIcon
          title={t('meetings.cancelledReason', { reason: m.cancelledReason ?? t('common.none') })}
        />
      )}
      <MeetingFlags flags={m.flags} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <div className="section-gap">
            <MeetingPlanCard
              meeting={m}
              members={memberMap}
              canEdit={canWrite && (m.state === 'PLANNED' || m.state === 'HELD')}
            />
            {m.state !== 'CANCELLED' &&
              (membersSettled && policy.data ? (
                <MeetingRecordForm meeting={m} members={members.data} policy={policy.data} canWrite={canWrite} />
              ) : (
                <Skeleton active paragraph={{ rows: 8 }} />
              ))}
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <div className="section-gap">
            {m.state !== 'CANCELLED' && (
              <MeetingDocuments meeting={m} canEdit={canWrite && (m.state === 'PLANNED' || m.state === 'HELD')} />
            )}
            <MeetingVisits visits={m.visitRecords} />
            <MeetingAmendments amendments={m.amendments} />
          </div>
        </Col>
      </Row>
    </article>
  );
};
