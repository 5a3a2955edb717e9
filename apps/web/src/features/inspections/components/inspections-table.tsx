import { Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { InspectionListItem } from '../api/fields';
import { INSPECTION_COLUMN_LABELS, INSPECTION_COLUMNS, type InspectionColumn } from './inspection-list-tools';
import { InspectionStateTag, InspectionTypeTag } from './inspection-tags';

type Props = {
  items: InspectionListItem[];
  total: number;
  offset: number;
  pageSize: number;
  loading: boolean;
  /** The columns shown (the user's choice, inspection-list-tools.ts); all when not given. */
  columns?: readonly InspectionColumn[];
  onPage: (offset: number) => void;
};

/** Inspections and supervisions, a page at a time (the API pages; the table shows where it stands). */
export const InspectionsTable = ({
  items,
  total,
  offset,
  pageSize,
  loading,
  columns = INSPECTION_COLUMNS,
  onPage,
}: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const dates = (from: string | null, to: string | null) =>
    from
      ? to && to !== from
        ? t('common.dateRange', { from: f.date(from), to: f.date(to) })
        : f.date(from)
      : t('common.none');
  const all: Record<InspectionColumn, ColumnType<InspectionListItem>> = {
    title: {
      title: t(INSPECTION_COLUMN_LABELS.title),
      render: (_, i) => (
        <Link to={href(paths.inspection(i.id))} data-testid="inspection-link">
          {i.title}
        </Link>
      ),
    },
    state: {
      title: t(INSPECTION_COLUMN_LABELS.state),
      render: (_, i) => <InspectionStateTag state={i.state} />,
    },
    organisation: {
      title: t(INSPECTION_COLUMN_LABELS.organisation),
      render: (_, i) =>
        i.organisation?.name ?? <Typography.Text type="secondary">{t('common.unknownOrganisation')}</Typography.Text>,
    },
    body: {
      title: t(INSPECTION_COLUMN_LABELS.body),
      render: (_, i) => <span className="nowrap">{t(`inspections.body.${i.body}`)}</span>,
    },
    type: { title: t(INSPECTION_COLUMN_LABELS.type), render: (_, i) => <InspectionTypeTag type={i.type} /> },
    subjects: {
      title: t(INSPECTION_COLUMN_LABELS.subjects),
      align: 'right',
      render: (_, i) => f.number(i.subjects.length),
    },
    planned: {
      title: t(INSPECTION_COLUMN_LABELS.planned),
      render: (_, i) => <span className="nowrap">{dates(i.plannedFrom, i.plannedTo)}</span>,
    },
    started: {
      title: t(INSPECTION_COLUMN_LABELS.started),
      render: (_, i) => f.date(i.startedOn) || t('common.none'),
    },
    concluded: {
      title: t(INSPECTION_COLUMN_LABELS.concluded),
      render: (_, i) => f.date(i.concludedOn) || t('common.none'),
    },
  };
  return (
    <Table<InspectionListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('inspections.records.empty') }}
      data-testid="inspections-table"
      pagination={{
        current: Math.floor(offset / pageSize) + 1,
        pageSize,
        total,
        hideOnSinglePage: true,
        showSizeChanger: false,
        onChange: (page) => onPage((page - 1) * pageSize),
      }}
      columns={INSPECTION_COLUMNS.filter((c) => columns.includes(c)).map((c) => ({ key: c, ...all[c] }))}
    />
  );
};
