import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';
import { DashboardCache } from '../../src/modules/dashboard/dashboard.cache';

// The dashboard and the alert list (issue 5 §3) on a small tree with known problems, judged on 15 June 2026:
// - a1 holds every meeting owed (Jan–May regular, a combined one in March), but May's has no minutes;
//   one of its members is past the recognition deadline, one is exempt; a visitor attended March without scoring;
// - c9 (new, under GA) has 9 full members and no cell committee, and no meetings;
// - a2, b1 hold no meetings; a2 has a member reaching 30 years of party age on 1 July (badge on 2 September);
// - b1 admitted a member in March, lost one (deceased) in April, and admitted one in April whose ceremony is late
//   (admissions count the decision: 2 this year).
const AS_OF = '2026-06-15';

const ALERTS = `query($i: AlertsInput!) { alerts(input: $i) { total asOf year from to countsByCode { code severity count } countsBySeverity { severity count }
  items { code severity entity title message messageEn organisation { id code } memberId memberName meetingId visitId dueOn params } } }`;
const DASHBOARD = `query($i: DashboardInput!) { dashboard(input: $i) { asOf year from to organisation { id }
  members { members fullMembers probationaryMembers exemptMembers byStatus { status count } admissions yearStart membersAtYearStart leftInPeriod { status count }
    trend { year date members fullMembers probationaryMembers admissions } }
  meetings { from to cells cellsBehind behindPercent attendancePercent regularHeld thematicHeld held byKind { kind count } }
  visits { year asOf assignments assignmentsBehind required done scored unscored cells cellsWithoutVisitor }
  organisations { total byKind { kind count } flagCounts { code count } }
  children { organisation { id code } members fullMembers probationaryMembers admissions cells cellsBehind behindPercent visitAssignments visitAssignmentsBehind alerts alertErrors }
  alerts { total countsByCode { code count } countsBySeverity { severity count } } } }`;

type Item = {
  code: string;
  severity: string;
  entity: string;
  message: string;
  messageEn: string;
  organisation: { id: string };
  memberId: string | null;
  meetingId: string | null;
  visitId: string | null;
  dueOn: string | null;
  params: Record<string, unknown>;
};

describe('dashboard and alerts', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let c9: string;
  const ids: Record<string, string> = {};
  const meetings: Record<string, string> = {};

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results, read loosely by the assertions
  const ok = async <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    token = admin,
  ): Promise<T> => {
    const res = await h.gql<T>(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const alerts = async (organisationId: string, extra: Record<string, unknown> = {}, token = admin) =>
    (
      await ok<{ alerts: { total: number; countsByCode: { code: string; count: number }[]; items: Item[] } }>(
        ALERTS,
        { i: { organisationId, asOf: AS_OF, page: { limit: 500 }, ...extra } },
        token,
      )
    ).alerts;
  const dashboard = async (organisationId: string, token = admin) =>
    (await ok(DASHBOARD, { i: { organisationId, asOf: AS_OF } }, token)).dashboard;
  const total = async (filter: Record<string, unknown>, asOf = AS_OF) =>
    (
      await ok<{ members: { total: number } }>(
        `query($f: MemberFilter, $d: Date) { members(filter: $f, asOf: $d, page: { limit: 1 }) { total } }`,
        { f: filter, d: asOf },
      )
    ).members.total;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    c9 = await t.org('c9', 'Chi bộ Cơ khí', 'SUBORDINATE_CELL', t.GA);
    for (let i = 1; i <= 9; i++) await t.member(c9, `Võ Văn Chín ${i}`);
    ids.overdue = await t.member(t.a1, 'Bùi Thị Dự Bị', {
      admissionDecisionDate: '2025-01-02',
      ceremonyDate: '2025-01-10',
      fullMembershipDate: undefined,
      joinedOn: '2025-01-10',
    });
    ids.badge = await t.member(t.a2, 'Hoàng Văn Huy', {
      birthDate: '1970-01-01',
      admissionDecisionDate: '1996-07-01',
      ceremonyDate: '1996-07-15',
      fullMembershipDate: '1997-07-15',
    });
    ids.admitted = await t.member(t.b1, 'Ngô Thị Mới', {
      birthDate: '2000-02-02',
      admissionDecisionDate: '2026-03-01',
      ceremonyDate: '2026-03-10',
      fullMembershipDate: undefined,
      joinedOn: '2026-03-10',
    });
    ids.late = await t.member(t.b1, 'Lý Văn Chậm', {
      birthDate: '2000-02-02',
      admissionDecisionDate: '2026-04-01',
      ceremonyDate: '2026-08-20',
      fullMembershipDate: undefined,
      joinedOn: undefined,
    });
    ids.deceased = await t.member(t.b1, 'Trương Văn Cố');
    await ok(`mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`, {
      i: { memberId: ids.deceased, type: 'DECEASED', effectiveOn: '2026-04-01' },
    });
    await ok(`mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`, {
      i: { memberId: t.m3, type: 'EXEMPTED', reason: 'PERMANENT', effectiveOn: '2026-02-01' },
    });

    // a1's meetings: January–May, the March one combined; May's without minutes.
    for (const [month, kind] of [
      ['01', 'REGULAR'],
      ['02', 'REGULAR'],
      ['03', 'COMBINED'],
      ['04', 'REGULAR'],
      ['05', 'REGULAR'],
    ] as const) {
      const created = await ok(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
        i: { organisationId: t.a1, kind, title: `Sinh hoạt tháng ${month}`, date: `2026-${month}-10` },
      });
      meetings[month] = created.createMeeting.id;
      const record = month === '05' ? { resolution: 'Nghị quyết' } : { minutes: 'Biên bản', resolution: 'Nghị quyết' };
      await ok(`mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id } }`, {
        id: meetings[month],
        i: { ...record, actualStart: '08:00', actualEnd: '10:00' },
      });
    }

    // A visitor assigned to a1 attends March's meeting without scoring it.
    const users = h.app.get(AdminService);
    const stamp = Date.now().toString(36);
    const visitor = await users.createUser(cliCaller(), {
      username: `dash.visitor.${stamp}`,
      displayName: 'Ủy viên theo dõi',
      password: 'visitor-pass-1',
    });
    await users.addGrant(cliCaller(), { userId: visitor.id, role: 'COMMITTEE_READ', organisationId: t.A });
    await ok(`mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`, {
      i: { visitorUserId: visitor.id, cellId: t.a1, from: '2026-01-01', requiredPerYear: 2 },
    });
    const signIn = await ok(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { username: `dash.visitor.${stamp}`, password: 'visitor-pass-1' },
    });
    const visit = await ok(
      `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`,
      { i: { meetingId: meetings['03'], attended: true } },
      signIn.signIn.accessToken,
    );
    ids.visit = visit.recordVisit.id;
  });
  afterAll(() => h.close());

  const only = (items: Item[], code: string) => items.filter((i) => i.code === code);

  it('lists each known problem once, pointing at the record to fix', async () => {
    const { items } = await alerts(t.R);
    expect(only(items, 'PROBATION_OVERDUE')).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        entity: 'MEMBER',
        memberId: ids.overdue,
        organisation: expect.objectContaining({ id: t.a1 }),
        params: { probationEnd: '2026-01-10' },
      }),
    ]);
    expect(only(items, 'PROBATION_OVERDUE')[0]?.message).toMatch(
      /^Đảng viên Bùi Thị Dự Bị đã hết thời gian dự bị ngày 10\/01\/2026/,
    );
    expect(only(items, 'CELL_COMMITTEE_MISSING')).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        entity: 'ORGANISATION',
        organisation: expect.objectContaining({ id: c9 }),
        params: { fullMemberCount: 9, threshold: 9 },
      }),
    ]);
    expect(only(items, 'MINUTES_MISSING')).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        entity: 'MEETING',
        meetingId: meetings['05'],
        organisation: expect.objectContaining({ id: t.a1 }),
        dueOn: '2026-05-13',
      }),
    ]);
    expect(only(items, 'RESOLUTION_MISSING')).toEqual([]);
    expect(only(items, 'VISIT_UNSCORED')).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        entity: 'VISIT',
        visitId: ids.visit,
        meetingId: meetings['03'],
        organisation: expect.objectContaining({ id: t.a1 }),
      }),
    ]);
    // Cells missing meetings: all but a1, once each, due on their first missing month (January).
    expect(
      only(items, 'MEETING_OVERDUE')
        .map((i) => i.organisation.id)
        .sort(),
    ).toEqual([t.a2, t.b1, c9].sort());
    expect(only(items, 'MEETING_OVERDUE').find((i) => i.organisation.id === t.a2)).toMatchObject({
      entity: 'ORGANISATION',
      dueOn: '2026-01-31',
      params: { missingRegular: 5, missingThematic: 1 },
    });
    expect(only(items, 'BADGE_DUE')).toEqual([
      expect.objectContaining({
        severity: 'INFO',
        memberId: ids.badge,
        dueOn: '2026-09-02',
        params: { milestone: 30, reachedOn: '2026-07-01' },
      }),
    ]);
    expect(only(items, 'CEREMONY_OVERDUE')).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        memberId: ids.late,
        organisation: expect.objectContaining({ id: t.b1 }),
      }),
    ]);
    expect(
      only(items, 'TOO_FEW_FULL_MEMBERS')
        .map((i) => i.organisation.id)
        .sort(),
    ).toEqual([t.a2, t.b1, t.GB].sort());
    // Sorted: errors first, then warnings, then tasks.
    const ranks = items.map((i) => ['ERROR', 'WARNING', 'INFO'].indexOf(i.severity));
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('filters by code, with counts and totals for those codes only, and pages the list', async () => {
    const res = await alerts(t.R, { codes: ['MEETING_OVERDUE', 'BADGE_DUE'] });
    expect(res.total).toBe(4);
    expect(res.countsByCode).toEqual([
      { code: 'MEETING_OVERDUE', severity: 'ERROR', count: 3 },
      { code: 'BADGE_DUE', severity: 'INFO', count: 1 },
    ]);
    const page = await alerts(t.R, { codes: ['MEETING_OVERDUE', 'BADGE_DUE'], page: { offset: 1, limit: 2 } });
    expect(page.items.map((i) => i.organisation.id)).toEqual(res.items.slice(1, 3).map((i) => i.organisation.id));
  });

  it('gives figures equal to the lists behind them', async () => {
    const d = await dashboard(t.R);
    expect(d).toMatchObject({ asOf: AS_OF, year: 2026, from: '2026-01-01', to: AS_OF });
    // Members.
    expect(d.members.members).toBe(await total({ organisationId: t.R }));
    expect(d.members.fullMembers).toBe(await total({ organisationId: t.R, statuses: ['FULL'] }));
    expect(d.members.probationaryMembers).toBe(await total({ organisationId: t.R, statuses: ['PROBATIONARY'] }));
    expect(d.members.exemptMembers).toBe(await total({ organisationId: t.R, exempt: true }));
    expect(d.members.exemptMembers).toBe(1);
    const admissions = async (from: string, to: string) =>
      (
        await ok<{ admissions: { total: number } }>(
          `query($o: ID!, $f: Date!, $t: Date!, $d: Date) { admissions(organisationId: $o, from: $f, to: $t, asOf: $d) { total } }`,
          { o: t.R, f: from, t: to, d: AS_OF },
        )
      ).admissions.total;
    expect(d.members.admissions).toBe(await admissions(d.from, d.to));
    expect(d.members.admissions).toBe(2);
    expect(d.members.membersAtYearStart).toBe(await total({ organisationId: t.R }, d.members.yearStart));
    const deceased = d.members.leftInPeriod.find((s: { status: string }) => s.status === 'DECEASED');
    expect(deceased.count).toBe(1);
    expect(deceased.count).toBe(
      await total({ organisationId: t.R, statuses: ['DECEASED'], leftFrom: d.from, leftTo: d.to }),
    );
    expect(d.members.trend).toHaveLength(5);
    for (const p of d.members.trend) {
      expect(p.members).toBe(await total({ organisationId: t.R }, p.date));
      expect(p.admissions).toBe(await admissions(`${p.year}-01-01`, p.date));
    }
    expect(d.members.trend[4]).toMatchObject({ year: 2026, date: AS_OF, members: d.members.members, admissions: 2 });
    // Alerts behind members' figures.
    const { countsByCode } = d.alerts;
    const count = (code: string) => countsByCode.find((c: { code: string }) => c.code === code)?.count;
    expect(count('PROBATION_OVERDUE')).toBe(await total({ organisationId: t.R, probation: ['OVERDUE'] }));
    expect(count('PROBATION_DUE')).toBe(await total({ organisationId: t.R, probation: ['DUE'] }));
    expect(d.alerts.total).toBe((await alerts(t.R)).total);

    // Meetings: the compliance list.
    const mc = (
      await ok(`query($i: ComplianceInput!) { meetingCompliance(input: $i) { cells { behind regularHeld } } }`, {
        i: { organisationId: t.R, from: d.meetings.from, to: d.meetings.to, asOf: AS_OF },
      })
    ).meetingCompliance;
    expect(d.meetings.cells).toBe(mc.cells.length);
    expect(d.meetings.cellsBehind).toBe(mc.cells.filter((c: { behind: boolean }) => c.behind).length);
    expect(d.meetings.cellsBehind).toBe(count('MEETING_OVERDUE'));
    expect(d.meetings).toMatchObject({
      cells: 4,
      cellsBehind: 3,
      behindPercent: 75,
      regularHeld: 5,
      thematicHeld: 1,
      held: 5,
    });
    for (const k of d.meetings.byKind) {
      const list = await ok(`query($f: MeetingFilter) { meetingList(filter: $f, page: { limit: 1 }) { total } }`, {
        f: {
          organisationId: t.R,
          from: d.meetings.from,
          to: d.meetings.to,
          kinds: [k.kind],
          states: ['HELD', 'CLOSED'],
        },
      });
      expect(k.count).toBe(list.meetingList.total);
    }

    // Visits: the coverage report and the unscored alerts.
    const cov = (
      await ok(
        `query($i: VisitCoverageInput!) { visitCoverage(input: $i) { lines { behind } unassignedCells { id } } }`,
        { i: { organisationId: t.R, year: 2026, asOf: AS_OF } },
      )
    ).visitCoverage;
    expect(d.visits).toMatchObject({
      assignments: cov.lines.length,
      assignmentsBehind: 0,
      done: 1,
      scored: 0,
      unscored: 1,
      cellsWithoutVisitor: cov.unassignedCells.length,
    });
    expect(d.visits.unscored).toBe((await alerts(t.R, { codes: ['VISIT_UNSCORED'] })).total);

    // Organisations by kind: the organisation list.
    for (const k of d.organisations.byKind) {
      const list = await ok(
        `query($f: OrganisationFilter, $d: Date) { organisations(filter: $f, asOf: $d, page: { limit: 1 }) { total } }`,
        { f: { underId: t.R, kinds: [k.kind] }, d: AS_OF },
      );
      expect(k.count).toBe(list.organisations.total);
    }
    expect(d.organisations.total).toBe(9);
    for (const f of d.organisations.flagCounts) expect(f.count).toBe((await alerts(t.R, { codes: [f.code] })).total);
  });

  it("drills down: each child's figures equal the child's own dashboard", async () => {
    const d = await dashboard(t.R);
    expect(d.children.map((c: { organisation: { id: string } }) => c.organisation.id)).toEqual([t.A, t.B]);
    for (const child of d.children) {
      const own = await dashboard(child.organisation.id);
      expect(child).toMatchObject({
        members: own.members.members,
        fullMembers: own.members.fullMembers,
        probationaryMembers: own.members.probationaryMembers,
        admissions: own.members.admissions,
        cells: own.meetings.cells,
        cellsBehind: own.meetings.cellsBehind,
        visitAssignments: own.visits.assignments,
        alerts: own.alerts.total,
        alertErrors: own.alerts.countsBySeverity.find((s: { severity: string }) => s.severity === 'ERROR').count,
      });
    }
  });

  it('answers NOT_FOUND outside the scope, and shows a cell secretary only their cell', async () => {
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(errorOf(await h.gql(ALERTS, { i: { organisationId: t.A, asOf: AS_OF } }, other))?.code).toBe('NOT_FOUND');
    expect(errorOf(await h.gql(DASHBOARD, { i: { organisationId: t.A, asOf: AS_OF } }, other))?.code).toBe('NOT_FOUND');
    expect(
      errorOf(
        await h.gql(ALERTS, { i: { organisationId: '00000000-0000-0000-0000-000000000000', asOf: AS_OF } }, other),
      )?.code,
    ).toBe('NOT_FOUND');

    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    const mine = await alerts(t.a1, {}, secretary);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i) => i.organisation.id))).toEqual(new Set([t.a1]));
    expect(mine.items.map((i) => i.code).sort()).toEqual(['MINUTES_MISSING', 'PROBATION_OVERDUE', 'VISIT_UNSCORED']);
    expect(errorOf(await h.gql(ALERTS, { i: { organisationId: t.GA, asOf: AS_OF } }, secretary))?.code).toBe(
      'NOT_FOUND',
    );

    // A member sees their own record and cell's meetings, not the cell's alerts.
    const member = await h.userWith('MEMBER', { memberId: t.m1 });
    expect(errorOf(await h.gql(ALERTS, { i: { organisationId: t.a1, asOf: AS_OF } }, member))?.code).toBe('NOT_FOUND');
  });

  it('refuses a year that has not started on the as-of date', async () => {
    const res = await h.gql(DASHBOARD, { i: { organisationId: t.R, asOf: AS_OF, year: 2027 } }, admin);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('runs a number of statements that does not grow with the subtree', async () => {
    // computed afresh each time (DashboardCache would answer a repeated request from the kept figures)
    const cold = <T>(fn: () => Promise<T>) => (h.app.get(DashboardCache).clear(), h.countQueries(fn));
    const run = (id: string) => cold(() => h.gql(DASHBOARD, { i: { organisationId: id, asOf: AS_OF } }, admin));
    const list = (id: string) => cold(() => h.gql(ALERTS, { i: { organisationId: id, asOf: AS_OF } }, admin));
    await run(t.R); // warm-up (sign-in caches and the like)
    const small = await run(t.GA);
    const big = await run(t.R);
    expect(small.result.errors).toBeUndefined();
    expect(big.queries).toBe(small.queries);
    expect((await list(t.R)).queries).toBe((await list(t.GA)).queries);
    expect(big.queries).toBeLessThan(40);
  });
});
