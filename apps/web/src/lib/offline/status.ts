import { useSyncExternalStore } from 'react';

// Whether the screen shows data kept on this device because the server could not be reached, and since when that
// data is (the oldest read among the copies shown). In the entry chunk: tiny, no IndexedDB here (see store.ts).

export type OfflineStatus = { offline: boolean; dataAsOf: number | null };

let status: OfflineStatus = { offline: false, dataAsOf: null };
const listeners = new Set<() => void>();
const set = (next: OfflineStatus) => {
  if (next.offline === status.offline && next.dataAsOf === status.dataAsOf) return;
  status = next;
  listeners.forEach((l) => l());
};

/** A copy read at `readAt` (ms) is shown instead of the server's answer. */
export const markServedOffline = (readAt: number): void =>
  set({
    offline: true,
    dataAsOf: status.offline && status.dataAsOf !== null ? Math.min(status.dataAsOf, readAt) : readAt,
  });

/** The server could not be reached and nothing kept was shown (yet). */
export const markUnreachable = (): void => {
  if (!status.offline) set({ offline: true, dataAsOf: null });
};

/** The server answered: back online. */
export const markOnline = (): void => {
  if (status.offline) set({ offline: false, dataAsOf: null });
};

export const getOfflineStatus = (): OfflineStatus => status;

/** Calls `l` whenever the status changes (sync.ts: back online, send what waits). */
export const subscribeOfflineStatus = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const subscribe = subscribeOfflineStatus;

export const useOfflineStatus = (): OfflineStatus =>
  useSyncExternalStore(subscribe, getOfflineStatus, getOfflineStatus);
