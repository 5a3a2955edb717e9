import { foldVietnamese } from '@chibo/domain';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// The one search box (issue 12 §5; docs/graphql.md#search): members, organisations and meetings of the caller's
// scope matching a text without diacritics. A row outside the scope never appears (it is answered like a missing
// one: not at all), hostile text is refused or matches nothing, and each list is cut at `first`.
describe('search', () => {
  let h: Harness;
  let admin: string;
  let readerA: string;
  let memberM4: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let tag: string;
  let meetingA: string;
  let meetingB: string;
  const SEARCH = `query($t: String!, $f: Int) { search(text: $t, first: $f) {
    text members { id fullName organisation { id } } organisations { id code } meetings { id title organisation { id } } } }`;
  type Hits = {
    text: string;
    members: { id: string; fullName: string }[];
    organisations: { id: string; code: string }[];
    meetings: { id: string; title: string }[];
  };
  const search = async (text: string, token: string, first?: number): Promise<Hits> => {
    const res = await h.gql<{ search: Hits }>(SEARCH, { t: text, f: first }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.search;
  };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const meeting = async (organisationId: string, title: string) => {
    const res = await h.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      { i: { organisationId, kind: 'THEMATIC', title, date: '2026-02-10' } },
      admin,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createMeeting.id as string;
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    // A word no other test's rows have, so the assertions see this file's rows only.
    tag = t.prefix.toLowerCase();
    await t.member(t.a2, `Đặng Thị Thuỷ ${t.prefix}`);
    await t.member(t.b1, `Đặng Thị Thủy ${t.prefix}`);
    meetingA = await meeting(t.a1, `Chuyên đề Học tập và làm theo Bác ${t.prefix}`);
    meetingB = await meeting(t.b1, `Chuyên đề Học tập và làm theo Bác ${t.prefix}`);
    readerA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    memberM4 = await h.userWith('MEMBER', { memberId: t.m4 });
  });
  afterAll(() => h.close());

  it("folds titles in the database as libs/domain's foldVietnamese does", async () => {
    const samples = [
      'Nguyễn Văn  An',
      'ĐẶNG QUỐC VIỆT',
      'Lê Thị Thuỷ và Lê Thị Thủy',
      'Ngô Đình Ứng, Trương Thị Ngọc Ánh',
      'Ðào Ỷ Lan — Hồ Chí Minh',
      'Ấp Bắc ẩn ỡm ợ ừ ữ ự ỳ ỵ ỹ',
      'Nguye\u0302\u0303n (NFD)',
    ];
    const rows: { f: string }[] = await h.ds.query(
      `SELECT fold_vi(s) AS f FROM unnest($1::text[]) WITH ORDINALITY AS x(s, n) ORDER BY n`,
      [samples],
    );
    expect(rows.map((r) => r.f)).toEqual(samples.map(foldVietnamese));
  });

  it('finds members, cells and meetings typed without diacritics, each linked to its cell', async () => {
    const hits = await search(`dang thi thuy ${tag}`, admin);
    expect(hits.members.map((m) => m.fullName).sort()).toEqual(
      [`Đặng Thị Thuỷ ${t.prefix}`, `Đặng Thị Thủy ${t.prefix}`].sort(),
    );
    // every test file's tree has a "Chi bộ Văn phòng": read within this file's committee A, so the cut at `first`
    // cannot hide this one behind the others (as the administrator's search did when suites shared the database)
    const cells = await search('chi bo van phong', readerA);
    expect(ids(cells.organisations)).toContain(t.a1);
    expect(ids(cells.organisations)).not.toContain(t.a2);
    const meetings = await search(`chuyen de hoc tap bac ${tag}`, admin);
    expect(ids(meetings.meetings).sort()).toEqual([meetingA, meetingB].sort());
    // Each word must start a word: "hoc" finds "Học", "oc" finds nothing.
    expect((await search(`oc ${tag}`, admin)).meetings).toEqual([]);
  });

  it('finds an organisation by the start of its code, case ignored', async () => {
    const hits = await search(`${t.prefix.toLowerCase()}.a`, admin);
    expect(ids(hits.organisations).sort()).toEqual([t.A, t.a1, t.a2].sort());
  });

  it("never answers a row outside the caller's subtree", async () => {
    const mine = await search(`dang thi thuy ${tag}`, readerA);
    expect(mine.members.map((m) => m.fullName)).toEqual([`Đặng Thị Thuỷ ${t.prefix}`]);
    expect(ids(await search('dang quoc viet', readerA).then((x) => x.members))).not.toContain(t.m5);
    expect(ids((await search(`chuyen de ${tag}`, readerA)).meetings)).toEqual([meetingA]);
    const orgs = await search(`${t.prefix}.`, readerA);
    expect(ids(orgs.organisations).sort()).toEqual([t.A, t.GA, t.a1, t.a2].sort());
    const cells = await search('chi bo ky thuat', readerA);
    expect(ids(cells.organisations)).not.toContain(t.b1);
  });

  it('answers a member their own record and cell only', async () => {
    const own = await search('pham minh tuan', memberM4);
    expect(ids(own.members)).toEqual([t.m4]);
    expect(ids((await search('nguyen van an', memberM4)).members)).toEqual([]);
    const cells = await search(`${t.prefix}.`, memberM4);
    expect(ids(cells.organisations)).toEqual([t.a2]);
  });

  it('cuts each list at `first`', async () => {
    const hits = await search(`${t.prefix}.`, admin, 2);
    expect(hits.organisations).toHaveLength(2);
    const res = await h.gql(SEARCH, { t: 'an', f: 21 }, admin);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses or matches nothing on hostile text, quickly, and keeps answering', async () => {
    const started = Date.now();
    const nul = await h.gql(SEARCH, { t: 'an\u0000' }, admin);
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const long = await h.gql(SEARCH, { t: 'x'.repeat(10_000) }, admin);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const text of ['%', '_%\\', "' OR 1=1 --", '(^| ).*', '🙂🙂', '   ', '$1']) {
      const hits = await search(text, readerA);
      // Nothing of tree B, whatever the text is made of.
      expect(ids(hits.members)).not.toContain(t.m5);
      expect(ids(hits.organisations)).not.toContain(t.b1);
      expect(ids(hits.meetings)).not.toContain(meetingB);
      if (text !== "' OR 1=1 --") expect([...hits.members, ...hits.organisations, ...hits.meetings]).toEqual([]);
    }
    // Many words: only the first six are used (the seventh, which matches nothing, is left out).
    const many = await search(`${tag} dang thi thuy d t qqqqq`, admin);
    expect(many.members).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await search(`dang thi thuy ${tag}`, admin)).members).toHaveLength(2);
  });
});
