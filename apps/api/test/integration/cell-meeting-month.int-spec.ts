import { complianceForCell, DEFAULT_POLICY, percent, type MeetingFact } from '@chibo/domain';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree, tableCatalog } from '../setup/fixtures';
import { recomputedCellMeetingMonthSql } from '../../src/modules/meeting/kept-facts';
import { cliCaller } from '../../src/cli/context';
import { seed } from '../../src/cli/seed';

/**
 * The per-cell, per-month meeting facts kept by triggers on `meeting` (cell_meeting_month, migration 1765100000000)
 * follow every write, and meeting compliance read from them gives the figures of the old definition (every
 * meeting scanned).
 */
describe('kept meeting facts (cell_meeting_month)', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
  const UPDATE = `mutation($id: ID!, $i: MeetingPlanInput!) { updateMeeting(id: $id, input: $i) { id } }`;
  const RECORD = `mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id state } }`;
  const CLOSE = `mutation($id: ID!) { closeMeeting(id: $id) { id state } }`;
  const CANCEL = `mutation($id: ID!, $r: String!) { cancelMeeting(id: $id, reason: $r) { id state } }`;
  const AMEND = `mutation($id: ID!, $r: String!, $i: MeetingRecordInput!) { amendMeeting(id: $id, reason: $r, input: $i) { id } }`;

  const ok = async <T = Record<string, any>>(p: Promise<{ data: T; errors?: unknown }>): Promise<T> => {
    const r = await p;
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const plan = async (cell: string, date: string, kind = 'REGULAR'): Promise<string> =>
    (
      await ok(
        h.gql(
          CREATE,
          { i: { organisationId: cell, kind, title: `${kind} ${date}`, date, startTime: '14:00', endTime: '16:00' } },
          admin,
        ),
      )
    ).createMeeting.id;
  const hold = (id: string, attendance: { memberId: string; status: string; reason?: string }[]) =>
    ok(
      h.gql(
        RECORD,
        {
          id,
          i: {
            attendance,
            actualStart: '14:00',
            actualEnd: '16:00',
            minutes: 'Biên bản',
            resolution: 'Nghị quyết',
            votesFor: attendance.filter((a) => a.status === 'PRESENT').length,
          },
        },
        admin,
      ),
    );

  // The facts recomputed from scratch from the meetings, and the kept ones (zero rows dropped: they mean nothing held),
  // for the organisations of this test's tree ($1: its root's id), whatever other suites left in the database.
  const IN_TREE = `SELECT x.organisation_id FROM organisation_placement x WHERE position('/' || $1::text || '/' IN x.path) > 0`;
  const RECOMPUTED = `
    SELECT organisation_id::text AS cell, to_char(month, 'YYYY-MM') AS month, regular, thematic, combined, ideological, extraordinary, congress,
           attendance_present AS present, attendance_expected AS expected
      FROM (${recomputedCellMeetingMonthSql(`organisation_id IN (${IN_TREE})`)}) r ORDER BY 1, 2`;
  const KEPT = `
    SELECT organisation_id::text AS cell, to_char(month, 'YYYY-MM') AS month, regular, thematic, combined, ideological, extraordinary, congress,
           attendance_present AS present, attendance_expected AS expected
      FROM cell_meeting_month
     WHERE (regular <> 0 OR thematic <> 0 OR combined <> 0 OR ideological <> 0 OR extraordinary <> 0 OR congress <> 0 OR attendance_present <> 0 OR attendance_expected <> 0)
       AND organisation_id IN (${IN_TREE})
     ORDER BY 1, 2`;
  const expectKept = async (): Promise<unknown[]> => {
    const recomputed = await h.ds.query(RECOMPUTED, [t.R]);
    expect(await h.ds.query(KEPT, [t.R])).toEqual(recomputed);
    return recomputed;
  };

  // meetingCompliance by its old definition: every held meeting of the cells read one by one.
  const oldCompliance = async (organisationId: string, from: string, to: string, asOf: string) => {
    const d = to < asOf ? to : asOf;
    const cells: { id: string; establishedOn: string; dissolvedOn: string | null; since: string }[] = await h.ds.query(
      `SELECT o.id, o.established_on AS "establishedOn", o.dissolved_on AS "dissolvedOn",
              (SELECT min(x.valid_from) FROM organisation_placement x WHERE x.organisation_id = o.id) AS since
         FROM organisation_placement rp
         JOIN organisation_placement pl ON pl.path >= rp.path AND pl.path < left(rp.path, -1) || '0' AND pl.valid_from <= $2::date AND (pl.valid_to IS NULL OR pl.valid_to > $2::date)
         JOIN organisation o ON o.id = pl.organisation_id AND o.kind IN ('GRASSROOTS_CELL','SUBORDINATE_CELL')
        WHERE rp.organisation_id = $1 AND rp.valid_from <= $2::date AND (rp.valid_to IS NULL OR rp.valid_to > $2::date)`,
      [organisationId, d],
    );
    const ids = cells.map((c) => c.id);
    const meetings: (MeetingFact & { cellId: string; present: number; expected: number })[] = await h.ds.query(
      `SELECT organisation_id AS "cellId", meeting_date AS date, kind, state, attendance_present AS present, attendance_expected AS expected FROM meeting
        WHERE organisation_id = ANY($1::uuid[]) AND meeting_date BETWEEN $2::date AND $3::date AND state IN ('HELD','CLOSED')`,
      [ids, from, to],
    );
    const counts = await h.ds.query(
      `SELECT mt.kind, count(*)::int AS count
         FROM meeting mt
         JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND pl.valid_from <= mt.meeting_date AND (pl.valid_to IS NULL OR pl.valid_to > mt.meeting_date)
         JOIN organisation_placement rp ON rp.organisation_id = $1 AND rp.valid_from <= mt.meeting_date AND (rp.valid_to IS NULL OR rp.valid_to > mt.meeting_date)
              AND pl.path >= rp.path AND pl.path < left(rp.path, -1) || '0'
        WHERE mt.meeting_date BETWEEN $2::date AND $3::date AND mt.state IN ('HELD','CLOSED')
        GROUP BY mt.kind ORDER BY mt.kind`,
      [organisationId, from, to],
    );
    const sum = (ms: typeof meetings, k: 'present' | 'expected') => ms.reduce((n, m) => n + m[k], 0);
    const rows = cells
      .map((c) => {
        const own = meetings.filter((m) => m.cellId === c.id);
        const r = complianceForCell(
          {
            meetings: own,
            from,
            to,
            asOf,
            activeFrom: c.since > c.establishedOn ? c.since : c.establishedOn,
            activeTo: c.dissolvedOn,
          },
          DEFAULT_POLICY,
        );
        return {
          id: c.id,
          behind: r.behind,
          missing: r.missing.map((x) => `${x.kind} ${x.period} ${x.dueOn}`),
          regularHeld: r.regularHeld,
          thematicHeld: r.thematicHeld,
          attendancePercent: own.length ? percent(sum(own, 'present'), sum(own, 'expected')) : null,
        };
      })
      .sort((x, y) => x.id.localeCompare(y.id));
    return { rows, counts, attendancePercent: percent(sum(meetings, 'present'), sum(meetings, 'expected')) };
  };
  const newCompliance = async (organisationId: string, from: string, to: string, asOf: string) => {
    const r = await ok(
      h.gql(
        `query($i: ComplianceInput!) { meetingCompliance(input: $i) { attendancePercent counts { kind count }
           cells { organisation { id } behind missing { kind period dueOn } regularHeld thematicHeld attendancePercent } } }`,
        { i: { organisationId, from, to, asOf } },
        admin,
      ),
    );
    const c = r.meetingCompliance;
    return {
      rows: c.cells
        .map((x: any) => ({
          id: x.organisation.id,
          behind: x.behind,
          missing: x.missing.map((m: any) => `${m.kind} ${m.period} ${m.dueOn}`),
          regularHeld: x.regularHeld,
          thematicHeld: x.thematicHeld,
          attendancePercent: x.attendancePercent,
        }))
        .sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id)),
      counts: c.counts,
      attendancePercent: c.attendancePercent,
    };
  };
  const PERIODS: [string, string, string][] = [
    ['2026-01-01', '2026-12-31', '2027-01-10'], // whole months only
    ['2026-01-01', '2026-06-18', '2026-06-18'], // the dashboard's: January to a day inside June
    ['2026-01-10', '2026-05-20', '2026-07-01'], // cut at both ends
    ['2026-03-03', '2026-03-27', '2026-04-30'], // inside one month
    ['2026-02-10', '2026-03-20', '2026-04-10'], // starting and ending on a meeting's date
  ];
  const expectSameCompliance = async (): Promise<void> => {
    for (const org of [t.R, t.GA, t.GB, t.a1]) {
      for (const [from, to, asOf] of PERIODS)
        expect({ org, from, to, asOf, ...(await newCompliance(org, from, to, asOf)) }).toEqual({
          org,
          from,
          to,
          asOf,
          ...(await oldCompliance(org, from, to, asOf)),
        });
    }
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it('follows plan, hold, close, cancel, a date or a cell changed, a delete and attendance, and compliance keeps its figures', async () => {
    const all = (status = 'PRESENT') => [t.m1, t.m2, t.m3].map((memberId) => ({ memberId, status }));
    // Planned meetings count for nothing.
    const jan = await plan(t.a1, '2026-01-15');
    const feb = await plan(t.a1, '2026-02-10', 'THEMATIC');
    const mar = await plan(t.a1, '2026-03-05', 'COMBINED');
    const b1Mar = await plan(t.b1, '2026-03-20');
    expect(await expectKept()).toEqual([]);
    // Held: counted with their attendance.
    await hold(jan, all());
    await hold(feb, [...all().slice(0, 2), { memberId: t.m3, status: 'ABSENT_EXCUSED', reason: 'Ốm' }]);
    await hold(mar, all());
    await hold(b1Mar, [{ memberId: t.m5, status: 'PRESENT' }]);
    expect(await expectKept()).toHaveLength(4);
    await expectSameCompliance();
    // Closed still counts; cancelled never did.
    await ok(h.gql(UPDATE, { id: jan, i: { chairMemberId: t.m1, minuteTakerMemberId: t.m2 } }, admin));
    await ok(h.gql(CLOSE, { id: jan }, admin));
    const cancelled = await plan(t.a1, '2026-04-09');
    await ok(h.gql(CANCEL, { id: cancelled, r: 'Trùng lịch' }, admin));
    await expectKept();
    // A planned meeting moved into another month, then held; an amended record (attendance) of a closed meeting.
    const apr = await plan(t.a1, '2026-04-28');
    await ok(h.gql(UPDATE, { id: apr, i: { date: '2026-05-04' } }, admin));
    await hold(apr, all('ABSENT_UNEXCUSED'));
    await ok(
      h.gql(
        AMEND,
        { id: jan, r: 'Sửa danh sách', i: { attendance: [{ memberId: t.m1, status: 'EXEMPT' }, ...all().slice(1)] } },
        admin,
      ),
    );
    expect(await expectKept()).toHaveLength(5);
    await expectSameCompliance();
    // Writes no service makes today but the database must follow: a held meeting's date into another month, a
    // meeting moved to another cell, several rows in one statement, attendance written directly, a delete.
    await h.ds.query(`UPDATE meeting SET meeting_date = '2026-06-02' WHERE id = $1`, [mar]);
    await expectKept();
    await h.ds.query(`UPDATE meeting SET organisation_id = $2 WHERE id = $1`, [b1Mar, t.a2]);
    await expectKept();
    await h.ds.query(
      `UPDATE meeting SET meeting_date = meeting_date + 31, kind = 'COMBINED' WHERE id = ANY($1::uuid[])`,
      [[jan, feb, apr]],
    );
    await expectKept();
    await h.ds.query(`UPDATE meeting_attendance SET status = 'ABSENT_UNEXCUSED' WHERE meeting_id = $1`, [feb]);
    await expectKept();
    await h.ds.query(`UPDATE meeting SET state = 'PLANNED' WHERE id = $1`, [apr]);
    await expectKept();
    await h.ds.query(`DELETE FROM meeting_attendance WHERE meeting_id = $1`, [b1Mar]);
    await h.ds.query(`DELETE FROM meeting WHERE id = $1`, [b1Mar]);
    await expectKept();
    await expectSameCompliance();
    // A transaction rolled back leaves the kept facts as they were.
    const before = await h.ds.query(KEPT, [t.R]);
    await expect(
      h.ds.transaction(async (m) => {
        await m.query(`UPDATE meeting SET state = 'HELD' WHERE id = $1`, [apr]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await h.ds.query(KEPT, [t.R])).toEqual(before);
  });

  it('counts by kind over the subtree as it stood on each meeting date when a cell moves inside a month', async () => {
    const moved = await t.org(`mv${Date.now() % 1000}`, 'Chi bộ chuyển', 'SUBORDINATE_CELL', t.GA);
    for (const [date, kind] of [
      ['2026-07-03', 'REGULAR'],
      ['2026-07-25', 'THEMATIC'],
      ['2026-08-10', 'REGULAR'],
      ['2026-09-10', 'COMBINED'],
    ] as const) {
      await ok(
        h.gql(
          RECORD,
          {
            id: await plan(moved, date, kind),
            i: { actualStart: '14:00', actualEnd: '16:00', minutes: 'x', resolution: 'y' },
          },
          admin,
        ),
      );
    }
    // Moved from GA to GB on 15 July: its July meetings count for GA (the 3rd) and GB (the 25th).
    await ok(
      h.gql(
        `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
        { i: { id: moved, newParentId: t.GB, effectiveOn: '2026-07-15' } },
        admin,
      ),
    );
    await expectKept();
    await expectSameCompliance();
    const kinds = async (org: string) => (await newCompliance(org, '2026-07-01', '2026-09-30', '2026-10-15')).counts;
    expect(await kinds(t.GA)).toEqual([{ kind: 'REGULAR', count: 1 }]);
    expect(await kinds(t.GB)).toEqual([
      { kind: 'COMBINED', count: 1 },
      { kind: 'REGULAR', count: 1 },
      { kind: 'THEMATIC', count: 1 },
    ]);
  });

  it('equals the recomputation after the seed, which loads meetings with the triggers off and rebuilds the kept facts', async () => {
    // The demo committee (idempotent: nothing is added when another suite seeded it already).
    const loaded = [
      ...['meeting', 'meeting_attendance', 'rating', 'dues_payment', 'dues_basis'],
      ...['member', 'membership', 'member_event'],
      ...['inspection_plan', 'inspection_plan_subject', 'inspection', 'inspection_subject'],
    ];
    const catalog = await tableCatalog(h.ds, loaded);
    await seed(h.app, cliCaller(), { scale: 0.05, seed: 2026, log: () => undefined });
    // the seed's loads dropped indexes and foreign keys and turned triggers off: all back, as they were
    expect(await tableCatalog(h.ds, loaded)).toEqual(catalog);
    const [root] = await h.ds.query(`SELECT id FROM organisation WHERE code = 'BD.CQD'`);
    const recomputed = await h.ds.query(RECOMPUTED, [root.id]);
    expect(recomputed.length).toBeGreaterThan(0);
    expect(await h.ds.query(KEPT, [root.id])).toEqual(recomputed);
    // The attendance totals on the meeting rows equal a count of their attendance rows.
    const [{ off }] = await h.ds.query(
      `SELECT count(*)::int AS off FROM meeting mt
         LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE a.status = 'PRESENT')::int AS p, count(*) FILTER (WHERE a.status <> 'EXEMPT')::int AS e
                              FROM meeting_attendance a WHERE a.meeting_id = mt.id) x ON TRUE
        WHERE mt.organisation_id IN (${IN_TREE}) AND (mt.attendance_present <> x.p OR mt.attendance_expected <> x.e)`,
      [root.id],
    );
    expect(off).toBe(0);
  }, 300_000);
});
