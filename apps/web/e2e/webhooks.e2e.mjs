#!/usr/bin/env node
// Browser test of the administration's Webhook tab and the audit log's integrity check, on the demo seed: an HTTP
// receiver on 127.0.0.1 started here; the administrator subscribes it to meeting.planned on their scope's root
// (the tree picker), sees the signing secret once (with its warning; gone once the dialog is closed), a meeting is
// planned (the event), the receiver gets it signed with that secret, the delivery shows in the log (DELIVERED,
// HTTP 200), is replayed from the log and received again with the same delivery id; the subscription is disabled
// and enabled again; the audit tab runs a hash-chain check and shows it as the last one; in English the screen's
// texts (which travel with its lazily loaded chunk) are English.
//
// The server must allow private targets and poll often (scripts/test-all.mjs starts the browser server so):
//   WEBHOOK_ALLOW_PRIVATE_TARGETS=true WEBHOOK_POLL_MS=500 node apps/api/dist/main.js
//   BASE_URL=http://127.0.0.1:3000 E2E_USER=admin E2E_PASSWORD='Chibo@2026' node apps/web/e2e/webhooks.e2e.mjs
//
// Prints `ok - <step>` / `not ok - <step>` and `N passed, M failed`; exits 1 on any failure. Capped at 120 s.
// Screenshots go to apps/web/test-results/ (w01-…png).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { ADMIN, BASE_URL, expect, gql, run, shot, signIn, step, todayLocal, tokenOf } from './lib/harness.mjs';

const state = { page: null, pageErrors: [], token: '', rootName: '', cellId: '', secret: '', target: '', received: [] };
const suffix = Date.now().toString(36);

// The receiver: records every request (headers, raw body) and answers 200.
const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    state.received.push({ path: req.url, headers: req.headers, body, json: JSON.parse(body) });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
receiver.unref();
state.target = `http://127.0.0.1:${receiver.address().port}/chibo-${suffix}`;

const waitFor = async (what, cond, ms = 20_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** The subscription's row in the list (by its unique target URL). */
const row = (page) => page.getByTestId('admin-webhooks').locator('tr', { hasText: state.target });

step("the administrator's scope root and one of its cells (set-up through the API)", async () => {
  const admin = await tokenOf(ADMIN);
  expect(admin, `cannot sign in as ${ADMIN}`);
  state.token = admin.token;
  const roots = await gql('query($d: Date) { scopeRoots(asOf: $d) { id name } }', { d: todayLocal() }, state.token);
  state.rootName = roots.data?.scopeRoots?.[0]?.name ?? '';
  expect(state.rootName, `no scope root: ${JSON.stringify(roots.errors ?? roots.data)}`);
  const cells = await gql(
    '{ organisations(filter: { kinds: [SUBORDINATE_CELL] }, page: { limit: 1 }) { items { id } } }',
    {},
    state.token,
  );
  state.cellId = cells.data?.organisations?.items?.[0]?.id ?? '';
  expect(state.cellId, `no cell: ${JSON.stringify(cells.errors ?? cells.data)}`);
});

step('open the Webhook tab (its own chunk) and create a subscription to the local receiver', async () => {
  const { page } = state;
  await signIn(page, ADMIN);
  await page.goto(`${BASE_URL}/admin?tab=webhooks`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('admin-webhooks').waitFor();
  await page.getByTestId('admin-webhook-add').click();
  const form = page.getByTestId('admin-webhook-form');
  await form.waitFor();
  await page.locator('#adminWebhook_organisationId').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: state.rootName })
    .first()
    .click();
  await form.locator('#adminWebhook_targetUrl').fill(state.target);
  await page.locator('#adminWebhook_eventTypes').click();
  await page.locator('#adminWebhook_eventTypes').fill('meeting.planned');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'meeting.planned' })
    .first()
    .click();
  await page.keyboard.press('Escape');
  await form.locator('#adminWebhook_description').fill(`Kiểm thử ${suffix}`);
  await page.getByTestId('admin-webhook-submit').click();
});

step('the signing secret is shown once, with a warning and a copy button', async () => {
  const { page } = state;
  const box = page.getByTestId('admin-webhook-secret');
  await box.waitFor();
  await box.getByText('chỉ hiển thị một lần').waitFor();
  state.secret = (await page.getByTestId('admin-webhook-secret-value').innerText()).trim();
  expect(/^whsec_[A-Za-z0-9_-]{43}$/.test(state.secret), `not a secret: ${state.secret}`);
  expect((await box.locator('.ant-typography-copy').count()) === 1, 'no copy button');
  await shot(page, 'w01-secret');
  await page.getByTestId('admin-webhook-secret-done').click();
  await box.waitFor({ state: 'hidden' });
  await row(page).waitFor();
  await row(page).getByText('Đang hoạt động').waitFor();
  await row(page).getByText('Chưa gửi lần nào').waitFor();
  expect(!(await page.content()).includes(state.secret), 'the secret is still on the page');
  // not readable again: no field of the API returns it
  await page.getByTestId('admin-webhook-add').click();
  await page.getByTestId('admin-webhook-form').waitFor();
  expect(!(await page.content()).includes(state.secret), 'the secret is shown again');
  await page.keyboard.press('Escape');
  await page.getByTestId('admin-webhook-form').waitFor({ state: 'hidden' });
});

step('plan a meeting: the receiver gets meeting.planned, signed with the secret', async () => {
  const r = await gql(
    'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    { i: { organisationId: state.cellId, kind: 'REGULAR', title: `Sinh hoạt webhook ${suffix}`, date: todayLocal() } },
    state.token,
  );
  expect(r.data?.createMeeting?.id, `createMeeting: ${JSON.stringify(r.errors)}`);
  state.meetingId = r.data.createMeeting.id;
  const mine = () => state.received.filter((x) => x.json?.event?.subjectId === state.meetingId);
  await waitFor('the delivery at the receiver', () => mine().length === 1);
  const [got] = mine();
  expect(got.headers['x-chibo-event'] === 'meeting.planned', `event ${got.headers['x-chibo-event']}`);
  const ts = got.headers['x-chibo-timestamp'];
  const expected = `sha256=${createHmac('sha256', state.secret).update(`${ts}.${got.body}`).digest('hex')}`;
  expect(got.headers['x-chibo-signature'] === expected, 'the signature does not match the secret shown');
  state.deliveryId = got.headers['x-chibo-delivery'];
});

step('the delivery shows in the list and in the log: delivered, HTTP 200, one attempt', async () => {
  const { page } = state;
  await page.reload({ waitUntil: 'domcontentloaded' });
  await row(page).getByTestId('webhook-status-DELIVERED').waitFor();
  await row(page).getByText('HTTP 200').waitFor();
  await row(page).getByTestId('admin-webhook-log').click();
  const log = page.getByTestId('webhook-deliveries');
  await log.waitFor();
  const line = log.locator('tr', { hasText: 'meeting.planned' }).first();
  await line.getByTestId('webhook-status-DELIVERED').waitFor();
  expect((await line.getByTestId('webhook-http').innerText()).trim() === '200', 'no HTTP 200 in the log');
  await shot(page, 'w02-log');
});

step('replay the delivery from the log: received again with the same delivery id', async () => {
  const { page } = state;
  const log = page.getByTestId('webhook-deliveries');
  const before = state.received.filter((x) => x.headers['x-chibo-delivery'] === state.deliveryId).length;
  await log.locator('tr', { hasText: 'meeting.planned' }).first().getByTestId('webhook-replay').click();
  await page.getByText('Đã đưa lần gửi vào hàng đợi gửi lại.').waitFor();
  await waitFor(
    'the replayed delivery',
    () => state.received.filter((x) => x.headers['x-chibo-delivery'] === state.deliveryId).length === before + 1,
  );
  // the log shows it delivered again (refreshed until the worker recorded it)
  for (let i = 0; i < 20; i++) {
    await page.getByTestId('webhook-deliveries-refresh').click();
    await page.waitForTimeout(400);
    if (await log.locator('tr', { hasText: 'meeting.planned' }).first().getByTestId('webhook-status-DELIVERED').count())
      break;
  }
  await log.locator('tr', { hasText: 'meeting.planned' }).first().getByTestId('webhook-status-DELIVERED').waitFor();
  await page.keyboard.press('Escape');
  await log.waitFor({ state: 'hidden' });
});

step('disable the subscription with a reason, then enable it again', async () => {
  const { page } = state;
  await row(page).getByTestId('admin-webhook-disable').click();
  const pop = page.locator('.ant-popover:visible');
  await pop.locator('input').fill('Tạm dừng kiểm thử');
  await pop.getByRole('button', { name: 'Tắt' }).click();
  await row(page).getByText('Đã tắt').waitFor();
  await row(page).getByText('Tạm dừng kiểm thử').waitFor();
  await row(page).getByTestId('admin-webhook-enable').click();
  await row(page).getByText('Đang hoạt động').waitFor();
  await shot(page, 'w03-list');
});

step('the audit tab runs the hash-chain check and shows it as the last one', async () => {
  const { page } = state;
  await page.goto(`${BASE_URL}/admin?tab=audit`, { waitUntil: 'domcontentloaded' });
  const card = page.getByTestId('audit-verification');
  await card.waitFor();
  await page.getByTestId('audit-verify').click();
  await page.getByText('Đã kiểm tra xong nhật ký.').waitFor();
  await card.getByTestId('audit-verification-state').filter({ hasText: 'Toàn vẹn' }).waitFor();
  await card.getByText(`do ${ADMIN} thực hiện`, { exact: false }).waitFor();
  await shot(page, 'w04-audit');
});

step("in English, the screen's texts (loaded with its chunk) are English too", async () => {
  const { page } = state;
  await page.getByText('English', { exact: true }).click();
  await page.getByTestId('audit-verify').filter({ hasText: 'Check now' }).waitFor();
  await page.getByRole('tab', { name: 'Webhooks' }).click();
  await page.getByTestId('admin-webhook-add').filter({ hasText: 'Add webhook' }).waitFor();
  await row(page).getByText('Active', { exact: true }).waitFor();
  await page.getByText('Tiếng Việt', { exact: true }).click();
  await page.getByTestId('admin-webhook-add').filter({ hasText: 'Thêm webhook' }).waitFor();
});

step('no page errors', async () => {
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join(' | ')}`);
});

await run({ budgetMs: 120_000, failureShot: 'w99-failure', state });
