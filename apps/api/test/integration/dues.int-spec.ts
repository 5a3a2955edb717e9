import ExcelJS from 'exceljs';
import { vietnamToday } from '@chibo/domain';
import { bootApp, errorOf, worksheet, type Harness } from '../setup/harness';
import { buildTree, tableCatalog } from '../setup/fixtures';
import { seedDues } from '../../src/cli/seed-dues';
import { DuesFactsService } from '../../src/modules/dues/dues-facts.service';

// Party dues (issue 15 §3; docs/dues.md): bases, reliefs and payments through GraphQL, each month's amount and the
// arrears rule from libs/domain, figures equal to their lists, scope, idempotent retries, and refusals that write nothing.
// The year is last year, so that every month has ended whatever today's date.
describe('party dues', () => {
  let h: Harness;
  let admin: string;
  let secretaryA1: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const Y = Number(vietnamToday().slice(0, 4)) - 1;
  const month = (n: number) => `${Y}-${String(n).padStart(2, '0')}`;

  const PAY = `mutation($i: RecordDuesPaymentInput!) { recordDuesPayment(input: $i) { id memberId organisationId month amount paidOn channel cancelledAt } }`;
  const CANCEL = `mutation($id: ID!, $r: String!) { cancelDuesPayment(id: $id, reason: $r) { id cancelledAt cancelReason } }`;
  const BASIS = `mutation($i: SetDuesBasisInput!) { setDuesBasis(input: $i) { id from to basis amount } }`;
  const RELIEF = `mutation($i: GrantDuesReliefInput!) { grantDuesRelief(input: $i) { id kind percent from to } }`;
  const YEAR_FIELDS = `memberId fullName organisationId dueTotal paidTotal paidAhead unpaidMonths shortMonths unknownMonths outstanding inArrears
    months { month organisationId due standard reason deferred paid }`;
  const MEMBER = `query($m: ID!, $y: Int!) { memberDues(memberId: $m, year: $y) { year { ${YEAR_FIELDS} } payments { id month amount cancelledAt } bases { from to basis amount } reliefs { kind percent from to } } }`;
  const SHEET = `query($o: ID!, $y: Int!) { duesSheet(organisationId: $o, year: $y, page: { limit: 500 }) { total items { ${YEAR_FIELDS} } } }`;
  const ARREARS = `query($o: ID!, $y: Int!) { duesArrears(organisationId: $o, year: $y) { total items { memberId unpaidMonths } } }`;
  const ROW = `organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis`;
  const FIGURES = `query($o: ID!, $y: Int!) { duesFigures(organisationId: $o, year: $y) { year throughMonth total { ${ROW} } children { ${ROW} organisation { id code } } } }`;

  const ok = async <T = Record<string, any>>(p: Promise<{ data: T; errors?: unknown }>): Promise<T> => {
    const r = await p;
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const pay = (memberId: string, m: number, amount: number, token = secretaryA1, extra: Record<string, unknown> = {}) =>
    h.gql(
      PAY,
      { i: { memberId, month: month(m), amount, paidOn: `${month(m)}-10`, channel: 'CASH', ...extra } },
      token,
    );
  /** The dues figures of R's year, and the same figures added up from R's dues sheet (a figure equals its list). */
  const figures = async () => (await ok(h.gql(FIGURES, { o: t.R, y: Y }, admin))).duesFigures;
  const sheetSums = async () => {
    const { duesSheet } = await ok(h.gql(SHEET, { o: t.R, y: Y }, admin));
    const sum = (k: string) => duesSheet.items.reduce((n: number, x: Record<string, number>) => n + (x[k] ?? NaN), 0);
    return {
      members: duesSheet.total,
      due: sum('dueTotal'),
      collected: sum('paidTotal'),
      outstanding: sum('outstanding'),
      membersInArrears: duesSheet.items.filter((x: { inArrears: boolean }) => x.inArrears).length,
    };
  };
  const counts = async () =>
    (
      await h.ds
        .query(`SELECT (SELECT count(*) FROM dues_payment)::int AS p, (SELECT count(*) FROM dues_basis)::int AS b,
    (SELECT count(*) FROM dues_relief)::int AS r, (SELECT count(*) FROM audit_log)::int AS a`)
    )[0];

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    secretaryA1 = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    // m1: 1% of a 10,000,000 salary; every month paid but September. m2: a student who pays nothing. m3: no basis,
    // then exempt on application for the whole year. m4 (cell a2): a pension, paid in full. m5 (other tree): nothing recorded.
    await ok(
      h.gql(BASIS, { i: { memberId: t.m1, from: month(1), basis: 'INSURED_SALARY', amount: 10_000_000 } }, secretaryA1),
    );
    await ok(h.gql(BASIS, { i: { memberId: t.m2, from: month(1), basis: 'STUDENT' } }, secretaryA1));
    await ok(h.gql(BASIS, { i: { memberId: t.m4, from: month(1), basis: 'PENSION', amount: 7_300_000 } }, admin));
    for (let m = 1; m <= 12; m += 1) if (m !== 9) await ok(pay(t.m1, m, 100_000));
    for (let m = 1; m <= 12; m += 1) await ok(pay(t.m4, m, 36_500, admin));
  }, 120_000);
  afterAll(() => h?.close());

  it('computes each month from the basis in force, and the arrears rule from libs/domain', async () => {
    const { memberDues } = await ok(h.gql(MEMBER, { m: t.m1, y: Y }, secretaryA1));
    expect(memberDues.year.months).toHaveLength(12);
    expect(memberDues.year.months[0]).toEqual({
      month: month(1),
      organisationId: t.a1,
      due: 100_000,
      standard: 100_000,
      reason: 'STANDARD',
      deferred: false,
      paid: 100_000,
    });
    expect(memberDues.year).toMatchObject({
      dueTotal: 1_200_000,
      paidTotal: 1_100_000,
      unpaidMonths: [month(9)],
      outstanding: 100_000,
      inArrears: false,
    });
    expect(memberDues.bases).toEqual([{ from: month(1), to: null, basis: 'INSURED_SALARY', amount: 10_000_000 }]);

    const student = (await ok(h.gql(MEMBER, { m: t.m2, y: Y }, secretaryA1))).memberDues.year;
    expect(student.months.every((x: { due: number }) => x.due === 5_000)).toBe(true);
    expect(student).toMatchObject({
      unpaidMonths: Array.from({ length: 12 }, (_, i) => month(i + 1)),
      outstanding: 60_000,
      inArrears: true,
    });

    const unknown = (await ok(h.gql(MEMBER, { m: t.m3, y: Y }, secretaryA1))).memberDues.year;
    expect(unknown).toMatchObject({
      dueTotal: 0,
      unknownMonths: Array.from({ length: 12 }, (_, i) => month(i + 1)),
      inArrears: false,
    });
    expect(unknown.months[0]).toMatchObject({ due: null, reason: 'NO_BASIS' });
  });

  it('changes the amount from the month a new basis starts, keeping the months before', async () => {
    await ok(
      h.gql(
        BASIS,
        { i: { memberId: t.m1, from: month(7), basis: 'PENSION', amount: 6_000_000, note: 'Nghỉ hưu' } },
        secretaryA1,
      ),
    );
    const { memberDues } = await ok(h.gql(MEMBER, { m: t.m1, y: Y }, secretaryA1));
    expect(memberDues.bases).toEqual([
      { from: month(1), to: month(6), basis: 'INSURED_SALARY', amount: 10_000_000 },
      { from: month(7), to: null, basis: 'PENSION', amount: 6_000_000 },
    ]);
    expect(memberDues.year.months.map((x: { due: number }) => x.due)).toEqual([
      ...Array(6).fill(100_000),
      ...Array(6).fill(30_000),
    ]);
    // paid 100,000 in the months owing 30,000: nothing outstanding there; September still unpaid
    expect(memberDues.year).toMatchObject({
      dueTotal: 780_000,
      unpaidMonths: [month(9)],
      shortMonths: [],
      outstanding: 30_000,
    });
    // back to the salary from July: the July basis is replaced, not stacked
    await ok(
      h.gql(BASIS, { i: { memberId: t.m1, from: month(7), basis: 'INSURED_SALARY', amount: 10_000_000 } }, secretaryA1),
    );
    expect((await ok(h.gql(MEMBER, { m: t.m1, y: Y }, secretaryA1))).memberDues.bases).toHaveLength(2);
  });

  it('applies reliefs: an exemption on application, a reduction the policy allows; refuses others and overlaps', async () => {
    const exempt = await ok(
      h.gql(
        RELIEF,
        {
          i: {
            memberId: t.m3,
            kind: 'EXEMPT',
            from: month(1),
            to: month(12),
            decidedOn: `${Y}-01-05`,
            reason: 'Hộ nghèo',
          },
        },
        secretaryA1,
      ),
    );
    expect(exempt.grantDuesRelief).toMatchObject({ kind: 'EXEMPT', percent: null, from: month(1), to: month(12) });
    const m3 = (await ok(h.gql(MEMBER, { m: t.m3, y: Y }, secretaryA1))).memberDues.year;
    expect(m3).toMatchObject({ dueTotal: 0, unknownMonths: [], inArrears: false });
    expect(m3.months[3]).toMatchObject({ due: 0, reason: 'EXEMPT_ON_APPLICATION' });

    const before = await counts();
    const bad = errorOf(
      await h.gql(
        RELIEF,
        {
          i: {
            memberId: t.m2,
            kind: 'REDUCE',
            percent: 40,
            from: month(1),
            to: `${Y + 1}-01`,
            decidedOn: `${Y}-01-05`,
            reason: 'Khó khăn',
          },
        },
        secretaryA1,
      ),
    );
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
    expect(bad?.fields.map((f: { field: string }) => f.field)).toEqual(['percent', 'to']);
    const overlap = errorOf(
      await h.gql(
        RELIEF,
        {
          i: {
            memberId: t.m3,
            kind: 'REDUCE',
            percent: 50,
            from: month(6),
            to: month(6),
            decidedOn: `${Y}-06-01`,
            reason: 'x',
          },
        },
        secretaryA1,
      ),
    );
    expect(overlap).toMatchObject({ reason: 'CONFLICT' });
    const future = errorOf(
      await h.gql(
        RELIEF,
        {
          i: { memberId: t.m2, kind: 'DEFER', from: month(1), to: month(2), decidedOn: `${Y + 5}-01-01`, reason: 'x' },
        },
        secretaryA1,
      ),
    );
    expect(future).toMatchObject({ reason: 'DATE_IN_FUTURE' });
    expect(await counts()).toEqual(before);
  });

  it('gives figures equal to the sum of the sheet, per organisation under the root, and the list behind the arrears count', async () => {
    const { duesSheet } = await ok(h.gql(SHEET, { o: t.R, y: Y }, admin));
    expect(duesSheet.total).toBe(5);
    expect(duesSheet.items.map((x: { fullName: string }) => x.fullName)).toEqual([
      'Đặng Quốc Việt',
      'Lê Đức Thắng',
      'Nguyễn Văn An',
      'Phạm Minh Tuấn',
      'Trần Thị Hường',
    ]);
    const sum = (k: string) => duesSheet.items.reduce((n: number, x: Record<string, number>) => n + (x[k] ?? NaN), 0);
    const { duesFigures } = await ok(h.gql(FIGURES, { o: t.R, y: Y }, admin));
    expect(duesFigures.throughMonth).toBe(month(12));
    expect(duesFigures.total).toMatchObject({
      organisationId: t.R,
      members: 5,
      due: sum('dueTotal'),
      collected: sum('paidTotal'),
      outstanding: sum('outstanding'),
      membersInArrears: 1,
      membersWithoutBasis: 1,
    });
    expect(duesFigures.total.due).toBe(1_200_000 + 60_000 + 438_000);
    expect(
      duesFigures.children
        .map((c: { organisationId: string; members: number; membersInArrears: number }) => [
          c.organisationId,
          c.members,
          c.membersInArrears,
        ])
        .sort(),
    ).toEqual(
      [
        [t.A, 4, 1],
        [t.B, 1, 0],
      ].sort(),
    );
    expect(duesFigures.children.map((c: { organisation: { id: string } }) => c.organisation.id).sort()).toEqual(
      [t.A, t.B].sort(),
    );
    const { duesArrears } = await ok(h.gql(ARREARS, { o: t.R, y: Y }, admin));
    expect(duesArrears).toEqual({
      total: 1,
      items: [{ memberId: t.m2, unpaidMonths: Array.from({ length: 12 }, (_, i) => month(i + 1)) }],
    });
    const cell = (await ok(h.gql(FIGURES, { o: t.a1, y: Y }, secretaryA1))).duesFigures.total;
    expect(cell).toMatchObject({ members: 3, membersInArrears: 1 });
  });

  it("exports the report in the committees' layout: the figures per organisation with the total, then every member", async () => {
    const res = await ok(
      h.gql(`query($i: DuesReportInput!) { duesXlsx(input: $i) }`, { i: { organisationId: t.R, year: Y } }, admin),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.duesXlsx, 'base64') as never);
    const summary = worksheet(wb, 0);
    const sheet = worksheet(wb, 1);
    const { duesFigures } = await ok(h.gql(FIGURES, { o: t.R, y: Y }, admin));
    expect(summary.getRow(1).getCell(1).value).toBe(`BÁO CÁO THU ĐẢNG PHÍ NĂM ${Y}`);
    const totalRow = summary.getRow(4 + duesFigures.children.length + 1);
    expect([
      totalRow.getCell(1).value,
      totalRow.getCell(2).value,
      totalRow.getCell(3).value,
      totalRow.getCell(4).value,
    ]).toEqual(['Tổng cộng', duesFigures.total.members, duesFigures.total.due, duesFigures.total.collected]);
    const names = Array.from({ length: sheet.rowCount - 4 }, (_, i) => sheet.getRow(5 + i).getCell(2).value);
    expect(names).toEqual(['Đặng Quốc Việt', 'Lê Đức Thắng', 'Nguyễn Văn An', 'Phạm Minh Tuấn', 'Trần Thị Hường']);
    // Trần Thị Hường (a student who paid nothing): the twelve months unpaid, in the last column
    expect(sheet.getRow(9).getCell(19).value).toBe('1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12');
  });

  it('records a retried payment once (client key), cancels with a reason, and refuses bad input writing nothing', async () => {
    const key = `offline-${Date.now()}`;
    const first = await ok(pay(t.m1, 9, 100_000, secretaryA1, { clientKey: key }));
    const again = await ok(pay(t.m1, 9, 100_000, secretaryA1, { clientKey: key }));
    expect(again.recordDuesPayment.id).toBe(first.recordDuesPayment.id);
    expect(first.recordDuesPayment).toMatchObject({
      organisationId: t.a1,
      month: month(9),
      amount: 100_000,
      channel: 'CASH',
      cancelledAt: null,
    });
    expect(errorOf(await pay(t.m2, 9, 5_000, secretaryA1, { clientKey: key }))).toMatchObject({
      reason: 'CONFLICT',
      fields: [expect.objectContaining({ field: 'clientKey' })],
    });
    expect((await ok(h.gql(MEMBER, { m: t.m1, y: Y }, secretaryA1))).memberDues.year.unpaidMonths).toEqual([]);

    const cancelled = await ok(h.gql(CANCEL, { id: first.recordDuesPayment.id, r: 'Ghi nhầm tháng' }, secretaryA1));
    expect(cancelled.cancelDuesPayment).toMatchObject({
      cancelReason: 'Ghi nhầm tháng',
      cancelledAt: expect.any(String),
    });
    expect((await ok(h.gql(MEMBER, { m: t.m1, y: Y }, secretaryA1))).memberDues.year.unpaidMonths).toEqual([month(9)]);
    expect(errorOf(await h.gql(CANCEL, { id: first.recordDuesPayment.id, r: 'again' }, secretaryA1))).toMatchObject({
      reason: 'CONFLICT',
    });

    const before = await counts();
    const future = errorOf(
      await h.gql(
        PAY,
        { i: { memberId: t.m1, month: month(9), amount: 100_000, paidOn: `${Y + 3}-01-01`, channel: 'CASH' } },
        secretaryA1,
      ),
    );
    expect(future).toMatchObject({ reason: 'DATE_IN_FUTURE', fields: [expect.objectContaining({ field: 'paidOn' })] });
    const notMember = errorOf(
      await h.gql(
        PAY,
        { i: { memberId: t.m1, month: '2014-12', amount: 100_000, paidOn: '2014-12-10', channel: 'CASH' } },
        secretaryA1,
      ),
    );
    expect(notMember).toMatchObject({ reason: 'VALIDATION', fields: [expect.objectContaining({ field: 'month' })] });
    const zero = errorOf(
      await h.gql(
        PAY,
        { i: { memberId: t.m1, month: month(9), amount: 0, paidOn: `${Y}-09-10`, channel: 'CASH' } },
        secretaryA1,
      ),
    );
    expect(zero).toMatchObject({ code: 'BAD_USER_INPUT' });
    const badMonth = errorOf(
      await h.gql(
        PAY,
        { i: { memberId: t.m1, month: `${Y}-13`, amount: 1, paidOn: `${Y}-09-10`, channel: 'CASH' } },
        secretaryA1,
      ),
    );
    expect(badMonth).toMatchObject({ code: 'BAD_USER_INPUT' });
    const hostile = errorOf(
      await h.gql(
        PAY,
        {
          i: {
            memberId: t.m1,
            month: month(9),
            amount: 1,
            paidOn: `${Y}-09-10`,
            channel: 'CASH',
            note: 'x'.repeat(10_000),
          },
        },
        secretaryA1,
      ),
    );
    expect(hostile).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await counts()).toEqual(before);
  });

  it('answers out of scope like a missing record, refuses readers writes, and shows members only their own dues', async () => {
    const secretaryB1 = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    const readerA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    const memberM2 = await h.userWith('MEMBER', { memberId: t.m2 });
    const before = await counts();
    expect(errorOf(await pay(t.m1, 3, 1_000, secretaryB1))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await pay(t.m1, 3, 1_000, readerA))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await pay('00000000-0000-4000-8000-000000000000', 3, 1_000, admin))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(errorOf(await pay('not-a-uuid', 3, 1_000, admin))).toMatchObject({ code: 'NOT_FOUND' });
    const payment = (await ok(h.gql(MEMBER, { m: t.m4, y: Y }, admin))).memberDues.payments[0].id;
    expect(errorOf(await h.gql(CANCEL, { id: payment, r: 'x' }, secretaryB1))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toEqual(before);

    expect(errorOf(await h.gql(MEMBER, { m: t.m1, y: Y }, secretaryB1))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await h.gql(FIGURES, { o: t.B, y: Y }, readerA))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await ok(h.gql(FIGURES, { o: t.A, y: Y }, readerA))).duesFigures.total.members).toBe(4);
    expect((await ok(h.gql(MEMBER, { m: t.m2, y: Y }, memberM2))).memberDues.year.inArrears).toBe(true);
    expect(errorOf(await h.gql(MEMBER, { m: t.m1, y: Y }, memberM2))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await h.gql(SHEET, { o: t.a1, y: Y }, memberM2))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await h.gql(FIGURES, { o: t.R, y: Y + 5 }, admin))).toMatchObject({
      reason: 'DATE_IN_FUTURE',
      fields: [expect.objectContaining({ field: 'year' })],
    });
  });

  it('counts a member who moved between subtrees where they were each month', async () => {
    await ok(h.gql(BASIS, { i: { memberId: t.m5, from: month(1), basis: 'STUDENT' } }, admin));
    for (let m = 1; m <= 12; m += 1) await ok(pay(t.m5, m, 5_000, admin));
    await ok(
      h.gql(
        `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`,
        { i: { memberId: t.m5, type: 'TRANSFER_INTERNAL', toOrganisationId: t.a2, effectiveOn: `${Y}-07-01` } },
        admin,
      ),
    );
    const { memberDues } = await ok(h.gql(MEMBER, { m: t.m5, y: Y }, admin));
    expect(memberDues.year.months.map((x: { organisationId: string }) => x.organisationId)).toEqual([
      ...Array(6).fill(t.b1),
      ...Array(6).fill(t.a2),
    ]);
    expect(memberDues.year).toMatchObject({ dueTotal: 60_000, paidTotal: 60_000, unpaidMonths: [] });
    // in B's sheet: only the six months in B count, the others are shown as paid elsewhere
    const inB = (await ok(h.gql(SHEET, { o: t.B, y: Y }, admin))).duesSheet.items.find(
      (x: { memberId: string }) => x.memberId === t.m5,
    );
    expect(inB).toMatchObject({ dueTotal: 30_000, paidTotal: 30_000, outstanding: 0 });
    const { duesFigures } = await ok(h.gql(FIGURES, { o: t.R, y: Y }, admin));
    const child = (id: string) => duesFigures.children.find((c: { organisationId: string }) => c.organisationId === id);
    expect(child(t.B)).toMatchObject({ due: 30_000, collected: 30_000, members: 0 });
    expect(child(t.A).members).toBe(5);
    expect(child(t.A).due + child(t.B).due).toBe(duesFigures.total.due);
    expect(child(t.A).collected + child(t.B).collected).toBe(duesFigures.total.collected);
  });

  it('seeds demo dues for members who moved between cells of different batches once (one basis each)', async () => {
    const tree = await buildTree(h.gql, admin);
    await ok(
      h.gql(
        `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`,
        { i: { memberId: tree.m5, type: 'TRANSFER_INTERNAL', toOrganisationId: tree.a1, effectiveOn: '2025-06-01' } },
        admin,
      ),
    );
    let n = 7;
    const r = {
      next: () => (n = (n * 48271) % 2147483647) / 2147483647,
      int: (lo: number, hi: number) => lo + (n % (hi - lo + 1)),
      chance: () => false,
    };
    // one cell per batch: m5 is in b1's batch (January–May) and in a1's (from June)
    const catalog = await tableCatalog(h.ds, ['dues_payment', 'dues_basis']);
    expect(catalog.filter((x) => x.kind === 'index').length).toBeGreaterThanOrEqual(8);
    const res = await seedDues(h.app, r, [tree.a1, tree.a2, tree.b1], () => undefined, 1);
    // the load dropped every index, the foreign keys and the version triggers: all back, as they were
    expect(await tableCatalog(h.ds, ['dues_payment', 'dues_basis'])).toEqual(catalog);
    expect(res.bases).toBe(5);
    const rows: { member_id: string; n: number }[] = await h.ds.query(
      `SELECT member_id, count(*)::int AS n FROM dues_basis WHERE member_id = ANY($1::uuid[]) GROUP BY 1`,
      [[tree.m1, tree.m2, tree.m3, tree.m4, tree.m5]],
    );
    expect(rows.map((x) => x.n)).toEqual([1, 1, 1, 1, 1]);
    const m5 = (await ok(h.gql(MEMBER, { m: tree.m5, y: Y }, admin))).memberDues.year;
    expect(m5.unpaidMonths).toEqual([]);
  });

  it('keeps the facts behind the figures up to date: a write, a restructure, a new month, a judgement gone wrong', async () => {
    const before = await figures();
    // with nothing written since, a second read trusts the last check: no scan for stale facts; a write ends that
    const svc = h.app.get(DuesFactsService) as unknown as {
      staleIn: () => Promise<string[]>;
      staleSince: () => Promise<string[]>;
    };
    const scans = jest.spyOn(svc, 'staleIn');
    const since = jest.spyOn(svc, 'staleSince');
    expect(await figures()).toEqual(before);
    expect(scans).not.toHaveBeenCalled();
    expect(since).not.toHaveBeenCalled();
    // a member's records written: only the members written since the last check are looked at, not the whole subtree
    await h.ds.query(`UPDATE membership SET valid_from = valid_from WHERE member_id = $1`, [t.m5]);
    expect(await figures()).toEqual(before);
    expect(scans).not.toHaveBeenCalled();
    expect(since).toHaveBeenCalledTimes(1);
    // (members of other trees written since may be there too, with facts never computed; none of m1–m4)
    const looked: string[] = await since.mock.results[0]?.value;
    expect(looked).toContain(t.m5);
    expect(looked.filter((m) => [t.m1, t.m2, t.m3, t.m4].includes(m))).toEqual([]);
    // the tree changed (a placement written): the whole subtree is scanned
    await h.ds.query(`UPDATE organisation_placement SET valid_from = valid_from WHERE organisation_id = $1`, [t.a2]);
    expect(await figures()).toEqual(before);
    expect(scans).toHaveBeenCalledTimes(1);
    scans.mockRestore();
    since.mockRestore();

    // the facts of the members read are kept, one row per member and year, computed this month
    const kept: { n: number }[] = await h.ds.query(
      `SELECT count(*)::int AS n FROM dues_fact_year WHERE year = $1 AND member_id = ANY($2::uuid[])`,
      [Y, [t.m1, t.m2, t.m3, t.m4, t.m5]],
    );
    expect(kept[0]?.n).toBe(5);

    // a write: m2 (a student in arrears all year) pays three months; the figures follow at once
    for (const m of [1, 2, 3]) await ok(pay(t.m2, m, 5_000));
    const paid = await figures();
    expect(paid.total.collected).toBe(before.total.collected + 15_000);
    expect(paid.total.outstanding).toBe(before.total.outstanding - 15_000);
    expect(paid.total).toMatchObject(await sheetSums());

    // facts judged in an earlier month of a year still running are judged again; a past year's are final
    await h.ds.query(`UPDATE dues_fact SET paid = 0 WHERE year = $1 AND member_id = $2`, [Y, t.m4]);
    await h.ds.query(`UPDATE dues_fact_year SET computed_month = $3 WHERE year = $1 AND member_id = $2`, [
      Y,
      t.m4,
      `${Y + 1}-01`,
    ]);
    // edits by hand move no version: this process would trust its last check; another process (or a new month) would not
    h.app.get(DuesFactsService).forgetChecks();
    expect((await figures()).total.collected).toBe(paid.total.collected - 12 * 36_500); // judged after its year: final
    await h.ds.query(`UPDATE dues_fact_year SET computed_month = $3 WHERE year = $1 AND member_id = $2`, [
      Y,
      t.m4,
      `${Y}-11`,
    ]);
    expect((await figures()).total.collected).toBe(paid.total.collected - 12 * 36_500); // nothing written: the check holds
    h.app.get(DuesFactsService).forgetChecks();
    expect((await figures()).total).toEqual(paid.total);

    // a restructure (any statement writing placements) makes every fact stale: a fact gone wrong is judged again
    const epoch = async () => Number((await h.ds.query(`SELECT epoch FROM dues_fact_epoch`))[0].epoch);
    const e0 = await epoch();
    await h.ds.query(`UPDATE dues_fact SET due = due + 1 WHERE year = $1 AND member_id = $2`, [Y, t.m1]);
    await h.ds.query(`UPDATE organisation_placement SET valid_from = valid_from WHERE organisation_id = $1`, [t.a2]);
    expect(await epoch()).toBe(e0 + 1);
    expect((await figures()).total).toEqual(paid.total);

    // a member's version is raised by each statement writing their records, in the writing transaction
    const version = async (m: string) =>
      Number(
        (
          await h.ds.query(`SELECT coalesce((SELECT version FROM dues_member_version WHERE member_id = $1), 0) AS v`, [
            m,
          ])
        )[0].v,
      );
    const v0 = await version(t.m3);
    await ok(pay(t.m3, 5, 1_000, admin));
    expect(await version(t.m3)).toBe(v0 + 1);
    await h.ds.query(`UPDATE member SET full_name = full_name WHERE id = $1`, [t.m3]); // nothing that counts changed
    expect(await version(t.m3)).toBe(v0 + 1);
    expect((await figures()).total).toMatchObject(await sheetSums());
  });

  // PostgreSQL only: the embedded database serves one connection's transaction at a time, so no write can be running
  // while another connection checks.
  (process.env.CHIBO_TEST_EMBEDDED === '1' ? it.skip : it)(
    'does not miss a write whose transaction began before a check and commits after it',
    async () => {
      const before = await figures();
      const late = h.ds.createQueryRunner();
      await late.connect();
      await late.startTransaction();
      try {
        await late.query(
          `UPDATE dues_payment SET amount = amount - 1000 WHERE member_id = $1 AND month = $2::date AND cancelled_at IS NULL`,
          [t.m4, `${month(2)}-01`],
        );
        expect(await figures()).toEqual(before); // checked while the write is running: not visible yet
        await late.commitTransaction();
      } finally {
        await late.release();
      }
      const afterLate = await figures();
      expect(afterLate.total.collected).toBe(before.total.collected - 1000);
      h.app.get(DuesFactsService).forgetChecks();
      expect(await figures()).toEqual(afterLate); // a full scan finds nothing else
      await h.ds.query(
        `UPDATE dues_payment SET amount = amount + 1000 WHERE member_id = $1 AND month = $2::date AND cancelled_at IS NULL`,
        [t.m4, `${month(2)}-01`],
      );
      expect(await figures()).toEqual(before);
    },
  );

  it('keeps per-path sums equal to the facts they add up, through moves, hand edits and deletions', async () => {
    const SUMS = `SELECT year, path, counted, due::text, paid::text, paid_ahead::text, members, outstanding::text, in_arrears, without_basis FROM dues_cell_sum`;
    const RECOMPUTED = `
      SELECT year, path, last_month > 0 AS counted, sum(due)::text AS due, sum(paid)::text AS paid, sum(paid_ahead)::text AS paid_ahead,
             count(*)::int AS members, sum(outstanding)::text AS outstanding,
             (count(*) FILTER (WHERE length(replace(unpaid_mask::bit(12)::text, '0', '')) >= arrears_months))::int AS in_arrears,
             (count(*) FILTER (WHERE unknown_mask <> 0))::int AS without_basis
        FROM dues_fact WHERE NOT multi GROUP BY 1, 2, 3`;
    const order = 'ORDER BY year, path, counted';
    const expectKeptSums = async () => {
      const kept = await h.ds.query(`${SUMS} ${order}`);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(await h.ds.query(`SELECT * FROM (${RECOMPUTED}) r ${order}`));
      // a fact is "multi" exactly when its member has several segments in the year
      const wrong = await h.ds.query(
        `SELECT member_id FROM dues_fact GROUP BY member_id, year HAVING (count(*) > 1) IS DISTINCT FROM bool_and(multi) OR bool_and(multi) IS DISTINCT FROM bool_or(multi)`,
      );
      expect(wrong).toEqual([]);
    };
    await figures();
    await expectKeptSums();

    // m1 moves from a1 to a2 in the middle of the year: from one segment (in a1's sums) to two (grouped at read time)
    await ok(
      h.gql(
        `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`,
        { i: { memberId: t.m1, type: 'TRANSFER_INTERNAL', toOrganisationId: t.a2, effectiveOn: `${Y}-05-01` } },
        admin,
      ),
    );
    const moved = await figures();
    await expectKeptSums();
    expect(
      (
        await h.ds.query(
          `SELECT bool_and(multi) AS m, count(*)::int AS n FROM dues_fact WHERE member_id = $1 AND year = $2`,
          [t.m1, Y],
        )
      )[0],
    ).toEqual({ m: true, n: 2 });
    expect(moved.total).toMatchObject(await sheetSums());
    const child = (f: typeof moved, id: string) =>
      f.children.find((c: { organisationId: string }) => c.organisationId === id);
    expect(child(moved, t.A).members + child(moved, t.B).members).toBe(moved.total.members);

    // a fact edited by hand, and a member's facts deleted (as the cascade of a deleted member does): the sums follow
    await h.ds.query(`UPDATE dues_fact SET paid = paid + 7 WHERE year = $1 AND member_id = $2`, [Y, t.m4]);
    await expectKeptSums();
    await h.ds.query(`DELETE FROM dues_fact WHERE year = $1 AND member_id = $2`, [Y, t.m2]);
    await expectKeptSums();
    // judged again from the records, everything is as the sheet says
    await h.ds.query(`DELETE FROM dues_fact_year WHERE year = $1 AND member_id = ANY($2::uuid[])`, [Y, [t.m2, t.m4]]);
    h.app.get(DuesFactsService).forgetChecks();
    expect((await figures()).total).toEqual(moved.total);
    await expectKeptSums();
  });

  it("alerts today's dashboard to the members in arrears this year: as many as the arrears list, with their months", async () => {
    const tree = await buildTree(h.gql, admin);
    const thisYear = Y + 1;
    const m = (n: number) => `${thisYear}-${String(n).padStart(2, '0')}`;
    // m1 a student paying nothing this year; m2 a student paying every month so far; the others: no basis (unknown)
    for (const id of [tree.m1, tree.m2])
      await ok(h.gql(BASIS, { i: { memberId: id, from: m(1), basis: 'STUDENT' } }, admin));
    const current = Number(vietnamToday().slice(5, 7));
    for (let n = 1; n <= current; n += 1)
      await ok(
        h.gql(
          PAY,
          { i: { memberId: tree.m2, month: m(n), amount: 5_000, paidOn: vietnamToday(), channel: 'CASH' } },
          admin,
        ),
      );
    const ALERTS = `query($i: AlertsInput!) { alerts(input: $i) { countsByCode { code count } items { code entity organisation { id } memberId memberName params } } }`;
    const alerts = (
      await ok(h.gql(ALERTS, { i: { organisationId: tree.R, codes: ['DUES_ARREARS'], page: { limit: 100 } } }, admin))
    ).alerts;
    const { duesArrears } = await ok(h.gql(ARREARS, { o: tree.R, y: thisYear }, admin));
    const { duesFigures } = await ok(h.gql(FIGURES, { o: tree.R, y: thisYear }, admin));
    const ended = current - 1; // months of this year that have ended
    expect(duesArrears.items.map((x: { memberId: string }) => x.memberId)).toEqual(ended >= 3 ? [tree.m1] : []);
    expect(alerts.countsByCode.find((c: { code: string }) => c.code === 'DUES_ARREARS')?.count ?? 0).toBe(
      duesArrears.total,
    );
    expect(duesFigures.total.membersInArrears).toBe(duesArrears.total);
    expect(alerts.items.map((a: { memberId: string }) => a.memberId)).toEqual(
      duesArrears.items.map((x: { memberId: string }) => x.memberId),
    );
    if (ended >= 3) {
      expect(alerts.items[0]).toMatchObject({
        code: 'DUES_ARREARS',
        entity: 'MEMBER',
        organisation: { id: tree.a1 },
        memberName: 'Nguyễn Văn An',
      });
      expect(alerts.items[0].params).toMatchObject({ unpaid: ended, year: String(thisYear) });
    }
    // a reader of another tree sees none of them; a payment of every month ended takes the member off at once
    const other = await h.userWith('COMMITTEE_READ', { organisationId: t.R });
    expect(errorOf(await h.gql(ALERTS, { i: { organisationId: tree.R, codes: ['DUES_ARREARS'] } }, other))?.code).toBe(
      'NOT_FOUND',
    );
    for (let n = 1; n <= ended; n += 1)
      await ok(
        h.gql(
          PAY,
          { i: { memberId: tree.m1, month: m(n), amount: 5_000, paidOn: vietnamToday(), channel: 'CASH' } },
          admin,
        ),
      );
    const after = (await ok(h.gql(ALERTS, { i: { organisationId: tree.R, codes: ['DUES_ARREARS'] } }, admin))).alerts;
    expect(after.items).toEqual([]);
  });

  it('audits every dues write', async () => {
    const ops: { operation: string; n: number }[] = await h.ds.query(
      `SELECT operation, count(*)::int AS n FROM audit_log WHERE operation IN ('recordDuesPayment','cancelDuesPayment','setDuesBasis','grantDuesRelief')
          AND entity_id IN (SELECT id::text FROM dues_payment WHERE member_id = ANY($1::uuid[]) UNION ALL SELECT id::text FROM dues_basis WHERE member_id = ANY($1::uuid[])
                            UNION ALL SELECT id::text FROM dues_relief WHERE member_id = ANY($1::uuid[]))
        GROUP BY operation ORDER BY operation`,
      [[t.m1, t.m2, t.m3, t.m4]],
    );
    expect(ops).toEqual([
      { operation: 'cancelDuesPayment', n: 1 },
      { operation: 'grantDuesRelief', n: 1 },
      { operation: 'recordDuesPayment', n: 28 },
      { operation: 'setDuesBasis', n: 4 },
    ]);
  });
});
