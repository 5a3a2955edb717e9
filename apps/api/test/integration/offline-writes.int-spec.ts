import { randomUUID } from 'node:crypto';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Writes a phone sends after being offline (docs/offline.md#writing-offline): each with an idempotency key, a retry
// writes nothing twice; a record made from an older copy of the meeting is refused instead of overwriting.
describe('offline writes: versions and idempotency keys', () => {
  let h: Harness;
  let admin: string;
  let secretary: string;
  let otherSecretary: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id version } }`;
  const RECORD = `mutation($id: ID!, $i: MeetingRecordInput!, $v: Int, $k: String) {
    recordMeeting(id: $id, input: $i, expectedVersion: $v, clientKey: $k) { id state version minutes resolution attendance { memberId status } } }`;
  const UPDATE = `mutation($id: ID!, $i: MeetingPlanInput!) { updateMeeting(id: $id, input: $i) { version } }`;
  const AUDITS = `query($id: String!) { auditLog(filter: { entityId: $id, operation: "recordMeeting" }) { items { operation } } }`;

  let day = 1;
  const plan = async (token = secretary, organisationId = t.a1, extra: Record<string, unknown> = {}) => {
    const date = `2026-0${1 + (day % 9)}-${String(10 + (day++ % 18)).padStart(2, '0')}`;
    const res = await h.gql(
      CREATE,
      { i: { organisationId, kind: 'REGULAR', title: `Sinh hoạt ${date}`, date, ...extra } },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data.createMeeting as { id: string; version: number };
  };
  const record = (token: string, id: string, i: Record<string, unknown>, v?: number, k?: string) =>
    h.gql(RECORD, { id, i, v, k }, token);
  const recordsOf = async (id: string) => {
    const res = await h.gql(AUDITS, { id }, admin);
    expect(res.errors).toBeUndefined();
    return (res.data.auditLog.items as { operation: string }[]).filter((x) => x.operation === 'recordMeeting').length;
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    secretary = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    otherSecretary = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
  });
  afterAll(() => h.close());

  it('starts a meeting at version 1 and raises it on every change', async () => {
    const m = await plan();
    expect(m.version).toBe(1);
    const upd = await h.gql(UPDATE, { id: m.id, i: { place: 'Nhà văn hoá thôn' } }, secretary);
    expect(upd.data.updateMeeting.version).toBeGreaterThan(1);
    const rec = await record(secretary, m.id, { minutes: 'Biên bản' }, upd.data.updateMeeting.version);
    expect(rec.errors).toBeUndefined();
    expect(rec.data.recordMeeting.version).toBe(upd.data.updateMeeting.version + 1);
  });

  it('raises the version by exactly one per record, however many parts of the meeting it writes', async () => {
    const m = await plan();
    const sheet = (await h.gql(`query($id: ID!) { policy(organisationId: $id) }`, { id: t.a1 }, admin)).data.policy
      .scoreSheet;
    const scores = Object.fromEntries(
      sheet.criteria.map((c: { code: string; maxPoints: number }) => [c.code, c.maxPoints]),
    );
    // times, minutes, attendance, the self-assessment and the state (PLANNED → HELD) in one write
    const full = await record(
      secretary,
      m.id,
      {
        actualStart: '08:00',
        actualEnd: '10:00',
        minutes: 'Biên bản',
        attendance: [{ memberId: t.m1, status: 'PRESENT' }],
        selfAssessment: scores,
      },
      m.version,
      randomUUID(),
    );
    expect(full.errors).toBeUndefined();
    expect(full.data.recordMeeting.version).toBe(m.version + 1);
    // a second record of a held meeting: one field, then the attendance list alone
    const resolution = await record(secretary, m.id, { resolution: 'Nghị quyết' }, m.version + 1, randomUUID());
    expect(resolution.data.recordMeeting.version).toBe(m.version + 2);
    const attendance = await record(
      secretary,
      m.id,
      {
        attendance: [
          { memberId: t.m1, status: 'PRESENT' },
          { memberId: t.m2, status: 'PRESENT' },
        ],
      },
      m.version + 2,
      randomUUID(),
    );
    expect(attendance.errors).toBeUndefined();
    expect(attendance.data.recordMeeting.version).toBe(m.version + 3);
    const [row] = await h.ds.query(`SELECT version, self_total AS "selfTotal", state FROM meeting WHERE id = $1`, [
      m.id,
    ]);
    expect(row).toMatchObject({ version: m.version + 3, state: 'HELD' });
    expect(row.selfTotal).not.toBeNull();
  });

  it('writes a keyed record once: the retry returns the meeting and leaves one audit entry', async () => {
    const m = await plan();
    const key = randomUUID();
    const input = {
      minutes: 'Biên bản họp tháng',
      attendance: [
        { memberId: t.m1, status: 'PRESENT' },
        { memberId: t.m2, status: 'ABSENT_EXCUSED', reason: 'Ốm' },
      ],
    };
    const first = await record(secretary, m.id, input, m.version, key);
    expect(first.errors).toBeUndefined();
    expect(first.data.recordMeeting.state).toBe('HELD');
    // the answer was lost; the phone sends exactly the same request again (with the version it read before)
    const again = await record(secretary, m.id, input, m.version, key);
    expect(again.errors).toBeUndefined();
    expect(again.data.recordMeeting).toEqual(first.data.recordMeeting);
    expect(await recordsOf(m.id)).toBe(1);
  });

  it('refuses a record made from an older version with MEETING_CHANGED and the current version; writes nothing', async () => {
    const m = await plan();
    const other = await record(admin, m.id, { minutes: 'Ghi bởi văn phòng' }, m.version);
    expect(other.errors).toBeUndefined();
    const stale = await record(secretary, m.id, { minutes: 'Ghi trên điện thoại' }, m.version, randomUUID());
    expect(errorOf(stale)).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEETING_CHANGED',
      version: other.data.recordMeeting.version,
    });
    const now = await h.gql(`query($id: ID!) { meeting(id: $id) { minutes version } }`, { id: m.id }, admin);
    expect(now.data.meeting).toEqual({ minutes: 'Ghi bởi văn phòng', version: other.data.recordMeeting.version });
    // sent again against the current version (the user chose), it is written
    const chosen = await record(
      secretary,
      m.id,
      { minutes: 'Ghi trên điện thoại' },
      other.data.recordMeeting.version,
      randomUUID(),
    );
    expect(chosen.data.recordMeeting.minutes).toBe('Ghi trên điện thoại');
  });

  it('refuses a key reused for another meeting (CLIENT_KEY_REUSED); the same key of another user is theirs', async () => {
    const a = await plan();
    const b = await plan();
    const key = randomUUID();
    expect((await record(secretary, a.id, { minutes: 'A' }, a.version, key)).errors).toBeUndefined();
    const reused = await record(secretary, b.id, { minutes: 'B' }, b.version, key);
    expect(errorOf(reused)).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_KEY_REUSED' });
    expect(await recordsOf(b.id)).toBe(0);
    const byAdmin = await record(admin, b.id, { minutes: 'B' }, b.version, key);
    expect(byAdmin.errors).toBeUndefined();
  });

  it('a keyed retry does not reopen a meeting closed meanwhile; an unkeyed record of a closed meeting is MEETING_CLOSED', async () => {
    const m = await plan(secretary, t.a1, { chairMemberId: t.m1, minuteTakerMemberId: t.m2 });
    const key = randomUUID();
    const first = await record(
      secretary,
      m.id,
      {
        actualStart: '14:00',
        actualEnd: '16:00',
        minutes: 'Biên bản',
        resolution: 'Nghị quyết',
        votesFor: 3,
        votesAgainst: 0,
        votesAbstain: 0,
        attendance: [
          { memberId: t.m1, status: 'PRESENT' },
          { memberId: t.m2, status: 'PRESENT' },
          { memberId: t.m3, status: 'PRESENT' },
        ],
      },
      m.version,
      key,
    );
    expect(first.errors).toBeUndefined();
    const closed = await h.gql(`mutation($id: ID!) { closeMeeting(id: $id) { state } }`, { id: m.id }, secretary);
    expect(closed.errors).toBeUndefined();
    const retry = await record(secretary, m.id, { minutes: 'Biên bản' }, m.version, key);
    expect(retry.errors).toBeUndefined();
    expect(retry.data.recordMeeting.state).toBe('CLOSED');
    const fresh = await record(secretary, m.id, { minutes: 'Sửa' }, undefined, randomUUID());
    expect(errorOf(fresh)).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_CLOSED' });
  });

  it("answers a meeting outside the caller's cell as not found, key or not, and writes no key for it", async () => {
    const m = await plan();
    const key = randomUUID();
    const res = await record(otherSecretary, m.id, { minutes: 'X' }, m.version, key);
    expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND' });
    // the key was not kept: the same secretary may use it for their own meeting
    const own = await plan(otherSecretary, t.b1);
    const ownRecord = await record(otherSecretary, own.id, { minutes: 'Y' }, own.version, key);
    expect(ownRecord.errors).toBeUndefined();
    expect(ownRecord.data.recordMeeting.minutes).toBe('Y');
  });

  it.each([
    ['a short key', { k: 'abc' }, 'clientKey', 'VALIDATION'],
    ['a 10,000-character key', { k: 'k'.repeat(10_000) }, 'clientKey', 'VALIDATION'],
    ['a key with NUL (named by its variable)', { k: 'abcdefgh\u0000' }, '"k"', 'INVALID_CHARACTER'],
    ['a key with a non-ASCII letter', { k: 'khoá-ghi-01' }, 'clientKey', 'VALIDATION'],
    ['version 0', { v: 0 }, 'expectedVersion', 'VALIDATION'],
    ['a negative version', { v: -3 }, 'expectedVersion', 'VALIDATION'],
  ])('refuses %s on the field and writes nothing', async (_label, args, field, reason) => {
    const m = await plan();
    const res = await h.gql(
      RECORD,
      { id: m.id, i: { minutes: 'X' }, v: m.version, k: randomUUID(), ...args },
      secretary,
    );
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(JSON.stringify(errorOf(res))).toContain(field);
    expect(await recordsOf(m.id)).toBe(0);
  });
});
