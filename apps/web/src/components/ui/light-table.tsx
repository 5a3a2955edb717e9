import type { ReactNode } from 'react';

export type LightColumn<T> = { key: string; title: ReactNode; align?: 'left' | 'right'; render: (row: T) => ReactNode };

type Props<T> = {
  rows: readonly T[];
  columns: readonly LightColumn<T>[];
  rowKey: (row: T) => string;
  /** Below this width the table scrolls sideways (antd's `scroll.x`). */
  minWidth?: number;
  emptyText: ReactNode;
  testId?: string;
};

/**
 * antd's `<Table size="middle">` without a pager, sorting or selection: a plain table with its look (styles.css,
 * `light-table`), for a short list on the first screen. A list that needs a pager uses antd's table.
 */
export const LightTable = <T,>({ rows, columns, rowKey, minWidth, emptyText, testId }: Props<T>) => (
  <div className="light-table" data-testid={testId}>
    <table style={minWidth ? { minWidth } : undefined}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.align === 'right' ? 'light-table__right' : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="light-table__empty">
              {emptyText}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.align === 'right' ? 'light-table__right' : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  </div>
);
