#!/usr/bin/env node
// Browser test of writing offline (docs/offline.md, "Writing offline") on a phone-sized screen with the service
// worker on, against a running API that serves apps/web/dist. The cell secretary (bithu) opens a meeting planned for
// today while online, then with the network switched off records the whole meeting (attendance, times, minutes,
// resolution, vote) and collects one member's dues; closes the page and opens it again, still offline, and finds
// both waiting; back online they are sent by themselves, and the server has exactly those records, once (one audit
// row, one payment). Then a conflict (the minutes changed on the server meanwhile: both versions shown, the user keeps
// theirs) and a refusal (the meeting was closed meanwhile: shown with the server's reason, given up by the user).
//
//   BASE_URL=http://127.0.0.1:3000 node apps/web/e2e/offline-writes.e2e.mjs
//
// Prints `ok - <step>` / `not ok - <step>` and `N passed, M failed`.
import { ADMIN, BASE_URL, expect, gql, run, shot, signIn, step, todayLocal, tokenOf } from './lib/harness.mjs';

const SECRETARY = process.env.E2E_SECRETARY || 'bithu';
const state = {
  page: null,
  context: null,
  pageErrors: [],
  token: '',
  adminToken: '',
  cellId: '',
  meetingId: '',
  rows: 0,
  present: 0,
  dues: null,
};
const tag = Date.now().toString(36);
const MINUTES = `Biên bản ghi khi mất mạng ${tag}: đồng chí bí thư báo cáo tình hình tháng; các đồng chí thảo luận.`;
const RESOLUTION = `Nghị quyết ${tag}: hoàn thành kế hoạch tháng tới.`;
// a month with a known amount still owed (a month with no recorded basis, "?", opens the form with no amount to prefill)
const OWED = ['open', 'short', 'unpaid', 'deferred']
  .map((s) => `[data-testid=attendance-dues][data-state=${s}]:has([data-testid=attendance-dues-collect])`)
  .join(', ');

const MEETING = `query($id: ID!) { meeting(id: $id) { id state version minutes resolution votesFor votesAgainst votesAbstain actualStart actualEnd attendance { memberId status } } }`;
const meetingNow = async () => (await gql(MEETING, { id: state.meetingId }, state.token)).data?.meeting;
const auditCount = async (operation) => {
  const r = await gql(
    'query($f: AuditFilter) { auditLog(filter: $f) { total } }',
    { f: { entityId: state.meetingId, operation } },
    state.adminToken,
  );
  return r.data?.auditLog?.total;
};
const payments = async (memberId, month) => {
  const r = await gql(
    'query($m: ID!, $y: Int!) { memberDues(memberId: $m, year: $y) { payments { id month amount cancelledAt } } }',
    { m: memberId, y: Number(month.slice(0, 4)) },
    state.token,
  );
  return (r.data?.memberDues?.payments ?? []).filter((p) => p.month === month && !p.cancelledAt);
};
/** Waits until the app has sent everything (the header's indicator goes). */
const allSent = (page, timeout = 40_000) =>
  page.getByTestId('outbox-indicator').waitFor({ state: 'detached', timeout });

step(
  "set-up: a meeting of the secretary's cell planned for today, with who presides and who takes the minutes",
  async () => {
    const secretary = await tokenOf(SECRETARY);
    expect(secretary, `cannot sign in as ${SECRETARY}`);
    state.token = secretary.token;
    state.adminToken = (await tokenOf(ADMIN))?.token ?? '';
    expect(state.adminToken, `cannot sign in as ${ADMIN}`);
    const me = await gql('{ me { grants { role organisationId } } }', {}, state.token);
    state.cellId = me.data?.me?.grants?.find((g) => g.role === 'CELL_SECRETARY')?.organisationId ?? '';
    expect(state.cellId, `${SECRETARY} has no CELL_SECRETARY grant`);
    const members = await gql(
      'query($o: ID!) { members(filter: { organisationId: $o }, page: { offset: 0, limit: 500 }) { items { id } } }',
      { o: state.cellId },
      state.token,
    );
    const ids = (members.data?.members?.items ?? []).map((m) => m.id);
    expect(ids.length >= 3, `the cell has ${ids.length} members`);
    const created = await gql(
      'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id version } }',
      {
        i: {
          organisationId: state.cellId,
          kind: 'REGULAR',
          title: `Sinh hoạt ghi ngoại tuyến ${tag}`,
          date: todayLocal(),
          startTime: '07:30',
          endTime: '09:30',
          chairMemberId: ids[0],
          minuteTakerMemberId: ids[1],
        },
      },
      state.token,
    );
    expect(
      created.data?.createMeeting?.id,
      `createMeeting: ${JSON.stringify(created.errors ?? created).slice(0, 300)}`,
    );
    state.meetingId = created.data.createMeeting.id;
  },
);

step('online: the secretary opens the meeting (its sheet, members and dues are kept on the phone)', async () => {
  const { page } = state;
  await signIn(page, SECRETARY);
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 30_000 });
  await page.goto(`${BASE_URL}/meetings/${state.meetingId}`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('meeting-record').waitFor();
  const [y, m] = todayLocal().split('-');
  await page
    .getByTestId('attendance-extra-title')
    .filter({ hasText: `Đảng phí tháng ${m}/${y}` })
    .waitFor();
  state.rows = await page.getByTestId('attendance-row').count();
  expect(state.rows >= 3, `${state.rows} rows on the attendance sheet`);
  if ((await page.locator(OWED).count()) === 0) {
    // every member with a known amount has paid this month already: take a paid member's payments of the month
    // back (one whose amount is known, so the form has something to prefill), so something is owed
    const paid = await page
      .locator('[data-testid=attendance-dues][data-state=paid]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-member')));
    for (const memberId of paid) {
      for (const p of await payments(memberId, `${y}-${m}`)) {
        const r = await gql(
          'mutation($id: ID!) { cancelDuesPayment(id: $id, reason: "Kiểm thử: thu lại khi mất mạng") { id } }',
          { id: p.id },
          state.token,
        );
        expect(r.data?.cancelDuesPayment?.id, `cancelDuesPayment: ${JSON.stringify(r.errors ?? r).slice(0, 300)}`);
      }
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.getByTestId('attendance-row').first().waitFor();
      await page.locator('[data-testid=attendance-dues]').first().waitFor();
      if ((await page.locator(OWED).count()) > 0) break;
    }
    await page.locator(OWED).first().waitFor();
  }
  // let the answers be stored on the phone (written a moment after they arrive)
  await page.waitForTimeout(1500);
});

step('offline: record the whole meeting; it waits on the phone ("chờ gửi")', async () => {
  const { page, context } = state;
  await context.setOffline(true);
  await page.getByTestId('all-present').click();
  // everyone expected is present (the exempt stay exempt): the vote counts those present
  const rate = await page.getByTestId('attendance-rate').innerText();
  state.present = Number(/Có mặt (\d+)/.exec(rate)?.[1] ?? NaN);
  expect(state.present > 0, `attendance rate reads "${rate}"`);
  await page.locator('#actual-start').fill('07:30');
  await page.locator('#actual-end').fill('09:30');
  await page.locator('#minutes').fill(MINUTES);
  await page.locator('#resolution').fill(RESOLUTION);
  await page.locator('#votes-for').fill(String(state.present));
  await page.locator('#votes-against').fill('0');
  await page.locator('#votes-abstain').fill('0');
  await page.getByTestId('record-submit').click();
  await page.locator('[data-testid=record-queued][data-state=queued]').waitFor();
  await page.getByText('Chưa có mạng: kết quả đã lưu trên máy này').first().waitFor();
  await page.locator('[data-testid=outbox-indicator][data-count="1"]').waitFor();
});

step("offline: collect one member's dues at the meeting; it waits too", async () => {
  const { page } = state;
  const cell = page.locator(OWED).first();
  const memberId = await cell.getAttribute('data-member');
  const month = todayLocal().slice(0, 7);
  state.dues = { memberId, month, before: (await payments(memberId, month)).length };
  await cell.getByTestId('attendance-dues-collect').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Ghi nhận đóng đảng phí:').waitFor();
  state.dues.amount = Number((await dialog.getByLabel('Số tiền', { exact: true }).inputValue()).replace(/\D/g, ''));
  expect(state.dues.amount > 0, 'no amount prefilled');
  await dialog.getByTestId('dues-record-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  const queued = page.locator(`[data-testid=attendance-dues][data-member="${memberId}"][data-state=queued]`);
  await queued.waitFor();
  expect((await queued.innerText()).includes('Chờ gửi'), `the dues cell shows "${await queued.innerText()}"`);
  await page.locator('[data-testid=outbox-indicator][data-count="2"]').waitFor();
  await shot(page, 'o01-offline-recorded', false);
});

step('still offline, the page closed and opened again: both changes are there, the record as typed', async () => {
  await state.page.close();
  const page = await state.context.newPage();
  page.on('pageerror', (e) => state.pageErrors.push(e.message));
  state.page = page;
  await page.goto(`${BASE_URL}/meetings/${state.meetingId}`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('meeting-record').waitFor({ timeout: 30_000 });
  await page.getByTestId('offline-banner').waitFor();
  await page.locator('[data-testid=record-queued][data-state=queued]').waitFor();
  expect(
    (await page.locator('#minutes').inputValue()) === MINUTES,
    'the minutes typed offline are not shown after reopening',
  );
  await page.locator('[data-testid=outbox-indicator][data-count="2"]').waitFor();
  await page
    .locator(`[data-testid=attendance-dues][data-member="${state.dues.memberId}"][data-state=queued]`)
    .waitFor();
  // nothing reached the server
  expect((await meetingNow()).state === 'PLANNED', 'the meeting changed on the server while offline');
});

step('back online: the changes are sent by themselves; the server has exactly those records, once', async () => {
  const { page, context } = state;
  await context.setOffline(false);
  await allSent(page);
  const m = await meetingNow();
  expect(m.state === 'HELD', `state ${m.state}`);
  expect(m.minutes === MINUTES && m.resolution === RESOLUTION, 'minutes or resolution differ');
  expect(
    m.votesFor === state.present && m.votesAgainst === 0 && m.votesAbstain === 0,
    `votes ${m.votesFor}/${m.votesAgainst}/${m.votesAbstain}`,
  );
  expect(
    m.actualStart?.startsWith('07:30') && m.actualEnd?.startsWith('09:30'),
    `times ${m.actualStart}–${m.actualEnd}`,
  );
  expect(
    m.attendance.length === state.rows && m.attendance.every((a) => a.status === 'PRESENT' || a.status === 'EXEMPT'),
    `attendance ${JSON.stringify(m.attendance).slice(0, 200)}`,
  );
  expect((await auditCount('recordMeeting')) === 1, `recordMeeting audited ${await auditCount('recordMeeting')} times`);
  const after = await payments(state.dues.memberId, state.dues.month);
  expect(after.length === state.dues.before + 1, `${after.length - state.dues.before} payments recorded instead of 1`);
  expect(
    after.some((p) => p.amount === state.dues.amount),
    `no payment of ${state.dues.amount} đ`,
  );
  // the page follows: the server's record, nothing waiting
  await page.locator('[data-testid=record-queued]').waitFor({ state: 'detached' });
  await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
});

step(
  'a conflict: the minutes changed on the server while the phone was offline; both shown, the user keeps theirs',
  async () => {
    const { page, context } = state;
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('meeting-record').waitFor();
    await page.waitForTimeout(1000);
    await context.setOffline(true);
    const mine = `${MINUTES} Bổ sung trên điện thoại.`;
    await page.locator('#minutes').fill(mine);
    await page.getByTestId('record-submit').click();
    await page.locator('[data-testid=record-queued][data-state=queued]').waitFor();
    const theirs = `${MINUTES} Bổ sung tại văn phòng.`;
    const r = await gql(
      'mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { version } }',
      { id: state.meetingId, i: { minutes: theirs } },
      state.token,
    );
    expect(r.data?.recordMeeting?.version, `recordMeeting (office): ${JSON.stringify(r.errors ?? r).slice(0, 300)}`);
    await context.setOffline(false);
    await page.locator('[data-testid=outbox-indicator][data-attention="1"]').waitFor({ timeout: 40_000 });
    await page.getByTestId('outbox-indicator').click();
    await page.getByTestId('sync-page').waitFor();
    const item = page.locator('[data-testid=outbox-item][data-state=conflict]');
    const field = item.locator('[data-testid=conflict-field][data-field=minutes]');
    await field.waitFor();
    expect(
      (await field.innerText()).includes('Bổ sung trên điện thoại') &&
        (await field.innerText()).includes('Bổ sung tại văn phòng'),
      'both versions of the minutes are not shown',
    );
    expect(
      (await item.locator('[data-testid=conflict-field]').count()) === 1,
      'fields changed on one side only are shown as conflicts',
    );
    await shot(page, 'o02-conflict', false);
    await field.getByTestId('conflict-local').click();
    await item.getByTestId('conflict-send').click();
    await page.getByTestId('outbox-empty').waitFor({ timeout: 20_000 });
    const m = await meetingNow();
    expect(m.minutes === mine, 'the server does not have the version the user kept');
    expect(
      m.resolution === RESOLUTION && m.attendance.length === state.rows,
      'the decided record changed other fields',
    );
  },
);

step("a refusal: the meeting was closed meanwhile; shown with the server's reason, then given up", async () => {
  const { page, context } = state;
  await page.goto(`${BASE_URL}/meetings/${state.meetingId}`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('meeting-record').waitFor();
  await page.waitForTimeout(1000);
  await context.setOffline(true);
  await page.locator('#resolution').fill(`${RESOLUTION} (sửa trên điện thoại)`);
  await page.getByTestId('record-submit').click();
  await page.locator('[data-testid=record-queued][data-state=queued]').waitFor();
  const closed = await gql(
    'mutation($id: ID!) { closeMeeting(id: $id) { state } }',
    { id: state.meetingId },
    state.token,
  );
  expect(
    closed.data?.closeMeeting?.state === 'CLOSED',
    `closeMeeting: ${JSON.stringify(closed.errors ?? closed).slice(0, 300)}`,
  );
  await context.setOffline(false);
  await page.locator('[data-testid=record-queued][data-state=rejected]').waitFor({ timeout: 40_000 });
  await page.goto(`${BASE_URL}/sync`, { waitUntil: 'domcontentloaded' });
  const item = page.locator('[data-testid=outbox-item][data-state=rejected]');
  const reason = await item.getByTestId('outbox-rejected').innerText();
  expect(/khóa sổ/.test(reason), `the refusal does not give the server's reason: "${reason}"`);
  await shot(page, 'o03-rejected', false);
  await item.getByTestId('outbox-discard').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Bỏ thay đổi này' }).click();
  await page.getByTestId('outbox-empty').waitFor();
  const m = await meetingNow();
  expect(m.state === 'CLOSED' && m.resolution === RESOLUTION, 'the refused change reached the record');
  expect(state.pageErrors.length === 0, `page errors: ${state.pageErrors.join('; ')}`);
});

await run({
  budgetMs: 240_000,
  failureShot: 'o00-failure',
  state,
  context: {
    serviceWorkers: 'allow',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
});
