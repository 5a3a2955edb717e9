import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { AntdProvider } from './antd-provider';
import { PageLoading } from './page-loading';

// Printable pages: signed in, antd available, but no header, menu or tree around the document.
export const PrintShell = () => (
  <AntdProvider>
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  </AntdProvider>
);
