import { BellOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { ALERT_CODES, ALERT_SEVERITIES, type AlertCode, type AlertSeverity } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import { useAlertCounts, useAlerts, useExportAlerts } from '../api/get-alerts';
import { useErrorMessage } from '../../../lib/use-error-message';
import { AlertsTable } from '../components/alerts-table';
import { SEVERITY_COLORS } from '../components/severity-tag';
import { OrganisationYearFilter, useOrganisationYear } from '../components/organisation-year-filter';

const PAGE_SIZE = 50;

const parseCodes = (raw: string | null): AlertCode[] =>
  (raw ?? '').split(',').filter((c): c is AlertCode => (ALERT_CODES as readonly string[]).includes(c));

// /alerts?org=<id>&year=YYYY(&asOf)(&codes=A,B)(&severity=ERROR)(&page=2): the committee's to-do list (docs/rules.md#alerts),
// errors first then the oldest deadline, narrowed by rule or severity (the chips show every rule's count), each
// alert with a link to the record to fix. A severity is the set of its rules (the API filters by code).
export const AlertsRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf, params, update, latest, year, orgId } = useOrganisationYear();
  const rawSeverity = params.get('severity');
  const severity = (ALERT_SEVERITIES as readonly string[]).includes(rawSeverity ?? '')
    ? (rawSeverity as AlertSeverity)
    : null;
  const codes = parseCodes(params.get('codes'));
  const page = Math.max(1, Number(params.get('page')) || 1);

  const counts = useAlertCounts(orgId ? { organisationId: orgId, asOf, year } : null);
  const severityCodes = severity
    ? (counts.data?.countsByCode ?? []).filter((c) => c.severity === severity).map((c) => c.code)
    : [];
  const chosen = codes.length ? codes : severityCodes;
  // a severity is turned into its codes once the counts say which they are
  const ready = Boolean(orgId) && (!severity || codes.length > 0 || counts.isSuccess);
  const list = useAlerts(
    ready && orgId
      ? { organisationId: orgId, asOf, year, codes: chosen, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }
      : null,
  );
  const exportAlerts = useExportAlerts();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();

  const toggleCode = (code: AlertCode) => {
    const next = codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code];
    update({ codes: next.join(','), severity: null, page: null });
  };

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('alerts.title') })}</title>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          <BellOutlined aria-hidden /> {t('alerts.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('alerts.subtitle', { year, asOf: f.date(asOf) })}</Typography.Text>
      </div>
      {orgId && (
        <Flex justify="flex-end">
          <Button
            icon={<FileExcelOutlined />}
            loading={exportAlerts.isPending}
            data-testid="alerts-export"
            onClick={() =>
              exportAlerts.mutate(
                { organisationId: orgId, asOf, year, codes: chosen, fileName: `canh-bao-${asOf}.xlsx` },
                { onError: (e) => void toast.error(errorMessage(e)) },
              )
            }
          >
            {t('alerts.export')}
          </Button>
        </Flex>
      )}
      <OrganisationYearFilter
        page="alerts"
        asOf={asOf}
        organisationId={orgId}
        year={year}
        latest={latest}
        onChange={(p) => update({ ...p, page: null })}
      >
        {counts.data && (
          <div className="section-gap" data-testid="alert-filters">
            <Flex wrap gap={6} align="center" role="group" aria-label={t('alerts.bySeverity')}>
              <span className="kind-counts__label">{t('alerts.bySeverity')}</span>
              <Tag.CheckableTag
                checked={!severity && codes.length === 0}
                onChange={() => update({ severity: null, codes: null, page: null })}
                data-testid="alert-filter-all"
              >
                {t('alerts.all', { n: f.number(counts.data.total) })}
              </Tag.CheckableTag>
              {counts.data.countsBySeverity.map((s) => (
                <Tag.CheckableTag
                  key={s.severity}
                  checked={severity === s.severity && codes.length === 0}
                  onChange={(on) => update({ severity: on ? s.severity : null, codes: null, page: null })}
                  data-testid={`alert-filter-${s.severity}`}
                >
                  <span className={`dash-dot dash-dot--${s.severity.toLowerCase()}`} aria-hidden />{' '}
                  {t(`alerts.severity.${s.severity}`)} ({f.number(s.count)})
                </Tag.CheckableTag>
              ))}
            </Flex>
            <Flex wrap gap={6} align="center" role="group" aria-label={t('alerts.byCode')}>
              <span className="kind-counts__label">{t('alerts.byCode')}</span>
              {counts.data.countsByCode.map((c) => (
                <Tag.CheckableTag
                  key={c.code}
                  checked={codes.includes(c.code)}
                  onChange={() => toggleCode(c.code)}
                  className={c.count === 0 ? 'dash-chip--empty' : undefined}
                  data-testid={`alert-filter-${c.code}`}
                >
                  <Tag color={SEVERITY_COLORS[c.severity]} className="dash-chip__count">
                    {f.number(c.count)}
                  </Tag>
                  {t(`alerts.code.${c.code}`)}
                </Tag.CheckableTag>
              ))}
            </Flex>
          </div>
        )}
      </OrganisationYearFilter>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : counts.isError ? (
        <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Card size="small">
          <Flex wrap gap={8} align="center" justify="space-between">
            <p
              className="members-total"
              role="status"
              aria-live="polite"
              data-testid="alerts-total"
              data-total={list.isPlaceholderData ? '' : list.data.total}
            >
              {t('alerts.total', { n: f.number(list.data.total) })}
            </p>
            {(codes.length > 0 || severity) && (
              <Button size="small" onClick={() => update({ codes: null, severity: null, page: null })}>
                {t('alerts.clear')}
              </Button>
            )}
          </Flex>
          <AlertsTable
            items={list.data.items}
            total={list.data.total}
            page={page}
            pageSize={PAGE_SIZE}
            loading={list.isFetching}
            onPage={(p) => update({ page: p === 1 ? null : String(p) })}
          />
        </Card>
      )}
    </div>
  );
};
