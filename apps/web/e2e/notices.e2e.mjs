#!/usr/bin/env node
// Browser test of the in-app notices (docs/notices.md) against a running API (which serves apps/web/dist), on the
// demo seed: the administrator changes the record of the member linked to the cell secretary (bithu); the server's
// notice job (NOTICE_JOB_INTERVAL_SECONDS, a few seconds for this test) turns that into a notice; bithu signs in and
// sees the unread count on the header's bell, opens the bell's panel and the inbox page (/thong-bao), marks the
// notice read (the count drops by one), then marks all read (the badge goes away).
//
//   NOTICE_JOB_INTERVAL_SECONDS=5 node apps/api/dist/main.js   (the server under test)
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/notices.e2e.mjs
//
// System Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core. Prints `ok - <step>` /
// `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 150 s. Screenshots go to
// apps/web/test-results/ (n01-…png).
import { ADMIN, expect, gql, run, shot, signIn, step, tokenOf } from './lib/harness.mjs';

const SECRETARY = 'bithu';
const UPDATED_TITLE = 'Hồ sơ của bạn: Thông tin hồ sơ đảng viên được cập nhật';
const state = { page: null, pageErrors: [], unread: 0 };

const unreadNotices = async (token) => {
  const r = await gql(
    'query { myNotices(unreadOnly: true, page: { limit: 100 }) { unreadCount items { id code title createdAt } } }',
    {},
    token,
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.myNotices;
};

const badge = async (page) => {
  const count = page.getByTestId('notice-count');
  return (await count.count()) ? Number(await count.innerText()) : 0;
};

const waitForBadge = async (page, n) => {
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector('[data-testid=notice-count]');
      return (el ? Number(el.textContent) : 0) === want;
    },
    n,
    { timeout: 15_000 },
  );
};

step(`set-up: a change to ${SECRETARY}'s own member record becomes a notice (the server's notice job)`, async () => {
  const admin = await tokenOf(ADMIN);
  const secretary = await tokenOf(SECRETARY);
  expect(admin && secretary, `cannot sign in as ${ADMIN} and ${SECRETARY} (is the server seeded?)`);
  const users = await gql('query { users(page: { limit: 500 }) { items { username memberId } } }', {}, admin.token);
  const memberId = users.data?.users.items.find((u) => u.username === SECRETARY)?.memberId;
  expect(memberId, `${SECRETARY} is not linked to a member`);
  const started = new Date(Date.now() - 1000).toISOString();
  const updated = await gql(
    'mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id } }',
    { id: memberId, i: { residence: `Tổ dân phố ${Date.now() % 1000}` } },
    admin.token,
  );
  expect(!updated.errors, `updateMember: ${JSON.stringify(updated.errors)}`);
  for (let i = 0; i < 60; i++) {
    const mine = await unreadNotices(secretary.token);
    if (mine.items.some((x) => x.code === 'member.updated' && x.createdAt >= started)) {
      state.unread = mine.unreadCount;
      return;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('no notice within 120 s: is the server running the notice job (NOTICE_JOB_INTERVAL_SECONDS)?');
});

step(`sign in as the cell secretary (${SECRETARY}): the bell shows the unread count`, async () => {
  const { page } = state;
  await signIn(page, SECRETARY);
  await page.getByTestId('notice-bell').waitFor();
  await waitForBadge(page, Math.min(state.unread, 99));
  await shot(page, 'n01-bell');
});

step('the bell opens the latest notices; "see all" goes to the inbox page', async () => {
  const { page } = state;
  await page.getByTestId('notice-bell').click();
  const panel = page.getByTestId('notice-panel');
  await panel.waitFor();
  await panel.getByTestId('notice-entry').first().waitFor();
  expect((await panel.getByText(UPDATED_TITLE).count()) > 0, 'the new notice is not in the panel');
  await shot(page, 'n02-panel', false);
  await panel.getByTestId('notice-panel-all').click();
  await page.waitForURL(/\/thong-bao/);
  await page.getByTestId('notice-list').waitFor();
  expect((await page.getByTestId('notice-panel').count()) === 0, 'the panel stayed open');
  expect((await page.title()).includes('Thông báo'), `title: ${await page.title()}`);
});

step('marking the notice read: the count drops by one', async () => {
  const { page } = state;
  const entry = page
    .getByTestId('notice-entry')
    .filter({ hasText: UPDATED_TITLE })
    .filter({ has: page.getByTestId('notice-mark-read') })
    .first();
  await entry.waitFor();
  const before = await badge(page);
  await entry.getByTestId('notice-mark-read').click();
  await waitForBadge(page, before - 1);
  await shot(page, 'n03-read');
});

step('only the unread ones; mark all read: the badge goes away', async () => {
  const { page } = state;
  await page.getByTestId('notice-filter-unread').click();
  await page.waitForURL(/show=unread/);
  await page.getByTestId('notice-mark-all').click();
  await waitForBadge(page, 0);
  await page.getByText('Chưa có thông báo').waitFor();
  expect((await badge(page)) === 0, 'the badge is still shown');
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join('; ')}`);
});

await run({ budgetMs: 150_000, failureShot: 'n99-failure', state });
