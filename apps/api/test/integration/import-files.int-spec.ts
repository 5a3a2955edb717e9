import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree, nationalId } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { importFile } from '../../src/cli/files';

/**
 * Import files that must not corrupt names: legacy encodings are decoded (or refused), never stored with U+FFFD;
 * files that are not text, empty or broken are refused with IMPORT_INVALID on `file` and a short report.
 */

/** What Excel on Vietnamese Windows writes as "CSV": precomposed base letters (â ê ô ă ơ ư đ) and combining tone marks. */
const toWindows1258 = (s: string): Buffer => {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  const out = [...s.normalize('NFC')].map((ch) => {
    const d = ch.normalize('NFD');
    const tones = d.match(TONES)?.join('') ?? '';
    return `${d.replace(TONES, '').normalize('NFC')}${tones}`;
  });
  const bytes = iconv.encode(out.join(''), 'windows-1258');
  if (bytes.includes(0x3f) && !s.includes('?')) throw new Error(`not encodable in windows-1258: ${s}`);
  return bytes;
};

describe('imports that cannot corrupt names', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let n = 0;
  const file = (ext: string) => join(tmpdir(), `import-${process.pid}-${Date.now()}-${n++}.${ext}`);
  const HEAD =
    'organisationCode,fullName,birthDate,gender,nationalId,admissionDecisionDate,ceremonyDate,fullMembershipDate';
  const row = (name: string, id = nationalId()) =>
    `${t.prefix}.a2,${name},1990-01-01,Nam,${id},2015-03-01,2015-03-10,2016-03-10`;
  const stored = async (id: string) =>
    (await h.ds.query(`SELECT full_name FROM member WHERE national_id = $1`, [id]))[0]?.full_name;
  const count = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM member`))[0].n;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  }, 120_000);
  afterAll(() => h.close());

  it('reads a CSV saved by Excel on Vietnamese Windows (windows-1258, combining tones) as the same names, in NFC', async () => {
    const [a, b] = [nationalId(), nationalId()];
    const f = file('csv');
    writeFileSync(f, toWindows1258(`${HEAD}\r\n${row('Lê Tâm', a)}\r\n${row('Nguyễn Đức Thắng', b)}\r\n`));
    expect(await importFile(h.app, cliCaller(), 'members', f, false)).toMatchObject({ created: 2, updated: 0 });
    expect(await stored(a)).toBe('Lê Tâm');
    expect(await stored(b)).toBe('Nguyễn Đức Thắng');
    expect((await stored(b)).normalize('NFC')).toBe(await stored(b));
  });

  it('reads an organisations CSV in windows-1258 too, with one audit row for the file', async () => {
    const f = file('csv');
    const code = `${t.prefix}.GA.x1`;
    writeFileSync(
      f,
      toWindows1258(
        `code,name,kind,parentCode,establishedOn\r\n${code},Chi bộ Phòng Tổ chức Đảng,SUBORDINATE_CELL,${t.prefix}.GA,2020-01-01\r\n`,
      ),
    );
    const digest = createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(await importFile(h.app, cliCaller(), 'organisations', f, false)).toMatchObject({ created: 1, updated: 0 });
    expect((await h.ds.query(`SELECT name FROM organisation WHERE code = $1`, [code]))[0].name).toBe(
      'Chi bộ Phòng Tổ chức Đảng',
    );
    const [audit] = await h.ds.query(
      `SELECT operation, after FROM audit_log WHERE entity_type = 'import' AND entity_id = $1`,
      [digest],
    );
    expect(audit).toMatchObject({ operation: 'importOrganisations', after: { rows: 1, created: 1, updated: 0 } });
  });

  it('reads windows-1252 and UTF-16 (Excel "Unicode text", tab-separated) files, and NFD UTF-8 as NFC', async () => {
    const [a, b, c] = [nationalId(), nationalId(), nationalId()];
    const f1252 = file('csv');
    writeFileSync(f1252, iconv.encode(`${HEAD}\r\n${row('Lê Tâm Hà', a)}\r\n`, 'windows-1252'));
    expect(await importFile(h.app, cliCaller(), 'members', f1252, false)).toMatchObject({ created: 1 });
    expect(await stored(a)).toBe('Lê Tâm Hà');
    const f16 = file('csv');
    const tsv = `${HEAD.replaceAll(',', '\t')}\r\n${row('Trần Thị Hường', b).replaceAll(',', '\t')}\r\n`;
    writeFileSync(f16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf-16le')]));
    expect(await importFile(h.app, cliCaller(), 'members', f16, false)).toMatchObject({ created: 1 });
    expect(await stored(b)).toBe('Trần Thị Hường');
    const fnfd = file('csv');
    writeFileSync(fnfd, `${HEAD}\n${row('Võ Thị Ngọc Ánh', c)}\n`.normalize('NFD'));
    expect(await importFile(h.app, cliCaller(), 'members', fnfd, false)).toMatchObject({ created: 1 });
    expect(await stored(c)).toBe('Võ Thị Ngọc Ánh'.normalize('NFC'));
  });

  it('never stores U+FFFD from a file: a CSV or XLSX cell holding it is a row problem and nothing is imported', async () => {
    const before = await count();
    const csv = file('csv');
    writeFileSync(csv, `${HEAD}\n${row('L\uFFFD T\uFFFDm')}\n`);
    const e1 = await importFile(h.app, cliCaller(), 'members', csv, false).catch((e) => e);
    expect(e1).toMatchObject({ code: 'IMPORT_INVALID', field: 'fullName' });
    expect(e1.details.rows[0]).toMatchObject({ row: 2, column: 'fullName' });
    const xlsx = file('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(HEAD.split(','));
    ws.addRow(row('L\uFFFD T\uFFFDm').split(','));
    await wb.xlsx.writeFile(xlsx);
    const e2 = await importFile(h.app, cliCaller(), 'members', xlsx, false).catch((e) => e);
    expect(e2).toMatchObject({ code: 'IMPORT_INVALID', field: 'fullName' });
    expect(await count()).toBe(before);
  });

  it('XLSX names are stored in NFC', async () => {
    const a = nationalId();
    const xlsx = file('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(HEAD.split(','));
    ws.addRow(row('Nguyễn Đức Thắng'.normalize('NFD'), a).split(','));
    await wb.xlsx.writeFile(xlsx);
    expect(await importFile(h.app, cliCaller(), 'members', xlsx, false)).toMatchObject({ created: 1 });
    expect(await stored(a)).toBe('Nguyễn Đức Thắng'.normalize('NFC'));
  });

  it('refuses a binary file given as CSV up front, with one problem, not one per parser error', async () => {
    const f = file('csv');
    writeFileSync(f, randomBytes(200_000));
    const before = await count();
    const e = await importFile(h.app, cliCaller(), 'members', f, false).catch((x) => x);
    expect(e).toMatchObject({ code: 'IMPORT_INVALID', field: 'file' });
    expect(e.message).toMatch(/not a text \(CSV\) file/);
    expect(e.details.rows).toHaveLength(1);
    expect(await count()).toBe(before);
  });

  it('says an empty file is empty, and a file with only headings has no rows (CSV and XLSX)', async () => {
    const empty = file('csv');
    writeFileSync(empty, '');
    await expect(importFile(h.app, cliCaller(), 'members', empty, false)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      field: 'file',
      message: 'The file is empty',
    });
    const bom = file('csv');
    writeFileSync(bom, '\uFEFF\r\n');
    await expect(importFile(h.app, cliCaller(), 'members', bom, false)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      field: 'file',
      message: 'The file is empty',
    });
    const head = file('csv');
    writeFileSync(head, `${HEAD}\n`);
    await expect(importFile(h.app, cliCaller(), 'members', head, false)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      field: 'file',
      message: 'The file has a heading row but no data rows',
    });
    const xlsx = file('xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x');
    await wb.xlsx.writeFile(xlsx);
    await expect(importFile(h.app, cliCaller(), 'members', xlsx, false)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      field: 'file',
      message: 'The file is empty',
    });
  });

  it('a broken .xlsx gets the same IMPORT_INVALID (file) wording, not the zip library message', async () => {
    const good = file('xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(HEAD.split(','));
    await wb.xlsx.writeFile(good);
    const truncated = file('xlsx');
    writeFileSync(truncated, readFileSync(good).subarray(0, 300));
    const random = file('xlsx');
    writeFileSync(random, randomBytes(5000));
    for (const f of [truncated, random]) {
      const e = await importFile(h.app, cliCaller(), 'organisations', f, false).catch((x) => x);
      expect(e).toMatchObject({ code: 'IMPORT_INVALID', field: 'file' });
      expect(e.message).toMatch(/^The file is not a readable \.xlsx workbook/);
    }
  });

  it('refuses dates of facts after today as createMember does: row, column, DATE_IN_FUTURE; nothing imported (CSV and XLSX)', async () => {
    const before = await count();
    const audits = (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    const future = `${t.prefix}.a2,Hồ Văn Tương Lai,1990-01-01,Nam,${nationalId()},2099-01-01,2099-01-10,`;
    const csv = file('csv');
    writeFileSync(csv, `${HEAD}\n${row('Hồ Văn Hôm Nay')}\n${future}\n`);
    const e1 = await importFile(h.app, cliCaller(), 'members', csv, false).catch((e) => e);
    expect(e1).toMatchObject({ code: 'IMPORT_INVALID', field: 'admissionDecisionDate' });
    expect(e1.details.rows).toEqual([
      {
        row: 3,
        column: 'admissionDecisionDate',
        reason: expect.stringMatching(/^DATE_IN_FUTURE: 2099-01-01 is after today/),
      },
      { row: 3, column: 'ceremonyDate', reason: expect.stringMatching(/^DATE_IN_FUTURE: 2099-01-10 is after today/) },
    ]);
    const xlsx = file('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(HEAD.split(','));
    ws.addRow(
      `${t.prefix}.a2,Hồ Văn Sinh Sau,1990-05-05,Nam,${nationalId()},2015-03-01,2015-03-10,2099-03-10`.split(','),
    );
    await wb.xlsx.writeFile(xlsx);
    const e2 = await importFile(h.app, cliCaller(), 'members', xlsx, false).catch((e) => e);
    expect(e2).toMatchObject({ code: 'IMPORT_INVALID', field: 'fullMembershipDate' });
    expect(
      e2.details.rows.map((r: { row: number; column: string; reason: string }) => [
        r.row,
        r.column,
        r.reason.split(':')[0],
      ]),
    ).toEqual([[2, 'fullMembershipDate', 'DATE_IN_FUTURE']]);
    expect(await count()).toBe(before);
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(audits);
  });

  it('applies the admission and probation rules of createMember: row, column, reason; nothing imported (CSV and XLSX)', async () => {
    const before = await count();
    const audits = (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    const head = `${HEAD},courseCompletedOn,admissionAgeApproval`;
    const csv = file('csv');
    writeFileSync(
      csv,
      [
        head,
        `${row('Hồ Văn Đúng Luật')},2014-09-01,`,
        `${t.prefix}.a2,Hồ Văn Trẻ,2000-01-01,Nam,${nationalId()},2015-03-01,2015-03-10,2016-03-10,,`,
        `${t.prefix}.a2,Hồ Văn Sớm,1990-01-01,Nam,${nationalId()},2015-03-01,2015-03-10,2015-09-10,,`,
        `${t.prefix}.a2,Hồ Văn Chứng Chỉ,1990-01-01,Nam,${nationalId()},2015-03-01,2015-03-10,2016-03-10,2009-01-01,`,
        `${t.prefix}.a2,Hồ Văn Cao Tuổi,1950-01-01,Nam,${nationalId()},2015-03-01,2015-03-10,2016-03-10,,Văn bản 7-CV/TU`,
      ].join('\n') + '\n',
    );
    const e1 = await importFile(h.app, cliCaller(), 'members', csv, false).catch((e) => e);
    expect(e1).toMatchObject({ code: 'IMPORT_INVALID', field: 'birthDate' });
    expect(
      e1.details.rows.map((r: { row: number; column: string; reason: string }) => [
        r.row,
        r.column,
        r.reason.split(':')[0],
      ]),
    ).toEqual([
      [3, 'birthDate', 'ADMISSION_AGE'],
      [4, 'fullMembershipDate', 'RECOGNITION_BEFORE_PROBATION_END'],
      [5, 'courseCompletedOn', 'COURSE_CERTIFICATE_EXPIRED'],
    ]);

    // An update of a member on record: the rule reads the stored dates with the file's.
    const known = nationalId();
    writeFileSync(csv, `${HEAD}\n${row('Hồ Thị Đã Có', known)}\n`);
    expect(await importFile(h.app, cliCaller(), 'members', csv, false)).toMatchObject({ created: 1 });
    const xlsx = file('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['organisationCode', 'fullName', 'nationalId', 'fullMembershipDate']);
    ws.addRow([`${t.prefix}.a2`, 'Hồ Thị Đã Có', known, '2015-10-10']);
    ws.addRow([`${t.prefix}.a2`, 'Hồ Văn Mới', nationalId(), '']);
    await wb.xlsx.writeFile(xlsx);
    const e2 = await importFile(h.app, cliCaller(), 'members', xlsx, false).catch((e) => e);
    expect(e2).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(
      e2.details.rows.map((r: { row: number; column: string; reason: string }) => [
        r.row,
        r.column,
        r.reason.split(':')[0],
      ]),
    ).toEqual([
      [2, 'fullMembershipDate', 'RECOGNITION_BEFORE_PROBATION_END'],
      [3, 'ceremonyDate', 'required for a new member (or give joinedOn)'],
    ]);
    expect(await count()).toBe(before + 1);
    expect(
      (await h.ds.query(`SELECT full_membership_date::text AS d FROM member WHERE national_id = $1`, [known]))[0].d,
    ).toBe('2016-03-10');
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(audits + 1);

    // The higher committee's approval and the course date are imported with the member.
    const ok = file('csv');
    const [old, young] = [nationalId(), nationalId()];
    writeFileSync(
      ok,
      `${head}\n${t.prefix}.a2,Hồ Văn Cao Tuổi,1950-01-01,Nam,${old},2015-03-01,2015-03-10,2016-03-10,,Văn bản 7-CV/TU\n${row('Hồ Văn Đúng Luật', young)},2014-09-01,\n`,
    );
    expect(await importFile(h.app, cliCaller(), 'members', ok, false)).toMatchObject({ created: 2 });
    expect(
      await h.ds.query(
        `SELECT admission_age_approval AS a, course_completed_on::text AS c FROM member WHERE national_id = ANY($1) ORDER BY national_id = $2`,
        [[old, young], young],
      ),
    ).toEqual([
      { a: 'Văn bản 7-CV/TU', c: null },
      { a: null, c: '2014-09-01' },
    ]);
  });

  it('reports at most 100 problems and counts the rest', async () => {
    const f = file('csv');
    writeFileSync(
      f,
      `${HEAD}\n${Array.from({ length: 250 }, () => `${t.prefix}.a2,,1990-01-01,Nam,,2015-03-01,2015-03-10,`).join('\n')}\n`,
    );
    const e = await importFile(h.app, cliCaller(), 'members', f, false).catch((x) => x);
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.details.rows).toHaveLength(100);
    expect(e.details).toMatchObject({ total: 250, more: 150 });
  });

  it('writes one audit row per import with the file digest and the counts', async () => {
    const f = file('csv');
    writeFileSync(f, `${HEAD}\n${row('Đỗ Văn Một')}\n${row('Đỗ Văn Hai')}\n`);
    const digest = createHash('sha256').update(readFileSync(f)).digest('hex');
    const before = (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    await importFile(h.app, cliCaller(), 'members', f, false);
    const rows = await h.ds.query(
      `SELECT operation, entity_type, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(before + 1);
    expect(rows[0]).toMatchObject({ operation: 'importMembers', entity_type: 'import', entity_id: digest });
    expect(rows[0].after).toMatchObject({ sha256: digest, rows: 2, created: 2, updated: 0, skipped: 0 });
  });
});
