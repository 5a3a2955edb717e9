import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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
