import { AdminService } from '../../src/modules/auth/admin.service';
import { cliCaller } from '../../src/cli/context';
import { bootApp, type Harness } from '../setup/harness';

// Many callers at once each get their own answer. On the embedded database (CHIBO_TEST_EMBEDDED=1, what `npm start`
// runs) every connection shares one PGlite backend: without keeping each connection's extended-query group
// together (embedded.ts), 12 concurrent sign-ups answered "portal does not exist", returned no row, or another
// caller's row.
describe('concurrent callers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp();
  });
  afterAll(() => h.close());

  it('each concurrent write returns its own row and each concurrent reader sees its own identity', async () => {
    const admin = h.app.get(AdminService);
    const stamp = Date.now().toString(36);
    const names = Array.from({ length: 16 }, (_, i) => `cc${stamp}n${i}`);
    const created = await Promise.all(
      names.map((username) =>
        admin.createUser(cliCaller(), { username, displayName: `Người ${username}`, password: 'test-password-1' }),
      ),
    );
    expect(created.map((u) => u?.username)).toEqual(names);

    const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken viewer { username } } }`;
    const signed = await Promise.all(
      names.map((username) => h.gql(SIGN_IN, { i: { username, password: 'test-password-1' } })),
    );
    expect(signed.map((r) => r.errors ?? r.data.signIn.viewer.username)).toEqual(names);

    const VIEWER = `query { me { username displayName } }`;
    const rounds = await Promise.all(
      signed.flatMap((r, i) =>
        [0, 1, 2].map(async () => ({ i, res: await h.gql(VIEWER, {}, r.data.signIn.accessToken) })),
      ),
    );
    for (const { i, res } of rounds)
      expect(res.errors ?? res.data.me).toEqual({ username: names[i], displayName: `Người ${names[i]}` });
  });
});
