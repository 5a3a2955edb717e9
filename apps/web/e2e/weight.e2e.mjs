#!/usr/bin/env node
// Browser test of the web app's weight and first-screen speed against a running API (which serves apps/web/dist):
// with an empty cache, open the sign-in page, sign in as the administrator and wait for the dashboard's figures.
// Measured from Chromium's own network events (bytes as they crossed the wire, i.e. after compression):
//   - JS + CSS bytes loaded from the first request to the dashboard's figures: goal ≤ 250 kB; the test fails above
//     BUDGET_KB (today's size plus a margin), so the app cannot grow back while the gap to the goal is closed
//   - GraphQL requests from the sign-in click to the figures: ≤ 3 (sign-in; the shell's data; the dashboard's data)
//   - time from the sign-in click to the figures on screen: goal ≤ 1.5 s, printed, not asserted (a timed assertion
//     would flake on a busy machine; WEIGHT_ENFORCE_TIME=1 asserts it)
//   - hashed assets are served compressed (br or gzip) with an immutable cache lifetime; index.html is revalidated
// Then reloads the dashboard with the cache warm: no asset is fetched again.
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/weight.e2e.mjs
//
// Prints the figures with their goals (`figure …` lines), `ok - <step>` / `not ok - <step>` and `N passed, M failed`.
import { ADMIN, BASE_URL, PASSWORD, expect, run, step } from './lib/harness.mjs';

const GOAL_KB = 250;
const BUDGET_KB = 192;
const GOAL_GRAPHQL = 3;
const GOAL_MS = Number(process.env.WEIGHT_GOAL_MS || 1500);

const state = { page: null, pageErrors: [], requests: new Map(), figures: {} };

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

step('sign in with an empty cache and reach the dashboard figures', async () => {
  const { page } = state;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const reqs = state.requests;
  cdp.on('Network.requestWillBeSent', (e) =>
    reqs.set(e.requestId, {
      url: e.request.url,
      method: e.request.method,
      at: Date.now(),
      type: e.type,
      post: e.request.postData,
    }),
  );
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r)
      Object.assign(r, {
        status: e.response.status,
        headers: e.response.headers,
        fromCache: e.response.fromDiskCache || e.response.fromMemoryCache,
        mime: e.response.mimeType,
      });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.servedFromCache = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });

  await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Tên đăng nhập').fill(ADMIN);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('dashboard-areas').waitFor({ timeout: 30_000 });
  // the figures themselves, not only the frame: the first figure of the members area has a number
  await page.waitForFunction(
    () => /\d/.test(document.querySelector('[data-testid=dashboard-areas]')?.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );
  const shownAt = Date.now();
  await page.waitForTimeout(300); // let loadingFinished events of the last responses arrive

  const all = [...reqs.values()];
  const assets = all.filter((r) => /\.(js|css)(\?|$)/.test(new URL(r.url).pathname));
  const graphql = all.filter(
    (r) => new URL(r.url).pathname === '/graphql' && r.method === 'POST' && r.at >= clickedAt && r.at <= shownAt,
  );
  const bytes = assets.reduce((s, r) => s + (r.bytes ?? 0), 0);
  state.figures = { bytes, files: assets.length, graphql: graphql.length, ms: shownAt - clickedAt, assets };
  console.log(`figure  JS+CSS to the dashboard: ${kb(bytes)} in ${assets.length} files (goal ≤ ${GOAL_KB} kB)`);
  console.log(`figure  GraphQL requests from sign-in to figures: ${graphql.length} (goal ≤ ${GOAL_GRAPHQL})`);
  for (const r of graphql) {
    let ops = '?';
    try {
      const body = JSON.parse(r.post ?? 'null');
      ops = (Array.isArray(body) ? body : [body]).map((o) => o?.operationName ?? '(anonymous)').join(', ');
    } catch {
      // not JSON
    }
    console.log(`#   +${String(r.at - clickedAt).padStart(5)} ms  ${ops}`);
  }
  console.log(`figure  sign-in click to dashboard figures: ${shownAt - clickedAt} ms (goal ≤ ${GOAL_MS} ms)`);
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join('; ')}`);
});

step(`JS + CSS to the dashboard within the budget of ${BUDGET_KB} kB (compressed; goal ${GOAL_KB} kB)`, async () => {
  if (state.figures.bytes > GOAL_KB * 1024 || process.env.WEIGHT_LIST === '1') {
    const top = [...state.figures.assets]
      .sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0))
      .slice(0, Number(process.env.WEIGHT_TOP ?? 15));
    for (const r of top) console.log(`#   ${kb(r.bytes ?? 0).padStart(9)}  ${new URL(r.url).pathname}`);
  }
  expect(state.figures.bytes <= BUDGET_KB * 1024, `${kb(state.figures.bytes)} loaded`);
});

step('hashed assets are compressed and cached as immutable; index.html is revalidated', async () => {
  const hashed = state.figures.assets.filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
  expect(hashed.length > 0, 'no /assets/ file was loaded');
  for (const r of hashed) {
    const h = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    // files under 512 bytes are not worth compressing (the build leaves them as they are)
    expect(
      /\b(br|gzip)\b/.test(h['content-encoding'] ?? '') || (r.bytes ?? 0) < 1024,
      `${r.url} served without compression`,
    );
    expect(
      /immutable/.test(h['cache-control'] ?? '') && /max-age=31536000/.test(h['cache-control'] ?? ''),
      `${r.url}: cache-control "${h['cache-control']}"`,
    );
  }
  const index = await fetch(`${BASE_URL}/dashboard`);
  const cc = index.headers.get('cache-control') ?? '';
  expect(/no-cache/.test(cc), `index.html: cache-control "${cc}"`);
});

step(`GraphQL requests from sign-in to figures ≤ ${GOAL_GRAPHQL}`, async () => {
  expect(state.figures.graphql <= GOAL_GRAPHQL, `${state.figures.graphql} requests`);
});

if (process.env.WEIGHT_ENFORCE_TIME === '1') {
  step(`sign-in to dashboard figures ≤ ${GOAL_MS} ms`, async () => {
    expect(state.figures.ms <= GOAL_MS, `${state.figures.ms} ms`);
  });
}

step('a reload with a warm cache fetches no asset again', async () => {
  const { page } = state;
  state.requests.clear();
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByTestId('dashboard-areas').waitFor({ timeout: 30_000 });
  const refetched = [...state.requests.values()].filter(
    (r) =>
      new URL(r.url).pathname.startsWith('/assets/') && !r.fromCache && !r.servedFromCache && r.status !== undefined,
  );
  expect(refetched.length === 0, `fetched again: ${refetched.map((r) => r.url).join(', ')}`);
});

// the service worker as users get it: registered after load, in the budget like everything else before the figures
await run({ budgetMs: 90_000, failureShot: 'w00-failure', state, context: { serviceWorkers: 'allow' } });
