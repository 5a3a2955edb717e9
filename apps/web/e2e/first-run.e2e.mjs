#!/usr/bin/env node
// Browser test of a new install: an empty embedded database with one administrator (`create-admin`), no organisation.
// Every page leads to the first-run page instead of waiting for figures; the administrator creates the root committee
// there, adds a cell under it (a duplicate code refused next to its field), renames the cell, adds the cell's
// secretary in the administration (a password containing the username refused) with a grant on the cell, creates an
// API token (its secret shown once), reads the audit log, sees the secretary reach the cell, imports a cell and its
// members from CSV files (a bad row listed, nothing written, then all imported), sees the cell's
// dissolution on the day it was created refused next to the date and records it from the next day; a user
// without grants is told to ask for one.
//
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/first-run.e2e.mjs
//
// System Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core. Prints `ok - <step>` /
// `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 120 s. Screenshots go to
// apps/web/test-results/ (f01-…png).
import {
  ADMIN,
  BASE_URL,
  choose,
  expect,
  gql,
  PASSWORD,
  run,
  shot,
  signIn,
  step,
  todayLocal,
  tokenOf,
} from './lib/harness.mjs';

const ROOT_NAME = 'Đảng bộ Khối Cơ quan (kiểm thử)';
const CELL_NAME = 'Chi bộ Trường Tiểu học Kim Đồng';
const NO_GRANTS = 'chuaphanquyen';
const SECRETARY = 'bithu.kimdong';
const SECRETARY_PASSWORD = 'Sen-Hong-Ven-Ho-47';
const state = { page: null, pageErrors: [], cellUrl: '' };

step('sign in as the administrator: the first-run page, not an endless skeleton', async () => {
  const { page } = state;
  await signIn(page, ADMIN);
  await page.getByTestId('first-run').waitFor();
  await page.getByRole('heading', { name: 'Bắt đầu sử dụng chibo' }).waitFor();
  // any page of the app leads there while the scope is empty
  for (const path of ['/dashboard', '/compliance', '/ratings', '/inspections', '/organisations', '/members']) {
    await page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('first-run').waitFor();
  }
  await shot(page, 'f01-first-run');
});

step('create the root committee from the first-run page', async () => {
  const { page } = state;
  const form = page.getByTestId('organisation-form');
  await form.locator('#organisation_name').fill(ROOT_NAME);
  await form.locator('#organisation_code').fill('DBKCQ');
  await page.getByTestId('organisation-form-submit').click();
  await page.waitForURL(/\/organisations\/[0-9a-f-]{36}/);
  await page.locator('#organisation-title').filter({ hasText: ROOT_NAME }).waitFor();
  await page.getByRole('navigation').getByText(ROOT_NAME).first().waitFor();
});

step('add a cell under it: a duplicate code is refused next to its field', async () => {
  const { page } = state;
  await page.getByTestId('organisation-add-child').click();
  const form = page.getByTestId('organisation-form');
  await form.waitFor();
  await choose(page, 'organisation_kind', 'Chi bộ cơ sở');
  await form.locator('#organisation_name').fill(CELL_NAME);
  await form.locator('#organisation_code').fill('DBKCQ');
  await page.getByTestId('organisation-form-submit').click();
  await form.locator('#organisation_code_help').waitFor();
  await shot(page, 'f02-duplicate-code');
  await form.locator('#organisation_code').fill('CB-TH-KD');
  await page.getByTestId('organisation-form-submit').click();
  await page.locator('#organisation-title').filter({ hasText: CELL_NAME }).waitFor();
  await page.getByText('Chi bộ cơ sở').first().waitFor();
});

step('rename the cell', async () => {
  const { page } = state;
  await page.getByTestId('organisation-actions').click();
  await page.getByRole('menuitem', { name: 'Sửa thông tin' }).click();
  const form = page.getByTestId('organisation-form');
  await form.locator('#organisation_name').fill(`${CELL_NAME} (mới)`);
  await page.getByTestId('organisation-form-submit').click();
  await form.waitFor({ state: 'hidden' });
  await page
    .locator('#organisation-title')
    .filter({ hasText: `${CELL_NAME} (mới)` })
    .waitFor();
  // the side menu's tree follows without a reload
  await page.locator('.light-tree').getByText(`${CELL_NAME} (mới)`).waitFor();
});

step(
  'administration: add the cell secretary (a password containing the username refused) and grant the cell',
  async () => {
    const { page } = state;
    await page.getByTestId('nav-admin').click();
    await page.waitForURL(/\/admin/);
    await page.getByTestId('admin-user-add').click();
    const form = page.getByTestId('admin-user-form');
    await form.locator('#adminUser_username').fill(SECRETARY);
    await form.locator('#adminUser_displayName').fill('Bí thư Chi bộ Kim Đồng');
    await form.locator('#adminUser_password').fill(`${SECRETARY}-2026-x`);
    await page.getByTestId('admin-user-submit').click();
    await form.getByText('Mật khẩu không được chứa tên đăng nhập.').waitFor();
    await form.locator('#adminUser_password').fill(SECRETARY_PASSWORD);
    await page.getByTestId('admin-user-submit').click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByTestId('admin-users').locator('tr', { hasText: SECRETARY });
    await row.waitFor();
    await row.getByTestId('admin-grant-add').click();
    const grant = page.getByTestId('admin-grant-form');
    await choose(page, 'adminGrant_role', 'Bí thư chi bộ');
    // the organisation tree loads each level when it is opened: open the root, pick the cell
    await grant.locator('#adminGrant_organisationId').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown
      .locator('.ant-select-tree-treenode', { hasText: ROOT_NAME })
      .locator('.ant-select-tree-switcher')
      .click();
    await dropdown.locator('.ant-select-tree-node-content-wrapper', { hasText: CELL_NAME }).click();
    await page.getByTestId('admin-grant-submit').click();
    await grant.waitFor({ state: 'hidden' });
    await row.getByTestId('admin-grant').filter({ hasText: 'Bí thư chi bộ' }).waitFor();
    await shot(page, 'f04-users');
  },
);

step('administration: an API token for the root, its secret shown once; the audit log lists the writes', async () => {
  const { page } = state;
  await page.getByRole('tab', { name: 'Mã truy cập API' }).click();
  await page.getByTestId('admin-token-add').click();
  const form = page.getByTestId('admin-token-form');
  await form.locator('#adminToken_name').fill('Hệ thống báo cáo của Tỉnh ủy');
  await form.locator('#adminToken_organisationId').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: ROOT_NAME })
    .click();
  await page.getByTestId('admin-token-submit').click();
  const secret = page.getByTestId('admin-token-secret');
  await secret.waitFor();
  expect((await secret.innerText()).length > 30, 'no secret shown');
  await secret.getByRole('button', { name: 'Đã lưu mã' }).click();
  await page.getByTestId('admin-tokens').getByText('Hệ thống báo cáo của Tỉnh ủy').waitFor();
  await page.getByRole('tab', { name: 'Nhật ký thao tác' }).click();
  await page.getByTestId('admin-audit').getByText('createOrganisation').first().waitFor();
  await page.getByTestId('admin-audit').getByText('addGrant').first().waitFor();
  await shot(page, 'f05-audit');
});

step('the new secretary signs in and reaches the cell', async () => {
  const { page } = state;
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, SECRETARY, SECRETARY_PASSWORD);
  await page.locator('#organisation-title').filter({ hasText: CELL_NAME }).waitFor();
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, ADMIN);
  await page.goto(`${BASE_URL}/organisations`, { waitUntil: 'domcontentloaded' });
  await page.locator('#organisation-title').filter({ hasText: ROOT_NAME }).waitFor();
  await page
    .getByRole('link', { name: new RegExp(CELL_NAME) })
    .first()
    .click();
  await page.locator('#organisation-title').filter({ hasText: CELL_NAME }).waitFor();
  state.cellUrl = page.url();
});

step(
  'import a cell and its members from files: a bad row is listed and nothing is written; fixed, all are imported',
  async () => {
    const { page } = state;
    await page.getByTestId('nav-import').click();
    await page.waitForURL(/\/import/);
    const send = async (name, lines) => {
      await page
        .locator('input[type=file]')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
      await page.getByTestId('import-submit').click();
    };
    await page.locator('.ant-radio-button-wrapper', { hasText: 'Tổ chức đảng' }).click();
    // the tree was created today: the imported cell is established today, its members join it today
    const today = todayLocal();
    await send('to-chuc.csv', [
      'ma,ten,loai,ma_cap_tren,ngay_thanh_lap',
      `CB-NHAP,Chi bộ Nhập Từ Tệp,GRASSROOTS_CELL,DBKCQ,${today}`,
    ]);
    await page.getByTestId('import-done').filter({ hasText: '1 bản ghi mới' }).waitFor();
    await page.locator('.ant-radio-button-wrapper', { hasText: 'Đảng viên' }).click();
    const head =
      'ma_to_chuc,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,ngay_quyet_dinh_ket_nap,ngay_vao_dang,ngay_chinh_thuc,ngay_sinh_hoat_tai_chi_bo';
    const id = () => `0${String(Date.now() + Math.floor(Math.random() * 1e6)).slice(-11)}`;
    const good = [
      `CB-NHAP,Hoàng Văn Nhập,1990-01-01,Nam,${id()},2015-03-01,2015-03-10,2016-03-10,${today}`,
      `CB-NHAP,Đinh Thị Tệp,1992-05-20,Nữ,${id()},2016-03-01,2016-03-10,2017-03-10,${today}`,
    ];
    await send('dang-vien.csv', [
      head,
      ...good,
      `CB-NHAP,Lỗi Ngày Sinh,1990-13-45,Nam,${id()},2015-03-01,2015-03-10,2016-03-10,${today}`,
    ]);
    await page.getByTestId('import-error').waitFor();
    const problems = page.getByTestId('import-problems');
    await problems.locator('tr', { hasText: 'birthDate' }).first().waitFor();
    expect((await problems.innerText()).includes('4'), 'the bad row (row 4) is not named');
    await shot(page, 'f06-import-refused');
    await send('dang-vien.csv', [head, ...good]);
    await page.getByTestId('import-done').filter({ hasText: '2 bản ghi mới' }).waitFor();
    await page.goto(state.cellUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('#organisation-title').filter({ hasText: CELL_NAME }).waitFor();
  },
);

step(
  'dissolving the cell on the day it was created is refused next to the date; from tomorrow it is recorded',
  async () => {
    const { page } = state;
    await page.getByTestId('organisation-actions').click();
    await page.getByRole('menuitem', { name: 'Giải thể' }).click();
    const form = page.getByTestId('organisation-dissolve-form');
    await form.waitFor();
    const date = form.locator('#organisation-dissolve-form_effectiveOn');
    const setDate = async (iso) => {
      const [y, m, d] = iso.split('-');
      await date.click();
      await date.fill(`${d}/${m}/${y}`);
      await date.press('Tab');
    };
    await setDate(todayLocal());
    await form.locator('#organisation-dissolve-form_note').fill('Quyết định số 12-QĐ/ĐU');
    await page.getByTestId('organisation-dissolve-form-submit').click();
    await form.locator('#organisation-dissolve-form_effectiveOn_help').waitFor();
    await shot(page, 'f03-dissolve-refused');
    const tomorrow = new Date(`${todayLocal()}T12:00:00`);
    tomorrow.setDate(tomorrow.getDate() + 1);
    await setDate(tomorrow.toISOString().slice(0, 10));
    await page.getByTestId('organisation-dissolve-form-submit').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByTestId('organisation-history').getByText('Giải thể').waitFor();
  },
);

step('a user without grants is told to ask for one', async () => {
  const { page } = state;
  const admin = await tokenOf(ADMIN);
  const created = await gql(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { username: NO_GRANTS, displayName: 'Cán bộ mới', password: PASSWORD } },
    admin.token,
  );
  expect(created.data?.createUser?.id, `createUser: ${JSON.stringify(created.errors ?? created).slice(0, 300)}`);
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, NO_GRANTS);
  await page.getByTestId('first-run-no-scope').waitFor();
  expect(
    (await page.getByTestId('first-run').count()) === 0,
    "the administrator's first-run form is shown to a user without grants",
  );
});

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

// ---------------------------------------------------------------------------------------------------------
await run({ budgetMs: 120_000, failureShot: 'f-failure', state });
