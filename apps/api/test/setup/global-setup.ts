// Jest globalSetup for the API integration tests (runs once, in jest's parent process).
// Creates a fresh database `chibo_test_<pid>_<random>` on the server given by TEST_DATABASE_URL and points
// DATABASE_URL at it for the tests; with several jest workers, one more database per worker beyond the first
// (`…_w2`, `…_w3`; worker-database.ts points each worker at its own), so suites that run at the same time never share
// one. global-teardown.ts drops them all. Never touches a database whose name lacks "test".
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../src/database/embedded';

/** Set by an embedded run (CHIBO_TEST_EMBEDDED=1) for global-teardown.ts (same process). */
export type EmbeddedRun = { stop: () => Promise<void>; dir: string };
export const EMBEDDED_KEY = '__chiboEmbeddedTestDatabase';

export default async function globalSetup(globalConfig?: { maxWorkers?: number }): Promise<void> {
  if (process.env.CHIBO_TEST_EMBEDDED === '1') return embeddedSetup();
  const admin = adminUrl();
  const name = `chibo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const names = workerDatabaseNames(name, Math.max(1, globalConfig?.maxWorkers ?? 1));
  names.forEach(assertTestDatabaseName);

  const client = new Client({ connectionString: admin, connectionTimeoutMillis: 10000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `Integration tests need PostgreSQL: cannot connect to TEST_DATABASE_URL=${redact(admin)} (${(e as Error).message}). ` +
        'Start it (see README, Testing) or set TEST_DATABASE_URL.',
      { cause: e },
    );
  }
  try {
    await cleanupStale(client, admin);
    for (const n of names) await client.query(`CREATE DATABASE "${n}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }

  const url = databaseUrlFor(admin, name);
  process.env.CHIBO_TEST_DATABASE = names.join(',');
  process.env.DATABASE_URL = url;
  process.env.NODE_ENV = 'test';
  // Teardown runs in this same process and reads process.env; the file is the fallback.
  writeFileSync(STATE_FILE, JSON.stringify({ names, admin, createdAt: new Date().toISOString() }));
  process.stdout.write(
    `\n[chibo] integration tests use the fresh database${names.length > 1 ? 's' : ''} ${names.join(', ')}\n`,
  );
}

/**
 * CHIBO_TEST_EMBEDDED=1: the suites run on the embedded database (PGlite behind its socket, as `npm start` uses
 * it) in a fresh temporary directory, instead of a PostgreSQL server. Run them with --runInBand: the server lives
 * in this process.
 */
const embeddedSetup = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'chibo-test-pglite-'));
  const db = await startEmbeddedDatabase(dir, 40);
  const u = new URL(db.url);
  u.pathname = '/chibo_test_embedded'; // PGlite has one database whatever the name; the harness wants "test" in it
  process.env.DATABASE_URL = u.toString();
  process.env.NODE_ENV = 'test';
  (globalThis as Record<string, unknown>)[EMBEDDED_KEY] = { stop: db.stop, dir } satisfies EmbeddedRun;
  process.stdout.write(`\n[chibo] integration tests use the embedded database (PGlite) in ${dir}\n`);
};

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

// ---- shared with global-teardown.ts -------------------------------------------------------------------------

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** File that carries the database name from globalSetup to globalTeardown (same jest parent process). */
export const STATE_FILE = join(tmpdir(), `chibo-jest-db-${process.pid}.json`);

/** The server (and maintenance database) on which test databases are created and dropped. */
export const adminUrl = (): string => process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;

/** Refuses any database name that does not say it is a test database, or that is not a plain identifier. */
export const assertTestDatabaseName = (name: string): void => {
  if (!/^[a-z0-9_]{1,63}$/.test(name) || !name.includes('test')) {
    throw new Error(
      `Refusing to use database "${name}": test databases must be named chibo_test_* (plain identifier containing "test")`,
    );
  }
};

/** The databases of a run: worker 1 uses `name`, worker k > 1 uses `name_wk`. */
export const workerDatabaseNames = (name: string, workers: number): string[] =>
  Array.from({ length: workers }, (_, i) => (i === 0 ? name : `${name}_w${i + 1}`));

export const databaseUrlFor = (admin: string, name: string): string => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
};

const isLocal = (admin: string): boolean =>
  ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(new URL(admin).hostname);

/**
 * Drops test databases left behind by killed runs on this machine: `chibo_test_<pid>_*` whose pid is not a
 * running process here. Only against a local server (a shared server may hold other machines' runs).
 */
export const cleanupStale = async (client: Client, admin: string): Promise<void> => {
  if (!isLocal(admin) || process.env.CHIBO_TEST_KEEP_STALE === '1') return;
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'chibo\\_test\\_%' AND NOT datistemplate`,
  );
  for (const { datname } of rows) {
    const m = /^chibo_test_(\d+)_[0-9a-f]+(_w\d+)?$/.exec(datname);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    assertTestDatabaseName(datname);
    await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    process.stdout.write(`[chibo] dropped stale test database ${datname} (run ${pid} on ${hostname()} is gone)\n`);
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
