import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';

// Providers that the sign-in screen needs too. antd's ConfigProvider lives in the lazily loaded
// app shell (antd-provider.tsx) so the first screen does not download antd.
export const Providers = ({ children }: { children: ReactNode }) => {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
};
