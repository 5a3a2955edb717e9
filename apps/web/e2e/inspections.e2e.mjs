#!/usr/bin/env node
// Browser test of the inspection target tracker and the inspection records against a running API (which serves
// apps/web/dist), on the demo seed (apps/api/src/cli/seed-inspections.ts: a year of inspections, some cells behind):
// the administrator opens the tracker, checks that each number of the headline figure ("229/321 chi bộ đạt chỉ
// tiêu") equals the rows of the list it opens, opens the printable tracker (the same figures, no app shell), exports
// the tracker, opens a cell's records, plans an inspection there, sees a conclusion dated before the start refused
// next to its field, concludes it with a reprimand (only the forms a cell may impose are offered), and opens a
// concluded inspection from the subtree's records.
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/inspections.e2e.mjs
//
// System Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core. Prints `ok - <step>` /
// `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 120 s. Screenshots go to
// apps/web/test-results/ (i01-…png).
import { join } from 'node:path';
import { ADMIN, BASE_URL, expect, run, settle, shot, shotsDir, signIn, step, todayLocal } from './lib/harness.mjs';

// ---------------------------------------------------------------------------------------------------------
const state = {
  page: null,
  pageErrors: [],
  met: 0,
  subjects: 0,
  behind: 0,
  percent: '',
  cellName: '',
  inspectionTitle: '',
  newTitle: `Kiểm tra đảng viên chấp hành (kiểm thử ${Date.now().toString(36)})`,
  subjectName: '',
  conclusion: 'Đồng chí chấp hành nghiêm Điều lệ Đảng; còn hạn chế trong việc nêu gương.',
};

// antd's date picker: type DD/MM/YYYY into its input and leave it (Enter would submit the form).
const setDate = async (page, selector, ddmmyyyy) => {
  const input = page.locator(selector);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Tab');
  expect((await input.inputValue()) === ddmmyyyy, `${selector} shows "${await input.inputValue()}", not ${ddmmyyyy}`);
};

// "1.234" (vi) → 1234
const toInt = (s) => Number(String(s).replace(/[^\d]/g, ''));

// The number of cells in the list on screen, as its heading counts them ("92 chi bộ"), once the list asked for is shown.
const listTotal = async (page, filter) => {
  const total = page.locator(`[data-testid=target-cells-total][data-list="${filter}"]`);
  await total.waitFor();
  return toInt(await total.innerText());
};

// Rows the table shows on its current page, and the rows it says it has in all (its pager, when there is one).
const tableRows = async (page) => {
  const table = page.getByTestId('target-cells-table');
  const rows = await table.locator('tbody tr.ant-table-row').count();
  const pager = table.locator('.ant-pagination');
  if (!(await pager.count())) return { rows, all: rows };
  // the pager lists the pages; the last page holds the rest
  const items = pager.locator('.ant-pagination-item');
  const pages = toInt(await items.nth((await items.count()) - 1).innerText());
  await items.nth((await items.count()) - 1).click();
  const last = await table.locator('tbody tr.ant-table-row').count();
  await items.first().click();
  return { rows, all: (pages - 1) * rows + last };
};

step(`sign in as the administrator (${ADMIN})`, async () => {
  await signIn(state.page, ADMIN);
});

step('open the tracker from the side navigation and read the headline figure', async () => {
  const { page } = state;
  await page.getByRole('link', { name: 'Theo dõi chỉ tiêu', exact: true }).click();
  await page.waitForURL(/\/inspections(\?|$)/);
  await page.getByRole('heading', { name: 'Theo dõi chỉ tiêu kiểm tra' }).waitFor();
  const headline = page.getByTestId('target-headline');
  await headline.waitFor();
  const text = (await headline.innerText()).replace(/\s+/g, ' ');
  const m = /([\d.]+)\s*\/\s*([\d.]+) chi bộ đạt chỉ tiêu kiểm tra \(([\d,]+)%\)/.exec(text);
  expect(m, `no "N/M chi bộ đạt chỉ tiêu kiểm tra (P%)" in "${text}"`);
  state.met = toInt(m[1]);
  state.subjects = toInt(m[2]);
  state.percent = `${m[3]}%`;
  expect(state.subjects > 0, 'no cell is subject to the target');
  expect(
    state.met < state.subjects,
    `every cell met the target (${state.met}/${state.subjects}): the seed should leave some behind`,
  );
  // the percentage, truncated to 2 decimals, in Vietnamese notation
  const expected = Math.floor((state.met * 10000) / state.subjects) / 100;
  const shown = Number(m[3].replace(',', '.'));
  expect(
    Math.abs(shown - expected) < 0.001,
    `percentage ${m[3]}% is not ${state.met}/${state.subjects} truncated (${expected})`,
  );
  state.behind = toInt(await page.getByTestId('target-behind').innerText());
  expect(state.behind === state.subjects - state.met, `behind ${state.behind} ≠ ${state.subjects} − ${state.met}`);
  await page.getByTestId('coverage-card').waitFor();
  await shot(page, 'i01-tracker');
});

step('the met number opens the list of cells that met the target, with as many rows', async () => {
  const { page } = state;
  await page.getByTestId('target-met').click();
  await page.waitForURL(/cells=MET/);
  expect((await listTotal(page, 'MET')) === state.met, 'the list heading does not count the met cells');
  const { all } = await tableRows(page);
  expect(all === state.met, `the met list has ${all} rows, the figure says ${state.met}`);
  const states = await page
    .getByTestId('target-cells-table')
    .locator('tbody tr.ant-table-row .ant-tag')
    .allInnerTexts();
  expect(
    states.every((s) => s.trim() !== 'Chưa đạt'),
    'a cell behind is in the met list',
  );
});

step('the number of cells behind opens their list: subjects − met rows, each saying what is missing', async () => {
  const { page } = state;
  await page.getByTestId('target-behind').click();
  await page.waitForURL(/cells=BEHIND/);
  expect(
    (await listTotal(page, 'BEHIND')) === state.subjects - state.met,
    'the list heading does not count the cells behind',
  );
  const { all } = await tableRows(page);
  expect(
    all === state.subjects - state.met,
    `the list behind has ${all} rows, expected ${state.subjects} − ${state.met}`,
  );
  const missing = await page.getByTestId('target-cells-table').locator('tbody tr.ant-table-row').first().innerText();
  expect(/còn thiếu \d+/.test(missing), `no "còn thiếu N" in the first row: "${missing.replace(/\s+/g, ' ')}"`);
  await shot(page, 'i02-behind');
});

step('the denominator opens every cell subject to the target', async () => {
  const { page } = state;
  await page.getByTestId('target-subjects').click();
  await page.waitForURL(/cells=ALL/);
  expect((await listTotal(page, 'ALL')) === state.subjects, 'the list heading does not count every cell');
  const { all } = await tableRows(page);
  expect(all === state.subjects, `the full list has ${all} rows, the figure says ${state.subjects}`);
});

step('the printable tracker opens in a new tab, without the app shell, with the figures of the screen', async () => {
  const { page } = state;
  // the screen (every cell listed): the concluded total and, for the cells of the first page, what each owes and has done
  const concluded = (await page.getByTestId('target-summary').locator('.figure-plain').innerText()).trim();
  const cells = await page
    .getByTestId('target-cells-table')
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((tr) => {
        const td = tr.querySelectorAll(':scope > td');
        const href = tr.querySelector('[data-testid=target-cell-link]').getAttribute('href');
        return {
          id: new URLSearchParams(href.split('?')[1]).get('org'),
          state: td[1].textContent.trim(),
          required: td[4].textContent.trim(),
          concluded: td[5].textContent.trim(),
        };
      }),
    );
  expect(cells.length > 0 && cells.every((c) => c.id), 'no cell rows with links on the screen');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('tracker-print').click()]);
  popup.on('pageerror', (e) => state.pageErrors.push(e.message));
  await popup.waitForURL(/\/inspections\/tracker\/print\?/);
  const url = new URL(popup.url());
  expect(
    url.searchParams.get('organisationId') && url.searchParams.get('year') && url.searchParams.get('asOf'),
    `print view opened with "${url.search}"`,
  );
  const doc = popup.getByTestId('inspection-target-report');
  await doc.waitFor();
  const title = (await doc.getByTestId('report-title').innerText()).trim();
  expect(/^BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU KIỂM TRA ĐẢNG VIÊN NĂM \d{4}$/.test(title), `title "${title}"`);
  const text = await doc.innerText();
  expect(
    text.includes('ĐẢNG CỘNG SẢN VIỆT NAM') && /ngày \d{2} tháng \d{2} năm \d{4}/.test(text),
    'no party line or no Vietnamese date line',
  );
  expect(/T\/M (ĐẢNG ỦY|BAN THƯỜNG VỤ|CHI BỘ)/.test(text) && text.includes('NGƯỜI LẬP BIỂU'), 'no signature block');
  // the totals are the screen's headline: met / subject to the target, the truncated share, the concluded inspections
  const total = async (field) =>
    (await doc.locator(`[data-testid=report-total] [data-figure=${field}]`).innerText()).trim();
  expect(
    toInt(await total('met')) === state.met,
    `met: the screen shows ${state.met}, the print ${await total('met')}`,
  );
  expect(
    toInt(await total('subjects')) === state.subjects,
    `subjects: the screen shows ${state.subjects}, the print ${await total('subjects')}`,
  );
  expect(
    (await total('percent')) === state.percent,
    `share: the screen shows ${state.percent}, the print ${await total('percent')}`,
  );
  expect(
    (await total('concluded')) === concluded,
    `concluded: the screen shows ${concluded}, the print ${await total('concluded')}`,
  );
  expect((await doc.getByTestId('report-cell').count()) === state.subjects, 'the print does not list every cell');
  const units = await doc.getByTestId('report-unit').count();
  expect(units >= 1, 'no unit subtotal');
  for (const c of cells) {
    const row = doc.locator(`[data-testid=report-cell][data-org-id="${c.id}"]`);
    const got = {
      required: (await row.locator('[data-figure=required]').innerText()).trim(),
      concluded: (await row.locator('[data-figure=concluded]').innerText()).trim(),
      state: (await row.locator('[data-figure=state]').innerText()).trim(),
    };
    expect(
      got.required === c.required && got.concluded === c.concluded && got.state === c.state,
      `cell ${c.id}: the screen shows ${JSON.stringify(c)}, the print ${JSON.stringify(got)}`,
    );
  }
  expect((await popup.locator('.app-header').count()) === 0, 'the app header is on the print view');
  expect((await popup.getByTestId('current-user').count()) === 0, 'the signed-in user is on the print view');
  expect((await popup.getByRole('menu').count()) === 0, 'the menu is on the print view');
  await popup.screenshot({ path: join(shotsDir, 'i02b-tracker-print.png'), fullPage: true });
  await popup.emulateMedia({ media: 'print' });
  expect(await popup.getByTestId('report-print-button').isHidden(), 'the "In" button is printed');
  await popup.close();
});

step('export the tracker as an Excel file', async () => {
  const { page } = state;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-target').click()]);
  const name = download.suggestedFilename();
  expect(/\.xlsx$/.test(name), `the download is "${name}", not an .xlsx`);
});

step('open a cell behind: its records for the year', async () => {
  const { page } = state;
  await page.getByTestId('target-behind').click();
  await page.waitForURL(/cells=BEHIND/);
  await listTotal(page, 'BEHIND');
  const link = page.getByTestId('target-cell-link').first();
  state.cellName = (await link.innerText()).trim();
  await link.click();
  await page.waitForURL(/\/inspections\/records\?/);
  await page.getByRole('heading', { name: 'Cuộc kiểm tra, giám sát' }).waitFor();
  await page.getByTestId('records-organisation').filter({ hasText: state.cellName }).waitFor();
  await page.getByTestId('records-total').waitFor();
  await page.getByTestId('year-plan').waitFor();
  await shot(page, 'i03-cell-records');
});

step("plan an inspection of one of the cell's members from its records", async () => {
  const { page } = state;
  await page.getByTestId('plan-inspection').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Lập kế hoạch kiểm tra, giám sát:').waitFor();
  await dialog.locator('#inspection_title').fill(state.newTitle);
  // The member list loads after the dialog opens, and another select's dropdown may still be fading out: pick from
  // the dropdown this select controls, and check the choice took (retrying a couple of times).
  const select = dialog.locator('#inspection_subjectMemberIds');
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const listId = await select.getAttribute('aria-controls');
    const dropdown = page.locator('.ant-select-dropdown:visible').filter({ has: page.locator(`[id="${listId}"]`) });
    const option = dropdown.locator('.ant-select-item-option').first();
    await option.waitFor();
    state.subjectName = (await option.innerText()).trim();
    await option.click();
    await dialog.locator('#inspection_title').click(); // closes the member list
    if ((await dialog.locator('.ant-select-selection-item').filter({ hasText: state.subjectName }).count()) > 0) break;
  }
  expect(
    (await dialog.locator('.ant-select-selection-item').filter({ hasText: state.subjectName }).count()) > 0,
    'no member could be picked',
  );
  await shot(page, 'i04-plan-dialog', false);
  await dialog.getByTestId('plan-inspection-submit').click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  await page.locator('#inspection-title').filter({ hasText: state.newTitle }).waitFor();
  expect(
    (await page.getByTestId('inspection-state').first().innerText()).trim() === 'Theo kế hoạch',
    'not in the planned state',
  );
  await page.getByTestId('inspection-subject').filter({ hasText: state.subjectName }).waitFor();
});

step('a conclusion dated before the start is refused next to its date, and nothing typed is lost', async () => {
  const { page } = state;
  await page.getByTestId('conclude-inspection').click();
  const form = page.getByTestId('conclude-form');
  await form.waitFor();
  const today = todayLocal();
  const [y, m, d] = today.split('-');
  await setDate(page, '#conclude_startedOn', `${d}/${m}/${y}`);
  await setDate(page, '#conclude_concludedOn', `01/01/${y}`);
  await page.locator('#conclude_conclusion').fill(state.conclusion);
  await page.locator('#conclude_subjects_0_shortcomings').fill('Có lúc chưa gương mẫu trong sinh hoạt chi bộ.');
  await page.getByTestId('conclude-submit').click();
  const explain = page.locator('.ant-form-item-has-error').filter({ has: page.locator('#conclude_concludedOn') });
  await explain.getByText('Thứ tự các ngày không hợp lệ.').waitFor();
  await page.getByTestId('conclude-error').waitFor();
  expect(
    (await page.locator('#conclude_conclusion').inputValue()) === state.conclusion,
    'the conclusion text was lost',
  );
  await shot(page, 'i05-conclude-refused');
});

step('the page reloaded before saving (a session that ended, say): what was typed comes back as a draft', async () => {
  const { page } = state;
  await page.waitForTimeout(800); // the draft is kept half a second after the last key
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByTestId('conclude-inspection').click();
  await page.getByTestId('conclude-draft-restored').getByText('Đã khôi phục bản nháp chưa lưu').waitFor();
  expect(
    (await page.locator('#conclude_conclusion').inputValue()) === state.conclusion,
    'the conclusion did not come back',
  );
  expect(
    (await page.locator('#conclude_subjects_0_shortcomings').inputValue()) ===
      'Có lúc chưa gương mẫu trong sinh hoạt chi bộ.',
    'the findings did not come back',
  );
});

step('conclude with a reprimand: only the forms a cell may impose on this member are offered', async () => {
  const { page } = state;
  const [y, m, d] = todayLocal().split('-');
  await setDate(page, '#conclude_concludedOn', `${d}/${m}/${y}`);
  await page.getByText('Quyết định kỷ luật đảng viên này').first().click();
  await page.locator('#conclude_subjects_0_discipline_form').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.filter({ hasText: 'Khiển trách' }).waitFor();
  const offered = await page.evaluate(() =>
    [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map(
      (o) => o.textContent.trim(),
    ),
  );
  expect(
    offered.length > 0 && offered.every((o) => ['Khiển trách', 'Cảnh cáo'].includes(o)),
    `a cell is offered ${JSON.stringify(offered)}`,
  );
  await options.filter({ hasText: 'Khiển trách' }).click();
  await page.getByTestId('conclude-submit').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=inspection-state]')?.textContent?.trim() === 'Đã kết luận',
  );
  await page.getByTestId('inspection-disciplines').getByText('Khiển trách').waitFor();
  await page.getByTestId('subject-discipline').first().waitFor();
  const drafts = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes('.inspection-conclusion.')),
  );
  expect(drafts.length === 0, `the saved conclusion's draft is still kept: ${drafts.join(', ')}`);
  await shot(page, 'i06-concluded');
});

step('open the records of the whole subtree and an inspection from them', async () => {
  const { page } = state;
  await page.getByRole('link', { name: 'Cuộc kiểm tra, giám sát', exact: true }).first().click();
  await page.waitForURL(/\/inspections\/records/);
  const total = page.getByTestId('records-total');
  await total.waitFor();
  expect(toInt(await total.innerText()) > 0, `no inspection in the records: "${await total.innerText()}"`);
  // a concluded one, to see the conclusion and the findings
  await page.locator('#records-state').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Đã kết luận' }).click();
  await page.waitForURL(/state=CONCLUDED/);
  // the filtered page has replaced the previous one: every row is concluded
  await page.waitForFunction(() => {
    const tags = [...document.querySelectorAll('[data-testid=inspections-table] tbody [data-testid=inspection-state]')];
    return (
      tags.length > 0 &&
      tags.every((t) => t.textContent.trim() === 'Đã kết luận') &&
      !document.querySelector('[data-testid=inspections-table] .ant-spin-spinning')
    );
  });
  const link = page.getByTestId('inspection-link').first();
  await link.waitFor();
  state.inspectionTitle = (await link.innerText()).trim();
  await shot(page, 'i07-records');
  await link.click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  await page.getByTestId('inspection-page').waitFor();
  await page.locator('#inspection-title').filter({ hasText: state.inspectionTitle }).waitFor();
  expect(
    (await page.getByTestId('inspection-state').first().innerText()).trim() === 'Đã kết luận',
    'not in the concluded state',
  );
  await page.getByTestId('inspection-conclusion').waitFor();
  expect((await page.getByTestId('inspection-subject').count()) >= 1, 'no member inspected is shown');
  await shot(page, 'i08-inspection');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shotsDir, 'i09-inspection-phone.png'), fullPage: true });
  await page.goto(`${BASE_URL}/inspections?cells=BEHIND`, { waitUntil: 'domcontentloaded' });
  await listTotal(page, 'BEHIND');
  await page.screenshot({ path: join(shotsDir, 'i10-tracker-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
});

step(
  'the records: save the concluded ones as a filter, apply it after a reload, delete it; hide a column',
  async () => {
    const { page } = state;
    const button = page.getByTestId('saved-filters');
    const panel = page.getByTestId('saved-filters-panel');
    const openPanel = async (b, p) => {
      await b.click();
      await p.waitFor();
      await settle(page); // antd's animations run here: click in the panel once it has stopped zooming in
    };
    await page.goto(`${BASE_URL}/inspections/records?state=CONCLUDED`, { waitUntil: 'domcontentloaded' });
    await openPanel(button, panel);
    await panel.getByLabel('Tên bộ lọc').fill('Đã kết luận');
    await panel.getByTestId('saved-filter-save').click();
    await button.getByText('Bộ lọc: Đã kết luận').waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${BASE_URL}/inspections/records`, { waitUntil: 'domcontentloaded' });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await button.getByText('Bộ lọc đã lưu (1)').waitFor();
    await openPanel(button, panel);
    await panel.getByRole('button', { name: 'Đã kết luận', exact: true }).click();
    await page.waitForURL(/state=CONCLUDED/);
    await button.getByText('Bộ lọc: Đã kết luận').waitFor();
    await openPanel(button, panel);
    await panel.getByRole('button', { name: 'Xóa bộ lọc “Đã kết luận”' }).click();
    await panel.getByText('Chưa lưu bộ lọc nào.').waitFor();
    await page.keyboard.press('Escape');

    const chooser = page.getByTestId('inspections-columns');
    const columns = page.getByTestId('inspections-columns-panel');
    const body = page.locator('[data-testid=inspections-table] thead th', { hasText: 'Chủ thể' });
    await body.waitFor();
    await openPanel(chooser, columns);
    await columns.getByText('Chủ thể', { exact: true }).click();
    await body.waitFor({ state: 'detached' });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('inspection-link').first().waitFor();
    expect((await body.count()) === 0, 'the body column is back after a reload');
    await shot(page, 'i11-records-columns');
    // on a phone the list's title and its column chooser both fit, side by side or one under the other
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // the layout answers the new width on the next breakpoint render: wait (up to 5 s) for the card head to fit
      // before measuring it, so a measure taken mid-reflow is not mistaken for a layout that does not fit
      await page
        .waitForFunction(
          () => {
            const h = document.querySelector('[data-testid=inspections-columns]')?.closest('.ant-card-head');
            return (h?.querySelector('.ant-card-extra')?.getBoundingClientRect().right ?? Infinity) <= 390;
          },
          undefined,
          { timeout: 5000 },
        )
        .catch(() => undefined);
      const head = await page.evaluate(() => {
        const h = document.querySelector('[data-testid=inspections-columns]').closest('.ant-card-head');
        const t = h.querySelector('.ant-card-head-title');
        return {
          title: t.getBoundingClientRect().toJSON(),
          extra: h.querySelector('.ant-card-extra').getBoundingClientRect().toJSON(),
          clipped: t.scrollWidth > t.clientWidth + 1,
        };
      });
      const { title: a, extra: b } = head;
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(
        !overlap && b.right <= 390 && !head.clipped,
        `the records' title and chooser on a phone: ${JSON.stringify(head)}`,
      );
      await page.screenshot({ path: join(shotsDir, 'i12-records-phone.png'), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    await openPanel(chooser, columns);
    await columns.getByTestId('inspections-columns-default').click();
    await body.waitFor();
    await page.keyboard.press('Escape');
  },
);

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

// ---------------------------------------------------------------------------------------------------------
await run({ budgetMs: 120_000, failureShot: 'i-failure', state });
