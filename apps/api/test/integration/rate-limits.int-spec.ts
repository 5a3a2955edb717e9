import { elementAt } from '@chibo/domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/main';
import { loadConfig } from '../../src/config/app-config';
import { RateLimits } from '../../src/common/graphql/rate-limits';

// Rate limits are counted in PostgreSQL (issue 10 §1): several API processes on one database share one budget per
// caller. Two app instances on the test database stand for two processes.
describe('rate limits shared by the API processes of one database', () => {
  const apps: NestFastifyApplication[] = [];
  const appAt = (i: number) => elementAt(apps, i, 'app instance');
  const boot = async () => {
    const app = await createApp(
      loadConfig({
        UPLOAD_DIR: join(tmpdir(), `chibo-test-uploads-${process.pid}`),
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        RATE_LIMIT_SIGN_IN_PER_MINUTE: '4',
        RATE_LIMIT_REFRESH_PER_MINUTE: '2',
      }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    apps.push(app);
    return app;
  };
  let n = 0;
  // a new username each time: the per-username lockout (5 failures) is not what is tested here
  const signIn = (app: NestFastifyApplication, remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        query: `mutation { signIn(input: {username: "nobody.shared${n++}", password: "wrong-password"}) { accessToken } }`,
      }),
    });

  beforeAll(async () => {
    await boot();
    await boot();
    await appAt(0).get(DataSource).query(`DELETE FROM rate_limit_hit`);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('counts one budget across two app instances and answers 429 with Retry-After from either', async () => {
    const [a, b] = [appAt(0), appAt(1)];
    const codes: string[] = [];
    for (const app of [a, b, a, b]) codes.push((await signIn(app, '198.51.100.7')).json().errors[0].extensions.code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    for (const app of [a, b]) {
      const limited = await signIn(app, '198.51.100.7');
      expect(limited.statusCode).toBe(429);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.json().errors[0].extensions).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        reason: 'RATE_LIMITED',
        retryAfterSeconds: retryAfter,
      });
    }
    // another address has a budget of its own
    expect((await signIn(b, '198.51.100.8')).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('does not let two instances spend the last request of a budget at the same moment', async () => {
    const [a, b] = [appAt(0), appAt(1)];
    const all = await Promise.all([a, b, a, b, a, b].map((app) => app.get(RateLimits).take('refresh', '203.0.113.5')));
    expect(all.filter((w) => w === null)).toHaveLength(2);
    expect(all.filter((w) => typeof w === 'number' && w > 0)).toHaveLength(4);
  });

  it('stores the caller key only as a keyed hash, and drops hits that left the window', async () => {
    const rows: { key_hash: string; kind: string }[] = await appAt(0)
      .get(DataSource)
      .query(`SELECT kind, key_hash FROM rate_limit_hit`);
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    for (const clear of ['198.51.100.7', '203.0.113.5', '198.51.100', 'nobody.shared'])
      expect(text).not.toContain(clear);
    // hits older than the minute no longer count
    await appAt(0).get(DataSource).query(`UPDATE rate_limit_hit SET second = second - 61 WHERE kind = 'signIn'`);
    expect((await signIn(appAt(1), '198.51.100.7')).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
