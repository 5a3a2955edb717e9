import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Keyset (cursor) paging on the large lists (docs/graphql.md#pagination): following `nextCursor` visits every row
// that exists throughout exactly once, in the list's order, even when rows are added between two pages (offset
// paging would then repeat or skip rows).
describe('keyset pagination: members, meetingList, ratings, auditLog', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  type Row = { id: string; [k: string]: unknown };
  /** Follows a list by cursor, `limit` rows a page, calling `between` after each page. */
  const walk = async (
    query: string,
    field: string,
    vars: Record<string, unknown>,
    limit: number,
    between: (page: number) => Promise<unknown> = async () => undefined,
  ) => {
    const rows: Row[] = [];
    let after: string | null = null;
    for (let n = 0; n < 100; n++) {
      const res = await h.gql(query, { ...vars, page: { limit, after } }, admin);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      const page = res.data[field] as { items: Row[]; nextCursor: string | null; offset: number; limit: number };
      expect(page.items.length).toBeLessThanOrEqual(limit);
      rows.push(...page.items);
      after = page.nextCursor;
      if (!after) return rows;
      await between(n);
    }
    throw new Error('the cursor never ends');
  };
  const once = (rows: Row[], ids: string[]) => {
    const seen = rows.map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen.filter((x) => x === id)).toHaveLength(1);
  };
  const ok = async (query: string, vars: Record<string, unknown>) => {
    const res = await h.gql(query, vars, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it('members: every member once, in name order, while members are added before and after the cursor', async () => {
    for (const n of ['Bùi Văn Bảy', 'Hoàng Thị Hoa', 'Vũ Văn Vinh', 'Ngô Thị Nga', 'Đỗ Văn Đông', 'Mai Thị Mai'])
      await t.member(t.a1, n);
    const MEMBERS = `query($f: MemberFilter, $page: PageInput) { members(filter: $f, page: $page) { items { id fullName } nextCursor offset limit total } }`;
    const before = (await ok(MEMBERS, { f: { organisationId: t.a1 }, page: { limit: 500 } })).members;
    expect(before.nextCursor).toBeNull();
    const ids = before.items.map((r: Row) => r.id);
    expect(ids.length).toBe(9);
    const added: string[] = [];
    const rows = await walk(MEMBERS, 'members', { f: { organisationId: t.a1 } }, 2, async (n) => {
      added.push(await t.member(t.a1, `An Văn Đầu ${n}`)); // sorts first: before the cursor
      added.push(await t.member(t.a1, `Ỷ Văn Cuối ${n}`)); // sorts last: after it
    });
    once(rows, ids);
    // the rows read are in the list's order (the same as one offset page of everything now)
    const now = (await ok(MEMBERS, { f: { organisationId: t.a1 }, page: { limit: 500 } })).members.items.map(
      (r: Row) => r.id,
    );
    expect(rows.map((r) => r.id)).toEqual(now.filter((id: string) => rows.some((r) => r.id === id)));
    // the members added at the end were reached; those added before the cursor were not
    expect(rows.some((r) => String(r.fullName).startsWith('Ỷ Văn Cuối'))).toBe(true);
    expect(rows.some((r) => String(r.fullName).startsWith('An Văn Đầu 3'))).toBe(false);
  });

  it('meetingList: every meeting once, newest first, a meeting without a start time included', async () => {
    const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
    const plan = async (date: string, startTime?: string) =>
      (
        await ok(CREATE, {
          i: {
            organisationId: t.a2,
            kind: 'REGULAR',
            title: `Sinh hoạt ${date}`,
            date,
            ...(startTime ? { startTime, endTime: '17:00' } : {}),
            place: 'Phòng họp',
          },
        })
      ).createMeeting.id as string;
    const ids = [
      await plan('2026-01-08', '14:00'),
      await plan('2026-01-08'),
      await plan('2026-01-08', '08:00'),
      await plan('2026-02-12', '14:00'),
      await plan('2026-03-12', '14:00'),
      await plan('2026-04-09'),
      await plan('2026-05-14', '14:00'),
    ];
    const LIST = `query($f: MeetingFilter, $page: PageInput) { meetingList(filter: $f, page: $page) { items { id date startTime } nextCursor } }`;
    let k = 0;
    const rows = await walk(LIST, 'meetingList', { f: { organisationId: t.a2 } }, 2, async () => {
      await plan(`2026-06-1${k}`, '14:00'); // newer: before the cursor
      await plan(`2025-12-1${k++}`); // older: after it
    });
    once(rows, ids);
    const firstPart = rows.filter((r) => ids.includes(r.id)).map((r) => `${r.date} ${r.startTime ?? '-'}`);
    expect(firstPart).toEqual([
      '2026-05-14 14:00',
      '2026-04-09 -',
      '2026-03-12 14:00',
      '2026-02-12 14:00',
      '2026-01-08 08:00',
      '2026-01-08 14:00',
      '2026-01-08 -',
    ]);
  });

  it('ratings: every rating once while ratings are added', async () => {
    const RECORD = `mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id } }`;
    const rate = async (memberId: string, year: number) =>
      (
        await ok(RECORD, {
          i: { memberId, year, scheme: 'QD366_2025', rawLabel: 'Hoàn thành tốt nhiệm vụ', level: 'HTTNV' },
        })
      ).recordHistoricalRating.id as string;
    const ids: string[] = [];
    for (const year of [2022, 2023]) for (const m of [t.m1, t.m2, t.m3, t.m4]) ids.push(await rate(m, year));
    const LIST = `query($f: RatingFilter, $page: PageInput) { ratings(filter: $f, page: $page) { items { id year } nextCursor } }`;
    const late = [2021, 2024, 2020];
    const rows = await walk(LIST, 'ratings', { f: { organisationId: t.GA } }, 3, async (n) => {
      const year = late[n];
      if (year !== undefined) await rate(t.m1, year);
    });
    once(rows, ids);
    const years = rows.map((r) => r.year as number);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
  });

  it('auditLog: every entry once, newest first, while writes add newer entries', async () => {
    const LOG = `query($f: AuditFilter, $page: PageInput) { auditLog(filter: $f, page: $page) { items { id operation } nextCursor total } }`;
    // Entries on both sides of a power of ten (…998, 999, 1000, 1001…): ordered as text instead of numbers they
    // would come out of order (a bare ORDER BY id once sorted the id::text output column).
    const [{ max }] = await h.ds.query(`SELECT coalesce(max(id), 0)::bigint AS max FROM audit_log`);
    const power = 10 ** Math.ceil(Math.log10(Number(max) + 10));
    await h.ds.query(`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), $1)`, [power - 3]);
    for (const n of [1, 2, 3, 4, 5]) await t.member(t.b1, `Phan Văn Mốc ${n}`);
    const ids = (await ok(LOG, { f: { entityType: 'member' }, page: { limit: 500 } })).auditLog.items.map(
      (r: Row) => r.id,
    );
    expect(ids.length).toBeGreaterThan(10);
    const rows = await walk(LOG, 'auditLog', { f: { entityType: 'member' } }, 4, (n) =>
      t.member(t.b1, `Lý Văn Mới ${n}`),
    );
    once(rows, ids);
    const seq = rows.map((r) => Number(r.id));
    expect([...seq].sort((a, b) => b - a)).toEqual(seq);
    expect(rows.map((r) => r.id)).toEqual(ids); // newer entries come before the first page, never after a cursor
  });

  it('refuses a cursor of another list, a malformed one, offset with after, and after on an offset-only list', async () => {
    const MEMBERS = `query($page: PageInput) { members(page: $page) { items { id } nextCursor } }`;
    const LOG = `query($page: PageInput) { auditLog(page: $page) { items { id } nextCursor } }`;
    const logCursor = (await ok(LOG, { page: { limit: 1 } })).auditLog.nextCursor;
    expect(logCursor).toEqual(expect.any(String));
    expect(errorOf(await h.gql(MEMBERS, { page: { after: logCursor } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(errorOf(await h.gql(MEMBERS, { page: { after: 'bm90IGEgY3Vyc29y' } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(errorOf(await h.gql(LOG, { page: { after: logCursor, offset: 5 } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const ORGS = `query($page: PageInput) { organisations(page: $page) { items { id } } }`;
    expect(errorOf(await h.gql(ORGS, { page: { after: logCursor } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT' });
    // a tampered value of the right list is refused before it reaches SQL
    const forged = Buffer.from(JSON.stringify({ l: 'auditLog', k: ['1; DROP TABLE audit_log'] })).toString('base64url');
    expect(errorOf(await h.gql(LOG, { page: { after: forged } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  // A list's count and its page come from one statement (countAndPage): the count must not depend on the page, and
  // the rows must keep the list's order through it.
  it('every list: the same total on a page past the end, and an offset page is a slice of the whole list', async () => {
    const lists: [string, string, Record<string, unknown>][] = [
      ['members', 'MemberFilter', { organisationId: t.R }],
      ['meetingList', 'MeetingFilter', { organisationId: t.R }],
      ['organisations', 'OrganisationFilter', { underId: t.R }],
      ['inspections', 'InspectionFilter', { organisationId: t.R }],
      ['auditLog', 'AuditFilter', { entityType: 'member' }],
    ];
    for (const [field, type, f] of lists) {
      const q = `query($f: ${type}, $page: PageInput) { ${field}(filter: $f, page: $page) { items { id } total offset limit } }`;
      const all = (await ok(q, { f, page: { limit: 500 } }))[field];
      if (field !== 'inspections') expect(all.total).toBeGreaterThan(3);
      expect(all.items.length).toBe(Math.min(all.total, 500));
      const slice = (await ok(q, { f, page: { offset: 1, limit: 2 } }))[field];
      expect({ field, total: slice.total, ids: slice.items.map((r: Row) => r.id) }).toEqual({
        field,
        total: all.total,
        ids: all.items.slice(1, 3).map((r: Row) => r.id),
      });
      const past = (await ok(q, { f, page: { offset: 100_000, limit: 5 } }))[field];
      expect({ field, total: past.total, items: past.items, offset: past.offset }).toEqual({
        field,
        total: all.total,
        items: [],
        offset: 100_000,
      });
    }
  });
});
