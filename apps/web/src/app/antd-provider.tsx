import { App as AntdApp } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { registerFeedback } from '../lib/feedback';
import { AntdTheme } from './antd-theme';

export { appTheme } from './antd-theme';

// lets the shell's and the dashboard's messages and confirmations (lib/feedback.ts) show through this <App>
const RegisterFeedback = () => {
  const feedback = AntdApp.useApp();
  useEffect(() => registerFeedback(feedback), [feedback]);
  return null;
};

/** antd's theme and locale with its `<App>` (message, notification and modal hooks): around the screens built with antd. */
export const AntdProvider = ({ children }: { children?: ReactNode }) => (
  <AntdTheme>
    <AntdApp>
      <RegisterFeedback />
      {children}
    </AntdApp>
  </AntdTheme>
);
