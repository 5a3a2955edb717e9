#!/usr/bin/env node
// Browser test of keeping the member registry in the app, as a cell secretary would, on the demo seed: add a member
// to the own cell (a malformed national ID refused next to its field), see the new probationary member's page and
// timeline and the list's total grow by one, correct the record, record a reprimand (only the forms a cell may
// impose offered), seat them on the chi ủy and end the seat, see recognition refused before probation ends (the
// API's reason next to the date), then record a transfer out and see the member leave the list; a page whose code
// cannot load shows a Vietnamese message inside the app frame and loads on retry.
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/registry.e2e.mjs
//
// System Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core. Prints `ok - <step>` /
// `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 120 s. Screenshots go to
// apps/web/test-results/ (r01-…png).
import {
  BASE_URL,
  choose,
  expect,
  gql,
  run,
  selectShows,
  shot,
  signIn,
  step,
  todayLocal,
  tokenOf,
} from './lib/harness.mjs';

const SECRETARY = 'bithu';
const suffix = Date.now().toString(36);
const NAME = `Trần Thị Kiểm Thử ${suffix}`;
const state = { page: null, pageErrors: [], cellId: '', total: 0, memberUrl: '' };

const ddmmyyyy = (iso) => iso.split('-').reverse().join('/');
const daysAgo = (n) => {
  const d = new Date(`${todayLocal()}T12:00:00`);
  d.setDate(d.getDate() - n);
  return d.toISOString().slice(0, 10);
};
const toInt = (s) => Number(String(s).replace(/[^\d]/g, ''));

// antd's date picker: type DD/MM/YYYY into its input and leave it (Enter would submit the form).
const setDate = async (page, selector, value) => {
  const input = page.locator(selector);
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  expect((await input.inputValue()) === value, `${selector} shows "${await input.inputValue()}", not ${value}`);
};

const listTotal = async (page) => {
  await page.goto(`${BASE_URL}/members?org=${state.cellId}`, { waitUntil: 'domcontentloaded' });
  const total = page.getByTestId('members-total');
  await total.filter({ hasText: /\d/ }).waitFor();
  return toInt(await total.innerText());
};

step(`the cell secretary (${SECRETARY}) exists and has a cell`, async () => {
  const secretary = await tokenOf(SECRETARY);
  expect(secretary, `cannot sign in as ${SECRETARY}`);
  const me = await gql('{ me { grants { role organisationId } } }', {}, secretary.token);
  state.cellId = me.data?.me?.grants?.find((g) => g.role === 'CELL_SECRETARY')?.organisationId ?? '';
  expect(state.cellId, `${SECRETARY} has no CELL_SECRETARY grant`);
});

step("sign in as the cell secretary and read the cell's member total", async () => {
  await signIn(state.page, SECRETARY);
  state.total = await listTotal(state.page);
  expect(state.total > 0, 'the cell has no members');
});

step('add a member to the cell: a malformed national ID is refused next to its field', async () => {
  const { page } = state;
  await page.getByTestId('member-add').click();
  const drawer = page.getByTestId('member-form');
  await drawer.waitFor();
  await drawer.locator('#member_fullName').fill(NAME);
  await setDate(page, '#member_birthDate', '15/03/1995');
  await choose(page, 'member_gender', 'Nữ');
  await drawer.locator('#member_nationalId').fill('12345');
  await setDate(page, '#member_courseCompletedOn', ddmmyyyy(daysAgo(300)));
  await setDate(page, '#member_admissionDecisionDate', ddmmyyyy(daysAgo(60)));
  await setDate(page, '#member_ceremonyDate', ddmmyyyy(daysAgo(50)));
  await drawer.locator('#member_introducer1').fill('Nguyễn Văn Giới');
  await page.getByTestId('member-form-submit').click();
  await drawer.getByText('Số định danh cá nhân gồm đúng 12 chữ số.').waitFor();
  await shot(page, 'g01-add-refused');
  await drawer.locator('#member_nationalId').fill(`0${String(Date.now()).slice(-11)}`);
  await page.getByTestId('member-form-submit').click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}/);
  state.memberUrl = page.url();
  await page.getByTestId('member-page').waitFor();
  await page.locator('#member-title').filter({ hasText: NAME }).waitFor();
});

step('the new member is probationary, admitted in the timeline, and the list counts one more', async () => {
  const { page } = state;
  await page.getByText('Dự bị', { exact: true }).first().waitFor();
  await page.getByTestId('member-events').getByText('Kết nạp vào Đảng').waitFor();
  await shot(page, 'g02-member');
  const after = await listTotal(page);
  expect(after === state.total + 1, `the list shows ${after}, not ${state.total + 1}`);
});

step('correct the record: the job is saved and shown', async () => {
  const { page } = state;
  await page.goto(state.memberUrl, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('member-edit').click();
  const drawer = page.getByTestId('member-form');
  await drawer.waitFor();
  expect((await drawer.locator('#member_fullName').inputValue()) === NAME, 'the form does not hold the name');
  await drawer.locator('#member_job').fill('Kỹ sư xây dựng');
  await page.getByTestId('member-form-submit').click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByTestId('member-page').getByText('Kỹ sư xây dựng').waitFor();
});

step('record a discipline: the cell may only reprimand or warn a probationary member', async () => {
  const { page } = state;
  await page.getByTestId('member-record-discipline').click();
  const form = page.getByTestId('member-discipline-form');
  await form.waitFor();
  await page.locator('#discipline_form').click();
  const listId = await page.locator('#discipline_form').getAttribute('aria-controls');
  const options = page
    .locator('.ant-select-dropdown:visible')
    .filter({ has: page.locator(`[id="${listId}"]`) })
    .locator('.ant-select-item-option');
  await options.first().waitFor();
  // the list may still be filling in: read it until it holds what it will hold
  let offered = [];
  for (let i = 0; i < 20; i++) {
    offered = (await options.allInnerTexts()).map((x) => x.trim());
    if (offered.length >= 2) break;
    await page.waitForTimeout(150);
  }
  expect(
    offered.length === 2 && offered.includes('Khiển trách') && offered.includes('Cảnh cáo'),
    `offered: ${offered.join(', ')}`,
  );
  // pick from the list already open: an Escape to close it first sometimes closed the whole dialog with it
  await options.filter({ hasText: 'Khiển trách' }).click();
  await selectShows(page, 'discipline_form', 'Khiển trách');
  const date = form.locator('#discipline_decidedOn');
  await date.click();
  await date.fill(ddmmyyyy(daysAgo(5)));
  await date.press('Tab');
  await form.locator('#discipline_reason').fill('Vi phạm quy định sinh hoạt chi bộ');
  await page.getByTestId('member-discipline-submit').click();
  await form.waitFor({ state: 'hidden' });
  await page.getByTestId('member-disciplines').getByText('Khiển trách').waitFor();
});

step("seat the new member on the cell's committee from today, then end the seat", async () => {
  const { page } = state;
  await page.goto(`${BASE_URL}/organisations/${state.cellId}`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('seat-assign').click();
  const form = page.getByTestId('seat-assign-form');
  await form.waitFor();
  const member = form.locator('#seat_memberId');
  await member.click();
  await member.fill(suffix);
  const listId = await member.getAttribute('aria-controls');
  await page
    .locator('.ant-select-dropdown:visible')
    .filter({ has: page.locator(`[id="${listId}"]`) })
    .locator('.ant-select-item-option', { hasText: NAME })
    .click();
  await choose(page, 'seat_role', 'Chi ủy viên');
  const from = form.locator('#seat_from');
  await from.click();
  await from.fill(ddmmyyyy(todayLocal()));
  await from.press('Tab');
  await page.getByTestId('seat-assign-submit').click();
  await form.waitFor({ state: 'hidden' });
  const row = page.locator('#committee-title').locator('xpath=ancestor::section[1]').locator('tr', { hasText: NAME });
  await row.waitFor();
  await row.getByTestId('seat-end').click();
  const end = page.getByTestId('seat-end-form');
  const to = end.locator('#seatEnd_to');
  await to.click();
  await to.fill(ddmmyyyy(daysAgo(-1)));
  await to.press('Tab');
  await page.getByTestId('seat-end-submit').click();
  await end.waitFor({ state: 'hidden' });
  await row.getByTestId('seat-end').waitFor({ state: 'detached' });
  await page.goto(state.memberUrl, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('member-page').waitFor();
});

step('recognition before the end of probation is refused next to the date', async () => {
  const { page } = state;
  await page.getByTestId('member-record-event').click();
  const form = page.getByTestId('member-event-form');
  await form.waitFor();
  await choose(page, 'memberEvent_type', 'Công nhận đảng viên chính thức');
  await page.getByTestId('member-event-submit').click();
  await form.getByText('Công nhận đảng viên chính thức sớm nhất từ ngày hết thời gian dự bị.').waitFor();
  await shot(page, 'g03-recognition-refused');
});

step("record a transfer out: the member leaves the cell's list", async () => {
  const { page } = state;
  const form = page.getByTestId('member-event-form');
  await choose(page, 'memberEvent_type', 'Chuyển sinh hoạt đảng chính thức đi');
  await form.locator('#memberEvent_externalOrganisation').fill('Đảng bộ xã Tân Lập');
  await page.getByTestId('member-event-submit').click();
  await form.waitFor({ state: 'hidden' });
  await page.getByText('Đã chuyển sinh hoạt đi', { exact: true }).first().waitFor();
  await page.getByTestId('member-events').getByText('Chuyển sinh hoạt đảng chính thức đi').waitFor();
  await shot(page, 'g04-transferred');
  const after = await listTotal(page);
  expect(after === state.total, `the list shows ${after}, not ${state.total}`);
});

step('a page whose code cannot load says so in Vietnamese inside the app frame, and loads on retry', async () => {
  const { page } = state;
  const chunk = /\/assets\/inspection-records-route-[^/]*\.js$/;
  await page.route(chunk, (route) => route.abort());
  await page.goto(`${BASE_URL}/inspections/records`, { waitUntil: 'domcontentloaded' });
  const error = page.getByTestId('route-error');
  await error.waitFor();
  await error.getByText('Không tải được trang').waitFor();
  await page.getByTestId('current-user').waitFor(); // the header is still there
  await shot(page, 'g05-chunk-error');
  await page.unroute(chunk);
  await page.getByTestId('route-error-retry').click();
  await page.getByTestId('route-error').waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

step('a member opens "Hồ sơ của tôi": their own record, without the buttons that change it', async () => {
  const { page } = state;
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, 'dangvien');
  await page.getByTestId('nav-my-record').click();
  await page.getByTestId('member-page').waitFor();
  await page.getByText('Tuổi đảng').first().waitFor();
  expect((await page.getByTestId('member-edit').count()) === 0, 'a member is offered to edit their record');
  expect((await page.getByTestId('member-record-event').count()) === 0, 'a member is offered to record an event');
});

step('the member sees "Lịch sử sinh hoạt" on their record, with the meetings of their cell', async () => {
  const { page } = state;
  const section = page.getByTestId('member-attendance');
  await section.getByText('Lịch sử sinh hoạt').waitFor();
  await section.getByTestId('member-attendance-rate').waitFor();
  await section.locator('tbody tr.ant-table-row').first().waitFor();
  const rows = await section.locator('tbody tr.ant-table-row').count();
  expect(rows >= 1, `no meeting in the attendance history (${rows} rows)`);
  const first = await section.locator('tbody tr.ant-table-row').first().innerText();
  expect(/\d{2}\/\d{2}\/\d{4}/.test(first), `the first row has no dd/mm/yyyy date: ${first}`);
});

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

// ---------------------------------------------------------------------------------------------------------
await run({ budgetMs: 120_000, failureShot: 'g-failure', state });
