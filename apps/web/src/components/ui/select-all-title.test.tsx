import { Table } from 'antd';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../test/render';
import { selectAllTitle } from './select-all-title';

const rows = [
  { id: 'a', name: 'Nguyễn Văn A' },
  { id: 'b', name: 'Trần Thị B' },
];

const table = (columnTitle?: typeof selectAllTitle) => (
  <Table
    rowKey="id"
    dataSource={rows}
    scroll={{ x: 900 }}
    rowSelection={{ columnTitle }}
    columns={[{ key: 'name', dataIndex: 'name', title: 'Họ và tên' }]}
  />
);

describe('selectAllTitle', () => {
  it("keeps the select-all checkbox out of antd's hidden measuring row, and in the header", () => {
    const { container } = renderUi(table(selectAllTitle));
    const measure = container.querySelector('.ant-table-measure-row');
    expect(measure).not.toBeNull();
    const copies = [...(measure?.querySelectorAll<HTMLElement>('input, button, [tabindex]') ?? [])];
    expect(copies.every((c) => c.tabIndex === -1)).toBe(true);
    const header = container.querySelector<HTMLInputElement>('thead input[type="checkbox"]');
    expect(header?.tabIndex).toBe(0);
  });

  it('is needed: without it antd puts a focusable checkbox into that aria-hidden row', () => {
    const { container } = renderUi(table());
    expect(container.querySelector<HTMLInputElement>('.ant-table-measure-row input[type="checkbox"]')?.tabIndex).toBe(
      0,
    );
  });
});
