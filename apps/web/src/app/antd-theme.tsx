import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { useLanguage } from '../lib/use-language';
import { usePrefersReducedMotion } from '../lib/use-reduced-motion';

// WCAG 2.1 AA (issue #12 §7): every text colour of the theme reads at 4.5:1 or more on white and on antd's light
// fills (#fafafa, #f5f5f5) and tag tints; the browser tests check each screen with axe-core. antd's defaults do not:
// secondary and description text at 45% black is 3.4:1 on #f5f5f5, placeholders at 25% black 1.8:1, and its status
// and preset tag colours (green-7 on green-1, gold-7 on gold-1, …) 2.5 to 4.1:1.
const token = {
  colorPrimary: '#b71c1c',
  colorLink: '#a31515',
  borderRadius: 6,
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  // a disabled field's value and suffix, an empty table's "Không có dữ liệu": still readable (on #f5f5f5 4.8:1)
  colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
  // form errors and danger buttons are text in this colour; its tints (backgrounds, borders) follow
  colorError: '#cf1322',
  colorSuccessText: '#237804',
  colorWarningText: '#ad4e00',
  colorErrorText: '#a8071a',
  colorInfoText: '#0958d9',
};
// antd's tags write their text in the status colour and in the 7th shade of a preset colour on its lightest tint:
// darker shades for those that read below 4.5:1 there.
const Tag = {
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#a8071a',
  colorInfo: '#0958d9',
  green7: '#237804',
  lime7: '#3f6600',
  gold7: '#874d00',
  yellow7: '#876800',
  orange7: '#ad4e00',
  volcano7: '#ad2102',
  cyan7: '#006d75',
  magenta7: '#9e1068',
  pink7: '#9e1068',
};
// a finished progress bar writes its figure in the success colour
const Progress = { colorSuccess: '#237804' };
const components = { Tag, Progress };
export const appTheme = { token, components };
// antd's `motion: false` turns off the zoom, slide and fade of dialogs, drawers and lists
const stillTheme = { token: { ...token, motion: false }, components };

// antd's locale follows the i18next language (dayjs is switched in lib/i18n.ts); its animations follow the system's
// "reduce motion" setting. Without antd's `<App>` (antd-provider.tsx): the parts of the shell and of the dashboard
// that load antd on first use (a picker, a drawer, a panel) wrap themselves in it (antd-lazy.tsx).
export const AntdTheme = ({ children }: { children: ReactNode }) => {
  const lng = useLanguage();
  const still = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={lng === 'vi' ? viVN : enUS} theme={still ? stillTheme : appTheme}>
      {children}
    </ConfigProvider>
  );
};
