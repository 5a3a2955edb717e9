#!/usr/bin/env node
// Browser test of the annual quality rating against a running API (which serves apps/web/dist): the administrator
// opens the previous year's figures of the top organisation (2025 is seeded decided and announced), checks a
// percentage is written the Vietnamese way, opens the list behind a count and finds the same total, exports the
// statistics table (.xlsx) and opens it printable (the same figures, no app shell), then in the current year's open
// round sees the live level of the self-assessment form, proposes one self-assessed member's rating and decides it at
// another level with a reason (and, if the quota refuses it, with a quota override reason).
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/ratings.e2e.mjs
//
// The same environment as smoke.e2e.mjs. System Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through
// playwright-core. Prints `ok - <step>` / `not ok - <step>` and `N passed, M failed`; exits 1 on any failure.
// Capped at 150 s. Screenshots go to apps/web/test-results/ (r01-…png).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN,
  BASE_URL,
  choose,
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

// ---------------------------------------------------------------------------------------------------------
const YEAR = Number(todayLocal().slice(0, 4));
const PREVIOUS = YEAR - 1;
const state = { page: null, pageErrors: [], rootId: '', rootName: '', round: null, ratingId: '', subject: '' };

/** "1.234" (vi) → 1234. */
const viInt = (s) => Number(String(s).trim().replace(/\./g, ''));

step(`the demo seed has ${PREVIOUS} ratings and an open ${YEAR} round`, async () => {
  const admin = await tokenOf(ADMIN);
  expect(admin, `cannot sign in as ${ADMIN}`);
  const roots = await gql('{ scopeRoots { id name } }', {}, admin.token);
  state.rootId = roots.data?.scopeRoots?.[0]?.id ?? '';
  state.rootName = roots.data?.scopeRoots?.[0]?.name ?? '';
  expect(state.rootId, 'no top organisation');
  const rounds = await gql(
    'query($y: Int) { ratingRounds(year: $y) { id organisationId state title } }',
    { y: YEAR },
    admin.token,
  );
  const open = (rounds.data?.ratingRounds ?? []).filter((r) => r.state === 'OPEN');
  state.round = open.find((r) => r.organisationId === state.rootId) ?? open[0] ?? null;
  expect(state.round, `no open ${YEAR} rating round in the seed`);
});

step(`sign in as the administrator (${ADMIN})`, async () => {
  await signIn(state.page, ADMIN);
});

step(
  `open "Đánh giá, xếp loại" from the side menu: it opens on ${PREVIOUS}, the latest decided year; pick ${YEAR} and back`,
  async () => {
    const { page } = state;
    await page.getByRole('menuitem', { name: 'Đánh giá, xếp loại', exact: true }).click();
    await page.waitForURL(/\/ratings(\?|$)/);
    await page.getByRole('heading', { name: 'Kết quả đánh giá, xếp loại' }).waitFor();
    await page.getByTestId('rating-figures').waitFor();
    // the seed's ${YEAR} round is open: the page opens on ${PREVIOUS}, not on a year of zeros
    await page.getByText(`Năm ${PREVIOUS} · theo tổ chức đảng tại ngày 31/12/${PREVIOUS}`).waitFor();
    await choose(page, 'ratings-year', String(YEAR));
    await page.waitForURL(new RegExp(`year=${YEAR}`));
    await choose(page, 'ratings-year', String(PREVIOUS));
    await page.waitForURL(new RegExp(`year=${PREVIOUS}`));
    await page.getByText(`Năm ${PREVIOUS} · theo tổ chức đảng tại ngày 31/12/${PREVIOUS}`).waitFor();
    await page.getByTestId('admission-figure').waitFor();
  },
);

step('the members\' shares are written the Vietnamese way (86,54%) and "trong đó HTXSNV" is labelled', async () => {
  const { page } = state;
  const members = page.locator('[data-testid=figure-group][data-kind=MEMBER]');
  await members.waitFor();
  const percents = (await members.getByTestId('figure-percent').allInnerTexts()).map((s) => s.trim());
  expect(percents.length >= 5, `only ${percents.length} percentages for members`);
  expect(
    percents.every((p) => /^\d{1,3}(,\d{1,2})?%$/.test(p)),
    `not in Vietnamese format: ${percents.join(' | ')}`,
  );
  expect(
    percents.some((p) => p.includes(',')),
    `no decimal comma in ${percents.join(' | ')}`,
  );
  await members.getByText('Trong đó HTXSNV (% so với số HTTNV trở lên)').waitFor();
  await members.getByText('HTXSNV (% so với số được xếp loại)').waitFor();
  await shot(page, 'r01-figures');
});

step(`the members admitted in ${PREVIOUS} open their list, with as many rows`, async () => {
  const { page } = state;
  const button = page.getByTestId('admission-admitted');
  const n = Number((await button.innerText()).replace(/[^\d]/g, ''));
  await button.click();
  await page.waitForURL(/list=admissions/);
  const total = page.locator('[data-testid=figure-list-total]:not([data-total=""])');
  await total.waitFor();
  expect(
    Number(await total.getAttribute('data-total')) === n,
    `the list counts ${await total.getAttribute('data-total')}, the card says ${n}`,
  );
  const rows = await page.locator('[data-testid=figure-list-table] tbody tr.ant-table-row').count();
  expect(rows === Math.min(n, 50), `the list shows ${rows} rows for ${n} admissions`);
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => url.searchParams.get('list') !== 'admissions');
});

for (const [list, label] of [
  ['MEMBER:HTXSNV', 'members rated HTXSNV'],
  ['MEMBER:HTXSNV+HTTNV', 'members well completed or better'],
  ['GRASSROOTS_ORGANISATION:notRated', 'grassroots organisations not rated'],
]) {
  step(`the list behind the count of ${label} has the same total`, async () => {
    const { page } = state;
    const button = page.locator(`[data-testid=figure-count][data-list="${list}"][data-year="${PREVIOUS}"]`).first();
    const shown = viInt(await button.innerText());
    expect(Number.isInteger(shown), `no count for ${list}`);
    await button.click();
    const dialog = page.getByRole('dialog');
    const total = dialog.getByTestId('figure-rows-total');
    await dialog.locator('[data-testid=figure-rows-total][data-total]:not([data-total=""])').waitFor();
    const listed = Number(await total.getAttribute('data-total'));
    expect(listed === shown, `the count shows ${shown}, the list has ${listed}`);
    expect(
      (await total.innerText()).includes(`Tổng số: ${(await button.innerText()).trim()}`),
      `no "Tổng số: ${shown}" line`,
    );
    const rows = await dialog.locator('.ant-table-tbody tr.ant-table-row').count();
    expect(rows === Math.min(shown, 50), `${rows} rows shown for a total of ${shown}`);
    if (list === 'MEMBER:HTXSNV') await shot(page, 'r02-figure-rows', false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
}

step('export the statistics table: a .xlsx download', async () => {
  const { page } = state;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ratings-xlsx').click()]);
  const name = download.suggestedFilename();
  expect(/\.xlsx$/.test(name) && name.includes(String(PREVIOUS)), `unexpected file name "${name}"`);
  const path = join(shotsDir, 'ratings.xlsx');
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.length > 2000 && bytes.subarray(0, 2).toString() === 'PK', `not an xlsx file (${bytes.length} bytes)`);
});

step(
  'the printable statistics table opens in a new tab, without the app shell, with the figures of the screen',
  async () => {
    const { page } = state;
    // the screen's figures of the year, as shown: each kind's total and rated, each line's count and share
    const kinds = await page
      .locator('[data-testid=figure-group]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.includes('MEMBER'), `no member figures on the screen (${kinds.join(', ')})`);
    const screen = {};
    for (const kind of kinds) {
      const group = page.locator(`[data-testid=figure-group][data-kind=${kind}]`);
      const count = async (list) =>
        (
          await group
            .locator(`[data-testid=figure-count][data-list="${kind}:${list}"][data-year="${PREVIOUS}"]`)
            .first()
            .innerText()
        ).trim();
      const cell = async (row, i) => (await group.locator(`tr[data-row-key="${row}"] > td`).nth(i).innerText()).trim();
      const figures = { total: await count('all'), rated: await count('rated') };
      if ((await group.locator('tr[data-row-key="HTXSNV"]').count()) > 0) {
        for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']) {
          figures[`${level}.count`] = await cell(level, 1);
          figures[`${level}.percent`] = await cell(level, 2);
        }
        figures['well.count'] = await cell('well', 1);
        figures['well.percent'] = await cell('well', 2);
        figures['excellentOfWell.percent'] = await cell('excellentOfWell', 2);
        figures['notRated.count'] = await cell('notRated', 1);
      }
      screen[kind] = figures;
    }
    // window.print() is the user's to call: count the calls instead of opening the dialog
    await page.context().addInitScript(() => {
      window.__printed = 0;
      window.print = () => {
        window.__printed += 1;
      };
    });
    const [popup] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('ratings-print').click()]);
    popup.on('pageerror', (e) => state.pageErrors.push(e.message));
    await popup.waitForURL(/\/ratings\/figures\/print\?/);
    const url = new URL(popup.url());
    expect(
      url.searchParams.get('organisationId') === state.rootId && url.searchParams.get('year') === String(PREVIOUS),
      `print view opened with ${url.search}`,
    );
    const doc = popup.getByTestId('rating-figures-report');
    await doc.waitFor();
    const title = (await doc.getByTestId('report-title').innerText()).trim();
    expect(title === `BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${PREVIOUS}`, `title "${title}"`);
    const text = await doc.innerText();
    expect(text.includes('ĐẢNG CỘNG SẢN VIỆT NAM'), 'no "ĐẢNG CỘNG SẢN VIỆT NAM"');
    expect(
      text.includes(state.rootName.toLocaleUpperCase('vi-VN')),
      `the organisation "${state.rootName}" is not named in the header`,
    );
    expect(/ngày \d{2} tháng \d{2} năm \d{4}/.test(text), 'no Vietnamese date line');
    expect(/T\/M (ĐẢNG ỦY|BAN THƯỜNG VỤ|CHI BỘ)/.test(text) && text.includes('NGƯỜI LẬP BIỂU'), 'no signature block');
    expect(text.includes('Trong đó HTXSNV (% so với số HTTNV trở lên)'), 'no "Trong đó HTXSNV" column');
    const printed = await doc
      .locator('[data-testid=report-row]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(printed.join() === kinds.join(), `the print has rows ${printed.join(', ')}, the screen ${kinds.join(', ')}`);
    let compared = 0;
    for (const kind of kinds) {
      for (const [field, value] of Object.entries(screen[kind])) {
        const shown = (
          await doc.locator(`[data-testid=report-row][data-kind=${kind}] [data-figure="${field}"]`).innerText()
        ).trim();
        expect(shown === value, `${kind} ${field}: the screen shows "${value}", the print "${shown}"`);
        compared += 1;
      }
    }
    expect(compared >= 12, `only ${compared} figures compared`);
    expect(
      /^\d{1,3},\d{1,2}%$/.test(screen.MEMBER['well.percent']),
      `the members' share is not like 94,44%: "${screen.MEMBER['well.percent']}"`,
    );
    // the app shell (header, user, menu) is not around the report
    expect((await popup.locator('.app-header').count()) === 0, 'the app header is on the print view');
    expect((await popup.getByTestId('current-user').count()) === 0, 'the signed-in user is on the print view');
    expect((await popup.getByRole('menu').count()) === 0, 'the menu is on the print view');
    await doc.screenshot({ path: join(shotsDir, 'r03-figures-print.png') });
    expect((await popup.evaluate(() => window.__printed)) === 0, 'the print view printed by itself');
    await popup.getByTestId('report-print-button').click();
    expect((await popup.evaluate(() => window.__printed)) === 1, 'the "In" button did not print');
    await popup.emulateMedia({ media: 'print' });
    expect(await popup.getByTestId('report-print-button').isHidden(), 'the "In" button is printed');
    await popup.close();
  },
);

step('the figures on a phone', async () => {
  const { page } = state;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('[data-testid=figure-group][data-kind=MEMBER]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shotsDir, 'r03-figures-phone.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
});

step(`open the ${YEAR} round from the rounds list`, async () => {
  const { page } = state;
  await page.goto(`${BASE_URL}/ratings/rounds?org=${state.round.organisationId}&year=${YEAR}`, {
    waitUntil: 'domcontentloaded',
  });
  await page.getByRole('heading', { name: 'Các đợt đánh giá, xếp loại' }).waitFor();
  const link = page.locator(`[data-testid=round-link][data-year="${YEAR}"]`).first();
  await link.waitFor();
  await page.getByTestId('stage-count-SELF_ASSESSED').first().waitFor();
  await shot(page, 'r04-rounds');
  await link.click();
  await page.waitForURL(/\/ratings\/rounds\/[0-9a-f-]{36}/);
  await page.getByTestId('round-page').waitFor();
  expect(
    (await page.getByTestId('round-state').first().innerText()).trim() === 'Đang đánh giá',
    'the round is not open',
  );
});

step('the self-assessment form shows the level the rules give as the numbers are typed', async () => {
  const { page } = state;
  await page.getByTestId('new-self-assessment').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('self-assessment-form').waitFor();
  await dialog.locator('#self-generalPoints').fill('28');
  await dialog.locator('#self-taskPoints').fill('64');
  for (const [k, v] of [
    ['assigned', '10'],
    ['completed', '10'],
    ['onTime', '10'],
    ['exceeded', '4'],
  ])
    await dialog.locator(`#self-tasks-${k}`).fill(v);
  await dialog.getByTestId('self-total').filter({ hasText: 'Tổng điểm: 92/100' }).waitFor();
  await dialog.getByTestId('self-computed-level').filter({ hasText: 'HTXSNV' }).waitFor();
  // a task late: at most HTNV, and the reason is named
  await dialog.locator('#self-tasks-onTime').fill('9');
  await dialog.getByTestId('self-computed-level').filter({ hasText: 'HTNV' }).waitFor();
  await dialog.getByText('Chưa hoàn thành 100% nhiệm vụ đúng tiến độ').waitFor();
  await shot(page, 'r05-self-assessment', false);
  await dialog.getByRole('button', { name: 'Hủy bỏ' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // the dialog's mask fades out after it: nothing under it can be clicked until it has gone
  await page
    .locator('.ant-modal-mask:visible')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
});

step("propose a self-assessed member's rating (HTTNV)", async () => {
  const { page } = state;
  await choose(page, 'round-kind', 'Đảng viên');
  await page.waitForURL(/kind=MEMBER/);
  // the list is refetched for the filter: wait until the table shows the filtered answer (not the previous one kept
  // on screen while loading), check it holds members only, then hold on to one row by its id
  await page.locator('[data-testid=ratings-table][data-state=ready]').waitFor();
  expect(
    (await page.locator('[data-testid=rating-row]:not([data-kind=MEMBER])').count()) === 0,
    'the filtered list still shows organisations',
  );
  const first = page.locator('[data-testid=rating-row][data-kind=MEMBER][data-stage=SELF_ASSESSED]').first();
  await first.waitFor();
  state.ratingId = (await first.getAttribute('data-rating-id')) ?? '';
  const row = page.locator(`[data-testid=rating-row][data-rating-id="${state.ratingId}"]`);
  state.subject = (await row.locator('td a').first().innerText()).trim();
  await shot(page, 'r06-round');
  await row.getByTestId('rating-propose').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('propose-form').waitFor();
  expect((await dialog.innerText()).includes(state.subject), `the dialog does not name the subject "${state.subject}"`);
  await choose(page, 'propose-level', 'HTTNV –');
  await dialog.locator('#propose-note').fill('Hoàn thành tốt các nhiệm vụ được giao.');
  await dialog.getByTestId('propose-submit').click();
  // a proposal is never refused for the quota: either a warning with the numbers, or done
  await Promise.race([
    dialog.waitFor({ state: 'hidden' }),
    dialog
      .getByTestId('quota-warning')
      .waitFor()
      .then(() => dialog.getByTestId('propose-close').click()),
  ]);
  const mine = page.locator(`[data-testid=rating-row][data-rating-id="${state.ratingId}"]`);
  await mine.locator('[data-testid=rating-stage]').filter({ hasText: 'Đã đề xuất' }).waitFor();
  await mine.getByTestId('proposed-level').filter({ hasText: 'HTTNV' }).waitFor();
});

step('decide it at another level: a reason is required, then the decision is recorded', async () => {
  const { page } = state;
  const mine = page.locator(`[data-testid=rating-row][data-rating-id="${state.ratingId}"]`);
  await mine.getByTestId('rating-decide').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('decide-form').waitFor();
  await choose(page, 'decide-level', 'HTNV –');
  await dialog.getByRole('button', { name: 'Lưu quyết định' }).click();
  await dialog.getByText('Mức quyết định khác mức đề xuất: cần ghi rõ lý do.').waitFor();
  await dialog.locator('#decide-reason').fill('Còn chậm tiến độ một nhiệm vụ trong quý IV.');
  await shot(page, 'r07-decide', false);
  await dialog.getByRole('button', { name: 'Lưu quyết định' }).click();
  // the quota may refuse the decision (fewer HTTNV lowers the limit): then give the override reason and resend
  const refused = dialog.locator('#decide-quota-reason');
  await Promise.race([dialog.waitFor({ state: 'hidden' }), refused.waitFor()]);
  if (await refused.isVisible()) {
    await dialog.getByTestId('decide-error').waitFor();
    await refused.fill('Cấp ủy đã xem xét, thống nhất giữ nguyên kết quả xếp loại.');
    await dialog.getByRole('button', { name: 'Lưu quyết định' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await mine.locator('[data-testid=rating-stage]').filter({ hasText: 'Đã quyết định' }).waitFor();
  await mine.getByTestId('decided-level').filter({ hasText: 'HTNV' }).waitFor();
  await mine.getByText('Lý do: Còn chậm tiến độ một nhiệm vụ trong quý IV.').waitFor();
  await shot(page, 'r08-decided');
});

step('select two self-assessed members: propose both at the computed level, then decide both as proposed', async () => {
  const { page } = state;
  const rows = page.locator('[data-testid=rating-row][data-stage=SELF_ASSESSED]');
  await rows.nth(1).waitFor();
  const ids = [await rows.nth(0).getAttribute('data-rating-id'), await rows.nth(1).getAttribute('data-rating-id')];
  for (const id of ids)
    await page.locator(`[data-testid=rating-row][data-rating-id="${id}"] .ant-checkbox-input`).check();
  await page.getByTestId('ratings-bulk-propose').filter({ hasText: '(2)' }).click();
  await page.getByTestId('ratings-bulk-confirm').click();
  await page.getByTestId('ratings-bulk-outcome').waitFor();
  const proposed = await page.getByTestId('ratings-bulk-outcome').innerText();
  expect(/Đã thực hiện 2; bị từ chối 0/.test(proposed), `proposals: ${proposed}`);
  for (const id of ids) {
    await page
      .locator(`[data-testid=rating-row][data-rating-id="${id}"] [data-testid=rating-stage]`)
      .filter({ hasText: 'Đã đề xuất' })
      .waitFor();
  }
  for (const id of ids)
    await page.locator(`[data-testid=rating-row][data-rating-id="${id}"] .ant-checkbox-input`).check();
  await page.getByTestId('ratings-bulk-decide').filter({ hasText: '(2)' }).click();
  await page.getByTestId('ratings-bulk-confirm').click();
  await page
    .getByTestId('ratings-bulk-outcome')
    .filter({ hasText: /Đã thực hiện \d+/ })
    .waitFor();
  const decided = await page.getByTestId('ratings-bulk-outcome').innerText();
  // each decision passes the same rules and quota as one made alone: the refused ones are named with the reason
  const m = /Đã thực hiện (\d+); bị từ chối (\d+)/.exec(decided);
  expect(m && Number(m[1]) + Number(m[2]) === 2, `decisions: ${decided}`);
  for (const id of ids.slice(0, Number(m[1]))) {
    await page
      .locator(`[data-testid=rating-row][data-rating-id="${id}"] [data-testid=rating-stage]`)
      .filter({ hasText: /Đã quyết định|Đã đề xuất/ })
      .waitFor();
  }
  await shot(page, 'r07-bulk');
});

step('export the round (its ratings for the filter and the not self-assessed): a .xlsx download', async () => {
  const { page } = state;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('round-export').click()]);
  const name = download.suggestedFilename();
  expect(
    /^danh-gia-xep-loai-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx$/.test(name) && name.includes(String(YEAR)),
    `unexpected file name "${name}"`,
  );
  const path = join(shotsDir, 'rating-round.xlsx');
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.length > 2000 && bytes.subarray(0, 2).toString() === 'PK', `not an xlsx file (${bytes.length} bytes)`);
});

step('the round on a phone', async () => {
  const { page } = state;
  await page.setViewportSize({ width: 390, height: 844 });
  await page
    .locator('.ant-table-content, .ant-table-body')
    .first()
    .evaluate((el) => el.scrollTo(0, 0));
  await page.getByTestId('ratings-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shotsDir, 'r09-round-phone.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
});

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

// ---------------------------------------------------------------------------------------------------------
await run({ budgetMs: 150_000, failureShot: 'r-failure', state });
