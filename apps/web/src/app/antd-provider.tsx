import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { useLanguage } from '../lib/use-language';

const theme = {
  token: { colorPrimary: '#b71c1c', colorLink: '#a31515', borderRadius: 6 },
};

// antd's locale follows the i18next language (dayjs is switched in lib/i18n.ts).
export const AntdProvider = ({ children }: { children: ReactNode }) => {
  const lng = useLanguage();
  return (
    <ConfigProvider locale={lng === 'vi' ? viVN : enUS} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
};
