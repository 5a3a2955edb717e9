import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/main';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';
import { isReplicaSafeSql, lsnValue } from '../../src/database/read-routing';
import { replicaPairUnavailable, startReplicaPair, type ReplicaPair } from '../setup/replica-pair';

// Reads on a streaming replica with read-your-writes (docs/scaling.md#read-replicas), against a real primary and
// replica made on loopback for this test (initdb + pg_basebackup -R). The proof that reads go to the replica: with
// the replica's replay paused, a read that asks for nothing newer sees the old value; a read that sends back the
// write's position sees the new one (the primary answers it).
const unavailable = replicaPairUnavailable();
const suite = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`read-replica.int-spec skipped: ${unavailable}`);

suite('read replicas', () => {
  let pair: ReplicaPair;
  let app: NestFastifyApplication;
  let token = '';
  let lastLsn: string | undefined;
  const DB = 'chibo_replica_test';

  /** A GraphQL call; `readAfter` sends the last write's position back, as the web app does. */
  const gql = async (query: string, variables: Record<string, unknown> = {}, readAfter = true) => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(readAfter && lastLsn ? { 'x-chibo-read-after': lastLsn } : {}),
      },
      payload: JSON.stringify({ query, variables }),
    });
    const lsn = res.headers['x-chibo-lsn'];
    if (typeof lsn === 'string') lastLsn = lsn;
    return { body: res.json(), lsn };
  };
  const ready = async () => (await app.inject({ method: 'GET', url: '/health/ready' })).json();
  const until = async (what: string, fn: () => Promise<boolean>, ms = 20_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await fn()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const nameOf = async (id: string, readAfter: boolean) =>
    (await gql(`query($id: ID!) { organisation(id: $id) { name } }`, { id }, readAfter)).body.data.organisation.name;
  const rename = async (id: string, name: string) => {
    const r = await gql(
      `mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { name } }`,
      { id, i: { name } },
    );
    expect(r.body.errors).toBeUndefined();
    return r.lsn;
  };

  beforeAll(async () => {
    pair = await startReplicaPair();
    const c = new Client({ connectionString: pair.primaryUrl('postgres') });
    await c.connect();
    await c.query(`CREATE DATABASE ${DB}`);
    await c.end();
    await until(
      'the database on the replica',
      async () => (await pair.onReplica(`SELECT 1 FROM pg_database WHERE datname = '${DB}'`)).length === 1,
    );
    app = await createApp(
      loadConfig({
        ...process.env,
        DATABASE_URL: pair.primaryUrl(DB),
        DATABASE_REPLICA_URLS: pair.replicaUrl(DB),
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
      }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const admin = app.get(AdminService);
    const user = await admin.createUser(cliCaller(), {
      username: 'replica-admin',
      displayName: 'Quản trị',
      password: 'test-password-1',
    });
    await admin.addGrant(cliCaller(), { userId: user.id, role: 'SYSTEM_ADMIN' });
    const signIn = await gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { username: 'replica-admin', password: 'test-password-1' },
    });
    token = signIn.body.data.signIn.accessToken;
    await until('the replica to serve reads', async () => (await ready()).replicas?.[0]?.usable === true);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    pair?.stop();
  });

  it("answers a request that wrote with the primary's WAL position, and a read with none", async () => {
    const created = await gql(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id name } }`, {
      i: { code: 'RR', name: 'Đảng bộ bản sao', kind: 'COMMITTEE', establishedOn: '2015-01-01' },
    });
    expect(created.body.errors).toBeUndefined();
    expect(lsnValue(created.lsn)).not.toBeNull();
    const read = await gql(`{ scopeRoots { id } }`);
    expect(read.lsn).toBeUndefined();
  });

  it('reads from the replica, and reads its own write from the primary while the replica lags', async () => {
    const [root] = (await gql(`{ scopeRoots { id name } }`)).body.data.scopeRoots;
    await rename(root.id, 'Tên cũ');
    await until('the replica to replay the first name', async () => (await nameOf(root.id, false)) === 'Tên cũ');
    await pair.onReplica(`SELECT pg_wal_replay_pause()`);
    try {
      await rename(root.id, 'Tên mới');
      // the replica has not replayed the rename: a read that asks for nothing newer is served there (old name)
      expect(await nameOf(root.id, false)).toBe('Tên cũ');
      // the writer sends back its write's position: the replica is behind it, the primary answers
      expect(await nameOf(root.id, true)).toBe('Tên mới');
    } finally {
      await pair.onReplica(`SELECT pg_wal_replay_resume()`);
    }
    await until('the replica to catch up', async () => (await nameOf(root.id, false)) === 'Tên mới');
  });

  it('serves a whole batch from the primary when one of its operations is a mutation', async () => {
    const [root] = (await gql(`{ scopeRoots { id } }`)).body.data.scopeRoots;
    await pair.onReplica(`SELECT pg_wal_replay_pause()`);
    try {
      await rename(root.id, 'Tên tạm');
      // no position sent back; the replica still has 'Tên mới'
      const batch = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: JSON.stringify([
          {
            query: `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Tên cuối" }) { name } }`,
            variables: { id: root.id },
          },
          { query: `query($id: ID!) { organisation(id: $id) { name } }`, variables: { id: root.id } },
        ]),
      });
      const [, read] = batch.json();
      // the batch's operations run side by side: the read sees the primary before or after the rename, never the replica
      expect(['Tên tạm', 'Tên cuối']).toContain(read.data.organisation.name);
      // a later read-only request that asks for nothing newer is served by the paused replica
      expect(await nameOf(root.id, false)).toBe('Tên mới');
    } finally {
      await pair.onReplica(`SELECT pg_wal_replay_resume()`);
    }
    await until('the replica to catch up', async () => (await nameOf(root.id, false)) === 'Tên cuối');
  });

  it('keeps answering from the primary when the replica goes away, and uses it again when it is back', async () => {
    const [root] = (await gql(`{ scopeRoots { id } }`)).body.data.scopeRoots;
    pair.stopReplica();
    for (let i = 0; i < 5; i++) expect(await nameOf(root.id, false)).toBe('Tên cuối');
    await until('the replica to be reported unusable', async () => (await ready()).replicas?.[0]?.usable === false);
    expect((await ready()).status).toBe('ok');
    pair.startReplica();
    await until('the replica to serve reads again', async () => (await ready()).replicas?.[0]?.usable === true, 30_000);
    expect(await nameOf(root.id, false)).toBe('Tên cuối');
  });
});

describe('read routing rules', () => {
  it.each([
    ['SELECT 1', true],
    ['  with x AS (SELECT 1) SELECT * FROM x', true],
    ['SELECT id FROM meeting WHERE id = $1 FOR UPDATE', false],
    ['SELECT 1 FROM t FOR NO KEY UPDATE', false],
    ['INSERT INTO t VALUES (1)', false],
    ['WITH d AS (DELETE FROM t RETURNING 1) SELECT 1', false],
    ["SELECT nextval('s')", false],
    ['SELECT pg_advisory_xact_lock(1)', false],
    ["SELECT set_config('a.b', '1', true)", false],
    ['UPDATE meeting SET version = version + 1', false],
  ])('%s → replica-safe %s', (sql, safe) => {
    expect(isReplicaSafeSql(sql)).toBe(safe);
  });

  it('orders WAL positions as numbers', () => {
    expect(lsnValue('0/16B3748')! < lsnValue('0/16B3750')!).toBe(true);
    expect(lsnValue('1/0')! > lsnValue('0/FFFFFFFF')!).toBe(true);
    for (const bad of ['', 'x/1', '1', '0/123456789', null, 7]) expect(lsnValue(bad)).toBeNull();
  });
});
