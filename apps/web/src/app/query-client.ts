import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-error';

// Answers that will not change on a retry are not retried.
const FINAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']);

export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
        // offline, a query still runs once: lib/graphql-client answers it from the data kept on this device
        // (docs/offline.md); only its retries wait for the network
        networkMode: 'offlineFirst',
        retry: (failureCount, error) => !(isApiError(error) && FINAL_CODES.has(error.code)) && failureCount < 2,
      },
      // a write is always tried: without a connection it either goes into the queue of changes made offline
      // (lib/offline/keep.ts sendOrQueue) or fails at once with the "no connection" message; never a silent pause
      mutations: { retry: false, networkMode: 'always' },
    },
  });
