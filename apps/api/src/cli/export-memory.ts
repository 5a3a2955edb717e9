import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { createApp } from '../main';
import { startBenchServer } from './bench-screens';
import { cliCaller } from './context';
import { DEMO_PASSWORD, seed } from './seed';

/** A process's resident set size in bytes (Linux: /proc/<pid>/status), or null elsewhere. */
const rssOf = (pid: number): number | null => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Run = { via: 'graphql' | 'http'; seconds: number; baseline: number; peak: number; bytes: number };

/**
 * One export through a fresh API process (dist/main.js, as in production, on a free local port): the members of
 * the root (the biggest export), as a committee cadre of the whole tree, either through the deprecated GraphQL field
 * (membersXlsx: the workbook in memory, then base64 in a JSON answer) or GET /exports/members.xlsx (streamed).
 * The server's RSS is sampled every 10 ms from before the request to its last byte; the client only counts bytes.
 */
const measure = async (databaseUrl: string, rootId: string, via: Run['via']): Promise<Run> => {
  const {
    process: server,
    post,
    base,
  } = await startBenchServer(databaseUrl, undefined, {
    RATE_LIMIT_EXPORTS_PER_MINUTE: '0',
    DB_STATEMENT_TIMEOUT_MS: '0',
    AUDIT_SEAL_INTERVAL_SECONDS: '0',
  });
  try {
    const token = (
      await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
        i: { username: 'canbo', password: DEMO_PASSWORD },
      })
    ).signIn.accessToken as string;
    // Warm-up: a page of the same list (code paths loaded, pools open), then settle.
    await post(
      `query($o: ID!) { members(filter: { organisationId: $o }, page: { limit: 50 }) { total } }`,
      { o: rootId },
      token,
    );
    await new Promise((r) => setTimeout(r, 500));
    const baseline = rssOf(server.pid!) ?? 0;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!) ?? 0)), 10);
    const t0 = process.hrtime.bigint();
    let bytes = 0;
    try {
      if (via === 'graphql') {
        const data = await post(
          `query($f: MemberFilter) { membersXlsx(filter: $f) }`,
          { f: { organisationId: rootId } },
          token,
        );
        bytes = Buffer.byteLength(data.membersXlsx as string, 'base64');
      } else {
        const input = encodeURIComponent(JSON.stringify({ filter: { organisationId: rootId } }));
        const res = await fetch(`${base}/exports/members.xlsx?input=${input}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (!res.ok || !res.body) throw new Error(`GET /exports/members.xlsx: ${res.status} ${await res.text()}`);
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssOf(server.pid!) ?? 0);
    return { via, seconds: Number(process.hrtime.bigint() - t0) / 1e9, baseline, peak, bytes };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
};

/**
 * `export-memory`: the memory and time of the biggest export (the members of the root) through the deprecated
 * GraphQL field and through the HTTP download, each on a fresh API process. Without --database-url: a new database
 * on TEST_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres) seeded at --scale (default
 * 5), dropped at the end; with it: that seeded database, kept.
 */
export const runExportMemory = async (args: string[]): Promise<number> => {
  const flag = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const modes = (flag('--via') ?? 'graphql,http').split(',') as Run['via'][];
  if (modes.some((m) => m !== 'graphql' && m !== 'http'))
    throw new Error('--via: graphql, http or both separated by a comma');
  const runs = Number(flag('--runs') ?? '1');
  let url = flag('--database-url');
  let drop: (() => Promise<void>) | null = null;
  if (!url) {
    const scale = Number(flag('--scale') ?? '5');
    const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `chibo_export_memory_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    const app = await createApp(
      loadConfig({
        ...process.env,
        DATABASE_URL: url,
        LOG_LEVEL: 'error',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
      }),
    );
    await app.init();
    try {
      const t0 = Date.now();
      const res = await seed(app, cliCaller(), { scale, seed: 2026, log: () => undefined });
      console.log(
        `Seeded x${scale}: ${res.organisations} organisations, ${res.members} members in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
      );
    } finally {
      await app.close();
    }
  }
  try {
    const db = new Client({ connectionString: url });
    await db.connect();
    await db.query('ANALYZE');
    const [root] = (
      await db.query(
        `SELECT organisation_id AS id FROM organisation_placement WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY path LIMIT 1`,
      )
    ).rows;
    const [{ n }] = (
      await db.query(`SELECT count(*)::int AS n FROM membership WHERE kind = 'PERMANENT' AND valid_to IS NULL`)
    ).rows;
    await db.end();
    if (!root) throw new Error('The database has no organisations: seed it first');
    console.log(
      `Export: the members of the root (${n} current memberships; at most 50,000 rows), one fresh API process per run, RSS sampled every 10 ms.`,
    );
    for (let i = 0; i < runs; i++) {
      for (const via of modes) {
        const r = await measure(url, root.id, via);
        const label = via === 'graphql' ? 'GraphQL membersXlsx (base64)' : 'GET /exports/members.xlsx   ';
        console.log(
          `${label}  ${r.seconds.toFixed(2)} s, peak RSS growth ${mb(r.peak - r.baseline)} (baseline ${mb(r.baseline)}, peak ${mb(r.peak)}), workbook ${mb(r.bytes)}`,
        );
      }
    }
    return 0;
  } finally {
    if (drop) await drop();
  }
};
