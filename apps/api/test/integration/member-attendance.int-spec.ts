import { addDays, addMonths, vietnamToday } from '@chibo/domain';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

/**
 * `Member.attendanceHistory` (docs/member.md#attendance-history): the held meetings of the member's cells with the
 * member's status as recorded and the rate over the period; scoped like the member; one statement whatever the
 * number of meetings.
 */
describe('member attendance history', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
  const RECORD = `mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id } }`;
  const HISTORY = `query($id: ID!, $from: Date, $to: Date) { member(id: $id) { id attendanceHistory(from: $from, to: $to) {
      from to total notRecorded rate { present expected percent }
      items { meetingId date kind title state organisationId cellName status reason late leftEarly canOpen } } } }`;

  const ok = async <T = Record<string, any>>(p: Promise<{ data: T; errors?: unknown }>): Promise<T> => {
    const r = await p;
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const meeting = async (
    cell: string,
    date: string,
    attendance: { memberId: string; status: string; reason?: string; late?: boolean }[] | null,
    kind = 'EXTRAORDINARY',
  ): Promise<string> => {
    const id = (await ok(h.gql(CREATE, { i: { organisationId: cell, kind, title: `Họp ${date}`, date } }, admin)))
      .createMeeting.id as string;
    if (attendance) await ok(h.gql(RECORD, { id, i: { attendance, minutes: 'Biên bản' } }, admin));
    return id;
  };

  const today = vietnamToday();
  const day = (monthsAgo: number, plusDays = 0) => addDays(addMonths(today, -monthsAgo), plusDays);
  const ids = {} as Record<'present' | 'excused' | 'unlisted' | 'old', string>;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    ids.present = await meeting(t.a1, day(1), [{ memberId: t.m1, status: 'PRESENT', late: true }], 'REGULAR');
    ids.excused = await meeting(t.a1, day(2), [
      { memberId: t.m1, status: 'ABSENT_EXCUSED', reason: 'Đi công tác' },
      { memberId: t.m2, status: 'PRESENT' },
    ]);
    ids.unlisted = await meeting(t.a1, day(3), [{ memberId: t.m2, status: 'PRESENT' }]);
    ids.old = await meeting(t.a1, day(13), [{ memberId: t.m1, status: 'PRESENT' }]);
    await meeting(t.a1, day(0, -1), null); // planned, not held: not in the history
    await meeting(t.a2, day(1), [{ memberId: t.m4, status: 'PRESENT' }]); // another cell
  }, 120_000);
  afterAll(() => h.close());

  it('lists the held meetings of the last 12 months, newest first, with the statuses and the rate', async () => {
    const d = await ok(h.gql(HISTORY, { id: t.m1 }, admin));
    const hist = d.member.attendanceHistory;
    expect(hist.to).toBe(today);
    expect(hist.from).toBe(addDays(addMonths(today, -12), 1));
    expect(hist.items.map((i: { meetingId: string }) => i.meetingId)).toEqual([ids.present, ids.excused, ids.unlisted]);
    expect(hist.items.map((i: { status: string | null }) => i.status)).toEqual(['PRESENT', 'ABSENT_EXCUSED', null]);
    expect(hist.items[0]).toMatchObject({ kind: 'REGULAR', late: true, cellName: 'Chi bộ Văn phòng', canOpen: true });
    expect(hist.items[1].reason).toBe('Đi công tác');
    expect(hist).toMatchObject({ total: 3, notRecorded: 1, rate: { present: 1, expected: 2, percent: 50 } });
    const older = await ok(h.gql(HISTORY, { id: t.m1, from: day(14), to: day(12) }, admin));
    expect(older.member.attendanceHistory.items.map((i: { meetingId: string }) => i.meetingId)).toEqual([ids.old]);
    const bad = await h.gql(HISTORY, { id: t.m1, from: day(1), to: day(2) }, admin);
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("a member reads their own history, not another member's (answered as missing)", async () => {
    const own = await h.userWith('MEMBER', { memberId: t.m1 });
    const mine = await ok(h.gql(HISTORY, { id: t.m1 }, own));
    expect(mine.member.attendanceHistory.total).toBe(3);
    const other = await h.gql(HISTORY, { id: t.m2 }, own);
    const missing = await h.gql(HISTORY, { id: '00000000-0000-4000-8000-000000000000' }, own);
    expect(other.data?.member ?? null).toBeNull();
    expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(other)).toEqual(errorOf(missing));
    const outsider = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    expect(errorOf(await h.gql(HISTORY, { id: t.m1 }, outsider))).toMatchObject({ code: 'NOT_FOUND' });
    const secretary = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    expect((await ok(h.gql(HISTORY, { id: t.m1 }, secretary))).member.attendanceHistory.total).toBe(3);
  });

  it('costs the same number of statements for 3 and for 30 meetings', async () => {
    for (let i = 0; i < 27; i++) await meeting(t.a2, day(1, -(i + 1) * 9), [{ memberId: t.m4, status: 'PRESENT' }]);
    const few = await h.countQueries(() => ok(h.gql(HISTORY, { id: t.m1 }, admin)));
    const many = await h.countQueries(() => ok(h.gql(HISTORY, { id: t.m4 }, admin)));
    expect(few.result.member.attendanceHistory.total).toBe(3);
    expect(many.result.member.attendanceHistory.total).toBe(28);
    expect(many.queries).toBe(few.queries);
  }, 120_000);
});
