import { elementAt } from '@chibo/domain';
// Two real API processes (the built dist/main.js) on one fresh PostgreSQL database, as behind a load balancer
// (docs/scaling.md#several-api-processes): they start at the same moment and apply the migrations once (advisory
// lock), and whatever one process stores or issues the other one serves: a meeting document's bytes, a session, a
// refresh token, the dashboard's figures after a write (no stale per-process cache). Each process has its own data
// directory, so nothing can pass through the local disk.
//
// Needs the build (`corepack pnpm -r --filter @chibo/domain --filter @chibo/api run build`; `npm test` builds before
// the integration tests) and a PostgreSQL server (TEST_DATABASE_URL): without the build the suite is skipped with a
// message, except in CI; on the embedded database (CHIBO_TEST_EMBEDDED=1) it is skipped, since one PGlite data
// directory can be opened by one process only.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../src/database/data-source';
import {
  apiReady,
  childApiSuite,
  CLI,
  freePorts,
  freshDatabase,
  gqlAt,
  startApi,
  stopApi,
  type ApiProc,
} from '../setup/api-process';

const suite = childApiSuite('multi-process.int-spec.ts');
/** Ports tried for the two servers (CHIBO_TEST_PORTS=from-to); the first two free ones are used. */
const PORTS = process.env.CHIBO_TEST_PORTS ?? '4310-4319';

const PASSWORD = 'Hai-tien-trinh@2026';

type Proc = ApiProc & { dataDir: string };

suite('several API processes on one database', () => {
  const db = freshDatabase();
  const { url, env } = db;
  const procs: Proc[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'chibo-multi-process-'));

  const start = (name: string, port: number): Proc => {
    const dataDir = join(scratch, name);
    const p = { ...startApi(name, port, { ...env, CHIBO_DATA_DIR: dataDir }), dataDir };
    procs.push(p);
    return p;
  };
  const ready = (p: Proc) => apiReady(p);

  /** The whole answer, errors included. */
  const gql = async <T = any>(
    p: Proc,
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data: T; errors?: { message: string; extensions: Record<string, any> }[] }> => {
    const res = await fetch(`${p.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    return res.json() as never;
  };
  const ok = gqlAt;

  let A: Proc;
  let B: Proc;
  let token: string;
  let refreshToken: string;
  let root: string;
  let cell: string;

  beforeAll(() => db.create());

  afterAll(async () => {
    await Promise.all(procs.map((p) => stopApi(p.child)));
    await db.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('start at the same moment on a fresh database and apply the migrations once', async () => {
    const ports = await freePorts(2, PORTS);
    const pa = elementAt(ports, 0, 'free port');
    const pb = elementAt(ports, 1, 'free port');
    A = start('A', pa);
    B = start('B', pb);
    await Promise.all([ready(A), ready(B)]);
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query<{ name: string; n: number }>(
        `SELECT name, count(*)::int AS n FROM migrations GROUP BY name`,
      );
      expect(rows.length).toBe(MIGRATIONS.length);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      // both released the migration lock
      const { rows: locks } = await c.query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(locks).toEqual([]);
    } finally {
      await c.end();
    }
    await new Promise<void>((done, fail) =>
      execFile(
        process.execPath,
        [CLI, 'create-admin', 'quantri', PASSWORD],
        { env: { ...env, CHIBO_DATA_DIR: join(scratch, 'cli') } },
        (e, _out, err) => (e ? fail(new Error(`create-admin: ${err}`)) : done()),
      ),
    );
  });

  it('a session signed in on A is valid on B, and B refreshes a token A issued', async () => {
    const signIn = await ok<{ signIn: { accessToken: string; refreshToken: string } }>(
      A,
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken } }`,
      { i: { username: 'quantri', password: PASSWORD } },
    );
    token = signIn.signIn.accessToken;
    refreshToken = signIn.signIn.refreshToken;
    expect(refreshToken).toBeTruthy();
    expect((await ok(B, `{ me { displayName isAdmin } }`, undefined, token)).me).toMatchObject({ isAdmin: true });
    const refreshed = await ok<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      B,
      `mutation($t: String) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`,
      { t: refreshToken },
    );
    expect(refreshed.refreshSession.refreshToken).not.toBe(refreshToken);
    // the new pair works on both processes; the token rotated on B is rotated for A too
    expect((await ok(A, `{ me { isAdmin } }`, undefined, refreshed.refreshSession.accessToken)).me.isAdmin).toBe(true);
    const again = await ok<{ refreshSession: { refreshToken: string } }>(
      A,
      `mutation($t: String) { refreshSession(refreshToken: $t) { refreshToken } }`,
      { t: refreshed.refreshSession.refreshToken },
    );
    expect(again.refreshSession.refreshToken).toBeTruthy();
    token = refreshed.refreshSession.accessToken;
  });

  it('a write on A is in the figures B reads next (no stale dashboard cache)', async () => {
    const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
    root = (
      await ok(
        A,
        CREATE_ORG,
        { i: { code: 'MP', name: 'Đảng bộ nhiều tiến trình', kind: 'COMMITTEE', establishedOn: '2015-01-01' } },
        token,
      )
    ).createOrganisation.id;
    cell = (
      await ok(
        A,
        CREATE_ORG,
        {
          i: { code: 'MP.1', name: 'Chi bộ Một', kind: 'GRASSROOTS_CELL', parentId: root, establishedOn: '2015-01-01' },
        },
        token,
      )
    ).createOrganisation.id;
    const DASHBOARD = `query($i: DashboardInput!) { dashboard(input: $i) { organisations { total } } }`;
    const total = async (p: Proc) =>
      (await ok(p, DASHBOARD, { i: { organisationId: root } }, token)).dashboard.organisations.total as number;
    expect(await total(B)).toBe(2);
    expect(await total(B)).toBe(2); // now cached on B
    await ok(
      A,
      CREATE_ORG,
      { i: { code: 'MP.2', name: 'Chi bộ Hai', kind: 'GRASSROOTS_CELL', parentId: root, establishedOn: '2015-01-01' } },
      token,
    );
    expect(await total(B)).toBe(3);
    expect(await total(A)).toBe(3);
  });

  it('a grant removed on A stops the caller B keeps (change signals, no statement per request)', async () => {
    const user = (
      await ok(
        A,
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { username: 'doc.mp', displayName: 'Người đọc', password: 'Doc-hai-tien-trinh@2026' } },
        token,
      )
    ).createUser.id;
    const grant = (
      await ok(
        A,
        `mutation($i: AddGrantInput!) { addGrant(input: $i) { id } }`,
        { i: { userId: user, role: 'COMMITTEE_READ', organisationId: root } },
        token,
      )
    ).addGrant.id;
    const reader = (
      await ok(A, `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
        i: { username: 'doc.mp', password: 'Doc-hai-tien-trinh@2026' },
      })
    ).signIn.accessToken;
    const ORG = `query($id: ID!) { organisation(id: $id) { id } }`;
    expect((await gql(B, ORG, { id: cell }, reader)).data.organisation.id).toBe(cell);
    expect((await gql(B, ORG, { id: cell }, reader)).data.organisation.id).toBe(cell); // kept by B now
    await ok(A, `mutation($id: ID!) { removeGrant(id: $id) }`, { id: grant }, token);
    const end = Date.now() + 3000;
    let code: unknown;
    while (Date.now() < end) {
      code = (await gql(B, ORG, { id: cell }, reader)).errors?.[0]?.extensions.code;
      if (code === 'NOT_FOUND') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(code).toBe('NOT_FOUND');
  });

  it('a document uploaded through A downloads byte-identical through B', async () => {
    const meeting = (
      await ok(
        A,
        `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
        { i: { organisationId: cell, kind: 'REGULAR', title: 'Sinh hoạt tháng 3', date: '2026-03-12' } },
        token,
      )
    ).createMeeting.id;
    // a PDF signature, then every byte value and random bytes: ~1 MB of binary content
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      randomBytes(1024 * 1024),
    ]);
    const doc = (
      await ok(
        A,
        `mutation($m: ID!, $i: AddMeetingDocumentInput!) { addMeetingDocument(meetingId: $m, input: $i) { id kind sizeBytes } }`,
        { m: meeting, i: { name: 'Báo cáo.pdf', contentBase64: bytes.toString('base64') } },
        token,
      )
    ).addMeetingDocument;
    expect(doc).toMatchObject({ kind: 'FILE', sizeBytes: bytes.length });
    const content = (await ok(B, `query($id: ID!) { meetingDocumentContent(id: $id) }`, { id: doc.id }, token))
      .meetingDocumentContent as string;
    expect(Buffer.from(content, 'base64').equals(bytes)).toBe(true);
    // nothing was written to either process's disk
    for (const p of [A, B])
      expect(existsSync(join(p.dataDir, 'uploads')) ? readdirSync(join(p.dataDir, 'uploads')) : []).toEqual([]);
    // removed through B: gone for A
    expect(
      (await ok(B, `mutation($id: ID!) { removeMeetingDocument(id: $id) }`, { id: doc.id }, token))
        .removeMeetingDocument,
    ).toBe(true);
    expect(
      (await gql(A, `query($id: ID!) { meetingDocumentContent(id: $id) }`, { id: doc.id }, token)).errors?.[0]
        ?.extensions.code,
    ).toBe('NOT_FOUND');
  });
});
