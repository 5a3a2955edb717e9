#!/usr/bin/env node
// Browser test of the dashboard and the alert list against a running API (which serves apps/web/dist), on the demo
// seed: the administrator lands on the dashboard of the top organisation, sees figures in all five areas (members,
// meetings, visits, inspections, ratings) and the alerts, opens the cells behind on meetings and finds that many rows
// in the compliance list, opens a drawer list (admissions) whose total is the figure, drills into a child
// organisation and back up by the breadcrumb, opens the alerts narrowed to one rule (as many rows as its chip says),
// follows an alert to the record to fix, and exports the inspection tracker the dashboard links to (.xlsx).
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/dashboard.e2e.mjs
//
// System Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core. Prints `ok - <step>` /
// `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 120 s. Screenshots go to
// apps/web/test-results/ (d01-…png).
import { join } from 'node:path';
import { ADMIN, BASE_URL, expect, run, shot, shotsDir, signIn, step } from './lib/harness.mjs';

// ---------------------------------------------------------------------------------------------------------
const state = {
  page: null,
  pageErrors: [],
  rootName: '',
  figures: {},
  childName: '',
  childMembers: 0,
};

// "1.234" (vi) → 1234
const toInt = (s) => Number(String(s).replace(/[^\d]/g, ''));

// A figure of the dashboard, as shown (Vietnamese digits grouping removed).
const figure = async (page, testId) => {
  const el = page.getByTestId(testId).first();
  await el.waitFor();
  return toInt(await el.innerText());
};

// Rows the table shows on its current page, and the rows it says it has in all (its pager, when there is one).
const tableRows = async (page, testId) => {
  const table = page.getByTestId(testId);
  await table.waitFor();
  const rows = await table.locator('tbody tr.ant-table-row').count();
  const pager = table.locator('.ant-pagination');
  if (!(await pager.count())) return { rows, all: rows };
  const items = pager.locator('.ant-pagination-item');
  const pages = toInt(await items.nth((await items.count()) - 1).innerText());
  await items.nth((await items.count()) - 1).click();
  const last = await table.locator('tbody tr.ant-table-row').count();
  await items.first().click();
  return { rows, all: (pages - 1) * rows + last };
};

// The dashboard of an organisation has loaded (its name in the subtitle, not the previous one's figures).
const dashboardOf = async (page, name) => {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=dashboard-subtitle]')?.textContent?.startsWith(`${n} ·`),
    name,
  );
  await page.getByTestId('dashboard-areas').waitFor();
};

step(`sign in as the administrator (${ADMIN}): the dashboard is the landing page`, async () => {
  const { page } = state;
  await signIn(page, ADMIN);
  await page.waitForURL(/\/dashboard(\?|$)/);
  await page.getByRole('heading', { name: 'Tổng quan', exact: true }).waitFor();
  const subtitle = page.getByTestId('dashboard-subtitle');
  await page.waitForFunction(() =>
    / · năm \d{4} /.test(document.querySelector('[data-testid=dashboard-subtitle]')?.textContent ?? ''),
  );
  state.rootName = (await subtitle.innerText()).split(' · ')[0].trim();
  expect(state.rootName.length > 0, 'no organisation named in the subtitle');
  const current = page.locator('.light-menu [aria-current=page]');
  expect((await current.innerText()).includes('Tổng quan'), 'the side navigation does not mark "Tổng quan"');
});

step('all five areas show figures (members, meetings, visits, inspections, ratings) and the alerts', async () => {
  const { page } = state;
  const fig = state.figures;
  fig.members = await figure(page, 'fig-members');
  fig.full = await figure(page, 'fig-members-full');
  fig.probationary = await figure(page, 'fig-members-probationary');
  expect(fig.members > 0, 'no members');
  expect(
    fig.full + fig.probationary === fig.members,
    `full ${fig.full} + probationary ${fig.probationary} ≠ ${fig.members}`,
  );
  fig.admissions = await figure(page, 'fig-admissions');
  await page.getByTestId('fig-admission-target').getByRole('progressbar').waitFor();
  expect((await page.getByTestId('trend-bar').count()) === 5, 'the trend does not show 5 years');
  fig.cellsBehind = await figure(page, 'fig-cells-behind');
  fig.cells = await figure(page, 'fig-cells');
  expect(
    fig.cells > 0 && fig.cellsBehind > 0,
    `meetings: ${fig.cellsBehind}/${fig.cells} cells behind; the seed should leave some behind`,
  );
  expect(/\d+(,\d+)?%/.test(await page.getByTestId('fig-attendance').innerText()), 'no attendance percentage');
  fig.visitsBehind = await figure(page, 'fig-visits-behind');
  fig.assignments = await figure(page, 'fig-visit-assignments');
  expect(fig.assignments > 0, 'visits: no assignment');
  fig.inspectionsMet = await figure(page, 'fig-inspections-met');
  fig.inspectionSubjects = await figure(page, 'fig-inspections-subjects');
  fig.inspectionsBehind = await figure(page, 'fig-inspections-behind');
  expect(fig.inspectionSubjects > 0, 'inspections: no cell subject to the target');
  expect(fig.inspectionsMet + fig.inspectionsBehind === fig.inspectionSubjects, 'inspections: met + behind ≠ subjects');
  const ratings = page.getByTestId('area-ratings');
  await ratings.getByRole('columnheader', { name: 'Trong đó HTXSNV' }).waitFor();
  fig.wellMembers = await figure(page, 'fig-well-MEMBER');
  fig.ratedMembers = await figure(page, 'fig-rated-MEMBER');
  expect(fig.ratedMembers > 0 && fig.wellMembers > 0, 'ratings: no member rated in the last decided year');
  expect(
    /\d+(,\d+)?%/.test(await page.getByTestId('fig-excellent-percent-MEMBER').innerText()),
    'ratings: no "trong đó HTXSNV" percentage',
  );
  fig.alerts = await figure(page, 'fig-alerts');
  expect(fig.alerts > 0, 'no alerts on the demo data');
  await page.getByTestId('dashboard-children').waitFor();
  await shot(page, 'd01-dashboard');
});

step('the cells behind on meetings open the compliance list with as many cells, which exports (.xlsx)', async () => {
  const { page } = state;
  await page.getByTestId('fig-cells-behind').click();
  await page.waitForURL(/\/compliance\?/);
  await page.getByTestId('compliance-summary').waitFor();
  const behind = toInt(
    await page
      .getByTestId('compliance-summary')
      .locator('.ant-statistic')
      .nth(1)
      .locator('.ant-statistic-content')
      .innerText(),
  );
  expect(
    behind === state.figures.cellsBehind,
    `the compliance page counts ${behind} cells behind, the dashboard ${state.figures.cellsBehind}`,
  );
  const { all } = await tableRows(page, 'compliance-table');
  expect(all === state.figures.cellsBehind, `the list has ${all} rows, the figure says ${state.figures.cellsBehind}`);
  await shot(page, 'd02-cells-behind');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compliance-export').click()]);
  expect(
    /^tinh-hinh-sinh-hoat-.*\.xlsx$/.test(download.suggestedFilename()),
    `the compliance download is "${download.suggestedFilename()}"`,
  );
  await page.goBack();
  await dashboardOf(page, state.rootName);
});

step('the member total opens the member list with that total, which exports (.xlsx)', async () => {
  const { page } = state;
  await page.getByTestId('fig-members').click();
  await page.waitForURL(/\/members\?org=/);
  const total = page.getByTestId('members-total');
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=members-total]')?.textContent ?? ''));
  expect(
    toInt(await total.innerText()) === state.figures.members,
    `the member list says "${await total.innerText()}", the dashboard ${state.figures.members}`,
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('members-export').click()]);
  expect(
    /^dang-vien-.*\.xlsx$/.test(download.suggestedFilename()),
    `the member download is "${download.suggestedFilename()}"`,
  );
  await page.goBack();
  await dashboardOf(page, state.rootName);
});

step('admissions of the year open their list in a drawer, with that many members', async () => {
  const { page } = state;
  await page.getByTestId('fig-admissions').click();
  await page.waitForURL(/list=members%3Aadmissions|list=members:admissions/);
  const total = page.locator('[data-testid=figure-list-total]:not([data-total=""])');
  await total.waitFor();
  const n = Number(await total.getAttribute('data-total'));
  expect(n === state.figures.admissions, `the drawer lists ${n}, the figure says ${state.figures.admissions}`);
  const { all } = await tableRows(page, 'figure-list-table');
  expect(all === n, `the drawer's table has ${all} rows, its total says ${n}`);
  await shot(page, 'd03-drawer', false);
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.searchParams.has('list'));
});

step('the admissions counted against the target are the same figure and open the same list', async () => {
  const { page } = state;
  const admitted = await figure(page, 'fig-admission-admitted');
  expect(
    admitted === state.figures.admissions,
    `the target counts ${admitted} admissions, the members card ${state.figures.admissions}`,
  );
  await page.getByTestId('fig-admission-admitted').click();
  await page.waitForURL(/list=members%3Aadmissions|list=members:admissions/);
  const total = page.locator('[data-testid=figure-list-total]:not([data-total=""])');
  await total.waitFor();
  expect(
    Number(await total.getAttribute('data-total')) === admitted,
    `the drawer lists ${await total.getAttribute('data-total')}, the target says ${admitted}`,
  );
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.searchParams.has('list'));
});

step('the cells behind on the inspection target open the tracker list; export the tracker (.xlsx)', async () => {
  const { page } = state;
  await page.getByTestId('fig-inspections-behind').click();
  await page.waitForURL(/\/inspections\?.*cells=BEHIND/);
  const total = page.locator('[data-testid=target-cells-total][data-list="BEHIND"]');
  await total.waitFor();
  expect(
    toInt(await total.innerText()) === state.figures.inspectionsBehind,
    `the tracker lists "${await total.innerText()}", the dashboard ${state.figures.inspectionsBehind}`,
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-target').click()]);
  const name = download.suggestedFilename();
  expect(/\.xlsx$/.test(name), `the download is "${name}", not an .xlsx`);
  await page.goBack();
  await dashboardOf(page, state.rootName);
});

step('members rated HTTNV or better open the rating list with that total', async () => {
  const { page } = state;
  await page.getByTestId('fig-well-MEMBER').click();
  await page.waitForURL(/\/ratings\?.*list=MEMBER/);
  const total = page.locator('[data-testid=figure-rows-total]:not([data-total=""])');
  await total.waitFor();
  const n = Number(await total.getAttribute('data-total'));
  expect(n === state.figures.wellMembers, `the rating list has ${n}, the dashboard ${state.figures.wellMembers}`);
  await page.goBack();
  await dashboardOf(page, state.rootName);
});

step('drill into a child organisation and back up by the breadcrumb', async () => {
  const { page } = state;
  const row = page
    .getByTestId('children-table')
    .locator('tbody tr')
    .filter({ has: page.getByTestId('child-cells-behind') })
    .first();
  const link = row.getByTestId('child-link');
  state.childName = (await link.innerText()).trim();
  state.childMembers = toInt(await row.getByTestId('child-members').innerText());
  await link.click();
  await page.waitForURL(/\/dashboard\?org=/);
  await dashboardOf(page, state.childName);
  const members = await figure(page, 'fig-members');
  expect(
    members === state.childMembers,
    `the child's dashboard counts ${members} members, its row said ${state.childMembers}`,
  );
  const crumb = page.getByTestId('dashboard-breadcrumb');
  await crumb.getByRole('link', { name: state.rootName }).waitFor();
  await shot(page, 'd04-child');
  await crumb.getByRole('link', { name: state.rootName }).click();
  await dashboardOf(page, state.rootName);
  expect((await figure(page, 'fig-members')) === state.figures.members, 'back at the top, the member total changed');
});

step('open the alerts from the side navigation: the same total, narrowed by one rule to its count', async () => {
  const { page } = state;
  await page.getByRole('link', { name: 'Cảnh báo', exact: true }).click();
  await page.waitForURL(/\/alerts(\?|$)/);
  await page.getByRole('heading', { name: 'Cảnh báo', exact: true }).waitFor();
  const total = page.locator('[data-testid=alerts-total]:not([data-total=""])');
  await total.waitFor();
  expect(
    Number(await total.getAttribute('data-total')) === state.figures.alerts,
    `the alert list has ${await total.getAttribute('data-total')}, the dashboard ${state.figures.alerts}`,
  );
  // the rule with most alerts (a chip shows "N title")
  const chips = page.locator('[data-testid^=alert-filter-]').filter({ has: page.locator('.dash-chip__count') });
  const counts = await chips.evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-testid'),
      n: Number(e.querySelector('.dash-chip__count')?.textContent?.replace(/[^\d]/g, '') ?? 0),
    })),
  );
  const best = counts.filter((c) => c.n > 0 && c.n <= 50).sort((a, b) => b.n - a.n)[0];
  expect(best, `no rule with alerts: ${JSON.stringify(counts)}`);
  await page.getByTestId(best.id).click();
  await page.waitForURL(/codes=/);
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=alerts-total]')?.getAttribute('data-total') === String(n),
    best.n,
  );
  const rows = await page.getByTestId('alerts-table').locator('tbody tr.ant-table-row').count();
  expect(rows === best.n, `${best.id}: ${rows} rows, the chip says ${best.n}`);
  await shot(page, 'd05-alerts');
  // the narrowed list exports as a workbook
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('alerts-export').click()]);
  expect(
    /^canh-bao-.*\.xlsx$/.test(download.suggestedFilename()),
    `the alerts download is "${download.suggestedFilename()}"`,
  );
});

step("follow an alert's link to the record to fix", async () => {
  const { page } = state;
  const link = page.getByTestId('alert-link').first();
  const kind = await link.getAttribute('data-kind');
  await link.click();
  const pattern = {
    member: /\/members\/[0-9a-f-]{36}/,
    meeting: /\/meetings\/[0-9a-f-]{36}/,
    visit: /\/meetings\/[0-9a-f-]{36}/,
    organisation: /\/organisations\/[0-9a-f-]{36}/,
  }[kind];
  expect(pattern, `unknown link kind ${kind}`);
  await page.waitForURL(pattern);
  await page.locator('main h1').first().waitFor();
  await shot(page, 'd06-record');
});

step('phone width: the dashboard and the alerts fit', async () => {
  const { page } = state;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE_URL}/dashboard`, { waitUntil: 'domcontentloaded' });
  await dashboardOf(page, state.rootName);
  await page.getByTestId('area-ratings').getByRole('columnheader', { name: 'Trong đó HTXSNV' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `the dashboard is ${overflow}px wider than the phone`);
  await page.screenshot({ path: join(shotsDir, 'd07-dashboard-phone.png'), fullPage: true });
  await page.goto(`${BASE_URL}/alerts`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=alerts-total]:not([data-total=""])').waitFor();
  await page.screenshot({ path: join(shotsDir, 'd08-alerts-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
});

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

// ---------------------------------------------------------------------------------------------------------
await run({ budgetMs: 120_000, failureShot: 'd-failure', state });
