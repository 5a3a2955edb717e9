import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { TargetCell } from '../api/get-target';
import { TargetStateTag } from './inspection-tags';

type Props = { cells: TargetCell[]; year: number; loading?: boolean };

/** The cells behind a figure: what each owes, has concluded, has under way, and what is missing. */
export const TargetCellsTable = ({ cells, year, loading }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const num = (v: number) => <span className="num">{f.number(v)}</span>;
  return (
    <Table<TargetCell>
      rowKey={(c) => c.organisation.id}
      size="middle"
      loading={loading}
      dataSource={cells}
      scroll={{ x: 960 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('inspections.tracker.emptyCells') }}
      data-testid="target-cells-table"
      columns={[
        {
          key: 'cell',
          title: t('inspections.tracker.cell'),
          render: (_, c) => (
            <div>
              <Link
                to={withParams(href(paths.inspectionRecords), { org: c.organisation.id, year: String(year) })}
                data-testid="target-cell-link"
              >
                {c.organisation.name}
              </Link>
              {c.joinedDuringYear && (
                <Tag color="gold" style={{ marginInlineStart: 6 }}>
                  {t('inspections.tracker.joinedDuringYear')}
                </Tag>
              )}
            </div>
          ),
        },
        {
          key: 'state',
          title: t('inspections.tracker.state'),
          render: (_, c) => <TargetStateTag met={c.met} onPace={c.onPace} />,
        },
        {
          key: 'missing',
          title: t('inspections.tracker.missing'),
          className: 'nowrap',
          render: (_, c) =>
            c.missing > 0 ? t('inspections.tracker.missingN', { count: c.missing }) : t('common.none'),
        },
        {
          key: 'committee',
          title: t('inspections.tracker.hasCellCommittee'),
          render: (_, c) => (c.hasCellCommittee ? t('common.yes') : t('common.no')),
        },
        {
          key: 'required',
          title: t('inspections.tracker.required'),
          align: 'right',
          render: (_, c) => num(c.required),
        },
        {
          key: 'concluded',
          title: t('inspections.tracker.concluded'),
          align: 'right',
          render: (_, c) => num(c.concluded),
        },
        {
          key: 'inProgress',
          title: t('inspections.tracker.inProgress'),
          align: 'right',
          render: (_, c) => num(c.inProgress),
        },
        { key: 'planned', title: t('inspections.tracker.planned'), align: 'right', render: (_, c) => num(c.planned) },
        {
          key: 'parent',
          title: t('inspections.tracker.parent'),
          render: (_, c) =>
            c.parent ? <Typography.Text type="secondary">{c.parent.name}</Typography.Text> : t('common.none'),
        },
      ]}
    />
  );
};
