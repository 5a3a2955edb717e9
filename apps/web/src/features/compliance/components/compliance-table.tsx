import '../locale';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { CellCompliance } from '../api/get-compliance';
import { MissingTags } from './missing-tags';
import type { IsoDate } from '../../../lib/domain';

type Props = { cells: CellCompliance[]; from: IsoDate; to: IsoDate };

/** Cells with what they hold and what is missing; each links to the cell's calendar for the period. */
export const ComplianceTable = ({ cells, from, to }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  return (
    <Table<CellCompliance>
      rowKey={(c) => c.organisation.id}
      size="middle"
      dataSource={cells}
      scroll={{ x: 960 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('compliance.emptyBehind') }}
      data-testid="compliance-table"
      columns={[
        {
          key: 'cell',
          title: t('compliance.cell'),
          render: (_, c) => (
            <div>
              <Link
                to={withParams(href(paths.meetings), { org: c.organisation.id, from, to })}
                data-testid="compliance-cell-link"
              >
                {c.organisation.name}
              </Link>
              {/* cells of different committees often share a name: say which committee */}
              {c.organisation.parent && (
                <div>
                  <Typography.Text type="secondary" className="compliance-parent">
                    {c.organisation.parent.name}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        {
          key: 'state',
          title: t('compliance.state'),
          render: (_, c) =>
            c.behind ? (
              <Tag color="error">{t('compliance.behind')}</Tag>
            ) : (
              <Tag color="success">{t('compliance.onTrack')}</Tag>
            ),
        },
        {
          key: 'regular',
          title: t('compliance.regularHeld'),
          align: 'right',
          render: (_, c) => f.number(c.regularHeld),
        },
        {
          key: 'thematic',
          title: t('compliance.thematicHeld'),
          align: 'right',
          render: (_, c) => f.number(c.thematicHeld),
        },
        {
          key: 'attendance',
          title: t('compliance.attendanceShort'),
          align: 'right',
          render: (_, c) => (c.attendancePercent === null ? t('common.none') : f.percent(c.attendancePercent)),
        },
        {
          key: 'missing',
          title: t('compliance.missing'),
          width: 420,
          render: (_, c) => (c.missing.length ? <MissingTags missing={c.missing} /> : t('common.none')),
        },
      ]}
    />
  );
};
