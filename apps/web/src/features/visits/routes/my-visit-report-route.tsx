import '../locale';
import { SendOutlined } from '@ant-design/icons';
import { FilterForm } from '../../../components/filter-form';
import { formatMonth } from '../../../lib/format';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso, useAsOf } from '../../../lib/as-of';
import { isMonthKey, lastDayOfMonth, useUrlParams } from '../../../lib/url-params';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useSession } from '../../../lib/use-session';
import { useMyAssignments } from '../api/get-assignments';
import { useMyVisits } from '../api/get-my-visits';
import { useMyReportLine } from '../api/get-visit-report';
import { useSubmitVisitReport } from '../api/visit-mutations';
import { VisitReportStateTag } from '../components/visit-report-state-tag';
import { VisitsTable } from '../components/visits-table';
import { MonthPicker } from '../../../components/month-picker';

// /visits/report?month=YYYY-MM: the visitor's monthly report to the standing committee, then "Nộp báo cáo".
export const MyVisitReportRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message } = useErrorMessage();
  const { asOf } = useAsOf();
  const session = useSession();
  const userId = session?.viewer.id;
  const { params, update } = useUrlParams();
  const month = isMonthKey(params.get('month')) ? (params.get('month') as string) : todayIso().slice(0, 7);
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const assignments = useMyAssignments(userId, asOf);
  const visits = useMyVisits(userId, first, last, asOf);
  const active = (assignments.data ?? []).filter(
    (a) => a.visitorUserId === userId && a.from <= last && (!a.to || a.to > first),
  );
  const line = useMyReportLine(userId, active[0]?.cellId, month, asOf);
  const submit = useSubmitVisitReport();
  const [note, setNote] = useState('');
  const [submittedNow, setSubmittedNow] = useState<string | null>(null);

  const items = visits.data ?? [];
  const scored = items.filter((v) => v.total !== null).length;
  const unscored = items.filter((v) => v.attended && v.total === null).length;
  const visitedCells = new Set(items.map((v) => v.cellId));
  const notVisited = active.filter((a) => !visitedCells.has(a.cellId)).length;

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('visits.myReport.title') })}</title>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('visits.myReport.title')}
      </Typography.Title>
      <Card size="small">
        <FilterForm
          compact
          fields={[
            {
              id: 'report-month',
              label: t('visits.month'),
              md: 8,
              control: <MonthPicker id="report-month" month={month} onChange={(m) => update({ month: m })} />,
            },
          ]}
        />
      </Card>
      {visits.isError ? (
        <QueryError error={visits.error} onRetry={() => void visits.refetch()} />
      ) : visits.isPending || assignments.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2, md: 3 }}
            data-testid="my-report-summary"
            items={[
              { key: 'cells', label: t('visits.report.assignedCells'), children: f.number(active.length) },
              { key: 'visits', label: t('visits.report.visits'), children: f.number(items.length) },
              { key: 'scored', label: t('visits.report.scored'), children: f.number(scored) },
              { key: 'unscored', label: t('visits.report.unscored'), children: f.number(unscored) },
              { key: 'notVisited', label: t('visits.myReport.cellsWithoutVisit'), children: f.number(notVisited) },
              {
                key: 'state',
                label: t('visits.report.state'),
                children: line.data ? (
                  <Flex wrap gap={4} align="center">
                    <VisitReportStateTag state={line.data.state} />
                    <span>{t('visits.report.dueOn', { date: f.date(line.data.dueOn) })}</span>
                  </Flex>
                ) : submittedNow ? (
                  t('visits.myReport.submittedOn', { date: f.date(submittedNow) })
                ) : (
                  t('visits.myReport.stateUnknown')
                ),
              },
            ]}
          />
          <Card
            size="small"
            title={<h2 className="card-title">{t('visits.myReport.visits', { month: formatMonth(month) })}</h2>}
          >
            <VisitsTable visits={items} showCell empty={t('visits.myReport.noVisits')} />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('visits.myReport.submitTitle')}</h2>}>
            <Form layout="vertical" component="div">
              {submit.error != null && (
                <Alert type="error" showIcon role="alert" title={message(submit.error)} style={{ marginBottom: 12 }} />
              )}
              {month > todayIso().slice(0, 7) && (
                <Alert type="info" showIcon title={t('visits.myReport.future')} style={{ marginBottom: 12 }} />
              )}
              <Form.Item label={t('visits.myReport.note')} htmlFor="report-note">
                <Input.TextArea
                  id="report-note"
                  value={note}
                  autoSize={{ minRows: 3 }}
                  maxLength={2000}
                  onChange={(e) => setNote(e.target.value)}
                />
              </Form.Item>
              <Flex justify="end">
                <Button
                  type="primary"
                  icon={<SendOutlined aria-hidden />}
                  loading={submit.isPending}
                  data-testid="submit-report"
                  onClick={() =>
                    submit.mutate(
                      { month, ...(note.trim() ? { note: note.trim() } : {}) },
                      {
                        onSuccess: () => {
                          setSubmittedNow(todayIso());
                          void toast.success(t('visits.myReport.submitted', { month: formatMonth(month) }));
                        },
                      },
                    )
                  }
                >
                  {t('visits.myReport.submit', { month: formatMonth(month) })}
                </Button>
              </Flex>
            </Form>
          </Card>
        </>
      )}
    </div>
  );
};
