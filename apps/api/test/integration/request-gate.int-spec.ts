import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootApp, type Harness } from '../setup/harness';

// The request gate (common/http/request-gate.ts; docs/scaling.md#many-users-at-once): at most MAX_CONCURRENT_REQUESTS
// API requests are worked on at once, the others wait in turn and are all answered; past REQUEST_QUEUE_MAX waiting, a
// request is refused with 503 SERVICE_UNAVAILABLE / OVERLOADED and Retry-After. Health checks are never held.
const QUERY = JSON.stringify({ query: '{ me { displayName } scopeRoots { id } }' });

const withEnv = async (env: Record<string, string>, run: (h: Harness) => Promise<void>): Promise<void> => {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const h = await bootApp();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    await run(h);
  } finally {
    await h.close();
  }
};

const ready = async (h: Harness) => (await h.app.inject({ method: 'GET', url: '/health/ready' })).json().requests;

/** One POST /graphql over a real socket, answered with its status and body. */
const post = (
  port: number,
  token: string,
  body = QUERY,
): Promise<{ status: number; body: string; retryAfter?: string }> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: data,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });

describe('request gate', () => {
  it('works on at most MAX_CONCURRENT_REQUESTS at once and answers every other request in turn', async () => {
    await withEnv({ MAX_CONCURRENT_REQUESTS: '2', REQUEST_QUEUE_MAX: '100' }, async (h) => {
      const token = await h.userWith('SYSTEM_ADMIN');
      await h.app.listen(0, '127.0.0.1');
      const { port } = h.app.getHttpServer().address() as AddressInfo;
      const answers = await Promise.all([
        ...Array.from({ length: 12 }, () => post(port, token)),
        ...Array.from({ length: 12 }, () =>
          h.app
            .inject({
              method: 'POST',
              url: '/graphql',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              payload: QUERY,
            })
            .then((r) => ({ status: r.statusCode, body: r.body })),
        ),
      ]);
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(JSON.parse(a.body).errors).toBeUndefined();
      }
      const figures = await ready(h);
      expect(figures).toMatchObject({ active: 0, queued: 0, maxActive: 2, rejected: 0 });
      expect(figures.maxQueued).toBeGreaterThan(0);
    });
  });

  it('refuses past the queue with 503 OVERLOADED and Retry-After, keeps health checks open, and gives back places of clients that left', async () => {
    await withEnv({ MAX_CONCURRENT_REQUESTS: '1', REQUEST_QUEUE_MAX: '0' }, async (h) => {
      const token = await h.userWith('SYSTEM_ADMIN');
      await h.app.listen(0, '127.0.0.1');
      const { port } = h.app.getHttpServer().address() as AddressInfo;
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(port, token)));
      const refused = answers.filter((a) => a.status === 503);
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.retryAfter).toBe('5');
        expect(JSON.parse(r.body).errors[0].extensions).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          reason: 'OVERLOADED',
          retryable: true,
        });
      }
      expect((await h.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
      // a client that hangs up before its answer gives its place back
      await new Promise<void>((resolve) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        });
        req.on('error', () => resolve());
        req.write(QUERY.slice(0, 5));
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 200);
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(await ready(h)).toMatchObject({ active: 0, queued: 0 });
      expect((await post(port, token)).status).toBe(200);
    });
  });
});
