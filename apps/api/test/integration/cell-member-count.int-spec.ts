import { first } from '@chibo/domain';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree, nationalId, tableCatalog } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { EXEMPTION_AT } from '../../src/modules/member/member.sql';
import { MemberImportService } from '../../src/modules/member/member-import.service';
import { loadPathFor, type MemberLoadPath } from '../../src/modules/member/member-import-writes';
import { FIGURE_VERSIONS_SQL } from '../../src/modules/dashboard/dashboard.cache';

/**
 * The per-cell member counts kept by triggers (cell_member_count, migration 1796541000000) follow every write that
 * changes them — admission, recognition, transfers, exemption and its end, death, removal, transfer out, merge and
 * split of cells, an import, a changed full-membership date — and equal, on every day where anything changes (and
 * the day before), the counts by their definition: the permanent memberships in force, full members by date,
 * exemptions by the latest event.
 */
describe('kept member counts (cell_member_count)', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const ok = async (query: string, i: Record<string, unknown>) => {
    const r = await h.gql(query, { i }, admin);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const EVENT = `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`;
  const event = (i: Record<string, unknown>) => ok(EVENT, i);

  // The organisations of this test's tree ($1: its root), whatever other suites left in the database.
  const IN_TREE = `SELECT x.organisation_id FROM organisation_placement x WHERE position('/' || $1::text || '/' IN x.path) > 0`;
  // Every day on which a count of the tree's cells may change, and the day before it.
  const DAYS = `
    SELECT DISTINCT d FROM (
      SELECT unnest(ARRAY[ms.valid_from, ms.valid_to, m.full_membership_date, ms.valid_from - 1, ms.valid_to - 1, m.full_membership_date - 1]) AS d
        FROM membership ms JOIN member m ON m.id = ms.member_id WHERE ms.organisation_id IN (${IN_TREE})
      UNION ALL
      SELECT unnest(ARRAY[e.effective_on, e.effective_on - 1]) FROM member_event e JOIN membership ms ON ms.member_id = e.member_id
       WHERE ms.organisation_id IN (${IN_TREE})
      UNION ALL SELECT current_date) x WHERE d IS NOT NULL`;
  const DEFINED = `
    WITH days AS (${DAYS})
    SELECT ms.organisation_id::text AS cell, days.d::text AS day, count(*)::int AS members,
           count(*) FILTER (WHERE m.full_membership_date <= days.d)::int AS "full",
           count(*) FILTER (WHERE ${EXEMPTION_AT('days.d')} IS NOT NULL)::int AS exempt
      FROM days JOIN membership ms ON ms.kind = 'PERMANENT' AND ms.valid_from <= days.d AND (ms.valid_to IS NULL OR ms.valid_to > days.d)
      JOIN member m ON m.id = ms.member_id
     WHERE ms.organisation_id IN (${IN_TREE})
     GROUP BY 1, 2 ORDER BY 1, 2`;
  const KEPT = `
    WITH days AS (${DAYS})
    SELECT k.organisation_id::text AS cell, days.d::text AS day, k.members, k.full_members AS "full", k.exempt
      FROM days JOIN cell_member_count k ON k.valid_from <= days.d AND k.valid_to > days.d
     WHERE k.organisation_id IN (${IN_TREE})
     ORDER BY 1, 2`;
  const expectKept = async (): Promise<unknown[]> => {
    const defined = await h.ds.query(DEFINED, [t.R]);
    expect(await h.ds.query(KEPT, [t.R])).toEqual(defined);
    return defined;
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it('follows admissions, recognition, transfers, exemptions, deaths, removals and transfers out', async () => {
    expect((await expectKept()).length).toBeGreaterThan(0);
    const p = await t.member(t.a1, 'Hồ Văn Dự Bị', {
      admissionDecisionDate: '2025-09-01',
      ceremonyDate: '2025-09-10',
      fullMembershipDate: null,
      joinedOn: '2025-09-10',
    });
    await expectKept();
    await event({ memberId: p, type: 'RECOGNISED_FULL', effectiveOn: '2026-09-10' });
    await expectKept();
    await event({ memberId: t.m1, type: 'TRANSFER_INTERNAL', toOrganisationId: t.b1, effectiveOn: '2026-03-01' });
    await expectKept();
    await event({ memberId: t.m2, type: 'EXEMPTED', reason: 'TEMPORARY', effectiveOn: '2026-02-01' });
    await expectKept();
    await event({ memberId: t.m2, type: 'EXEMPTION_ENDED', effectiveOn: '2026-05-01' });
    await expectKept();
    await event({ memberId: t.m3, type: 'DECEASED', effectiveOn: '2026-04-01' });
    await expectKept();
    await event({ memberId: t.m4, type: 'REMOVED', reason: 'MISSED_MEETINGS_OR_FEES', effectiveOn: '2026-06-01' });
    await expectKept();
    await event({
      memberId: t.m5,
      type: 'TRANSFER_OUT',
      externalOrganisation: 'Đảng bộ tỉnh Gia Lai',
      effectiveOn: '2026-07-01',
    });
    await expectKept();
    // a full-membership date corrected on the member row
    const q = await t.member(t.a2, 'Vũ Văn Sửa');
    await h.ds.query(`UPDATE member SET full_membership_date = '2012-01-01' WHERE id = $1`, [q]);
    await expectKept();
  });

  it('follows merges and splits of cells, and imports', async () => {
    const x = await t.org(`cx${Date.now() % 100000}`, 'Chi bộ sáp nhập', 'SUBORDINATE_CELL', t.GA);
    await t.member(x, 'Bùi Thị Lan', { gender: 'FEMALE' });
    await t.member(x, 'Bùi Văn Hải');
    await ok(`mutation($i: MergeOrganisationsInput!) { mergeOrganisations(input: $i) { id } }`, {
      sourceIds: [x],
      targetId: t.a2,
      effectiveOn: '2025-02-01',
    });
    await expectKept();
    const y = await t.org(`cy${Date.now() % 100000}`, 'Chi bộ chia tách', 'SUBORDINATE_CELL', t.GB);
    const [p1, p2, p3] = [
      await t.member(y, 'Cao Văn Một'),
      await t.member(y, 'Cao Văn Hai'),
      await t.member(y, 'Cao Văn Ba'),
    ];
    await ok(`mutation($i: SplitOrganisationInput!) { splitOrganisation(input: $i) { id } }`, {
      id: y,
      effectiveOn: '2025-06-01',
      dissolveSource: true,
      parts: [
        { code: `${t.prefix}.cy1`, name: 'Chi bộ 1', memberIds: [p1, p2] },
        { code: `${t.prefix}.cy2`, name: 'Chi bộ 2', memberIds: [p3] },
      ],
    });
    await expectKept();
    const row = (cell: string, fullName: string) => ({
      organisationCode: `${t.prefix}.${cell}`,
      fullName,
      gender: 'Nam',
      nationalId: nationalId(),
      birthDate: '1990-01-02',
      admissionDecisionDate: '2020-03-01',
      ceremonyDate: '2020-03-20',
    });
    const res = await h.app
      .get(MemberImportService)
      .importMembers(cliCaller(), [row('a1', 'Nhập Văn Một'), row('b1', 'Nhập Văn Hai')], {
        source: { name: 'dem.csv', sha256: 'cd'.repeat(32) },
      });
    expect(res).toMatchObject({ created: 2 });
    await expectKept();
  });

  describe('a bulk import', () => {
    const row = (cell: string, fullName: string, i: number) => ({
      organisationCode: `${t.prefix}.${cell}`,
      fullName,
      gender: i % 2 ? 'Nữ' : 'Nam',
      nationalId: nationalId(),
      birthDate: '1990-01-02',
      admissionDecisionDate: '2020-03-01',
      ceremonyDate: '2020-03-20',
      // some full members from a later day: the kept full-member counts change on it
      fullMembershipDate: i % 3 ? '2021-03-21' : undefined,
    });
    const rows = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => row(['a1', 'a2', 'b1'][i % 3]!, `Nhập Hàng Loạt ${tag} ${i}`, i));
    const versions = async (): Promise<Record<string, number>> => {
      const { v } = first((await h.ds.query(FIGURE_VERSIONS_SQL)) as { v: string }[], 'figure versions row');
      return Object.fromEntries(v.split(',').map((x: string) => [x.split(':')[0], Number(x.split(':')[1])]));
    };
    // `batches`: three batches in one bulk load (importMemberBatches, as the seed loads)
    const load = async (n: number, tag: string, loadPath: MemberLoadPath | 'batches') => {
      const before = await versions();
      const catalog = await tableCatalog(h.ds, ['member', 'membership', 'member_event']);
      const source = { name: `${tag}.csv`, sha256: 'ab'.repeat(32) };
      const svc = h.app.get(MemberImportService);
      if (loadPath === 'batches') {
        const all = rows(n, tag);
        const res = await svc.importMemberBatches(cliCaller(), [all.slice(0, 10), all.slice(10, 20), all.slice(20)], {
          source,
        });
        expect(res).toEqual([10, 10, n - 20].map((created) => ({ created, updated: 0, skipped: 0, errors: [] })));
        // one audit row per batch, as for three imports
        const [{ audits }] = await h.ds.query(
          `SELECT count(*)::int AS audits FROM audit_log WHERE operation = 'importMembers' AND after->>'file' = $1`,
          [source.name],
        );
        expect(audits).toBe(3);
      } else {
        const res = await svc.importMembers(cliCaller(), rows(n, tag), { source, loadPath });
        expect(res).toMatchObject({ created: n, errors: [] });
      }
      await expectKept();
      // the figures' cache is dropped: every table the load wrote, and the kept counts, have a new version
      const after = await versions();
      for (const table of ['member', 'membership', 'member_event', 'cell_member_count'])
        expect(after[table] ?? 0).toBeGreaterThan(before[table] ?? 0);
      // each new member's dues version raised once, as the membership trigger does
      const dues: { n: number; v: number }[] = await h.ds.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE v.version = 1)::int AS v
           FROM member m JOIN dues_member_version v ON v.member_id = m.id WHERE m.full_name LIKE $1`,
        [`Nhập Hàng Loạt ${tag} %`],
      );
      expect(dues).toEqual([{ n, v: n }]);
      // and everything the load turned off is back: triggers on, foreign keys valid, the GIN/GiST indexes there
      const state: { triggersOff: number; invalid: number; nonBtree: number }[] = await h.ds.query(
        `SELECT (SELECT count(*)::int FROM pg_trigger WHERE tgrelid IN ('membership'::regclass, 'member_event'::regclass) AND NOT tgisinternal AND tgenabled = 'D') AS "triggersOff",
                (SELECT count(*)::int FROM pg_constraint WHERE conrelid IN ('membership'::regclass, 'member_event'::regclass) AND NOT convalidated) AS invalid,
                (SELECT count(*)::int FROM pg_class WHERE relname IN ('member_name_folded_trgm', 'membership_no_overlap')) AS "nonBtree"`,
      );
      expect(state).toEqual([{ triggersOff: 0, invalid: 0, nonBtree: 2 }]);
      // each index, constraint and trigger as it was, by its definition
      expect(await tableCatalog(h.ds, ['member', 'membership', 'member_event'])).toEqual(catalog);
    };

    it('with the triggers off and the indexes rebuilt keeps the same counts as the definition', () =>
      load(30, 'R', 'rebuild'));
    it('with the triggers off (indexes kept) keeps the same counts as the definition', () => load(30, 'D', 'deferred'));
    it('row by row (triggers on) keeps the same counts as the definition', () => load(30, 'W', 'row'));
    it('in batches as one bulk load keeps the same counts as the definition', () => load(30, 'B', 'batches'));
    it('in batches as one bulk load refuses a national ID repeated in a later batch, as within one file', async () => {
      const all = rows(20, 'Y');
      all[15] = { ...all[15]!, nationalId: all[3]!.nationalId };
      const err = await h.app
        .get(MemberImportService)
        .importMemberBatches(cliCaller(), [all.slice(0, 10), all.slice(10)])
        .catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'IMPORT_INVALID',
        details: { rows: [{ row: 17, column: 'nationalId', reason: 'same national ID as row 5' }] },
      });
      expect(await h.ds.query(`SELECT id FROM member WHERE full_name LIKE 'Nhập Hàng Loạt Y %'`)).toEqual([]);
    });
    it('in batches as one bulk load writes nothing when a later batch has a bad row', async () => {
      const catalog = await tableCatalog(h.ds, ['member', 'membership', 'member_event']);
      const all = rows(30, 'X');
      all[25] = { ...all[25]!, birthDate: '1990-02-30' };
      const err = await h.app
        .get(MemberImportService)
        .importMemberBatches(cliCaller(), [all.slice(0, 10), all.slice(10, 20), all.slice(20)])
        .catch((e: unknown) => e);
      // row 27 of the whole (the heading is row 1), the sixth of the third batch
      expect(err).toMatchObject({
        code: 'IMPORT_INVALID',
        details: { rows: [expect.objectContaining({ row: 27, column: 'birthDate' })] },
      });
      expect(await h.ds.query(`SELECT id FROM member WHERE full_name LIKE 'Nhập Hàng Loạt X %'`)).toEqual([]);
      expect(await tableCatalog(h.ds, ['member', 'membership', 'member_event'])).toEqual(catalog);
      await expectKept();
    });
    it('large next to the tables takes the bulk path by itself and keeps the same counts', async () => {
      const { held, members } = first(
        (await h.ds.query(
          `SELECT (SELECT coalesce(max(reltuples), 0)::float8 FROM pg_class WHERE oid IN ('membership'::regclass, 'member_event'::regclass)) AS held,
                  (SELECT count(*)::float8 FROM member) AS members`,
        )) as { held: number; members: number }[],
        'table sizes row',
      );
      // alone on its database this suite's tables hold a few dozen rows; among other suites, maybe more
      if (loadPathFor(2000, held, members) === 'row')
        console.warn('cell_member_count: the tables are large next to 2,000 members here; the bulk path is forced');
      await load(2000, 'A', loadPathFor(2000, held, members) === 'row' ? 'rebuild' : 'auto');
    });
  });

  it('rebuilds to the same rows from scratch', async () => {
    const before = await h.ds.query(
      `SELECT * FROM cell_member_count WHERE organisation_id IN (${IN_TREE}) ORDER BY organisation_id, valid_to`,
      [t.R],
    );
    const kept = () =>
      h.ds.query(
        `SELECT * FROM cell_member_count WHERE organisation_id IN (${IN_TREE}) ORDER BY organisation_id, valid_to`,
        [t.R],
      );
    await h.ds.query(`SELECT cell_member_count_rebuild(ARRAY(${IN_TREE}))`, [t.R]);
    expect(await kept()).toEqual(before);
    // more than 64 cells at once (an import's statement): one lock on the whole instead of one per cell, same rows
    await h.ds.query(
      `SELECT cell_member_count_rebuild(ARRAY(${IN_TREE}) || ARRAY(SELECT gen_random_uuid() FROM generate_series(1, 70)))`,
      [t.R],
    );
    expect(await kept()).toEqual(before);
  });
});
