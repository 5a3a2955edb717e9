import { Alert, Breadcrumb, Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import { useViewer, writesOrganisation } from '../../../lib/viewer';
import { useInspection } from '../api/get-inspections';
import { ConcludeInspectionForm } from '../components/conclude-inspection-form';
import { InspectionActions } from '../components/inspection-actions';
import { InspectionDetails } from '../components/inspection-details';
import { InspectionDisciplines } from '../components/inspection-disciplines';
import { InspectionSubjects } from '../components/inspection-subjects';
import { InspectingBodyTag, InspectionStateTag, InspectionTypeTag } from '../components/inspection-tags';

// /inspections/:id: one inspection or supervision, its plan, subjects and findings, conclusion and discipline, with
// the actions its state allows (start, conclude, cancel) for those who may write there.
export const InspectionRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const { id = '' } = useParams();
  const query = useInspection(id);
  const viewer = useViewer();
  const [concluding, setConcluding] = useState(false);
  const i = query.data;

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !i) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const org = i.organisation;
  const canWrite = Boolean(
    org &&
    writesOrganisation(
      viewer.data,
      org.id,
      org.ancestors.map((a) => a.id),
    ),
  );
  const year = (i.concludedOn ?? i.startedOn ?? i.plannedFrom).slice(0, 4);
  const recordsHref = withParams(href(paths.inspectionRecords), { org: i.organisationId, year });

  return (
    <article className="section-gap" aria-labelledby="inspection-title" data-testid="inspection-page">
      <title>{t('app.pageTitle', { page: i.title })}</title>
      <Breadcrumb
        items={[
          {
            key: 'tracker',
            title: <Link to={withParams(href(paths.inspections), { year })}>{t('inspections.tracker.title')}</Link>,
          },
          { key: 'records', title: <Link to={recordsHref}>{org ? org.name : t('inspections.records.title')}</Link> },
          { key: 'me', title: i.title },
        ]}
      />
      <div>
        <Typography.Title level={1} id="inspection-title" style={{ fontSize: 24, margin: 0 }}>
          {i.title}
        </Typography.Title>
        <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
          <InspectionStateTag state={i.state} />
          <InspectionTypeTag type={i.type} />
          <InspectingBodyTag body={i.body} />
          {i.countsTowardTarget && <Tag color="blue">{t('inspections.detail.counts')}</Tag>}
          <Typography.Text type="secondary">
            {org ? <Link to={href(paths.organisation(org.id))}>{org.name}</Link> : t('common.unknownOrganisation')}
            {' · '}
            {i.concludedOn
              ? t('inspections.detail.concludedOn', { date: f.date(i.concludedOn) })
              : i.startedOn
                ? t('inspections.detail.startedOn', { date: f.date(i.startedOn) })
                : t('inspections.detail.plannedFrom', { date: f.date(i.plannedFrom) })}
          </Typography.Text>
        </Flex>
      </div>
      <InspectionActions
        inspection={i}
        canWrite={canWrite}
        concluding={concluding}
        onConclude={() => setConcluding(true)}
      />
      {i.state === 'CANCELLED' && (
        <Alert
          type="error"
          showIcon
          title={t('inspections.detail.cancelledReason', { reason: i.cancelledReason ?? t('common.none') })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <div className="section-gap">
            {concluding && (i.state === 'PLANNED' || i.state === 'IN_PROGRESS') ? (
              <ConcludeInspectionForm
                inspection={i}
                onDone={() => setConcluding(false)}
                onCancel={() => setConcluding(false)}
              />
            ) : (
              <>
                {i.state === 'CONCLUDED' && (
                  <Card
                    size="small"
                    title={<h2 className="card-title">{t('inspections.detail.conclusion')}</h2>}
                    data-testid="inspection-conclusion"
                  >
                    <Typography.Paragraph className="pre-line">{i.conclusion}</Typography.Paragraph>
                    {i.recommendation && (
                      <>
                        <Typography.Text strong>{t('inspections.fields.recommendation')}</Typography.Text>
                        <Typography.Paragraph className="pre-line">{i.recommendation}</Typography.Paragraph>
                      </>
                    )}
                  </Card>
                )}
                <InspectionSubjects subjects={i.subjects} />
              </>
            )}
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <div className="section-gap">
            <InspectionDetails inspection={i} />
            <InspectionDisciplines disciplines={i.disciplines} subjects={i.subjects} />
          </div>
        </Col>
      </Row>
    </article>
  );
};
