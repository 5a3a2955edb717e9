#!/usr/bin/env node
// Browser test of the party dues page against a running API (which serves apps/web/dist), on the demo seed
// (apps/api/src/cli/seed-dues.ts: bases and payments since January 2025, some members in arrears): the administrator
// opens "Đảng phí" from the side navigation, checks that the members-in-arrears figure equals the rows of the list it
// opens (each row tagged), opens the largest organisation under the root (last year, then this year again: the
// organisation stays), records a payment from a month still owed (an empty or zero amount is refused next to its
// field), sees the collected figure grow by the amount, imports a portal file of that member from the page's link
// (a dry run lists a bad row in Vietnamese, then the good file is checked and imported: the figure grows by its sum),
// downloads the Excel report, and reads the page on a phone.
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/dues.e2e.mjs
//
// Prints `ok - <step>` / `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 120 s.
// Screenshots go to apps/web/test-results/ (d01-…png).
import { join } from 'node:path';
import {
  ADMIN,
  BASE_URL,
  expect,
  gql,
  run,
  shot,
  shotsDir,
  signIn,
  step,
  todayLocal,
  tokenOf,
} from './lib/harness.mjs';

const state = { page: null, pageErrors: [], arrears: 0, collected: 0, org: '', member: '', url: '' };
const toInt = (s) => Number(String(s).replace(/[^\d]/g, ''));
const lastYear = Number(todayLocal().slice(0, 4)) - 1;

step(`sign in as the administrator (${ADMIN})`, async () => {
  await signIn(state.page, ADMIN);
});

step('open the dues page from the side navigation: the figures of the whole tree', async () => {
  const { page } = state;
  await page.getByRole('link', { name: 'Đảng phí', exact: true }).click();
  await page.waitForURL(/\/dues(\?|$)/);
  await page.getByRole('heading', { level: 1, name: 'Đảng phí' }).waitFor();
  await page.getByTestId('dues-summary').waitFor();
  const due = toInt(await page.getByTestId('dues-due').locator('.ant-statistic-content').innerText());
  state.collected = toInt(await page.getByTestId('dues-collected').locator('.ant-statistic-content').innerText());
  expect(due > 0 && state.collected > 0 && state.collected <= due * 1.01, `owed ${due}, collected ${state.collected}`);
  state.arrears = toInt(await page.getByTestId('dues-arrears-link').innerText());
  expect(state.arrears > 0, 'no member in arrears: the seed stops some members paying in 2026');
  await page.locator('[data-testid=dues-sheet-total][data-list=all]').waitFor();
  await shot(page, 'd01-dues');
});

step('the members-in-arrears figure opens their list: as many rows, each tagged with its unpaid months', async () => {
  const { page } = state;
  await page.getByTestId('dues-arrears-link').click();
  await page.waitForURL(/list=arrears/);
  const total = page.locator('[data-testid=dues-sheet-total][data-list=arrears]');
  await total.waitFor();
  expect(
    toInt(await total.innerText()) === state.arrears,
    `the list says ${await total.innerText()}, the figure ${state.arrears}`,
  );
  const rows = page.getByTestId('dues-sheet').locator('tbody tr.ant-table-row');
  const shown = await rows.count();
  expect(shown === Math.min(state.arrears, 50), `${shown} rows shown for ${state.arrears} members`);
  expect(
    (await page.getByTestId('dues-arrears-tag').count()) === shown,
    'a row of the arrears list has no arrears tag',
  );
  const unpaid = await page.getByTestId('dues-sheet').locator('[data-state=unpaid]').count();
  expect(unpaid >= 3 * shown, `${unpaid} unpaid cells for ${shown} members in arrears (at least 3 each)`);
});

step(`open the largest organisation under the root, look at last year, and come back to this year`, async () => {
  const { page } = state;
  await page.getByTestId('dues-arrears-link').click(); // the same figure again: back to every member
  await page.locator('[data-testid=dues-sheet-total][data-list=all]').waitFor();
  expect(!page.url().includes('list=arrears'), `still the arrears list: ${page.url()}`);
  // the organisation with the most members (its sheet surely has a month still owed: see the next step)
  const rows = page.getByTestId('dues-children').locator('tbody tr.ant-table-row');
  const sizes = await rows.evaluateAll((trs) =>
    trs.map((tr) => Number((tr.querySelectorAll('td')[1]?.textContent ?? '').replace(/[^\d]/g, ''))),
  );
  const biggest = rows.nth(sizes.indexOf(Math.max(...sizes))).getByRole('button');
  state.org = (await biggest.innerText()).trim();
  await biggest.click();
  await page.waitForURL(/org=/);
  const org = new URL(page.url()).searchParams.get('org');
  const chooseYear = async (y) => {
    // antd's dropdown animates open: a click during the animation can miss, so try again (at most 3 times)
    for (let attempt = 0; ; attempt++) {
      await page.locator('#dues-year').click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${y}"]`).click();
      try {
        await page.waitForURL(new RegExp(`year=${y}`), { timeout: 3000 });
        break;
      } catch (e) {
        if (attempt === 2) throw e;
        await page.keyboard.press('Escape');
      }
    }
    // the figures of that organisation and year, not the previous ones kept on screen while they load
    await page.locator(`[data-testid=dues-summary][data-org="${org}"][data-year="${y}"]`).waitFor();
    await page.locator('[data-testid=dues-sheet-total][data-list=all]').waitFor();
    expect(page.url().includes(`org=${org}`), `the organisation was lost: ${page.url()}`);
  };
  await chooseYear(lastYear);
  await chooseYear(lastYear + 1);
  state.collected = toInt(await page.getByTestId('dues-collected').locator('.ant-statistic-content').innerText());
});

step(
  'record a payment from a month still owed: an empty or zero amount is refused by its field, the amount owed is recorded and counted',
  async () => {
    const { page } = state;
    const sheet = page.getByTestId('dues-sheet');
    // a month with an amount still owed: unpaid or short, else this month (the seed has half the members not paid yet)
    const cell = sheet
      .locator(
        '[data-testid=dues-month]:has([data-state=unpaid]), [data-testid=dues-month]:has([data-state=short]), [data-testid=dues-month]:has([data-state=open])',
      )
      .first();
    expect(await cell.count(), 'no month with an amount owed in the sheet');
    const row = cell.locator('xpath=ancestor::tr[1]');
    const member = await row.getAttribute('data-member');
    const owedText = await cell.innerText();
    await cell.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const amount = dialog.getByLabel('Số tiền', { exact: true });
    const prefilled = toInt(await amount.inputValue());
    expect(prefilled > 0, `the amount is not prefilled with what is owed (${await amount.inputValue()})`);
    await amount.fill('');
    await dialog.getByTestId('dues-record-submit').click();
    await dialog.getByText('Nhập số tiền.').waitFor();
    await amount.fill('0');
    await dialog.getByTestId('dues-record-submit').click();
    await dialog.getByText('Số tiền từ 1 đến 1.000.000.000 đồng.').waitFor();
    await amount.fill(String(prefilled));
    await dialog.getByTestId('dues-record-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã ghi nhận.').waitFor();
    // the member's row now has one unpaid month fewer and the collected figure grew by the amount
    await page.waitForFunction(
      ({ m, before }) => {
        const n = document.querySelector('[data-testid=dues-collected] .ant-statistic-content')?.textContent ?? '';
        return Number(n.replace(/[^\d]/g, '')) > before && document.querySelector(`tr[data-member="${m}"]`);
      },
      { m: member, before: state.collected },
      { timeout: 15_000 },
    );
    const after = toInt(await page.getByTestId('dues-collected').locator('.ant-statistic-content').innerText());
    expect(
      after - state.collected === prefilled,
      `collected grew by ${after - state.collected}, not ${prefilled} (the cell said ${owedText})`,
    );
    Object.assign(state, { collected: after, member, url: page.url() });
    await shot(page, 'd02-recorded');
  },
);

step(
  "import the portal's file from the dues page: a dry run names a bad row in Vietnamese; the good file is checked, imported and counted",
  async () => {
    const { page } = state;
    const auth = await tokenOf(ADMIN);
    const nationalId = (
      await gql('query($id: ID!) { member(id: $id) { nationalId } }', { id: state.member }, auth.token)
    ).data?.member?.nationalId;
    expect(nationalId, `the member ${state.member} has no national ID in the seed`);
    const [y, m, d] = todayLocal().split('-');
    const head = 'Số định danh,Tháng,Số tiền,Ngày nộp,Mã giao dịch';
    const good = `${nationalId},${m}/${y},5.000,${d}/${m}/${y},E2E-${Date.now()}`;
    const send = async (lines, button) => {
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'cong-dvc.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
      await page.getByTestId(button).click();
    };
    await page.getByTestId('dues-import-link').click();
    await page.waitForURL(/\/import\?kind=dues/);
    await send([head, good, `079099999999,${m}/${y},5.000,${d}/${m}/${y},E2E-X-${Date.now()}`], 'import-dry-run');
    await page.getByTestId('import-error').waitFor();
    const bad = page.getByTestId('import-problems').locator('tr', { hasText: 'Số định danh' });
    await bad.getByText('Không có đảng viên mang số này trong phạm vi của bạn.').waitFor();
    expect(
      (await bad.locator('td').first().innerText()).trim() === '3',
      `the bad row is not row 3: ${await bad.innerText()}`,
    );
    await send([head, good], 'import-dry-run');
    await page.getByTestId('import-dry-run-result').filter({ hasText: 'chưa ghi gì' }).waitFor();
    expect(
      (await page.getByTestId('import-payments').locator('tbody tr.ant-table-row').count()) === 1,
      'the dry run does not list the one payment',
    );
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').filter({ hasText: 'Đã ghi 1 khoản' }).waitFor();
    await shot(page, 'd03-imported');
    await page.goto(state.url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(
      (before) =>
        Number(
          (document.querySelector('[data-testid=dues-collected] .ant-statistic-content')?.textContent ?? '').replace(
            /[^\d]/g,
            '',
          ),
        ) ===
        before + 5000,
      state.collected,
      { timeout: 15_000 },
    );
  },
);

step('export the report of the organisation and year on screen as an Excel workbook', async () => {
  const { page } = state;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dues').click()]);
  const name = download.suggestedFilename();
  expect(/^Đảng phí năm \d{4}\.xlsx$/.test(name), `the download is "${name}"`);
});

step('the page on a phone-sized screen', async () => {
  const { page } = state;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE_URL}/dues`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('dues-summary').waitFor();
  await page.screenshot({ path: join(shotsDir, 'd04-dues-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
});

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

await run({ budgetMs: 120_000, failureShot: 'd-failure', state });
