import { useContext, type ReactNode } from 'react';
import TableMeasureRowContext from 'antd/es/table/TableMeasureRowContext';

/**
 * `rowSelection.columnTitle` of an antd table that scrolls sideways: the "select all" checkbox, except in the hidden
 * row antd renders the titles into to measure the columns (`aria-hidden`), where a focusable copy of it would be
 * reachable by the keyboard but hidden from screen readers (axe: aria-hidden-focus). A box of its size stands there.
 */
const SelectAllTitle = ({ checkbox }: { checkbox: ReactNode }) =>
  useContext(TableMeasureRowContext) ? <span className="select-all-placeholder" /> : <>{checkbox}</>;

export const selectAllTitle = (checkbox: ReactNode) => <SelectAllTitle checkbox={checkbox} />;
