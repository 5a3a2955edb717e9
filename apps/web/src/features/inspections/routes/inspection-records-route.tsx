import { FileExcelOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FilterForm } from '../../../components/filter-form';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { INSPECTION_STATES, INSPECTION_TYPES } from '../../../lib/domain';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useUrlParams, isOneOf } from '../../../lib/url-params';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useViewer, writesOrganisation } from '../../../lib/viewer';
import { PAGE_SIZE, useInspectionList, useInspectionPlan } from '../api/get-inspections';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useOrganisationInfo } from '../api/get-organisation-info';
import { useExportRecords } from '../api/inspection-mutations';
import { inspectsKind } from '../utils/organisation-kinds';
import type { InspectionListFilter } from '../api/keys';
import { InspectionsTable } from '../components/inspections-table';
import { PlanInspectionDialog } from '../components/plan-inspection-dialog';
import { YearlyPlanCard } from '../components/yearly-plan-card';
import { yearParam, YearSelect } from '../components/year-select';
import { ColumnChooser, useListColumns } from '../../../components/column-chooser';
import { SavedFilters } from '../../../components/saved-filters';
import {
  INSPECTION_COLUMN_LABELS,
  INSPECTION_LIST_COLUMNS,
  INSPECTION_SAVED_FILTERS,
} from '../components/inspection-list-tools';

// /inspections/records?org=<id>&year=2026(&state&type&offset): the inspections and supervisions of an organisation
// and everything under it, the organisation's own yearly plan, and "Lập kế hoạch kiểm tra" where the user may write.
export const InspectionRecordsRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const { message } = useErrorMessage();
  const { asOf } = useAsOf();
  const { params, update } = useUrlParams();
  const viewer = useViewer();
  const [planning, setPlanning] = useState(false);

  const year = yearParam(params.get('year'));
  const rawState = params.get('state') ?? '';
  const rawType = params.get('type') ?? '';
  const state = isOneOf(INSPECTION_STATES, rawState) ? rawState : null;
  const type = isOneOf(INSPECTION_TYPES, rawType) ? rawType : null;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const orgParam = params.get('org');
  const root = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? root.data ?? null;
  const org = useOrganisationInfo(orgId, asOf);
  const filter: InspectionListFilter | null = orgId
    ? { organisationId: orgId, asOf, year, ...(state ? { states: [state] } : {}), ...(type ? { types: [type] } : {}) }
    : null;
  const list = useInspectionList(filter, offset);
  const yearPlan = useInspectionPlan(orgId, year);
  const exportRecords = useExportRecords();
  // the columns shown and the saved filters are each user's own, kept in this browser
  const [columns, setColumns] = useListColumns(INSPECTION_LIST_COLUMNS);

  const canWrite = Boolean(
    org.data &&
    inspectsKind(org.data.kind) &&
    writesOrganisation(
      viewer.data,
      org.data.id,
      org.data.ancestors.map((a) => a.id),
    ),
  );
  const total = list.data?.total ?? 0;

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('inspections.records.title') })}</title>
      <Breadcrumb
        items={[
          {
            key: 'tracker',
            title: (
              <Link to={withParams(href(paths.inspections), { org: orgId, year: String(year) })}>
                {t('inspections.tracker.title')}
              </Link>
            ),
          },
          { key: 'records', title: t('inspections.records.title') },
        ]}
      />
      <Flex wrap gap={12} align="center" justify="space-between">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            <SafetyCertificateOutlined aria-hidden /> {t('inspections.records.title')}
          </Typography.Title>
          {org.data && (
            <Typography.Text type="secondary" data-testid="records-organisation">
              <Link to={href(paths.organisation(org.data.id))}>{org.data.name}</Link>
              {' · '}
              {t('inspections.records.year', { year })}
            </Typography.Text>
          )}
        </div>
        <Flex wrap gap={8}>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!filter}
            loading={exportRecords.isPending}
            onClick={() =>
              filter && exportRecords.mutate({ filter, fileName: t('inspections.records.fileName', { year }) })
            }
            data-testid="export-records"
          >
            {t('inspections.records.export')}
          </Button>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setPlanning(true)}
              data-testid="plan-inspection"
            >
              {t('inspections.plan.button')}
            </Button>
          )}
        </Flex>
      </Flex>
      {exportRecords.error != null && <Alert type="error" showIcon role="alert" title={message(exportRecords.error)} />}
      <Card size="small">
        <FilterForm
          label={t('inspections.records.filters')}
          fields={[
            {
              id: 'records-org',
              label: t('inspections.tracker.organisation'),
              md: 10,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="records-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id, offset: null })}
                />
              ),
            },
            {
              id: 'records-year',
              label: t('inspections.tracker.year'),
              md: 4,
              xs: 8,
              control: (
                <YearSelect
                  id="records-year"
                  value={year}
                  onChange={(y) => update({ year: String(y), offset: null })}
                />
              ),
            },
            {
              id: 'records-state',
              label: t('inspections.fields.state'),
              md: 5,
              xs: 16,
              control: (
                <Select
                  id="records-state"
                  style={{ width: '100%' }}
                  allowClear
                  placeholder={t('inspections.records.allStates')}
                  value={state ?? undefined}
                  onChange={(v?: string) => update({ state: v ?? null, offset: null })}
                  options={INSPECTION_STATES.map((s) => ({ value: s, label: t(`inspections.state.${s}`) }))}
                />
              ),
            },
            {
              id: 'records-type',
              label: t('inspections.fields.type'),
              md: 5,
              control: (
                <Select
                  id="records-type"
                  style={{ width: '100%' }}
                  allowClear
                  placeholder={t('inspections.records.allTypes')}
                  value={type ?? undefined}
                  onChange={(v?: string) => update({ type: v ?? null, offset: null })}
                  options={INSPECTION_TYPES.map((s) => ({ value: s, label: t(`inspections.type.${s}`) }))}
                  popupMatchSelectWidth={false}
                />
              ),
            },
          ]}
        />
        <SavedFilters
          list={INSPECTION_SAVED_FILTERS}
          current={{ organisationId: orgId, year, state, type }}
          onApply={(v) =>
            update({ org: v.organisationId, year: String(v.year), state: v.state, type: v.type, offset: null })
          }
          placeholder={t('inspections.records.savedFilterPlaceholder')}
        />
      </Card>
      {org.data &&
        inspectsKind(org.data.kind) &&
        (yearPlan.isError ? (
          <QueryError error={yearPlan.error} onRetry={() => void yearPlan.refetch()} />
        ) : yearPlan.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <YearlyPlanCard organisation={org.data} year={year} plan={yearPlan.data} canWrite={canWrite} />
        ))}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Card
          size="small"
          title={<h2 className="card-title">{t('inspections.records.listTitle')}</h2>}
          extra={
            <ColumnChooser
              list={INSPECTION_LIST_COLUMNS}
              value={columns}
              onChange={setColumns}
              label={(c) => t(INSPECTION_COLUMN_LABELS[c])}
              testId="inspections"
            />
          }
        >
          <p className="members-total" role="status" aria-live="polite" data-testid="records-total">
            {t('inspections.records.total', { count: total, total: f.number(total) })}
          </p>
          <InspectionsTable
            items={list.data.items}
            total={total}
            offset={offset}
            pageSize={PAGE_SIZE}
            columns={columns}
            loading={list.isPlaceholderData}
            onPage={(next) => update({ offset: next ? String(next) : null })}
          />
        </Card>
      )}
      {org.data && canWrite && (
        <PlanInspectionDialog
          organisation={org.data}
          planId={yearPlan.data?.id ?? null}
          year={year}
          open={planning}
          onClose={() => setPlanning(false)}
        />
      )}
    </div>
  );
};
