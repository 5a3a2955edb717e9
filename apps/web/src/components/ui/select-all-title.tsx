import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * `rowSelection.columnTitle` of an antd table that scrolls sideways: the "select all" checkbox. antd also renders the
 * titles into a hidden row (`aria-hidden`) to measure the columns, where a focusable copy of the checkbox would be
 * reachable by the keyboard but hidden from screen readers (axe: aria-hidden-focus); that copy is taken out of the
 * tab order.
 */
const SelectAllTitle = ({ checkbox }: { checkbox: ReactNode }) => {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (!ref.current?.closest('[aria-hidden="true"]')) return;
    ref.current.querySelectorAll<HTMLElement>('input, button, [tabindex]').forEach((c) => {
      c.tabIndex = -1;
    });
  });
  return <span ref={ref}>{checkbox}</span>;
};

export const selectAllTitle = (checkbox: ReactNode) => <SelectAllTitle checkbox={checkbox} />;
