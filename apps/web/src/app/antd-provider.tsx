import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { useLanguage } from '../lib/use-language';
import { usePrefersReducedMotion } from '../lib/use-reduced-motion';

const token = { colorPrimary: '#b71c1c', colorLink: '#a31515', borderRadius: 6 };
const theme = { token };
// antd's `motion: false` turns off the zoom, slide and fade of dialogs, drawers and lists
const stillTheme = { token: { ...token, motion: false } };

// antd's locale follows the i18next language (dayjs is switched in lib/i18n.ts); its animations follow the system's
// "reduce motion" setting.
export const AntdProvider = ({ children }: { children: ReactNode }) => {
  const lng = useLanguage();
  const still = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={lng === 'vi' ? viVN : enUS} theme={still ? stillTheme : theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
};
