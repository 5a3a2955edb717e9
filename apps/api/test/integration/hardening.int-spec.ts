import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { createApp } from '../../src/main';
import { queryCounter } from '../../src/database/data-source';
import { fromDatabaseError, GraphQLErrorFilter } from '../../src/common/graphql/errors';
import { loadConfig } from '../../src/config/app-config';
import { RateLimits } from '../../src/common/graphql/rate-limits';

// Hostile traffic and failures (issue 10): a request is refused before any work when it is too big, input that
// PostgreSQL refuses is the caller's error, an unavailable database is a retryable 503.
describe('hardening', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  const post = (body: unknown, token?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify(body),
    });

  it('answers every GraphQL request with cache-control: no-store (answers are per caller)', async () => {
    const one = await post({ query: `{ organisation(id: "${t.a1}") { id name } }` }, admin);
    expect(one.statusCode).toBe(200);
    expect(one.headers['cache-control']).toBe('no-store');
    const batch = await post([{ query: '{ __typename }' }, { query: '{ scopeRoots { id } }' }], admin);
    expect(batch.statusCode).toBe(200);
    expect(batch.headers['cache-control']).toBe('no-store');
    const refused = await post({ query: '{ nope }' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  describe('transactions on the embedded database (§2)', () => {
    it('amends the attendance of a closed meeting and keeps answering (hung PGlite before)', async () => {
      const secretary = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
      const created = await h.gql(
        `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
        {
          i: {
            organisationId: t.a1,
            kind: 'REGULAR',
            title: 'Sinh hoạt tháng 1',
            date: '2026-01-15',
            startTime: '14:00',
            endTime: '16:00',
            chairMemberId: t.m1,
            minuteTakerMemberId: t.m2,
          },
        },
        secretary,
      );
      const id = created.data.createMeeting.id;
      const attendance = [t.m1, t.m2, t.m3].map((memberId) => ({ memberId, status: 'PRESENT' }));
      expect(
        (
          await h.gql(
            `mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id } }`,
            { id, i: { attendance, minutes: 'Biên bản' } },
            secretary,
          )
        ).errors,
      ).toBeUndefined();
      expect(
        (await h.gql(`mutation($id: ID!) { closeMeeting(id: $id) { state } }`, { id }, secretary)).data.closeMeeting
          .state,
      ).toBe('CLOSED');
      const amended = await h.gql(
        `mutation($id: ID!, $i: MeetingRecordInput!) { amendMeeting(id: $id, reason: "x", input: $i) { amendments { before } } }`,
        { id, i: { attendance } },
        secretary,
      );
      expect(amended.errors).toBeUndefined();
      expect(amended.data.amendMeeting.amendments[0].before.attendance).toHaveLength(3);
      // The database still answers other requests.
      expect((await h.gql(`{ scopeRoots { id } }`, {}, admin)).errors).toBeUndefined();
    });
  });

  describe('query limits (§1)', () => {
    const refusedBeforeWork = async (query: string, limit: string | string[]) => {
      const before = queryCounter.count;
      const started = Date.now();
      const res = await post({ query }, admin);
      const body = res.json();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
      expect([limit].flat()).toContain(body.errors[0].extensions.limit);
      expect(body.data ?? null).toBeNull();
      expect(res.statusCode).toBe(400);
      // Nothing read: no SQL statement beyond the caller's sign-in lookup (at most 3 statements).
      expect(queryCounter.count - before).toBeLessThanOrEqual(3);
      expect(Date.now() - started).toBeLessThan(3000);
      return body.errors[0].extensions;
    };

    it('refuses 1,000 aliases of a 500-row organisation page before reading anything', async () => {
      const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: organisations(page: {limit: 500}) { total items { id code memberCount } }`).join(' ')} }`;
      // ~17,000 tokens: refused while parsing; the same aliases in a shorter text are refused by the alias limit.
      await refusedBeforeWork(query, 'tokens');
      const short = `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: scopeRoots { id }`).join(' ')} }`;
      const ext = await refusedBeforeWork(short, 'aliases');
      expect(ext).toMatchObject({ max: 30, found: 400 });
    });

    it('refuses by cost a few aliases of big pages that stay under the alias limit', async () => {
      const query = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: organisations(page: {limit: 500}) { total items { id code memberCount } }`).join(' ')} }`;
      const ext = await refusedBeforeWork(query, 'cost');
      expect(ext.found).toBeGreaterThan(ext.max);
      // The cost also reads the page size from variables.
      const res = await post(
        {
          query: `query($p: PageInput) { a: organisations(page: $p) { items { id code memberCount name } } b: organisations(page: $p) { items { id code memberCount name } } c: organisations(page: $p) { items { id code memberCount name } } d: organisations(page: $p) { items { id code memberCount name } } e: organisations(page: $p) { items { id code memberCount name } } f: organisations(page: $p) { items { id code memberCount name } } g: organisations(page: $p) { items { id code memberCount name } } h: organisations(page: $p) { items { id code memberCount name } } i: organisations(page: $p) { items { id code memberCount name } } j: organisations(page: $p) { items { id code memberCount name } } k: organisations(page: $p) { items { id code memberCount name } } l: organisations(page: $p) { items { id code memberCount name } } m: organisations(page: $p) { items { id code memberCount name } } n: organisations(page: $p) { items { id code memberCount name } } o: organisations(page: $p) { items { id code memberCount name } } p: organisations(page: $p) { items { id code memberCount name } } q: organisations(page: $p) { items { id code memberCount name } } r: organisations(page: $p) { items { id code memberCount name } } s: organisations(page: $p) { items { id code memberCount name } } t: organisations(page: $p) { items { id code memberCount name } } u: organisations(page: $p) { items { id code memberCount name } } v: organisations(page: $p) { items { id code memberCount name } } }`,
          variables: { p: { limit: 500 } },
        },
        admin,
      );
      expect(res.json().errors?.[0]?.extensions).toMatchObject({ reason: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    });

    it('refuses 100 aliases of membersXlsx, and two exports in one request', async () => {
      await refusedBeforeWork(
        `{ ${Array.from({ length: 100 }, (_, i) => `x${i}: membersXlsx`).join(' ')} }`,
        'aliases',
      );
      const ext = await refusedBeforeWork(`{ a: membersXlsx b: organisationsXlsx }`, 'exports');
      expect(ext).toMatchObject({ max: 1, found: 2 });
    });

    it('refuses a query 25 levels deep', async () => {
      const deep = `{ organisation(id: "${t.a1}") { ${'parent { '.repeat(24)}id${' }'.repeat(24)} } }`;
      const ext = await refusedBeforeWork(deep, 'depth');
      expect(ext.max).toBe(12);
    });

    it('refuses a document of more than 5,000 tokens at parse time', async () => {
      const res = await post({ query: `{ ${'__typename '.repeat(6000)} }` }, admin);
      expect(res.json().errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'QUERY_TOO_COMPLEX',
        limit: 'tokens',
      });
    });

    it('still answers ordinary queries: a 500-row page, one export, a tree three levels down', async () => {
      const res = await h.gql(
        `{ organisations(page: {limit: 500}) { total items { id code name memberCount flags { code } } } }`,
        {},
        admin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.organisations.total).toBeGreaterThan(0);
      const x = await h.gql(
        `query($f: MemberFilter) { membersXlsx(filter: $f) }`,
        { f: { organisationId: t.GA } },
        admin,
      );
      expect(x.errors).toBeUndefined();
      const tree = await h.gql(
        `query($id: ID!) { organisation(id: $id) { children { name children { name children { name memberCount } } } } }`,
        { id: t.R },
        admin,
      );
      expect(tree.errors).toBeUndefined();
    });

    it('bounds every statement of the server with DB_STATEMENT_TIMEOUT_MS (default 30 s)', async () => {
      const rows = await h.ds.query(`SHOW statement_timeout`);
      // PGlite ignores the startup parameter (one single-threaded backend cannot be interrupted): documented.
      expect(rows[0].statement_timeout).toBe(process.env.CHIBO_TEST_EMBEDDED === '1' ? '0' : '30s');
    });

    it('gives introspection and field suggestions only to signed-in callers', async () => {
      const anon = await post({ query: `{ __schema { queryType { name } } }` });
      expect(anon.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(anon.json().data ?? null).toBeNull();
      const signed = await post({ query: `{ __schema { queryType { name } } }` }, admin);
      expect(signed.json().data.__schema.queryType.name).toBe('Query');
      const typo = `{ organisationz { total } }`;
      expect((await post({ query: typo })).json().errors[0].message).not.toMatch(/Did you mean/);
      expect((await post({ query: typo }, admin)).json().errors[0].message).toMatch(/Did you mean .*"organisations"/);
      // __typename stays open (clients and health probes use it).
      expect((await post({ query: `{ __typename }` })).json().data.__typename).toBe('Query');
    });
  });

  describe('errors an operator and a client can act on (§3)', () => {
    it("maps a rule error raised inside a nested field (outside Nest's filter) as a client error, not an internal one", async () => {
      // found by the hostile-input fuzz: dashboard.alerts on a date before 1900 answered INTERNAL_SERVER_ERROR with the rule's message
      const res = await h.gql(
        `query($i: DashboardInput!) { dashboard(input: $i) { alerts { total } } }`,
        { i: { organisationId: t.GA, asOf: '1899-12-31' } },
        admin,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
      expect(res.errors?.[0]?.extensions.fields).toEqual([expect.objectContaining({ field: 'year' })]);
    });

    it('answers /health/live and /health/ready', async () => {
      const live = await h.app.inject({ method: 'GET', url: '/health/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'ok' });
      const ready = await h.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ok', database: 'up' });
      // the event loop's figures (common/jobs/event-loop-watch.ts): numbers only, nothing about requests or callers
      expect(ready.json().eventLoop).toEqual({
        longestMs: expect.any(Number),
        slowSeconds: expect.any(Number),
        p99LastSecondMs: expect.any(Number),
      });
    });

    it('answers 503 SERVICE_UNAVAILABLE (retryable) while the database cannot be reached', async () => {
      const pool = (h.ds.driver as unknown as { master: { connect: (...a: unknown[]) => unknown } }).master;
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
        errno: -111,
        syscall: 'connect',
      });
      const spy = jest.spyOn(pool, 'connect').mockImplementation((cb?: unknown) => {
        if (typeof cb === 'function') return void (cb as (e: Error) => void)(refused);
        return Promise.reject(refused);
      });
      try {
        const res = await post({ query: `{ organisations { total } }` }, admin);
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.json().errors[0].extensions).toEqual({
          code: 'SERVICE_UNAVAILABLE',
          reason: 'DATABASE_UNAVAILABLE',
          retryable: true,
        });
        expect(JSON.stringify(res.json())).not.toMatch(/ECONNREFUSED|5432/);
        const ready = await h.app.inject({ method: 'GET', url: '/health/ready' });
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toMatchObject({ status: 'error', database: 'down', code: 'SERVICE_UNAVAILABLE' });
      } finally {
        spy.mockRestore();
      }
      expect((await post({ query: `{ organisations { total } }` }, admin)).statusCode).toBe(200);
    });

    it('answers 503 while the database refuses new connections (ALLOW_CONNECTIONS false, as db-fault does)', async () => {
      const pool = (h.ds.driver as unknown as { master: { connect: (...a: unknown[]) => unknown } }).master;
      const blocked = Object.assign(new Error('database "chibo" is not currently accepting connections'), {
        code: '55000',
        severity: 'FATAL',
      });
      const spy = jest.spyOn(pool, 'connect').mockImplementation((cb?: unknown) => {
        if (typeof cb === 'function') return void (cb as (e: Error) => void)(blocked);
        return Promise.reject(blocked);
      });
      try {
        const res = await post({ query: `{ organisations { total } }` }, admin);
        expect(res.statusCode).toBe(503);
        expect(res.json().errors[0].extensions).toEqual({
          code: 'SERVICE_UNAVAILABLE',
          reason: 'DATABASE_UNAVAILABLE',
          retryable: true,
        });
        const download = await h.app.inject({
          method: 'GET',
          url: `/exports/organisations.xlsx?input=${encodeURIComponent(JSON.stringify({ filter: { underId: t.GA } }))}`,
          headers: { authorization: `Bearer ${admin}` },
        });
        expect(download.statusCode).toBe(503);
        expect(download.headers['retry-after']).toBe('5');
        expect(download.json().errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses a NUL character in any string as BAD_USER_INPUT, changing nothing', async () => {
      const search = await h.gql(
        `query($f: MemberFilter) { members(filter: $f) { total } }`,
        { f: { search: 'a\u0000b' } },
        admin,
      );
      expect(errorOf(search)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CHARACTER',
        fields: [{ field: 'f.search', reason: 'INVALID_CHARACTER' }],
      });
      const inline = await h.gql(`{ members(filter: {search: "a\\u0000b"}) { total } }`, {}, admin);
      expect(errorOf(inline)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER' });
      const update = await h.gql(
        `mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { job } }`,
        { id: t.m1, i: { job: 'a\u0000b' } },
        admin,
      );
      expect(errorOf(update)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CHARACTER',
        fields: [{ field: 'i.job' }],
      });
      expect((await h.ds.query(`SELECT job FROM member WHERE id = $1`, [t.m1]))[0].job ?? '').not.toContain('b');
    });

    it('answers a value PostgreSQL refuses (admissionProgress year -1) as BAD_USER_INPUT without the database code', async () => {
      const res = await h.gql(
        `query($o: ID!) { admissionProgress(organisationId: $o, year: -1) { admitted } }`,
        { o: t.GA },
        admin,
      );
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'year' }] });
      expect(JSON.stringify(res.errors)).not.toMatch(/22007|22008|SQL|syntax/i);
      // Any other data exception PostgreSQL raises is the caller's error too, without the database's code.
      const mapped = fromDatabaseError(
        Object.assign(new Error('date/time field value out of range: "00-1-12-31"'), { code: '22008' }),
      );
      expect(mapped).toMatchObject({ code: 'VALIDATION' });
      expect(mapped?.message).not.toMatch(/22008|00-1/);
    });

    it('masks unknown database errors and hides stack traces unless NODE_ENV=development', async () => {
      const unknown = Object.assign(new Error('relation "secret_table" does not exist'), { code: '42P01' });
      const e = new GraphQLErrorFilter().catch(unknown, {} as never);
      expect(e.message).toBe('Internal server error');
      expect(e.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      const timeout = new GraphQLErrorFilter().catch(
        Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
        {} as never,
      );
      expect(timeout.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TIMEOUT' });
      expect(loadConfig({}).nodeEnv).toBe('production');
      const bad = await post({ query: `{ organisation(id: "not-a-uuid") { id } }` }, admin);
      expect(JSON.stringify(bad.json())).not.toMatch(/stacktrace/);
    });
  });

  describe('sessions and uploads (§4)', () => {
    const jwt = () => h.app.get(JwtService);
    const scopeRoots = (token: string) => post({ query: `{ scopeRoots { id } }` }, token);

    it('refuses an access token without exp, and one whose sub is not a user id, as UNAUTHENTICATED', async () => {
      const me = await h.ds.query(`SELECT id FROM app_user ORDER BY created_at LIMIT 1`);
      const noExp = await jwt().signAsync({ sub: me[0].id, typ: 'access' });
      expect((await scopeRoots(noExp)).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const badSub = await jwt().signAsync({ sub: "x' OR 1=1 --", typ: 'access' }, { expiresIn: 60 });
      const res = (await scopeRoots(badSub)).json();
      expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const good = await jwt().signAsync({ sub: me[0].id, typ: 'access' }, { expiresIn: 60 });
      expect((await scopeRoots(good)).json().errors).toBeUndefined();
    });

    it('refuses an API token that would already be expired', async () => {
      const res = await h.gql(
        `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`,
        { i: { name: 'past', organisationId: t.A, access: 'READ', expiresAt: '2020-01-01T00:00:00Z' } },
        admin,
      );
      expect(errorOf(res)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EXPIRY_IN_PAST',
        fields: [{ field: 'expiresAt' }],
      });
      expect(await h.ds.query(`SELECT 1 FROM api_token WHERE name = 'past'`)).toEqual([]);
    });

    it('refuses common passwords and the username as a password', async () => {
      const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
      for (const [password, reason] of [
        ['password123', 'PASSWORD_TOO_COMMON'],
        ['1234567890', 'PASSWORD_TOO_COMMON'],
        ['qwertyuiop', 'PASSWORD_TOO_COMMON'],
        ['nguyenvana2026', 'PASSWORD_CONTAINS_USERNAME'],
      ] as const) {
        const res = await h.gql(
          CREATE,
          { i: { username: 'nguyenvana', displayName: 'Nguyễn Văn A', password } },
          admin,
        );
        expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason, fields: [{ field: 'password' }] });
      }
      expect(await h.ds.query(`SELECT 1 FROM app_user WHERE username = 'nguyenvana'`)).toEqual([]);
      const ok = await h.gql(
        CREATE,
        { i: { username: 'nguyenvana', displayName: 'Nguyễn Văn A', password: 'Lúa-chín-vàng-2026' } },
        admin,
      );
      expect(ok.errors).toBeUndefined();
      const set = await h.gql(
        `mutation($u: ID!, $p: String!) { setUserPassword(userId: $u, password: $p) }`,
        { u: ok.data.createUser.id, p: 'iloveyou12' },
        admin,
      );
      expect(errorOf(set)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_COMMON' });
    });

    it('refuses file names with text-direction or control characters and .txt files that are not text', async () => {
      const secretary = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
      const created = await h.gql(
        `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
        { i: { organisationId: t.a1, kind: 'REGULAR', title: 'Sinh hoạt tháng 2', date: '2026-02-12' } },
        secretary,
      );
      const m = created.data.createMeeting.id;
      const ADD = `mutation($m: ID!, $i: AddMeetingDocumentInput!) { addMeetingDocument(meetingId: $m, input: $i) { id } }`;
      const pdf = Buffer.from('%PDF-1.4 test').toString('base64');
      const bidi = await h.gql(ADD, { m, i: { name: 'bao-cao\u202Efdp.exe.pdf', contentBase64: pdf } }, secretary);
      expect(errorOf(bidi)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'name' }] });
      const binary = await h.gql(
        ADD,
        {
          m,
          i: {
            name: 'ghi-chu.txt',
            contentBase64: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]).toString('base64'),
          },
        },
        secretary,
      );
      expect(errorOf(binary)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'contentBase64' }] });
      const text = await h.gql(
        ADD,
        { m, i: { name: 'ghi-chu.txt', contentBase64: Buffer.from('Ghi chú cuộc họp\n').toString('base64') } },
        secretary,
      );
      expect(text.errors).toBeUndefined();
      expect(await h.ds.query(`SELECT count(*)::int AS n FROM meeting_document WHERE meeting_id = $1`, [m])).toEqual([
        { n: 1 },
      ]);
    });

    it('trusts X-Forwarded-For only when TRUST_PROXY is set', async () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
      expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
      const ip = await h.app.inject({
        method: 'GET',
        url: '/health/live',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        remoteAddress: '127.0.0.1',
      });
      expect(ip.statusCode).toBe(200);
      expect(
        (h.app.getHttpAdapter().getInstance() as unknown as { initialConfig: { trustProxy?: unknown } }).initialConfig
          .trustProxy ?? false,
      ).toBe(false);
    });
  });

  describe('rate limits (§1)', () => {
    afterEach(() => h.app.get(RateLimits).set({ signIn: 0, refresh: 0, export: 0 }));

    it('answers TOO_MANY_REQUESTS with Retry-After past the sign-in budget of an address', async () => {
      await h.app.get(RateLimits).set({ signIn: 3 });
      const signIn = () =>
        post({
          query: `mutation { signIn(input: {username: "nobody-${Date.now()}", password: "wrong-password"}) { accessToken } }`,
        });
      for (let i = 0; i < 3; i++) expect((await signIn()).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const limited = await signIn();
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json().errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
      // Two sign-ins in one request count twice.
      await h.app.get(RateLimits).set({ signIn: 1 });
      const twice = await post({
        query: `mutation { a: signIn(input: {username: "x1", password: "y"}) { accessToken } b: signIn(input: {username: "x2", password: "y"}) { accessToken } }`,
      });
      expect(twice.statusCode).toBe(429);
    });

    it('limits exports per caller', async () => {
      await h.app.get(RateLimits).set({ export: 2 });
      const x = () =>
        post(
          { query: `query($f: MemberFilter) { membersXlsx(filter: $f) }`, variables: { f: { organisationId: t.GA } } },
          admin,
        );
      expect((await x()).json().errors).toBeUndefined();
      expect((await x()).json().errors).toBeUndefined();
      const third = await x();
      expect(third.statusCode).toBe(429);
      expect(third.json().errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
      // Another caller has its own budget.
      const other = await h.userWith('COMMITTEE_READ', { organisationId: t.GA });
      expect(
        (
          await post(
            {
              query: `query($f: MemberFilter) { membersXlsx(filter: $f) }`,
              variables: { f: { organisationId: t.GA } },
            },
            other,
          )
        ).json().errors,
      ).toBeUndefined();
    });
  });

  describe('structured logs (§3)', () => {
    it('writes one JSON line per request with its id, operation, caller kind and duration, and no secrets', async () => {
      const lines: string[] = [];
      const stream = { write: (s: string) => void lines.push(s) };
      const app = await createApp(
        loadConfig({
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'log',
          UPLOAD_DIR: join(tmpdir(), `chibo-test-uploads-${process.pid}`),
        }),
        { logStream: stream },
      );
      try {
        await app.init();
        await app.getHttpAdapter().getInstance().ready();
        const call = (query: string, variables: unknown, token?: string) =>
          app.inject({
            method: 'POST',
            url: '/graphql',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            payload: JSON.stringify({ query, variables }),
          });
        await call(`mutation SignIn($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
          i: { username: 'nobody', password: 'Secret-Password-42' },
        });
        await call(`query Roots { scopeRoots { id } }`, {}, admin);
        const json = lines.map((l) => JSON.parse(l));
        const requests = json.filter((l) => l.msg === 'request');
        expect(requests).toEqual([
          expect.objectContaining({
            level: 30,
            reqId: expect.stringMatching(/^[0-9a-f-]{36}$/),
            method: 'POST',
            path: '/graphql',
            status: 200,
            durationMs: expect.any(Number),
            operation: 'SignIn',
            operationType: 'mutation',
            callerKind: 'ANONYMOUS',
            errorCodes: ['UNAUTHENTICATED'],
          }),
          expect.objectContaining({ operation: 'Roots', operationType: 'query', callerKind: 'USER' }),
        ]);
        const all = lines.join('');
        expect(all).not.toContain('Secret-Password-42');
        expect(all).not.toContain(admin);
        expect(all).not.toContain('nobody');
      } finally {
        await app.close();
      }
    });

    it('logs an unknown path as the 404 request it is, not as a server error', async () => {
      const lines: string[] = [];
      const app = await createApp(
        loadConfig({
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'log',
          UPLOAD_DIR: join(tmpdir(), `chibo-test-uploads-${process.pid}`),
        }),
        {
          logStream: { write: (s: string) => void lines.push(s) },
        },
      );
      try {
        await app.init();
        await app.getHttpAdapter().getInstance().ready();
        const res = await app.inject({
          method: 'GET',
          url: '/khong-co-duong-nay',
          headers: { accept: 'application/json' },
        });
        expect(res.statusCode).toBe(404);
        const json = lines.map((l) => JSON.parse(l));
        expect(json.filter((l) => l.level >= 40)).toEqual([]);
        expect(json).toContainEqual(
          expect.objectContaining({ msg: 'request', path: '/khong-co-duong-nay', status: 404 }),
        );
      } finally {
        await app.close();
      }
    });
  });
});
