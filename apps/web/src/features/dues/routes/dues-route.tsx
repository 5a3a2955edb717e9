import '../locale';
import { FileExcelOutlined, UploadOutlined, WalletOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FilterForm } from '../../../components/filter-form';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { QueryError } from '../../../components/ui/query-error';
import { YearSelect } from '../../../components/year-select';
import { todayIso, useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useUrlParams } from '../../../lib/url-params';
import { useFormat } from '../../../lib/use-format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useViewer, writesSomewhere } from '../../../lib/viewer';
import { useExportDues } from '../api/dues-mutations';
import { SHEET_PAGE, useDuesFigures, useDuesSheet } from '../api/get-dues';
import { DuesSheetTable } from '../components/dues-sheet-table';
import { DuesSummary } from '../components/dues-summary';
import { RecordPaymentDialog, type PaymentTarget } from '../components/record-payment-dialog';

const currentYear = () => Number(todayIso().slice(0, 4));

/** ?year= as a number from 1900 to the current year (dues of a year that has not started do not exist), else the current year. */
const yearOf = (raw: string | null): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1900 && n <= currentYear() ? n : currentYear();
};

// /dues?org=<id>&year=2026(&list=arrears)(&offset=): party dues of the members under an organisation: owed, collected,
// outstanding and the members with three unpaid months (the list behind that number), one row per organisation under
// it, and the sheet (a column per month); a writer records a payment from a month's cell.
export const DuesRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf } = useAsOf();
  const { params, update } = useUrlParams();
  const viewer = useViewer();
  const year = yearOf(params.get('year'));
  const arrearsOnly = params.get('list') === 'arrears';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const orgParam = params.get('org');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const input = orgId ? { organisationId: orgId, year } : null;
  const figures = useDuesFigures(input);
  const sheet = useDuesSheet(input, arrearsOnly, offset);
  const [target, setTarget] = useState<PaymentTarget | null>(null);
  const mayWrite = writesSomewhere(viewer.data);
  const exportDues = useExportDues();
  const navigate = useNavigate();
  const href = useAppHref();
  const { message } = useErrorMessage();

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('dues.title') })}</title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            <WalletOutlined aria-hidden /> {t('dues.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {figures.data
              ? t('dues.subtitle', { year, through: `${Number(figures.data.throughMonth.slice(5, 7))}/${year}` })
              : t('dues.subtitleYear', { year })}
          </Typography.Text>
        </div>
        <Flex wrap gap={8}>
          {mayWrite && (
            <Button
              icon={<UploadOutlined aria-hidden />}
              onClick={() => navigate(withParams(href(paths.import), { kind: 'dues' }))}
              data-testid="dues-import-link"
            >
              {t('dues.importFile')}
            </Button>
          )}
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!input}
            loading={exportDues.isPending}
            onClick={() => input && exportDues.mutate({ ...input, fileName: t('dues.fileName', { year }) })}
            data-testid="export-dues"
          >
            {t('dues.export')}
          </Button>
        </Flex>
      </Flex>
      {exportDues.error && <Alert type="error" showIcon role="alert" title={message(exportDues.error)} />}
      <Card size="small">
        <FilterForm
          label={t('dues.filters')}
          fields={[
            {
              id: 'dues-org',
              label: t('dues.organisation'),
              md: 16,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="dues-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id, offset: null })}
                />
              ),
            },
            {
              id: 'dues-year',
              label: t('dues.year'),
              md: 8,
              control: (
                <YearSelect
                  id="dues-year"
                  value={year}
                  latest={currentYear()}
                  onChange={(y) => update({ year: String(y), offset: null })}
                />
              ),
            },
          ]}
        />
      </Card>
      {figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <DuesSummary
          data={figures.data}
          arrearsOnly={arrearsOnly}
          onOpenArrears={(on) => update({ list: on ? 'arrears' : null, offset: null })}
          onOpenOrganisation={(id) => update({ org: id, offset: null })}
        />
      )}
      <Card
        size="small"
        title={<h2 className="card-title">{t(arrearsOnly ? 'dues.sheet.arrearsTitle' : 'dues.sheet.title')}</h2>}
      >
        {sheet.isError ? (
          <QueryError error={sheet.error} onRetry={() => void sheet.refetch()} />
        ) : (
          <>
            <p
              className="members-total"
              role="status"
              aria-live="polite"
              data-testid="dues-sheet-total"
              data-list={sheet.isPlaceholderData || !sheet.data ? '' : arrearsOnly ? 'arrears' : 'all'}
            >
              {sheet.data
                ? t('dues.sheet.total', { count: sheet.data.total, n: f.number(sheet.data.total) })
                : '\u00a0'}
            </p>
            <DuesSheetTable
              rows={sheet.data?.items ?? []}
              total={sheet.data?.total ?? 0}
              offset={offset}
              pageSize={SHEET_PAGE}
              loading={!sheet.data || sheet.isPlaceholderData}
              onRecord={mayWrite ? (member, month) => setTarget({ member, month }) : undefined}
              onPage={(next) => update({ offset: next ? String(next) : null })}
            />
            <Typography.Text type="secondary">{t('dues.sheet.legend')}</Typography.Text>
          </>
        )}
      </Card>
      <RecordPaymentDialog target={target} onClose={() => setTarget(null)} />
    </div>
  );
};
