import { elementAt } from '@chibo/domain';
import { bootApp, errorOf, worksheet, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';

describe("committee members' visits", () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let visitorToken: string;
  let visitorId: string;
  let outsiderToken: string;
  let meetingId: string;
  let sheet: { criteria: { code: string; maxPoints: number }[] };

  const signIn = async (username: string) =>
    (
      await h.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
        i: { username, password: 'visitor-pass-1' },
      })
    ).data.signIn.accessToken as string;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    const users = h.app.get(AdminService);
    const stamp = Date.now().toString(36);
    const visitor = await users.createUser(cliCaller(), {
      username: `visitor.${stamp}`,
      displayName: 'Ủy viên Ban Thường vụ',
      password: 'visitor-pass-1',
    });
    await users.addGrant(cliCaller(), { userId: visitor.id, role: 'COMMITTEE_READ', organisationId: t.A });
    const outsider = await users.createUser(cliCaller(), {
      username: `outsider.${stamp}`,
      displayName: 'Cán bộ khác',
      password: 'visitor-pass-1',
    });
    await users.addGrant(cliCaller(), { userId: outsider.id, role: 'COMMITTEE_READ', organisationId: t.A });
    visitorId = visitor.id;
    visitorToken = await signIn(`visitor.${stamp}`);
    outsiderToken = await signIn(`outsider.${stamp}`);
    const a = await h.gql(
      `mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`,
      { i: { visitorUserId: visitor.id, cellId: t.a1, from: '2026-01-01', requiredPerYear: 6 } },
      admin,
    );
    expect(a.errors).toBeUndefined();
    const created = await h.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      { i: { organisationId: t.a1, kind: 'REGULAR', title: 'Sinh hoạt tháng 3', date: '2026-03-12' } },
      admin,
    );
    meetingId = created.data.createMeeting.id;
    await h.gql(
      `mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id } }`,
      { id: meetingId, i: { minutes: 'Biên bản', resolution: 'Nghị quyết', actualStart: '14:00', actualEnd: '15:45' } },
      admin,
    );
    sheet = (await h.gql(`query($id: ID!) { policy(organisationId: $id) }`, { id: t.a1 }, admin)).data.policy
      .scoreSheet;
  });
  afterAll(() => h.close());

  const RECORD = `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id total maxTotal level attended } }`;

  it('refuses a score from a cadre not assigned to the cell, and writes nothing', async () => {
    const full = Object.fromEntries(sheet.criteria.map((c) => [c.code, c.maxPoints]));
    const res = await h.gql(RECORD, { i: { meetingId, scores: full } }, outsiderToken);
    expect(errorOf(res)?.code).toBe('FORBIDDEN');
    expect(await h.ds.query(`SELECT 1 FROM visit WHERE meeting_id = $1`, [meetingId])).toHaveLength(0);
  });

  it("refuses a score above a criterion's maximum", async () => {
    const second = elementAt(sheet.criteria, 1, 'criterion');
    const over = Object.fromEntries(
      sheet.criteria.map((c) => [c.code, c.code === second.code ? c.maxPoints + 5 : c.maxPoints]),
    );
    const res = await h.gql(RECORD, { i: { meetingId, scores: over } }, visitorToken);
    expect(errorOf(res)?.fields[0]).toMatchObject({ field: `scores.${sheet.criteria[1]?.code}` });
  });

  it("shows an assigned visitor who attended but did not score in the committee's monthly report", async () => {
    const res = await h.gql(
      RECORD,
      { i: { meetingId, attended: true, guidance: 'Cần đổi mới hình thức' } },
      visitorToken,
    );
    expect(res.data.recordVisit).toMatchObject({ attended: true, total: null });
    const report = await h.gql(
      `query($i: VisitReportInput!) { visitReport(input: $i) { lines { visitorUserId assignedCells visits scored unscored state items { total } } } }`,
      { i: { organisationId: t.A, month: '2026-03' } },
      admin,
    );
    const line = report.data.visitReport.lines.find((l: { visitorUserId: string }) => l.visitorUserId === visitorId);
    expect(line).toMatchObject({ assignedCells: 1, visits: 1, scored: 0, unscored: 1, state: 'LATE' });
    // Scoring it afterwards replaces the record.
    const full = Object.fromEntries(sheet.criteria.map((c) => [c.code, c.maxPoints]));
    const scored = await h.gql(RECORD, { i: { meetingId, scores: full } }, visitorToken);
    expect(scored.data.recordVisit).toMatchObject({ total: 100, maxTotal: 100 });
    await h.gql(`mutation { submitVisitReport(month: "2026-03") }`, {}, visitorToken);
    const after = await h.gql(
      `query($i: VisitReportInput!) { visitReport(input: $i) { lines { visitorUserId scored unscored state } } }`,
      { i: { organisationId: t.A, month: '2026-03' } },
      admin,
    );
    expect(
      after.data.visitReport.lines.find((l: { visitorUserId: string }) => l.visitorUserId === visitorId),
    ).toMatchObject({ scored: 1, unscored: 0, state: 'SUBMITTED_LATE' });
  });

  it('exports the monthly report as an Excel workbook', async () => {
    const res = await h.gql(
      `query($i: VisitReportInput!) { visitReportXlsx(input: $i) }`,
      { i: { organisationId: t.A, month: '2026-03' } },
      admin,
    );
    const buf = Buffer.from(res.data.visitReportXlsx, 'base64');
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const rows = worksheet(wb)
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]?.[0]).toBe('BÁO CÁO KẾT QUẢ DỰ SINH HOẠT CHI BỘ THÁNG 03/2026');
    expect(rows.find((r) => r[1] === 'Ủy viên Ban Thường vụ')).toBeTruthy();
  });

  it('lets the visitor see the meetings of the cell assigned to them', async () => {
    const list = await h.gql(
      `query($f: MeetingFilter) { meetingList(filter: $f) { total } }`,
      { f: { organisationId: t.a1 } },
      visitorToken,
    );
    expect(list.data.meetingList.total).toBeGreaterThan(0);
  });

  it('measures yearly visit coverage: required pro rata, due so far, done, and cells with no visitor', async () => {
    const Q = `query($i: VisitCoverageInput!) { visitCoverage(input: $i) { asOf assignmentCount behindCount required done scored unassignedCells { id } lines { assignment { visitorUserId } cell { id } required dueSoFar done scored behind } } }`;
    // 6 a year from 1 January; by 15 July six months are over → 3 due; one (scored) visit in March.
    const mid = await h.gql(Q, { i: { organisationId: t.A, year: 2026, asOf: '2026-07-15' } }, admin);
    expect(mid.errors).toBeUndefined();
    const line = mid.data.visitCoverage.lines.find(
      (l: { assignment: { visitorUserId: string } }) => l.assignment.visitorUserId === visitorId,
    );
    expect(line).toMatchObject({ cell: { id: t.a1 }, required: 6, dueSoFar: 3, done: 1, scored: 1, behind: true });
    expect(mid.data.visitCoverage.unassignedCells.map((c: { id: string }) => c.id)).toContain(t.a2);
    expect(mid.data.visitCoverage.unassignedCells.map((c: { id: string }) => c.id)).not.toContain(t.a1);
    // In February nothing was due yet and the March visit is not counted.
    const feb = await h.gql(Q, { i: { organisationId: t.A, year: 2026, asOf: '2026-02-10' } }, admin);
    expect(
      feb.data.visitCoverage.lines.find(
        (l: { assignment: { visitorUserId: string } }) => l.assignment.visitorUserId === visitorId,
      ),
    ).toMatchObject({ dueSoFar: 0, done: 0, behind: false });
    // Outside the caller's scope the organisation does not exist.
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(errorOf(await h.gql(Q, { i: { organisationId: t.A, year: 2026 } }, other))?.code).toBe('NOT_FOUND');
  });

  it('refuses a monthly report for a month that is not over, and writes nothing', async () => {
    const res = await h.gql(`mutation { submitVisitReport(month: "2099-01") }`, {}, visitorToken);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'month' }] });
    expect(await h.ds.query(`SELECT 1 FROM visit_report WHERE month = '2099-01'`)).toHaveLength(0);
  });
});
