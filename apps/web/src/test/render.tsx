import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { AntdProvider } from '../app/antd-provider';
import { setOfflineStoreLoader } from '../lib/offline/keep';
import type { NewOutboxItem } from '../lib/offline/outbox';
import { saveSession } from '../lib/session';

export type Rendered = RenderResult & { user: ReturnType<typeof userEvent.setup> };

/** Signs a user in for the component (no request: the session is only held in memory). */
export const signIn = (id = 'u-1', isAdmin = false): void => {
  saveSession({
    accessToken: 'test-token',
    accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    viewer: { id, username: 'canbo', displayName: 'Cán bộ', isAdmin },
  });
};

/**
 * Marks this device as keeping the data of the signed-in user (a cell secretary) and hands the offline layer a fake
 * outbox: a write that meets no network is queued there (lib/offline/keep.ts sendOrQueue). Returns the queued items.
 */
export const keepOffline = (id = 'u-1'): NewOutboxItem[] => {
  signIn(id);
  localStorage.setItem('chibo.offlineUser', id);
  const queued: NewOutboxItem[] = [];
  const sync = {
    startOutbox: () => undefined,
    queueChange: (_userId: string, item: NewOutboxItem) => {
      queued.push(item);
      return Promise.resolve(`q-${queued.length}`);
    },
  };
  setOfflineStoreLoader(
    () => Promise.reject(new Error('no store in tests')),
    () => Promise.resolve(sync as unknown as typeof import('../lib/offline/sync')),
  );
  return queued;
};

/** Renders `ui` inside what the app shell gives every screen: the query client, antd in Vietnamese, a router. */
export const renderUi = (ui: ReactElement, route = '/'): Rendered => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
  const user = userEvent.setup({ delay: null });
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>
        <AntdProvider>
          {/* no motion: a modal or a message is there at once, and gone at once */}
          <ConfigProvider theme={{ token: { motion: false } }}>{ui}</ConfigProvider>
        </AntdProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, user };
};

/** Puts `text` in a text or number box at once (typing it key by key into antd's inputs costs seconds per test). */
export const fill = (box: HTMLElement, text: string): void => {
  fireEvent.change(box, { target: { value: text } });
};
