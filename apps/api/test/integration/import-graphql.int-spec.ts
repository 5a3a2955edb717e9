import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree, nationalId } from '../setup/fixtures';

// Imports through GraphQL (importMembers, importOrganisations): the same reader and rules as the CLI's import, all
// rows or none, the refused rows in the error's extensions, and the caller's scope on every row: a code outside it
// answers exactly like a code that does not exist.
describe('imports through GraphQL', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const HEAD =
    'organisationCode,fullName,birthDate,gender,nationalId,admissionDecisionDate,ceremonyDate,fullMembershipDate';
  const IMPORT = `mutation($i: ImportFileInput!) { importMembers(input: $i) { created updated skipped problems { row column reason } } }`;
  const file = (lines: string[], name = 'dang-vien.csv') => ({
    fileName: name,
    contentBase64: Buffer.from(`${lines.join('\n')}\n`).toString('base64'),
  });
  const row = (code: string, name: string) =>
    `${code},${name},1990-01-01,Nam,${nationalId()},2015-03-01,2015-03-10,2016-03-10`;
  const count = async () => Number((await h.ds.query(`SELECT count(*)::int AS n FROM member`))[0].n);
  const audits = async () =>
    Number((await h.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'importMembers'`))[0].n);

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it("imports a CSV into the caller's cells, with one audit entry for the file", async () => {
    const before = await count();
    const a = await audits();
    const res = await h.gql(
      IMPORT,
      { i: file([HEAD, row(`${t.prefix}.a1`, 'Trần Văn Nhập'), row(`${t.prefix}.a2`, 'Lê Thị Tệp')]) },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importMembers).toEqual({ created: 2, updated: 0, skipped: 0, problems: [] });
    expect(await count()).toBe(before + 2);
    expect(await audits()).toBe(a + 1);
  });

  it('one bad row: nothing imported, the row, column and reason in extensions.rows; skipInvalid imports the rest', async () => {
    const before = await count();
    const lines = [
      HEAD,
      row(`${t.prefix}.a1`, 'Phạm Văn Đúng'),
      `${t.prefix}.a1,Phạm Văn Sai,1990-13-45,Nam,${nationalId()},2015-03-01,2015-03-10,2016-03-10`,
    ];
    const res = await h.gql(IMPORT, { i: file(lines) }, admin);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_INVALID' });
    expect(errorOf(res)?.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 3, column: 'birthDate' })]),
    );
    expect(await count()).toBe(before);
    const skipped = await h.gql(IMPORT, { i: { ...file(lines), skipInvalid: true } }, admin);
    expect(skipped.data.importMembers).toMatchObject({
      created: 1,
      skipped: 1,
      problems: [expect.objectContaining({ row: 3, column: 'birthDate' })],
    });
  });

  it("a cell outside the caller's scope answers like a code that does not exist, and writes nothing", async () => {
    const secretaryOfA1 = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    const before = await count();
    const outside = await h.gql(IMPORT, { i: file([HEAD, row(`${t.prefix}.b1`, 'Ngoài Phạm Vi')]) }, secretaryOfA1);
    const missing = await h.gql(IMPORT, { i: file([HEAD, row(`${t.prefix}.zz`, 'Ngoài Phạm Vi')]) }, secretaryOfA1);
    const strip = (e: Record<string, unknown> | null) =>
      JSON.stringify(e).replaceAll(`${t.prefix}.b1`, 'X').replaceAll(`${t.prefix}.zz`, 'X');
    expect(errorOf(outside)).toMatchObject({ reason: 'IMPORT_INVALID' });
    expect(strip(errorOf(outside))).toBe(strip(errorOf(missing)));
    expect(await count()).toBe(before);
    // and in its own cell it may import
    const own = await h.gql(IMPORT, { i: file([HEAD, row(`${t.prefix}.a1`, 'Trong Phạm Vi')]) }, secretaryOfA1);
    expect(own.data?.importMembers.created).toBe(1);
  });

  it('refuses a bad file name, content that is not base64, a binary file and an empty one, with the field named', async () => {
    const bad = async (i: Record<string, unknown>) => errorOf(await h.gql(IMPORT, { i }, admin));
    expect(await bad({ fileName: '../../etc/passwd.csv', contentBase64: 'YQ==' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'fileName' })],
    });
    expect(await bad({ fileName: 'a\u202Egpj.csv', contentBase64: 'YQ==' })).toMatchObject({
      fields: [expect.objectContaining({ field: 'fileName' })],
    });
    expect(await bad({ fileName: 'members.txt', contentBase64: 'YQ==' })).toMatchObject({
      fields: [expect.objectContaining({ field: 'fileName' })],
    });
    expect(await bad({ fileName: 'members.csv', contentBase64: 'not base64 at all!' })).toMatchObject({
      fields: [expect.objectContaining({ field: 'contentBase64' })],
    });
    expect(
      await bad({
        fileName: 'members.csv',
        contentBase64: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]).toString('base64'),
      }),
    ).toMatchObject({ reason: 'IMPORT_INVALID' });
    expect(
      await bad({ fileName: 'members.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') }),
    ).toMatchObject({ reason: 'IMPORT_INVALID' });
    const emptyErr = await bad({ fileName: 'members.csv', contentBase64: '' });
    expect(emptyErr?.code).toBe('BAD_USER_INPUT');
  });

  it('imports organisations under a parent the caller may write', async () => {
    const ORG = `mutation($i: ImportFileInput!) { importOrganisations(input: $i) { created updated skipped } }`;
    const csv = [
      'code,name,kind,parentCode,establishedOn',
      `${t.prefix}.imp1,Chi bộ Nhập Một,SUBORDINATE_CELL,${t.prefix}.GA,2020-01-01`,
    ];
    const res = await h.gql(ORG, { i: file(csv, 'to-chuc.csv') }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.importOrganisations).toMatchObject({ created: 1 });
  });
});
