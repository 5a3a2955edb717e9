import { FileExcelOutlined, SafetyCertificateOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FilterForm } from '../../../components/filter-form';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { PrintReportButton } from '../../../components/print-report-button';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useUrlParams, isOneOf } from '../../../lib/url-params';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useInspectionTarget, useSupervisionCoverage } from '../api/get-target';
import { useExportRecords, useExportTarget } from '../api/inspection-mutations';
import { TARGET_FILTERS, type TargetFilter } from '../api/keys';
import { CoverageCard } from '../components/coverage-card';
import { TargetCellsTable } from '../components/target-cells-table';
import { TargetSummary } from '../components/target-summary';
import { yearParam, YearSelect } from '../components/year-select';
import { judgedOn } from '../utils/judged-on';

// /inspections?org=<id>&year=2026&cells=MET|BEHIND|ALL|ON_PACE|OFF_PACE(&asOf): the yearly inspection target of the
// cells under an organisation ("229/321 chi bộ đạt chỉ tiêu, 71,33%"), the list behind the number opened, and the
// supervision coverage; the tracker as Excel or as a printable report (/inspections/tracker/print, in a new tab).
// asOf is the header's "Xem tại ngày" (the API caps it at 31 December of the year).
export const InspectionTrackerRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const navigate = useNavigate();
  const { message } = useErrorMessage();
  const { asOf } = useAsOf();
  const { params, update } = useUrlParams();
  const year = yearParam(params.get('year'));
  const rawFilter = params.get('cells') ?? '';
  const filter: TargetFilter = isOneOf(TARGET_FILTERS, rawFilter) ? rawFilter : 'BEHIND';
  const orgParam = params.get('org');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  // the API refuses a date before 1 January of the year: judge such a year on its first day
  const judgedDate = judgedOn(year, asOf);
  const input = orgId ? { organisationId: orgId, year, asOf: judgedDate } : null;
  const target = useInspectionTarget(input, filter);
  const coverage = useSupervisionCoverage(input);
  const exportTarget = useExportTarget();
  const exportRecords = useExportRecords();
  const exportError = exportTarget.error ?? exportRecords.error;

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('inspections.tracker.title') })}</title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            <SafetyCertificateOutlined aria-hidden /> {t('inspections.tracker.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('inspections.tracker.subtitle', { year, asOf: f.date(target.data?.referenceDate ?? judgedDate) })}
          </Typography.Text>
        </div>
        <Flex wrap gap={8}>
          {orgId && (
            <Button
              icon={<UnorderedListOutlined aria-hidden />}
              onClick={() => navigate(withParams(href(paths.inspectionRecords), { org: orgId, year: String(year) }))}
              data-testid="tracker-records-link"
            >
              {t('inspections.tracker.recordsLink')}
            </Button>
          )}
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!input}
            loading={exportTarget.isPending}
            onClick={() =>
              input && exportTarget.mutate({ input, fileName: t('inspections.tracker.fileName', { year }) })
            }
            data-testid="export-target"
          >
            {t('inspections.tracker.export')}
          </Button>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!input}
            loading={exportRecords.isPending}
            onClick={() =>
              input &&
              exportRecords.mutate({
                filter: { organisationId: input.organisationId, asOf: input.asOf, year },
                fileName: t('inspections.records.fileName', { year }),
              })
            }
            data-testid="export-records"
          >
            {t('inspections.records.export')}
          </Button>
          <PrintReportButton
            href={
              input
                ? withParams(paths.inspectionTrackerPrint, {
                    organisationId: input.organisationId,
                    year: String(year),
                    asOf: input.asOf,
                  })
                : undefined
            }
            testId="tracker-print"
          />
        </Flex>
      </Flex>
      {exportError && <Alert type="error" showIcon role="alert" title={message(exportError)} />}
      <Card size="small">
        <FilterForm
          label={t('inspections.tracker.filters')}
          fields={[
            {
              id: 'tracker-org',
              label: t('inspections.tracker.organisation'),
              md: 16,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="tracker-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id })}
                />
              ),
            },
            {
              id: 'tracker-year',
              label: t('inspections.tracker.year'),
              md: 8,
              control: <YearSelect id="tracker-year" value={year} onChange={(y) => update({ year: String(y) })} />,
            },
          ]}
        />
      </Card>
      {target.isError ? (
        <QueryError error={target.error} onRetry={() => void target.refetch()} />
      ) : !target.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <TargetSummary data={target.data} filter={filter} onOpen={(next) => update({ cells: next })} />
          <Card size="small" title={<h2 className="card-title">{t(`inspections.tracker.list.${filter}`)}</h2>}>
            <p
              className="members-total"
              role="status"
              aria-live="polite"
              data-testid="target-cells-total"
              data-list={target.isPlaceholderData ? '' : filter}
            >
              {t('inspections.tracker.cellsTotal', {
                count: target.data.cells.length,
                total: f.number(target.data.cells.length),
              })}
            </p>
            <TargetCellsTable cells={target.data.cells} year={year} loading={target.isPlaceholderData} />
          </Card>
        </>
      )}
      {coverage.isError ? (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : coverage.data ? (
        <CoverageCard data={coverage.data} />
      ) : null}
    </div>
  );
};
