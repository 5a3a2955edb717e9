#!/usr/bin/env node
// Browser smoke test of the web app against a running API (which serves apps/web/dist).
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/smoke.e2e.mjs
//
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core; no browser
// download. Prints `ok - <step>` / `not ok - <step>` per step and `N passed, M failed` at the end; exits 1 on
// any failure. The whole run is capped at 60 s. Screenshots go to apps/web/test-results/.
import { join } from 'node:path';
import { ADMIN, BASE_URL, expect, PASSWORD, run, settle, shot, shotsDir, step } from './lib/harness.mjs';

// ---------------------------------------------------------------------------------------------------------
const state = { page: null, pageErrors: [], orgName: '', cspViolations: [] };

const expectNoCspViolations = async (page) => {
  const reported = await page.evaluate(() => window.__cspViolations ?? []);
  const all = [...reported, ...state.cspViolations];
  expect(all.length === 0, `CSP violations: ${all.join(' | ')}`);
};

step('open the app and see the Vietnamese sign-in page', async () => {
  const { page } = state;
  // Content-Security-Policy violations (the API sends the CSP): the page's own reports and Chromium's console lines,
  // checked by the last step.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) state.cspViolations.push(message.text());
  });
  await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  await page.waitForURL(/\/login/);
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').waitFor();
  await page.getByLabel('Mật khẩu').waitFor();
  expect((await page.locator('html').getAttribute('lang')) === 'vi', 'html lang is not "vi"');
  await expectNoCspViolations(page);
  await shot(page, '01-sign-in');
});

step('a wrong password shows a Vietnamese error', async () => {
  const { page } = state;
  await page.getByLabel('Tên đăng nhập').fill(ADMIN);
  await page.getByLabel('Mật khẩu').fill(`wrong-${Date.now()}`);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  const alert = page.getByTestId('sign-in-error');
  await alert.waitFor();
  const text = (await alert.innerText()).trim();
  expect(/không đúng|quá nhiều lần/.test(text), `unexpected error text: "${text}"`);
  expect(!/wrong|invalid|password/i.test(text), `English server text leaked: "${text}"`);
  await shot(page, '02-sign-in-error');
});

step('sign in with the right password', async () => {
  const { page } = state;
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  // committee staff and administrators land on the dashboard, others on their organisation
  await page.waitForURL(/\/(organisations\/[^/?]+|dashboard)/);
  await page.getByTestId('current-user').waitFor();
});

step('no token in localStorage; the refresh token is an HttpOnly cookie; a reload stays signed in', async () => {
  const { page } = state;
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  expect(!/token|eyJ/i.test(stored), `localStorage holds a token: ${stored.slice(0, 200)}`);
  expect(
    !(await page.evaluate(() => document.cookie)).includes('chibo_refresh'),
    'the refresh cookie is readable by scripts',
  );
  const cookie = (await page.context().cookies()).find((c) => c.name === 'chibo_refresh');
  expect(cookie, 'no chibo_refresh cookie');
  expect(
    cookie.httpOnly && cookie.sameSite === 'Strict' && cookie.path === '/graphql',
    `cookie attributes: ${JSON.stringify({ ...cookie, value: '…' })}`,
  );
  const url = page.url();
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByTestId('current-user').waitFor();
  expect(page.url() === url, `after the reload: ${page.url()}`);
});

step('the organisation tree shows at least one root', async () => {
  const { page } = state;
  const nodes = page.locator('.light-tree [role=treeitem]');
  await nodes.first().waitFor();
  expect((await nodes.count()) >= 1, 'no tree node');
  await expectNoCspViolations(page); // the app shell and antd's injected styles are in by now
});

step('expand the first root', async () => {
  const { page } = state;
  const nodes = page.locator('.light-tree [role=treeitem]');
  const before = await nodes.count();
  const first = nodes.first();
  const isOpen = (await first.getAttribute('aria-expanded')) === 'true';
  if (!isOpen) {
    await first.locator('.light-tree__switcher').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.light-tree [role=treeitem]').length > n, before);
  }
  expect((await nodes.count()) > 1, 'the root shows no children after expanding');
});

step('open an organisation page and see its counts', async () => {
  const { page } = state;
  const child = page.locator('.light-tree [role=treeitem]').nth(1).locator('a').first();
  state.orgName = (await child.innerText()).trim();
  await child.click();
  const heading = page.locator('#organisation-title');
  await page.waitForFunction(
    (name) => document.querySelector('#organisation-title')?.textContent?.trim() === name,
    state.orgName,
  );
  expect((await heading.innerText()).trim() === state.orgName, 'the page is not the one clicked');
  const counts = page.getByTestId('subtree-counts');
  await counts.waitFor();
  const text = await counts.innerText();
  expect(text.includes('Tổng số đảng viên'), 'no member count card');
  expect(text.includes('Đảng viên chính thức') && text.includes('Đảng viên dự bị'), 'no full/probationary cards');
  expect(/\d/.test(text), 'no figures in the counts');
  await shot(page, '03-organisation');
});

step('go to the member list and see the total', async () => {
  const { page } = state;
  await page.getByRole('menuitem', { name: 'Đảng viên' }).click();
  await page.waitForURL(/\/members(\?|$)/);
  const total = page.getByTestId('members-total');
  await page.waitForFunction(() =>
    /Tổng số: [\d.]+ đảng viên/.test(document.querySelector('[data-testid=members-total]')?.textContent ?? ''),
  );
  expect(/Tổng số: [\d.]+ đảng viên/.test(await total.innerText()), 'no total');
});

// The list's order as the page shows it (names of the first page), and the keys it should follow.
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
const givenFirst = (s) => {
  const f = fold(s);
  const cut = f.lastIndexOf(' ');
  return cut < 0 ? f : `${f.slice(cut + 1)} ${f.slice(0, cut)}`;
};
const shownNames = (page) =>
  page.locator('[data-testid=member-link]').evaluateAll((links) => links.map((a) => a.textContent.trim()));
const inOrder = (names, key) => names.every((n, i) => i === 0 || key(names[i - 1]) <= key(n));

step(
  'the list runs by given name as Vietnamese lists do; "Họ và tên" switches it, and the choice is kept',
  async () => {
    const { page } = state;
    const order = page.getByTestId('members-order');
    await order.getByText('Tên', { exact: true }).waitFor();
    const byGiven = await shownNames(page);
    expect(byGiven.length > 5 && inOrder(byGiven, givenFirst), `not by given name: ${byGiven.slice(0, 8).join(', ')}`);
    await order.getByText('Họ và tên', { exact: true }).click();
    await page.waitForFunction(
      (first) => document.querySelector('[data-testid=member-link]')?.textContent?.trim() !== first,
      byGiven[0],
    );
    const byFull = await shownNames(page);
    expect(inOrder(byFull, fold), `not by full name: ${byFull.slice(0, 8).join(', ')}`);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page
      .locator('[data-testid=members-order] .ant-segmented-item-selected')
      .getByText('Họ và tên', { exact: true })
      .waitFor();
    await page.getByTestId('members-order').getByText('Tên', { exact: true }).click();
    await page.waitForFunction(
      (first) => document.querySelector('[data-testid=member-link]')?.textContent?.trim() === first,
      byGiven[0],
    );
  },
);

step('search "nguyen" without diacritics finds "Nguyễn"', async () => {
  const { page } = state;
  const search = page.getByLabel('Tìm đảng viên');
  await search.fill('nguyen');
  await search.press('Enter');
  await page.waitForURL(/[?&]q=nguyen/);
  await page.waitForFunction(() => {
    const links = [...document.querySelectorAll('[data-testid=member-link]')];
    return links.length > 0 && links.every((a) => /Nguyễn/i.test(a.textContent ?? ''));
  });
  await shot(page, '04-members-search');
});

step(
  'name the search as a saved filter, clear the filters, apply it again; it is kept after a reload; delete it',
  async () => {
    const { page } = state;
    const button = page.getByTestId('saved-filters');
    await button.click();
    const panel = page.getByTestId('saved-filters-panel');
    await panel.getByText('Chưa lưu bộ lọc nào.').waitFor();
    await settle(page); // this script keeps antd's animations: click in the panel once it has stopped zooming in
    await panel.getByLabel('Tên bộ lọc').fill('Họ Nguyễn');
    await panel.getByTestId('saved-filter-save').click();
    await panel.getByRole('button', { name: 'Họ Nguyễn', exact: true }).waitFor();
    await button.getByText('Bộ lọc: Họ Nguyễn').waitFor();
    await page.getByRole('button', { name: 'Xóa bộ lọc', exact: true }).click();
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await button.getByText('Bộ lọc đã lưu (1)').waitFor();
    await button.click();
    await panel.waitFor();
    await settle(page);
    await panel.getByRole('button', { name: 'Họ Nguyễn', exact: true }).click();
    await page.waitForURL(/[?&]q=nguyen/);
    await page.waitForFunction(() => {
      const links = [...document.querySelectorAll('[data-testid=member-link]')];
      return links.length > 0 && links.every((a) => /Nguyễn/i.test(a.textContent ?? ''));
    });
    await button.getByText('Bộ lọc: Họ Nguyễn').waitFor();
    await button.click();
    await panel.waitFor();
    await settle(page);
    await panel.getByRole('button', { name: 'Xóa bộ lọc “Họ Nguyễn”' }).click();
    await panel.getByText('Chưa lưu bộ lọc nào.').waitFor();
    await page.keyboard.press('Escape');
  },
);

step(
  'choose the columns of the list: a party card number column added, the birth date left out, kept after a reload',
  async () => {
    const { page } = state;
    const headers = () =>
      page.locator('.ant-table-thead th').evaluateAll((ths) => ths.map((th) => th.textContent.trim()).filter(Boolean));
    expect(!(await headers()).includes('Số thẻ đảng viên'), 'the card number column shows before it is chosen');
    await page.getByTestId('members-columns').click();
    const panel = page.getByTestId('members-columns-panel');
    // this script keeps antd's animations: click in the panel once it has stopped zooming in
    await panel.waitFor();
    await settle(page);
    await panel.getByText('Số thẻ đảng viên', { exact: true }).click();
    await panel.getByText('Ngày sinh', { exact: true }).click();
    await page.locator('.ant-table-thead th', { hasText: 'Số thẻ đảng viên' }).waitFor();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.locator('.ant-table-thead th', { hasText: 'Số thẻ đảng viên' }).waitFor();
    const shown = await headers();
    expect(!shown.includes('Ngày sinh') && shown[0] === 'Họ và tên', `columns after a reload: ${shown.join(', ')}`);
    await shot(page, '04b-members-columns');
    await page.getByTestId('members-columns').click();
    await panel.waitFor();
    await settle(page);
    await panel.getByTestId('members-columns-default').click();
    await page.locator('.ant-table-thead th', { hasText: 'Ngày sinh' }).waitFor();
    await page.keyboard.press('Escape');
  },
);

step('open a member profile and see "Tuổi đảng"', async () => {
  const { page } = state;
  await page.getByTestId('member-link').filter({ hasText: 'Nguyễn' }).first().click();
  await page.waitForURL(/\/members\/[^/?]+/);
  await page.getByTestId('member-page').waitFor();
  await page.getByText('Tuổi đảng', { exact: true }).first().waitFor();
  await page.getByText('Đảng tịch', { exact: true }).waitFor();
  await shot(page, '05-member-vi');
});

step('the header search finds a member, a cell and a meeting typed without diacritics', async () => {
  const { page } = state;
  const name = (await page.locator('#member-title').textContent())?.trim() ?? '';
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  await page.getByLabel('Tìm kiếm đảng viên, chi bộ, buổi sinh hoạt').fill(folded);
  await page.getByTestId('header-search-submit').click();
  await page.waitForURL(/\/tim-kiem\?/);
  const members = page.getByTestId('search-members');
  await members.getByRole('link', { name, exact: true }).first().waitFor();
  const box = page.getByTestId('search-input');
  await box.fill('chi bo');
  await page
    .getByTestId('search-organisations')
    .getByRole('link', { name: /^Chi bộ/ })
    .first()
    .waitFor();
  await box.fill('sinh hoat thuong ky');
  const meeting = page.getByTestId('search-meetings').getByRole('link', { name: /^Sinh hoạt chi bộ thường kỳ/ });
  await meeting.first().waitFor();
  await page.waitForURL(/[?&]q=sinh(\+|%20)hoat/);
  await shot(page, '05b-search');
  await meeting.first().click();
  await page.waitForURL(/\/meetings\/[^/?]+/);
  await page.goBack({ waitUntil: 'domcontentloaded' });
  await page.goBack({ waitUntil: 'domcontentloaded' });
  await page.getByTestId('member-page').waitFor();
});

step('a mistyped link opens the app\'s own "page not found" (status 404), then back', async () => {
  const { page } = state;
  const res = await page.goto(`${BASE_URL}/khong-co-trang-nay`, { waitUntil: 'domcontentloaded' });
  expect(res?.status() === 404, `status ${res?.status()}`);
  await page.getByText('Không tìm thấy trang', { exact: true }).waitFor();
  await page.getByTestId('current-user').waitFor(); // inside the app frame, still signed in
  await page.goBack({ waitUntil: 'domcontentloaded' });
  await page.getByTestId('member-page').waitFor();
});

step('switch the language to English', async () => {
  const { page } = state;
  await page.getByText('English', { exact: true }).click();
  await page.getByText('Party age', { exact: true }).first().waitFor();
  await page.getByText('Sign out', { exact: true }).waitFor();
  expect((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is not "en"');
  await shot(page, '06-member-en');
});

step('on a phone-sized screen the tree moves into a drawer', async () => {
  const { page } = state;
  await page.setViewportSize({ width: 390, height: 844 });
  const menuButton = page.getByRole('button', { name: 'Menu' });
  await menuButton.waitFor();
  await menuButton.click();
  const node = page.locator('.ant-drawer-open .light-tree [role=treeitem]').first();
  await node.waitFor();
  await node.click({ trial: true }); // waits until the drawer has stopped moving
  await page.screenshot({ path: join(shotsDir, '07-phone-drawer.png') });
});

step('on a phone the header fits one row', async () => {
  const { page } = state;
  await page.keyboard.press('Escape');
  const rows = async () =>
    page.evaluate(() => {
      const shown = [...document.querySelectorAll('.app-header > *, .app-header__tools > *')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      const header = document.querySelector('.app-header').getBoundingClientRect();
      return { height: header.height, tops: [...new Set(shown.map((r) => Math.round(r.top + r.height / 2)))] };
    });
  const header = await rows();
  expect(header.height <= 64 && Math.max(...header.tops) - Math.min(...header.tops) <= 8, JSON.stringify(header));
  await page.screenshot({ path: join(shotsDir, '07b-phone-header.png') });
});

step('on a phone no card control covers its title, and the member list shows name, cell and status', async () => {
  const { page } = state;
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  await page.goto(`${BASE_URL}/compliance?all=1`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('switch').first().waitFor();
  const heads = await page.evaluate(() =>
    [...document.querySelectorAll('.ant-card-head')].map((h) => ({
      title: h.querySelector('.ant-card-head-title')?.getBoundingClientRect().toJSON(),
      extra: h.querySelector('.ant-card-extra')?.getBoundingClientRect().toJSON(),
      titleClipped: (() => {
        const t = h.querySelector('.ant-card-head-title');
        return t ? t.scrollWidth > t.clientWidth + 1 : false;
      })(),
    })),
  );
  const withExtra = heads.filter((h) => h.title && h.extra);
  expect(withExtra.length > 0, 'no card with a title and controls on the compliance page');
  for (const h of withExtra) {
    expect(!overlaps(h.title, h.extra), `a card's controls cover its title: ${JSON.stringify(h)}`);
    expect(h.extra.right <= 390 && !h.titleClipped, `a card title or its controls do not fit: ${JSON.stringify(h)}`);
  }
  await page.screenshot({ path: join(shotsDir, '07c-phone-compliance.png') });

  await page.goto(`${BASE_URL}/members`, { waitUntil: 'domcontentloaded' });
  const row = page.getByTestId('member-phone-row').first();
  await row.waitFor();
  const fit = await page.evaluate(() => {
    const r = document.querySelector('[data-testid=member-phone-row]');
    const parts = [...r.querySelectorAll('a, .ant-tag')].map((e) => e.getBoundingClientRect());
    const table = document.querySelector('.ant-table-content') ?? document.querySelector('.ant-table-body');
    return {
      links: r.querySelectorAll('a').length,
      tags: r.querySelectorAll('.ant-tag').length,
      inside: parts.every((b) => b.left >= 0 && b.right <= window.innerWidth),
      sideways: table.scrollWidth > table.clientWidth || document.documentElement.scrollWidth > window.innerWidth,
    };
  });
  expect(fit.links >= 2 && fit.tags >= 1, `a phone row lacks the name, the cell or the status: ${JSON.stringify(fit)}`);
  expect(fit.inside && !fit.sideways, `the member list scrolls sideways on a phone: ${JSON.stringify(fit)}`);
  expect((await page.getByTestId('members-columns').count()) === 0, 'the column chooser is shown on a phone');
  await page.screenshot({ path: join(shotsDir, '07d-phone-members.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('members-columns').waitFor(); // back on a wide screen: the chosen columns again
  expect((await page.getByTestId('member-phone-row').count()) === 0, 'the phone rows stay on a wide screen');
});

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

step('no Content-Security-Policy violations', async () => {
  const { page } = state;
  const csp = (await page.request.get(`${BASE_URL}/`)).headers()['content-security-policy'] ?? '';
  expect(/default-src 'self'/.test(csp), `the app is not served with the CSP (got "${csp}")`);
  await expectNoCspViolations(page);
});

// ---------------------------------------------------------------------------------------------------------
// the one script that keeps antd's animations (the others run with reduced motion, lib/harness.mjs)
await run({ budgetMs: 90_000, failureShot: 'failure', state, context: { reducedMotion: 'no-preference' } });
