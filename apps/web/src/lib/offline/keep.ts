import type { MeQuery } from '../../gql/graphql';
import { isApiError } from '../api-error';
import { getSession, type Viewer } from '../session';
import { OFFLINE_OPERATIONS } from './operations';
import type { NewOutboxItem } from './outbox';
import type { QueuedChange } from './outbox-status';

// What graphql-client.ts asks of the offline layer: keep an answer, find a kept one, the kept user, forget it all.
// Small and in the shared chunk of graphql-client; the IndexedDB store (store.ts, with idb) is loaded only for a user
// who keeps data: one with a cell-secretary or member grant (the people who work from a phone in a cell). Committee
// staff and administrators read whole subtrees: nothing of theirs is kept on the device, and the store is not loaded.

type OfflineStore = typeof import('./store');
type OfflineSync = typeof import('./sync');
let loadStore: (() => Promise<OfflineStore>) | null = null;
let loadSync: (() => Promise<OfflineSync>) | null = null;

/** main.tsx hands over the loaders, so the dynamic imports (and their preload helper) stay in the entry chunk. */
export const setOfflineStoreLoader = (
  load: () => Promise<OfflineStore>,
  loadOutbox?: () => Promise<OfflineSync>,
): void => {
  loadStore = load;
  loadSync = loadOutbox ?? null;
};
const store = (): Promise<OfflineStore> => (loadStore ? loadStore() : Promise.reject(new Error('no offline store')));
const sync = (): Promise<OfflineSync> => (loadSync ? loadSync() : Promise.reject(new Error('no offline sync')));

/** The roles whose holders keep data for offline reading. */
export const keepsOffline = (me: MeQuery['me']): boolean =>
  !me.isAdmin && me.grants.some((g) => g.role === 'CELL_SECRETARY' || g.role === 'MEMBER');

// Marks (no personal data: a user id) that this device keeps someone's data, so that another user's session clears it
// without loading the store for users who keep nothing.
const MARK = 'chibo.offlineUser';
const mark = (userId?: string | null): string | null => {
  try {
    if (userId === null) window.localStorage.removeItem(MARK);
    else if (userId) window.localStorage.setItem(MARK, userId);
    return window.localStorage.getItem(MARK);
  } catch {
    return null;
  }
};

const idle = (fn: () => void) => {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout: 3000 });
  else window.setTimeout(fn, 500);
};

type Answer = { operation: string; variables: unknown; data: unknown };
let user: { id: string; viewer: Viewer; keeps: boolean | null; waiting: Answer[] } | null = null;

const write = (userId: string, answers: Answer[]) =>
  void store()
    .then((s) => answers.forEach((a) => s.rememberRead(a.operation, a.variables, userId, a.data)))
    .catch(() => undefined);

/**
 * A new session (sign-in, refresh after a page load). Until its Me answer tells whether this user keeps data, their
 * answers wait in memory. Another user's data kept on this device is deleted.
 */
export const sessionStarted = (viewer: Viewer): void => {
  if (user?.id === viewer.id) return;
  user = { id: viewer.id, viewer, keeps: null, waiting: [] };
  const kept = mark();
  if (kept && kept !== viewer.id) void clearKept();
  else if (kept === viewer.id) startOutbox(viewer.id);
};

// The changes this user made without a connection (sync.ts): shown in the app frame and sent when the server answers.
let outboxOf: string | null = null;
const startOutbox = (userId: string) => {
  if (outboxOf === userId) return;
  outboxOf = userId;
  void sync()
    .then((s) => s.startOutbox(userId))
    .catch(() => undefined);
};

/** Whether this device keeps the data of `userId` (a cell secretary or member): their changes may wait offline. */
export const keepsOnDevice = (userId: string | undefined | null): boolean => Boolean(userId) && mark() === userId;

/**
 * Sends a write; when the server cannot be reached and the signed-in user keeps data on this device (a cell
 * secretary, a member), the write is queued instead (sync.ts sends it later, with the idempotency key among its
 * variables, so a write whose answer was lost is written once) and the answer is `{ queued }`.
 */
export const sendOrQueue = async <T>(send: () => Promise<T>, item: () => NewOutboxItem): Promise<T | QueuedChange> => {
  try {
    return await send();
  } catch (error) {
    const userId = getSession()?.viewer.id;
    if (!isApiError(error) || error.code !== 'NETWORK_ERROR' || !userId || !keepsOnDevice(userId)) throw error;
    startOutbox(userId);
    return { queued: await (await sync()).queueChange(userId, item()) };
  }
};

/** An answer of the server for the signed-in user: kept when it is one of the offline operations and the user keeps. */
export const keepAnswer = (operation: string, variables: unknown, data: unknown): void => {
  if (!user || !OFFLINE_OPERATIONS.has(operation)) return;
  if (operation === 'Me') {
    const keeps = keepsOffline((data as MeQuery).me);
    const { id, viewer, waiting } = user;
    user.keeps = keeps;
    user.waiting = [];
    if (!keeps) return;
    mark(id);
    startOutbox(id);
    idle(
      () =>
        void store()
          .then((s) => s.rememberViewer(id, viewer))
          .catch(() => undefined),
    );
    write(id, [...waiting, { operation, variables, data }]);
    return;
  }
  if (user.keeps === null) user.waiting.push({ operation, variables, data });
  else if (user.keeps) write(user.id, [{ operation, variables, data }]);
};

/** The kept answer of this operation and variables for this user (null: none, or this user keeps nothing). */
export const recallAnswer = async (
  operation: string,
  variables: unknown,
  userId: string,
): Promise<{ data: unknown; readAt: number } | null> => {
  if (!OFFLINE_OPERATIONS.has(operation) || mark() !== userId) return null;
  return store()
    .then((s) => s.recallRead(operation, variables, userId))
    .catch(() => null);
};

/** The user kept on this device, for an offline session after a page load without network. */
export const keptViewer = async (): Promise<Viewer | null> => {
  if (!mark()) return null;
  const row = await store()
    .then((s) => s.keptViewer<Viewer>())
    .catch(() => null);
  if (row) startOutbox(row.viewer.id);
  return row?.viewer ?? null;
};

/** Deletes everything kept on this device, the changes still waiting included (sign-out; another user's session). */
export const clearKept = async (): Promise<void> => {
  const had = mark();
  mark(null);
  outboxOf = null;
  if (user) user.waiting = [];
  if (!had) return;
  await Promise.all([
    store()
      .then((s) => s.clearOfflineData())
      .catch(() => undefined),
    sync()
      .then((s) => s.clearQueued())
      .catch(() => undefined),
  ]);
};
