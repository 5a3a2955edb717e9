// Real API processes (the built dist/main.js) for the integration tests that need one: started as children on a
// free port, waited for (/health/ready), asked GraphQL questions over HTTP, killed. Needs the build.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { adminUrl, assertTestDatabaseName, databaseUrlFor } from './global-setup';

export const API_ROOT = resolve(__dirname, '..', '..');
export const MAIN = join(API_ROOT, 'dist', 'main.js');
export const CLI = join(API_ROOT, 'dist', 'cli', 'main.js');
export const DOMAIN_DIST = resolve(API_ROOT, '..', '..', 'libs', 'domain', 'dist', 'index.js');
/** The build outputs a child API needs that are missing (empty: built). */
export const missingBuild = (): string[] => [MAIN, CLI, DOMAIN_DIST].filter((f) => !existsSync(f));

/**
 * `describe` for a suite of child API processes, or `describe.skip` with a message: without the build (never in CI,
 * which fails instead) and on the embedded database (one PGlite data directory opens in one process only).
 */
export const childApiSuite = (file: string): jest.Describe => {
  const CI = Boolean(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0');
  const embedded = process.env.CHIBO_TEST_EMBEDDED === '1';
  const missing = missingBuild();
  if (missing.length && !embedded) {
    const msg = `${file}: ${missing.join(', ')} missing: build first (corepack pnpm -r --filter @chibo/domain --filter @chibo/api run build)`;
    if (CI) throw new Error(`${msg}; CI never skips this suite`);
    console.warn(`SKIPPED ${msg}`);
  }
  if (embedded)
    console.warn(
      `SKIPPED ${file}: two processes cannot share the embedded database (CHIBO_TEST_EMBEDDED=1); run it on PostgreSQL`,
    );
  return !missing.length && !embedded ? describe : describe.skip;
};

/**
 * A fresh database of its own on the test server for child APIs (they cannot use the run's shared one, which the
 * in-process harness holds), and the environment a child API runs with on it (production mode, a random secret).
 */
export const freshDatabase = (extraEnv: NodeJS.ProcessEnv = {}) => {
  const admin = adminUrl();
  const name = `chibo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = databaseUrlFor(admin, name);
  const onAdmin = async (sql: string) => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DB_POOL_SIZE: '4',
    ...extraEnv,
  };
  return {
    url,
    env,
    create: async () => {
      assertTestDatabaseName(name);
      await onAdmin(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
    },
    drop: () => onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
};

export const portFree = (port: number) =>
  new Promise<boolean>((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });

/** The first `n` free ports in `range` ("from-to"). */
export const freePorts = async (n: number, range: string): Promise<number[]> => {
  const [from = NaN, to = NaN] = range.split('-').map(Number); // a malformed range has no ports: the error below
  const out: number[] = [];
  for (let p = from; p <= to && out.length < n; p++) if (await portFree(p)) out.push(p);
  if (out.length < n) throw new Error(`fewer than ${n} free ports in ${range}`);
  return out;
};

export type ApiProc = { name: string; port: number; child: ChildProcess; base: string; output: string[] };

/** Starts dist/main.js with `env` on `port` (not waited for: see `apiReady`). */
export const startApi = (name: string, port: number, env: NodeJS.ProcessEnv): ApiProc => {
  const output: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  return { name, port, child, base: `http://127.0.0.1:${port}`, output };
};

export const apiReady = async (p: ApiProc, timeoutMs = 120_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.child.exitCode !== null)
      throw new Error(`API ${p.name} exited with ${p.child.exitCode}:\n${p.output.join('').slice(-4000)}`);
    const res = await fetch(`${p.base}/health/ready`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API ${p.name} not ready after ${timeoutMs} ms:\n${p.output.join('').slice(-4000)}`);
};

/** Stops a child (signal, then SIGKILL after 15 s) and waits for its exit. */
export const stopApi = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill(signal);
  });

/** One GraphQL request to a child API; throws on errors. */
export const gqlAt = async <T = any>(
  p: Pick<ApiProc, 'base' | 'name'>,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<T> => {
  const res = await fetch(`${p.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`${p.name}: ${JSON.stringify(body.errors)}`);
  return body.data;
};
