import ExcelJS from 'exceljs';
import { bootApp, errorOf, worksheet, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';
import { MeetingImportService } from '../../src/modules/meeting/meeting-import.service';

describe('cell meetings', () => {
  let h: Harness;
  let admin: string;
  let secretary: string;
  let member: string;
  let otherSecretary: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let extra: string[];

  const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id state } }`;
  const RECORD = `mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id state attendanceRate { present expected percent } flags { code params } } }`;

  const plan = (token: string, date: string, kind = 'REGULAR', organisationId = t.a1) =>
    h.gql(
      CREATE,
      {
        i: {
          organisationId,
          kind,
          title: `Sinh hoạt ${kind} ${date}`,
          date,
          startTime: '14:00',
          endTime: '16:00',
          place: 'Phòng họp tầng 2',
        },
      },
      token,
    );

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    extra = [];
    for (let i = 0; i < 5; i++) extra.push(await t.member(t.a1, `Trương Văn Thêm ${i}`));
    secretary = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    otherSecretary = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    member = await h.userWith('MEMBER', { memberId: t.m2 });
  });
  afterAll(() => h.close());

  const allPresent = () => [t.m1, t.m2, t.m3, ...extra].map((memberId) => ({ memberId, status: 'PRESENT' }));

  it('lists a cell as behind for exactly the May regular and the Q2 thematic meetings it missed', async () => {
    const c = await t.org(`mc${Date.now() % 1000}`, 'Chi bộ theo dõi', 'SUBORDINATE_CELL', t.GB);
    const months = ['2026-01-15', '2026-02-12', '2026-03-12', '2026-04-16', '2026-06-11'];
    for (const date of months) {
      const kind = date === '2026-03-12' ? 'COMBINED' : 'REGULAR';
      const created = await plan(admin, date, kind, c);
      await h.gql(
        RECORD,
        {
          id: created.data.createMeeting.id,
          i: { actualStart: '14:00', actualEnd: '16:10', minutes: 'Biên bản', resolution: 'Nghị quyết' },
        },
        admin,
      );
    }
    const res = await h.gql(
      `query($i: ComplianceInput!) { meetingCompliance(input: $i) { cellCount behindCount cells { organisation { id } behind missing { kind period dueOn } regularHeld thematicHeld } counts { kind count } } }`,
      { i: { organisationId: t.GB, from: '2026-01-01', to: '2026-06-30', asOf: '2026-07-15' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const row = res.data.meetingCompliance.cells.find((x: { organisation: { id: string } }) => x.organisation.id === c);
    expect(row.behind).toBe(true);
    expect(row.missing.map((x: { kind: string; period: string }) => `${x.kind} ${x.period}`)).toEqual([
      'REGULAR 2026-05',
      'THEMATIC 2026-Q2',
    ]);
    expect(row).toMatchObject({ regularHeld: 5, thematicHeld: 1 });
    expect(res.data.meetingCompliance.counts).toEqual(
      expect.arrayContaining([
        { kind: 'REGULAR', count: 4 },
        { kind: 'COMBINED', count: 1 },
      ]),
    );
  });

  it('flags attendance below 85% and a member absent three meetings in a row', async () => {
    const dates = ['2025-09-10', '2025-10-10', '2025-11-10'];
    let last: Record<string, any> = {};
    for (const date of dates) {
      const created = await plan(secretary, date);
      const attendance = allPresent().map((a) =>
        a.memberId === t.m3 ? { memberId: t.m3, status: 'ABSENT_EXCUSED', reason: 'Đi công tác' } : a,
      );
      if (date === '2025-11-10') attendance[0] = { memberId: t.m1, status: 'ABSENT_UNEXCUSED' } as never;
      last = await h.gql(
        RECORD,
        {
          id: created.data.createMeeting.id,
          i: { attendance, actualStart: '14:00', actualEnd: '15:00', minutes: 'x', resolution: 'y' },
        },
        secretary,
      );
      expect(last.errors).toBeUndefined();
    }
    const rec = last.data.recordMeeting;
    expect(rec.attendanceRate).toEqual({ present: 6, expected: 8, percent: 75 });
    const codes = rec.flags.map((f: { code: string }) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['ATTENDANCE_LOW', 'UNEXCUSED_ABSENCE', 'ABSENCE_STREAK', 'DURATION_SHORT']),
    );
    const streak = rec.flags.find((f: { code: string }) => f.code === 'ABSENCE_STREAK');
    expect(JSON.stringify(streak.params)).toContain(t.m3);
    // The totals the database keeps on the meeting row (for subtree figures) follow the attendance rows.
    const totals = async () =>
      (
        await h.ds.query(`SELECT attendance_present AS p, attendance_expected AS e FROM meeting WHERE id = $1`, [
          rec.id,
        ])
      )[0];
    expect(await totals()).toEqual({ p: 6, e: 8 });
    const again = await h.gql(
      RECORD,
      { id: rec.id, i: { attendance: allPresent().map((a, i) => (i === 0 ? { ...a, status: 'EXEMPT' } : a)) } },
      secretary,
    );
    expect(again.errors).toBeUndefined();
    expect(await totals()).toEqual({ p: 7, e: 7 });
    await h.ds.query(
      `UPDATE meeting_attendance SET status = 'ABSENT_UNEXCUSED' WHERE meeting_id = $1 AND member_id = $2`,
      [rec.id, t.m2],
    );
    expect(await totals()).toEqual({ p: 6, e: 7 });
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const before = await h.ds.query(
      `SELECT (SELECT count(*) FROM meeting)::int AS m, (SELECT count(*) FROM meeting_attendance)::int AS a`,
    );
    // A meeting in a dissolved cell.
    const gone = await t.org(`dz${Date.now() % 1000}`, 'Chi bộ đã giải thể', 'SUBORDINATE_CELL', t.GA);
    await h.gql(
      `mutation($i: DissolveOrganisationInput!) { dissolveOrganisation(input: $i) { id } }`,
      { i: { id: gone, effectiveOn: '2025-01-01' } },
      admin,
    );
    const dissolved = await plan(admin, '2025-03-10', 'REGULAR', gone);
    expect(errorOf(dissolved)).toMatchObject({ reason: 'ORGANISATION_DISSOLVED' });
    const after1 = await h.ds.query(
      `SELECT (SELECT count(*) FROM meeting)::int AS m, (SELECT count(*) FROM meeting_attendance)::int AS a`,
    );
    expect(after1).toEqual(before);
    // Attendance for a member of another cell, and a self-assessment above a criterion's maximum.
    const created = await plan(secretary, '2025-12-11');
    const id = created.data.createMeeting.id;
    const foreign = await h.gql(
      RECORD,
      {
        id,
        i: {
          attendance: [
            { memberId: t.m1, status: 'PRESENT' },
            { memberId: t.m5, status: 'PRESENT' },
          ],
        },
      },
      secretary,
    );
    expect(errorOf(foreign)?.fields).toEqual([
      {
        field: 'attendance.1.memberId',
        reason: 'NOT_A_MEMBER_OF_CELL',
        message: 'not a member of this cell on 2025-12-11',
      },
    ]);
    const sheet = (await h.gql(`query($id: ID!) { policy(organisationId: $id) }`, { id: t.a1 }, admin)).data.policy
      .scoreSheet;
    const tooMuch = Object.fromEntries(
      sheet.criteria.map((c: { code: string; maxPoints: number }) => [c.code, c.maxPoints]),
    );
    tooMuch[sheet.criteria[0].code] += 1;
    const over = await h.gql(RECORD, { id, i: { selfAssessment: tooMuch } }, secretary);
    expect(errorOf(over)?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(over)?.fields[0].field).toBe(`scores.${sheet.criteria[0].code}`);
    const state = await h.ds.query(
      `SELECT state, (SELECT count(*) FROM meeting_attendance WHERE meeting_id = $1)::int AS a FROM meeting WHERE id = $1`,
      [id],
    );
    expect(state).toEqual([{ state: 'PLANNED', a: 0 }]);
  });

  it('imports past meetings all-or-nothing, naming each bad row', async () => {
    const service = h.app.get(MeetingImportService);
    const before = await h.ds.query(`SELECT count(*)::int AS n FROM meeting`);
    const good = {
      cellId: t.a1,
      kind: 'REGULAR',
      title: 'Tháng 4',
      date: '2025-04-10',
      state: 'CLOSED' as const,
      attendance: [{ memberId: t.m1, status: 'PRESENT' }],
    };
    const bad = { ...good, date: '2025-05-10', attendance: [{ memberId: t.m5, status: 'PRESENT' }] };
    const err = (await service.importHistory(cliCaller(), [good, bad]).then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; details: { rows: unknown[] } };
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.details.rows).toEqual([
      { row: 2, column: 'attendance.memberId', reason: `${t.m5} is not a member of the cell on 2025-05-10` },
    ]);
    expect(await h.ds.query(`SELECT count(*)::int AS n FROM meeting`)).toEqual(before);
    expect(await service.importHistory(cliCaller(), [good])).toBe(1);
  });

  it('closes a meeting; corrections after that are amendments with who and why', async () => {
    const created = await plan(secretary, '2026-01-20');
    const id = created.data.createMeeting.id;
    const CLOSE = `mutation($id: ID!) { closeMeeting(id: $id) { state } }`;
    // Closing needs what the minutes legally hold: who presided, the minute-taker, attendance, the minutes, and the
    // vote on the resolution; refused with every missing part named, and nothing changes.
    await h.gql(RECORD, { id, i: { resolution: 'Nghị quyết' } }, secretary);
    const audits = async () =>
      (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [id]))[0].n as number;
    const auditsBefore = await audits();
    const refused = errorOf(await h.gql(CLOSE, { id }, secretary));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MEETING_INCOMPLETE' });
    expect(refused?.fields.map((f: { field: string; reason: string }) => `${f.field}:${f.reason}`)).toEqual([
      'chairMemberId:MEETING_NO_CHAIR',
      'minuteTakerMemberId:MEETING_NO_MINUTE_TAKER',
      'attendance:MEETING_NO_ATTENDANCE',
      'minutes:MEETING_NO_MINUTES',
      'votesFor:RESOLUTION_NOT_VOTED',
    ]);
    expect(await h.ds.query(`SELECT state FROM meeting WHERE id = $1`, [id])).toEqual([{ state: 'HELD' }]);
    expect(await audits()).toBe(auditsBefore);
    const present = allPresent().length;
    await h.gql(
      `mutation($id: ID!, $i: MeetingPlanInput!) { updateMeeting(id: $id, input: $i) { id } }`,
      { id, i: { chairMemberId: t.m1, minuteTakerMemberId: t.m2 } },
      secretary,
    );
    await h.gql(
      RECORD,
      { id, i: { attendance: allPresent(), minutes: 'Biên bản gốc', votesFor: present, votesAgainst: 1 } },
      secretary,
    );
    expect(errorOf(await h.gql(CLOSE, { id }, secretary))?.fields).toEqual([
      expect.objectContaining({ field: 'votesFor', reason: 'VOTES_EXCEED_PRESENT' }),
    ]);
    await h.gql(RECORD, { id, i: { votesFor: present - 1, votesAgainst: 1, votesAbstain: 0 } }, secretary);
    expect((await h.gql(CLOSE, { id }, secretary)).data.closeMeeting.state).toBe('CLOSED');
    const direct = await h.gql(RECORD, { id, i: { minutes: 'Sửa thẳng' } }, secretary);
    expect(errorOf(direct)?.code).toBe('CONFLICT');
    const versionOf = async () =>
      (await h.ds.query(`SELECT version FROM meeting WHERE id = $1`, [id]))[0].version as number;
    const closedVersion = await versionOf();
    const amended = await h.gql(
      `mutation($id: ID!, $r: String!, $i: MeetingRecordInput!) { amendMeeting(id: $id, reason: $r, input: $i) { minutes version amendments { reason before after amendedBy } } }`,
      { id, r: 'Ghi sót ý kiến đồng chí Bí thư', i: { minutes: 'Biên bản đã bổ sung' } },
      secretary,
    );
    expect(amended.data.amendMeeting.minutes).toBe('Biên bản đã bổ sung');
    // an amendment is one change: the version is raised once
    expect(amended.data.amendMeeting.version).toBe(closedVersion + 1);
    expect(amended.data.amendMeeting.amendments).toEqual([
      expect.objectContaining({
        reason: 'Ghi sót ý kiến đồng chí Bí thư',
        before: { minutes: 'Biên bản gốc' },
        after: { minutes: 'Biên bản đã bổ sung' },
      }),
    ]);
  });

  it("lets a secretary work only in their own cell, and members see their cell's published meetings", async () => {
    const other = await plan(otherSecretary, '2026-02-10', 'REGULAR', t.a1);
    expect(errorOf(other)?.code).toBe('NOT_FOUND');
    const mine = await plan(secretary, '2026-02-10');
    const id = mine.data.createMeeting.id;
    expect(errorOf(await h.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id }, otherSecretary))?.code).toBe(
      'NOT_FOUND',
    );
    expect((await h.gql(`query($id: ID!) { meeting(id: $id) { id title } }`, { id }, member)).data.meeting.id).toBe(id);
    expect(errorOf(await h.gql(RECORD, { id, i: { minutes: 'x' } }, member))?.code).toBe('FORBIDDEN');
    const farFuture = await plan(secretary, '2030-01-10');
    expect(
      errorOf(
        await h.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: farFuture.data.createMeeting.id }, member),
      )?.code,
    ).toBe('NOT_FOUND');
    const list = await h.gql(
      `query { meetingList(page: {limit: 100}) { total items { organisationId } } }`,
      {},
      member,
    );
    expect(list.data.meetingList.items.every((x: { organisationId: string }) => x.organisationId === t.a1)).toBe(true);
  });

  it("publishes a meeting to members by the cell's own policy (publishDaysAhead)", async () => {
    const c = await t.org(`pub${Date.now() % 10000}`, 'Chi bộ công bố sớm', 'SUBORDINATE_CELL', t.GB);
    const m = await t.member(c, 'Phan Thị Công Bố');
    const reader = await h.userWith('MEMBER', { memberId: m });
    const inDays = (n: number) => new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
    const planned = await plan(admin, inDays(5), 'REGULAR', c);
    const id = planned.data.createMeeting.id;
    const Q = `query($id: ID!) { meeting(id: $id) { id } }`;
    // National default: 2 days ahead, so a meeting in 5 days is not published yet.
    expect(errorOf(await h.gql(Q, { id }, reader))?.code).toBe('NOT_FOUND');
    const set = await h.gql(
      `mutation($i: SetPolicyOverrideInput!) { setPolicyOverride(input: $i) }`,
      { i: { organisationId: c, effectiveFrom: '2026-01-01', values: { meeting: { publishDaysAhead: 7 } } } },
      admin,
    );
    expect(set.errors).toBeUndefined();
    expect((await h.gql(Q, { id }, reader)).data.meeting.id).toBe(id);
  });

  it('names the state that refuses a change with a stable reason', async () => {
    const created = await plan(secretary, '2026-05-21');
    const id = created.data.createMeeting.id;
    const close = await h.gql(`mutation($id: ID!) { closeMeeting(id: $id) { id } }`, { id }, secretary);
    expect(errorOf(close)).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEETING_NOT_HELD',
      fields: [{ field: 'id', reason: 'MEETING_NOT_HELD' }],
    });
    const future = await plan(secretary, '2099-01-15');
    expect(
      errorOf(await h.gql(RECORD, { id: future.data.createMeeting.id, i: { minutes: 'x' } }, secretary)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MEETING_IN_FUTURE' });
    await h.gql(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "Hoãn") { id } }`, { id }, secretary);
    expect(errorOf(await h.gql(RECORD, { id, i: { minutes: 'x' } }, secretary))).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEETING_CANCELLED',
    });
  });

  it('attaches files and links to a meeting: type and size checked, scoped, and locked with the meeting', async () => {
    const created = await plan(secretary, '2026-04-20');
    const id = created.data.createMeeting.id;
    const ADD = `mutation($m: ID!, $i: AddMeetingDocumentInput!) { addMeetingDocument(meetingId: $m, input: $i) { id kind name url mimeType sizeBytes } }`;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)]).toString('base64');
    const file = await h.gql(ADD, { m: id, i: { name: 'Báo cáo đề dẫn.pdf', contentBase64: pdf } }, secretary);
    expect(file.errors).toBeUndefined();
    expect(file.data.addMeetingDocument).toMatchObject({
      kind: 'FILE',
      name: 'Báo cáo đề dẫn.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 209,
    });
    const link = await h.gql(
      ADD,
      { m: id, i: { name: 'Chỉ thị 50-CT/TW', url: 'https://dangcongsan.vn/ct-50' } },
      secretary,
    );
    expect(link.data.addMeetingDocument).toMatchObject({ kind: 'LINK', url: 'https://dangcongsan.vn/ct-50' });
    const before = await h.ds.query(`SELECT count(*)::int AS n FROM meeting_document`);

    // Bad input: a disguised file, an unknown type, a javascript: link, both or neither, bad base64; nothing written.
    const exe = Buffer.from('MZ\x90\x00 not a pdf').toString('base64');
    for (const [i, field] of [
      [{ name: 'tai-lieu.pdf', contentBase64: exe }, 'contentBase64'],
      [{ name: 'setup.exe', contentBase64: exe }, 'name'],
      [{ name: 'x', url: 'javascript:alert(1)' }, 'url'],
      [{ name: 'x.pdf', url: 'https://a.vn', contentBase64: pdf }, 'contentBase64'],
      [{ name: 'x' }, 'url'],
      [{ name: 'x.pdf', contentBase64: '***' }, 'contentBase64'],
    ] as const) {
      const res = await h.gql(ADD, { m: id, i }, secretary);
      expect({ i, e: errorOf(res)?.code, f: errorOf(res)?.fields?.[0]?.field }).toEqual({
        i,
        e: 'BAD_USER_INPUT',
        f: field,
      });
    }
    expect(await h.ds.query(`SELECT count(*)::int AS n FROM meeting_document`)).toEqual(before);

    // Another cell's secretary: the meeting does not exist for them; the member sees the documents but cannot add.
    expect(errorOf(await h.gql(ADD, { m: id, i: { name: 'x', url: 'https://a.vn' } }, otherSecretary))?.code).toBe(
      'NOT_FOUND',
    );
    const docId = file.data.addMeetingDocument.id;
    const CONTENT = `query($id: ID!) { meetingDocumentContent(id: $id) }`;
    expect((await h.gql(CONTENT, { id: docId }, secretary)).data.meetingDocumentContent).toBe(pdf);
    expect(errorOf(await h.gql(CONTENT, { id: docId }, otherSecretary))?.code).toBe('NOT_FOUND');
    const seen = await h.gql(`query($id: ID!) { meeting(id: $id) { documentList { name kind } } }`, { id }, member);
    expect(seen.data?.meeting.documentList ?? null).toEqual(
      expect.arrayContaining([{ name: 'Báo cáo đề dẫn.pdf', kind: 'FILE' }]),
    );
    expect(errorOf(await h.gql(ADD, { m: id, i: { name: 'x', url: 'https://a.vn' } }, member))?.code).toBe('FORBIDDEN');

    // Removal deletes the row (audited); a cancelled meeting's documents no longer change.
    expect(
      (
        await h.gql(
          `mutation($id: ID!) { removeMeetingDocument(id: $id) }`,
          { id: link.data.addMeetingDocument.id },
          secretary,
        )
      ).data.removeMeetingDocument,
    ).toBe(true);
    expect(
      await h.ds.query(`SELECT operation FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
        link.data.addMeetingDocument.id,
      ]),
    ).toEqual([{ operation: 'addMeetingDocument' }, { operation: 'removeMeetingDocument' }]);
    await h.gql(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "Trùng lịch") { state } }`, { id }, secretary);
    expect(errorOf(await h.gql(ADD, { m: id, i: { name: 'x', url: 'https://a.vn' } }, secretary))?.code).toBe(
      'CONFLICT',
    );
  });

  it('exports the meeting list as an Excel workbook: the rows of meetingList with attendance and the visitors who attended, scoped', async () => {
    const users = h.app.get(AdminService);
    const username = `xlsx.visitor.${Date.now().toString(36)}`;
    const visitor = await users.createUser(cliCaller(), {
      username,
      displayName: 'Ủy viên dự sinh hoạt',
      password: 'visitor-pass-1',
    });
    const assigned = await h.gql(
      `mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`,
      { i: { visitorUserId: visitor.id, cellId: t.a1, from: '2025-01-01' } },
      admin,
    );
    expect(assigned.errors).toBeUndefined();
    const visitorToken = (
      await h.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
        i: { username, password: 'visitor-pass-1' },
      })
    ).data.signIn.accessToken as string;
    const held = await plan(secretary, '2026-03-19', 'THEMATIC');
    const heldId = held.data.createMeeting.id;
    await h.gql(
      RECORD,
      { id: heldId, i: { attendance: allPresent(), actualStart: '14:05', actualEnd: '16:10', minutes: 'Biên bản' } },
      secretary,
    );
    const visit = await h.gql(
      `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`,
      { i: { meetingId: heldId, attended: true } },
      visitorToken,
    );
    expect(visit.errors).toBeUndefined();

    const XLSX = `query($f: MeetingFilter) { meetingsXlsx(filter: $f) }`;
    const LIST = `query($f: MeetingFilter) { meetingList(filter: $f, page: { limit: 500 }) { total items { date title state organisation { name } attendanceRate { present expected } } } }`;
    const sheet = async (token: string, f: Record<string, unknown>) => {
      const res = await h.gql(XLSX, { f }, token);
      expect(res.errors).toBeUndefined();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(res.data.meetingsXlsx, 'base64') as unknown as ArrayBuffer);
      return worksheet(wb)
        .getSheetValues()
        .filter(Boolean)
        .map((r) => Array.from((r as unknown[]).slice(1), (v) => v ?? ''));
    };
    const STATE: Record<string, string> = {
      PLANNED: 'Đã lên kế hoạch',
      HELD: 'Đã tổ chức',
      CLOSED: 'Đã khóa sổ',
      CANCELLED: 'Đã hủy',
    };
    const day = (d: string) => new Date(`${d}T00:00:00.000Z`);
    type Item = {
      date: string;
      title: string;
      state: string;
      organisation: { name: string } | null;
      attendanceRate: { present: number; expected: number };
    };

    const f = { organisationId: t.GA, from: '2025-01-01', to: '2026-12-31' };
    const list = (await h.gql(LIST, { f }, admin)).data.meetingList;
    const rows = await sheet(admin, f);
    expect(rows[0]?.[0]).toBe('DANH SÁCH BUỔI SINH HOẠT CHI BỘ TỪ 01/01/2025 ĐẾN 31/12/2026');
    expect(rows[1]?.[0]).toBe(`Đảng bộ cơ sở A — ${list.total} buổi`);
    expect(rows[2]).toEqual([
      'STT',
      'Chi bộ',
      'Ngày',
      'Giờ',
      'Loại sinh hoạt',
      'Chủ đề',
      'Trạng thái',
      'Có mặt/Phải dự',
      'Biên bản',
      'Nghị quyết',
      'Cấp ủy viên dự',
    ]);
    const body = rows.slice(3);
    expect(list.total).toBeGreaterThan(5);
    expect(body.map((r) => [r[0], r[1], r[2], r[5], r[6], r[7]])).toEqual(
      list.items.map((m: Item, i: number) => [
        i + 1,
        m.organisation?.name ?? '',
        day(m.date),
        m.title,
        STATE[m.state],
        m.state === 'HELD' || m.state === 'CLOSED' ? `${m.attendanceRate.present}/${m.attendanceRate.expected}` : '',
      ]),
    );
    const on = (r: unknown[], d: string) => r[2] instanceof Date && r[2].getTime() === day(d).getTime();
    expect(body.find((r) => on(r, '2026-03-19'))).toEqual([
      expect.any(Number),
      'Chi bộ Văn phòng',
      day('2026-03-19'),
      '14:05–16:10',
      'Sinh hoạt chuyên đề',
      'Sinh hoạt THEMATIC 2026-03-19',
      'Đã tổ chức',
      '8/8',
      'Có',
      'Chưa có',
      'Ủy viên dự sinh hoạt',
    ]);
    expect(body.find((r) => on(r, '2026-02-10'))?.slice(3, 11)).toEqual([
      '14:00–16:00',
      'Sinh hoạt thường kỳ',
      'Sinh hoạt REGULAR 2026-02-10',
      'Đã lên kế hoạch',
      '',
      '',
      '',
      '',
    ]);
    expect(body.filter((r) => r[6] === 'Đã hủy').length).toBeGreaterThan(0);
    // The filter narrows the rows as it narrows the list.
    const onlyThematic = await sheet(admin, { ...f, kinds: ['THEMATIC'] });
    expect(onlyThematic[1]?.[0]).toBe('Đảng bộ cơ sở A — 1 buổi — lọc: Sinh hoạt chuyên đề');
    expect(onlyThematic.slice(3).map((r) => r[2])).toEqual([day('2026-03-19')]);

    // Scope: another subtree's secretary gets no rows of this one; a member, their cell's published meetings as listed.
    expect((await sheet(otherSecretary, f)).slice(3)).toEqual([]);
    const mine = (await h.gql(LIST, { f: {} }, member)).data.meetingList;
    const memberRows = (await sheet(member, {})).slice(3);
    expect(memberRows.map((r) => r[5])).toEqual(mine.items.map((m: Item) => m.title));
    expect(memberRows.length).toBeGreaterThan(0);
    expect(memberRows.every((r) => r[1] === 'Chi bộ Văn phòng')).toBe(true);
    // The visitor: the cell's published meetings, the cell's name as the `organisation` field gives it (outside their scope: blank).
    const visited = (await h.gql(LIST, { f: { organisationId: t.a1 } }, visitorToken)).data.meetingList;
    const visitorRows = (await sheet(visitorToken, { organisationId: t.a1 })).slice(3);
    expect(visitorRows.map((r) => [r[1], r[5]])).toEqual(
      visited.items.map((m: Item) => [m.organisation?.name ?? '', m.title]),
    );
    expect(visitorRows.length).toBeGreaterThan(0);
  });
});
