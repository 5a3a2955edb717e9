import { lazy, type ComponentType } from 'react';

/**
 * `lazy()` for a part built with antd that loads on first use where no antd provider is around it (the shell, the
 * dashboard: docs/scaling.md, "The web app"): it comes with antd's theme and locale (antd-theme.tsx) of its own. Inside
 * a screen that has them already, the second provider changes nothing.
 */
export const lazyWithAntd = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => {
    const [Component, { AntdTheme }] = await Promise.all([load(), import('./antd-theme')]);
    const Themed = (props: P) => (
      <AntdTheme>
        <Component {...props} />
      </AntdTheme>
    );
    return { default: Themed };
  });

/** Fetches antd's theme (with the part that needs it) before the first use, e.g. when the pointer nears a light field. */
export const loadAntdTheme = () => import('./antd-theme');
