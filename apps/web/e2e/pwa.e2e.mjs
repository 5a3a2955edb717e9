#!/usr/bin/env node
// Browser test of the installable, offline-capable app (docs/offline.md) on a phone-sized screen, against a running API
// that serves apps/web/dist: the manifest is linked and valid (its icons are real PNGs of the sizes it says); the
// service worker registers and controls the page; the cell secretary (bithu) opens the cell's members and meetings;
// a changed service worker (the served sw.js changed for a moment, see that step) brings the "Đã có phiên bản mới"
// prompt, whose button switches to it; offline, a reload still shows the app, the same members and meetings with the
// offline banner (and the worker does not answer API paths with the app); back online the banner goes; signing out
// deletes the data kept on the phone.
//
//   BASE_URL=http://127.0.0.1:3000 node apps/web/e2e/pwa.e2e.mjs
//
// Prints `ok - <step>` / `not ok - <step>` and `N passed, M failed`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, PASSWORD, expect, run, shot, step } from './lib/harness.mjs';

const SECRETARY = process.env.E2E_SECRETARY || 'bithu';
const state = { page: null, context: null, pageErrors: [], members: [], meetingsTotal: '', meetings: [] };

/** Width and height of a PNG from its IHDR chunk. */
const pngSize = (buf) => {
  const signature = '89504e470d0a1a0a';
  if (buf.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
};

/** Rows kept in the offline IndexedDB store, by operation name. */
const keptOperations = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = window.indexedDB.open('chibo-offline');
        open.onerror = () => resolve({});
        open.onupgradeneeded = () => {
          // the store was never created: nothing kept (do not leave an empty database behind)
          open.transaction.abort();
          resolve({});
        };
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reads')) return resolve({});
          const req = db.transaction('reads').objectStore('reads').getAll();
          req.onsuccess = () => {
            const counts = {};
            for (const row of req.result) counts[row.operation] = (counts[row.operation] ?? 0) + 1;
            db.close();
            resolve(counts);
          };
          req.onerror = () => resolve({});
        };
      }),
  );

/** Waits until no GraphQL request of the page has been in flight for `quietMs`. */
const graphqlQuiet = async (page, quietMs = 1500, timeoutMs = 20_000) => {
  const open = new Set();
  let last = Date.now();
  const isGraphql = (r) => r.url().endsWith('/graphql');
  const start = (r) => {
    if (isGraphql(r)) open.add(r);
    last = Date.now();
  };
  const end = (r) => {
    if (open.delete(r)) last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    const until = Date.now() + timeoutMs;
    while (open.size > 0 || Date.now() - last < quietMs) {
      if (Date.now() > until) throw new Error(`GraphQL requests still running after ${timeoutMs} ms`);
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
};

const memberNames = (page) => page.getByTestId('member-link').allInnerTexts();
const meetingTitles = (page) => page.getByTestId('meeting-link').allInnerTexts();

step('the manifest is linked and valid: Vietnamese name, colours, icons 192/512/maskable as real PNGs', async () => {
  const { page } = state;
  await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href, 'no <link rel="manifest">');
  const res = await page.request.get(new URL(href, BASE_URL).href);
  expect(res.status() === 200, `manifest: HTTP ${res.status()}`);
  expect(
    /^application\/manifest\+json/.test(res.headers()['content-type'] ?? ''),
    `manifest content-type ${res.headers()['content-type']}`,
  );
  const m = await res.json();
  expect(m.name === 'chibo – Công tác xây dựng Đảng', `name "${m.name}"`);
  expect(m.short_name === 'chibo' && m.lang === 'vi', `short_name/lang ${m.short_name}/${m.lang}`);
  expect(m.start_url === '/' && m.display === 'standalone', `start_url/display ${m.start_url}/${m.display}`);
  expect(
    m.theme_color === '#b71c1c' && /^#[0-9a-f]{6}$/i.test(m.background_color ?? ''),
    `colours ${m.theme_color}/${m.background_color}`,
  );
  const themeMeta = await page.locator('meta[name="theme-color"]').getAttribute('content');
  expect(themeMeta === m.theme_color, `theme-color meta ${themeMeta}`);
  const wanted = [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ];
  for (const [sizes, purpose] of wanted) {
    const icon = m.icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose));
    expect(icon, `no ${purpose} icon of ${sizes}`);
    const r = await page.request.get(new URL(icon.src, BASE_URL).href);
    expect(
      r.status() === 200 && r.headers()['content-type'] === 'image/png',
      `${icon.src}: HTTP ${r.status()} ${r.headers()['content-type']}`,
    );
    const size = pngSize(await r.body());
    expect(
      size && `${size.width}x${size.height}` === sizes,
      `${icon.src} is ${size ? `${size.width}x${size.height}` : 'not a PNG'}, not ${sizes}`,
    );
  }
});

step('the service worker registers and controls the page', async () => {
  const { page } = state;
  await page.waitForFunction(
    () => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
    null,
    { timeout: 30_000 },
  );
  const info = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { scope: reg?.scope, script: navigator.serviceWorker.controller?.scriptURL };
  });
  expect(info.scope === `${BASE_URL}/`, `scope ${info.scope}`);
  expect(info.script === `${BASE_URL}/sw.js`, `script ${info.script}`);
});

step(`the cell secretary (${SECRETARY}) signs in on a phone and opens the cell's members and meetings`, async () => {
  const { page } = state;
  await page.getByLabel('Tên đăng nhập').fill(SECRETARY);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  // the user's name is hidden on a phone: wait for it in the page, not on screen
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
  await page.goto(`${BASE_URL}/members`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('member-link').first().waitFor();
  state.members = await memberNames(page);
  expect(state.members.length > 0, 'no member listed');
  await page.goto(`${BASE_URL}/meetings`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('meetings-total').waitFor();
  await page.getByTestId('meeting-link').first().waitFor();
  state.meetingsTotal = await page.getByTestId('meetings-total').innerText();
  state.meetings = await meetingTitles(page);
  await shot(page, 'p01-meetings-online');
  // the answers are stored when the browser is idle
  await page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 200)), null, {
    timeout: 5_000,
  });
  let kept = {};
  for (let i = 0; i < 40 && !(kept.Members && kept.MeetingList && kept.Me); i++) {
    await page.waitForTimeout(250);
    kept = await keptOperations(page);
  }
  expect(kept.Members && kept.MeetingList && kept.Me, `kept on the phone: ${JSON.stringify(kept)}`);
});

// A new version is a changed /sw.js. The browser fetches the worker's script itself (not through the page), so
// neither page.route nor context.route can change it: this step changes the served file when this test runs beside
// the server (the /sw.js it serves is the file in WEB_DIST), and the file is restored when this test ends, whatever
// happens (restoring it earlier would be one more new version, with its own prompt, in the middle of the next steps).
const DIST = process.env.WEB_DIST || join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

step('a changed service worker brings the "Đã có phiên bản mới" prompt; its button switches to it', async () => {
  const { page } = state;
  const file = join(DIST, 'sw.js');
  const original = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const served = await (await fetch(`${BASE_URL}/sw.js`)).text();
  if (original === null || served !== original) {
    console.log(`# skipped: ${file} is not the /sw.js this server sends (run beside the server, or set WEB_DIST)`);
    return;
  }
  const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  process.on('exit', () => writeFileSync(file, original));
  writeFileSync(file, `${original}\n// pwa.e2e.mjs: next version ${Date.now()}\n`);
  {
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect((await prompt.innerText()).includes('Đã có phiên bản mới'), `prompt: ${await prompt.innerText()}`);
    await shot(page, 'p04-update-prompt', false);
    // nothing switches by itself: the page keeps its worker, and the new one waits, until the click
    const waitingBefore = await page.evaluate(async () =>
      Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
    );
    expect(waitingBefore, 'the new worker is not waiting before the click');
    expect(
      (await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)) === before,
      'the worker changed before the click',
    );
    await page.getByTestId('update-reload').click();
    // the page reloads once under the new worker: the prompt goes, the members show again
    await prompt.waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForLoadState('domcontentloaded');
    await page.getByTestId('current-user').waitFor({ state: 'attached', timeout: 20_000 });
    await page.getByTestId('meeting-link').first().waitFor({ timeout: 20_000 });
    const after = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(reg?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
    });
    expect(!after.waiting && after.controlled, `after the switch: ${JSON.stringify(after)}`);
  }
});

step(
  'offline, a reload shows the app, the same members and meetings, and the offline banner with its time',
  async () => {
    const { page, context } = state;
    await context.setOffline(true);
    await page.reload({ waitUntil: 'domcontentloaded' });
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor({ timeout: 20_000 });
    await page.getByTestId('meeting-link').first().waitFor({ timeout: 20_000 });
    const text = await banner.innerText();
    expect(/Đang ngoại tuyến – dữ liệu tính đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/.test(text), `banner: ${text}`);
    expect(
      (await page.getByTestId('meetings-total').innerText()) === state.meetingsTotal,
      'another meeting total offline',
    );
    expect(JSON.stringify(await meetingTitles(page)) === JSON.stringify(state.meetings), 'other meetings offline');
    await shot(page, 'p02-meetings-offline');
    // another screen, reached offline through the app's own navigation as a user would: the members
    await page.goto(`${BASE_URL}/members`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('member-link').first().waitFor({ timeout: 20_000 });
    await banner.waitFor();
    expect(JSON.stringify(await memberNames(page)) === JSON.stringify(state.members), 'other members offline');
    await shot(page, 'p03-members-offline');
  },
);

step('offline, the service worker does not answer API paths with the app', async () => {
  const { page } = state;
  for (const path of ['/health/live', '/graphql', '/exports/members.xlsx']) {
    const outcome = await page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded', timeout: 10_000 }).then(
      (r) => `HTTP ${r?.status()} ${r?.headers()['content-type']}`,
      (e) => (String(e.message).includes('ERR_INTERNET_DISCONNECTED') ? 'offline' : e.message.split('\n')[0]),
    );
    expect(outcome === 'offline', `${path} offline: ${outcome}`);
    // let the browser's own error page finish before the next navigation
    await page.waitForURL(/^chrome-error:/, { timeout: 5_000 }).catch(() => undefined);
  }
  for (let attempt = 0; ; attempt++) {
    const went = await page.goto(`${BASE_URL}/members`, { waitUntil: 'domcontentloaded' }).then(
      () => true,
      (e) =>
        attempt < 3 && String(e.message).includes('interrupted by another navigation') ? false : Promise.reject(e),
    );
    if (went) break;
    await page.waitForTimeout(300);
  }
  await page.getByTestId('member-link').first().waitFor({ timeout: 20_000 });
});

step('back online the banner goes and the page reads from the server again', async () => {
  const { page, context } = state;
  await context.setOffline(false);
  await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 20_000 });
  await page.getByTestId('member-link').first().waitFor();
  // the offline session turns into a normal one with a refresh (a new refresh cookie): let every GraphQL request of
  // the reconnection finish before the next step reloads the page (a reload that cuts a refresh short loses the new
  // cookie: docs/offline.md)
  await graphqlQuiet(page);
});

step('signing out deletes the data kept on the phone', async () => {
  const { page } = state;
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').waitFor();
  let kept = { x: 1 };
  for (let i = 0; i < 20 && Object.keys(kept).length > 0; i++) {
    kept = await keptOperations(page);
    if (Object.keys(kept).length > 0) await page.waitForTimeout(250);
  }
  expect(Object.keys(kept).length === 0, `still kept: ${JSON.stringify(kept)}`);
  const mark = await page.evaluate(() => localStorage.getItem('chibo.offlineUser'));
  expect(mark === null, `mark left: ${mark}`);
  // offline now, a reload does not sign anyone back in from what was kept
  await state.context.setOffline(true);
  await page.goto(`${BASE_URL}/members`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Tên đăng nhập').waitFor({ timeout: 20_000 });
  await state.context.setOffline(false);
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join('; ')}`);
});

await run({
  budgetMs: 150_000,
  failureShot: 'p00-failure',
  state,
  context: {
    serviceWorkers: 'allow',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
});
