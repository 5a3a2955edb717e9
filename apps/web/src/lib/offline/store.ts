import { vietnamToday } from '../domain';
import { offlineDb, type ViewerRow } from './db';

// Kept answers of the offline operations (operations.ts), per user, with the time they were read. Loaded on demand
// (keep.ts; never on the sign-in screen). The answers of one moment (a screen's batch) are stored together in one
// transaction a moment later, and at once when the page is being left, so a quick reload does not lose them.

/** How long kept data may be shown: the lifetime of a refresh token (REFRESH_TOKEN_TTL_DAYS' default). */
export const OFFLINE_MAX_AGE_MS = 14 * 24 * 3600_000;

export type KeptRead = { data: unknown; readAt: number };

/** Today's date in a key stands for "today", so the default views (as of today) are found again on another day. */
const TODAY = '@today';
const normalise = (value: unknown, today: string, key?: string): unknown => {
  if (Array.isArray(value)) return value.map((v) => normalise(v, today));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normalise((value as Record<string, unknown>)[k], today, k)]),
    );
  }
  return key === 'asOf' && value === today ? TODAY : value;
};

/** The row key of one operation with its variables (sorted keys; today's asOf as "today"). */
export const readKey = (operation: string, variables: unknown, userId: string): string =>
  `${userId} ${operation} ${JSON.stringify(normalise(variables ?? {}, vietnamToday()))}`;

type Pending = { key: string; operation: string; userId: string; readAt: number; data: unknown };
let pending = new Map<string, Pending>();
let flushScheduled = false;
let generation = 0;
const FLUSH_DELAY_MS = 50;

const idle = (fn: () => void) => {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout: 3000 });
  else window.setTimeout(fn, 500);
};

const flush = async (): Promise<void> => {
  flushScheduled = false;
  const rows = [...pending.values()];
  pending = new Map();
  if (rows.length === 0) return;
  const started = generation;
  const db = await offlineDb();
  if (started !== generation) return; // signed out meanwhile
  const tx = db.transaction('reads', 'readwrite');
  await Promise.all([...rows.map((r) => tx.store.put(r)), tx.done]);
};

/** Keeps an answer read from the server now (stored when the browser is idle). */
export const rememberRead = (operation: string, variables: unknown, userId: string, data: unknown): void => {
  const key = readKey(operation, variables, userId);
  pending.set(key, { key, operation, userId, readAt: Date.now(), data });
  if (!flushScheduled) {
    flushScheduled = true;
    window.setTimeout(() => void flush().catch(() => undefined), FLUSH_DELAY_MS);
  }
};

/** The kept answer of this operation and variables for this user, if there is one young enough. */
export const recallRead = async (operation: string, variables: unknown, userId: string): Promise<KeptRead | null> => {
  const key = readKey(operation, variables, userId);
  const waiting = pending.get(key);
  if (waiting) return { data: waiting.data, readAt: waiting.readAt };
  try {
    const row = await (await offlineDb()).get('reads', key);
    if (!row || Date.now() - row.readAt > OFFLINE_MAX_AGE_MS) return null;
    return { data: row.data, readAt: row.readAt };
  } catch {
    return null;
  }
};

/**
 * Keeps the signed-in user (as the server confirmed them) for an offline session after a reload without network.
 * Another user than the one kept: everything kept for the previous one is deleted first (a shared phone).
 */
export const rememberViewer = async <V>(userId: string, viewer: V): Promise<void> => {
  const db = await offlineDb();
  const previous = await db.get('meta', 'viewer');
  if (previous && previous.userId !== userId) await db.clear('reads');
  await db.put('meta', { userId, viewer, savedAt: Date.now() } satisfies ViewerRow<V>, 'viewer');
};

/** The user kept by rememberViewer, unless too old (then everything kept is deleted). */
export const keptViewer = async <V>(): Promise<ViewerRow<V> | null> => {
  try {
    const db = await offlineDb();
    const row = (await db.get('meta', 'viewer')) as ViewerRow<V> | undefined;
    if (!row) return null;
    if (Date.now() - row.savedAt > OFFLINE_MAX_AGE_MS) {
      await clearOfflineData();
      return null;
    }
    return row;
  } catch {
    return null;
  }
};

/** Deletes answers older than the offline lifetime (on each page load that uses the store). */
export const pruneReads = async (): Promise<void> => {
  const db = await offlineDb();
  const tx = db.transaction('reads', 'readwrite');
  let cursor = await tx.store.index('byReadAt').openCursor(IDBKeyRange.upperBound(Date.now() - OFFLINE_MAX_AGE_MS));
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
};

/** Everything kept on this device: on sign-out (personal data must not stay on a shared phone). */
export const clearOfflineData = async (): Promise<void> => {
  generation += 1;
  pending = new Map();
  const db = await offlineDb();
  const tx = db.transaction(['reads', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('reads').clear(), tx.objectStore('meta').clear(), tx.done]);
};

// once per page that loads the store: answers past the offline lifetime go
idle(() => void pruneReads().catch(() => undefined));
// the page is being left (reload, another address, the app closed): store what waits now
window.addEventListener('pagehide', () => {
  if (pending.size > 0) void flush().catch(() => undefined);
});
