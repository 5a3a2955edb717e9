import type { Actor } from '../../src/common/auth/actor';
import { orgVisibleSetSql, orgVisibleSql } from '../../src/common/scope/scope';
import { Params } from '../../src/database/sql';
import { RATING_YEARS_SQL } from '../../src/modules/rating/rating-read.service';
import { bootApp, type Harness } from '../setup/harness';
import { buildSide, buildTree } from '../setup/fixtures';

// orgVisibleSetSql (one set per statement, for lists of many rows) answers exactly as orgVisibleSql (a look-up per
// row) for every organisation, reader and date: before and after a move, an organisation established later, one
// dissolved by a merge, a date before the tree existed, and a member's own cell.
describe('readable organisations as one set', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let late: string;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    const ok = (res: { errors?: unknown }) => expect(res.errors).toBeUndefined();
    // a2 moves from GA (under A) to GB (under B) on 2024-07-01
    ok(
      await h.gql(
        `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
        { i: { id: t.a2, newParentId: t.GB, effectiveOn: '2024-07-01' } },
        admin,
      ),
    );
    // a cell established in 2020 under GA (no placement before), and b1 merged into it on 2025-02-01 (dissolved)
    const res = await h.gql(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      {
        i: {
          code: `${t.prefix}.late`,
          name: 'Chi bộ mới',
          kind: 'SUBORDINATE_CELL',
          parentId: t.GA,
          establishedOn: '2020-01-01',
        },
      },
      admin,
    );
    ok(res);
    late = (res.data as { createOrganisation: { id: string } }).createOrganisation.id;
    ok(
      await h.gql(
        `mutation($i: MergeOrganisationsInput!) { mergeOrganisations(input: $i) { id } }`,
        { i: { sourceIds: [t.b1], targetId: late, effectiveOn: '2025-02-01' } },
        admin,
      ),
    );
  });
  afterAll(async () => h?.close());

  const actor = (readRoots: string[], ownCellIds: string[] = []): Actor => ({
    kind: 'USER',
    id: null,
    name: 'reader',
    isAdmin: false,
    readRoots,
    writeRoots: [],
    ownMemberIds: [],
    ownCellIds,
    grants: [],
  });

  /** The tree's organisations readable by `a` on `d` under a condition built by `cond`. */
  const readable = async (
    a: Actor,
    d: string,
    cond: (a: Actor, org: string, p: Params, d: string) => string,
  ): Promise<string[]> => {
    const p = new Params();
    const ids = p.add([t.R, t.A, t.B, t.GA, t.GB, t.a1, t.a2, t.b1, late]);
    const date = p.add(d);
    const rows: { id: string }[] = await h.ds.query(
      `SELECT o.id FROM organisation o WHERE o.id = ANY(${ids}::uuid[]) AND ${cond(a, 'o.id', p, date)} ORDER BY o.id`,
      p.values,
    );
    return rows.map((r) => r.id);
  };

  it('gives the same organisations as the per-row condition for every reader and date', async () => {
    const readers = [
      actor([t.R]),
      actor([t.A]),
      actor([t.B]),
      actor([t.GA]),
      actor([t.GB, t.A]),
      actor([t.a2]),
      actor([late]),
      actor([], [t.a1]),
      actor([t.GB], [t.a1]),
    ];
    const dates = ['2010-01-01', '2019-12-31', '2020-01-01', '2024-06-30', '2024-07-01', '2025-02-01', '2030-01-01'];
    let compared = 0;
    for (const a of readers)
      for (const d of dates) {
        const expected = await readable(a, d, (x, org, p, date) => orgVisibleSql(x, org, p, date));
        expect({ roots: a.readRoots, d, ids: await readable(a, d, orgVisibleSetSql) }).toEqual({
          roots: a.readRoots,
          d,
          ids: expected,
        });
        compared += expected.length;
      }
    // the cases are not all empty: the move, the late cell and the merge change who reads what
    expect(compared).toBeGreaterThan(100);
    expect(await readable(actor([t.A]), '2024-06-30', orgVisibleSetSql)).toContain(t.a2);
    expect(await readable(actor([t.A]), '2024-07-01', orgVisibleSetSql)).not.toContain(t.a2);
  });
});

// The lists that read the readable organisations as one set (a year's ratings, inspection plans and inspections
// without a small subtree filter) answer as their per-row form, which a filter on the reader's own root takes.
describe('lists read through the readable set', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    await buildSide(h, admin, { X: t.A, G: t.GA, cell: t.a1, cell2: t.a2, member: t.m1 });
    await buildSide(h, admin, { X: t.B, G: t.GB, cell: t.b1, cell2: t.b1, member: t.m5 });
    // a1 (with side A's records) moves from committee A to committee B in 2025: its 2024 records stay A's to read
    // through the tree of their year, its 2026 ones are B's
    const move = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
      { i: { id: t.a1, newParentId: t.GB, effectiveOn: '2025-06-01' } },
      admin,
    );
    expect(move.errors).toBeUndefined();
  });
  afterAll(async () => h?.close());

  const LISTS = {
    ratings: `query($o: ID, $y: Int) { list: ratings(filter: { organisationId: $o, year: $y }, page: { limit: 500 }) { total items { id } } }`,
    plans: `query($o: ID, $y: Int) { list: inspectionPlans(organisationId: $o, year: $y, page: { limit: 500 }) { total items { id } } }`,
    inspections: `query($o: ID, $y: Int) { list: inspections(filter: { organisationId: $o, year: $y }, page: { limit: 500 }) { total items { id } } }`,
  };
  const ids = async (query: string, vars: Record<string, unknown>, token: string): Promise<string[]> => {
    const res = await h.gql(query, vars, token);
    expect(res.errors).toBeUndefined();
    const list = (res.data as { list: { total: number; items: { id: string }[] } }).list;
    expect(list.total).toBe(list.items.length);
    return list.items.map((x) => x.id).sort();
  };

  it.each(Object.keys(LISTS) as (keyof typeof LISTS)[])(
    '%s: the same rows with and without the root filter',
    async (name) => {
      const readers: [string, string][] = [
        [await h.userWith('COMMITTEE_READ', { organisationId: t.R }), t.R],
        [await h.userWith('COMMITTEE_READ', { organisationId: t.A }), t.A],
        [await h.userWith('COMMITTEE_WRITE', { organisationId: t.B }), t.B],
      ];
      let seen = 0;
      for (const [token, root] of readers)
        for (const y of [2024, 2026, null]) {
          const whole = await ids(LISTS[name], { o: null, y }, token);
          expect(await ids(LISTS[name], { o: root, y }, token)).toEqual(whole);
          seen += whole.length;
        }
      expect(seen).toBeGreaterThan(0);
    },
  );

  it('lists the years that have ratings as SELECT DISTINCT does, ratings of other periods included', async () => {
    const distinct = `SELECT DISTINCT year FROM rating ORDER BY year`;
    const qr = h.ds.createQueryRunner();
    await qr.startTransaction();
    try {
      const before: { year: number }[] = await qr.query(distinct);
      expect(before.length).toBeGreaterThan(0);
      expect(await qr.query(RATING_YEARS_SQL)).toEqual(before);
      // term ratings (no round): one in a year of no other rating, one in a year of yearly ratings
      const [m] = await qr.query(
        `SELECT member_id AS id, organisation_id AS org FROM rating WHERE member_id IS NOT NULL LIMIT 1`,
      );
      for (const year of [1931, before[0]!.year])
        await qr.query(
          `INSERT INTO rating (year, period_kind, subject_kind, member_id, organisation_id, scheme, raw_label, decided_level, decided_at)
           VALUES ($1, 'TERM', 'MEMBER', $2, $3, 'QD366_2025', 'Hoàn thành tốt nhiệm vụ', 'HTTNV', now())`,
          [year, m.id, m.org],
        );
      const after: { year: number }[] = await qr.query(distinct);
      expect(after.map((x) => x.year)).toEqual([1931, ...before.map((x) => x.year)]);
      expect(await qr.query(RATING_YEARS_SQL)).toEqual(after);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });
});
