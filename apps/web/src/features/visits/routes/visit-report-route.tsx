import '../locale';
import { FileExcelOutlined } from '@ant-design/icons';
import { FilterForm } from '../../../components/filter-form';
import { formatMonth } from '../../../lib/format';
import { Alert, Button, Card, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrganisationLink } from '../../../components/organisation-link';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { PrintReportButton } from '../../../components/print-report-button';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso, useAsOf } from '../../../lib/as-of';
import { paths, withParams } from '../../../lib/paths';
import { isMonthKey, lastDayOfMonth, useUrlParams } from '../../../lib/url-params';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useExportVisitCoverage } from '../api/export-visit-coverage';
import { useExportVisitReport } from '../api/export-visit-report';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useVisitReport } from '../api/get-visit-report';
import type { VisitReportLine } from '../api/get-visit-report';
import { VisitReportStateTag } from '../components/visit-report-state-tag';
import { VisitsTable } from '../components/visits-table';
import { MonthPicker } from '../../../components/month-picker';

// /visit-report?org=<id>&month=YYYY-MM: the committee's monthly report on its visitors, with the same report
// as an Excel workbook (GET /exports/visit-report.xlsx, Vietnamese headings) to download, or printable
// (/visit-report/print, in a new tab).
export const VisitReportRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf, isToday } = useAsOf();
  const { params, update } = useUrlParams();
  const month = isMonthKey(params.get('month')) ? (params.get('month') as string) : todayIso().slice(0, 7);
  const orgParam = params.get('org');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const report = useVisitReport(orgId, month, asOf);
  const lines = report.data?.lines ?? [];
  const monthEnd = lastDayOfMonth(month);
  const exportXlsx = useExportVisitReport();
  const exportCoverage = useExportVisitCoverage();
  const year = Number(month.slice(0, 4));
  const { message } = useErrorMessage();

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('visits.report.title') })}</title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('visits.report.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!orgId}
            loading={exportXlsx.isPending}
            data-testid="visit-report-xlsx"
            onClick={() =>
              orgId &&
              exportXlsx.mutate({ organisationId: orgId, month, fileName: t('visits.report.fileName', { month }) })
            }
          >
            {t('visits.report.exportXlsx')}
          </Button>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!orgId}
            loading={exportCoverage.isPending}
            data-testid="visit-coverage-xlsx"
            onClick={() =>
              orgId &&
              exportCoverage.mutate({
                organisationId: orgId,
                year,
                asOf,
                fileName: t('visits.report.coverageFileName', { year }),
              })
            }
          >
            {t('visits.report.exportCoverage')}
          </Button>
          <PrintReportButton
            href={
              orgId
                ? withParams(paths.visitReportPrint, { organisationId: orgId, month, asOf: isToday ? null : asOf })
                : undefined
            }
            testId="visit-report-print"
          />
        </Flex>
      </Flex>
      {exportXlsx.error != null && <Alert type="error" showIcon role="alert" title={message(exportXlsx.error)} />}
      {exportCoverage.error != null && (
        <Alert type="error" showIcon role="alert" title={message(exportCoverage.error)} />
      )}
      <Card size="small">
        <FilterForm
          fields={[
            {
              id: 'report-org',
              label: t('visits.report.organisation'),
              md: 14,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="report-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id })}
                />
              ),
            },
            {
              id: 'report-month',
              label: t('visits.month'),
              md: 10,
              control: <MonthPicker id="report-month" month={month} onChange={(m) => update({ month: m })} />,
            },
          ]}
        />
      </Card>
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Card
          size="small"
          title={<h2 className="card-title">{t('visits.report.heading', { month: formatMonth(month) })}</h2>}
        >
          <Table<VisitReportLine>
            rowKey="visitorUserId"
            size="middle"
            dataSource={lines}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('visits.report.empty') }}
            data-testid="visit-report-table"
            expandable={{
              rowExpandable: (l) => l.items.length > 0 || l.cellsNotVisited.length > 0,
              expandedRowRender: (l) => (
                <div className="section-gap">
                  <VisitsTable visits={l.items} showCell empty={t('visits.myReport.noVisits')} />
                  {l.cellsNotVisited.length > 0 && (
                    <div>
                      <strong>{t('visits.report.cellsNotVisited')}: </strong>
                      <Flex wrap gap={8} component="span">
                        {l.cellsNotVisited.map((id) => (
                          <OrganisationLink key={id} id={id} asOf={monthEnd} />
                        ))}
                      </Flex>
                    </div>
                  )}
                </div>
              ),
            }}
            columns={[
              { key: 'name', title: t('visits.report.visitor'), render: (_, l) => <strong>{l.visitorName}</strong> },
              {
                key: 'cells',
                width: 110,
                title: t('visits.report.assignedCells'),
                align: 'right',
                render: (_, l) => f.number(l.assignedCells),
              },
              {
                key: 'visits',
                width: 110,
                title: t('visits.report.visits'),
                align: 'right',
                render: (_, l) => f.number(l.visits),
              },
              {
                key: 'scored',
                width: 110,
                title: t('visits.report.scored'),
                align: 'right',
                render: (_, l) => f.number(l.scored),
              },
              {
                key: 'unscored',
                width: 110,
                title: t('visits.report.unscored'),
                align: 'right',
                render: (_, l) => f.number(l.unscored),
              },
              {
                key: 'notVisited',
                width: 110,
                title: t('visits.report.notVisitedCount'),
                align: 'right',
                render: (_, l) => f.number(l.cellsNotVisited.length),
              },
              {
                key: 'state',
                title: t('visits.report.state'),
                render: (_, l) => <VisitReportStateTag state={l.state} />,
              },
              {
                key: 'due',
                title: t('visits.report.due'),
                render: (_, l) => (
                  <span className="nowrap">
                    {f.date(l.dueOn)}
                    {l.submittedOn && (
                      <Typography.Text type="secondary">
                        {' '}
                        · {t('visits.report.submittedOn', { date: f.date(l.submittedOn) })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
};
