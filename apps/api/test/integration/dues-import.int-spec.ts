import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { elementAt, vietnamToday } from '@chibo/domain';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Importing dues payments from a file (issue 15 §3; docs/dues.md#importing-a-payment-file): the portal's file or past
// payments, through GraphQL, with the reader of the other imports (CSV in the encodings they read, XLSX); all rows or
// none with each refused cell named by row, column and code; a dry run that writes nothing; a re-import that writes
// nothing new; the caller's scope on every row; one audit entry for the file and one per payment.
describe('dues payment import', () => {
  let h: Harness;
  let admin: string;
  let writerA: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const nat: Record<string, string> = {};
  const natOf = (id: string): string => {
    const n = nat[id];
    if (n === undefined) throw new Error(`no national id read for member ${id}`);
    return n;
  };
  const Y = Number(vietnamToday().slice(0, 4)) - 1;
  let serial = 0;
  const ref = () => `GD${Date.now()}${serial++}`;

  const IMPORT = `mutation($i: ImportDuesPaymentsInput!) { importDuesPayments(input: $i) {
    dryRun rows created amount duplicates skipped problems { row column reason code } payments { row memberId fullName organisationId month amount paidOn channel reference } } }`;
  const FIGURES = `query($o: ID!, $y: Int!) { duesFigures(organisationId: $o, year: $y) { total { collected } } }`;
  const HEAD = 'Số định danh,Họ tên,Tháng,Số tiền,Ngày nộp,Hình thức,Mã giao dịch,Ghi chú';
  const csv = (lines: string[], extra: Record<string, unknown> = {}, name = 'dang-phi.csv') => ({
    fileName: name,
    contentBase64: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64'),
    ...extra,
  });
  const run = (input: Record<string, unknown>, token = writerA) => h.gql(IMPORT, { i: input }, token);
  const counts = async () =>
    (
      await h.ds.query(
        `SELECT (SELECT count(*) FROM dues_payment)::int AS p, (SELECT count(*) FROM audit_log)::int AS a`,
      )
    )[0];
  const collected = async () =>
    (await h.gql(FIGURES, { o: t.A, y: Y }, writerA)).data.duesFigures.total.collected as number;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    writerA = await h.userWith('COMMITTEE_WRITE', { organisationId: t.A });
    const rows: { id: string; national_id: string }[] = await h.ds.query(
      `SELECT id, national_id FROM member WHERE id = ANY($1::uuid[])`,
      [[t.m1, t.m2, t.m3, t.m4, t.m5]],
    );
    for (const r of rows) nat[r.id] = r.national_id;
  }, 120_000);
  afterAll(() => h?.close());

  it('a dry run answers what would be written and writes nothing; the import writes exactly its rows, audited; a re-import writes nothing new', async () => {
    const [r1, r2] = [ref(), ref()];
    const lines = [
      HEAD,
      // the portal's rows (no channel: PORTAL), Vietnamese grouping and dates, month as MM/YYYY
      `${natOf(t.m1)},Nguyễn Văn An,03/${Y},148.000,15/03/${Y},,${r1},`,
      `"${natOf(t.m2).replace(/(\d{3})(?=\d)/g, '$1 ')}",Trần Thị Hường,${Y}-04,5000,${Y}-04-02,Cổng dịch vụ công,${r2},"Nộp trực tuyến, tháng 4"`,
      // a cash row of a member of another cell of A, without a reference
      `${natOf(t.m4)},Phạm Minh Tuấn,5/${Y},"36,500",${Y}-05-20,Tiền mặt,,Thu tại chi bộ`,
    ];
    const before = await counts();
    const figures = await collected();
    const dry = await run(csv(lines, { dryRun: true }));
    expect(dry.errors).toBeUndefined();
    expect(dry.data.importDuesPayments).toMatchObject({
      dryRun: true,
      rows: 3,
      created: 3,
      amount: 148_000 + 5_000 + 36_500,
      duplicates: 0,
      skipped: 0,
      problems: [],
    });
    expect(dry.data.importDuesPayments.payments).toEqual([
      {
        row: 2,
        memberId: t.m1,
        fullName: 'Nguyễn Văn An',
        organisationId: t.a1,
        month: `${Y}-03`,
        amount: 148_000,
        paidOn: `${Y}-03-15`,
        channel: 'PORTAL',
        reference: r1,
      },
      {
        row: 3,
        memberId: t.m2,
        fullName: 'Trần Thị Hường',
        organisationId: t.a1,
        month: `${Y}-04`,
        amount: 5_000,
        paidOn: `${Y}-04-02`,
        channel: 'PORTAL',
        reference: r2,
      },
      {
        row: 4,
        memberId: t.m4,
        fullName: 'Phạm Minh Tuấn',
        organisationId: t.a2,
        month: `${Y}-05`,
        amount: 36_500,
        paidOn: `${Y}-05-20`,
        channel: 'CASH',
        reference: null,
      },
    ]);
    expect(await counts()).toEqual(before);
    expect(await collected()).toBe(figures);

    const done = await run(csv(lines));
    expect(done.errors).toBeUndefined();
    expect(done.data.importDuesPayments).toMatchObject({ dryRun: false, created: 3, amount: 189_500, duplicates: 0 });
    expect(await collected()).toBe(figures + 189_500);
    const stored = await h.ds.query(
      `SELECT member_id AS m, to_char(month, 'YYYY-MM') AS month, amount::int AS amount, channel, reference, note FROM dues_payment WHERE member_id = ANY($1::uuid[]) ORDER BY month`,
      [[t.m1, t.m2, t.m4]],
    );
    expect(stored).toEqual([
      { m: t.m1, month: `${Y}-03`, amount: 148_000, channel: 'PORTAL', reference: r1, note: null },
      { m: t.m2, month: `${Y}-04`, amount: 5_000, channel: 'PORTAL', reference: r2, note: 'Nộp trực tuyến, tháng 4' },
      { m: t.m4, month: `${Y}-05`, amount: 36_500, channel: 'CASH', reference: null, note: 'Thu tại chi bộ' },
    ]);
    const after = await counts();
    expect(after.p).toBe(before.p + 3);
    // one audit row for the file, one per payment
    expect(after.a).toBe(before.a + 4);
    const ops = await h.ds.query(
      `SELECT operation, entity_type AS "type", count(*)::int AS n FROM audit_log WHERE operation LIKE 'importDuesPayments%' GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(ops).toEqual([
      { operation: 'importDuesPayments', type: 'import', n: 1 },
      { operation: 'importDuesPayments.payment', type: 'dues_payment', n: 3 },
    ]);
    // its import.finished event, scoped by the deepest organisation holding both cells written (a1, a2: GA)
    const events = await h.ds.query(
      `SELECT organisation_id AS org, payload FROM domain_event WHERE type = 'import.finished' AND payload->>'operation' = 'importDuesPayments'`,
    );
    expect(events).toEqual([
      { org: t.GA, payload: expect.objectContaining({ rows: 3, created: 3, file: 'dang-phi.csv' }) },
    ]);

    // the same file again: every row already imported (the references; the cash row by the file's digest and row)
    const again = await run(csv(lines));
    expect(again.data.importDuesPayments).toMatchObject({ created: 0, duplicates: 3, amount: 0, payments: [] });
    expect(again.data.importDuesPayments.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [2, 'ALREADY_IMPORTED'],
      [3, 'ALREADY_IMPORTED'],
      [4, 'ALREADY_IMPORTED'],
    ]);
    expect((await counts()).p).toBe(after.p);
    // a later portal file repeating a transaction: only the new one is written
    const r3 = ref();
    const later = await run(
      csv([
        HEAD,
        `${natOf(t.m1)},,04/${Y},148000,16/04/${Y},,${r3},`,
        `${natOf(t.m1)},,03/${Y},148000,15/03/${Y},PORTAL,${r1},`,
      ]),
    );
    expect(later.data.importDuesPayments).toMatchObject({
      created: 1,
      duplicates: 1,
      payments: [expect.objectContaining({ row: 2, reference: r3 })],
    });
    expect(await collected()).toBe(figures + 189_500 + 148_000);
  });

  it('one bad row: nothing is written, the row, column and code are named', async () => {
    const good = `${natOf(t.m1)},,06/${Y},100.000,10/06/${Y},,${ref()},`;
    const cases: [string, string, string][] = [
      [`079099999999,,06/${Y},100.000,10/06/${Y},,${ref()},`, 'nationalId', 'NOT_FOUND'],
      [`${natOf(t.m1)},,12/2014,100.000,10/12/2014,,${ref()},`, 'month', 'NOT_A_MEMBER'],
      [`${natOf(t.m1)},,13/${Y},100.000,10/06/${Y},,${ref()},`, 'month', 'VALIDATION'],
      [`${natOf(t.m1)},,06/${Y},0,10/06/${Y},,${ref()},`, 'amount', 'VALIDATION'],
      [`${natOf(t.m1)},,06/${Y},148k,10/06/${Y},,${ref()},`, 'amount', 'VALIDATION'],
      [`${natOf(t.m1)},,06/${Y},"148.000,50",10/06/${Y},,${ref()},`, 'amount', 'VALIDATION'],
      [`${natOf(t.m1)},,06/${Y},100.000,01/01/${Y + 3},,${ref()},`, 'paidOn', 'DATE_IN_FUTURE'],
      [`${natOf(t.m1)},,06/${Y},100.000,31/02/${Y},,${ref()},`, 'paidOn', 'VALIDATION'],
      [`${natOf(t.m1)},,06/${Y},100.000,10/06/${Y},,,`, 'reference', 'REQUIRED'],
      [`${natOf(t.m1)},,06/${Y},100.000,10/06/${Y},chuyển khoản,${ref()},`, 'channel', 'VALIDATION'],
      [`${natOf(t.m1)},,06/${Y},100.000,10/06/${Y},,${ref()},${'x'.repeat(10_000)}`, 'note', 'TOO_LONG'],
      [`,,06/${Y},100.000,10/06/${Y},,${ref()},`, 'nationalId', 'REQUIRED'],
    ];
    const before = await counts();
    for (const [line, column, code] of cases) {
      const e = errorOf(await run(csv([HEAD, good, line])));
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_INVALID' });
      expect(e?.rows).toEqual([expect.objectContaining({ row: 3, column, code })]);
      // a dry run answers the same
      expect(errorOf(await run(csv([HEAD, good, line], { dryRun: true })))?.rows).toEqual(e?.rows);
    }
    // the same reference twice in a file
    const r = ref();
    const twice = errorOf(
      await run(
        csv([HEAD, `${natOf(t.m1)},,06/${Y},1000,10/06/${Y},,${r},`, `${natOf(t.m2)},,06/${Y},1000,10/06/${Y},,${r},`]),
      ),
    );
    expect(twice?.rows).toEqual([expect.objectContaining({ row: 3, column: 'reference', code: 'DUPLICATE' })]);
    // a NUL byte: the file is not text (as for every import)
    const nul = errorOf(
      await run({
        fileName: 'dang-phi.csv',
        contentBase64: Buffer.from(`${HEAD}\n${good}\u0000\n`).toString('base64'),
      }),
    );
    expect(nul).toMatchObject({ reason: 'IMPORT_INVALID', rows: [expect.objectContaining({ column: 'file' })] });
    // an unknown column
    expect(
      errorOf(await run(csv(['nationalId,month,amount,paidOn,bogus', `${natOf(t.m1)},06/${Y},1000,10/06/${Y},x`])))
        ?.rows,
    ).toEqual([expect.objectContaining({ row: 1, column: 'bogus', code: 'UNKNOWN_COLUMN' })]);
    expect(await counts()).toEqual(before);
  });

  it("a member outside the caller's scope answers exactly like one that does not exist; skipInvalid writes the valid rows", async () => {
    const before = await counts();
    const outside = errorOf(await run(csv([HEAD, `${natOf(t.m5)},,06/${Y},1000,10/06/${Y},TIEN MAT,,`], {}, 'a.csv')));
    const missing = errorOf(await run(csv([HEAD, `079088888888,,06/${Y},1000,10/06/${Y},TIEN MAT,,`], {}, 'a.csv')));
    expect(outside?.rows).toEqual([expect.objectContaining({ row: 2, column: 'nationalId', code: 'NOT_FOUND' })]);
    expect(JSON.stringify(outside)).toBe(JSON.stringify(missing));
    expect(await counts()).toEqual(before);

    const skip = await run(
      csv([HEAD, `${natOf(t.m5)},,06/${Y},1000,10/06/${Y},CASH,,`, `${natOf(t.m3)},,06/${Y},2000,10/06/${Y},CASH,,`], {
        skipInvalid: true,
      }),
    );
    expect(skip.data.importDuesPayments).toMatchObject({
      created: 1,
      skipped: 1,
      amount: 2000,
      problems: [expect.objectContaining({ row: 2, column: 'nationalId', code: 'NOT_FOUND' })],
    });
    expect((await counts()).p).toBe(before.p + 1);
  });

  it('refuses callers who may write no cell, writing nothing', async () => {
    const reader = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    const member = await h.userWith('MEMBER', { memberId: t.m1 });
    const before = await counts();
    for (const token of [reader, member]) {
      expect(
        errorOf(await run(csv([HEAD, `${natOf(t.m1)},,06/${Y},1000,10/06/${Y},,${ref()},`]), token)),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await counts()).toEqual(before);
  });

  it('imports thousands of rows set-based (a few statements, not one per row)', async () => {
    const lines = [HEAD];
    const prefix = ref();
    for (let i = 0; i < 3000; i += 1) {
      const id = elementAt([t.m1, t.m2, t.m3, t.m4], i % 4, 'member');
      lines.push(
        `${natOf(id)},,${String((i % 12) + 1).padStart(2, '0')}/${Y - 1 - (i % 5)},5.000,01/01/${Y},,${prefix}-${i},`,
      );
    }
    const before = await counts();
    const started = Date.now();
    const res = await run(csv(lines));
    const ms = Date.now() - started;
    expect(res.errors).toBeUndefined();
    expect(res.data.importDuesPayments).toMatchObject({ created: 3000, amount: 15_000_000 });
    expect((await counts()).p).toBe(before.p + 3000);
    // one statement per row would take far longer on the embedded database; the bound only catches that
    expect(ms).toBeLessThan(30_000);
  });

  it('reads windows-1258 and UTF-16 CSV files and XLSX workbooks with date and number cells', async () => {
    // windows-1258 as Excel writes it on Vietnamese Windows: base letters and combining tone marks
    const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
    const to1258 = (s: string) =>
      iconv.encode(
        [...s.normalize('NFC')]
          .map(
            (ch) =>
              ch.normalize('NFD').replace(TONES, '').normalize('NFC') +
              (ch.normalize('NFD').match(TONES) ?? []).join(''),
          )
          .join(''),
        'windows-1258',
      );
    const [ra, rb, rc] = [ref(), ref(), ref()];
    const legacy = to1258(
      `${HEAD}\r\n${natOf(t.m3)},Lê Đức Thắng,07/${Y},50.000,05/07/${Y},,${ra},Đóng qua Cổng dịch vụ công\r\n`,
    );
    const a = await run({ fileName: 'dang-phi-1258.csv', contentBase64: legacy.toString('base64') });
    expect(a.data?.importDuesPayments).toMatchObject({ created: 1 });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(
        `${HEAD.replaceAll(',', '\t')}\r\n${natOf(t.m3)}\tLê Đức Thắng\t08/${Y}\t50.000\t05/08/${Y}\t\t${rb}\tTháng 8\r\n`,
        'utf-16le',
      ),
    ]);
    const b = await run({ fileName: 'dang-phi-utf16.csv', contentBase64: utf16.toString('base64') });
    expect(b.data?.importDuesPayments).toMatchObject({ created: 1 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đảng phí');
    ws.addRow(HEAD.split(','));
    ws.addRow([natOf(t.m3), 'Lê Đức Thắng', `09/${Y}`, 50_000, new Date(Date.UTC(Y, 8, 5)), 'PORTAL', rc, null]);
    const c = await run({
      fileName: 'dang-phi.xlsx',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    expect(c.data?.importDuesPayments.payments).toEqual([
      expect.objectContaining({ month: `${Y}-09`, amount: 50_000, paidOn: `${Y}-09-05` }),
    ]);
    const notes = await h.ds.query(`SELECT note FROM dues_payment WHERE reference = ANY($1::text[]) ORDER BY month`, [
      [ra, rb, rc],
    ]);
    expect(notes.map((n: { note: string | null }) => n.note)).toEqual(['Đóng qua Cổng dịch vụ công', 'Tháng 8', null]);
  });
});
