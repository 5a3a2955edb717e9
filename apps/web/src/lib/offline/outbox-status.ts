import { useSyncExternalStore } from 'react';

// What the screens show of the changes made without a connection (lib/offline/outbox.ts keeps them in IndexedDB):
// the items of the signed-in user, mirrored here once the outbox is loaded. Small and free of IndexedDB, so the app
// frame can show "2 thay đổi chờ gửi" without loading the store for users who keep nothing (docs/offline.md).

export type OutboxKind = 'recordMeeting' | 'recordDuesPayment';
export type OutboxState = 'queued' | 'sending' | 'conflict' | 'rejected';
/** The server's refusal, kept with the item (the fields of lib/api-error's ApiError). */
export type OutboxError = {
  code: string;
  reason: string;
  message?: string;
  fields?: { field: string; reason: string; message?: string }[];
};

export type OutboxItem = {
  id: string;
  userId: string;
  /** Order of sending: the order the changes were made. */
  seq: number;
  createdAt: number;
  updatedAt: number;
  kind: OutboxKind;
  /** The record it changes (the meeting, or `<memberId>|<month>` for dues): later changes of it wait behind it. */
  target: string;
  /** What the lists show: the meeting's title and date, or the member's name, month and amount. */
  label: { title: string; date?: string; detail?: string };
  /** The GraphQL mutation and its variables, sent as they are (with the idempotency key among the variables). */
  query: string;
  variables: Record<string, unknown>;
  clientKey: string;
  /** recordMeeting: the record as the device read it before editing, and the meeting's version then. */
  base?: unknown;
  baseVersion?: number;
  state: OutboxState;
  error?: OutboxError;
  /** How many times it was sent without an answer (network lost). */
  attempts: number;
};

let items: readonly OutboxItem[] = [];
let loaded = false;
const listeners = new Set<() => void>();

/** outbox.ts publishes the signed-in user's items after each change. */
export const publishOutbox = (next: readonly OutboxItem[]): void => {
  items = [...next].sort((a, b) => a.seq - b.seq);
  loaded = true;
  listeners.forEach((l) => l());
};

export const getOutbox = (): readonly OutboxItem[] => items;
export const outboxLoaded = (): boolean => loaded;

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The signed-in user's changes not yet accepted by the server, oldest first. */
export const useOutbox = (): readonly OutboxItem[] => useSyncExternalStore(subscribe, getOutbox, getOutbox);

/** Items that need the user: a conflict to decide or a refusal to read. */
export const needsAttention = (item: OutboxItem): boolean => item.state === 'conflict' || item.state === 'rejected';

/** The answer of a write that was queued on this device instead of reaching the server (sent later by sync.ts). */
export type QueuedChange = { queued: OutboxItem };
export const isQueued = (x: unknown): x is QueuedChange => typeof x === 'object' && x !== null && 'queued' in x;

// After the server accepted a queued change, the app frame refreshes the screens it changes (lib/invalidation).
const accepted = new Set<(item: OutboxItem) => void>();
export const onOutboxAccepted = (cb: (item: OutboxItem) => void): (() => void) => {
  accepted.add(cb);
  return () => accepted.delete(cb);
};
export const emitOutboxAccepted = (item: OutboxItem): void => accepted.forEach((cb) => cb(item));
