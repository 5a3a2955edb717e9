import ExcelJS from 'exceljs';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { RateLimits } from '../../src/common/graphql/rate-limits';

// Issue #10 §1: every Excel export is an HTTP download (GET /exports/<name>.xlsx?input=<JSON of the field's
// arguments>), with the GraphQL field's checks: sign-in, scope (404 like a missing id), validation (400 with the
// field), the export rate limit (429 + Retry-After), an audit entry; the workbook is the GraphQL field's.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sheets = async (bytes: Buffer): Promise<unknown[][][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  // An empty text is an empty cell (the streaming writer leaves it out; the in-memory one writes '').
  const cells = (r: unknown[]) => {
    const v = r.slice(1).map((c) => (c === '' ? undefined : c));
    while (v.length && v[v.length - 1] === undefined) v.pop();
    return [...v];
  };
  return wb.worksheets.map((ws) =>
    ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => cells(r as unknown[])),
  );
};

describe('Excel exports over HTTP', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const get = (name: string, args: unknown, token?: string) =>
    h.app.inject({
      method: 'GET',
      url: `/exports/${name}.xlsx?input=${encodeURIComponent(typeof args === 'string' ? args : JSON.stringify(args))}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());
  afterEach(() => h.app.get(RateLimits).set({ export: 0 }));

  // name, GraphQL field, its arguments (types for the GraphQL document), the arguments
  const cases = (): [string, string, string, Record<string, unknown>][] => [
    [
      'members',
      'membersXlsx',
      '$filter: MemberFilter, $asOf: Date',
      { filter: { organisationId: t.GA }, asOf: '2026-06-30' },
    ],
    ['organisations', 'organisationsXlsx', '$filter: OrganisationFilter', { filter: { underId: t.GA } }],
    [
      'meetings',
      'meetingsXlsx',
      '$filter: MeetingFilter',
      { filter: { organisationId: t.GA, from: '2026-01-01', to: '2026-12-31' } },
    ],
    [
      'meeting-compliance',
      'meetingComplianceXlsx',
      '$input: ComplianceInput!',
      { input: { organisationId: t.GA, from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-15' } },
    ],
    [
      'visit-report',
      'visitReportXlsx',
      '$input: VisitReportInput!',
      { input: { organisationId: t.GA, month: '2026-03' } },
    ],
    [
      'visit-coverage',
      'visitCoverageXlsx',
      '$input: VisitCoverageInput!',
      { input: { organisationId: t.GA, year: 2026, asOf: '2026-07-01' } },
    ],
    [
      'alerts',
      'alertsXlsx',
      '$input: AlertsInput!',
      { input: { organisationId: t.GA, asOf: '2026-07-01', year: 2026 } },
    ],
    [
      'rating-figures',
      'ratingFiguresXlsx',
      '$input: RatingFiguresInput!',
      { input: { organisationId: t.GA, year: 2025 } },
    ],
    ['inspections', 'inspectionsXlsx', '$filter: InspectionFilter', { filter: { organisationId: t.GA } }],
    [
      'inspection-target',
      'inspectionTargetXlsx',
      '$input: InspectionTargetInput!',
      { input: { organisationId: t.GA, year: 2026, asOf: '2026-07-01' } },
    ],
    ['dues', 'duesXlsx', '$input: DuesReportInput!', { input: { organisationId: t.GA, year: 2026 } }],
  ];

  it('serves every export as an .xlsx attachment with the rows of its GraphQL field, and audits it', async () => {
    // the database is shared with the other suites of the run: count only this test's audit entries
    const [{ since }] = await h.ds.query(`SELECT coalesce(max(id), 0)::bigint AS since FROM audit_log`);
    for (const [name, field, types, args] of cases()) {
      const res = await get(name, args, admin);
      expect([name, res.statusCode, res.body.slice(0, 300)]).toEqual([name, 200, expect.anything()]);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="[A-Za-z0-9._-]+\.xlsx"; filename\*=UTF-8''[A-Za-z0-9%._-]+\.xlsx$/,
      );
      const call = Object.keys(args)
        .map((k) => `${k}: $${k}`)
        .join(', ');
      const gql = await h.gql(`query(${types}) { ${field}(${call}) }`, args, admin);
      expect([name, gql.errors]).toEqual([name, undefined]);
      expect([name, await sheets(res.rawPayload)]).toEqual([
        name,
        await sheets(Buffer.from(gql.data[field], 'base64')),
      ]);
    }
    const audited = await h.ds.query(
      `SELECT entity_id AS name, count(*)::int AS n FROM audit_log WHERE operation = 'export' AND actor_type = 'USER' AND id > $1 GROUP BY entity_id`,
      [since],
    );
    const n = new Map(audited.map((r: { name: string; n: number }) => [r.name, r.n]));
    // One entry per download and one per GraphQL field call.
    for (const [name] of cases()) expect([name, n.get(name)]).toEqual([name, 2]);
    const [row] = await h.ds.query(
      `SELECT after FROM audit_log WHERE operation = 'export' AND entity_id = 'members' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.after).toEqual({ filter: { organisationId: t.GA }, asOf: '2026-06-30' });
  });

  // Issue 12 §6: the workbooks as the screens show them: real dates (dd/mm/yyyy), the headings frozen and filtered,
  // the organisation named under the title, periods as on screen, no ISO dates.
  it('lays out every workbook as the screens show it: Excel dates, frozen filtered headings, the organisation, no ISO text', async () => {
    const meeting = await h.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      {
        i: {
          organisationId: t.a1,
          kind: 'REGULAR',
          title: 'Sinh hoạt thường kỳ tháng 2',
          date: '2026-02-10',
          startTime: '14:00',
          endTime: '16:00',
          place: 'Phòng họp',
        },
      },
      admin,
    );
    expect(meeting.errors).toBeUndefined();
    const inspection = await h.gql(
      `mutation($i: PlanInspectionInput!) { planInspection(input: $i) { id } }`,
      {
        i: {
          organisationId: t.a1,
          body: 'CELL',
          type: 'COMPLIANCE',
          title: 'Kiểm tra chấp hành Điều lệ',
          plannedFrom: '2026-03-01',
          plannedTo: '2026-04-30',
          subjectMemberIds: [t.m1],
          contentAreas: ['Chấp hành Điều lệ Đảng'],
        },
      },
      admin,
    );
    expect(inspection.errors).toBeUndefined();
    const round = await h.gql(
      `mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id } }`,
      {
        i: {
          organisationId: t.GA,
          year: 2026,
          periodKind: 'QUARTER',
          periodLabel: 'Q1',
          title: 'Xếp loại quý 1/2026',
          selfAssessmentDue: '2026-11-30',
          proposalDue: '2026-12-10',
          decisionDue: '2026-12-20',
        },
      },
      admin,
    );
    expect(round.errors).toBeUndefined();
    const all: [string, Record<string, unknown>, string?, string?][] = [
      ...cases().map(
        ([name, field, types, args]) => [name, args, field, types] as [string, Record<string, unknown>, string, string],
      ),
      ['rating-round', { roundId: round.data.openRatingRound.id }, 'ratingRoundXlsx', '$roundId: ID!'],
      ['members', {}],
      ['inspections', {}],
    ];
    const ISO = /\d{4}-\d{2}-\d{2}|\d{4}-Q\d|\d{4}-\d{2}\b/;
    let dates = 0;
    const check = (wb: ExcelJS.Workbook, name: string, args: Record<string, unknown>) => {
      for (const ws of wb.worksheets) {
        const at = `${name}/${ws.name}`;
        expect([at, ISO.test(ws.name)]).toEqual([at, false]);
        // The headings row: frozen (the rows above it and it stay on screen), the auto-filter starts on it.
        const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
        expect([at, view?.state]).toEqual([at, 'frozen']);
        const head = view?.ySplit ?? 0;
        const headings = ws.getRow(head).values as unknown[];
        expect([at, headings.slice(1).every((v) => v === undefined || typeof v === 'string')]).toEqual([at, true]);
        const filter = String(ws.autoFilter ?? '');
        const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(filter);
        expect([at, filter, m?.[1], Number(m?.[2])]).toEqual([at, filter, 'A', head]);
        expect([at, Number(m?.[4])]).toEqual([at, Math.max(head, ws.rowCount)]);
        // The organisation's name on the line under the title.
        expect([at, String(ws.getRow(2).getCell(1).value ?? '')]).toEqual([
          at,
          expect.stringMatching(Object.keys(args).length === 0 ? /\S/ : /Đảng bộ cơ sở A/),
        ]);
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            const v = cell.value;
            const where = `${at}!${r}:${c}`;
            if (typeof v === 'string') {
              expect([where, v, ISO.test(v)]).toEqual([where, v, false]);
              // a date on its own is a date cell, not text
              if (r > head) expect([where, v, /^\d{2}\/\d{2}\/\d{4}$/.test(v)]).toEqual([where, v, false]);
            }
            if (v instanceof Date) {
              dates++;
              expect([where, cell.numFmt, v.getUTCHours(), v.getUTCMinutes()]).toEqual([where, 'dd/mm/yyyy', 0, 0]);
            }
          }),
        );
      }
    };
    for (const [name, args, field, types] of all) {
      // the streamed download
      const res = await get(name, args, admin);
      expect([name, res.statusCode]).toEqual([name, 200]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      check(wb, name, args);
      // the in-memory workbook of the GraphQL field
      if (!field) continue;
      const call = Object.keys(args)
        .map((k) => `${k}: $${k}`)
        .join(', ');
      const gql = await h.gql(`query(${types}) { ${field}(${call}) }`, args, admin);
      expect([name, gql.errors]).toEqual([name, undefined]);
      const mem = new ExcelJS.Workbook();
      await mem.xlsx.load(Buffer.from(gql.data[field], 'base64') as unknown as ArrayBuffer);
      check(mem, `${name} (GraphQL)`, args);
    }
    expect(dates).toBeGreaterThan(10);
  });

  it('writes the date the members screen shows as "Ngày vào Đảng" (the ceremony), with the same headings', async () => {
    const res = await get('members', { filter: { organisationId: t.GA }, asOf: '2026-06-30' }, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const head = (ws.getRow(4).values as unknown[]).slice(1);
    expect(head).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Chi bộ',
      'Trạng thái',
      'Số thẻ đảng viên',
      'Ngày vào Đảng',
      'Ngày chính thức',
      'Chức vụ',
      'Ghi chú',
    ]);
    const m1 = (ws.getRow(5).values as unknown[]).slice(1);
    // the fixtures' members: decision 01/05/2010, ceremony 19/05/2010, full membership 19/05/2011
    expect(m1[7]).toEqual(new Date(Date.UTC(2010, 4, 19)));
    expect(m1[8]).toEqual(new Date(Date.UTC(2011, 4, 19)));
    expect(m1[2]).toEqual(new Date(Date.UTC(1985, 2, 4)));
  });

  it('names the file in Vietnamese (RFC 5987) with an ASCII fallback', async () => {
    const res = await get('members', { filter: { organisationId: t.GA } }, admin);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Danh_sach_dang_vien.xlsx"; filename*=UTF-8''${encodeURIComponent('Danh sách đảng viên.xlsx')}`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an organisation outside the scope exactly like a missing one (404)', async () => {
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    for (const [name, args] of [
      ['meeting-compliance', (id: string) => ({ input: { organisationId: id, from: '2026-01-01', to: '2026-03-31' } })],
      ['rating-figures', (id: string) => ({ input: { organisationId: id, year: 2025 } })],
      ['rating-round', (id: string) => ({ roundId: id })],
    ] as const) {
      const outside = await get(name, args(t.GA), other);
      const missing = await get(name, args('00000000-0000-4000-8000-000000000000'), other);
      expect([name, outside.statusCode, missing.statusCode]).toEqual([name, 404, 404]);
      expect(outside.json()).toEqual(missing.json());
      expect(outside.json().errors[0].extensions.code).toBe('NOT_FOUND');
    }
    const members = await get('members', { filter: { organisationId: t.GA } }, other);
    expect(members.statusCode).toBe(404);
    expect(members.json().errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses a caller without a token (401) or with a bad one', async () => {
    const none = await get('members', {});
    expect(none.statusCode).toBe(401);
    expect(none.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await get('members', {}, 'not-a-token');
    expect(bad.statusCode).toBe(401);
    const unknown = await get('nothing', {}, admin);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses bad input with 400 and the field', async () => {
    const cases: [string, unknown, string][] = [
      ['meeting-compliance', { input: { organisationId: t.GA, from: '2026-13-01', to: '2026-03-31' } }, 'input.from'],
      ['meeting-compliance', { input: { organisationId: t.GA, to: '2026-03-31' } }, 'input.from'],
      ['members', { filter: { organisationId: t.GA, nonsense: 1 } }, 'filter.nonsense'],
      ['members', { asOf: 'yesterday' }, 'asOf'],
      ['members', { page: { limit: 5 } }, 'page'],
      ['members', 'not json', 'input'],
      ['visit-report', { input: { organisationId: t.GA, month: 'March' } }, 'input.month'],
    ];
    for (const [name, args, field] of cases) {
      const res = await get(name, args, admin);
      const body = res.json();
      expect([name, field, res.statusCode, body.errors?.[0]?.extensions?.code]).toEqual([
        name,
        field,
        400,
        'BAD_USER_INPUT',
      ]);
      expect([name, body.errors[0].extensions.fields.map((f: { field: string }) => f.field)]).toEqual([
        name,
        expect.arrayContaining([field]),
      ]);
    }
  });

  it('counts downloads against the export budget: 429 with Retry-After', async () => {
    await h.app.get(RateLimits).set({ export: 2 });
    const token = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    const args = { filter: { organisationId: t.GA } };
    expect((await get('members', args, token)).statusCode).toBe(200);
    expect(
      (await h.gql(`query($f: MemberFilter) { membersXlsx(filter: $f) }`, { f: args.filter }, token)).errors,
    ).toBeUndefined();
    const res = await get('members', args, token);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });
});
