import { offlineDb } from './db';
import { publishOutbox, type OutboxItem, type OutboxKind } from './outbox-status';

// The changes made on this device while the server could not be reached (docs/offline.md, "Writing offline"): kept in
// IndexedDB (store `outbox`), so they survive closing the browser, and sent by sync.ts in the order they were made.
// Per user: another user's sign-in on the device, and signing out, delete them (keep.ts, after asking when any wait).

let userId: string | null = null;
let seq = 0;

const refresh = async (): Promise<OutboxItem[]> => {
  if (!userId) {
    publishOutbox([]);
    return [];
  }
  const db = await offlineDb();
  const rows = await db.getAllFromIndex('outbox', 'byUser', userId);
  const mine = rows.sort((a, b) => a.seq - b.seq);
  seq = Math.max(seq, ...mine.map((r) => r.seq), Date.now());
  publishOutbox(mine);
  return mine;
};

/** Whose changes are shown and sent (the signed-in user, also in an offline session). */
export const openOutbox = async (forUser: string): Promise<OutboxItem[]> => {
  userId = forUser;
  return refresh();
};

/** The signed-in user's changes, oldest first. */
export const outboxItems = (): Promise<OutboxItem[]> => refresh();

export type NewOutboxItem = Pick<
  OutboxItem,
  'kind' | 'target' | 'label' | 'query' | 'variables' | 'clientKey' | 'base' | 'baseVersion'
>;

/**
 * Queues a change. A change of a record that already waits unsent (a second save of the same meeting's record
 * offline) replaces it, keeping what the first was based on: the server gets the latest record once.
 */
export const enqueue = async (forUser: string, item: NewOutboxItem): Promise<OutboxItem> => {
  userId = forUser;
  const db = await offlineDb();
  const tx = db.transaction('outbox', 'readwrite');
  const mine = await tx.store.index('byUser').getAll(forUser);
  const now = Date.now();
  const waiting =
    item.kind === 'recordMeeting'
      ? mine.find((r) => r.kind === item.kind && r.target === item.target && r.state === 'queued')
      : undefined;
  const row: OutboxItem = waiting
    ? {
        ...waiting,
        label: item.label,
        query: item.query,
        clientKey: item.clientKey,
        // the first unsent change's base stays: the server has not seen anything in between
        variables: { ...item.variables, expectedVersion: waiting.variables.expectedVersion },
        updatedAt: now,
      }
    : {
        ...item,
        id: crypto.randomUUID(),
        userId: forUser,
        seq: (seq = Math.max(seq + 1, now)),
        createdAt: now,
        updatedAt: now,
        state: 'queued',
        attempts: 0,
      };
  await Promise.all([tx.store.put(row), tx.done]);
  await refresh();
  return row;
};

/** Changes an item (its state after a sending, or a decided conflict); a missing one is left missing. */
export const updateItem = async (id: string, patch: Partial<Omit<OutboxItem, 'id' | 'userId'>>): Promise<void> => {
  const db = await offlineDb();
  const tx = db.transaction('outbox', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.put({ ...row, ...patch, updatedAt: Date.now() });
  await tx.done;
  await refresh();
};

/** Deletes an item: accepted by the server, or given up by the user. */
export const removeItem = async (id: string): Promise<void> => {
  const db = await offlineDb();
  await db.delete('outbox', id);
  await refresh();
};

/** Deletes every queued change on this device (sign-out, another user); returns how many there were. */
export const clearOutbox = async (): Promise<number> => {
  const db = await offlineDb();
  const n = await db.count('outbox');
  await db.clear('outbox');
  userId = null;
  publishOutbox([]);
  return n;
};

export type { OutboxItem, OutboxKind };
