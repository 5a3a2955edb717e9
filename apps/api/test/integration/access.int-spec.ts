import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// The scope matrix: every kind of grant × read and write operations × inside and outside the scope.
// Outside the scope must look exactly like a row that does not exist.
describe('access scope', () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const tokens = {} as Record<
    'admin' | 'memberM1' | 'readA' | 'secretaryA1' | 'tokenA' | 'tokenRwA' | 'writeA',
    string
  > &
    Record<string, string>; // filled in beforeAll
  const MISSING = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    h = await bootApp();
    tokens.admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, tokens.admin);
    tokens.readA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    tokens.writeA = await h.userWith('COMMITTEE_WRITE', { organisationId: t.A });
    tokens.secretaryA1 = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    tokens.memberM1 = await h.userWith('MEMBER', { memberId: t.m1 });
    const created = await h.gql(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`,
      { i: { name: 'itest', organisationId: t.A, access: 'READ' } },
      tokens.admin,
    );
    tokens.tokenA = created.data.createApiToken.secret;
    const rw = await h.gql(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`,
      { i: { name: 'itest-rw', organisationId: t.A, access: 'READ_WRITE' } },
      tokens.admin,
    );
    tokens.tokenRwA = rw.data.createApiToken.secret;
  });
  afterAll(() => h.close());

  const ORG = `query($id: ID!) { organisation(id: $id) { id name } }`;
  const MEMBER = `query($id: ID!) { member(id: $id) { id fullName } }`;

  // [grant, organisation readable, member readable]
  const readCases: [string, 'a1' | 'b1' | 'A' | 'GA' | 'R', boolean][] = [
    ['admin', 'b1', true],
    ['readA', 'a1', true],
    ['readA', 'GA', true],
    ['readA', 'b1', false],
    ['readA', 'R', false],
    ['writeA', 'a1', true],
    ['writeA', 'b1', false],
    ['secretaryA1', 'a1', true],
    ['secretaryA1', 'GA', false],
    ['secretaryA1', 'b1', false],
    ['memberM1', 'a1', true],
    ['memberM1', 'b1', false],
    ['tokenA', 'a1', true],
    ['tokenA', 'b1', false],
    ['tokenRwA', 'R', false],
  ];

  it.each(readCases)('%s reads organisation %s: %s', async (who, org, allowed) => {
    const res = await h.gql(ORG, { id: t[org] }, tokens[who]);
    if (allowed) expect(res.data.organisation.id).toBe(t[org]);
    else {
      const missing = await h.gql(ORG, { id: MISSING }, tokens[who]);
      expect(errorOf(res)).toEqual(errorOf(missing));
      expect(res.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
      expect(errorOf(res)?.code).toBe('NOT_FOUND');
    }
  });

  const memberCases: [string, 'm1' | 'm2' | 'm4' | 'm5', boolean][] = [
    ['admin', 'm5', true],
    ['readA', 'm1', true],
    ['readA', 'm4', true],
    ['readA', 'm5', false],
    ['secretaryA1', 'm2', true],
    ['secretaryA1', 'm4', false],
    ['secretaryA1', 'm5', false],
    ['memberM1', 'm1', true],
    ['memberM1', 'm2', false],
    ['tokenA', 'm4', true],
    ['tokenA', 'm5', false],
  ];
  it.each(memberCases)('%s reads member %s: %s', async (who, m, allowed) => {
    const res = await h.gql(MEMBER, { id: t[m] }, tokens[who]);
    if (allowed) expect(res.data.member.id).toBe(t[m]);
    else {
      const missing = await h.gql(MEMBER, { id: MISSING }, tokens[who]);
      expect(errorOf(res)).toEqual(errorOf(missing));
      expect(res.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    }
  });

  it.each([
    ['admin', 5],
    ['readA', 4],
    ['writeA', 4],
    ['secretaryA1', 3],
    ['memberM1', 1],
    ['tokenA', 4],
  ])('%s lists, searches and counts only its own members', async (who, expected) => {
    const list = await h.gql(
      `query($f: MemberFilter) { members(filter: $f, page: {limit: 500}) { total items { id } } }`,
      { f: { organisationId: who === 'admin' ? t.R : undefined } },
      tokens[who as string],
    );
    expect(list.data.members.total).toBe(expected);
    const ids = list.data.members.items.map((x: { id: string }) => x.id);
    if (who !== 'admin') expect(ids).not.toContain(t.m5);
    // Search by name and by national ID of an outside member finds nothing.
    const search = await h.gql(
      `query($o: ID) { members(filter: {search: "dang quoc viet", organisationId: $o}) { total } }`,
      { o: who === 'admin' ? t.R : undefined },
      tokens[who as string],
    );
    expect(search.data.members.total).toBe(who === 'admin' ? 1 : 0);
  });

  it('a cell secretary cannot reach another cell through nested fields, lists or counts', async () => {
    const s = tokens.secretaryA1;
    const nested = await h.gql(
      `query($id: ID!) { organisation(id: $id) { parent { id } ancestors { id } children { id } memberCount committee { member { id } } } }`,
      { id: t.a1 },
      s,
    );
    expect(nested.errors).toBeUndefined();
    expect(nested.data.organisation.parent).toBeNull();
    const pid = await h.gql(`query($id: ID!) { organisation(id: $id) { parentId } }`, { id: t.a1 }, s);
    expect(pid.data.organisation.parentId).toBeNull();
    expect(nested.data.organisation.ancestors).toEqual([]);
    expect(nested.data.organisation.memberCount).toBe(3);
    const orgs = await h.gql(`query { organisations(page: {limit: 500}) { total items { id } } }`, {}, s);
    expect(orgs.data.organisations.items.map((o: { id: string }) => o.id)).toEqual([t.a1]);
    const under = await h.gql(
      `query($f: MemberFilter) { members(filter: $f) { total } }`,
      { f: { organisationId: t.a2 } },
      s,
    );
    expect(errorOf(under)?.code).toBe('NOT_FOUND');
    const roots = await h.gql(`query { scopeRoots { id } }`, {}, s);
    expect(roots.data.scopeRoots.map((o: { id: string }) => o.id)).toEqual([t.a1]);
  });

  const UPDATE_MEMBER = `mutation($id: ID!, $i: MemberDataInput!) { updateMember(id: $id, input: $i) { id residence } }`;
  it.each([
    ['admin', 'm5', 'ok'],
    ['writeA', 'm4', 'ok'],
    ['writeA', 'm5', 'NOT_FOUND'],
    ['readA', 'm4', 'FORBIDDEN'],
    ['secretaryA1', 'm2', 'ok'],
    ['secretaryA1', 'm4', 'NOT_FOUND'],
    ['memberM1', 'm1', 'FORBIDDEN'],
    ['memberM1', 'm2', 'NOT_FOUND'],
    ['tokenA', 'm4', 'FORBIDDEN'],
    ['tokenRwA', 'm4', 'ok'],
    ['tokenRwA', 'm5', 'NOT_FOUND'],
  ])('%s updates member %s: %s', async (who, m, outcome) => {
    const before = await h.ds.query(
      `SELECT residence, (SELECT count(*) FROM audit_log) AS audits FROM member WHERE id = $1`,
      [t[m as 'm1']],
    );
    const res = await h.gql(
      UPDATE_MEMBER,
      { id: t[m as 'm1'], i: { residence: `Phường ${who}` } },
      tokens[who as string],
    );
    const after = await h.ds.query(
      `SELECT residence, (SELECT count(*) FROM audit_log) AS audits FROM member WHERE id = $1`,
      [t[m as 'm1']],
    );
    if (outcome === 'ok') {
      expect(res.data.updateMember.residence).toBe(`Phường ${who}`);
      expect(Number(after[0].audits)).toBe(Number(before[0].audits) + 1);
    } else {
      expect(errorOf(res)?.code).toBe(outcome);
      expect(after[0]).toEqual(before[0]);
    }
  });

  it.each([
    ['writeA', 'a2', 'ok'],
    ['writeA', 'b1', 'NOT_FOUND'],
    ['secretaryA1', 'a1', 'ok'],
    ['secretaryA1', 'a2', 'NOT_FOUND'],
    ['readA', 'a1', 'FORBIDDEN'],
    ['tokenA', 'a1', 'FORBIDDEN'],
  ])('%s creates a member in %s: %s', async (who, cell, outcome) => {
    const res = await h.gql(
      `mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }`,
      {
        i: {
          organisationId: t[cell as 'a1'],
          fullName: 'Võ Thị Mai',
          ceremonyDate: '2020-01-10',
          admissionDecisionDate: '2020-01-02',
          joinedOn: '2020-01-10',
        },
      },
      tokens[who],
    );
    if (outcome === 'ok') expect(res.data.createMember.id).toBeTruthy();
    else expect(errorOf(res)?.code).toBe(outcome);
  });

  const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
  it.each([
    ['admin', 'GB', 'ok'],
    ['writeA', 'GA', 'ok'],
    ['writeA', 'GB', 'NOT_FOUND'],
    ['readA', 'GA', 'FORBIDDEN'],
    ['secretaryA1', 'GA', 'NOT_FOUND'],
    ['memberM1', 'GA', 'NOT_FOUND'],
    ['tokenA', 'GA', 'FORBIDDEN'],
    ['tokenRwA', 'GA', 'ok'],
    ['tokenRwA', 'GB', 'NOT_FOUND'],
  ])('%s creates a cell under %s: %s', async (who, parent, outcome) => {
    const code = `${t.prefix}.new.${who}.${parent}`;
    const res = await h.gql(
      CREATE_ORG,
      { i: { code, name: 'Chi bộ mới', kind: 'SUBORDINATE_CELL', parentId: t[parent as 'GA'] } },
      tokens[who],
    );
    const rows = await h.ds.query(`SELECT 1 FROM organisation WHERE code = $1`, [code]);
    if (outcome === 'ok') expect(rows).toHaveLength(1);
    else {
      expect(errorOf(res)?.code).toBe(outcome);
      expect(rows).toHaveLength(0);
    }
  });

  const EVENT = `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id exemption } }`;
  it.each([
    ['secretaryA1', 'm3', 'ok'],
    ['secretaryA1', 'm5', 'NOT_FOUND'],
    ['readA', 'm3', 'FORBIDDEN'],
    ['memberM1', 'm1', 'FORBIDDEN'],
    ['tokenA', 'm3', 'FORBIDDEN'],
    ['writeA', 'm5', 'NOT_FOUND'],
  ])('%s records an exemption for %s: %s', async (who, m, outcome) => {
    const res = await h.gql(
      EVENT,
      { i: { memberId: t[m as 'm3'], type: 'EXEMPTED', reason: 'TEMPORARY', effectiveOn: '2026-02-01' } },
      tokens[who],
    );
    if (outcome === 'ok') expect(res.data.recordMemberEvent.exemption).toBe('TEMPORARY');
    else expect(errorOf(res)?.code).toBe(outcome);
  });

  const MOVE = `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`;
  it.each([
    ['writeA', 'a2', 'GB', 'NOT_FOUND'],
    ['readA', 'a2', 'GA', 'FORBIDDEN'],
    ['secretaryA1', 'a1', 'GB', 'NOT_FOUND'],
    ['tokenA', 'a2', 'GA', 'FORBIDDEN'],
  ])('%s moves %s under %s: %s', async (who, org, parent, outcome) => {
    const res = await h.gql(
      MOVE,
      { i: { id: t[org as 'a2'], newParentId: t[parent as 'GB'], effectiveOn: '2026-03-01' } },
      tokens[who],
    );
    expect(errorOf(res)?.code).toBe(outcome);
  });

  it('only administrators set policy overrides', async () => {
    for (const who of ['writeA', 'secretaryA1', 'tokenRwA']) {
      const res = await h.gql(
        `mutation($i: SetPolicyOverrideInput!) { setPolicyOverride(input: $i) }`,
        { i: { organisationId: t.a1, effectiveFrom: '2026-01-01', values: { organisation: { minFullMembers: 0 } } } },
        tokens[who],
      );
      expect(errorOf(res)?.code).toBe('FORBIDDEN');
    }
    expect(await h.ds.query(`SELECT 1 FROM policy_override WHERE organisation_id = $1`, [t.a1])).toHaveLength(0);
  });

  it('refuses a candidate helper from another cell', async () => {
    const res = await h.gql(
      `mutation($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }`,
      { i: { organisationId: t.a1, fullName: 'Quần Chúng', promisingOn: '2026-01-05', helperMemberId: t.m5 } },
      tokens.secretaryA1,
    );
    expect(errorOf(res)?.fields[0].field).toBe('helperMemberId');
  });

  it('only administrators read the audit log and manage users', async () => {
    for (const who of ['readA', 'writeA', 'secretaryA1', 'memberM1', 'tokenA']) {
      const res = await h.gql(`query { auditLog { total } }`, {}, tokens[who]);
      expect(errorOf(res)?.code).toBe('FORBIDDEN');
    }
    const ok = await h.gql(
      `query { auditLog(filter: {entityType: "member"}) { total items { operation actorName } } }`,
      {},
      tokens.admin,
    );
    expect(ok.data.auditLog.total).toBeGreaterThan(0);
  });

  it('a revoked API token stops working; an unknown token is refused', async () => {
    const created = await h.gql(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret token { id } } }`,
      { i: { name: 'revoke-me', organisationId: t.A, access: 'READ' } },
      tokens.admin,
    );
    const secret = created.data.createApiToken.secret;
    expect((await h.gql(`query { me { username } }`, {}, secret)).data.me.username).toBe('token:revoke-me');
    await h.gql(
      `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`,
      { id: created.data.createApiToken.token.id },
      tokens.admin,
    );
    expect(errorOf(await h.gql(`query { me { username } }`, {}, secret))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await h.gql(`query { me { username } }`, {}, 'chibo_nope'))?.code).toBe('UNAUTHENTICATED');
    const stored = await h.ds.query(`SELECT token_hash FROM api_token WHERE name = 'revoke-me'`);
    expect(stored[0].token_hash).not.toContain(secret);
  });

  it('refuses anonymous calls', async () => {
    expect(errorOf(await h.gql(`query { scopeRoots { id } }`))?.code).toBe('UNAUTHENTICATED');
  });
});
