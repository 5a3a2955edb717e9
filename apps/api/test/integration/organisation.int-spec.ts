import { bootApp, errorOf, uniq, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

describe('organisation tree', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  const PARENT = `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { parent { id } ancestors { id } } }`;

  it('viewed as of a past date, the committee is the seats held then, not those of the next term', async () => {
    const seat = async (memberId: string, from: string, to?: string) => {
      const res = await h.gql(
        `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
        { i: { organisationId: t.a1, memberId, role: 'SECRETARY', from, ...(to ? { to } : {}) } },
        admin,
      );
      expect(res.errors).toBeUndefined();
    };
    await seat(t.m1, '2020-08-15', '2025-08-15'); // the secretary of the last term
    await seat(t.m2, '2025-08-15'); // the one elected for the term beginning 15/08/2025
    const seated = async (d: string) => {
      const res = await h.gql(
        `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { asOf committee { role from to member { id } } } }`,
        { id: t.a1, d },
        admin,
      );
      expect(res.errors).toBeUndefined();
      return res.data.organisation.committee.map((c: { member: { id: string } }) => c.member.id);
    };
    expect(await seated('2025-01-01')).toEqual([t.m1]);
    expect(await seated('2025-08-14')).toEqual([t.m1]);
    expect(await seated('2025-08-15')).toEqual([t.m2]);
    expect(await seated('2026-01-01')).toEqual([t.m2]);
    // Seats assigned out of role order are listed in role order (secretary, deputy, committee member), then by start.
    await h.gql(
      `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
      { i: { organisationId: t.a1, memberId: t.m3, role: 'COMMITTEE_MEMBER', from: '2026-02-01' } },
      admin,
    );
    const deputy = await h.gql(
      `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
      { i: { organisationId: t.a1, memberId: t.m1, role: 'DEPUTY_SECRETARY', from: '2026-03-01' } },
      admin,
    );
    expect(deputy.errors).toBeUndefined();
    const roles = await h.gql(
      `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { committee { role member { id } } } }`,
      { id: t.a1, d: '2026-06-01' },
      admin,
    );
    expect(
      roles.data.organisation.committee.map((c: { role: string; member: { id: string } }) => [c.role, c.member.id]),
    ).toEqual([
      ['SECRETARY', t.m2],
      ['DEPUTY_SECRETARY', t.m1],
      ['COMMITTEE_MEMBER', t.m3],
    ]);
  });

  it('a cell moved to another committee shows under the old parent before the date and the new one from it', async () => {
    const move = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { parent { id } } }`,
      { i: { id: t.a2, newParentId: t.GB, effectiveOn: '2024-07-01' } },
      admin,
    );
    expect(move.errors).toBeUndefined();
    expect(move.data.moveOrganisation.parent.id).toBe(t.GB);
    const before = await h.gql(PARENT, { id: t.a2, d: '2024-06-30' }, admin);
    const after = await h.gql(PARENT, { id: t.a2, d: '2024-07-01' }, admin);
    expect(before.data.organisation.parent.id).toBe(t.GA);
    expect(before.data.organisation.ancestors.map((a: { id: string }) => a.id)).toEqual([t.R, t.A, t.GA]);
    expect(after.data.organisation.parent.id).toBe(t.GB);
    expect(after.data.organisation.ancestors.map((a: { id: string }) => a.id)).toEqual([t.R, t.B, t.GB]);
    // Subtree counts follow: A had 4 members before, 3 after; B had 1 before, 2 after.
    const counts = `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { memberCount children { id } } }`;
    expect((await h.gql(counts, { id: t.A, d: '2024-06-30' }, admin)).data.organisation.memberCount).toBe(4);
    expect((await h.gql(counts, { id: t.A, d: '2024-07-01' }, admin)).data.organisation.memberCount).toBe(3);
    expect((await h.gql(counts, { id: t.B, d: '2024-07-01' }, admin)).data.organisation.memberCount).toBe(2);
    // A reader of committee A sees the cell as of before the move, not after.
    const readA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    expect((await h.gql(PARENT, { id: t.a2, d: '2024-06-30' }, readA)).data.organisation).toBeTruthy();
    expect(errorOf(await h.gql(PARENT, { id: t.a2, d: '2024-07-02' }, readA))?.code).toBe('NOT_FOUND');
    // History records the move.
    const hist = await h.gql(
      `query($id: ID!) { organisation(id: $id) { history { type effectiveOn fromParentId toParentId } } }`,
      { id: t.a2 },
      admin,
    );
    expect(hist.data.organisation.history).toEqual(
      expect.arrayContaining([{ type: 'MOVED', effectiveOn: '2024-07-01', fromParentId: t.GA, toParentId: t.GB }]),
    );
  });

  it('refuses a move before a later change, a move under its own subtree and a kind that may not sit there — changing nothing', async () => {
    const snapshot = async () => h.ds.query(`SELECT count(*)::int AS n, max(id) AS last FROM organisation_placement`);
    const before = await snapshot();
    const early = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
      { i: { id: t.a2, newParentId: t.GB, effectiveOn: '2024-01-01' } },
      admin,
    );
    expect(errorOf(early)).toMatchObject({ code: 'CONFLICT', reason: 'EFFECTIVE_DATE_BEFORE_LAST_CHANGE' });
    const cycle = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
      { i: { id: t.A, newParentId: t.GA, effectiveOn: '2025-01-01' } },
      admin,
    );
    expect(errorOf(cycle)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CYCLE' });
    const kind = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
      { i: { id: t.a1, newParentId: t.R, effectiveOn: '2025-01-01' } },
      admin,
    );
    expect(errorOf(kind)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PARENT_KIND' });
    expect(await snapshot()).toEqual(before);
  });

  it('creates only kinds allowed under the parent, with unique codes and a clear field error', async () => {
    const bad = await h.gql(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { code: uniq('X'), name: 'Tổ đảng sai chỗ', kind: 'PARTY_GROUP', parentId: t.GA } },
      admin,
    );
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PARENT_KIND' });
    expect(errorOf(bad)?.fields[0].field).toBe('parentId');
    const dup = await h.gql(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { code: `${t.prefix}.a1`, name: 'Trùng mã', kind: 'SUBORDINATE_CELL', parentId: t.GA } },
      admin,
    );
    expect(errorOf(dup)).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_CODE' });
    expect(errorOf(dup)?.fields[0].field).toBe('code');
    const invalid = await h.gql(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { code: 'bad code!', name: '', kind: 'SUBORDINATE_CELL', parentId: t.GA } },
      admin,
    );
    expect(errorOf(invalid)?.code).toBe('BAD_USER_INPUT');
    expect(
      errorOf(invalid)
        ?.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['code', 'name']);
  });

  it('merges cells: members move to the target, the source is dissolved, history keeps both', async () => {
    const x = await t.org(`mx${Date.now() % 1000}`, 'Chi bộ sáp nhập', 'SUBORDINATE_CELL', t.GA);
    const mx = await t.member(x, 'Bùi Thị Lan', { gender: 'FEMALE' });
    const res = await h.gql(
      `mutation($i: MergeOrganisationsInput!) { mergeOrganisations(input: $i) { id memberCount } }`,
      { i: { sourceIds: [x], targetId: t.a1, effectiveOn: '2025-02-01' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.mergeOrganisations.memberCount).toBe(4);
    const member = await h.gql(
      `query($id: ID!, $d: Date) { member(id: $id, asOf: $d) { organisation { id } } }`,
      { id: mx, d: '2025-02-01' },
      admin,
    );
    expect(member.data.member.organisation.id).toBe(t.a1);
    const old = await h.gql(
      `query($id: ID!, $d: Date) { member(id: $id, asOf: $d) { organisation { id } } }`,
      { id: mx, d: '2025-01-31' },
      admin,
    );
    expect(old.data.member.organisation.id).toBe(x);
    const src = await h.gql(
      `query($id: ID!) { organisation(id: $id) { dissolvedOn history { type } } }`,
      { id: x },
      admin,
    );
    expect(src.data.organisation.dissolvedOn).toBe('2025-02-01');
    expect(src.data.organisation.history.map((c: { type: string }) => c.type)).toEqual(['CREATED', 'MERGED_INTO']);
  });

  it('splits a cell: named members go to the new cells, the original is dissolved only when emptied', async () => {
    const x = await t.org(`sp${Date.now() % 1000}`, 'Chi bộ chia tách', 'SUBORDINATE_CELL', t.GB);
    const [p1, p2, p3] = [
      await t.member(x, 'Cao Văn Một'),
      await t.member(x, 'Cao Văn Hai'),
      await t.member(x, 'Cao Văn Ba'),
    ];
    const SPLIT = `mutation($i: SplitOrganisationInput!) { splitOrganisation(input: $i) { id code memberCount parent { id } } }`;
    const partial = await h.gql(
      SPLIT,
      {
        i: {
          id: x,
          effectiveOn: '2025-06-01',
          dissolveSource: true,
          parts: [{ code: `${t.prefix}.sp1`, name: 'Chi bộ 1', memberIds: [p1] }],
        },
      },
      admin,
    );
    expect(errorOf(partial)?.fields[0].field).toBe('parts');
    expect(await h.ds.query(`SELECT 1 FROM organisation WHERE code = $1`, [`${t.prefix}.sp1`])).toHaveLength(0);
    const res = await h.gql(
      SPLIT,
      {
        i: {
          id: x,
          effectiveOn: '2025-06-01',
          dissolveSource: true,
          parts: [
            { code: `${t.prefix}.sp1`, name: 'Chi bộ 1', memberIds: [p1, p2] },
            { code: `${t.prefix}.sp2`, name: 'Chi bộ 2', memberIds: [p3] },
          ],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.splitOrganisation.map((o: { memberCount: number }) => o.memberCount)).toEqual([2, 1]);
    expect(res.data.splitOrganisation.every((o: { parent: { id: string } }) => o.parent.id === t.GB)).toBe(true);
    const src = await h.gql(
      `query($id: ID!) { organisation(id: $id) { dissolvedOn history { type } } }`,
      { id: x },
      admin,
    );
    expect(src.data.organisation.dissolvedOn).toBe('2025-06-01');
    expect(src.data.organisation.history.map((c: { type: string }) => c.type)).toEqual([
      'CREATED',
      'SPLIT_INTO',
      'SPLIT_INTO',
      'DISSOLVED',
    ]);
  });

  it('refuses to dissolve an organisation that still has members', async () => {
    const res = await h.gql(
      `mutation($i: DissolveOrganisationInput!) { dissolveOrganisation(input: $i) { id } }`,
      { i: { id: t.b1, effectiveOn: '2026-01-01' } },
      admin,
    );
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT' });
    expect(
      (await h.ds.query(`SELECT dissolved_on FROM organisation WHERE id = $1`, [t.b1]))[0].dissolved_on,
    ).toBeNull();
  });

  it('computes flags from the libs rules: a subordinate cell over 30 members, 9+ full members without a chi ủy', async () => {
    const big = await t.org(`big${Date.now() % 1000}`, 'Chi bộ đông', 'SUBORDINATE_CELL', t.GB);
    for (let i = 0; i < 31; i++) await t.member(big, `Hồ Văn Số ${i}`);
    const res = await h.gql(
      `query($id: ID!) { organisation(id: $id) { fullMemberCount hasCellCommittee flags { code severity message params } } }`,
      { id: big },
      admin,
    );
    const codes = res.data.organisation.flags.map((f: { code: string }) => f.code);
    expect(res.data.organisation.fullMemberCount).toBe(31);
    expect(codes).toEqual(expect.arrayContaining(['SUBORDINATE_CELL_TOO_LARGE', 'CELL_COMMITTEE_REQUIRED']));
    expect(res.data.organisation.flags[0].message).toMatch(/[ảăâđêôơư]/);
  });

  it('answers subtree counts for 50 cells with their secretaries and members in a number of SQL statements that does not grow with the rows', async () => {
    const parent = await t.org(`n1${Date.now() % 1000}`, 'Đảng bộ đếm truy vấn', 'GRASSROOTS_COMMITTEE', t.B);
    const cells: string[] = [];
    for (let i = 0; i < 50; i++)
      cells.push(await t.org(`n1c${i}_${Date.now() % 1000}`, `Chi bộ số ${i}`, 'SUBORDINATE_CELL', parent));
    for (const c of cells.slice(0, 10)) {
      const m = await t.member(c, 'Ngô Thị Bí Thư', { gender: 'FEMALE' });
      await h.gql(
        `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
        { i: { organisationId: c, memberId: m, role: 'SECRETARY', from: '2025-01-01' } },
        admin,
      );
    }
    const Q = `query($id: ID!, $limit: Int!) { organisations(filter: {underId: $id, kinds: [SUBORDINATE_CELL]}, page: {limit: $limit}) {
      items { name memberCount fullMemberCount flags { code } committee { role member { fullName partyAge { years } organisation { name } } } parent { name } } } }`;
    const small = await h.countQueries(() => h.gql(Q, { id: parent, limit: 5 }, admin));
    const large = await h.countQueries(() => h.gql(Q, { id: parent, limit: 50 }, admin));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data.organisations.items).toHaveLength(50);
    expect(
      large.result.data.organisations.items.filter((o: { committee: unknown[] }) => o.committee.length === 1),
    ).toHaveLength(10);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(15);
  });

  it('counts a subtree on a date as its organisations and memberships say, nested roots each whole', async () => {
    const SUBTREE = `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) {
      subtreeCounts { organisations byKind { kind count } members fullMembers probationaryMembers } } }`;
    const d = new Date().toISOString().slice(0, 10);
    const byDefinition = async (root: string) => {
      const [orgs] = await h.ds.query(
        `SELECT sum(c)::int AS n, json_object_agg(kind, c) AS "byKind" FROM (
           SELECT o.kind, count(*)::int AS c FROM organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id
            WHERE pl.valid_from <= $2::date AND (pl.valid_to IS NULL OR pl.valid_to > $2::date)
              AND position('/' || $1::text || '/' IN pl.path) > 0 GROUP BY o.kind) k`,
        [root, d],
      );
      const [members] = await h.ds.query(
        `SELECT count(*)::int AS members, count(*) FILTER (WHERE m.full_membership_date <= $2::date)::int AS full
           FROM membership ms JOIN member m ON m.id = ms.member_id
           JOIN organisation_placement pl ON pl.organisation_id = ms.organisation_id
            AND pl.valid_from <= $2::date AND (pl.valid_to IS NULL OR pl.valid_to > $2::date)
          WHERE ms.kind = 'PERMANENT' AND ms.valid_from <= $2::date AND (ms.valid_to IS NULL OR ms.valid_to > $2::date)
            AND position('/' || $1::text || '/' IN pl.path) > 0`,
        [root, d],
      );
      return { orgs, members };
    };
    for (const root of [t.R, t.A, t.GA, t.a1]) {
      const res = await h.gql(SUBTREE, { id: root, d }, admin);
      expect(res.errors).toBeUndefined();
      const c = res.data.organisation.subtreeCounts;
      const want = await byDefinition(root);
      expect(c.organisations).toBe(want.orgs.n);
      expect(Object.fromEntries(c.byKind.map((k: { kind: string; count: number }) => [k.kind, k.count]))).toEqual(
        want.orgs.byKind,
      );
      expect(c.members).toBe(want.members.members);
      expect(c.members).toBeGreaterThan(0);
      expect(c.fullMembers).toBe(want.members.full);
      expect(c.probationaryMembers).toBe(want.members.members - want.members.full);
    }
  });
});
