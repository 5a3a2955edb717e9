import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { InspectionListItem } from '../api/fields';
import { InspectionStateTag, InspectionTypeTag } from './inspection-tags';

type Props = {
  items: InspectionListItem[];
  total: number;
  offset: number;
  pageSize: number;
  loading: boolean;
  onPage: (offset: number) => void;
};

/** Inspections and supervisions, a page at a time (the API pages; the table shows where it stands). */
export const InspectionsTable = ({ items, total, offset, pageSize, loading, onPage }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const dates = (from: string | null, to: string | null) =>
    from
      ? to && to !== from
        ? t('common.dateRange', { from: f.date(from), to: f.date(to) })
        : f.date(from)
      : t('common.none');
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
      columns={[
        {
          key: 'title',
          title: t('inspections.fields.title'),
          render: (_, i) => (
            <Link to={href(paths.inspection(i.id))} data-testid="inspection-link">
              {i.title}
            </Link>
          ),
        },
        {
          key: 'state',
          title: t('inspections.fields.state'),
          render: (_, i) => <InspectionStateTag state={i.state} />,
        },
        {
          key: 'organisation',
          title: t('inspections.fields.organisation'),
          render: (_, i) =>
            i.organisation?.name ?? (
              <Typography.Text type="secondary">{t('common.unknownOrganisation')}</Typography.Text>
            ),
        },
        {
          key: 'body',
          title: t('inspections.fields.body'),
          render: (_, i) => <span className="nowrap">{t(`inspections.body.${i.body}`)}</span>,
        },
        { key: 'type', title: t('inspections.fields.type'), render: (_, i) => <InspectionTypeTag type={i.type} /> },
        {
          key: 'subjects',
          title: t('inspections.fields.subjectCount'),
          align: 'right',
          render: (_, i) => f.number(i.subjects.length),
        },
        {
          key: 'planned',
          title: t('inspections.fields.planned'),
          render: (_, i) => <span className="nowrap">{dates(i.plannedFrom, i.plannedTo)}</span>,
        },
        {
          key: 'started',
          title: t('inspections.fields.startedOn'),
          render: (_, i) => f.date(i.startedOn) || t('common.none'),
        },
        {
          key: 'concluded',
          title: t('inspections.fields.concludedOn'),
          render: (_, i) => f.date(i.concludedOn) || t('common.none'),
        },
      ]}
    />
  );
};
