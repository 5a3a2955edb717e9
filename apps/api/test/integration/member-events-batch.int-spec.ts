import { bootApp, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { SYSTEM_ACTOR } from '../../src/common/auth/actor';
import { MemberEventService } from '../../src/modules/member/member-event.service';
import type { MemberEventInput } from '../../src/modules/member/member.inputs';

// recordEvents (a batch of lifecycle events, set-based) against recordEvent (one at a time): the same events on two
// copies of one tree leave the same memberships, members, event log, seats, kept counts, audit rows and domain events.
describe('member events in a batch', () => {
  let h: Harness;
  let admin: string;
  let events: MemberEventService;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    events = h.app.get(MemberEventService);
  });
  afterAll(() => h.close());

  type Tree = Awaited<ReturnType<typeof buildTree>>;

  const treeWithSeats = async () => {
    const t = await buildTree(h.gql, admin);
    const seat = async (organisationId: string, memberId: string, role: string) => {
      const res = await h.gql(
        `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
        { i: { organisationId, memberId, role, from: '2024-01-10' } },
        admin,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    await seat(t.a1, t.m1, 'SECRETARY');
    await seat(t.GA, t.m1, 'COMMITTEE_MEMBER');
    await seat(t.a1, t.m2, 'DEPUTY_SECRETARY');
    return t;
  };

  const historyOf = (t: Tree): MemberEventInput[] => [
    { memberId: t.m1, type: 'TRANSFER_INTERNAL', toOrganisationId: t.a2, effectiveOn: '2025-03-01', note: 'Điều động' },
    { memberId: t.m2, type: 'TRANSFER_OUT', externalOrganisation: 'Đảng bộ tỉnh Gia Lai', effectiveOn: '2025-09-15' },
    { memberId: t.m3, type: 'DECEASED', effectiveOn: '2025-11-20' },
    { memberId: t.m4, type: 'EXEMPTED', reason: 'PERMANENT', effectiveOn: '2026-01-05' },
    { memberId: t.m5, type: 'REMOVED', reason: 'MISSED_MEETINGS_OR_FEES', effectiveOn: '2026-02-01' },
  ];

  /** What the tree's records say, with the tree's ids replaced by their fixture names. */
  const snapshot = async (t: Tree) => {
    const names = Object.entries(t).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'prefix');
    const members = [t.m1, t.m2, t.m3, t.m4, t.m5];
    const cells = [t.R, t.A, t.B, t.GA, t.GB, t.a1, t.a2, t.b1];
    // rows in the order of their ids (the order written), or sorted once named (`sorted`: uuids differ per tree)
    const q = async (sql: string, ids: string[], sorted = false) => {
      const rows = (await h.ds.query(sql, [ids])) as unknown[];
      const named = rows.map((r) => {
        let text = JSON.stringify(r);
        for (const [name, id] of names) text = text.split(id).join(name);
        return text;
      });
      return (sorted ? named.sort() : named).map((x) => JSON.parse(x) as Record<string, unknown>);
    };
    return {
      memberships: await q(
        `SELECT member_id, organisation_id, kind, valid_from::text, valid_to::text FROM membership WHERE member_id = ANY($1::uuid[]) ORDER BY id`,
        members,
      ),
      members: await q(
        `SELECT id, status, exemption, temporarily_away, left_on::text FROM member WHERE id = ANY($1::uuid[])`,
        members,
        true,
      ),
      log: await q(
        `SELECT member_id, type, effective_on::text, organisation_id, to_organisation_id, external_organisation, reason, note, end_on
           FROM member_event WHERE member_id = ANY($1::uuid[])`,
        members,
        true,
      ),
      seats: await q(
        `SELECT organisation_id, member_id, role, valid_from::text, valid_to::text FROM committee_seat WHERE member_id = ANY($1::uuid[])`,
        members,
        true,
      ),
      counts: await q(
        `SELECT organisation_id, valid_from::text, valid_to::text, members, full_members, exempt FROM cell_member_count
          WHERE organisation_id = ANY($1::uuid[])`,
        cells,
        true,
      ),
      audit: await q(
        `SELECT operation, entity_id, after - 'memberId' - 'toOrganisationId' AS after FROM audit_log
          WHERE operation LIKE 'recordMemberEvent.%' AND entity_id = ANY($1::text[]) ORDER BY id`,
        members,
      ),
      events: await q(
        `SELECT type, subject_id, organisation_id, organisation_path IS NOT NULL AS scoped, payload FROM domain_event
          WHERE subject_type = 'member' AND subject_id = ANY($1::text[]) AND type <> 'member.admitted' ORDER BY id`,
        members,
      ),
    };
  };

  it('writes what the same events recorded one at a time write, in the same order', async () => {
    const one = await treeWithSeats();
    const batch = await treeWithSeats();
    for (const e of historyOf(one)) await events.recordEvent(cliCaller(), e);
    await expect(events.recordEvents(cliCaller(), historyOf(batch))).resolves.toBe(5);
    const [a, b] = [await snapshot(one), await snapshot(batch)];
    expect(b).toEqual(a);
    // the history did happen (not two empty snapshots)
    expect(a.log.filter((e) => String(e.effective_on) >= '2025-01-01').map((e) => e.type)).toEqual([
      'TRANSFER_INTERNAL',
      'TRANSFER_OUT',
      'DECEASED',
      'EXEMPTED',
      'REMOVED',
    ]);
    expect(a.audit).toHaveLength(5);
    expect(a.events).toHaveLength(5);
    expect(a.seats.map((s) => [s.organisation_id, s.member_id, s.valid_to])).toEqual([
      ['GA', 'm1', null], // GA covers a2: the committee seat stays with the move
      ['a1', 'm1', '2025-03-01'],
      ['a1', 'm2', '2025-09-15'],
    ]);
  });

  it('refuses a batch with a bad event naming it, and writes nothing', async () => {
    const t = await treeWithSeats();
    const count = async () =>
      (
        await h.ds.query(`SELECT count(*)::int AS n FROM member_event WHERE member_id = ANY($1::uuid[])`, [
          [t.m1, t.m2],
        ])
      )[0].n as number;
    const before = await count();
    const [ok, out] = historyOf(t);
    const refused = async (inputs: MemberEventInput[]) => {
      const e = (await events.recordEvents(cliCaller(), inputs).catch((x: unknown) => x)) as {
        code: string;
        field: string;
        message: string;
        details: Record<string, unknown>;
      };
      return { code: e.code, field: e.field, message: e.message, index: e.details?.index, reason: e.details?.reason };
    };
    expect(await refused([ok!, { ...out!, externalOrganisation: undefined }])).toEqual({
      code: 'VALIDATION',
      field: 'externalOrganisation',
      message: 'Event 2: Name the organisation the member transfers to',
      index: 1,
      reason: undefined,
    });
    expect(await refused([ok!, { ...out!, effectiveOn: '2099-01-01' }])).toMatchObject({
      field: 'effectiveOn',
      index: 1,
      reason: 'DATE_IN_FUTURE',
    });
    expect(await refused([{ ...ok!, toOrganisationId: t.GA }, out!])).toMatchObject({
      code: 'VALIDATION',
      field: 'toOrganisationId',
      index: 0,
    });
    expect(await refused([ok!, { ...out!, memberId: t.m1 }])).toMatchObject({ field: 'memberId', index: 1 });
    expect(await refused([ok!, { memberId: t.m2, type: 'RECOGNISED_FULL', effectiveOn: '2025-01-01' }])).toMatchObject({
      field: 'type',
      index: 1,
    });
    expect(await refused([ok!, { ...out!, memberId: '00000000-0000-4000-8000-000000000000' }])).toMatchObject({
      code: 'NOT_FOUND',
      index: 1,
    });
    expect(await count()).toBe(before);
  });

  it('checks the caller may change each member and target cell', async () => {
    const t = await treeWithSeats();
    // a writer of committee A (cells a1, a2) who reads all of R (cell b1 too)
    const caller = {
      actor: {
        ...SYSTEM_ACTOR,
        kind: 'USER' as const,
        isAdmin: false,
        name: 'writer A',
        readRoots: [t.R],
        writeRoots: [t.A],
      },
      requestId: 'batch-scope',
    };
    const [move] = historyOf(t);
    const refused = (inputs: MemberEventInput[]) =>
      events.recordEvents(caller, inputs).catch((e: { code: string; details?: Record<string, unknown> }) => ({
        code: e.code,
        index: e.details?.index,
      }));
    // a member of b1: readable, not writable; a target outside the writer's subtree
    expect(await refused([move!, { memberId: t.m5, type: 'DECEASED', effectiveOn: '2025-11-20' }])).toEqual({
      code: 'FORBIDDEN',
      index: 1,
    });
    expect(await refused([{ ...move!, toOrganisationId: t.b1 }])).toEqual({ code: 'FORBIDDEN', index: 0 });
    await expect(events.recordEvents(caller, [move!])).resolves.toBe(1);
    const [row] = await h.ds.query(
      `SELECT organisation_id FROM membership WHERE member_id = $1 AND kind = 'PERMANENT' AND valid_to IS NULL`,
      [t.m1],
    );
    expect(row.organisation_id).toBe(t.a2);
  });
});
