import { Table } from 'antd';
import type { ReactNode } from 'react';
import type { LightColumn } from '../../../components/ui/light-table';
import type { ChildFigures } from '../api/get-dashboard';

type Props = { rows: ChildFigures[]; columns: LightColumn<ChildFigures>[]; emptyText: ReactNode; minWidth: number };

/** The children's table with antd's pager, for more rows than one page (loaded only then). */
export const ChildrenTablePaged = ({ rows, columns, emptyText, minWidth }: Props) => (
  <Table<ChildFigures>
    rowKey={(c) => c.organisation.id}
    size="middle"
    dataSource={rows}
    scroll={{ x: minWidth }}
    pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    locale={{ emptyText }}
    data-testid="children-table"
    columns={columns.map((c) => ({
      key: c.key,
      title: c.title,
      align: c.align,
      render: (_: unknown, row: ChildFigures) => c.render(row),
    }))}
  />
);
