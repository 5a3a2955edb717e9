import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createApp } from '../main';
import { AdminService } from '../modules/auth/admin.service';
import { cliCaller } from './context';

type Attempt = { start: number; end: number; ok: boolean; code: string; id?: string; error?: string };
type Phase = 'before' | 'outage' | 'after';

const CREATE = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id code } }`;

/**
 * `db-fault`: the API against a PostgreSQL outage (issue #10 §5). We cannot restart the server (no root), so the
 * outage is simulated on the database: new connections refused (ALTER DATABASE … ALLOW_CONNECTIONS false) and
 * every existing backend of the database terminated (pg_terminate_backend), for --outage seconds; then connections
 * are allowed again. The API runs in this process on a free local port (the real HTTP stack and connection pool);
 * --clients clients create organisations (a cheap, audited write) through HTTP for --before seconds, during the
 * outage and for --after seconds. Printed: attempts, successes and failures (by code) per phase, the time from the
 * end of the outage to the first success and to the last failure, and whether every acknowledged write (answered
 * with an id) is in the database afterwards with its audit row.
 *
 * --restart-command CMD: instead, run CMD (e.g. `pg_ctlcluster 15 main restart`) as the outage, on a server of your
 * own only: every database of that server goes down with it.
 *
 * Database: --database-url URL (or DATABASE_URL) — a scratch database of its own is made on that server and
 * dropped at the end, so a real database is never blocked; the role must be allowed to create databases and
 * terminate backends (a superuser, or the database's owner with pg_signal_backend). Not the embedded database.
 */
export const runDbFault = async (args: string[]): Promise<number> => {
  const flag = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const server = flag('--database-url') ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) {
    console.error(
      'db-fault needs a PostgreSQL server: --database-url URL or DATABASE_URL (the embedded database cannot be faulted)',
    );
    return 1;
  }
  const seconds = {
    before: Number(flag('--before') ?? '3'),
    outage: Number(flag('--outage') ?? '5'),
    after: Number(flag('--after') ?? '10'),
  };
  const clients = Number(flag('--clients') ?? '4');
  const restart = flag('--restart-command');
  const name = `chibo_db_fault_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SEAL_INTERVAL_SECONDS: '0',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '0',
  });
  const app = await createApp(config);
  let allowed = true;
  try {
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const users = app.get(AdminService);
    const username = `fault.${randomBytes(3).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const user = await users.createUser(cliCaller(), { username, password, displayName: 'db-fault' });
    await users.addGrant(cliCaller(), { userId: user.id, role: 'SYSTEM_ADMIN' });
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      return {
        status: res.status,
        body: (await res.json()) as {
          data?: Record<string, any> | null;
          errors?: { message?: string; extensions?: { code?: string } }[];
        },
      };
    };
    const signIn = await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { username, password },
    });
    const token = signIn.body.data!.signIn.accessToken as string;
    const root = await post(
      CREATE,
      { i: { code: `${name}.R`, name: 'Đảng bộ thử lỗi', kind: 'COMMITTEE', establishedOn: '2020-01-01' } },
      token,
    );
    const rootId = root.body.data!.createOrganisation.id as string;

    const attempts: Attempt[] = [];
    const samples = new Map<string, string>();
    const t0 = Date.now();
    let stop = false;
    let n = 0;
    const client = async () => {
      while (!stop) {
        const code = `${name}.${n++}`;
        const start = Date.now() - t0;
        try {
          const r = await post(
            CREATE,
            { i: { code, name: `Chi bộ ${code}`, kind: 'COMMITTEE', parentId: rootId, establishedOn: '2020-01-01' } },
            token,
          );
          const id = r.body.data?.createOrganisation?.id as string | undefined;
          const error = id ? undefined : `${r.status} ${r.body.errors?.[0]?.extensions?.code ?? '?'}`;
          if (error && !samples.has(error)) samples.set(error, r.body.errors?.[0]?.message ?? '');
          attempts.push({ start, end: Date.now() - t0, ok: Boolean(id), code, id, error });
        } catch (e) {
          attempts.push({
            start,
            end: Date.now() - t0,
            ok: false,
            code,
            error: `no answer (${e instanceof Error ? e.name : 'error'})`,
          });
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
    const load = Array.from({ length: clients }, client);

    await sleep(seconds.before);
    let outageStart: number;
    let how: string;
    if (restart) {
      // A real restart of a server of your own: the outage lasts as long as the command.
      outageStart = Date.now() - t0;
      await new Promise<void>((resolve, reject) => {
        const p = spawn(restart, { shell: true, stdio: ['ignore', 'inherit', 'inherit'] });
        p.once('error', reject);
        p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`--restart-command exited with ${code}`))));
      });
      how = `the server restarted by "${restart}"`;
    } else {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      allowed = false;
      const killed = (
        await admin.query(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        )
      ).rows[0].n;
      outageStart = Date.now() - t0;
      await sleep(seconds.outage);
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      allowed = true;
      how = `${killed} backends terminated, new connections refused for ${seconds.outage} s`;
    }
    const outageEnd = Date.now() - t0;
    await sleep(seconds.after);
    stop = true;
    await Promise.all(load);

    // Phase of an attempt: when it was sent.
    const phaseOf = (a: Attempt): Phase =>
      a.start < outageStart ? 'before' : a.start < outageEnd ? 'outage' : 'after';
    console.log(
      `db-fault: ${clients} clients creating organisations through HTTP; outage from t=${(outageStart / 1000).toFixed(1)} s to t=${(outageEnd / 1000).toFixed(1)} s (${how}), then ${seconds.after} s after.`,
    );
    for (const phase of ['before', 'outage', 'after'] as Phase[]) {
      const xs = attempts.filter((a) => phaseOf(a) === phase);
      const failures = new Map<string, number>();
      for (const a of xs) if (!a.ok) failures.set(a.error!, (failures.get(a.error!) ?? 0) + 1);
      console.log(
        `  ${phase.padEnd(6)}: ${xs.length} attempted, ${xs.filter((a) => a.ok).length} succeeded, ${xs.length - xs.filter((a) => a.ok).length} failed${failures.size ? ` (${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`,
      );
    }
    for (const [k, m] of samples) console.log(`  answer ${k}: "${m}"`);
    const after = attempts.filter((a) => a.start >= outageEnd).sort((a, b) => a.end - b.end);
    const firstOk = after.find((a) => a.ok);
    const lastFail = attempts.filter((a) => !a.ok && a.end >= outageEnd).sort((a, b) => b.end - a.end)[0];
    const recovered = firstOk ? (firstOk.end - outageEnd) / 1000 : null;
    console.log(
      `  recovery: first success ${recovered === null ? 'NEVER' : `${recovered.toFixed(2)} s`} after connections were allowed again; last failure ${lastFail ? `${((lastFail.end - outageEnd) / 1000).toFixed(2)} s after` : 'before that'} (goal: ≤ 5 s)`,
    );

    // Every acknowledged write is in the database, with its audit row.
    const acked = attempts.filter((a) => a.ok);
    const db = new Client({ connectionString: url });
    await db.connect();
    const found = new Set(
      (
        await db.query(`SELECT id::text FROM organisation WHERE id = ANY($1::uuid[])`, [acked.map((a) => a.id)])
      ).rows.map((r: { id: string }) => r.id),
    );
    const audited = new Set(
      (
        await db.query(
          `SELECT entity_id FROM audit_log WHERE operation = 'createOrganisation' AND entity_id = ANY($1::text[])`,
          [acked.map((a) => a.id)],
        )
      ).rows.map((r: { entity_id: string }) => r.entity_id),
    );
    const unacked = attempts.filter((a) => !a.ok).map((a) => a.code);
    const [{ n: ghosts }] = (
      await db.query(`SELECT count(*)::int AS n FROM organisation WHERE code = ANY($1::text[])`, [unacked])
    ).rows;
    await db.end();
    const lost = acked.filter((a) => !found.has(a.id!));
    const unaudited = acked.filter((a) => !audited.has(a.id!));
    console.log(
      `  durability: ${acked.length} writes acknowledged, ${lost.length} missing from the database, ${unaudited.length} without their audit row; ${ghosts} of the ${unacked.length} failed writes were committed anyway (answer lost)`,
    );
    const ok = lost.length === 0 && unaudited.length === 0 && recovered !== null && recovered <= 5;
    console.log(ok ? 'OK' : 'FAILED');
    return ok ? 0 : 3;
  } finally {
    if (!allowed) await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await app.close().catch(() => undefined);
    await app
      .get(DataSource)
      .destroy()
      .catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
};
