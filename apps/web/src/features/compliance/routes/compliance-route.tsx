import '../locale';
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Skeleton, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FilterForm } from '../../../components/filter-form';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso, useAsOf } from '../../../lib/as-of';
import { useUrlParams } from '../../../lib/url-params';
import { useFormat } from '../../../lib/use-format';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useCompliance, useExportCompliance } from '../api/get-compliance';
import { useErrorMessage } from '../../../lib/use-error-message';
import { ComplianceSummary } from '../components/compliance-summary';
import { ComplianceTable } from '../components/compliance-table';

// /compliance?org=<id>&from&to(&asOf)&all=1: which cells are behind on their regular (monthly) and
// thematic (quarterly) meetings. asOf is the header's "Xem tại ngày": obligations not yet due then are not missing.
export const ComplianceRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf } = useAsOf();
  const { params, update, date } = useUrlParams();
  const year = todayIso().slice(0, 4);
  const from = date('from', `${year}-01-01`);
  const to = date('to', `${year}-12-31`);
  const showAll = params.get('all') === '1';
  const orgParam = params.get('org');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const query = useCompliance(orgId ? { organisationId: orgId, from, to, asOf } : null);
  const exportCompliance = useExportCompliance();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const cells = (query.data?.cells ?? []).filter((c) => showAll || c.behind);

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('compliance.title') })}</title>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('compliance.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('compliance.subtitle', { from: f.date(from), to: f.date(to), asOf: f.date(asOf) })}
        </Typography.Text>
      </div>
      <Card size="small">
        <FilterForm
          fields={[
            {
              id: 'compliance-org',
              label: t('compliance.organisation'),
              md: 12,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="compliance-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id })}
                />
              ),
            },
            {
              id: 'compliance-period',
              label: t('compliance.period'),
              md: 12,
              control: (
                <DatePicker.RangePicker
                  id={{ start: 'compliance-period' }}
                  format="DD/MM/YYYY"
                  allowClear={false}
                  value={[dayjs(from), dayjs(to)]}
                  style={{ width: '100%' }}
                  onChange={(range) => {
                    const [a, b] = range ?? [];
                    if (a && b) update({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
                  }}
                />
              ),
            },
          ]}
        />
      </Card>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <ComplianceSummary data={query.data} />
          <Card
            size="small"
            title={<h2 className="card-title">{showAll ? t('compliance.allCells') : t('compliance.behindCells')}</h2>}
            extra={
              <Flex gap={12} align="center" wrap>
                <label className="nowrap">
                  <Switch size="small" checked={showAll} onChange={(v) => update({ all: v ? '1' : null })} />{' '}
                  {t('compliance.showAll')}
                </label>
                {orgId && (
                  <Button
                    size="small"
                    icon={<FileExcelOutlined />}
                    loading={exportCompliance.isPending}
                    data-testid="compliance-export"
                    onClick={() =>
                      exportCompliance.mutate(
                        {
                          params: { organisationId: orgId, from, to, asOf },
                          fileName: `tinh-hinh-sinh-hoat-${from}-${to}.xlsx`,
                        },
                        { onError: (e) => void toast.error(errorMessage(e)) },
                      )
                    }
                  >
                    {t('compliance.export')}
                  </Button>
                )}
              </Flex>
            }
          >
            <ComplianceTable cells={cells} from={from} to={to} />
          </Card>
        </>
      )}
    </div>
  );
};
