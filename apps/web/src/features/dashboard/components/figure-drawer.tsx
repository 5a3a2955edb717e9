import { Drawer, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AdmissionsList } from '../../../components/admissions-list';
import { MeetingKindTag } from '../../../components/meeting-tags';
import { QueryError } from '../../../components/ui/query-error';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import { LIST_PAGE_SIZE, useFigureMembers, useHeldMeetings, useVisitCoverage } from '../api/get-figure-lists';
import type { MeetingRow, MemberRow, VisitCoverageLine } from '../api/get-figure-lists';
import type { MemberListFilter } from '../api/keys';
import type { FigureList } from '../utils/figure-list';
import type { IsoDate } from '../../../lib/domain';

export type DrawerScope = {
  organisationId: string;
  asOf: IsoDate;
  year: number;
  from: IsoDate;
  to: IsoDate;
  yearStart: IsoDate;
};

type Props = { list: FigureList | null; scope: DrawerScope; onClose: () => void };

const LEFT_STATUSES = ['TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED'] as const;

/** The member filter and date of a members figure: exactly the list its description names (docs/dashboard.md). */
const memberQuery = (list: FigureList, s: DrawerScope): { filter: MemberListFilter; asOf: IsoDate } | null => {
  // admissions have their own list (admissions), not a members filter
  if (list.area !== 'members' || list.which === 'admissions') return null;
  const organisationId = s.organisationId;
  switch (list.which) {
    case 'exempt':
      return { filter: { organisationId, exempt: true }, asOf: s.asOf };
    case 'yearStart':
      return { filter: { organisationId }, asOf: s.yearStart };
    case 'left':
      return { filter: { organisationId, statuses: [...LEFT_STATUSES], leftFrom: s.from, leftTo: s.to }, asOf: s.asOf };
    case 'on':
      return { filter: { organisationId }, asOf: list.date };
  }
};

const Total = ({ total, text }: { total: number | undefined; text: string }) => (
  <p
    className="members-total"
    role="status"
    aria-live="polite"
    data-testid="figure-list-total"
    data-total={total ?? ''}
  >
    {text}
  </p>
);

type ListTableProps<T> = {
  rows: { isFetching: boolean; data?: { items: T[]; total: number } };
  columns: ColumnsType<T>;
  page: number;
  onPage: (page: number) => void;
  scroll?: { x: number };
};

/** One page of a list behind a figure, LIST_PAGE_SIZE rows at a time. */
const ListTable = <T extends { id: string }>({ rows, columns, page, onPage, scroll }: ListTableProps<T>) => (
  <Table<T>
    rowKey="id"
    size="small"
    loading={rows.isFetching}
    dataSource={rows.data?.items ?? []}
    columns={columns}
    scroll={scroll}
    data-testid="figure-list-table"
    pagination={{
      current: page,
      pageSize: LIST_PAGE_SIZE,
      total: rows.data?.total ?? 0,
      showSizeChanger: false,
      hideOnSinglePage: true,
      onChange: onPage,
    }}
  />
);

const MembersList = ({
  query,
  page,
  onPage,
}: {
  query: { filter: MemberListFilter; asOf: IsoDate };
  page: number;
  onPage: (p: number) => void;
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const rows = useFigureMembers(query.filter, query.asOf, page);
  if (rows.isError) return <QueryError error={rows.error} onRetry={() => void rows.refetch()} />;
  const columns: ColumnsType<MemberRow> = [
    {
      key: 'name',
      title: t('dashboard.list.name'),
      render: (_, m) => <Link to={href(paths.member(m.id))}>{m.fullName}</Link>,
    },
    { key: 'status', title: t('dashboard.list.status'), render: (_, m) => t(`member.status.${m.status}`) },
    {
      key: 'organisation',
      title: t('dashboard.list.cell'),
      render: (_, m) => m.organisation?.name ?? t('common.none'),
    },
  ];
  return (
    <>
      <Total
        total={rows.data?.total}
        text={
          rows.data
            ? t('dashboard.list.members', { n: f.number(rows.data.total), date: f.date(query.asOf) })
            : t('app.loading')
        }
      />
      <ListTable rows={rows} columns={columns} page={page} onPage={onPage} />
    </>
  );
};

const MeetingsList = ({
  scope,
  kind,
  page,
  onPage,
}: {
  scope: DrawerScope;
  kind: FigureList & { area: 'meetings' };
  page: number;
  onPage: (p: number) => void;
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const rows = useHeldMeetings(
    { organisationId: scope.organisationId, from: scope.from, to: scope.to, kinds: kind.kind ? [kind.kind] : [] },
    page,
  );
  if (rows.isError) return <QueryError error={rows.error} onRetry={() => void rows.refetch()} />;
  const columns: ColumnsType<MeetingRow> = [
    {
      key: 'date',
      title: t('dashboard.list.date'),
      render: (_, m) => <span className="nowrap">{f.date(m.date)}</span>,
    },
    {
      key: 'title',
      title: t('dashboard.list.meeting'),
      render: (_, m) => <Link to={href(paths.meeting(m.id))}>{m.title}</Link>,
    },
    { key: 'kind', title: t('dashboard.list.kind'), render: (_, m) => <MeetingKindTag kind={m.kind} /> },
    { key: 'cell', title: t('dashboard.list.cell'), render: (_, m) => m.organisation?.name },
  ];
  return (
    <>
      <Total
        total={rows.data?.total}
        text={rows.data ? t('dashboard.list.meetings', { n: f.number(rows.data.total) }) : t('app.loading')}
      />
      <ListTable rows={rows} columns={columns} page={page} onPage={onPage} scroll={{ x: 640 }} />
    </>
  );
};

const VisitsList = ({ scope, which }: { scope: DrawerScope; which: 'all' | 'behind' | 'unassigned' }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const coverage = useVisitCoverage({ organisationId: scope.organisationId, asOf: scope.asOf, year: scope.year });
  if (coverage.isError) return <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  if (which === 'unassigned') {
    const cells = coverage.data?.unassignedCells ?? [];
    return (
      <>
        <Total
          total={coverage.data ? cells.length : undefined}
          text={coverage.data ? t('dashboard.list.cells', { n: f.number(cells.length) }) : t('app.loading')}
        />
        <Table
          rowKey="id"
          size="small"
          loading={coverage.isFetching}
          dataSource={cells}
          data-testid="figure-list-table"
          pagination={{ pageSize: LIST_PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              key: 'cell',
              title: t('dashboard.list.cell'),
              render: (_, c) => <Link to={href(paths.organisation(c.id))}>{c.name}</Link>,
            },
            { key: 'parent', title: t('dashboard.list.parent'), render: (_, c) => c.parent?.name ?? t('common.none') },
          ]}
        />
      </>
    );
  }
  const lines = (coverage.data?.lines ?? []).filter((l) => which === 'all' || l.behind);
  const columns: ColumnsType<VisitCoverageLine> = [
    {
      key: 'cell',
      title: t('dashboard.list.cell'),
      render: (_, l) => (
        <div>
          <Link to={href(paths.organisation(l.cell.id))}>{l.cell.name}</Link>
          {l.cell.parent && (
            <div>
              <Typography.Text type="secondary" className="compliance-parent">
                {l.cell.parent.name}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { key: 'visitor', title: t('dashboard.list.visitor'), render: (_, l) => l.assignment.visitorName },
    {
      key: 'done',
      title: t('dashboard.list.visitsDone'),
      align: 'right',
      render: (_, l) => (
        <span className="nowrap num">
          {t('dashboard.list.visitsOf', {
            done: f.number(l.done),
            due: f.number(l.dueSoFar),
            required: f.number(l.required),
          })}
        </span>
      ),
    },
    { key: 'scored', title: t('dashboard.list.scored'), align: 'right', render: (_, l) => f.number(l.scored) },
    {
      key: 'state',
      title: t('dashboard.list.state'),
      render: (_, l) =>
        l.behind ? (
          <Tag color="error">{t('dashboard.list.behind')}</Tag>
        ) : (
          <Tag color="success">{t('dashboard.list.onTrack')}</Tag>
        ),
    },
  ];
  return (
    <>
      <Total
        total={coverage.data ? lines.length : undefined}
        text={
          coverage.data
            ? t('dashboard.list.assignments', { n: f.number(lines.length), date: f.date(coverage.data.asOf) })
            : t('app.loading')
        }
      />
      <Table<VisitCoverageLine>
        rowKey={(l) => l.assignment.id}
        size="small"
        loading={coverage.isFetching}
        dataSource={lines}
        columns={columns}
        scroll={{ x: 640 }}
        data-testid="figure-list-table"
        pagination={{ pageSize: LIST_PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
      />
    </>
  );
};

const titleKey = (list: FigureList): string => {
  if (list.area === 'members') return `dashboard.list.title.members_${list.which}`;
  if (list.area === 'meetings')
    return list.kind ? 'dashboard.list.title.meetings_kind' : 'dashboard.list.title.meetings_held';
  return `dashboard.list.title.visits_${list.which}`;
};

/** The list behind a figure that no other screen lists yet, from the query its description names. */
export const FigureDrawer = ({ list, scope, onClose }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState(list);
  // a new list starts on its first page
  if (shown !== list) {
    setShown(list);
    setPage(1);
  }
  const members = list ? memberQuery(list, scope) : null;
  const title = list
    ? // the key is built from the list kind; every variant is in the locale files
      t(titleKey(list) as 'dashboard.list.title.members_exempt', {
        date: list.area === 'members' && list.which === 'on' ? f.date(list.date) : '',
        kind: list.area === 'meetings' && list.kind ? t(`meeting.kind.${list.kind}`) : '',
        year: scope.year,
      })
    : '';
  return (
    <Drawer
      open={Boolean(list)}
      onClose={onClose}
      title={title}
      size="min(760px, 100vw)"
      destroyOnHidden
      data-testid="figure-drawer"
    >
      {list?.area === 'members' && members && <MembersList query={members} page={page} onPage={setPage} />}
      {list?.area === 'members' && list.which === 'admissions' && (
        <AdmissionsList
          params={{ organisationId: scope.organisationId, from: scope.from, to: scope.to, asOf: scope.asOf }}
        />
      )}
      {list?.area === 'meetings' && <MeetingsList scope={scope} kind={list} page={page} onPage={setPage} />}
      {list?.area === 'visits' && <VisitsList scope={scope} which={list.which} />}
    </Drawer>
  );
};
