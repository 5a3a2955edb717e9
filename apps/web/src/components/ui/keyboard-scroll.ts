import { useLayoutEffect, useRef } from 'react';

/**
 * A ref for a box around antd tables that scroll sideways (`scroll={{ x }}`): their scroll containers become named
 * regions the keyboard can focus and scroll (WCAG 2.1.1; axe: scrollable-region-focusable), which antd's are not.
 */
export const useKeyboardScroll = <T extends HTMLElement = HTMLDivElement>(label: string) => {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body').forEach((el) => {
      if (el.tabIndex !== 0) el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    });
  });
  return ref;
};
