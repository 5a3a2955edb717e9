import '../locale';
import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Form, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso, useAsOf } from '../../../lib/as-of';
import { paths, useAppHref } from '../../../lib/paths';
import { useUrlParams } from '../../../lib/url-params';
import { useSession } from '../../../lib/use-session';
import { useMyAssignments } from '../api/get-assignments';
import { useMyVisits } from '../api/get-my-visits';
import { AssignmentCard } from '../components/assignment-card';
import { MonthRangePicker } from '../../../components/month-picker';

// /visits?from&to: "Dự sinh hoạt": the cells assigned to me and their meetings, with my visit to each.
export const VisitsRoute = () => {
  const { t } = useTranslation();
  const href = useAppHref();
  const navigate = useNavigate();
  const { asOf } = useAsOf();
  const session = useSession();
  const userId = session?.viewer.id;
  const { update, date } = useUrlParams();
  const year = todayIso().slice(0, 4);
  const from = date('from', `${year}-01-01`);
  const to = date('to', `${year}-12-31`);
  const assignments = useMyAssignments(userId, asOf);
  const visits = useMyVisits(userId, from, to, asOf);
  // assignments that overlap the period
  const mine = (assignments.data ?? []).filter(
    (a) => a.visitorUserId === userId && a.from <= to && (!a.to || a.to > from),
  );

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('visits.title') })}</title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('visits.title')}
        </Typography.Title>
        <Button
          icon={<FileTextOutlined aria-hidden />}
          onClick={() => navigate(href(paths.myVisitReport))}
          data-testid="my-report-link"
        >
          {t('visits.myReport.link')}
        </Button>
      </Flex>
      <Card size="small">
        <Form layout="vertical" component="div">
          <Row>
            <Col xs={24} md={12}>
              <Form.Item label={t('meetings.calendar.period')} htmlFor="visits-period" style={{ marginBottom: 0 }}>
                <MonthRangePicker id="visits-period" from={from} to={to} onChange={update} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {assignments.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : assignments.isError ? (
        <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : mine.length === 0 ? (
        <Empty description={t('visits.noAssignments')} />
      ) : (
        mine.map((a, i) => (
          <AssignmentCard
            key={a.id}
            assignment={a}
            index={i}
            from={from}
            to={to}
            asOf={asOf}
            visits={visits.data ?? []}
          />
        ))
      )}
    </div>
  );
};
