import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import type { ReactElement, ReactNode } from 'react';
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
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  // antd keeps a closing popup under pointer-events: none for a moment; a test does not wait for it
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>
        <AntdProvider>
          {/* no motion: a modal or a message is there at once, and gone at once */}
          <ConfigProvider theme={{ token: { motion: false } }}>{children}</ConfigProvider>
        </AntdProvider>
      </MemoryRouter>
    </QueryClientProvider>
  );
  const result: RenderResult = render(ui, { wrapper: Wrapper });
  return { ...result, user };
};

/** Puts `text` in a text or number box at once (typing it key by key into antd's inputs costs seconds per test). */
export const fill = (box: HTMLElement, text: string): void => {
  fireEvent.change(box, { target: { value: text } });
};

type User = Rendered['user'];

/** The antd form item labelled `label` (its label text, exactly). */
export const formItem = (label: string): HTMLElement => {
  const item = screen.getByText(label, { selector: 'label' }).closest<HTMLElement>('.ant-form-item');
  if (!item) throw new Error(`no form item labelled ${label}`);
  return item;
};

/** The error shown under the form item labelled `label` ('' when none). */
export const fieldError = (label: string): string =>
  formItem(label).querySelector('.ant-form-item-explain-error')?.textContent ?? '';

/** The texts of the options of the open select list. */
export const optionsShown = async (): Promise<string[]> => {
  await screen.findAllByText(/./, { selector: '.ant-select-item-option-content' });
  return [
    ...document.querySelectorAll(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-content',
    ),
  ].map((o) => o.textContent ?? '');
};

/** Opens the select of the form item labelled `label` and picks the option whose text is `option`. */
export const choose = async (user: User, label: string, option: string): Promise<void> => {
  await user.click(within(formItem(label)).getByRole('combobox'));
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  await user.click(options[options.length - 1].closest('.ant-select-item-option')!);
};

/** Types a day (DD/MM/YYYY) into the date picker of the form item labelled `label` and confirms it with Enter (only
 * the key event: a user's Enter would also submit the form). */
export const typeDate = async (user: User, label: string, day: string): Promise<void> => {
  const box = within(formItem(label)).getByRole('textbox');
  await user.click(box);
  fill(box, day);
  fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
};

/** Whether the open calendar offers `iso` (YYYY-MM-DD) as a day to pick. */
export const dayOffered = (iso: string): boolean => {
  const cell = document.querySelector(`td[title="${iso}"]`);
  if (!cell) throw new Error(`${iso} is not in the open calendar`);
  return !cell.className.includes('ant-picker-cell-disabled');
};
