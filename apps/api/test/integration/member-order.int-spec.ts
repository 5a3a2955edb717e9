import { compareVietnameseNames, givenNameFirst } from '@chibo/domain';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Members listed as Vietnamese lists are: by given name, then family and middle names (docs/member.md#order). The
// database's key (member.name_given_first) must equal the rule in libs/domain, and the list must follow it, also
// across keyset pages.
describe('member list order', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const NAMES = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị An', 'Phạm Minh Châu', 'Đỗ Bình', 'Ánh', 'Hoàng  Thị   Ðào'];
  const LIST = `query($f: MemberFilter, $p: PageInput) { members(filter: $f, page: $p) { total nextCursor items { fullName } } }`;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    for (const n of NAMES) await t.member(t.a2, n);
  });
  afterAll(() => h.close());

  it('keeps in the database the same key as givenNameFirst', async () => {
    const rows: { fullName: string; key: string }[] = await h.ds.query(
      `SELECT full_name AS "fullName", name_given_first AS key FROM member WHERE full_name = ANY($1::text[])`,
      [NAMES],
    );
    expect(rows.length).toBeGreaterThanOrEqual(NAMES.length);
    for (const r of rows) expect(r.key).toBe(givenNameFirst(r.fullName));
  });

  it('lists a cell by given name with order GIVEN_NAME, by the name as written by default', async () => {
    const byGiven = await h.gql(
      LIST,
      { f: { organisationId: t.a2, order: 'GIVEN_NAME' }, p: { offset: 0, limit: 50 } },
      admin,
    );
    expect(byGiven.errors).toBeUndefined();
    const names = byGiven.data.members.items.map((m: { fullName: string }) => m.fullName);
    expect(names.filter((n: string) => NAMES.includes(n))).toEqual([...NAMES].sort(compareVietnameseNames));
    const byFull = await h.gql(LIST, { f: { organisationId: t.a2 }, p: { offset: 0, limit: 50 } }, admin);
    expect(byFull.data.members.items.map((m: { fullName: string }) => m.fullName)[0]).not.toBe(names[0]);
  });

  it('pages by cursor in the given-name order without losing or repeating anyone', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      type Page = { members: { nextCursor: string | null; items: { fullName: string }[] } };
      const res: { data: Page; errors?: unknown } = await h.gql<Page>(
        LIST,
        { f: { organisationId: t.a2, order: 'GIVEN_NAME' }, p: { limit: 3, ...(after ? { after } : {}) } },
        admin,
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.members.items.map((m) => m.fullName));
      after = res.data.members.nextCursor;
      if (!after) break;
    }
    const all = await h.gql(
      LIST,
      { f: { organisationId: t.a2, order: 'GIVEN_NAME' }, p: { offset: 0, limit: 50 } },
      admin,
    );
    expect(seen).toEqual(all.data.members.items.map((m: { fullName: string }) => m.fullName));
  });

  it('refuses an unknown order', async () => {
    const res = await h.gql(LIST, { f: { organisationId: t.a2, order: 'SURNAME' } }, admin);
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
