import { bootApp, type Harness } from '../setup/harness';
import { buildTree, nationalId } from '../setup/fixtures';
import { SYSTEM_ACTOR, type Actor } from '../../src/common/auth/actor';
import { cliCaller } from '../../src/cli/context';
import { seed } from '../../src/cli/seed';
import { Params } from '../../src/database/sql';
import { admissionCounts, admissionsSql, type AdmissionWindow } from '../../src/modules/member/admission.sql';
import { MemberImportService } from '../../src/modules/member/member-import.service';

/**
 * The admissions kept per admitting cell and decision date (cell_admission_count, migration 1796665000000) follow
 * every write that changes an admission — admission, recognition and transfers (which must change nothing), a
 * corrected decision date, a moved or retyped ADMITTED event, deletions, an import (new members and corrected dates;
 * row by row and with the event triggers off), merge and split of cells, the seed — and equal the rows by definition
 * (the ADMITTED events with their member's decision date). The counts read from them (admissionCounts: the
 * dashboard, admissionProgress) equal the length of the list by definition (admissionsSql) for every window and
 * caller, the tree resolved on each day.
 */
describe('kept admissions (cell_admission_count)', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const ok = async (query: string, i: Record<string, unknown>) => {
    const r = await h.gql(query, { i }, admin);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const event = (i: Record<string, unknown>) =>
    ok(`mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`, i);
  const young = { birthDate: '2000-02-02', fullMembershipDate: null };

  // Every cell's rows, by definition and as kept, over the whole database (what other writes left included).
  const DEFINED = `
    SELECT COALESCE(e.to_organisation_id, e.organisation_id)::text AS cell, m.admission_decision_date::text AS day, count(*)::int AS n
      FROM member_event e JOIN member m ON m.id = e.member_id
     WHERE e.type = 'ADMITTED' AND m.admission_decision_date IS NOT NULL AND COALESCE(e.to_organisation_id, e.organisation_id) IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2`;
  const KEPT = `SELECT organisation_id::text AS cell, admitted_on::text AS day, admissions AS n FROM cell_admission_count ORDER BY 1, 2`;

  // Windows over the tree's organisations and several periods (one reaching back past every admission).
  const windows = (): AdmissionWindow[] =>
    [t.R, t.A, t.B, t.GA, t.GB, t.a1, t.a2, t.b1].flatMap((organisationId) =>
      [
        { from: '2000-01-01', to: '2026-12-31' },
        { from: '2026-01-01', to: '2026-06-15' },
        { from: '2025-01-01', to: '2025-12-31' },
        { from: '2010-05-01', to: '2010-05-01' },
      ].map((period) => ({ organisationId, ...period })),
    );
  const listed = async (actor: Actor, ws: AdmissionWindow[]): Promise<number[]> => {
    const p = new Params();
    const rows: { n: number; count: number }[] = await h.ds.query(
      `SELECT x.n, count(*)::int AS count FROM (${admissionsSql(actor, p, ws)}) x GROUP BY x.n`,
      p.values,
    );
    return ws.map((_, i) => rows.find((r) => Number(r.n) === i + 1)?.count ?? 0);
  };
  const reader: Actor = { ...SYSTEM_ACTOR, kind: 'USER', isAdmin: false, name: 'reader' };

  const expectKept = async (): Promise<void> => {
    expect(await h.ds.query(KEPT)).toEqual(await h.ds.query(DEFINED));
    const ws = windows();
    for (const actor of [SYSTEM_ACTOR, { ...reader, readRoots: [t.A] }, { ...reader, readRoots: [t.a1, t.b1] }])
      expect(await admissionCounts(h.ds, actor, ws)).toEqual(await listed(actor, ws));
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it('follows admissions, recognition, transfers, corrected dates and moved or deleted events', async () => {
    await expectKept();
    expect(
      (await admissionCounts(h.ds, SYSTEM_ACTOR, [{ organisationId: t.R, from: '2010-05-01', to: '2010-05-01' }]))[0],
    ).toBe(5);
    const p = await t.member(t.a1, 'Hồ Văn Dự Bị', {
      ...young,
      admissionDecisionDate: '2025-02-01',
      ceremonyDate: '2025-02-10',
      joinedOn: '2025-02-10',
    });
    const q = await t.member(t.b1, 'Lý Thị Thu', {
      ...young,
      gender: 'FEMALE',
      admissionDecisionDate: '2026-02-01',
      ceremonyDate: '2026-02-12',
      joinedOn: '2026-02-12',
    });
    await expectKept();
    await event({ memberId: p, type: 'RECOGNISED_FULL', effectiveOn: '2026-02-10' });
    await event({ memberId: p, type: 'TRANSFER_INTERNAL', toOrganisationId: t.b1, effectiveOn: '2026-03-01' });
    await event({
      memberId: q,
      type: 'TRANSFER_OUT',
      externalOrganisation: 'Đảng bộ tỉnh Gia Lai',
      effectiveOn: '2026-04-01',
    });
    await expectKept();
    // a corrected decision date (through the API, then two on the rows in one statement), and one cleared
    const upd = await h.gql(
      `mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id } }`,
      { id: q, i: { admissionDecisionDate: '2025-12-20' } },
      admin,
    );
    expect(upd.errors).toBeUndefined();
    await expectKept();
    await h.ds.query(`UPDATE member SET admission_decision_date = ceremony_date - 20 WHERE id = ANY($1::uuid[])`, [
      [p, t.m1],
    ]);
    await expectKept();
    await h.ds.query(`UPDATE member SET admission_decision_date = NULL WHERE id = $1`, [t.m2]);
    await expectKept();
    // an ADMITTED event moved to another cell, retyped, and one deleted with its member
    await h.ds.query(
      `UPDATE member_event SET organisation_id = $2, to_organisation_id = NULL WHERE member_id = $1 AND type = 'ADMITTED'`,
      [p, t.a2],
    );
    await expectKept();
    await h.ds.query(`UPDATE member_event SET type = 'TRANSFER_IN' WHERE member_id = $1 AND type = 'ADMITTED'`, [t.m3]);
    await expectKept();
    await h.ds.query(`UPDATE member_event SET type = 'ADMITTED' WHERE member_id = $1 AND type = 'TRANSFER_IN'`, [t.m3]);
    await expectKept();
    const gone = await t.member(t.a2, 'Mai Văn Xóa', {
      ...young,
      admissionDecisionDate: '2026-03-03',
      ceremonyDate: '2026-03-13',
      joinedOn: '2026-03-13',
    });
    await expectKept();
    await h.ds.transaction(async (m) => {
      for (const table of ['member_event', 'membership'])
        await m.query(`DELETE FROM ${table} WHERE member_id = $1`, [gone]);
      await m.query(`DELETE FROM member WHERE id = $1`, [gone]);
    });
    await expectKept();
  });

  it('follows merges and splits of cells and imports', async () => {
    const x = await t.org(`cx${Date.now() % 100000}`, 'Chi bộ sáp nhập', 'SUBORDINATE_CELL', t.GB);
    await t.member(x, 'Bùi Thị Lan', {
      ...young,
      gender: 'FEMALE',
      admissionDecisionDate: '2025-03-01',
      ceremonyDate: '2025-03-09',
      joinedOn: '2025-03-09',
    });
    await ok(`mutation($i: MergeOrganisationsInput!) { mergeOrganisations(input: $i) { id } }`, {
      sourceIds: [x],
      targetId: t.a2,
      effectiveOn: '2025-06-01',
    });
    await expectKept();
    const y = await t.org(`cy${Date.now() % 100000}`, 'Chi bộ chia tách', 'SUBORDINATE_CELL', t.GA);
    const [p1, p2] = [
      await t.member(y, 'Cao Văn Một', {
        ...young,
        admissionDecisionDate: '2025-04-01',
        ceremonyDate: '2025-04-05',
        joinedOn: '2025-04-05',
      }),
      await t.member(y, 'Cao Văn Hai', {
        ...young,
        admissionDecisionDate: '2025-08-01',
        ceremonyDate: '2025-08-05',
        joinedOn: '2025-08-05',
      }),
    ];
    await ok(`mutation($i: SplitOrganisationInput!) { splitOrganisation(input: $i) { id } }`, {
      id: y,
      effectiveOn: '2025-09-01',
      dissolveSource: true,
      parts: [
        { code: `${t.prefix}.cy1`, name: 'Chi bộ 1', memberIds: [p1] },
        { code: `${t.prefix}.cy2`, name: 'Chi bộ 2', memberIds: [p2] },
      ],
    });
    await expectKept();
    const row = (cell: string, fullName: string, admissionDecisionDate: string) => ({
      organisationCode: `${t.prefix}.${cell}`,
      fullName,
      gender: 'Nam',
      nationalId: nationalId(),
      birthDate: '1990-01-02',
      admissionDecisionDate,
      ceremonyDate: '2026-03-20',
    });
    const imported = [row('a1', 'Nhập Văn Một', '2026-03-01'), row('b1', 'Nhập Văn Hai', '2026-03-02')];
    const imports = h.app.get(MemberImportService);
    expect(
      await imports.importMembers(cliCaller(), imported, { source: { name: 'adm.csv', sha256: 'ab'.repeat(32) } }),
    ).toMatchObject({ created: 2 });
    await expectKept();
    // the same people again with a corrected decision date: an update through the import
    const corrected = imported.map((r) => ({ ...r, admissionDecisionDate: '2026-02-27' }));
    await imports.importMembers(cliCaller(), corrected, { source: { name: 'adm2.csv', sha256: 'ac'.repeat(32) } });
    await expectKept();
    // larger loads on each path: row by row, and with the event triggers off and the cells rebuilt once after
    for (const loadPath of ['row', 'deferred', 'rebuild'] as const) {
      const many = Array.from({ length: 30 }, (_, i) =>
        row(['a1', 'a2', 'b1'][i % 3]!, `Nhập ${loadPath} ${i}`, `2026-0${1 + (i % 3)}-0${1 + (i % 5)}`),
      );
      expect(
        await imports.importMembers(cliCaller(), many, {
          source: { name: `${loadPath}.csv`, sha256: 'ad'.repeat(32) },
          loadPath,
        }),
      ).toMatchObject({ created: 30, errors: [] });
      await expectKept();
      const off: { n: number }[] = await h.ds.query(
        `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname LIKE 'cell_admission_count%' AND tgenabled = 'D'`,
      );
      expect(off).toEqual([{ n: 0 }]);
    }
  });

  it('holds after the seed, and rebuilds to the same rows from scratch', async () => {
    await seed(h.app, cliCaller(), { scale: 0.05, seed: 2026, log: () => undefined });
    await expectKept();
    const before = await h.ds.query(KEPT);
    await h.ds.query(`SELECT cell_admission_count_rebuild(ARRAY(SELECT id FROM organisation))`);
    expect(await h.ds.query(KEPT)).toEqual(before);
  }, 300_000);
});
