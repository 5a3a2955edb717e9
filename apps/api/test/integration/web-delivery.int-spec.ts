import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../src/config/app-config';
import { queryCounter } from '../../src/database/data-source';
import { createApp, DOCUMENT_ONLY_HEADERS, GRAPHQL_BATCH_MAX } from '../../src/main';

// How the API delivers the web app and its data: precompressed, long-cached hashed assets; index.html revalidated;
// the installable app's service worker and manifest revalidated on every check, with their own content types;
// several GraphQL operations in one request (the web app batches a screen's queries), but never more than the cap.
describe('web app delivery', () => {
  let app: NestFastifyApplication;
  let dist: string;
  const js = `export const x = ${JSON.stringify('chibo '.repeat(200))};\n`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'chibo-web-dist-'));
    mkdirSync(join(dist, 'assets'));
    const index = `<!doctype html><html><body><div id="root"></div>${'<!-- padding -->'.repeat(40)}</body></html>`;
    writeFileSync(join(dist, 'index.html'), index);
    writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(index));
    writeFileSync(join(dist, 'assets', 'app-AbCd1234.js'), js);
    writeFileSync(join(dist, 'assets', 'app-AbCd1234.js.br'), brotliCompressSync(js));
    writeFileSync(join(dist, 'assets', 'app-AbCd1234.js.gz'), gzipSync(js));
    // what vite-plugin-pwa writes next to index.html (apps/web/vite.config.ts)
    writeFileSync(
      join(dist, 'sw.js'),
      'if(!self.define){}define(["./workbox-1a2b3c4d"],function(s){"use strict";s.clientsClaim()});\n',
    );
    writeFileSync(join(dist, 'workbox-1a2b3c4d.js'), 'define(["exports"],function(t){"use strict"});\n');
    writeFileSync(
      join(dist, 'manifest.webmanifest'),
      JSON.stringify({ name: 'chibo – Công tác xây dựng Đảng', short_name: 'chibo', lang: 'vi' }),
    );
    mkdirSync(join(dist, 'icons'));
    writeFileSync(join(dist, 'icons', 'icon-192.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    app = await createApp(loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', WEB_DIST: dist }));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const post = (payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  it('serves a hashed asset precompressed (br, else gzip) and cached as immutable', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/app-AbCd1234.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBeLessThan(Buffer.byteLength(js) / 4);
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/app-AbCd1234.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url: '/assets/app-AbCd1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('answers client routes with index.html, revalidated on every load', async () => {
    const res = await app.inject({ method: 'GET', url: '/dashboard', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.headers['cache-control']).toBe('no-cache');
    expect(root.body).toContain('<div id="root">');
  });

  it('answers a browser asking for an unknown page with the web app (its own not-found page), status 404', async () => {
    const page = await app.inject({
      method: 'GET',
      url: '/khong-co/trang-nay?x=1',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');
    // API clients, API paths and missing files keep the JSON 404
    for (const [url, accept] of [
      ['/khong-co', 'application/json'],
      ['/assets/old-Zz99.js', 'text/html'],
      ['/graphql/x', 'text/html'],
      ['/exports/sub/none', 'text/html'],
      ['/favicon.png', 'text/html'],
    ]) {
      const res = await app.inject({ method: 'GET', url, headers: { accept } });
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([
        url,
        404,
        expect.stringContaining('application/json'),
      ]);
    }
  });

  it('serves the service worker as JavaScript, revalidated on every check, so a new version is found', async () => {
    for (const url of ['/sw.js', '/workbox-1a2b3c4d.js']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.body).toContain('clientsClaim');
    // a conditional request (the browser's update check) is answered 304 only when the file is unchanged
    const again = await app.inject({
      method: 'GET',
      url: '/sw.js',
      headers: { 'if-none-match': String(sw.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves the web app manifest as application/manifest+json and the icons as PNG', async () => {
    const res = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json\b/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.json()).toMatchObject({ short_name: 'chibo', lang: 'vi' });
    const icon = await app.inject({ method: 'GET', url: '/icons/icon-192.png' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
  });

  it('allows the service worker and the manifest in the Content-Security-Policy, from the app itself only', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("script-src 'self';");
  });

  const CSP =
    "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self';" +
    "worker-src 'self';manifest-src 'self';font-src 'self' data:;object-src 'none';base-uri 'self';form-action 'self';" +
    "frame-ancestors 'none'";

  it.each([
    ['the root', () => app.inject({ method: 'GET', url: '/' })],
    ['a client route', () => app.inject({ method: 'GET', url: '/members/123', headers: { 'accept-encoding': 'br' } })],
    ['a missing page (404)', () => app.inject({ method: 'GET', url: '/no-such-page' })],
    ['a GraphQL answer', () => post({ query: '{ __typename }' })],
    [
      'a refused GraphQL batch (400)',
      () => post(Array.from({ length: GRAPHQL_BATCH_MAX + 1 }, () => ({ query: '{ __typename }' }))),
    ],
  ])('sends the security headers with %s', async (_what, request) => {
    const res = await request();
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined(); // HSTS only with HSTS_MAX_AGE_SECONDS
  });

  it('sends only the headers that apply to a script or stylesheet with a hashed asset', async () => {
    for (const url of ['/assets/app-AbCd1234.js', '/assets/nothing-0000.js']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      for (const h of DOCUMENT_ONLY_HEADERS) expect(res.headers[h]).toBeUndefined();
    }
  });

  it('keeps the caching and precompression of the web app under the security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/members/123', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('answers a batch of operations in one request, in order', async () => {
    const res = await post([
      { query: '{ __typename }' },
      { query: 'query Two { scopeRoots { id } }' },
      { query: '{ __schema { queryType { name } } }' },
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(3);
    expect(body[0].data.__typename).toBe('Query');
    expect(body[1].errors[0].extensions.code).toBe('UNAUTHENTICATED'); // each operation is checked on its own
  });

  it(`refuses a batch of more than ${GRAPHQL_BATCH_MAX} operations before running any`, async () => {
    const before = queryCounter.count;
    const res = await post(
      Array.from({ length: GRAPHQL_BATCH_MAX + 1 }, () => ({
        query: 'mutation { signIn(input: {username: "nobody", password: "wrong-password-1"}) { accessToken } }',
      })),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BATCH_TOO_LARGE' });
    expect(queryCounter.count).toBe(before);
  });
});

describe('HSTS when configured', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createApp(
      loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', HSTS_MAX_AGE_SECONDS: '31536000' }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sends Strict-Transport-Security with the configured max-age', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{"query":"{ __typename }"}',
    });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is off unless HSTS_MAX_AGE_SECONDS is set, and refuses a value that is not a number of seconds', () => {
    expect(loadConfig({}).hstsMaxAgeSeconds).toBe(0);
    expect(() => loadConfig({ HSTS_MAX_AGE_SECONDS: 'one year' })).toThrow(/HSTS_MAX_AGE_SECONDS/);
    expect(() => loadConfig({ HSTS_MAX_AGE_SECONDS: '-1' })).toThrow(/HSTS_MAX_AGE_SECONDS/);
  });
});
