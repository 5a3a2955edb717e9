import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { seed } from '../../src/cli/seed';
import { today } from '../../src/database/sql';

// Admissions (kết nạp): one definition behind the dashboard (members.admissions, each child's, the trend),
// admissionProgress.admitted and the list admissions(organisationId, from, to, asOf), judged on 15 June 2026:
// - Xuân was admitted in a1 (under A) in February, then moved to b1 (under B) in April: A admitted her;
// - Thu was admitted in a2 (under A) in March and transferred out of the system in May: A admitted her;
// - Hạ was admitted in b1 (under B) in January, then moved to a1 in March: B admitted her, not A;
// - Đông came from outside the system (transferred in) in February: nobody here admitted him;
// - Lâm's admission decision is of April but his ceremony (and his place in b1) is in August: B admitted him;
// - the fixture members were admitted in 2010.
const AS_OF = '2026-06-15';
const FROM = '2026-01-01';

const LIST = `query($o: ID!, $f: Date!, $t: Date!, $d: Date, $p: PageInput) { admissions(organisationId: $o, from: $f, to: $t, asOf: $d, page: $p) {
  total offset limit items { memberId fullName admissionDecisionDate ceremonyDate admittedIn { id name asOf } organisationId organisation { id } status asOf } } }`;
const PROGRESS = `query($o: ID!, $y: Int!, $d: Date) { admissionProgress(organisationId: $o, year: $y, asOf: $d) { from to admitted target } }`;
const DASHBOARD = `query($i: DashboardInput!) { dashboard(input: $i) { from to members { admissions trend { year date admissions } } children { organisation { id } admissions } } }`;

type Row = {
  memberId: string;
  fullName: string;
  admissionDecisionDate: string;
  admittedIn: { id: string; asOf: string };
  organisationId: string | null;
  organisation: { id: string } | null;
  status: string | null;
};

describe('admissions', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const ids: Record<string, string> = {};

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
  const list = async (organisationId: string, token = admin, from = FROM, to = AS_OF) =>
    (
      await ok<{ admissions: { total: number; items: Row[] } }>(
        LIST,
        { o: organisationId, f: from, t: to, d: AS_OF, p: { limit: 500 } },
        token,
      )
    ).admissions;
  const event = (i: Record<string, unknown>) =>
    ok(`mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`, { i });
  const young = { birthDate: '2000-02-02', fullMembershipDate: undefined };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    ids.xuan = await t.member(t.a1, 'Đào Thị Xuân', {
      ...young,
      admissionDecisionDate: '2026-02-01',
      ceremonyDate: '2026-02-10',
      joinedOn: '2026-02-10',
    });
    await event({ memberId: ids.xuan, type: 'TRANSFER_INTERNAL', toOrganisationId: t.b1, effectiveOn: '2026-04-01' });
    ids.thu = await t.member(t.a2, 'Vũ Thị Thu', {
      ...young,
      admissionDecisionDate: '2026-03-02',
      ceremonyDate: '2026-03-12',
      joinedOn: '2026-03-12',
    });
    await event({
      memberId: ids.thu,
      type: 'TRANSFER_OUT',
      externalOrganisation: 'Đảng bộ tỉnh Gia Lai',
      effectiveOn: '2026-05-04',
    });
    ids.ha = await t.member(t.b1, 'Mai Thị Hạ', {
      ...young,
      admissionDecisionDate: '2026-01-15',
      ceremonyDate: '2026-01-25',
      joinedOn: '2026-01-25',
    });
    await event({ memberId: ids.ha, type: 'TRANSFER_INTERNAL', toOrganisationId: t.a1, effectiveOn: '2026-03-02' });
    ids.dong = await t.member(t.a1, 'Lương Văn Đông', {
      ...young,
      admissionDecisionDate: '2026-01-20',
      ceremonyDate: '2026-02-01',
      joinedOn: '2026-02-20',
      transferredFrom: 'Đảng bộ tỉnh Kon Tum',
    });
    ids.lam = await t.member(t.b1, 'Lâm Văn Muộn', {
      ...young,
      admissionDecisionDate: '2026-04-01',
      ceremonyDate: '2026-08-20',
      joinedOn: undefined,
    });
  }, 60_000);
  afterAll(() => h.close());

  it('counts where and when the member was admitted: transferred out still counts, transferred in does not', async () => {
    const a = await list(t.A);
    expect(a.items.map((r) => r.memberId)).toEqual([ids.xuan, ids.thu]);
    expect(a.items[0]).toMatchObject({
      fullName: 'Đào Thị Xuân',
      admissionDecisionDate: '2026-02-01',
      admittedIn: { id: t.a1, asOf: '2026-02-01' },
      organisationId: t.b1,
      status: 'PROBATIONARY',
    });
    // Left the system: still listed, under the last cell.
    expect(a.items[1]).toMatchObject({
      admittedIn: { id: t.a2 },
      organisation: { id: t.a2 },
      status: 'TRANSFERRED_OUT',
    });
    const b = await list(t.B);
    // Hạ (moved on to A) is B's; Lâm's decision falls in the period though his ceremony is still to come.
    expect(b.items.map((r) => r.memberId)).toEqual([ids.ha, ids.lam]);
    expect(b.items[1]).toMatchObject({ admittedIn: { id: t.b1 }, organisation: { id: t.b1 }, status: 'PROBATIONARY' });
    expect((await list(t.R)).total).toBe(4);
    // The period is the admission decision date's: Xuân alone in February.
    expect((await list(t.R, admin, '2026-02-01', '2026-02-28')).items.map((r) => r.memberId)).toEqual([ids.xuan]);
  });

  it("gives the dashboard, its children, its trend and admissionProgress the list's totals", async () => {
    for (const org of [t.R, t.A, t.B, t.GA, t.a1, t.b1]) {
      const d = (await ok(DASHBOARD, { i: { organisationId: org, asOf: AS_OF } })).dashboard;
      const total = (await list(org)).total;
      expect(d.members.admissions).toBe(total);
      expect(d.members.trend.at(-1)).toMatchObject({ year: 2026, date: AS_OF, admissions: total });
      const p = (await ok(PROGRESS, { o: org, y: 2026, d: AS_OF })).admissionProgress;
      expect(p).toMatchObject({ from: FROM, to: AS_OF, admitted: total });
      for (const child of d.children) expect(child.admissions).toBe((await list(child.organisation.id)).total);
    }
    const r = (await ok(DASHBOARD, { i: { organisationId: t.R, asOf: AS_OF } })).dashboard;
    expect(r.members.admissions).toBe(4);
    expect(r.children).toEqual([
      { organisation: { id: t.A }, admissions: 2 },
      { organisation: { id: t.B }, admissions: 2 },
    ]);
    // Earlier years of the trend: their own admissions (none here; the fixture members were admitted in 2010).
    expect(r.members.trend.slice(0, 4).map((p: { admissions: number }) => p.admissions)).toEqual([0, 0, 0, 0]);
    // A past year is counted to 31 December; the fixture members (2010) were admitted by cells placed in 2015, counted
    // under the cells' first placement.
    const y2010 = await list(t.R, admin, '2010-01-01', '2010-12-31');
    expect(y2010.total).toBe(5);
    expect((await ok(PROGRESS, { o: t.R, y: 2010 })).admissionProgress).toMatchObject({
      from: '2010-01-01',
      to: '2010-12-31',
      admitted: 5,
    });
  });

  it('shows name, date and admitting cell to the admitting side, but not where the member is now outside its scope', async () => {
    const readerA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    const a = await list(t.A, readerA);
    expect(a.total).toBe(2);
    // Xuân is in b1 (under B) now: her name, date and admitting cell show, her current cell and status do not.
    expect(a.items[0]).toMatchObject({
      memberId: ids.xuan,
      fullName: 'Đào Thị Xuân',
      admittedIn: { id: t.a1 },
      organisationId: null,
      organisation: null,
      status: null,
    });
    expect(a.items[1]).toMatchObject({ memberId: ids.thu, organisation: { id: t.a2 }, status: 'TRANSFERRED_OUT' });
    expect(
      (await ok(DASHBOARD, { i: { organisationId: t.A, asOf: AS_OF } }, readerA)).dashboard.members.admissions,
    ).toBe(2);
    expect((await ok(PROGRESS, { o: t.A, y: 2026, d: AS_OF }, readerA)).admissionProgress.admitted).toBe(2);
    // The cell's secretary sees the cell's own admissions.
    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    expect((await list(t.a1, secretary)).items).toEqual([
      expect.objectContaining({ memberId: ids.xuan, organisation: null, status: null }),
    ]);
  });

  it('answers NOT_FOUND outside the scope, like a missing organisation', async () => {
    const readerB = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    const member = await h.userWith('MEMBER', { memberId: t.m1 });
    for (const [org, token] of [
      [t.A, readerB],
      [t.R, readerB],
      [t.a1, member],
      ['00000000-0000-0000-0000-000000000000', admin],
      ['not-an-id', admin],
    ]) {
      const res = await h.gql(LIST, { o: org, f: FROM, t: AS_OF, d: AS_OF }, token);
      expect(errorOf(res)).toMatchObject({
        code: 'NOT_FOUND',
        fields: [expect.objectContaining({ field: 'organisationId' })],
      });
      expect(errorOf(await h.gql(PROGRESS, { o: org, y: 2026, d: AS_OF }, token))?.code).toBe('NOT_FOUND');
    }
    expect(errorOf(await h.gql(LIST, { o: t.R, f: AS_OF, t: FROM }, admin))).toMatchObject({
      reason: 'INVALID_DATE_ORDER',
      fields: [expect.objectContaining({ field: 'to' })],
    });
  });

  it('pages the list, with a fixed number of queries whatever the page size', async () => {
    const all = await list(t.R);
    const page = (await ok(LIST, { o: t.R, f: FROM, t: AS_OF, d: AS_OF, p: { offset: 1, limit: 2 } })).admissions;
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(page.items.map((r: Row) => r.memberId)).toEqual(all.items.slice(1, 3).map((r) => r.memberId));
    const one = await h.countQueries(() => ok(LIST, { o: t.R, f: FROM, t: AS_OF, d: AS_OF, p: { limit: 1 } }));
    const four = await h.countQueries(() => ok(LIST, { o: t.R, f: FROM, t: AS_OF, d: AS_OF, p: { limit: 4 } }));
    expect(four.queries).toBe(one.queries);
  });
});

describe('admissions on the demo data', () => {
  let h: Harness;
  let admin: string;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results, read loosely by the assertions
  const ok = async <T = Record<string, any>>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await h.gql<T>(query, variables, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    // The browser tests' demo committee (idempotent: nothing is added when it is already there).
    await seed(h.app, cliCaller(), { scale: 0.05, seed: 2026, log: () => undefined });
  }, 300_000);
  afterAll(() => h.close());

  it('gives the same admissions in the dashboard (section, children, trend), admissionProgress and the list', async () => {
    const [root] = await h.ds.query(`SELECT id FROM organisation WHERE code = 'BD.CQD'`);
    const asOf = today();
    const year = Number(asOf.slice(0, 4));
    const d = (await ok(DASHBOARD, { i: { organisationId: root.id, asOf } })).dashboard;
    const total = async (organisationId: string, from: string, to: string) =>
      (
        await ok<{ admissions: { total: number } }>(LIST, {
          o: organisationId,
          f: from,
          t: to,
          d: asOf,
          p: { limit: 1 },
        })
      ).admissions.total;
    expect(d.members.admissions).toBeGreaterThan(0);
    expect(d.members.admissions).toBe(await total(root.id, d.from, d.to));
    expect((await ok(PROGRESS, { o: root.id, y: year, d: asOf })).admissionProgress).toMatchObject({
      from: d.from,
      to: d.to,
      admitted: d.members.admissions,
    });
    expect((await ok(PROGRESS, { o: root.id, y: year })).admissionProgress.admitted).toBe(d.members.admissions);
    for (const p of d.members.trend) expect(p.admissions).toBe(await total(root.id, `${p.year}-01-01`, p.date));
    expect(d.children.length).toBeGreaterThan(1);
    for (const c of d.children) expect(c.admissions).toBe(await total(c.organisation.id, d.from, d.to));
    expect(d.children.reduce((n: number, c: { admissions: number }) => n + c.admissions, 0)).toBe(d.members.admissions);
  });
});
