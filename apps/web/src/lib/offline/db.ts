import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem } from './outbox-status';

// The IndexedDB database of the offline layer (docs/offline.md). One database per origin, `chibo-offline`:
//   reads  answers of the queries in operations.ts, one row per operation and variables, with the user and the time
//          they were read
//   meta   the signed-in user as the server last confirmed it (the offline session after a reload without network)
//   outbox changes made without a connection, waiting to be sent (outbox.ts), per user, in the order they were made
//          (version 2)

export type ReadRow = { key: string; operation: string; userId: string; readAt: number; data: unknown };
export type ViewerRow<V = unknown> = { userId: string; viewer: V; savedAt: number };

export interface OfflineSchema extends DBSchema {
  reads: { key: string; value: ReadRow; indexes: { byReadAt: number } };
  meta: { key: string; value: ViewerRow };
  outbox: { key: string; value: OutboxItem; indexes: { byUser: string } };
}

export const DB_NAME = 'chibo-offline';
const VERSION = 2;

let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;

/** The open database (opened once per page); rejects where IndexedDB is missing or refused (private modes). */
export const offlineDb = (): Promise<IDBPDatabase<OfflineSchema>> => {
  opening ??= openDB<OfflineSchema>(DB_NAME, VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const reads = db.createObjectStore('reads', { keyPath: 'key' });
        reads.createIndex('byReadAt', 'readAt');
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('byUser', 'userId');
      }
    },
    // another tab opened a newer version: let it upgrade, open again on next use
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase | null)?.close();
      opening = null;
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
};
