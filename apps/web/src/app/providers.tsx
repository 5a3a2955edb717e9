import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';

// Providers that the sign-in screen needs too. antd's provider (antd-provider.tsx) is loaded by the app shell around
// the screens built with antd (app-shell.tsx), so neither the sign-in screen nor the dashboard downloads it.
export const Providers = ({ children }: { children: ReactNode }) => {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
};
