import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, addMonths } from '@chibo/domain';
import { cliCaller } from '../../src/cli/context';
import { today } from '../../src/database/sql';
import { MemberImportService } from '../../src/modules/member/member-import.service';
import { NoticeJob } from '../../src/modules/notice/notice.job';
import { WebhookWorker } from '../../src/modules/webhook/webhook.worker';
import { bootApp, uniq, type Harness } from '../setup/harness';
import { buildSide, buildTree, nationalId } from '../setup/fixtures';

// Issue 14, "Done when": a local receiver gets signed, scoped, retried deliveries for every listed event. One
// subscription on committee A to every event type the issue lists; each is made by its real write path (GraphQL
// mutations, the member import service, the notice job for what time makes happen); the receiver on 127.0.0.1 answers
// 500 to the first attempt of every delivery and 200 to the next. Writes in committee B go on meanwhile.
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
process.env.WEBHOOK_RETRY_BASE_MS = '40';
process.env.WEBHOOK_TIMEOUT_MS = '2000';
process.env.WEBHOOK_MAX_ATTEMPTS = '3';
process.env.WEBHOOK_POLL_MS = '0';

/** The events issue 14 §1 lists, by their type names (docs/graphql.md#change-feed). */
const LISTED = [
  'member.admitted',
  'member.recognised_full',
  'member.transfer_internal',
  'member.disciplined',
  'organisation.created',
  'organisation.moved',
  'organisation.merged',
  'organisation.split',
  'organisation.dissolved',
  'meeting.planned',
  'meeting.published',
  'meeting.closed',
  'meeting.amended',
  'visit.recorded',
  'inspection.concluded',
  'rating.proposed',
  'rating.decided',
  'rating.round_announced',
  'alert.raised',
  'alert.cleared',
  'import.finished',
];

type Got = {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  deliveryId: string;
  event: { type: string; organisationId: string | null; subjectId: string; payload: Record<string, unknown> };
};

describe('webhooks: every listed event reaches a local receiver, signed, scoped and retried', () => {
  let h: Harness;
  let admin: string;
  let server: Server;
  const got: Got[] = [];
  const attempts = new Map<string, number>();

  const ok = async <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token = admin,
  ): Promise<T> => {
    const res = await h.gql<T>(query, variables, token);
    if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
    return res.data;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const parsed = JSON.parse(body);
        const nth = (attempts.get(parsed.deliveryId) ?? 0) + 1;
        attempts.set(parsed.deliveryId, nth);
        const status = nth === 1 ? 500 : 200;
        got.push({ status, headers: req.headers, body, deliveryId: parsed.deliveryId, event: parsed.event });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
  });
  afterAll(async () => {
    await h.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('delivers each listed event type of the subtree, signed, after a retry; nothing of another subtree', async () => {
    const t = await buildTree(h.gql, admin);
    const d = today();
    const port = (server.address() as AddressInfo).port;
    const created = (
      await ok(
        `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret subscription { id } } }`,
        {
          i: { organisationId: t.A, targetUrl: `http://127.0.0.1:${port}/chibo`, eventTypes: LISTED },
        },
      )
    ).createWebhookSubscription;
    const secret = created.secret as string;

    // meetings, visits, inspections, ratings: the shared fixture (a held meeting scored-less visit, a proposed rating…)
    const side = await buildSide(h, admin, { X: t.A, G: t.GA, cell: t.a1, cell2: t.a2, member: t.m1 });
    const sheet = (await ok(`query($id: ID!) { policy(organisationId: $id) }`, { id: t.a1 })).policy.scoreSheet as {
      criteria: { code: string; maxPoints: number }[];
    };
    await ok(
      `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`,
      { i: { meetingId: side.meeting, scores: Object.fromEntries(sheet.criteria.map((c) => [c.code, c.maxPoints])) } },
      side.visitorToken,
    );
    await ok(`mutation($id: ID!) { closeMeeting(id: $id) { id } }`, { id: side.meeting });
    await ok(
      `mutation($id: ID!, $r: String!, $i: MeetingRecordInput!) { amendMeeting(id: $id, reason: $r, input: $i) { id } }`,
      { id: side.meeting, r: 'Ghi sót ý kiến', i: { minutes: 'Biên bản đã bổ sung' } },
    );
    await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
      i: { organisationId: t.a1, kind: 'REGULAR', title: 'Sinh hoạt sắp tới', date: addDays(d, 1) },
    });
    await ok(`mutation($id: ID!, $i: StartInspectionInput!) { startInspection(id: $id, input: $i) { id } }`, {
      id: side.inspection,
      i: { startedOn: '2026-09-01' },
    });
    await ok(`mutation($id: ID!, $i: ConcludeInspectionInput!) { concludeInspection(id: $id, input: $i) { id } }`, {
      id: side.inspection,
      i: { concludedOn: '2026-09-20', conclusion: 'Chấp hành tốt' },
    });
    await ok(`mutation($i: DecideRatingInput!) { decideRating(input: $i) { id } }`, {
      i: { ratingId: side.rating, level: 'HTTNV' },
    });
    // a round of a small grassroots committee of A, every subject rated and decided, then announced
    const g3 = await t.org(uniq('g3'), 'Đảng bộ cơ sở công bố', 'GRASSROOTS_COMMITTEE', t.A);
    const c4 = await t.org(uniq('c4'), 'Chi bộ công bố', 'SUBORDINATE_CELL', g3);
    const rated = await t.member(c4, 'Lê Văn Công');
    const round = (
      await ok(`mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id } }`, {
        i: {
          organisationId: g3,
          year: 2026,
          selfAssessmentDue: '2026-11-30',
          proposalDue: '2026-12-10',
          decisionDue: '2026-12-20',
        },
      })
    ).openRatingRound.id as string;
    for (const subject of [{ memberId: rated }, { organisationId: c4 }, { organisationId: g3 }]) {
      const self = (
        await ok(`mutation($i: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $i) { id computedLevel } }`, {
          i: {
            roundId: round,
            ...subject,
            generalPoints: 22,
            taskPoints: 50,
            tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 0 },
          },
        })
      ).submitSelfAssessment;
      await ok(`mutation($i: ProposeRatingInput!) { proposeRating(input: $i) { rating { id } } }`, {
        i: { ratingId: self.id, level: self.computedLevel },
      });
      await ok(`mutation($i: DecideRatingInput!) { decideRating(input: $i) { id } }`, {
        i: { ratingId: self.id, level: self.computedLevel },
      });
    }
    await ok(`mutation($id: ID!) { announceRatingRound(id: $id) { id } }`, { id: round });

    // members: a probationary member past its probation (an alert raised), then recognised (cleared)
    const ceremony = addDays(addMonths(d, -12), -3);
    const probationer = await t.member(t.a1, 'Đinh Thị Hạnh', {
      admissionDecisionDate: addDays(ceremony, -10),
      ceremonyDate: ceremony,
      fullMembershipDate: null,
    });
    await h.app.get(NoticeJob).runOnce();
    await ok(`mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`, {
      i: { memberId: probationer, type: 'RECOGNISED_FULL' },
    });
    await h.app.get(NoticeJob).runOnce();
    await ok(`mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`, {
      i: { memberId: t.m2, type: 'TRANSFER_INTERNAL', toOrganisationId: t.a2, effectiveOn: d },
    });
    await ok(`mutation($i: RecordDisciplineInput!) { recordDiscipline(input: $i) { id } }`, {
      i: { memberId: t.m3, decidedOn: '2026-01-10', decidingBody: 'CELL', form: 'KHIEN_TRACH' },
    });

    // organisations
    const g2 = await t.org(uniq('g2'), 'Đảng bộ cơ sở A2', 'GRASSROOTS_COMMITTEE', t.A);
    const [c1, c2, c3] = [
      await t.org(uniq('c1'), 'Chi bộ Một', 'SUBORDINATE_CELL', t.GA),
      await t.org(uniq('c2'), 'Chi bộ Hai', 'SUBORDINATE_CELL', t.GA),
      await t.org(uniq('c3'), 'Chi bộ Ba', 'SUBORDINATE_CELL', t.GA),
    ];
    await ok(`mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`, {
      i: { id: c1, newParentId: g2, effectiveOn: '2026-01-05' },
    });
    await ok(`mutation($i: MergeOrganisationsInput!) { mergeOrganisations(input: $i) { id } }`, {
      i: { sourceIds: [c2], targetId: c3, effectiveOn: '2026-02-01' },
    });
    await ok(`mutation($i: SplitOrganisationInput!) { splitOrganisation(input: $i) { id } }`, {
      i: {
        id: c3,
        dissolveSource: false,
        effectiveOn: '2026-03-01',
        parts: [{ code: `${t.prefix}.${uniq('t')}`, name: 'Chi bộ tách', childIds: [], memberIds: [] }],
      },
    });
    await ok(`mutation($i: DissolveOrganisationInput!) { dissolveOrganisation(input: $i) { id } }`, {
      i: { id: c1, effectiveOn: '2026-04-01' },
    });

    // an import into cell a1
    await h.app.get(MemberImportService).importMembers(
      cliCaller(),
      [
        {
          organisationCode: `${t.prefix}.a1`,
          fullName: 'Nhập Văn Một',
          gender: 'Nam',
          nationalId: nationalId(),
          birthDate: '1990-01-02',
          admissionDecisionDate: '2020-03-01',
          ceremonyDate: '2020-03-20',
        },
      ],
      { source: { name: 'mot-dong.csv', sha256: 'cd'.repeat(32) } },
    );

    // meanwhile in committee B: nothing of it may reach A's subscription
    const outside = [t.B, t.GB, t.b1, t.R];
    await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
      i: { organisationId: t.b1, kind: 'REGULAR', title: 'Sinh hoạt B', date: addDays(d, 1) },
    });
    await t.member(t.b1, 'Ngoài Phạm Vi', {
      admissionDecisionDate: addDays(ceremony, -10),
      ceremonyDate: ceremony,
      fullMembershipDate: null,
    });
    await ok(`mutation($i: RecordDisciplineInput!) { recordDiscipline(input: $i) { id } }`, {
      i: { memberId: t.m5, decidedOn: '2026-01-10', decidingBody: 'CELL', form: 'KHIEN_TRACH' },
    });
    await h.app.get(NoticeJob).runOnce();

    const delivered = () => new Set(got.filter((g) => g.status === 200).map((g) => g.event.type));
    for (let i = 0; i < 300 && !LISTED.every((type) => delivered().has(type)); i++) {
      await h.app.get(WebhookWorker).runOnce();
      await new Promise((r) => setTimeout(r, 100));
    }
    await h.app.get(WebhookWorker).runOnce();
    expect(LISTED.filter((type) => !delivered().has(type))).toEqual([]);

    for (const g of got) {
      // signed: HMAC-SHA256 of timestamp + "." + body with the secret shown once
      const ts = g.headers['x-chibo-timestamp'] as string;
      expect(g.headers['x-chibo-signature']).toBe(
        `sha256=${createHmac('sha256', secret).update(`${ts}.${g.body}`).digest('hex')}`,
      );
      expect(g.headers['x-chibo-delivery']).toBe(g.deliveryId);
      expect(g.headers['x-chibo-event']).toBe(g.event.type);
      // scoped: nothing of committee B nor of the root above A
      expect(outside).not.toContain(g.event.organisationId);
    }
    // retried: every delivery answered 500 first and was delivered by its second attempt, with the same delivery id
    const ids = new Set(got.map((g) => g.deliveryId));
    for (const id of ids) {
      const tries = got.filter((g) => g.deliveryId === id);
      expect(tries.map((g) => [g.status, g.headers['x-chibo-attempt']])).toEqual([
        [500, '1'],
        [200, '2'],
      ]);
    }
    // at least once, not more: one 2xx per delivery, one delivery per event
    const events = got.filter((g) => g.status === 200).map((g) => JSON.parse(g.body).event.id as string);
    expect(new Set(events).size).toBe(events.length);
  }, 180_000);
});
