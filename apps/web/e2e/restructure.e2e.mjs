#!/usr/bin/env node
// Browser test of the committee office's restructuring and visitor screens, as an administrator, on organisations it
// creates for itself under the demo seed's root (set up through GraphQL): merge one subordinate cell into another
// from the organisation page (the counts confirmed first), split a third cell, sharing its members out in the table
// (the partition refused before sending while a member is left behind and the original is to be dissolved), then
// assign a visitor to follow a cell, see an end before the start refused next to the date, and end the assignment;
// then the committee office, without administrator rights, finds the visitor typed without diacritics and assigns them.
// After each write the server's data is read back through GraphQL.
//
//   BASE_URL=http://127.0.0.1:3000 node apps/web/e2e/restructure.e2e.mjs
//
// System Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core. Prints `ok - <step>` /
// `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 120 s. Screenshots go to
// apps/web/test-results/ (t01-…png).
import { ADMIN, BASE_URL, choose, expect, gql, run, shot, signIn, step, todayLocal, tokenOf } from './lib/harness.mjs';

const VISITOR = 'giamsat';
// the committee office's demo account: COMMITTEE_WRITE on the root committee, no administrator rights
const OFFICE = 'canbo';
const suffix = Date.now().toString(36);
const state = { page: null, pageErrors: [], token: '', gc: '', cells: {}, members: {}, splitParts: [], visitorId: '' };

const ddmmyyyy = (iso) => iso.split('-').reverse().join('/');
const daysFrom = (n) => {
  const d = new Date(`${todayLocal()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const TODAY = todayLocal();
let foldedName = '';

const admin = async (query, variables) => {
  const r = await gql(query, variables, state.token);
  expect(!r.errors, `GraphQL: ${JSON.stringify(r.errors)}`);
  return r.data;
};
const org = (id) =>
  admin(
    'query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { id name dissolvedOn memberCount parent { id } } }',
    { id, d: TODAY },
  ).then((d) => d.organisation);

const createOrg = async (parentId, kind, code, name) =>
  (
    await admin('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', {
      i: { parentId, kind, code, name, establishedOn: daysFrom(-90) },
    })
  ).createOrganisation.id;
const createMember = async (organisationId, fullName) =>
  (
    await admin('mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: {
        organisationId,
        fullName,
        birthDate: '1980-05-01',
        admissionDecisionDate: '2005-01-10',
        ceremonyDate: '2005-02-03',
        fullMembershipDate: '2006-02-03',
        joinedOn: daysFrom(-60),
      },
    })
  ).createMember.id;

// antd's date picker: type DD/MM/YYYY into its input and leave it (Enter would submit the form).
const setDate = async (page, selector, value) => {
  const input = page.locator(selector);
  await input.click();
  await input.fill(value);
  await input.press('Tab');
};

const openActions = async (page, key) => {
  await page.getByTestId('organisation-actions').click();
  await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: key }).click();
};

step('set up: a grassroots committee with three subordinate cells and their members (GraphQL)', async () => {
  const t = await tokenOf(ADMIN);
  expect(t, `cannot sign in as ${ADMIN}`);
  state.token = t.token;
  const roots = await admin('{ scopeRoots { id kind } }');
  const root = roots.scopeRoots.find((r) => r.kind === 'COMMITTEE');
  expect(root, 'no root committee in the seed');
  state.gc = await createOrg(root.id, 'GRASSROOTS_COMMITTEE', `E2E-RS-${suffix}`, `Đảng bộ Tái cấu trúc ${suffix}`);
  for (const k of ['A', 'B', 'C'])
    state.cells[k] = await createOrg(state.gc, 'SUBORDINATE_CELL', `E2E-RS-${suffix}-${k}`, `Chi bộ ${k} ${suffix}`);
  for (const [k, n] of [
    ['A', 2],
    ['B', 1],
    ['C', 3],
  ]) {
    state.members[k] = [];
    for (let i = 1; i <= n; i++)
      state.members[k].push(await createMember(state.cells[k], `Đảng Viên ${k}${i} ${suffix}`));
  }
  const visitor = await tokenOf(VISITOR);
  expect(visitor, `cannot sign in as ${VISITOR}`);
  state.visitorId = visitor.id;
  const me = await gql('{ me { displayName } }', {}, visitor.token);
  // the visitor's name as typed on a keyboard without Vietnamese: no tones, no diacritics, đ as d
  foldedName = me.data.me.displayName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase();
  expect(
    foldedName !== me.data.me.displayName.toLowerCase(),
    `the visitor's name "${me.data.me.displayName}" has no diacritics to leave out`,
  );
});

step(
  'merge cell B into cell A from the organisation page: the counts confirmed, B dissolved, its member in A',
  async () => {
    const { page } = state;
    await signIn(page, ADMIN);
    await page.goto(`${BASE_URL}/organisations/${state.cells.A}`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('organisation-page').waitFor();
    await openActions(page, 'Sáp nhập tổ chức khác vào');
    const form = page.getByTestId('organisation-merge-form');
    await form.waitFor();
    await choose(page, 'organisation-merge-form_sourceIds', `Chi bộ B ${suffix}`);
    await page.keyboard.press('Escape');
    await setDate(page, '#organisation-merge-form_effectiveOn', ddmmyyyy(TODAY));
    await page.getByTestId('organisation-merge-form-submit').click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await confirm
      .getByText(
        `Sáp nhập 1 tổ chức (Chi bộ B ${suffix}) từ ngày ${ddmmyyyy(TODAY)}: 1 đảng viên và 0 tổ chức trực thuộc chuyển về`,
      )
      .waitFor();
    await shot(page, 't01-merge-confirm');
    await page.getByTestId('merge-confirm').click();
    await form.waitFor({ state: 'detached' });
    await page.getByText(`Đã sáp nhập vào Chi bộ A ${suffix}.`).waitFor();
    expect(page.url().endsWith(`/organisations/${state.cells.A}`), `after the merger the page is ${page.url()}`);
    const [a, b] = [await org(state.cells.A), await org(state.cells.B)];
    expect(b.dissolvedOn === TODAY, `B dissolved on ${b.dissolvedOn}, not ${TODAY}`);
    expect(a.memberCount === 3, `A has ${a.memberCount} members after the merger, not 3`);
  },
);

step(
  'split cell C: dissolving it with a member left behind is refused before sending; then two new cells',
  async () => {
    const { page } = state;
    await page.goto(`${BASE_URL}/organisations/${state.cells.C}`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('organisation-page').waitFor();
    await openActions(page, 'Chia tách');
    const form = page.getByTestId('organisation-split-form');
    await form.waitFor();
    await form.locator('#organisation-split_parts_0_name').fill(`Chi bộ C1 ${suffix}`);
    await form.locator('#organisation-split_parts_0_code').fill(`E2E-RS-${suffix}-C1`);
    await form.locator('#organisation-split_parts_1_name').fill(`Chi bộ C2 ${suffix}`);
    await form.locator('#organisation-split_parts_1_code').fill(`E2E-RS-${suffix}-C2`);
    const [m1, m2, m3] = state.members.C;
    await form.getByTestId('split-members').getByText(`Đảng Viên C3 ${suffix}`).waitFor();
    await form.getByTestId(`split-place-${m1}`).getByText(`Chi bộ C1 ${suffix}`).click();
    await form.getByTestId(`split-place-${m2}`).getByText(`Chi bộ C2 ${suffix}`).click();
    await form.getByTestId('split-dissolve').click();
    await setDate(page, '#organisation-split_effectiveOn', ddmmyyyy(TODAY));
    await page.getByTestId('organisation-split-form-submit').click();
    await form
      .getByTestId('split-partition-error')
      .getByText('Để giải thể tổ chức cũ, mọi đảng viên và tổ chức trực thuộc phải được chuyển đến một tổ chức mới.')
      .waitFor();
    expect(
      (await page.locator('.ant-modal-confirm:visible').count()) === 0,
      'a wrong partition reached the confirmation',
    );
    await shot(page, 't02-split-refused');
    await form.getByTestId(`split-place-${m3}`).getByText(`Chi bộ C1 ${suffix}`).click();
    await form.getByTestId('split-part-counts-0').getByText('Nhận 2 đảng viên, 0 tổ chức trực thuộc').waitFor();
    await page.getByTestId('organisation-split-form-submit').click();
    const summary = page.getByTestId('split-summary');
    await summary
      .getByText(`Chi bộ C1 ${suffix} (mã E2E-RS-${suffix}-C1): 2 đảng viên, 0 tổ chức trực thuộc`)
      .waitFor();
    await summary.getByText(`Chi bộ C ${suffix} bị giải thể.`).waitFor();
    await shot(page, 't03-split-confirm');
    await page.getByTestId('split-confirm').click();
    await page.waitForURL(
      (u) => /\/organisations\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(state.cells.C),
    );
    await page.getByRole('heading', { level: 1, name: `Chi bộ C1 ${suffix}` }).waitFor();
    const c = await org(state.cells.C);
    expect(c.dissolvedOn === TODAY, `C dissolved on ${c.dissolvedOn}, not ${TODAY}`);
    const children = (
      await admin(
        'query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { children { id name memberCount dissolvedOn } } }',
        { id: state.gc, d: TODAY },
      )
    ).organisation.children.filter((x) => !x.dissolvedOn);
    const counts = Object.fromEntries(children.map((x) => [x.name, x.memberCount]));
    state.splitParts = [`Chi bộ C1 ${suffix}`, `Chi bộ C2 ${suffix}`].map(
      (name) => children.find((x) => x.name === name)?.id,
    );
    expect(
      counts[`Chi bộ C1 ${suffix}`] === 2 && counts[`Chi bộ C2 ${suffix}`] === 1,
      `members after the split: ${JSON.stringify(counts)}`,
    );
  },
);

step(`assign ${VISITOR} to follow cell A; an end before the start is refused next to the date; end it`, async () => {
  const { page } = state;
  await page.goto(`${BASE_URL}/organisations/${state.cells.A}`, { waitUntil: 'domcontentloaded' });
  const card = page.getByTestId('cell-visitors');
  await card.getByText('Chưa phân công cấp ủy viên dự sinh hoạt chi bộ này.').waitFor();
  await card.getByTestId('visitor-assign').click();
  const form = page.getByTestId('visitor-assign-form');
  await form.waitFor();
  await choose(page, 'visitorAssign_visitorUserId', `(${VISITOR})`);
  await setDate(page, '#visitorAssign_from', ddmmyyyy(TODAY));
  await form.locator('#visitorAssign_requiredPerYear').fill('4');
  await page.getByTestId('visitor-assign-submit').click();
  await form.waitFor({ state: 'detached' });
  const row = card.locator('tr', { hasText: 'Đang phụ trách' });
  await row.waitFor();
  let list = (
    await admin('query($c: ID!) { visitAssignments(cellId: $c) { id visitorUserId from to requiredPerYear } }', {
      c: state.cells.A,
    })
  ).visitAssignments;
  expect(
    list.length === 1 &&
      list[0].visitorUserId === state.visitorId &&
      list[0].from === TODAY &&
      list[0].requiredPerYear === 4 &&
      list[0].to === null,
    `assignments after assigning: ${JSON.stringify(list)}`,
  );
  await row.getByTestId('visitor-end').click();
  const end = page.getByTestId('visitor-end-form');
  await end.waitFor();
  await setDate(page, '#visitorEnd_to', ddmmyyyy(daysFrom(-1)));
  await page.getByTestId('visitor-end-submit').click();
  const refused = await end.locator('.ant-form-item-explain-error').first().innerText();
  expect(refused.includes('Thứ tự các ngày không hợp lệ'), `an end before the start shows "${refused}"`);
  await shot(page, 't04-visitor-end-refused');
  await setDate(page, '#visitorEnd_to', ddmmyyyy(daysFrom(30)));
  await page.getByTestId('visitor-end-submit').click();
  await end.waitFor({ state: 'detached' });
  list = (await admin('query($c: ID!) { visitAssignments(cellId: $c) { id to } }', { c: state.cells.A }))
    .visitAssignments;
  expect(list.length === 1 && list[0].to === daysFrom(30), `assignments after ending: ${JSON.stringify(list)}`);
  await shot(page, 't05-visitor-ended');
});

step(
  `the committee office (${OFFICE}, no administrator rights) finds ${VISITOR} typed without diacritics and assigns them`,
  async () => {
    const { page } = state;
    await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, OFFICE);
    const cell = state.splitParts[0];
    await page.goto(`${BASE_URL}/organisations/${cell}`, { waitUntil: 'domcontentloaded' });
    const card = page.getByTestId('cell-visitors');
    await card.getByText('Chưa phân công cấp ủy viên dự sinh hoạt chi bộ này.').waitFor();
    await card.getByTestId('visitor-assign').click();
    const form = page.getByTestId('visitor-assign-form');
    await form.waitFor();
    await form
      .getByText('Danh sách gồm những người có quyền trên một tổ chức trong phạm vi bạn được cập nhật', {
        exact: false,
      })
      .waitFor();
    const box = page.locator('#visitorAssign_visitorUserId');
    await box.click();
    await box.fill(foldedName);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await option.filter({ hasText: `(${VISITOR})` }).waitFor();
    const offered = await option.allInnerTexts();
    expect(offered.length === 1, `"${foldedName}" offers ${JSON.stringify(offered)}`);
    await option.first().click();
    await page.getByTestId('visitor-assign-submit').click();
    await form.waitFor({ state: 'detached' });
    await card.locator('tr', { hasText: 'Đang phụ trách' }).waitFor();
    const list = (await admin('query($c: ID!) { visitAssignments(cellId: $c) { visitorUserId from to } }', { c: cell }))
      .visitAssignments;
    expect(
      list.length === 1 && list[0].visitorUserId === state.visitorId && list[0].from === TODAY,
      `assignments of C1 after the office assigned: ${JSON.stringify(list)}`,
    );
    await shot(page, 't06-visitor-assigned-by-office');
  },
);

step('no uncaught errors in the page', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

// ---------------------------------------------------------------------------------------------------------
await run({ budgetMs: 120_000, failureShot: 't-failure', state });
