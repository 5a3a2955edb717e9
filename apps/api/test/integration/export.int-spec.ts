import ExcelJS from 'exceljs';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Excel exports of the lists (issue 5 §4): the same rows as the list query, Vietnamese headings, scoped.
const sheetRows = async (base64: string): Promise<unknown[][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
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

  it('exports the member list of a subtree with the list\'s rows and Vietnamese headings', async () => {
    const list = await h.gql(`query($f: MemberFilter) { members(filter: $f, page: {limit: 500}) { total items { fullName } } }`, { f: { organisationId: t.GA } }, admin);
    const res = await h.gql(`query($f: MemberFilter) { membersXlsx(filter: $f) }`, { f: { organisationId: t.GA } }, admin);
    expect(res.errors).toBeUndefined();
    const rows = await sheetRows(res.data.membersXlsx);
    expect(String(rows[0][0])).toMatch(/^DANH SÁCH ĐẢNG VIÊN TÍNH ĐẾN NGÀY \d{2}\/\d{2}\/\d{4}$/);
    expect(rows[1][0]).toBe('Đảng bộ cơ sở A');
    expect(rows[2].slice(0, 3)).toEqual(['STT', 'Họ và tên', 'Ngày sinh']);
    expect(rows.slice(3).map((r) => r[1])).toEqual(list.data.members.items.map((m: { fullName: string }) => m.fullName));
    expect(rows.length - 3).toBe(list.data.members.total);
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(errorOf(await h.gql(`query($f: MemberFilter) { membersXlsx(filter: $f) }`, { f: { organisationId: t.GA } }, other))?.code).toBe('NOT_FOUND');
  });

  it('exports the meeting compliance table, one row per cell with what is missing', async () => {
    const i = { organisationId: t.GA, from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-15' };
    const c = await h.gql(`query($i: ComplianceInput!) { meetingCompliance(input: $i) { cellCount behindCount cells { organisation { name } behind } } }`, { i }, admin);
    const res = await h.gql(`query($i: ComplianceInput!) { meetingComplianceXlsx(input: $i) }`, { i }, admin);
    expect(res.errors).toBeUndefined();
    const rows = await sheetRows(res.data.meetingComplianceXlsx);
    expect(rows[0][0]).toBe('TÌNH HÌNH SINH HOẠT CHI BỘ TỪ 01/01/2026 ĐẾN 31/03/2026');
    expect(rows[2]).toEqual(['STT', 'Chi bộ', 'Trực thuộc', 'Tình trạng', 'SH thường kỳ', 'SH chuyên đề', 'Tỷ lệ dự họp (%)', 'Còn thiếu']);
    expect(rows.length - 3).toBe(c.data.meetingCompliance.cellCount);
    expect(rows.filter((r) => r[3] === 'Chưa đủ')).toHaveLength(c.data.meetingCompliance.behindCount);
    expect(String(rows.find((r) => r[3] === 'Chưa đủ')?.[7])).toContain('Thường kỳ 2026-01');
  });
});
