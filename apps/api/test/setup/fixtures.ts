import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';
import type { Gql, Harness } from './harness';
import { uniq } from './harness';

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id code } }`;
const CREATE_MEMBER = `mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }`;

let natSerial = Math.floor(Math.random() * 900000);
export const nationalId = (): string =>
  `0790${String(Date.now() % 100).padStart(2, '0')}${String(natSerial++ % 1000000).padStart(6, '0')}`;

/**
 * A small tree: root R with committees A and B; A → grassroots committee GA → cells a1 (3 members), a2 (1);
 * B → grassroots committee GB → cell b1 (1). Established 2015-01-01.
 */
export const buildTree = async (gql: Gql, token: string) => {
  const p = uniq('T');
  const org = async (code: string, name: string, kind: string, parentId?: string) => {
    const res = await gql(
      CREATE_ORG,
      { i: { code: `${p}.${code}`, name, kind, parentId, establishedOn: '2015-01-01' } },
      token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createOrganisation.id as string;
  };
  const R = await org('R', 'Đảng bộ thử nghiệm', 'COMMITTEE');
  const A = await org('A', 'Đảng ủy A', 'COMMITTEE', R);
  const B = await org('B', 'Đảng ủy B', 'COMMITTEE', R);
  const GA = await org('GA', 'Đảng bộ cơ sở A', 'GRASSROOTS_COMMITTEE', A);
  const GB = await org('GB', 'Đảng bộ cơ sở B', 'GRASSROOTS_COMMITTEE', B);
  const a1 = await org('a1', 'Chi bộ Văn phòng', 'SUBORDINATE_CELL', GA);
  const a2 = await org('a2', 'Chi bộ Kế toán', 'SUBORDINATE_CELL', GA);
  const b1 = await org('b1', 'Chi bộ Kỹ thuật', 'SUBORDINATE_CELL', GB);
  const member = async (organisationId: string, fullName: string, extra: Record<string, unknown> = {}) => {
    const res = await gql(
      CREATE_MEMBER,
      {
        i: {
          organisationId,
          fullName,
          birthDate: '1985-03-04',
          gender: 'MALE',
          nationalId: nationalId(),
          admissionDecisionDate: '2010-05-01',
          ceremonyDate: '2010-05-19',
          fullMembershipDate: '2011-05-19',
          joinedOn: '2015-01-01',
          ...extra,
        },
      },
      token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createMember.id as string;
  };
  const m1 = await member(a1, 'Nguyễn Văn An');
  const m2 = await member(a1, 'Trần Thị Hường', { gender: 'FEMALE' });
  const m3 = await member(a1, 'Lê Đức Thắng');
  const m4 = await member(a2, 'Phạm Minh Tuấn');
  const m5 = await member(b1, 'Đặng Quốc Việt');
  return { prefix: p, R, A, B, GA, GB, a1, a2, b1, m1, m2, m3, m4, m5, member, org };
};

/** One tree's records of every kind (for tree A: committee A, grassroots GA, cell a1 with member m1; tree B likewise). */
export type Side = {
  X: string;
  G: string;
  cell: string;
  cell2: string;
  member: string;
  meeting: string;
  doc: string;
  addDoc: () => Promise<string>;
  candidate: string;
  seat: string;
  plan: string;
  inspection: string;
  round: string;
  rating: string;
  assignment: string;
  visit: string;
  user: string;
  grant: string;
  token: string;
  visitorToken: string;
  /** A webhook subscription on `cell` (public documentation address, never called) and one delivery of it. */
  webhook: string;
  addWebhook: () => Promise<string>;
  webhookDelivery: string;
  /** A new dues payment of `member` for January 2026 (each call adds one). */
  addDuesPayment: () => Promise<string>;
};

/**
 * The same kinds of records in one tree (used by the scope matrix and the rule violations suite): a visitor assigned to
 * `cell` from 2026-01-01 and its access token; a held meeting of 2026-03-12 with `member` present, scored by the
 * visitor; a meeting of 2026-04-09 with a document; a candidate; `member` secretary of `cell` from 2025-01-01; an
 * inspection plan and a planned supervision of `member`; a 2026 rating round of `G` with `member` self-assessed and
 * proposed HTTNV; a past 2024 rating of `member`; a grant and a read token on `X`.
 */
export const buildSide = async (
  h: Harness,
  admin: string,
  ids: { X: string; G: string; cell: string; cell2: string; member: string },
): Promise<Side> => {
  const { X, G, cell, cell2, member } = ids;
  const ok = async (query: string, variables: Record<string, unknown>, token = admin) => {
    const res = await h.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const users = h.app.get(AdminService);
  const signIn = async (username: string) =>
    (
      await ok(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
        i: { username, password: 'matrix-pass-1' },
      })
    ).signIn.accessToken as string;
  const visitor = await users.createUser(cliCaller(), {
    username: uniq('visitor.').toLowerCase(),
    displayName: `Ủy viên ${X.slice(0, 4)}`,
    password: 'matrix-pass-1',
  });
  const assignment = (
    await ok(`mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`, {
      i: { visitorUserId: visitor.id, cellId: cell, from: '2026-01-01', requiredPerYear: 6 },
    })
  ).assignVisitor.id;
  const meeting = (
    await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
      i: {
        organisationId: cell,
        kind: 'REGULAR',
        title: 'Sinh hoạt tháng 3',
        date: '2026-03-12',
        chairMemberId: member,
        minuteTakerMemberId: member,
      },
    })
  ).createMeeting.id;
  await ok(`mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id } }`, {
    id: meeting,
    i: {
      minutes: 'Biên bản',
      resolution: 'Nghị quyết',
      votesFor: 1,
      actualStart: '14:00',
      actualEnd: '15:45',
      attendance: [{ memberId: member, status: 'PRESENT' }],
    },
  });
  const visitorToken = await signIn(visitor.username);
  const visit = (
    await ok(
      `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`,
      { i: { meetingId: meeting, attended: true, guidance: 'Cần đổi mới' } },
      visitorToken,
    )
  ).recordVisit.id;
  // Documents sit on a meeting of their own, which the matrix's writes on \`meeting\` (close, cancel...) leave open.
  const docMeeting = (
    await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
      i: { organisationId: cell, kind: 'REGULAR', title: 'Sinh hoạt tháng 4', date: '2026-04-09' },
    })
  ).createMeeting.id;
  const addDoc = async () =>
    (
      await ok(
        `mutation($m: ID!, $i: AddMeetingDocumentInput!) { addMeetingDocument(meetingId: $m, input: $i) { id } }`,
        { m: docMeeting, i: { name: 'Báo cáo.txt', contentBase64: Buffer.from('Báo cáo đề dẫn').toString('base64') } },
      )
    ).addMeetingDocument.id as string;
  const doc = await addDoc();
  const candidate = (
    await ok(`mutation($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }`, {
      i: { organisationId: cell, fullName: 'Quần Chúng Ưu Tú', promisingOn: '2026-01-05' },
    })
  ).createCandidate.id;
  const seat = (
    await ok(`mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`, {
      i: { organisationId: cell, memberId: member, role: 'SECRETARY', from: '2025-01-01' },
    })
  ).assignCommitteeSeat.id;
  const plan = (
    await ok(`mutation($i: CreateInspectionPlanInput!) { createInspectionPlan(input: $i) { id } }`, {
      i: { organisationId: cell, year: 2026, content: 'Nội dung', purpose: 'Mục đích', subjectMemberIds: [member] },
    })
  ).createInspectionPlan.id;
  const inspection = (
    await ok(`mutation($i: PlanInspectionInput!) { planInspection(input: $i) { id } }`, {
      i: {
        organisationId: cell,
        body: 'CELL',
        type: 'REGULAR_SUPERVISION',
        title: 'Giám sát thường xuyên',
        plannedFrom: '2026-09-01',
        subjectMemberIds: [member],
        planId: plan,
      },
    })
  ).planInspection.id;
  const round = (
    await ok(`mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id } }`, {
      i: {
        organisationId: G,
        year: 2026,
        selfAssessmentDue: '2026-11-30',
        proposalDue: '2026-12-10',
        decisionDue: '2026-12-20',
      },
    })
  ).openRatingRound.id;
  const rating = (
    await ok(`mutation($i: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $i) { id } }`, {
      i: {
        roundId: round,
        memberId: member,
        generalPoints: 25,
        taskPoints: 60,
        tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 0 },
      },
    })
  ).submitSelfAssessment.id;
  await ok(`mutation($i: ProposeRatingInput!) { proposeRating(input: $i) { rating { id } } }`, {
    i: { ratingId: rating, level: 'HTTNV' },
  });
  await ok(`mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id } }`, {
    i: { memberId: member, year: 2024, scheme: 'QD366_2025', rawLabel: 'Hoàn thành tốt nhiệm vụ', level: 'HTTNV' },
  });
  const grant = (
    await ok(`mutation($i: AddGrantInput!) { addGrant(input: $i) { id } }`, {
      i: { userId: visitor.id, role: 'MEMBER', memberId: member },
    })
  ).addGrant.id;
  await ok(`mutation($id: ID!) { removeGrant(id: $id) }`, { id: grant });
  const grant2 = (
    await ok(`mutation($i: AddGrantInput!) { addGrant(input: $i) { id } }`, {
      i: {
        userId: (
          await users.createUser(cliCaller(), {
            username: uniq('g.').toLowerCase(),
            displayName: 'Người dùng',
            password: 'matrix-pass-1',
          })
        ).id,
        role: 'COMMITTEE_READ',
        organisationId: X,
      },
    })
  ).addGrant.id;
  const token = (
    await ok(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token { id } } }`, {
      i: { name: uniq('tok'), organisationId: X, access: 'READ' },
    })
  ).createApiToken.token.id;
  const addWebhook = async () =>
    (
      await ok(
        `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`,
        {
          i: { organisationId: cell, targetUrl: 'https://203.0.113.10/hook', eventTypes: ['meeting.planned'] },
        },
      )
    ).createWebhookSubscription.subscription.id as string;
  const webhook = await addWebhook();
  const [{ id: webhookDelivery }] = await h.ds.query(
    `INSERT INTO webhook_delivery (subscription_id, event_id, event_txid, event_type, event_occurred_at, subject_key)
       SELECT $1, e.id, e.txid, e.type, e.occurred_at, 'matrix' FROM domain_event e WHERE e.organisation_id = $2 ORDER BY e.id DESC LIMIT 1 RETURNING id`,
    [webhook, cell],
  );
  const addDuesPayment = async () =>
    (
      await ok(`mutation($i: RecordDuesPaymentInput!) { recordDuesPayment(input: $i) { id } }`, {
        i: { memberId: member, month: '2026-01', amount: 5_000, paidOn: '2026-01-10', channel: 'CASH' },
      })
    ).recordDuesPayment.id as string;
  return {
    X,
    G,
    cell,
    cell2,
    member,
    meeting,
    doc,
    addDoc,
    candidate,
    seat,
    plan,
    inspection,
    round,
    rating,
    assignment,
    visit,
    user: visitor.id,
    grant: grant2,
    token,
    visitorToken,
    webhook,
    addWebhook,
    webhookDelivery,
    addDuesPayment,
  };
};

/**
 * The schema objects of these tables as a bulk load must leave them: every index's and constraint's definition with
 * its validity, and every trigger with its enabled state. Two snapshots around a load compare what it dropped and
 * turned off with what it put back.
 */
export const tableCatalog = (ds: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, tables: string[]) =>
  ds.query(
    `SELECT 'index' AS kind, c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ANY($1::regclass[])
     UNION ALL
     SELECT 'constraint', conname, pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END
       FROM pg_constraint WHERE conrelid = ANY($1::regclass[])
     UNION ALL
     SELECT 'trigger', tgname, tgrelid::regclass::text || ' ' || tgenabled::text FROM pg_trigger WHERE tgrelid = ANY($1::regclass[]) AND NOT tgisinternal
     ORDER BY 1, 2, 3`,
    [tables],
  ) as Promise<{ kind: string; name: string; def: string }[]>;
