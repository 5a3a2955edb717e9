import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
  onData: (d: Uint8Array) => void;
};
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (id: number) => void;
};

/** Extended-query messages (Parse, Bind, Describe, Execute, Close, Flush, FunctionCall): a group that ends at Sync. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'F'].map((c) => c.charCodeAt(0)));

/**
 * The socket server runs every connection's messages on PGlite's single backend, one message at a time, and keeps
 * them together only inside a transaction. Outside one, two connections' extended-query groups (Parse, Bind,
 * Execute … Sync) interleave: one connection's Bind then runs the other's statement, so a caller gets another
 * caller's rows or "portal does not exist" (seen with 12 concurrent sign-ups). Here one connection owns the backend
 * from the first message of a group to its Sync (and, as before, through a transaction); a failed message no longer
 * stops the queue for everyone. Replaces the pinned @electric-sql/pglite-socket 0.2.17's queue loop on the instance.
 */
export const keepProtocolGroupsTogether = (server: PGLiteSocketServer, db: PGlite): void => {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let owner: number | null = null; // the connection in the middle of an extended-query group
  q.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = owner ?? (db.isInTransaction() ? this.lastHandlerId : null);
        const at = holder === null ? 0 : this.queue.findIndex((m) => m.handlerId === holder);
        if (at < 0) break; // the holder's next message has not arrived yet
        const [item] = this.queue.splice(at, 1);
        if (!item) break; // at is an index of the queue: cannot happen
        const type = item.message[0];
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (d: Uint8Array) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (e) {
          item.reject(e);
          continue;
        } finally {
          this.lastHandlerId = item.handlerId;
          if (type !== undefined && EXTENDED.has(type)) owner = item.handlerId;
          else if (type === 0x53 /* Sync */ || type === 0x51 /* Query */ || type === 0x58 /* Terminate */) owner = null;
        }
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id: number) => {
    clear(id);
    if (owner === id) {
      owner = null;
      void q.processQueue();
    }
  };
};

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

// One embedded server per process, shared by the app and the CLI.
let running: Promise<EmbeddedDatabase> | null = null;

/**
 * Starts PGlite with its data in `dataDir` behind a PostgreSQL wire-protocol socket, so the app talks to it
 * with the ordinary `pg` driver: the same code path as a real server.
 */
export const startEmbeddedDatabase = (dataDir: string, maxConnections: number): Promise<EmbeddedDatabase> => {
  running ??= (async () => {
    const dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    const db = await PGlite.create({ dataDir: dir, extensions: { pg_trgm, btree_gist } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    keepProtocolGroupsTogether(server, db);
    await server.start();
    const conn = server.getServerConn(); // "host:port"
    const port = Number(conn.split(':').pop());
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await server.stop();
        await db.close();
        running = null;
      },
    };
  })();
  return running;
};
