import { randomUUID } from 'node:crypto';
import { bootApp, errorOf, uniq, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';

// assignableVisitors (docs/meeting.md#visits): the users a writer may pick when assigning a visitor to a cell.
describe('the users a writer may assign as visitors', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  type Person = 'writer' | 'reader' | 'secretary' | 'assigned' | 'above' | 'otherTree' | 'member' | 'inactive';
  const id = {} as Record<Person, string> & Record<string, string>; // filled in beforeAll
  const token = {} as Record<Person, string> & Record<string, string>;

  const Q = `query($o: ID!, $d: Date) { assignableVisitors(organisationId: $o, asOf: $d) { id username displayName followsCells } }`;
  type Row = { id: string; username: string; displayName: string; followsCells: number };
  const list = async (who: string, organisationId: string) => h.gql(Q, { o: organisationId, d: '2026-06-30' }, who);
  const names = (rows: Row[]) => rows.map((r) => r.displayName);

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    const users = h.app.get(AdminService);
    const stamp = uniq('av').toLowerCase();
    // key → display name, and the grant (none: a user with no grant at all)
    const people: [string, string, { role: string; organisationId?: string; memberId?: string } | null][] = [
      ['writer', 'Văn phòng Đảng ủy cơ sở A', { role: 'COMMITTEE_WRITE', organisationId: t.GA }],
      ['reader', 'Đỗ Thị Đọc', { role: 'COMMITTEE_READ', organisationId: t.GA }],
      ['secretary', 'Bí thư Chi bộ Văn phòng', { role: 'CELL_SECRETARY', organisationId: t.a1 }],
      ['assigned', 'Ủy viên chưa có quyền', null],
      ['above', 'Ủy viên Đảng ủy A', { role: 'COMMITTEE_READ', organisationId: t.A }],
      ['otherTree', 'Ủy viên Đảng bộ cơ sở B', { role: 'COMMITTEE_READ', organisationId: t.GB }],
      ['member', 'Đảng viên Nguyễn Văn An', { role: 'MEMBER', memberId: t.m1 }],
      ['inactive', 'Ủy viên đã nghỉ', { role: 'COMMITTEE_READ', organisationId: t.GA }],
    ];
    for (const [key, displayName, grant] of people) {
      const username = `${stamp}.${key}`.toLowerCase();
      const user = await users.createUser(cliCaller(), { username, displayName, password: 'visitor-pass-1' });
      if (grant) await users.addGrant(cliCaller(), { userId: user.id, ...grant });
      id[key] = user.id;
      const res = await h.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
        i: { username, password: 'visitor-pass-1' },
      });
      token[key] = res.data.signIn.accessToken;
    }
    await h.ds.query(`UPDATE app_user SET is_active = false WHERE id = $1`, [id.inactive]);
    // the user with no grant follows cell a2 (assigned by an administrator); the one of tree B follows b1
    for (const [user, cellId] of [
      [id.assigned, t.a2],
      [id.otherTree, t.b1],
    ]) {
      const a = await h.gql(
        `mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`,
        { i: { visitorUserId: user, cellId, from: '2026-01-01' } },
        admin,
      );
      expect(a.errors).toBeUndefined();
    }
  });
  afterAll(() => h.close());

  it('lists, for a committee office writer, the users with a committee grant or an assignment in its subtree, by name', async () => {
    const res = await list(token.writer, t.a1);
    expect(res.errors).toBeUndefined();
    const rows: Row[] = res.data.assignableVisitors;
    // above the writer's subtree, in the other tree, a member's account and a disabled account are not offered
    expect(names(rows)).toEqual([
      'Bí thư Chi bộ Văn phòng',
      'Đỗ Thị Đọc',
      'Ủy viên chưa có quyền',
      'Văn phòng Đảng ủy cơ sở A',
    ]);
    expect(rows.find((r) => r.id === id.assigned)).toMatchObject({
      followsCells: 1,
      username: expect.stringMatching(/\.assigned$/),
    });
    expect(rows.find((r) => r.id === id.reader)?.followsCells).toBe(0);
    // the whole answer holds nothing of the other tree or above
    const text = JSON.stringify(res.data);
    for (const key of ['above', 'otherTree', 'member', 'inactive']) expect(text).not.toContain(id[key]);
  });

  it('offers the same users for the grassroots committee as for its cell', async () => {
    const forCell = names((await list(token.writer, t.a1)).data.assignableVisitors);
    expect(names((await list(token.writer, t.GA)).data.assignableVisitors)).toEqual(forCell);
  });

  it('answers an organisation outside the scope exactly like one that does not exist', async () => {
    const outside = await list(token.writer, t.b1);
    const missing = await list(token.writer, randomUUID());
    expect(outside.data).toBeNull();
    expect(errorOf(outside)).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'organisationId' }] });
    expect(outside.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(errorOf(outside)).toEqual(errorOf(missing));
    expect(JSON.stringify(outside)).not.toContain(t.b1);
  });

  it('refuses a reader of the cell and a member of it: they may not assign visitors', async () => {
    for (const who of [token.reader, token.member]) {
      const res = await list(who, t.a1);
      expect(res.data).toBeNull();
      expect(errorOf(res)?.code).toBe('FORBIDDEN');
    }
  });

  it('offers an administrator every active account', async () => {
    const rows: Row[] = (await list(admin, t.a1)).data.assignableVisitors;
    const ids = rows.map((r) => r.id);
    for (const key of ['writer', 'reader', 'secretary', 'assigned', 'above', 'otherTree', 'member'])
      expect(ids).toContain(id[key]);
    expect(ids).not.toContain(id.inactive);
  });

  it('lists only users the writer can then assign: one picked is assigned without an administrator', async () => {
    const picked = ((await list(token.writer, t.a1)).data.assignableVisitors as Row[]).find((r) => r.id === id.reader)!;
    const res = await h.gql(
      `mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { visitorUserId cellId } }`,
      { i: { visitorUserId: picked.id, cellId: t.a1, from: '2026-02-01' } },
      token.writer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.assignVisitor).toEqual({ visitorUserId: id.reader, cellId: t.a1 });
    const after = ((await list(token.writer, t.a1)).data.assignableVisitors as Row[]).find((r) => r.id === id.reader);
    expect(after?.followsCells).toBe(1);
  });
});
