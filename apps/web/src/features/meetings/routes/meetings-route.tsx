import '../locale';
import { CalendarOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { FilterForm } from '../../../components/filter-form';
import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { QueryError } from '../../../components/ui/query-error';
import { todayIso, useAsOf } from '../../../lib/as-of';
import { paths, useAppHref } from '../../../lib/paths';
import { useUrlParams } from '../../../lib/url-params';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useViewer, writesOrganisation } from '../../../lib/viewer';
import { useExportMeetings } from '../api/export-meetings';
import { useMeetingList } from '../api/get-meetings';
import { useDefaultOrganisationId } from '../../../lib/scope-roots';
import { useOrganisationInfo } from '../api/get-organisation-info';
import { isCellKind } from '../utils/meeting-format';
import { CreateMeetingDialog } from '../components/create-meeting-dialog';
import { MeetingCalendarList } from '../components/meeting-calendar-list';
import { currentYearRange } from '../utils/meeting-format';
import { MonthRangePicker } from '../../../components/month-picker';
import { ColumnChooser, useListColumns } from '../../../components/column-chooser';
import { SavedFilters } from '../../../components/saved-filters';
import {
  MEETING_LIST_COLUMNS,
  MEETING_SAVED_FILTERS,
  type MeetingFilterValues,
} from '../components/meeting-list-tools';

// /meetings?org=<id>&from=YYYY-MM-DD&to=YYYY-MM-DD: a cell's calendar, or every meeting of a subtree; "Xuất Excel"
// downloads every meeting of the same filter (GET /exports/meetings.xlsx).
export const MeetingsRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const { asOf } = useAsOf();
  const { params, update, date } = useUrlParams();
  const viewer = useViewer();
  const [creating, setCreating] = useState(false);
  const exportMeetings = useExportMeetings();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();

  const defaults = currentYearRange(todayIso());
  const from = date('from', defaults.from);
  const to = date('to', defaults.to);
  const orgParam = params.get('org');
  const fallbackOrg = useDefaultOrganisationId(asOf, !orgParam);
  const orgId = orgParam ?? fallbackOrg.data ?? null;
  const orgReady = Boolean(orgParam) || fallbackOrg.isSuccess || fallbackOrg.isError;
  const org = useOrganisationInfo(orgId, asOf);
  const list = useMeetingList({ organisationId: orgId, from, to, asOf }, orgReady);
  // the details shown on each row and the saved filters are each user's own, kept in this browser
  const [columns, setColumns] = useListColumns(MEETING_LIST_COLUMNS);
  const current: MeetingFilterValues = { organisationId: orgId, from, to };

  const isCell = isCellKind(org.data?.kind);
  const canPlan = Boolean(
    org.data &&
    isCell &&
    writesOrganisation(
      viewer.data,
      org.data.id,
      org.data.ancestors.map((a) => a.id),
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('meetings.calendar.title') })}</title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            <CalendarOutlined aria-hidden /> {t('meetings.calendar.title')}
          </Typography.Title>
          {org.data && (
            <Typography.Text type="secondary" data-testid="calendar-organisation">
              <Link to={href(paths.organisation(org.data.id))}>{org.data.name}</Link>
              {' · '}
              {t('common.dateRange', { from: f.date(from), to: f.date(to) })}
            </Typography.Text>
          )}
        </div>
        <Flex wrap gap={8}>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!orgReady}
            loading={exportMeetings.isPending}
            title={t('meetings.calendar.exportHint')}
            data-testid="meetings-export"
            onClick={() =>
              exportMeetings.mutate(
                { organisationId: orgId, from, to, fileName: t('meetings.calendar.fileName', { from, to }) },
                { onError: (e) => void toast.error(errorMessage(e)) },
              )
            }
          >
            {t('meetings.calendar.export')}
          </Button>
          {canPlan && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="plan-meeting"
            >
              {t('meetings.create.button')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <FilterForm
          label={t('meetings.calendar.filters')}
          fields={[
            {
              id: 'calendar-org',
              label: t('meetings.calendar.organisation'),
              md: 14,
              control: (
                <OrganisationPicker
                  key={asOf}
                  id="calendar-org"
                  asOf={asOf}
                  value={orgId}
                  onChange={(id) => update({ org: id })}
                />
              ),
            },
            {
              id: 'calendar-period',
              label: t('meetings.calendar.period'),
              md: 10,
              control: <MonthRangePicker id="calendar-period" from={from} to={to} onChange={update} />,
            },
          ]}
        />
        {org.data && !isCell && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('meetings.calendar.subtreeHint')}
          </Typography.Paragraph>
        )}
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <SavedFilters
            list={MEETING_SAVED_FILTERS}
            current={current}
            onApply={(v) => update({ org: v.organisationId, from: v.from, to: v.to })}
            placeholder={t('meetings.calendar.savedFilterPlaceholder')}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending || !orgReady ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <p className="members-total" role="status" aria-live="polite" data-testid="meetings-total">
              {t('meetings.calendar.total', { count: total, total: f.number(total) })}
            </p>
            <ColumnChooser
              list={MEETING_LIST_COLUMNS}
              value={columns}
              onChange={setColumns}
              label={(c) => t(`meetings.columns.${c}`)}
              testId="meetings"
            />
          </Flex>
          <MeetingCalendarList items={items} showCell={!isCell} columns={columns} />
          {list.hasNextPage && (
            <Flex justify="center">
              <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('meetings.calendar.more', { shown: f.number(items.length), total: f.number(total) })}
              </Button>
            </Flex>
          )}
        </>
      )}
      {org.data && canPlan && (
        <CreateMeetingDialog
          cellId={org.data.id}
          cellName={org.data.name}
          open={creating}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
};
