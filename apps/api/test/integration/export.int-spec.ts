import ExcelJS from 'exceljs';
import { bootApp, errorOf, worksheet, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';

// Excel exports of the lists (issue 5 §4): the same rows as the list query, Vietnamese headings, scoped.
const sheetRows = async (base64: string, sheet = 0): Promise<unknown[][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return worksheet(wb, sheet)
    .getSheetValues()
    .filter(Boolean)
    .map((r) => (r as unknown[]).slice(1));
};

describe('Excel exports of lists', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it("exports the member list of a subtree with the list's rows and Vietnamese headings", async () => {
    const list = await h.gql(
      `query($f: MemberFilter) { members(filter: $f, page: {limit: 500}) { total items { fullName } } }`,
      { f: { organisationId: t.GA } },
      admin,
    );
    const res = await h.gql(
      `query($f: MemberFilter) { membersXlsx(filter: $f) }`,
      { f: { organisationId: t.GA } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const rows = await sheetRows(res.data.membersXlsx);
    expect(String(rows[0]?.[0])).toMatch(/^DANH SÁCH ĐẢNG VIÊN TÍNH ĐẾN NGÀY \d{2}\/\d{2}\/\d{4}$/);
    expect(rows[1]?.[0]).toBe('Đảng bộ cơ sở A');
    expect(rows[2]?.slice(0, 3)).toEqual(['STT', 'Họ và tên', 'Ngày sinh']);
    expect(rows.slice(3).map((r) => r[1])).toEqual(
      list.data.members.items.map((m: { fullName: string }) => m.fullName),
    );
    expect(rows.length - 3).toBe(list.data.members.total);
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(
      errorOf(
        await h.gql(`query($f: MemberFilter) { membersXlsx(filter: $f) }`, { f: { organisationId: t.GA } }, other),
      )?.code,
    ).toBe('NOT_FOUND');
  });

  it('exports the meeting compliance table, one row per cell with what is missing', async () => {
    const i = { organisationId: t.GA, from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-15' };
    const c = await h.gql(
      `query($i: ComplianceInput!) { meetingCompliance(input: $i) { cellCount behindCount cells { organisation { name } behind } } }`,
      { i },
      admin,
    );
    const res = await h.gql(`query($i: ComplianceInput!) { meetingComplianceXlsx(input: $i) }`, { i }, admin);
    expect(res.errors).toBeUndefined();
    const rows = await sheetRows(res.data.meetingComplianceXlsx);
    expect(rows[0]?.[0]).toBe('TÌNH HÌNH SINH HOẠT CHI BỘ TỪ 01/01/2026 ĐẾN 31/03/2026');
    expect(rows[2]).toEqual([
      'STT',
      'Chi bộ',
      'Trực thuộc',
      'Tình trạng',
      'SH thường kỳ',
      'SH chuyên đề',
      'Tỷ lệ dự họp (%)',
      'Còn thiếu',
    ]);
    expect(rows.length - 3).toBe(c.data.meetingCompliance.cellCount);
    expect(rows.filter((r) => r[3] === 'Chưa đủ')).toHaveLength(c.data.meetingCompliance.behindCount);
    // the periods as the compliance screen writes them
    expect(String(rows.find((r) => r[3] === 'Chưa đủ')?.[7])).toContain(
      'Thường kỳ 01/2026; Thường kỳ 02/2026; Thường kỳ 03/2026; Chuyên đề Quý 1/2026',
    );
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(
      errorOf(await h.gql(`query($i: ComplianceInput!) { meetingComplianceXlsx(input: $i) }`, { i }, other))?.code,
    ).toBe('NOT_FOUND');
  });

  it('exports the organisation list of a subtree with members, kinds and warnings', async () => {
    const list = await h.gql(
      `query($f: OrganisationFilter) { organisations(filter: $f, page: {limit: 500}) { total items { code name memberCount flags { message } } } }`,
      { f: { underId: t.GA } },
      admin,
    );
    const res = await h.gql(
      `query($f: OrganisationFilter) { organisationsXlsx(filter: $f) }`,
      { f: { underId: t.GA } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const rows = await sheetRows(res.data.organisationsXlsx);
    expect(String(rows[0]?.[0])).toMatch(/^DANH SÁCH TỔ CHỨC ĐẢNG TÍNH ĐẾN NGÀY \d{2}\/\d{2}\/\d{4}$/);
    expect(rows[1]?.[0]).toBe('Đảng bộ cơ sở A');
    expect(rows[2]).toEqual([
      'STT',
      'Mã',
      'Tên tổ chức',
      'Loại',
      'Trực thuộc',
      'Số đảng viên',
      'Ngày thành lập',
      'Nhiệm kỳ từ ngày',
      'Nhiệm kỳ đến ngày',
      'Cảnh báo',
    ]);
    expect(rows.length - 3).toBe(list.data.organisations.total);
    const items: { code: string; name: string; memberCount: number; flags: { message: string }[] }[] =
      list.data.organisations.items;
    expect(rows.slice(3).map((r) => r[1])).toEqual(items.map((o) => o.code));
    expect(rows.slice(3).map((r) => r[5])).toEqual(items.map((o) => o.memberCount));
    expect(rows.slice(3).map((r) => r[9] ?? '')).toEqual(items.map((o) => o.flags.map((f) => f.message).join('; ')));
    const a1 = rows.find((r) => r[2] === 'Chi bộ Văn phòng')!;
    expect(a1.slice(3, 5)).toEqual(['Chi bộ trực thuộc', 'Đảng bộ cơ sở A']);
    expect(a1[6]).toEqual(new Date(Date.UTC(2015, 0, 1)));
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(
      errorOf(
        await h.gql(`query($f: OrganisationFilter) { organisationsXlsx(filter: $f) }`, { f: { underId: t.GA } }, other),
      )?.code,
    ).toBe('NOT_FOUND');
  });

  it('exports the yearly visit coverage, one row per assignment, and the cells with no visitor', async () => {
    const users = h.app.get(AdminService);
    const visitor = await users.createUser(cliCaller(), {
      username: `xlsx.visitor.${Date.now().toString(36)}`,
      displayName: 'Người dự thử',
      password: 'visitor-pass-1',
    });
    await users.addGrant(cliCaller(), { userId: visitor.id, role: 'COMMITTEE_READ', organisationId: t.A });
    const a = await h.gql(
      `mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`,
      { i: { visitorUserId: visitor.id, cellId: t.a1, from: '2026-01-01', requiredPerYear: 6 } },
      admin,
    );
    expect(a.errors).toBeUndefined();
    const i = { organisationId: t.GA, year: 2026, asOf: '2026-07-01' };
    const c = await h.gql(
      `query($i: VisitCoverageInput!) { visitCoverage(input: $i) { assignmentCount behindCount unassignedCells { name } lines { assignment { visitorName } cell { name } required dueSoFar done behind } } }`,
      { i },
      admin,
    );
    const res = await h.gql(`query($i: VisitCoverageInput!) { visitCoverageXlsx(input: $i) }`, { i }, admin);
    expect(res.errors).toBeUndefined();
    const rows = await sheetRows(res.data.visitCoverageXlsx);
    expect(rows[0]?.[0]).toBe('TÌNH HÌNH DỰ SINH HOẠT CHI BỘ NĂM 2026');
    expect(rows[1]?.[0]).toBe('Đảng bộ cơ sở A — tính đến ngày 01/07/2026');
    expect(rows[2]).toEqual([
      'STT',
      'Người dự',
      'Chi bộ',
      'Số lần phải dự trong năm',
      'Phải dự đến nay',
      'Đã dự',
      'Có chấm điểm',
      'Chưa chấm điểm',
      'Tình trạng',
    ]);
    expect(rows.length - 3).toBe(c.data.visitCoverage.assignmentCount);
    expect(rows.filter((r) => r[8] === 'Chậm')).toHaveLength(c.data.visitCoverage.behindCount);
    const line = c.data.visitCoverage.lines.find(
      (l: { assignment: { visitorName: string } }) => l.assignment.visitorName === 'Người dự thử',
    );
    expect(rows.find((r) => r[1] === 'Người dự thử')?.slice(2, 6)).toEqual([
      line.cell.name,
      line.required,
      line.dueSoFar,
      line.done,
    ]);
    const unassigned = await sheetRows(res.data.visitCoverageXlsx, 1);
    expect(unassigned[2]).toEqual(['STT', 'Mã', 'Chi bộ']);
    expect(unassigned.slice(3).map((r) => r[2])).toEqual(
      c.data.visitCoverage.unassignedCells.map((o: { name: string }) => o.name),
    );
    expect(unassigned.slice(3).map((r) => r[2])).toContain('Chi bộ Kế toán');
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(
      errorOf(await h.gql(`query($i: VisitCoverageInput!) { visitCoverageXlsx(input: $i) }`, { i }, other))?.code,
    ).toBe('NOT_FOUND');
  });
});
