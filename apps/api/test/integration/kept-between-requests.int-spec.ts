import { Client } from 'pg';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { queryCounter } from '../../src/database/data-source';
import { ChangeSignals, SIGNALLED_TABLES } from '../../src/database/change-signals';

// Values an API process keeps between requests (docs/scaling.md#kept-between-requests): the signed-in caller and the
// policies. Kept, they save a statement per request; a change made anywhere (here: another connection, as another
// process would) must reach the next requests once PostgreSQL has delivered its notification, and nothing may be
// kept while the signals are not heard. Only on PostgreSQL: the embedded database is not signalled.
const embedded = process.env.CHIBO_TEST_EMBEDDED === '1';
(embedded ? describe.skip : describe)('values kept between requests', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let other: Client;
  const before = process.env.CACHE_MAX_AGE_SECONDS;

  beforeAll(async () => {
    process.env.CACHE_MAX_AGE_SECONDS = '60';
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    other = new Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.CACHE_MAX_AGE_SECONDS;
    else process.env.CACHE_MAX_AGE_SECONDS = before;
    await other?.end();
    await h?.close();
  });

  const statementsOf = async (fn: () => Promise<unknown>): Promise<string[]> => {
    const seen: string[] = [];
    queryCounter.onQuery = (sql) => seen.push(sql);
    try {
      await fn();
    } finally {
      queryCounter.onQuery = undefined;
    }
    return seen;
  };
  /** Asks until `done(answer)` (a notification arrives within milliseconds); fails after 3 s. */
  const until = async <T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> => {
    const end = Date.now() + 3000;
    for (;;) {
      const answer = await ask();
      if (done(answer) || Date.now() > end) return answer;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const userIdOf = async (token: string): Promise<string> => (await h.gql(`{ me { id } }`, {}, token)).data.me.id;
  const ORG = `query($id: ID!) { organisation(id: $id) { id name } }`;
  const callerSql = (sql: string) => /\bis_active\b|\baccess_grant\b/.test(sql);

  it('listens, and reads a caller once, not on every request', async () => {
    expect(h.app.get(ChangeSignals).usable).toBe(true);
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: t.GA });
    const first = await statementsOf(() => h.gql(ORG, { id: t.a1 }, reader));
    const second = await statementsOf(() => h.gql(ORG, { id: t.a1 }, reader));
    // (signing in may already have read it)
    expect(first.filter(callerSql).length).toBeLessThanOrEqual(1);
    expect(second.filter(callerSql)).toHaveLength(0);
  });

  it('sees a grant removed by another process at the next requests', async () => {
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: t.GA });
    expect((await h.gql(ORG, { id: t.a1 }, reader)).data.organisation.id).toBe(t.a1);
    expect((await h.gql(ORG, { id: t.a1 }, reader)).data.organisation.id).toBe(t.a1); // now kept
    const sent = Date.now();
    await other.query(`DELETE FROM access_grant WHERE user_id = $1`, [await userIdOf(reader)]);
    const after = await until(
      () => h.gql(ORG, { id: t.a1 }, reader),
      (r) => errorOf(r)?.code === 'NOT_FOUND',
    );
    expect(errorOf(after)?.code).toBe('NOT_FOUND');
    expect(Date.now() - sent).toBeLessThan(3000);
  });

  it('sees an account disabled by another process at the next requests', async () => {
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: t.GB });
    expect((await h.gql(ORG, { id: t.b1 }, reader)).data.organisation.id).toBe(t.b1);
    await other.query(`UPDATE app_user SET is_active = false WHERE id = $1`, [await userIdOf(reader)]);
    const after = await until(
      () => h.gql(ORG, { id: t.b1 }, reader),
      (r) => errorOf(r)?.code === 'UNAUTHENTICATED',
    );
    expect(errorOf(after)?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps a policy until an override changes it, then answers the new one', async () => {
    const POLICY = `query($o: ID!) { policy(organisationId: $o, asOf: "2026-06-01") }`;
    const read = async () => (await h.gql(POLICY, { o: t.a2 }, admin)).data.policy.meeting.publishDaysAhead as number;
    const was = await read();
    const again = await statementsOf(read);
    expect(again.filter((sql) => /policy_override/.test(sql))).toHaveLength(0);
    await other.query(
      `INSERT INTO policy_override (organisation_id, effective_from, "values") VALUES ($1, '2026-01-01', $2)`,
      [t.a2, JSON.stringify({ meeting: { publishDaysAhead: was + 3 } })],
    );
    expect(await until(read, (v) => v === was + 3)).toBe(was + 3);
  });

  it('keeps nothing while the signals are lost, and keeps again once they are back', async () => {
    const signals = h.app.get(ChangeSignals);
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: t.GA });
    await h.gql(ORG, { id: t.a1 }, reader);
    // The listening connection is killed (a restart or failover does the same).
    await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'chibo-signals' AND pid <> pg_backend_pid()`,
    );
    await until(
      async () => signals.usable,
      (u) => !u,
    );
    expect(signals.usable).toBe(false);
    const lost = await statementsOf(() => h.gql(ORG, { id: t.a1 }, reader));
    expect(lost.filter(callerSql)).toHaveLength(1);
    await until(
      async () => signals.usable,
      (u) => u,
    );
    expect(signals.usable).toBe(true);
    await h.gql(ORG, { id: t.a1 }, reader);
    const back = await statementsOf(() => h.gql(ORG, { id: t.a1 }, reader));
    expect(back.filter(callerSql)).toHaveLength(0);
  });

  it("keeps a list's subtree until the tree changes, then follows a move", async () => {
    const u = await buildTree(h.gql, admin);
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: u.GA });
    const MEMBERS = `query($o: ID!) { members(filter: { organisationId: $o }) { total items { id } } }`;
    const scopeSql = (sql: string) => /placement_path_at\(o\.id/.test(sql);
    const list = () => h.gql(MEMBERS, { o: u.a1 }, reader);
    const first = await statementsOf(list);
    expect(first.filter(scopeSql)).toHaveLength(1);
    let total = -1;
    const second = await statementsOf(async () => (total = (await list()).data.members.total as number));
    expect(second.filter(scopeSql)).toHaveLength(0);
    expect(total).toBeGreaterThan(0);
    // kept by the caller's scope too: a reader of the other subtree asking the same list is not answered from it
    const newReader = await h.userWith('COMMITTEE_READ', { organisationId: u.GB });
    expect(errorOf(await h.gql(MEMBERS, { o: u.a1 }, newReader))?.code).toBe('NOT_FOUND');
    expect(errorOf(await h.gql(MEMBERS, { o: u.a1 }, newReader))?.code).toBe('NOT_FOUND');
    // The cell moves out of the reader's subtree: the kept scope is dropped on the tree's signal.
    const moved = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
      { i: { id: u.a1, newParentId: u.GB, effectiveOn: new Date().toISOString().slice(0, 10) } },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    const after = await until(list, (r) => errorOf(r)?.code === 'NOT_FOUND');
    expect(errorOf(after)?.code).toBe('NOT_FOUND');
    // and the reader of the new parent sees the cell's members
    expect((await h.gql(MEMBERS, { o: u.a1 }, newReader)).data.members.total).toBe(total);
  });

  it('keeps an organisation until it changes; a change made here is in the answer and the next read at once', async () => {
    const u = await buildTree(h.gql, admin);
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: u.GA });
    const name = async () => (await h.gql(ORG, { id: u.a1 }, reader)).data.organisation.name as string;
    const orgSql = (sql: string) => /FROM organisation o CROSS JOIN LATERAL/.test(sql);
    const was = await name();
    expect((await statementsOf(name)).filter(orgSql)).toHaveLength(0); // kept
    // Renamed through this process: the answer and the next read do not wait for the notification. Its delivery is
    // held back here (the listening socket paused), so only the drop at this process's own commit can make them right.
    const stream = (
      h.app.get(ChangeSignals) as unknown as { client: { connection: { stream: NodeJS.ReadableStream } } }
    ).client.connection.stream;
    stream.pause();
    try {
      const renamed = await h.gql(
        `mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { name } }`,
        { id: u.a1, i: { name: `${was} (đổi tên)` } },
        admin,
      );
      expect(renamed.data.updateOrganisation.name).toBe(`${was} (đổi tên)`);
      expect(await name()).toBe(`${was} (đổi tên)`);
    } finally {
      stream.resume();
    }
    // renamed through another connection (another process): at the next requests once notified
    await other.query(`UPDATE organisation SET name = $2 WHERE id = $1`, [u.a1, `${was} (lần hai)`]);
    expect(await until(name, (n) => n === `${was} (lần hai)`)).toBe(`${was} (lần hai)`);
  });

  it('drops at its own commits exactly for the tables whose triggers signal', async () => {
    // watchCommits reads the statement text; the list it looks for must be the tables the migrations signal from
    const rows: { table: string }[] = await h.ds.query(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE t.tgname LIKE 'cache_signal_%' AND NOT t.tgisinternal ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual([...SIGNALLED_TABLES].sort());
  });

  it('keeps what it keeps across a write of this process that changes nothing kept (a meeting planned)', async () => {
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: t.GA });
    await h.gql(ORG, { id: t.a1 }, reader);
    const planned = await h.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      { i: { organisationId: t.a1, kind: 'REGULAR', title: 'Sinh hoạt thường kỳ', date: '2026-12-20' } },
      admin,
    );
    expect(planned.errors).toBeUndefined();
    const next = await statementsOf(() => h.gql(ORG, { id: t.a1 }, reader));
    expect(next.filter(callerSql)).toHaveLength(0);
    expect(next.filter((sql) => /FROM organisation o CROSS JOIN LATERAL/.test(sql))).toHaveLength(0);
  });
});
