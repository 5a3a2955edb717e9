import { bootApp, errorOf, type Harness } from '../setup/harness';
import { queryCounter } from '../../src/database/data-source';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';
import { REFRESH_COOKIE, SessionCookie } from '../../src/modules/auth/session-cookie';
import { loadConfig } from '../../src/config/app-config';
import type { CookieOptions, RequestContext } from '../../src/common/graphql/request-context';

describe('sign-in, sessions and lockout', () => {
  let h: Harness;
  const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken viewer { username isAdmin } } }`;
  const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;

  beforeAll(async () => {
    h = await bootApp();
    await h.app
      .get(AdminService)
      .createUser(cliCaller(), { username: 'auth.tester', displayName: 'Người thử', password: 'correct-horse-1' });
    await h.app
      .get(AdminService)
      .createUser(cliCaller(), { username: 'lock.tester', displayName: 'Người thử khóa', password: 'correct-horse-2' });
    await h.app
      .get(AdminService)
      .createUser(cliCaller(), { username: 'lock.twin', displayName: 'Người thử khóa 2', password: 'correct-horse-3' });
  });
  afterAll(() => h.close());

  it('survives a malformed Authorization header on a public operation (signIn) and answers the next request', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      for (const authorization of ['Bearer ', 'Bearer not-a-token', 'Basic abc', 'chibo_nope']) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', authorization },
          payload: JSON.stringify({
            query: SIGN_IN,
            variables: { i: { username: 'header.nobody', password: 'nope' } },
          }),
        });
        expect(res.statusCode).toBeLessThan(500);
      }
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
      expect((await h.gql(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('reads a signed-in caller (the account and its grants) in one statement per request', async () => {
    const signedIn = await h.gql(SIGN_IN, { i: { username: 'auth.tester', password: 'correct-horse-1' } });
    const token = (signedIn.data as { signIn: { accessToken: string } }).signIn.accessToken;
    const statements: string[] = [];
    queryCounter.onQuery = (sql) => statements.push(sql);
    try {
      const res = await h.gql(`{ me { username isAdmin grants { role } } }`, {}, token);
      expect(res.errors).toBeUndefined();
    } finally {
      queryCounter.onQuery = undefined;
    }
    // the account's state (is_active) and its grants (access_grant): read together, once
    expect(statements.filter((sql) => /\bis_active\b|\baccess_grant\b/.test(sql))).toHaveLength(1);
  });

  it('stores an argon2id hash, never the password', async () => {
    const [u] = await h.ds.query(`SELECT password_hash FROM app_user WHERE username = 'auth.tester'`);
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
    expect(u.password_hash).not.toContain('correct-horse-1');
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await h.gql(SIGN_IN, { i: { username: 'auth.tester', password: 'nope' } });
    const unknown = await h.gql(SIGN_IN, { i: { username: 'no.such.user', password: 'nope' } });
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
    expect(errorOf(wrong)?.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens and ends the session on sign-out', async () => {
    const s = (await h.gql(SIGN_IN, { i: { username: 'auth.tester', password: 'correct-horse-1' } })).data.signIn;
    expect((await h.gql(`query { me { username } }`, {}, s.accessToken)).data.me.username).toBe('auth.tester');
    const r = (await h.gql(REFRESH, { t: s.refreshToken })).data.refreshSession;
    expect(r.refreshToken).not.toBe(s.refreshToken);
    // (the first token presented again: see the next test, within and after the grace period)
    expect(errorOf(await h.gql(REFRESH, { t: 'made-up-token' }))?.code).toBe('UNAUTHENTICATED');
    await h.gql(`mutation($t: String!) { signOut(refreshToken: $t) }`, { t: r.refreshToken });
    expect(errorOf(await h.gql(REFRESH, { t: r.refreshToken }))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await h.gql(`query { me { username } }`, {}, `${s.accessToken}x`))?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the whole session when a rotated refresh token is used again (a stolen copy)', async () => {
    const s = (await h.gql(SIGN_IN, { i: { username: 'auth.tester', password: 'correct-horse-1' } })).data.signIn;
    const r1 = (await h.gql(REFRESH, { t: s.refreshToken })).data.refreshSession;
    // at once (the answer with r1 was lost to a page reload, or two tabs refreshed together): a further token of the
    // same session, and r1 keeps working too (whichever cookie the browser ends up with is good)
    const again = (await h.gql(REFRESH, { t: s.refreshToken })).data.refreshSession;
    expect(again.refreshToken).toBeTruthy();
    expect(again.refreshToken).not.toBe(r1.refreshToken);
    expect((await h.gql(`query { me { username } }`, {}, again.accessToken)).data.me.username).toBe('auth.tester');
    const r2 = (await h.gql(REFRESH, { t: r1.refreshToken })).data.refreshSession;
    expect(r2.refreshToken).toBeTruthy();
    // later (the grace period is over): the holder of the newest token is signed out too
    await h.ds.query(
      `UPDATE refresh_token SET rotated_at = rotated_at - interval '1 minute' WHERE rotated_at IS NOT NULL`,
    );
    expect(errorOf(await h.gql(REFRESH, { t: r1.refreshToken }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'UNAUTHENTICATED',
    });
    expect(errorOf(await h.gql(REFRESH, { t: r2.refreshToken }))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await h.gql(REFRESH, { t: again.refreshToken }))?.code).toBe('UNAUTHENTICATED');
    // another sign-in of the same user is a session of its own, untouched
    const other = (await h.gql(SIGN_IN, { i: { username: 'auth.tester', password: 'correct-horse-1' } })).data.signIn;
    expect((await h.gql(REFRESH, { t: other.refreshToken })).data.refreshSession.refreshToken).toBeTruthy();
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await h.gql(SIGN_IN, { i: { username: 'lock.tester', password: `bad-${i}` } });
    const locked = await h.gql(SIGN_IN, { i: { username: 'lock.tester', password: 'correct-horse-2' } });
    expect(errorOf(locked)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
  });

  it('locks an unknown username exactly as an account, so the lockout does not tell which usernames exist', async () => {
    const fail = (username: string, i: number) => h.gql(SIGN_IN, { i: { username, password: `wrong-${i}` } });
    for (let i = 0; i < 5; i++) {
      const [known, unknown] = [await fail('lock.twin', i), await fail('no.such.twin', i)];
      expect(errorOf(unknown)).toEqual(errorOf(known));
    }
    const [known, unknown] = [await fail('lock.twin', 9), await fail('no.such.twin', 9)];
    const shape = (e: Record<string, unknown> | null) => e && { ...e, lockedUntil: typeof e.lockedUntil };
    expect(errorOf(known)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(shape(errorOf(unknown))).toEqual(shape(errorOf(known)));
  });

  it('keeps personal data and secrets out of error messages', async () => {
    const res = await h.gql(SIGN_IN, { i: { username: 'auth.tester', password: 'correct-horse-x' } });
    expect(JSON.stringify(res)).not.toContain('correct-horse');
    expect(JSON.stringify(res)).not.toContain('stacktrace');
  });
  describe('the refresh token in an HttpOnly cookie (browsers)', () => {
    const B_SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken } }`;
    const B_REFRESH = `mutation { refreshSession { accessToken refreshToken } }`;
    // What a browser sends with a same-origin fetch: Origin and Sec-Fetch-Site, and the cookie of /graphql.
    const browser = (
      query: string,
      variables: Record<string, unknown> = {},
      cookie?: string,
      contentType = 'application/json',
    ) =>
      h.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          'content-type': contentType,
          origin: 'http://127.0.0.1:3000',
          'sec-fetch-site': 'same-origin',
          ...(cookie ? { cookie: `${REFRESH_COOKIE}=${cookie}` } : {}),
        },
        payload: JSON.stringify({ query, variables }),
      });
    const setCookie = (res: { headers: Record<string, unknown> }): string => {
      const v = res.headers['set-cookie'];
      return (Array.isArray(v) ? v : v ? [String(v)] : []).find((c) => c.startsWith(`${REFRESH_COOKIE}=`)) ?? '';
    };
    const valueOf = (header: string): string => decodeURIComponent(/^[^=]+=([^;]*)/.exec(header)?.[1] ?? '');
    const signInBrowser = () => browser(B_SIGN_IN, { i: { username: 'auth.tester', password: 'correct-horse-1' } });

    it('sets the cookie HttpOnly, SameSite=Strict, Path=/graphql on sign-in and keeps the token out of the body', async () => {
      const res = await signInBrowser();
      expect(res.json().data.signIn.accessToken).toBeTruthy();
      expect(res.json().data.signIn.refreshToken).toBeNull();
      const c = setCookie(res);
      expect(c).toMatch(/; HttpOnly/);
      expect(c).toMatch(/; SameSite=Strict/);
      expect(c).toMatch(/; Path=\/graphql(;|$)/);
      expect(c).toMatch(/; Max-Age=1209600/);
      expect(c).not.toMatch(/; Secure/); // plain http (tests, development on 127.0.0.1)
      expect(valueOf(c).length).toBeGreaterThan(30);
      expect(JSON.stringify(res.json())).not.toContain(valueOf(c));
      // a caller that is not a browser (no Origin, no Sec-Fetch-Site) still gets it in the body, and the cookie
      const api = (await h.gql(SIGN_IN, { i: { username: 'auth.tester', password: 'correct-horse-1' } })).data.signIn;
      expect(api.refreshToken).toBeTruthy();
    });

    it('marks the cookie Secure over https or when COOKIE_SECURE says so', () => {
      const capture = (cookieSecure: 'auto' | boolean, protocol: string) => {
        let options: CookieOptions | undefined;
        const ctx = {
          req: { headers: {}, protocol },
          reply: {
            setCookie: (_n: string, _v: string, o: CookieOptions) => (options = o),
            clearCookie: () => undefined,
          },
        };
        new SessionCookie({ ...loadConfig({ NODE_ENV: 'test' }), cookieSecure }).set(
          ctx as unknown as RequestContext,
          'x',
        );
        return options!.secure;
      };
      expect([
        capture('auto', 'http'),
        capture('auto', 'https'),
        capture(true, 'http'),
        capture(false, 'https'),
      ]).toEqual([false, true, true, false]);
      expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
      expect(() => loadConfig({ COOKIE_SECURE: 'sometimes' })).toThrow(/COOKIE_SECURE/);
    });

    it('refreshes from the cookie alone, rotating it', async () => {
      const first = valueOf(setCookie(await signInBrowser()));
      const res = await browser(B_REFRESH, {}, first);
      expect(res.json().errors).toBeUndefined();
      const { accessToken, refreshToken } = res.json().data.refreshSession;
      expect(refreshToken).toBeNull();
      expect((await h.gql(`query { me { username } }`, {}, accessToken)).data.me.username).toBe('auth.tester');
      const second = valueOf(setCookie(res));
      expect(second).toBeTruthy();
      expect(second).not.toBe(first);
      expect(setCookie(res)).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
      expect((await browser(B_REFRESH, {}, second)).json().data.refreshSession.accessToken).toBeTruthy();
      // no cookie, no argument: signed out
      expect(errorOf((await browser(B_REFRESH)).json())?.code).toBe('UNAUTHENTICATED');
    });

    it('ends the whole session when an old cookie comes back after the grace period', async () => {
      const first = valueOf(setCookie(await signInBrowser()));
      const second = valueOf(setCookie(await browser(B_REFRESH, {}, first)));
      await h.ds.query(
        `UPDATE refresh_token SET rotated_at = rotated_at - interval '1 minute' WHERE rotated_at IS NOT NULL`,
      );
      expect(errorOf((await browser(B_REFRESH, {}, first)).json())?.code).toBe('UNAUTHENTICATED');
      expect(errorOf((await browser(B_REFRESH, {}, second)).json())?.code).toBe('UNAUTHENTICATED');
      const [{ live }] = await h.ds.query(
        `SELECT count(*)::int AS live FROM refresh_token f JOIN refresh_token t ON t.family_id = f.family_id WHERE t.token_hash = encode(sha256($1::bytea), 'hex') AND f.revoked_at IS NULL`,
        [second],
      );
      expect(live).toBe(0);
    });

    it('signs out from the cookie: clears it and ends the session', async () => {
      const first = valueOf(setCookie(await signInBrowser()));
      const second = valueOf(setCookie(await browser(B_REFRESH, {}, first)));
      const out = await browser(`mutation { signOut }`, {}, second);
      expect(out.json().data.signOut).toBe(true);
      const cleared = setCookie(out);
      expect(valueOf(cleared)).toBe('');
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
      expect(cleared).toMatch(/; Path=\/graphql(;|$)/);
      expect(errorOf((await browser(B_REFRESH, {}, second)).json())?.code).toBe('UNAUTHENTICATED');
      // the token rotated just before the sign-out does not invite a retry: the session is over
      expect(errorOf((await browser(B_REFRESH, {}, first)).json())).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'UNAUTHENTICATED',
      });
    });

    it('refuses a cookie refresh that is not JSON (cross-site form posts)', async () => {
      const first = valueOf(setCookie(await signInBrowser()));
      const forged = await browser(B_REFRESH, {}, first, 'text/plain');
      expect(forged.statusCode).toBe(400);
      expect(setCookie(forged)).toBe('');
      // the token was not used
      expect((await browser(B_REFRESH, {}, first)).json().data.refreshSession.accessToken).toBeTruthy();
    });
  });
});
