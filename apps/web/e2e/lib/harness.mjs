// The shared part of the browser tests (apps/web/e2e/*.e2e.mjs): configuration from the environment, system
// Chromium through playwright-core in a throw-away profile, a TAP-like step runner (`ok - <step>` /
// `not ok - <step>`, then `N passed, M failed`; exit 1 on any failure; a whole-run time budget), screenshots in
// apps/web/test-results/, and the helpers several tests use (sign-in, GraphQL for set-up, dates).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/$/, '');
export const ADMIN = process.env.E2E_USER || 'admin';
export const PASSWORD = process.env.E2E_PASSWORD || 'Chibo@2026';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 15_000;

export const shotsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');
mkdirSync(shotsDir, { recursive: true });

const steps = [];
/** Registers a step; steps run in order, and after a failure the rest are reported as skipped. */
export const step = (name, fn) => steps.push({ name, fn });
export const expect = (condition, message) => {
  if (!condition) throw new Error(message);
};
export const shot = (page, name, fullPage = true) => page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage });

// Accessibility (issue #12 §7, WCAG 2.1 AA), on by default (`AXE=0` turns it off while debugging a script): after every
// step that passed, axe-core checks the page as the step left it (dialogs and lists open included; a page unchanged
// since the last check is not checked again); the script then ends with a step that fails on any serious or critical
// violation, each named once with its rule, impact, the element, for a contrast its colours and ratio, and where it
// was seen. The time the checks take is not counted in the script's time budget.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_IMPACTS = new Set(['serious', 'critical']);
export const AXE_ON = process.env.AXE !== '0';

/** What a contrast finding measured: "#8c8c8c on #ffffff = 3.36:1 (needs 4.5:1, 14px)"; otherwise axe's summary. */
const detailOf = (node) => {
  const d = node.any?.find((c) => c.data && c.data.fgColor && c.data.bgColor)?.data;
  if (d)
    return `${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}:1 (needs ${d.expectedContrastRatio}, ${d.fontSize} ${d.fontWeight})`;
  return String(node.failureSummary ?? '')
    .split('\n')
    .slice(1)
    .join(' ')
    .trim();
};

/**
 * Waits until no animation or transition is running or about to start (at most 1.5 s). Motion libraries add their
 * classes on the next animation frame, so "none running now" is only trusted after two frames with none.
 */
const atRest = (page) =>
  page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const deadline = performance.now() + 1500;
    let quiet = 0;
    while (quiet < 2 && performance.now() < deadline) {
      await frame();
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
      if (running.length === 0) quiet += 1;
      else {
        quiet = 0;
        await Promise.race([
          Promise.all(running.map((a) => a.finished.catch(() => undefined))),
          new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - performance.now()))),
        ]);
      }
    }
  });

/**
 * The serious and critical WCAG 2.1 A/AA violations on the page now: `{ id, impact, help, targets: [{ target, detail }] }`.
 * Each `detail` says what was measured (a contrast's colours and ratio) or what axe asks for.
 */
const scanOnce = async (page) => {
  // the page at rest: the pointer off the controls the step clicked last, and colour transitions ended (a scan in
  // the middle of one measures a colour on its way)
  await page.mouse.move(1, (page.viewportSize()?.height ?? 600) - 1);
  await atRest(page);
  // through the DevTools protocol, not a <script>: the app's Content-Security-Policy (script-src 'self') stays as it is
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE};void 0`);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => ({
        target: n.target.join(' '),
        any: [...n.any, ...n.all].map((c) => ({ data: c.data })),
        failureSummary: n.failureSummary,
      })),
    }));
  });
  return found
    .filter((v) => AXE_IMPACTS.has(v.impact))
    .map((v) => ({ ...v, targets: v.targets.map((n) => ({ target: n.target, detail: detailOf(n) })) }));
};

/**
 * The serious and critical WCAG 2.1 A/AA violations on the page now: `{ id, impact, help, targets: [{ target, detail }] }`.
 * Each `detail` says what was measured (a contrast's colours and ratio) or what axe asks for. A finding is confirmed
 * by a second scan half a second later and kept only if seen in both: a popup still fading in or out when the first
 * scan ran (its text measured at part opacity) is gone by the second, a real violation is still there.
 */
export const axeViolations = async (page) => {
  const first = await scanOnce(page);
  if (first.length === 0) return first;
  await page.waitForTimeout(500);
  const again = new Set((await scanOnce(page)).flatMap((v) => v.targets.map((n) => `${v.id} ${n.target}`)));
  return first
    .map((v) => ({ ...v, targets: v.targets.filter((n) => again.has(`${v.id} ${n.target}`)) }))
    .filter((v) => v.targets.length > 0);
};

/** A cheap fingerprint of the page (address and markup): the same one again needs no second scan. */
const pageFingerprint = (page) =>
  page.evaluate(() => {
    const text = `${location.href}\n${document.body?.outerHTML ?? ''}`;
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    return `${text.length}:${h}`;
  });

// GraphQL over HTTP, for set-up only (the tests themselves go through the browser).
export const gql = async (query, variables, token) => {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return response.json();
};
export const tokenOf = async (username) => {
  const r = await gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken viewer { id } } }', {
    i: { username, password: PASSWORD },
  });
  return r.data?.signIn ? { token: r.data.signIn.accessToken, id: r.data.signIn.viewer.id } : null;
};

/** Today on this machine's clock, YYYY-MM-DD (the date pickers' "today"). */
// Today in Vietnam (UTC+7), as the app and the API take it (a machine in UTC is a day behind from 17:00).
export const todayLocal = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * Picks the option with this text in the antd select whose input is `#selectId`, from the list that select controls
 * (another select's list may still be closing); retried, since a list that is still opening can move under the click.
 */
/**
 * Waits until no finite animation runs in the page (a popup zooming in, a dialog fading out): a click computed
 * while an element still moves can land beside it. Endless ones (spinners, skeletons) are ignored.
 */
export const settle = (page) =>
  page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );

const selectRoot = (page, selectId) =>
  page
    .locator(`#${selectId}`)
    .locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');

/** Waits until the antd select `#selectId` shows `text` as its value (not merely in its open list). */
export const selectShows = async (page, selectId, text) => {
  const root = selectRoot(page, selectId);
  for (let i = 0; i < 50; i++) {
    if ((await root.innerText()).includes(text)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`#${selectId} does not show "${text}"`);
};

export const choose = async (page, selectId, text) => {
  const select = page.locator(`#${selectId}`);
  const root = selectRoot(page, selectId);
  for (let attempt = 0; attempt < 6; attempt++) {
    if (attempt > 0) {
      // a list left half-open (or a closing dialog's mask over the select) made the last try miss: start afresh.
      // Not with Escape: inside a dialog it sometimes closed the dialog too, and the select with it.
      if ((await select.getAttribute('aria-expanded')) === 'true') await select.click();
      await page.waitForTimeout(300);
    }
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    await settle(page);
    const listId = await select.getAttribute('aria-controls');
    const dropdown = page.locator('.ant-select-dropdown:visible').filter({ has: page.locator(`[id="${listId}"]`) });
    const picked = await dropdown
      .locator('.ant-select-item-option')
      .filter({ hasText: text })
      .first()
      .click({ timeout: 4000 })
      .then(
        () => true,
        () => false,
      );
    await page.waitForTimeout(150);
    if (picked && (await root.innerText()).includes(text)) return;
  }
  throw new Error(`could not choose "${text}" in #${selectId}`);
};

/** Signs in through the sign-in page and waits for the signed-in header (on any screen size). */
export const signIn = async (page, username, password = PASSWORD) => {
  await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  // attached, not visible: a phone-sized header hides the user's name
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
};

/**
 * Launches Chromium, opens a Vietnamese desktop-sized page into `state.page` (its context in `state.context`; page
 * errors collected into `state.pageErrors`), runs the registered steps and exits: 0 when all passed, 1 otherwise. A
 * failing step leaves a screenshot `<failureShot>.png`; the run stops after `budgetMs` whatever happens.
 * `context` overrides the browser context's options (motion is reduced unless it says otherwise). Service workers are blocked unless a test allows them
 * (`serviceWorkers: 'allow'`: weight.e2e.mjs, pwa.e2e.mjs): a page the worker controls gets its precached code from
 * the worker, which `page.route` cannot intercept.
 */
export const run = async ({ budgetMs, failureShot, state, context: contextOptions = {} }) => {
  let passed = 0;
  let failed = 0;
  let browser;
  // Keep Chromium's profile, crash reports and caches out of the real home directory.
  const home = mkdtempSync(join(tmpdir(), 'chibo-e2e-'));
  for (const d of ['config', 'cache', 'data', 'runtime']) mkdirSync(join(home, d), { recursive: true, mode: 0o700 });
  const finish = async (code) => {
    try {
      await browser?.close();
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true });
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(code);
  };
  // The budget counts the script's own time: the accessibility checks' time is added to it as they run.
  // E2E_BUDGET_FACTOR (default 1) stretches it on a machine busy with other work.
  budgetMs *= Number(process.env.E2E_BUDGET_FACTOR) > 0 ? Number(process.env.E2E_BUDGET_FACTOR) : 1;
  const started = Date.now();
  let axeMs = 0;
  let scans = 0;
  let watchdog;
  const arm = (ms) => {
    watchdog = setTimeout(() => {
      const left = started + budgetMs + axeMs - Date.now();
      if (left > 0) return arm(left);
      console.log(`not ok - finished within ${budgetMs / 1000} s (time budget exceeded)`);
      failed += 1;
      void finish(1);
    }, ms);
    watchdog.unref();
  };
  arm(budgetMs);

  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_CACHE_HOME: join(home, 'cache'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_RUNTIME_DIR: join(home, 'runtime'),
      },
      // Without the background-networking flags Chromium keeps reaching for Google's hosts, which this network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    console.log(`not ok - launch Chromium at ${CHROMIUM}: ${error.message.split('\n')[0]}`);
    failed += steps.length;
    await finish(1);
  }

  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    serviceWorkers: 'block',
    // The app turns antd's animations off for users who ask for less motion; the scripts ask for it, so a click
    // never lands on a dialog still zooming in or on the mask of one fading out (the cause of the select flakes).
    // smoke.e2e.mjs keeps the animations ('no-preference') so the animated path stays covered.
    reducedMotion: 'reduce',
    ...contextOptions,
  });
  state.context = context;
  state.page = await context.newPage();
  state.page.setDefaultTimeout(STEP_TIMEOUT_MS);
  state.page.on('pageerror', (e) => state.pageErrors.push(e.message));

  let broken = false;
  /** Serious and critical violations seen after the steps, once each (rule and element). */
  const accessibility = new Map();
  let lastScanned = '';
  const checkAccessibility = async (name) => {
    const page = state.page;
    if (!AXE_ON || page.isClosed() || !page.url().startsWith(BASE_URL)) return;
    const t0 = Date.now();
    try {
      const fingerprint = await pageFingerprint(page);
      if (fingerprint === lastScanned) return;
      scans += 1;
      for (const v of await axeViolations(page)) {
        for (const n of v.targets) {
          const key = `${v.id}: ${n.target}`;
          if (!accessibility.has(key)) {
            accessibility.set(
              key,
              `${v.impact} ${v.id} at ${n.target}${n.detail ? `: ${n.detail}` : ''} — ${v.help}; on ${new URL(page.url()).pathname}, after "${name}"`,
            );
          }
        }
      }
      lastScanned = await pageFingerprint(page);
    } catch (error) {
      // a page navigating away under the scan: the next step's page is scanned instead
      if (
        !/context was destroyed|navigation|Target page, context or browser has been closed/i.test(
          String(error?.message),
        )
      ) {
        accessibility.set(`axe: ${name}`, `axe could not run after "${name}": ${error?.message}`);
      }
    } finally {
      axeMs += Date.now() - t0;
    }
  };
  for (const { name, fn } of steps) {
    if (broken) {
      console.log(`not ok - ${name} # skipped after an earlier failure`);
      failed += 1;
      continue;
    }
    try {
      await fn();
      console.log(`ok - ${name}`);
      passed += 1;
      await checkAccessibility(name);
    } catch (error) {
      console.log(`not ok - ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
      failed += 1;
      broken = true;
      try {
        await shot(state.page, failureShot);
      } catch {
        // the page may be gone
      }
    }
  }

  if (AXE_ON) {
    const name = `no serious or critical accessibility violations (axe, WCAG 2.1 AA; ${scans} scans, ${(axeMs / 1000).toFixed(1)} s)`;
    if (broken) {
      console.log(`not ok - ${name} # skipped after an earlier failure`);
      failed += 1;
    } else if (accessibility.size === 0) {
      console.log(`ok - ${name}`);
      passed += 1;
    } else {
      console.log(`not ok - ${name}: ${accessibility.size} element(s)`);
      for (const line of accessibility.values()) console.log(`#   ${line}`);
      failed += 1;
    }
  }

  clearTimeout(watchdog);
  await finish(failed === 0 ? 0 : 1);
};
