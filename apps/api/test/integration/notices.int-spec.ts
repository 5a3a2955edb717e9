import { elementAt } from '@chibo/domain';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  addDays,
  addMonths,
  DEFAULT_POLICY,
  nextInspectionDueOn,
  visitReportDueOn,
  type MonthKey,
} from '@chibo/domain';
import { cliCaller } from '../../src/cli/context';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { today } from '../../src/database/sql';
import { AdminService } from '../../src/modules/auth/admin.service';
import { NoticeJob } from '../../src/modules/notice/notice.job';
import { AUTO_DISABLED_REASON } from '../../src/modules/webhook/webhook-state';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { settle } from '../setup/settle';
import { buildTree, nationalId } from '../setup/fixtures';

// Notices (docs/notices.md): the notice job's three sources, run by hand (NOTICE_JOB_INTERVAL_SECONDS is 0 in
// tests), the inbox's isolation between users, and e-mail through a local SMTP server started here.
describe('notices', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let n = 0;
  const d = today();

  const ok = async <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token = admin,
  ): Promise<T> => {
    const res = await h.gql<T>(query, variables, token);
    if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  /** The notice job; a run first waits for the server's older transactions to end (setup/settle.ts). */
  const job = () => ({
    runOnce: async () => {
      await settle(h.ds);
      return h.app.get(NoticeJob).runOnce();
    },
  });
  const LIST = `query($u: Boolean) { myNotices(unreadOnly: $u, page: { limit: 100 }) { total unreadCount items { id kind code title titleEn body link subjectId dueOn readAt } } }`;
  const inbox = async (token: string, unreadOnly = false) =>
    (
      await ok<{ myNotices: { total: number; unreadCount: number; items: Record<string, any>[] } }>(
        LIST,
        { u: unreadOnly },
        token,
      )
    ).myNotices;
  const cell = async (code: string): Promise<string> =>
    (
      await ok(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, {
        i: {
          code: `${t.prefix}.${code}${++n}`,
          name: `Chi bộ ${code}`,
          kind: 'SUBORDINATE_CELL',
          parentId: t.GA,
          establishedOn: '2015-01-01',
        },
      })
    ).createOrganisation.id;
  /** A user signed in with a MEMBER grant on a member (so linked to it). */
  const memberUser = (memberId: string) => h.userWith('MEMBER', { memberId });

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a published meeting: one notice to each member-user of the cell, none on a rerun, one more when its place changes', async () => {
    const c = await cell('mt');
    const [p, q] = [await t.member(c, 'Võ Thị Lan'), await t.member(c, 'Hồ Văn Nam')];
    const [up, uq] = [await memberUser(p), await memberUser(q)];
    const outsider = await memberUser(t.m5);
    const date = addDays(d, 1);
    const meeting = (
      await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
        i: {
          organisationId: c,
          kind: 'REGULAR',
          title: 'Sinh hoạt thường kỳ',
          date,
          startTime: '14:00',
          place: 'Hội trường',
          theme: 'Kiểm điểm công tác',
        },
      })
    ).createMeeting.id as string;
    const first = await job().runOnce();
    expect(first.ran).toBe(true);
    for (const token of [up, uq]) {
      const mine = (await inbox(token)).items.filter((x) => x.subjectId === meeting);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        kind: 'MEETING',
        code: 'MEETING_PUBLISHED',
        link: `/meetings/${meeting}`,
        dueOn: date,
        readAt: null,
      });
      expect(mine[0]?.body).toContain('Hội trường');
      expect(mine[0]?.body).toContain('Kiểm điểm công tác');
    }
    expect((await inbox(outsider)).items.filter((x) => x.subjectId === meeting)).toHaveLength(0);
    await job().runOnce();
    expect((await inbox(up)).items.filter((x) => x.subjectId === meeting)).toHaveLength(1);
    await ok(`mutation($id: ID!, $i: MeetingPlanInput!) { updateMeeting(id: $id, input: $i) { id } }`, {
      id: meeting,
      i: { place: 'Phòng họp số 2' },
    });
    await job().runOnce();
    await job().runOnce();
    const after = (await inbox(up)).items.filter((x) => x.subjectId === meeting);
    expect(after.map((x) => x.code).sort()).toEqual(['MEETING_CHANGED', 'MEETING_PUBLISHED']);
    expect(after.find((x) => x.code === 'MEETING_CHANGED')!.title).toContain('đã thay đổi');
  });

  it("a change to a member's own record: a notice to the user linked to that member", async () => {
    const c = await cell('rec');
    const p = await t.member(c, 'Trịnh Văn Hòa');
    const token = await memberUser(p);
    await ok(`mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id } }`, {
      id: p,
      i: { residence: 'Phường 1, Quận 3' },
    });
    await job().runOnce();
    await job().runOnce();
    const mine = (await inbox(token)).items.filter((x) => x.kind === 'RECORD' && x.code === 'member.updated');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ code: 'member.updated', link: `/members/${p}`, subjectId: p });
    expect(mine[0]?.body).toBe('Các mục: Nơi ở hiện nay');
  });

  it("a PROBATION_DUE reminder reaches the cell's secretary, not a user of another subtree nor a farther writer", async () => {
    const c = await cell('prob');
    const ceremony = addDays(addMonths(d, -12), -3);
    const p = await t.member(c, 'Lý Thị Mai', {
      admissionDecisionDate: addDays(ceremony, -10),
      ceremonyDate: ceremony,
      fullMembershipDate: null,
    });
    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: c });
    const farther = await h.userWith('COMMITTEE_WRITE', { organisationId: t.GA });
    const other = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    await job().runOnce();
    await job().runOnce();
    const due = (await inbox(secretary)).items.filter((x) => x.code === 'PROBATION_DUE' && x.subjectId === p);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ kind: 'REMINDER', link: `/members/${p}` });
    expect(due[0]?.body).toContain('Lý Thị Mai');
    for (const token of [farther, other])
      expect((await inbox(token)).items.filter((x) => x.subjectId === p)).toHaveLength(0);
  });

  it("the other deadlines issue 14 lists reach the cell's secretary: a badge nomination, the visit report due on day 5, an inspection behind target", async () => {
    const c = await cell('dl');
    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: c });
    // 30 years of party age reached a few days ago: due for the next presentation occasion
    const admitted = addDays(addMonths(d, -12 * 30), -5);
    const veteran = await t.member(c, 'Phan Văn Lâu', {
      admissionDecisionDate: admitted,
      ceremonyDate: addDays(admitted, 10),
      fullMembershipDate: addMonths(addDays(admitted, 10), 12),
      birthDate: '1960-02-03',
    });
    // a visitor assigned to the cell since January, six visits a year, none made
    const visitor = await h.app.get(AdminService).createUser(cliCaller(), {
      username: `uv${Date.now() % 1e9}`,
      displayName: 'Ủy viên theo dõi',
      password: 'test-password-1',
    });
    await ok(`mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`, {
      i: { visitorUserId: visitor.id, cellId: c, from: `${d.slice(0, 4)}-01-01`, requiredPerYear: 6 },
    });
    // a cell committee (three seats) since January: two concluded inspections a year, the first due by 30 June
    const jan1 = `${d.slice(0, 4)}-01-01`;
    const seats: [string, string][] = [
      [veteran, 'SECRETARY'],
      [await t.member(c, 'Hà Văn Phó'), 'DEPUTY_SECRETARY'],
      [await t.member(c, 'Tô Thị Ủy'), 'COMMITTEE_MEMBER'],
    ];
    for (const [memberId, role] of seats)
      await ok(`mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`, {
        i: { organisationId: c, memberId, role, from: jan1 },
      });
    await job().runOnce();
    await job().runOnce();
    const mine = (await inbox(secretary)).items.filter((x) => x.kind === 'REMINDER');
    const byCode = (code: string) => mine.filter((x) => x.code === code);
    expect(byCode('BADGE_DUE')).toEqual([expect.objectContaining({ subjectId: veteran, link: `/members/${veteran}` })]);
    // six a year at an even pace: at least one is due from March on (in January and February maybe none yet)
    if (d.slice(5) >= '03-01') {
      expect(byCode('VISITS_BEHIND')).toEqual([
        expect.objectContaining({ subjectId: c, dueOn: visitReportDueOn(d.slice(0, 7) as MonthKey, DEFAULT_POLICY) }),
      ]);
      expect(byCode('VISITS_BEHIND')[0]?.dueOn.slice(8)).toBe('05');
    }
    const inspectionDue = nextInspectionDueOn(2, 0, Number(d.slice(0, 4)))!;
    expect(byCode('INSPECTION_BEHIND')).toEqual(
      inspectionDue < d
        ? [expect.objectContaining({ subjectId: c, link: `/organisations/${c}`, dueOn: inspectionDue })]
        : [],
    );
  });

  it("a meeting not yet recorded after its date: the cell's secretary is reminded once; not a recorded, cancelled or future one", async () => {
    const c = await cell('unrec');
    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: c });
    const other = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    const plan = async (date: string) =>
      (
        await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
          i: { organisationId: c, kind: 'REGULAR', title: `Sinh hoạt ${date}`, date },
        })
      ).createMeeting.id as string;
    const [past, cancelled, todays, old] = [
      await plan(addDays(d, -2)),
      await plan(addDays(d, -2)),
      await plan(d),
      await plan(addDays(d, -120)),
    ];
    await ok(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "Trùng lịch") { id } }`, { id: cancelled });
    await job().runOnce();
    await job().runOnce();
    const mine = (await inbox(secretary)).items.filter((x) => x.code === 'MEETING_UNRECORDED');
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'REMINDER',
        subjectId: past,
        link: `/meetings/${past}`,
        dueOn: addDays(d, -2 + 3),
      }),
    ]);
    expect(mine[0]?.body).toContain(`Sinh hoạt ${addDays(d, -2)}`);
    expect(mine.map((x) => x.subjectId)).not.toEqual(expect.arrayContaining([cancelled, todays, old]));
    expect((await inbox(other)).items.filter((x) => x.subjectId === past)).toEqual([]);
  });

  it("an open rating round near its self-assessment deadline: the pending member and the cell's secretary are reminded once", async () => {
    const c = await cell('self');
    const p = await t.member(c, 'Ngô Thị Thu', { gender: 'FEMALE' });
    const member = await memberUser(p);
    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: c });
    const due = addDays(d, 3);
    const round = (
      await ok(`mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id } }`, {
        i: {
          organisationId: t.GA,
          year: Number(d.slice(0, 4)),
          selfAssessmentDue: due,
          proposalDue: addDays(due, 5),
          decisionDue: addDays(due, 10),
        },
      })
    ).openRatingRound.id as string;
    await job().runOnce();
    await job().runOnce();
    const mine = (await inbox(member)).items.filter((x) => x.code === 'SELF_ASSESSMENT_DUE');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'REMINDER', link: '/ratings', subjectId: p, dueOn: due });
    expect(mine[0]?.body).toContain('Ngô Thị Thu');
    const cells = (await inbox(secretary)).items.filter((x) => x.code === 'SELF_ASSESSMENT_DUE' && x.subjectId === c);
    expect(cells).toHaveLength(1);
    expect(round).toBeTruthy();
  });

  it("a webhook disabled automatically: its organisation's writers and the administrators are told once; a user's own disabling is not notified", async () => {
    const c = await cell('wh');
    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: c });
    const outsider = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    const create = async () =>
      (
        await ok(
          `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`,
          {
            i: { organisationId: c, targetUrl: 'https://203.0.113.10/hook', eventTypes: ['meeting.planned'] },
          },
        )
      ).createWebhookSubscription.subscription.id as string;
    const [auto, manual] = [await create(), await create()];
    // what the worker writes when it disables a subscription failing for days (webhooks.int-spec drives the worker)
    await h.ds.query(
      `UPDATE webhook_subscription SET active = false, failing_since = now() - interval '4 days', disabled_at = now(), disabled_reason = $2 || '2026-12-01T00:00:00Z (more than 72 hours)' WHERE id = $1`,
      [auto, AUTO_DISABLED_REASON],
    );
    await ok(`mutation($id: ID!) { disableWebhookSubscription(id: $id, reason: "Bảo trì") { id } }`, { id: manual });
    await job().runOnce();
    await job().runOnce();
    for (const token of [secretary, admin]) {
      const mine = (await inbox(token)).items.filter(
        (x) => x.code === 'WEBHOOK_DISABLED' && (x.subjectId === auto || x.subjectId === manual),
      );
      expect(mine).toEqual([
        expect.objectContaining({
          kind: 'REMINDER',
          subjectId: auto,
          link: '/admin?tab=webhooks',
          title: 'Webhook đã bị tắt tự động',
        }),
      ]);
      expect(mine[0]?.body).toContain('https://203.0.113.10/hook');
    }
    expect((await inbox(outsider)).items.filter((x) => x.subjectId === auto)).toEqual([]);
  });

  // The events the notice job writes (docs/graphql.md#change-feed): a meeting's publication and an alert's raising
  // and clearing are no write of anyone's, so the job notices them and appends their events, once each.
  const CHANGES = `query($o: ID, $t: [String!]) { changes(organisationId: $o, types: $t, limit: 500) { items { type subjectType subjectId organisationId actorType payload } } }`;
  type Change = {
    type: string;
    subjectType: string;
    subjectId: string;
    organisationId: string;
    actorType: string;
    payload: Record<string, unknown>;
  };
  const changes = async (organisationId: string, types: string[], token = admin): Promise<Change[]> => {
    await settle(h.ds);
    return (await ok<{ changes: { items: Change[] } }>(CHANGES, { o: organisationId, t: types }, token)).changes.items;
  };

  it('a meeting published to its cell makes one meeting.published event, scoped to the cell; not before its publication', async () => {
    const c = await cell('pubev');
    const soon = (
      await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
        i: {
          organisationId: c,
          kind: 'REGULAR',
          title: 'Sinh hoạt sắp tới',
          date: addDays(d, 1),
          startTime: '08:00',
          place: 'Phòng 1',
        },
      })
    ).createMeeting.id as string;
    const later = (
      await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
        i: { organisationId: c, kind: 'REGULAR', title: 'Sinh hoạt tháng sau', date: addDays(d, 40) },
      })
    ).createMeeting.id as string;
    await job().runOnce();
    await job().runOnce();
    const events = await changes(c, ['meeting.published']);
    expect(events).toEqual([
      {
        type: 'meeting.published',
        subjectType: 'meeting',
        subjectId: soon,
        organisationId: c,
        actorType: 'SYSTEM',
        payload: { meetingId: soon, date: addDays(d, 1), startTime: '08:00', place: 'Phòng 1' },
      },
    ]);
    expect(events.map((e) => e.subjectId)).not.toContain(later);
    // a reader of another subtree does not see it
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(
      (await h.gql(CHANGES, { o: null, t: ['meeting.published'] }, other)).data.changes.items.map(
        (e: { subjectId: string }) => e.subjectId,
      ),
    ).not.toContain(soon);
  });

  it('an alert is raised once while its rule holds and cleared once when it stops holding', async () => {
    const c = await cell('alev');
    const ceremony = addDays(addMonths(d, -12), -3);
    const p = await t.member(c, 'Đinh Thị Hạnh', {
      admissionDecisionDate: addDays(ceremony, -10),
      ceremonyDate: ceremony,
      fullMembershipDate: null,
    });
    await job().runOnce();
    await job().runOnce();
    const raised = (await changes(c, ['alert.raised', 'alert.cleared'])).filter((e) => e.subjectId === p);
    expect(raised).toEqual([
      expect.objectContaining({
        type: 'alert.raised',
        subjectType: 'member',
        organisationId: c,
        actorType: 'SYSTEM',
        payload: expect.objectContaining({ code: 'PROBATION_DUE', organisationId: c, memberId: p, meetingId: null }),
      }),
    ]);
    await ok(`mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`, {
      i: { memberId: p, type: 'RECOGNISED_FULL' },
    });
    await job().runOnce();
    await job().runOnce();
    const after = (await changes(c, ['alert.raised', 'alert.cleared'])).filter((e) => e.subjectId === p);
    expect(after.map((e) => [e.type, e.payload.code])).toEqual([
      ['alert.raised', 'PROBATION_DUE'],
      ['alert.cleared', 'PROBATION_DUE'],
    ]);
  });

  it("marks read; nobody reads or marks another user's notice (NOT_FOUND); an API token has no inbox", async () => {
    const c = await cell('iso');
    const p = await t.member(c, 'Cao Văn Đức');
    const token = await memberUser(p);
    const intruder = await memberUser(await t.member(c, 'Mai Thị Hoa'));
    await ok(`mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id } }`, {
      id: p,
      i: { job: 'Kỹ sư' },
    });
    await ok(`mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id } }`, {
      id: p,
      i: { post: 'Trưởng phòng' },
    });
    await job().runOnce();
    const before = await inbox(token);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const a = elementAt(before.items, 0, 'notice');
    const b = elementAt(before.items, 1, 'notice');
    expect((await inbox(intruder)).items.map((x) => x.id)).not.toContain(a.id);
    const stolen = await h.gql(`mutation($ids: [ID!]!) { markNoticesRead(ids: $ids) }`, { ids: [a.id] }, intruder);
    expect(errorOf(stolen)?.code).toBe('NOT_FOUND');
    const mixed = await h.gql(`mutation($ids: [ID!]!) { markNoticesRead(ids: $ids) }`, { ids: [a.id, b.id] }, intruder);
    expect(errorOf(mixed)?.code).toBe('NOT_FOUND');
    expect((await inbox(token)).unreadCount).toBe(before.unreadCount);
    expect(
      (
        await ok<{ markNoticesRead: number }>(
          `mutation($ids: [ID!]!) { markNoticesRead(ids: $ids) }`,
          { ids: [a.id] },
          token,
        )
      ).markNoticesRead,
    ).toBe(1);
    expect(
      (
        await ok<{ markNoticesRead: number }>(
          `mutation($ids: [ID!]!) { markNoticesRead(ids: $ids) }`,
          { ids: [a.id] },
          token,
        )
      ).markNoticesRead,
    ).toBe(0);
    expect((await ok<{ myUnreadNoticeCount: number }>(`{ myUnreadNoticeCount }`, {}, token)).myUnreadNoticeCount).toBe(
      before.unreadCount - 1,
    );
    expect((await inbox(token, true)).items.map((x) => x.id)).not.toContain(a.id);
    expect(
      (await ok<{ markAllNoticesRead: number }>(`mutation { markAllNoticesRead }`, {}, token)).markAllNoticesRead,
    ).toBe(before.unreadCount - 1);
    expect((await inbox(token)).unreadCount).toBe(0);
    const [audit] = await h.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE operation IN ('markNoticesRead', 'markAllNoticesRead') AND after::text LIKE '%marked%'`,
    );
    expect(audit.n).toBeGreaterThanOrEqual(2);
    const { secret } = await h.app
      .get(AdminService)
      .createApiToken(cliCaller(), { name: `notices-${n}`, organisationId: c, access: 'READ' });
    expect(errorOf(await h.gql(`{ myUnreadNoticeCount }`, {}, secret))?.code).toBe('FORBIDDEN');
  });

  describe('e-mail', () => {
    let server: SMTPServer;
    const received: { to: string[]; data: string }[] = [];
    let smtp: AppConfig['smtp'];

    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              data: Buffer.concat(chunks).toString('utf8'),
            });
            callback();
          });
        },
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      smtp = {
        host: '127.0.0.1',
        port: (server.server.address() as AddressInfo).port,
        secure: false,
        user: null,
        password: null,
        from: 'chibo <no-reply@chibo.test>',
      };
    });
    afterAll(async () => {
      h.app.get<AppConfig>(APP_CONFIG).smtp = null;
      await new Promise<void>((r) => server.close(() => r()));
    });

    const userWithEmail = async (memberId: string, email: string) => {
      const username = `mail${Date.now().toString(36)}${++n}`;
      await h.app
        .get(AdminService)
        .createUser(cliCaller(), { username, displayName: username, password: 'test-password-1', memberId, email });
      return username;
    };

    it('nothing is attempted while SMTP is not configured', async () => {
      const config = h.app.get<AppConfig>(APP_CONFIG);
      config.smtp = null;
      const c = await cell('nomail');
      const p = await t.member(c, 'Phan Văn Tài', { nationalId: nationalId() });
      await userWithEmail(p, `off${n}@example.test`);
      await ok(`mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id } }`, {
        id: p,
        i: { job: 'Giáo viên' },
      });
      const r = await job().runOnce();
      expect(r.emailsSent + r.emailsFailed).toBe(0);
      const [row] = await h.ds.query(
        `SELECT count(*)::int AS n FROM notice_email e JOIN notice x ON x.id = e.notice_id WHERE x.subject_id = $1`,
        [p],
      );
      expect(row.n).toBe(0);
      expect(received.filter((m) => m.to.includes(`off${n}@example.test`))).toHaveLength(0);
    });

    it('with SMTP configured, a new notice is e-mailed once to its user, with its title as the subject', async () => {
      const config = h.app.get<AppConfig>(APP_CONFIG);
      config.smtp = smtp;
      const c = await cell('mail');
      const p = await t.member(c, 'Đoàn Thị Yến', { gender: 'FEMALE' });
      const address = `yen${n}@example.test`;
      await userWithEmail(p, address);
      await ok(`mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id } }`, {
        id: p,
        i: { residence: 'Xã Tân Phú' },
      });
      const r = await job().runOnce();
      expect(r.emailsSent).toBeGreaterThanOrEqual(1);
      await job().runOnce();
      // nodemailer folds and encodes a non-ASCII subject (RFC 2047, quoted-printable words): unfold, join the bytes, decode.
      const subjectOf = (data: string): string => {
        const [, line = ''] = /^Subject: (.*)$/m.exec(data.replace(/\r?\n[ \t]+/g, ' ')) ?? [];
        const bytes = [...line.matchAll(/=\?UTF-8\?Q\?([^?]*)\?=/gi)]
          .map((w) => w[1] ?? '')
          .join('')
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        return bytes ? Buffer.from(bytes, 'latin1').toString('utf8') : line;
      };
      const mails = received.filter((m) => m.to.includes(address));
      const titles = (
        await h.ds.query(
          `SELECT x.title_vi AS title FROM notice x JOIN notice_email e ON e.notice_id = x.id WHERE x.subject_id = $1`,
          [p],
        )
      ).map((r: { title: string }) => r.title);
      // every notice of the user (admission, then this change) e-mailed once, the notice's title as the subject
      expect(mails.map((m) => subjectOf(m.data)).sort()).toEqual([...titles].sort());
      expect(titles).toContain('Hồ sơ của bạn: Thông tin hồ sơ đảng viên được cập nhật');
      const rows = await h.ds.query(
        `SELECT e.status, e.tries FROM notice_email e JOIN notice x ON x.id = e.notice_id WHERE x.subject_id = $1`,
        [p],
      );
      for (const row of rows) expect(row).toMatchObject({ status: 'SENT', tries: 1 });
    });
  });
});
