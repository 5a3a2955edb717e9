import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree, nationalId } from '../setup/fixtures';
import { AdminService } from '../../src/modules/auth/admin.service';
import { cliCaller } from '../../src/cli/context';

// Every rule is a guard on each write that can break it, and the role and scope holes are closed (issue 9 §1, §2).
// Each violation answers a stable reason and changes nothing: the record re-read is the same and the audit log has
// no new row.
jest.setTimeout(120_000);

describe('rules enforced on writes; role and scope holes', () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const tokens = {} as Record<
    'admin' | 'memberM1' | 'memberM3' | 'readA' | 'secretaryA1' | 'visitor' | 'writeGA',
    string
  > &
    Record<string, string>; // filled in beforeAll
  let roundId: string;

  const audits = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;
  /** Runs `fn` and returns its answer, checking that the audit log did not grow. */
  const unchanged = async <T>(fn: () => Promise<T>): Promise<T> => {
    const before = await audits();
    const out = await fn();
    expect(await audits()).toBe(before);
    return out;
  };

  const DISCIPLINE = `mutation($i: RecordDisciplineInput!) { recordDiscipline(input: $i) { id } }`;
  const SELF = `mutation($i: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $i) { id computedLevel blockReasons } }`;
  const PROPOSE = `mutation($i: ProposeRatingInput!) { proposeRating(input: $i) { rating { id proposedLevel computedLevel blockReasons } } }`;
  const DECIDE = `mutation($i: DecideRatingInput!) { decideRating(input: $i) { id decidedLevel } }`;
  const RATING = `query($id: ID!) { rating(id: $id) { id stage computedLevel blockReasons proposedLevel decidedLevel proposerId deciderId quotaGroupId } }`;
  const EVENT = `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id status fullMembershipDate } }`;
  const MEMBER = `query($id: ID!) { member(id: $id) { id status fullMembershipDate } }`;
  const tasks = { assigned: 10, completed: 10, onTime: 10, exceeded: 4 };

  beforeAll(async () => {
    h = await bootApp();
    tokens.admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, tokens.admin);
    tokens.writeGA = await h.userWith('COMMITTEE_WRITE', { organisationId: t.GA });
    tokens.readA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    tokens.secretaryA1 = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    tokens.memberM1 = await h.userWith('MEMBER', { memberId: t.m1 });
    tokens.memberM3 = await h.userWith('MEMBER', { memberId: t.m3 });
    const open = await h.gql(
      `mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id } }`,
      {
        i: {
          organisationId: t.GA,
          year: 2025,
          selfAssessmentDue: '2025-11-30',
          proposalDue: '2025-12-10',
          decisionDue: '2025-12-20',
        },
      },
      tokens.writeGA,
    );
    expect(open.errors).toBeUndefined();
    roundId = open.data.openRatingRound.id;
  });
  afterAll(() => h.close());

  // ------------------------------------------------------------------ §1 rules a write could break

  it('§1.1 a member disciplined in the year cannot be proposed or decided above the cap (RATING_LEVEL_ABOVE_CAP, naming cap and cause)', async () => {
    expect(
      (
        await h.gql(
          DISCIPLINE,
          { i: { memberId: t.m1, form: 'KHIEN_TRACH', decidingBody: 'CELL', decidedOn: '2025-05-10' } },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    const self = await h.gql(
      SELF,
      { i: { roundId, memberId: t.m1, generalPoints: 28, taskPoints: 67, tasks } },
      tokens.memberM1,
    );
    expect(self.data.submitSelfAssessment).toMatchObject({ computedLevel: 'KHTNV', blockReasons: ['OWN_DISCIPLINE'] });
    const ratingId = self.data.submitSelfAssessment.id;

    const proposed = await unchanged(() => h.gql(PROPOSE, { i: { ratingId, level: 'HTXSNV' } }, tokens.secretaryA1));
    expect(errorOf(proposed)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RATING_LEVEL_ABOVE_CAP',
      fields: [{ field: 'level', reason: 'RATING_LEVEL_ABOVE_CAP' }],
    });
    expect(proposed.errors?.[0]?.message).toContain('KHTNV');
    expect(proposed.errors?.[0]?.message).toContain('OWN_DISCIPLINE');
    expect((await h.gql(RATING, { id: ratingId }, tokens.admin)).data.rating).toMatchObject({
      stage: 'SELF_ASSESSED',
      proposedLevel: null,
    });

    // At the cap: accepted; the decision above it is refused the same way, with or without a reason.
    expect((await h.gql(PROPOSE, { i: { ratingId, level: 'KHTNV' } }, tokens.secretaryA1)).errors).toBeUndefined();
    const decided = await unchanged(() =>
      h.gql(
        DECIDE,
        { i: { ratingId, level: 'HTXSNV', reason: 'Tiêu biểu', quotaOverrideReason: 'x' } },
        tokens.writeGA,
      ),
    );
    expect(errorOf(decided)).toMatchObject({ reason: 'RATING_LEVEL_ABOVE_CAP', fields: [{ field: 'level' }] });
    expect((await h.gql(RATING, { id: ratingId }, tokens.admin)).data.rating).toMatchObject({
      stage: 'PROPOSED',
      decidedLevel: null,
    });
    expect((await h.gql(DECIDE, { i: { ratingId, level: 'KHTNV' } }, tokens.writeGA)).data.decideRating).toMatchObject({
      decidedLevel: 'KHTNV',
    });
  });

  it('§1.2 a discipline recorded after the self-assessment refreshes the computed level and caps the proposal and decision', async () => {
    const self = await h.gql(
      SELF,
      { i: { roundId, memberId: t.m2, generalPoints: 28, taskPoints: 67, tasks } },
      tokens.secretaryA1,
    );
    expect(self.data.submitSelfAssessment).toMatchObject({ computedLevel: 'HTXSNV', blockReasons: [] });
    const ratingId = self.data.submitSelfAssessment.id;
    expect(
      (
        await h.gql(
          DISCIPLINE,
          { i: { memberId: t.m2, form: 'KHIEN_TRACH', decidingBody: 'CELL', decidedOn: '2025-11-20' } },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    // Shown fresh on read.
    expect((await h.gql(RATING, { id: ratingId }, tokens.admin)).data.rating).toMatchObject({
      computedLevel: 'KHTNV',
      blockReasons: ['OWN_DISCIPLINE'],
    });
    const proposed = await unchanged(() => h.gql(PROPOSE, { i: { ratingId, level: 'HTXSNV' } }, tokens.secretaryA1));
    expect(errorOf(proposed)?.reason).toBe('RATING_LEVEL_ABOVE_CAP');
    expect((await h.gql(RATING, { id: ratingId }, tokens.admin)).data.rating).toMatchObject({ proposedLevel: null });
  });

  it('§1.2 the cap is read at decision time: a discipline recorded after the proposal refuses the decision', async () => {
    const self = await h.gql(
      SELF,
      { i: { roundId, memberId: t.m3, generalPoints: 28, taskPoints: 67, tasks } },
      tokens.secretaryA1,
    );
    const ratingId = self.data.submitSelfAssessment.id;
    expect((await h.gql(PROPOSE, { i: { ratingId, level: 'HTXSNV' } }, tokens.secretaryA1)).errors).toBeUndefined();
    // Written straight into the table (as an import or a late correction could): nothing refreshed the rating.
    await h.ds.query(
      `INSERT INTO discipline (member_id, form, deciding_body, decided_on) VALUES ($1, 'KHIEN_TRACH', 'CELL', '2025-12-01')`,
      [t.m3],
    );
    const decided = await unchanged(() =>
      h.gql(DECIDE, { i: { ratingId, level: 'HTXSNV', quotaOverrideReason: 'Tiêu biểu' } }, tokens.writeGA),
    );
    expect(errorOf(decided)).toMatchObject({ reason: 'RATING_LEVEL_ABOVE_CAP', fields: [{ field: 'level' }] });
    expect((await h.gql(RATING, { id: ratingId }, tokens.admin)).data.rating).toMatchObject({
      proposedLevel: 'HTXSNV',
      decidedLevel: null,
    });
  });

  it('§1.2 a collective: a member of its committee disciplined after its self-assessment caps it (LEADERSHIP_DISCIPLINE)', async () => {
    const seat = await h.gql(
      `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
      { i: { organisationId: t.a2, memberId: t.m4, role: 'SECRETARY', from: '2025-01-01' } },
      tokens.admin,
    );
    expect(seat.errors).toBeUndefined();
    const self = await h.gql(
      SELF,
      { i: { roundId, organisationId: t.a2, generalPoints: 28, taskPoints: 67, tasks } },
      tokens.writeGA,
    );
    expect(self.data.submitSelfAssessment).toMatchObject({ computedLevel: 'HTXSNV', blockReasons: [] });
    const ratingId = self.data.submitSelfAssessment.id;
    expect(
      (
        await h.gql(
          DISCIPLINE,
          { i: { memberId: t.m4, form: 'CANH_CAO', decidingBody: 'CELL', decidedOn: '2025-10-01' } },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    expect((await h.gql(RATING, { id: ratingId }, tokens.admin)).data.rating).toMatchObject({
      computedLevel: 'KHTNV',
      blockReasons: ['LEADERSHIP_DISCIPLINE'],
    });
    const proposed = await unchanged(() => h.gql(PROPOSE, { i: { ratingId, level: 'HTTNV' } }, tokens.writeGA));
    expect(errorOf(proposed)).toMatchObject({ reason: 'RATING_LEVEL_ABOVE_CAP', fields: [{ field: 'level' }] });
    expect(proposed.errors?.[0]?.message).toContain('LEADERSHIP_DISCIPLINE');
  });

  it('§1.3 recognition effective before the end of probation is refused (RECOGNITION_BEFORE_PROBATION_END)', async () => {
    const id = await t.member(t.a1, 'Vũ Thị Dự Bị', {
      admissionDecisionDate: '2026-05-20',
      ceremonyDate: '2026-06-01',
      fullMembershipDate: undefined,
      joinedOn: '2026-06-01',
    });
    const res = await unchanged(() =>
      h.gql(EVENT, { i: { memberId: id, type: 'RECOGNISED_FULL', effectiveOn: '2026-12-01' } }, tokens.admin),
    );
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RECOGNITION_BEFORE_PROBATION_END',
      fields: [{ field: 'effectiveOn' }],
    });
    expect(res.errors?.[0]?.message).toContain('2027-06-01');
    expect((await h.gql(MEMBER, { id }, tokens.admin)).data.member).toMatchObject({
      status: 'PROBATIONARY',
      fullMembershipDate: null,
    });
    expect(
      await h.ds.query(`SELECT 1 FROM member_event WHERE member_id = $1 AND type = 'RECOGNISED_FULL'`, [id]),
    ).toHaveLength(0);
    // Without a date it would default to the end of probation, which is still ahead: the probation rule is the one broken.
    const dflt = await unchanged(() => h.gql(EVENT, { i: { memberId: id, type: 'RECOGNISED_FULL' } }, tokens.admin));
    expect(errorOf(dflt)).toMatchObject({
      reason: 'RECOGNITION_BEFORE_PROBATION_END',
      fields: [{ field: 'effectiveOn' }],
    });
  });

  it('§1.4 dates of facts cannot lie after today (DATE_IN_FUTURE, the field named); a planned meeting may', async () => {
    const name = 'Người Tương Lai';
    const created = await unchanged(() =>
      h.gql(
        `mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }`,
        {
          i: {
            organisationId: t.a1,
            fullName: name,
            birthDate: '1990-01-01',
            gender: 'MALE',
            nationalId: nationalId(),
            admissionDecisionDate: '2099-01-01',
            ceremonyDate: '2099-01-10',
          },
        },
        tokens.admin,
      ),
    );
    expect(errorOf(created)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE' });
    expect(errorOf(created)?.fields.map((f: { field: string; reason: string }) => [f.field, f.reason])).toEqual([
      ['admissionDecisionDate', 'DATE_IN_FUTURE'],
      ['ceremonyDate', 'DATE_IN_FUTURE'],
    ]);
    expect(await h.ds.query(`SELECT 1 FROM member WHERE full_name = $1`, [name])).toHaveLength(0);

    const disc = await unchanged(() =>
      h.gql(
        DISCIPLINE,
        { i: { memberId: t.m5, form: 'KHIEN_TRACH', decidingBody: 'CELL', decidedOn: '2099-01-01' } },
        tokens.admin,
      ),
    );
    expect(errorOf(disc)).toMatchObject({
      reason: 'DATE_IN_FUTURE',
      fields: [{ field: 'decidedOn', reason: 'DATE_IN_FUTURE' }],
    });
    expect(await h.ds.query(`SELECT 1 FROM discipline WHERE member_id = $1`, [t.m5])).toHaveLength(0);
    expect(
      await h.ds.query(`SELECT 1 FROM member_event WHERE member_id = $1 AND type = 'DISCIPLINED'`, [t.m5]),
    ).toHaveLength(0);

    const ev = await unchanged(() =>
      h.gql(
        EVENT,
        { i: { memberId: t.m4, type: 'EXEMPTED', reason: 'TEMPORARY', effectiveOn: '2099-01-01' } },
        tokens.admin,
      ),
    );
    expect(errorOf(ev)).toMatchObject({ reason: 'DATE_IN_FUTURE', fields: [{ field: 'effectiveOn' }] });

    const cand = await unchanged(() =>
      h.gql(
        `mutation($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }`,
        { i: { organisationId: t.a1, fullName: 'Quần chúng', promisingOn: '2099-01-01' } },
        tokens.admin,
      ),
    );
    expect(errorOf(cand)).toMatchObject({ reason: 'DATE_IN_FUTURE', fields: [{ field: 'promisingOn' }] });

    // A meeting planned ahead is fine.
    const planned = await h.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id date } }`,
      { i: { organisationId: t.a1, kind: 'REGULAR', title: 'Sinh hoạt', date: '2099-01-12' } },
      tokens.admin,
    );
    expect(planned.errors).toBeUndefined();
  });

  it('§1.5 moveOrganisation to a parent that does not exist names newParentId', async () => {
    const res = await unchanged(() =>
      h.gql(
        `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
        {
          i: { id: t.a1, newParentId: '6f1c1f7e-9a0b-4c1d-8e2f-3a4b5c6d7e8f', effectiveOn: '2026-01-01' },
        },
        tokens.admin,
      ),
    );
    expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'newParentId' }] });
    const moved = await unchanged(() =>
      h.gql(
        `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
        {
          i: { id: '6f1c1f7e-9a0b-4c1d-8e2f-3a4b5c6d7e8f', newParentId: t.GA, effectiveOn: '2026-01-01' },
        },
        tokens.admin,
      ),
    );
    expect(errorOf(moved)).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'id' }] });
  });

  // ------------------------------------------------------------------ §2 roles and scope

  it('§2.1 a member cannot record an official (past) rating for themselves', async () => {
    const input = { memberId: t.m1, year: 2017, scheme: 'QD132_2018', rawLabel: 'x', level: 'HTXSNV' };
    const res = await unchanged(() =>
      h.gql(
        `mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id stage } }`,
        { i: input },
        tokens.memberM1,
      ),
    );
    expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', fields: [{ field: 'memberId' }] });
    expect(await h.ds.query(`SELECT 1 FROM rating WHERE member_id = $1 AND year = 2017`, [t.m1])).toHaveLength(0);
  });

  it("§2.2 a member sees their own rating and the cell's figures, not the levels of the others", async () => {
    for (const m of [t.m1, t.m2, t.m3]) {
      const r = await h.gql(
        `mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id } }`,
        { i: { memberId: m, year: 2023, scheme: 'QD124_2023', rawLabel: 'Hoàn thành tốt nhiệm vụ', level: 'HTTNV' } },
        tokens.admin,
      );
      expect(r.errors).toBeUndefined();
    }
    const ROWS = `query($i: RatingFigureRowsInput!) { ratingFigureRows(input: $i) { total items { memberId name level } } }`;
    const mine = await h.gql(ROWS, { i: { organisationId: t.a1, subjectKind: 'MEMBER', year: 2023 } }, tokens.memberM3);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.ratingFigureRows).toMatchObject({ total: 1, items: [{ memberId: t.m3, level: 'HTTNV' }] });
    // The secretary sees all of them.
    expect(
      (await h.gql(ROWS, { i: { organisationId: t.a1, subjectKind: 'MEMBER', year: 2023 } }, tokens.secretaryA1)).data
        .ratingFigureRows.total,
    ).toBeGreaterThanOrEqual(3);
    // The cell's aggregate figures are fine.
    const figures = await h.gql(
      `query($i: RatingFiguresInput!) { ratingFigures(input: $i) { groups { subjectKind current { rated } } } }`,
      { i: { organisationId: t.a1, year: 2023 } },
      tokens.memberM3,
    );
    expect(
      figures.data.ratingFigures.groups.find((g: { subjectKind: string }) => g.subjectKind === 'MEMBER').current.rated,
    ).toBe(3);
    // Committee reports on visitors are for readers of the subtree.
    const coverage = await h.gql(
      `query($i: VisitCoverageInput!) { visitCoverage(input: $i) { assignmentCount } }`,
      { i: { organisationId: t.a1, year: 2026 } },
      tokens.memberM3,
    );
    expect(errorOf(coverage)).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'organisationId' }] });
    const report = await h.gql(
      `query($i: VisitReportInput!) { visitReport(input: $i) { month } }`,
      { i: { organisationId: t.a1, month: '2026-03' } },
      tokens.memberM3,
    );
    expect(errorOf(report)).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'organisationId' }] });
  });

  it("§2.2 a member does not see the visitors' records and scores of their cell's meetings", async () => {
    const users = h.app.get(AdminService);
    const stamp = Date.now().toString(36);
    const visitor = await users.createUser(cliCaller(), {
      username: `rv.${stamp}`,
      displayName: 'Ủy viên theo dõi',
      password: 'visitor-pass-1',
    });
    await users.addGrant(cliCaller(), { userId: visitor.id, role: 'COMMITTEE_READ', organisationId: t.A });
    const signIn = await h.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { username: `rv.${stamp}`, password: 'visitor-pass-1' },
    });
    tokens.visitor = signIn.data.signIn.accessToken;
    expect(
      (
        await h.gql(
          `mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`,
          { i: { visitorUserId: visitor.id, cellId: t.a1, from: '2026-01-01', requiredPerYear: 6 } },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    const created = await h.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      { i: { organisationId: t.a1, kind: 'REGULAR', title: 'Sinh hoạt tháng 11', date: '2026-11-12' } },
      tokens.admin,
    );
    const meetingId = created.data.createMeeting.id;
    await h.gql(
      `mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id } }`,
      { id: meetingId, i: { minutes: 'Biên bản', resolution: 'Nghị quyết', actualStart: '14:00', actualEnd: '15:45' } },
      tokens.admin,
    );
    expect(
      (
        await h.gql(
          `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`,
          { i: { meetingId, attended: true } },
          tokens.visitor,
        )
      ).errors,
    ).toBeUndefined();
    const VISITS = `query($id: ID!) { meeting(id: $id) { id visitRecords { visitorName total } } }`;
    expect((await h.gql(VISITS, { id: meetingId }, tokens.secretaryA1)).data.meeting.visitRecords).toHaveLength(1);
    const asMember = await h.gql(VISITS, { id: meetingId }, tokens.memberM3);
    expect(asMember.errors).toBeUndefined();
    expect(asMember.data.meeting.visitRecords).toEqual([]);
  });

  it('§2.3 only a visitor with an assignment in the month submits a visit report', async () => {
    const reports = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM visit_report`))[0].n as number;
    const before = await reports();
    for (const who of ['memberM1', 'readA', 'secretaryA1']) {
      const res = await unchanged(() => h.gql(`mutation { submitVisitReport(month: "2026-11") }`, {}, tokens[who]));
      expect([who, errorOf(res)]).toMatchObject([who, { code: 'FORBIDDEN', fields: [{ field: 'month' }] }]);
    }
    // Assigned from 2026-01-01: not for a month before that.
    expect(errorOf(await h.gql(`mutation { submitVisitReport(month: "2025-11") }`, {}, tokens.visitor))?.code).toBe(
      'FORBIDDEN',
    );
    expect(await reports()).toBe(before);
    expect(
      (await h.gql(`mutation { submitVisitReport(month: "2026-11") }`, {}, tokens.visitor)).data.submitVisitReport,
    ).toBe(true);
  });

  it('§2.4 "exists but out of scope" answers exactly like "does not exist" (candidates, committee seats)', async () => {
    const missing = '6f1c1f7e-9a0b-4c1d-8e2f-3a4b5c6d7e8f';
    const cand = await h.gql(
      `mutation($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }`,
      { i: { organisationId: t.b1, fullName: 'Quần chúng B', promisingOn: '2025-01-01' } },
      tokens.admin,
    );
    const candidateId = cand.data.createCandidate.id;
    const seat = await h.gql(
      `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
      { i: { organisationId: t.b1, memberId: t.m5, role: 'SECRETARY', from: '2025-01-01' } },
      tokens.admin,
    );
    expect(seat.errors).toBeUndefined();
    const seatId = seat.data.assignCommitteeSeat.id;
    const same = async (query: string, inside: Record<string, unknown>, outside: Record<string, unknown>) => {
      const a = await unchanged(() => h.gql(query, inside, tokens.secretaryA1));
      const b = await unchanged(() => h.gql(query, outside, tokens.secretaryA1));
      expect(errorOf(a)?.code).toBe('NOT_FOUND');
      expect({ message: a.errors?.[0]?.message, ext: errorOf(a) }).toEqual({
        message: b.errors?.[0]?.message,
        ext: errorOf(b),
      });
    };
    await same(
      `mutation($i: AdvanceCandidateInput!) { advanceCandidate(input: $i) { id } }`,
      { i: { id: candidateId, stage: 'SYMPATHISER', on: '2025-06-01' } },
      { i: { id: missing, stage: 'SYMPATHISER', on: '2025-06-01' } },
    );
    await same(
      `mutation($i: AdmitCandidateInput!) { admitCandidate(input: $i) { id } }`,
      { i: { id: candidateId, admissionDecisionDate: '2025-06-01', ceremonyDate: '2025-06-10' } },
      { i: { id: missing, admissionDecisionDate: '2025-06-01', ceremonyDate: '2025-06-10' } },
    );
    await same(
      `mutation($i: EndCommitteeSeatInput!) { endCommitteeSeat(input: $i) { id } }`,
      { i: { seatId, to: '2026-01-01' } },
      { i: { seatId: missing, to: '2026-01-01' } },
    );
    expect((await h.ds.query(`SELECT stage FROM candidate WHERE id = $1`, [candidateId]))[0].stage).toBe('PROMISING');
    expect((await h.ds.query(`SELECT valid_to FROM committee_seat WHERE id = $1`, [seatId]))[0].valid_to).toBeNull();
  });

  it("§2.5 ids of organisations outside the caller's scope are null", async () => {
    const org = await h.gql(
      `query($id: ID!) { organisation(id: $id) { id parentId history { type toParentId fromParentId } } }`,
      { id: t.a1 },
      tokens.secretaryA1,
    );
    expect(org.errors).toBeUndefined();
    expect(org.data.organisation.parentId).toBeNull();
    expect(org.data.organisation.history.map((x: { toParentId: string | null }) => x.toParentId)).toEqual(
      org.data.organisation.history.map(() => null),
    );
    // An administrator sees them.
    const full = await h.gql(
      `query($id: ID!) { organisation(id: $id) { history { toParentId } } }`,
      { id: t.a1 },
      tokens.admin,
    );
    expect(full.data.organisation.history[0].toParentId).toBe(t.GA);

    const [rating] = await h.ds.query(`SELECT id FROM rating WHERE member_id = $1 AND round_id = $2`, [t.m1, roundId]);
    const own = await h.gql(RATING, { id: rating.id }, tokens.memberM1);
    expect(own.data.rating).toMatchObject({ proposerId: t.a1, deciderId: null, quotaGroupId: null });
    expect((await h.gql(RATING, { id: rating.id }, tokens.writeGA)).data.rating).toMatchObject({
      deciderId: t.GA,
      quotaGroupId: t.GA,
    });

    const round = await h.gql(
      `query($id: ID!) { ratingRound(id: $id) { id organisationId } }`,
      { id: roundId },
      tokens.memberM1,
    );
    expect(round.data.ratingRound).toMatchObject({ id: roundId, organisationId: null });
    const rounds = await h.gql(`query { ratingRounds { id organisationId } }`, {}, tokens.secretaryA1);
    expect(rounds.data.ratingRounds.find((r: { id: string }) => r.id === roundId)).toMatchObject({
      organisationId: null,
    });

    const pending = await h.gql(
      `query($id: ID!) { ratingRoundPending(roundId: $id) { items { organisationId parentOrganisationId } } }`,
      { id: roundId },
      tokens.secretaryA1,
    );
    const cellRow = pending.data.ratingRoundPending.items.find(
      (i: { organisationId: string | null }) => i.organisationId === t.a1,
    );
    expect(cellRow).toMatchObject({ parentOrganisationId: null });
  });
  // ------------------------------------------------------------------ the rest of issue 9: every rule guarded

  const CREATE_MEMBER = `mutation($i: CreateMemberInput!) { createMember(input: $i) { id courseCompletedOn admissionAgeApproval fullMembershipDate } }`;
  const UPDATE_MEMBER = `mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id birthDate fullMembershipDate } }`;
  const HISTORY = `mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id decidedLevel overrideReason overriddenRules quotaGroupId } }`;
  const POLICY = `mutation($i: SetPolicyOverrideInput!) { setPolicyOverride(input: $i) }`;
  const memberInput = (extra: Record<string, unknown>) => ({
    organisationId: t.b1,
    fullName: 'Người Kết Nạp',
    birthDate: '1985-03-04',
    gender: 'MALE',
    nationalId: nationalId(),
    admissionDecisionDate: '2010-05-01',
    ceremonyDate: '2010-05-19',
    fullMembershipDate: '2011-05-19',
    joinedOn: '2015-01-01',
    ...extra,
  });
  const members = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM member`))[0].n as number;

  it('§1.3 createMember and updateMember refuse full membership before the end of probation (RECOGNITION_BEFORE_PROBATION_END)', async () => {
    const before = await members();
    const res = await unchanged(() =>
      h.gql(
        CREATE_MEMBER,
        {
          i: memberInput({
            fullName: 'Chính Thức Sớm',
            ceremonyDate: '2024-06-01',
            admissionDecisionDate: '2024-05-20',
            fullMembershipDate: '2024-12-01',
          }),
        },
        tokens.admin,
      ),
    );
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RECOGNITION_BEFORE_PROBATION_END',
      fields: [{ field: 'fullMembershipDate', reason: 'RECOGNITION_BEFORE_PROBATION_END' }],
    });
    expect(res.errors?.[0]?.message).toContain('2025-06-01');
    expect(await members()).toBe(before);
    // updateMember: the same rule on the record after the change.
    const upd = await unchanged(() =>
      h.gql(UPDATE_MEMBER, { id: t.m5, i: { fullMembershipDate: '2010-12-01' } }, tokens.admin),
    );
    expect(errorOf(upd)).toMatchObject({
      reason: 'RECOGNITION_BEFORE_PROBATION_END',
      fields: [{ field: 'fullMembershipDate' }],
    });
    expect((await h.ds.query(`SELECT full_membership_date::text AS d FROM member WHERE id = $1`, [t.m5]))[0].d).toBe(
      '2011-05-19',
    );
  });

  it('admission rules on createMember and updateMember: age at the decision and the course certificate; an approval lifts the upper age limit', async () => {
    const before = await members();
    const young = await unchanged(() =>
      h.gql(CREATE_MEMBER, { i: memberInput({ fullName: 'Trẻ Quá', birthDate: '1993-01-01' }) }, tokens.admin),
    );
    expect(errorOf(young)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ADMISSION_AGE',
      fields: [{ field: 'birthDate', reason: 'ADMISSION_AGE' }],
    });
    const old = await unchanged(() =>
      h.gql(CREATE_MEMBER, { i: memberInput({ fullName: 'Già Quá', birthDate: '1948-01-01' }) }, tokens.admin),
    );
    expect(errorOf(old)).toMatchObject({ reason: 'ADMISSION_AGE', fields: [{ field: 'birthDate' }] });
    expect(old.errors?.[0]?.message).toContain('admissionAgeApproval');
    const course = await unchanged(() =>
      h.gql(
        CREATE_MEMBER,
        { i: memberInput({ fullName: 'Chứng Chỉ Cũ', courseCompletedOn: '2004-01-15' }) },
        tokens.admin,
      ),
    );
    expect(errorOf(course)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'COURSE_CERTIFICATE_EXPIRED',
      fields: [{ field: 'courseCompletedOn', reason: 'COURSE_CERTIFICATE_EXPIRED' }],
    });
    const after = await unchanged(() =>
      h.gql(CREATE_MEMBER, { i: memberInput({ fullName: 'Học Sau', courseCompletedOn: '2010-06-01' }) }, tokens.admin),
    );
    expect(errorOf(after)).toMatchObject({
      reason: 'COURSE_AFTER_ADMISSION',
      fields: [{ field: 'courseCompletedOn' }],
    });
    expect(await members()).toBe(before);

    const approved = await h.gql(
      CREATE_MEMBER,
      {
        i: memberInput({
          fullName: 'Già Được Duyệt',
          birthDate: '1948-01-01',
          admissionAgeApproval: 'Văn bản 12-CV/TU ngày 02/04/2010',
          courseCompletedOn: '2009-10-01',
        }),
      },
      tokens.admin,
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data.createMember).toMatchObject({
      courseCompletedOn: '2009-10-01',
      admissionAgeApproval: 'Văn bản 12-CV/TU ngày 02/04/2010',
    });
    const [audit] = await h.ds.query(
      `SELECT after FROM audit_log WHERE operation = 'createMember' AND entity_id = $1`,
      [approved.data.createMember.id],
    );
    expect(audit.after).toMatchObject({ admissionAgeApproval: 'Văn bản 12-CV/TU ngày 02/04/2010' });

    // updateMember: a change that breaks the age rule is refused; other fields of the record still change.
    const upd = await unchanged(() => h.gql(UPDATE_MEMBER, { id: t.m5, i: { birthDate: '1995-01-01' } }, tokens.admin));
    expect(errorOf(upd)).toMatchObject({ reason: 'ADMISSION_AGE', fields: [{ field: 'birthDate' }] });
    expect(
      (await h.gql(UPDATE_MEMBER, { id: t.m5, i: { birthDate: '1985-03-05' } }, tokens.admin)).errors,
    ).toBeUndefined();
  });

  it('§4 the merged policy is validated when an override is written (INVALID_POLICY) and when it is read', async () => {
    const overrides = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM policy_override`))[0].n as number;
    const before = await overrides();
    // Each layer is valid alone; together a combined meeting would be shorter than a single one.
    expect(
      (
        await h.gql(
          POLICY,
          {
            i: { organisationId: t.GB, effectiveFrom: '2026-01-01', values: { meeting: { minDurationMinutes: 100 } } },
          },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    const below = await unchanged(() =>
      h.gql(
        POLICY,
        {
          i: {
            organisationId: t.b1,
            effectiveFrom: '2026-03-01',
            values: { meeting: { minCombinedDurationMinutes: 95 } },
          },
        },
        tokens.admin,
      ),
    );
    expect(errorOf(below)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_POLICY',
      fields: [{ field: 'values.meeting.minCombinedDurationMinutes', reason: 'INVALID_POLICY' }],
    });
    expect(below.errors?.[0]?.message).toContain('2026-03-01');
    // the organisation is named by its code (read through the organisation module: OrganisationCodePort)
    const [{ code }] = await h.ds.query(`SELECT code FROM organisation WHERE id = $1`, [t.b1]);
    expect(below.errors?.[0]?.message).toContain(`the policy of ${code} from 2026-03-01`);
    // A layer below, in force later, that an ancestor's new layer would contradict from that date.
    expect(
      (
        await h.gql(
          POLICY,
          {
            i: { organisationId: t.b1, effectiveFrom: '2027-01-01', values: { rating: { wellCompletedMinScore: 85 } } },
          },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    const above = await unchanged(() =>
      h.gql(
        POLICY,
        { i: { organisationId: t.GB, effectiveFrom: '2026-06-01', values: { rating: { excellentMinScore: 80 } } } },
        tokens.admin,
      ),
    );
    expect(errorOf(above)).toMatchObject({
      reason: 'INVALID_POLICY',
      fields: [{ field: 'values.rating.excellentMinScore', reason: 'INVALID_POLICY' }],
    });
    expect(above.errors?.[0]?.message).toContain('2027-01-01');
    expect(await overrides()).toBe(before + 2);

    // A bad combination already stored (written before the check): every read of the policy answers INVALID_POLICY.
    const cell = await t.org('pol', 'Chi bộ Chính sách', 'SUBORDINATE_CELL', t.GB);
    await h.ds.query(
      `INSERT INTO policy_override (organisation_id, effective_from, "values") VALUES ($1, '2020-01-01', $2)`,
      [cell, JSON.stringify({ meeting: { minCombinedDurationMinutes: 60 } })],
    );
    const read = await h.gql(`query($id: ID!) { policy(organisationId: $id) }`, { id: cell }, tokens.admin);
    expect(errorOf(read)).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_POLICY',
      fields: [{ field: 'policy.meeting.minCombinedDurationMinutes', reason: 'INVALID_POLICY' }],
    });
    const write = await unchanged(() =>
      h.gql(
        CREATE_MEMBER,
        {
          i: memberInput({
            organisationId: cell,
            fullName: 'Chính Sách Hỏng',
            admissionDecisionDate: '2021-03-01',
            ceremonyDate: '2021-03-10',
            fullMembershipDate: '2022-03-10',
            joinedOn: '2021-03-10',
          }),
        },
        tokens.admin,
      ),
    );
    expect(errorOf(write)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_POLICY' });
    await h.ds.query(`DELETE FROM policy_override WHERE organisation_id = $1`, [cell]);
  });

  it('recordHistoricalRating applies the level cap, the quota and the not-rated rules; an override reason records it, audited', async () => {
    const ratings = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM rating`))[0].n as number;
    const before = await ratings();
    const m = await t.member(t.b1, 'Đinh Văn Lịch Sử');
    expect(
      (
        await h.gql(
          DISCIPLINE,
          { i: { memberId: m, form: 'KHIEN_TRACH', decidingBody: 'CELL', decidedOn: '2019-04-01' } },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    const input = {
      memberId: m,
      year: 2019,
      scheme: 'QD132_2018',
      rawLabel: 'Hoàn thành tốt nhiệm vụ',
      level: 'HTTNV',
    };
    const capped = await unchanged(() => h.gql(HISTORY, { i: input }, tokens.admin));
    expect(errorOf(capped)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RATING_LEVEL_ABOVE_CAP',
      fields: [{ field: 'level' }],
    });
    expect(capped.errors?.[0]?.message).toContain('OWN_DISCIPLINE');

    // The quota of the grassroots organisation that year: one HTXSNV and no HTTNV breaks it.
    const quota = await unchanged(() =>
      h.gql(
        HISTORY,
        { i: { ...input, year: 2018, rawLabel: 'Hoàn thành xuất sắc nhiệm vụ', level: 'HTXSNV' } },
        tokens.admin,
      ),
    );
    expect(errorOf(quota)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RATING_QUOTA_EXCEEDED',
      fields: [{ field: 'overrideReason' }],
    });

    // Exempt on the year's reference date: not rated that year.
    expect(
      (
        await h.gql(
          EVENT,
          { i: { memberId: m, type: 'EXEMPTED', reason: 'TEMPORARY', effectiveOn: '2017-03-01' } },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await h.gql(EVENT, { i: { memberId: m, type: 'EXEMPTION_ENDED', effectiveOn: '2018-01-01' } }, tokens.admin))
        .errors,
    ).toBeUndefined();
    const exempt = await unchanged(() => h.gql(HISTORY, { i: { ...input, year: 2017 } }, tokens.admin));
    expect(errorOf(exempt)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RATING_NOT_RATED',
      notRatedReason: 'TEMPORARILY_EXEMPT',
      fields: [{ field: 'memberId' }],
    });
    expect(await ratings()).toBe(before);

    // The record as decided then, with the decision that justified it: stored, with the rules it overrode, and audited.
    const reason = 'Quyết định 45-QĐ/ĐU ngày 20/12/2019 của Đảng ủy';
    const done = await h.gql(HISTORY, { i: { ...input, overrideReason: reason } }, tokens.admin);
    expect(done.errors).toBeUndefined();
    expect(done.data.recordHistoricalRating).toMatchObject({
      decidedLevel: 'HTTNV',
      overrideReason: reason,
      overriddenRules: ['LEVEL_CAP'],
      quotaGroupId: t.GB,
    });
    const [audit] = await h.ds.query(
      `SELECT after FROM audit_log WHERE operation = 'recordHistoricalRating' AND entity_id = $1`,
      [done.data.recordHistoricalRating.id],
    );
    expect(audit.after).toMatchObject({ overrideReason: reason, overriddenRules: ['LEVEL_CAP'], cap: 'KHTNV' });
    // Within the rules, no override is kept even if one is given.
    const plain = await h.gql(HISTORY, { i: { ...input, year: 2016, overrideReason: 'không cần' } }, tokens.admin);
    expect(plain.data.recordHistoricalRating).toMatchObject({ overrideReason: null, overriddenRules: [] });
  });

  it('§1.2 an exemption recorded after the self-assessment: no proposal, no decision (RATING_NOT_RATED, fresh at each step)', async () => {
    const m = await t.member(t.a1, 'Cao Thị Miễn');
    const self = await h.gql(
      SELF,
      { i: { roundId, memberId: m, generalPoints: 25, taskPoints: 60, tasks } },
      tokens.secretaryA1,
    );
    expect(self.errors).toBeUndefined();
    const ratingId = self.data.submitSelfAssessment.id;
    expect(
      (
        await h.gql(
          EVENT,
          { i: { memberId: m, type: 'EXEMPTED', reason: 'PERMANENT', effectiveOn: '2025-11-15' } },
          tokens.admin,
        )
      ).errors,
    ).toBeUndefined();
    const proposed = await unchanged(() => h.gql(PROPOSE, { i: { ratingId, level: 'HTTNV' } }, tokens.secretaryA1));
    expect(errorOf(proposed)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RATING_NOT_RATED',
      notRatedReason: 'EXEMPT',
      fields: [{ field: 'ratingId' }],
    });
    expect((await h.gql(RATING, { id: ratingId }, tokens.admin)).data.rating).toMatchObject({
      stage: 'SELF_ASSESSED',
      proposedLevel: null,
    });

    // Proposed first, exempted afterwards (written straight into the table): the decision is refused too.
    const m2 = await t.member(t.a1, 'Cao Văn Miễn Sau');
    const self2 = await h.gql(
      SELF,
      { i: { roundId, memberId: m2, generalPoints: 25, taskPoints: 60, tasks } },
      tokens.secretaryA1,
    );
    const r2 = self2.data.submitSelfAssessment.id;
    expect((await h.gql(PROPOSE, { i: { ratingId: r2, level: 'HTTNV' } }, tokens.secretaryA1)).errors).toBeUndefined();
    await h.ds.query(
      `INSERT INTO member_event (member_id, type, effective_on, reason) VALUES ($1, 'EXEMPTED', '2025-12-01', 'TEMPORARY')`,
      [m2],
    );
    const decided = await unchanged(() => h.gql(DECIDE, { i: { ratingId: r2, level: 'HTTNV' } }, tokens.writeGA));
    expect(errorOf(decided)).toMatchObject({
      reason: 'RATING_NOT_RATED',
      notRatedReason: 'TEMPORARILY_EXEMPT',
      fields: [{ field: 'ratingId' }],
    });
    expect((await h.gql(RATING, { id: r2 }, tokens.admin)).data.rating).toMatchObject({
      stage: 'PROPOSED',
      decidedLevel: null,
    });
  });
});
