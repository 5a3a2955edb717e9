import { first } from '@chibo/domain';
import { queryCounter } from '../../src/database/data-source';
import { bootApp, uniq, type Harness } from '../setup/harness';

/**
 * Lists cost in proportion to their answer, not to the database:
 * - the number of SQL statements of each list screen is the same for 3 rows and for 30 rows;
 * - the statements a list runs for one cell touch a bounded number of rows (EXPLAIN ANALYZE of the statements the
 *   service actually ran, captured through queryCounter.onQuery) while the database holds 20,000+ memberships, so
 *   a regression to a scan of every membership or meeting fails here.
 * The data is written with set-based SQL (the services are tested elsewhere); the lists are read through GraphQL.
 */
/** A node of EXPLAIN (FORMAT JSON). */
type PlanNode = {
  'Node Type': string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
};
/** A GraphQL answer's data: each list under its own name, with its items. */
type Data = Record<
  'members' | 'meetingList' | 'organisations' | 'ratings' | 'inspections' | 'visits',
  { items: unknown[] }
>;

describe('list cost', () => {
  let h: Harness;
  let reader: string;
  const t = {} as Record<'R' | 'G3' | 'G30' | 'F' | 'small' | 'big' | 'roundSmall' | 'roundBig' | 'visitor', string>;

  // Set-up statements (tens of thousands of rows through the tables' triggers) run without the server's statement
  // timeout: on a busy machine they may take longer than a request may.
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    h.ds.transaction(async (m) => {
      await m.query(`SET LOCAL statement_timeout = 0`);
      return m.query(sql, params);
    });

  /** `count` organisations of `kind` under `parentId` (or one root), established 2015-01-01; their ids in order. */
  const orgs = async (prefix: string, kind: string, parentId: string | null, count = 1): Promise<string[]> => {
    const rows = await q<{ id: string }>(
      `WITH n AS MATERIALIZED (SELECT gen_random_uuid() AS id, g FROM generate_series(1, $4::int) g),
            o AS (INSERT INTO organisation (id, code, name, name_folded, kind, established_on)
                  SELECT n.id, $1 || '.' || n.g, 'Tổ chức ' || $1 || ' ' || n.g, 'to chuc ' || lower($1) || ' ' || n.g, $2, '2015-01-01' FROM n RETURNING id),
            p AS (SELECT path, depth FROM organisation_placement WHERE organisation_id = $3::uuid AND valid_to IS NULL
                  UNION ALL SELECT '/', -1 WHERE $3::uuid IS NULL)
       INSERT INTO organisation_placement (organisation_id, parent_id, path, depth, valid_from)
       SELECT n.id, $3::uuid, p.path || n.id || '/', p.depth + 1, '2015-01-01' FROM n, p WHERE n.id IN (SELECT id FROM o)
       RETURNING organisation_id AS id`,
      [prefix, kind, parentId, count],
    );
    const order = await q<{ id: string }>(
      `SELECT id FROM organisation WHERE id = ANY($1::uuid[]) ORDER BY length(code), code`,
      [rows.map((r) => r.id)],
    );
    return order.map((r) => r.id);
  };

  /** `perCell` full members in each of `cells`, members since 2015-01-01. */
  const members = async (cells: string[], perCell: number): Promise<void> => {
    await q(
      `WITH n AS MATERIALIZED (SELECT gen_random_uuid() AS id, c.cell, g FROM unnest($1::uuid[]) AS c(cell), generate_series(1, $2::int) g),
            m AS (INSERT INTO member (id, full_name, name_folded, birth_date, gender, admission_decision_date, ceremony_date, full_membership_date, status)
                  SELECT n.id, 'Nguyễn Văn ' || n.g, 'nguyen van ' || n.g, '1985-03-04', 'MALE', '2010-05-01', '2010-05-19', '2011-05-19', 'FULL' FROM n RETURNING id)
       INSERT INTO membership (member_id, organisation_id, kind, valid_from) SELECT n.id, n.cell, 'PERMANENT', '2015-01-01' FROM n WHERE n.id IN (SELECT id FROM m)`,
      [cells, perCell],
    );
  };

  /** `count` held meetings of `cell`, one a week from 2026-01-05, everyone present; and a visit to each by the visitor. */
  const meetings = async (cell: string, count: number, visits = false): Promise<void> => {
    const ids = await q<{ id: string }>(
      `INSERT INTO meeting (organisation_id, kind, title, meeting_date, start_time, end_time, state, minutes, resolution)
       SELECT $1::uuid, 'REGULAR', 'Sinh hoạt ' || g, DATE '2026-01-05' + 7 * g, '08:00', '10:00', 'HELD', 'Biên bản', 'Nghị quyết'
         FROM generate_series(0, $2::int - 1) g RETURNING id`,
      [cell, count],
    );
    await q(
      `INSERT INTO meeting_attendance (meeting_id, member_id, status)
       SELECT mt.id, ms.member_id, 'PRESENT' FROM meeting mt JOIN membership ms ON ms.organisation_id = mt.organisation_id WHERE mt.id = ANY($1::uuid[])`,
      [ids.map((r) => r.id)],
    );
    if (visits) {
      await q(
        `INSERT INTO visit (meeting_id, visitor_user_id, attended, total, max_total) SELECT unnest($1::uuid[]), $2::uuid, true, 80, 100`,
        [ids.map((r) => r.id), t.visitor],
      );
    }
  };

  const inspections = async (cell: string, count: number): Promise<void> => {
    await q(
      `INSERT INTO inspection (organisation_id, body, type, title, planned_from)
       SELECT $1::uuid, 'CELL', 'REGULAR_SUPERVISION', 'Giám sát ' || g, DATE '2026-02-01' + g FROM generate_series(1, $2::int) g`,
      [cell, count],
    );
  };

  /** A 2025 round of G3 / G30 rating every member of `cell`. */
  const round = async (owner: string, cell: string, label: string): Promise<string> => {
    const r = first(
      await q<{ id: string }>(
        `INSERT INTO rating_round (organisation_id, year, period_label, title, self_assessment_due, proposal_due, decision_due, opened_by)
       VALUES ($1, 2025, $2, 'Đánh giá năm 2025', '2025-12-01', '2025-12-10', '2025-12-20', 'test') RETURNING id`,
        [owner, label],
      ),
      'inserted round',
    );
    await q(
      `INSERT INTO rating (round_id, year, subject_kind, member_id, organisation_id, proposer_id, decider_id, quota_group_id, scheme)
       SELECT $1::uuid, 2025, 'MEMBER', ms.member_id, ms.organisation_id, ms.organisation_id, $3::uuid, $3::uuid, 'QD366_2025'
         FROM membership ms WHERE ms.organisation_id = $2::uuid`,
      [r.id, cell, owner],
    );
    return r.id;
  };

  beforeAll(async () => {
    h = await bootApp();
    const p = uniq('LC');
    t.R = first(await orgs(`${p}R`, 'COMMITTEE', null), 'organisation');
    t.G3 = first(await orgs(`${p}G3`, 'GRASSROOTS_COMMITTEE', t.R), 'organisation');
    t.G30 = first(await orgs(`${p}G30`, 'GRASSROOTS_COMMITTEE', t.R), 'organisation');
    t.F = first(await orgs(`${p}F`, 'GRASSROOTS_COMMITTEE', t.R), 'organisation');
    const cells3 = await orgs(`${p}c3`, 'SUBORDINATE_CELL', t.G3, 3);
    const cells30 = await orgs(`${p}c30`, 'SUBORDINATE_CELL', t.G30, 30);
    t.small = first(cells3, 'cell of 3');
    t.big = first(cells30, 'cell of 30');
    await members([t.small], 3);
    await members([t.big], 30);
    // The rest of the database: 400 cells of 50 members with a year of monthly meetings each (20,000 memberships).
    const filler = await orgs(`${p}f`, 'SUBORDINATE_CELL', t.F, 400);
    await members(filler, 50);
    await q(
      `INSERT INTO meeting (organisation_id, kind, title, meeting_date, state, attendance_present, attendance_expected)
       SELECT c, 'REGULAR', 'Sinh hoạt', DATE '2025-01-10' + 30 * g, 'PLANNED', 0, 0 FROM unnest($1::uuid[]) c, generate_series(0, 11) g`,
      [filler],
    );
    await q(
      `INSERT INTO inspection (organisation_id, body, type, title, planned_from) SELECT c, 'CELL', 'REGULAR_SUPERVISION', 'Giám sát', DATE '2026-03-01' FROM unnest($1::uuid[]) c`,
      [filler],
    );
    reader = await h.userWith('COMMITTEE_READ', { organisationId: t.R });
    t.visitor = first(await q<{ id: string }>(`SELECT id FROM app_user ORDER BY created_at LIMIT 1`), 'user').id;
    await meetings(t.small, 3, true);
    await meetings(t.big, 30, true);
    await inspections(t.small, 3);
    await inspections(t.big, 30);
    t.roundSmall = await round(t.G3, t.small, 'S');
    t.roundBig = await round(t.G30, t.big, 'B');
    await q('ANALYZE');
  }, 120_000);

  afterAll(async () => {
    queryCounter.onQuery = undefined;
    await h?.close();
  });

  // Each list as its screen asks for it (the web app's fields), for the small and the big case.
  const lists: {
    name: string;
    query: string;
    vars: (big: boolean) => Record<string, unknown>;
    items: (d: Data) => unknown[];
    answerSized?: boolean;
  }[] = [
    {
      name: 'members of a cell',
      query: `query($o: ID!) { members(filter: { organisationId: $o }, page: { limit: 100 }, asOf: "2026-11-15") {
        total items { id fullName birthDate status ceremonyDate probationState partyAge { years months } organisation { id name } } } }`,
      vars: (big) => ({ o: big ? t.big : t.small }),
      items: (d) => d.members.items,
    },
    {
      name: 'meetings of a cell',
      query: `query($o: ID!) { meetingList(filter: { organisationId: $o, from: "2026-01-01", to: "2026-12-31" }, page: { limit: 100 }) {
        total items { id organisationId kind title date startTime endTime actualStart actualEnd place state organisation { id name }
          attendanceRate { present expected percent } flags { code severity message messageEn } } } }`,
      vars: (big) => ({ o: big ? t.big : t.small }),
      items: (d) => d.meetingList.items,
    },
    {
      name: 'organisations under a committee',
      query: `query($o: ID!) { organisations(filter: { underId: $o, kinds: [SUBORDINATE_CELL] }, page: { limit: 100 }, asOf: "2026-11-15") {
        total items { id name kind memberCount flags { code } committee { role member { fullName } } } } }`,
      vars: (big) => ({ o: big ? t.G30 : t.G3 }),
      items: (d) => d.organisations.items,
    },
    {
      name: 'ratings of a round',
      query: `query($r: ID!) { ratings(filter: { roundId: $r }, page: { limit: 100 }) {
        total items { id roundId year subjectKind memberId subjectName organisationId organisationName scheme computedLevel proposedLevel decidedLevel stage } } }`,
      vars: (big) => ({ r: big ? t.roundBig : t.roundSmall }),
      items: (d) => d.ratings.items,
    },
    {
      name: 'inspection records of a cell',
      query: `query($o: ID!) { inspections(filter: { organisationId: $o, year: 2026 }, page: { limit: 100 }) {
        total items { id organisationId body type title plannedFrom plannedTo startedOn concludedOn state countsTowardTarget organisation { id name } subjects { memberId } } } }`,
      vars: (big) => ({ o: big ? t.big : t.small }),
      items: (d) => d.inspections.items,
    },
    {
      // Each member's history is its own page (Member.attendanceHistory): one batched statement for the whole list.
      name: 'members of a cell with their attendance history',
      query: `query($o: ID!) { members(filter: { organisationId: $o }, page: { limit: 100 }, asOf: "2026-11-15") {
        total items { id fullName attendanceHistory(from: "2026-01-01", to: "2026-11-15", page: { limit: 5 }) {
          total notRecorded rate { present expected percent } items { meetingId date status } } } } }`,
      vars: (big) => ({ o: big ? t.big : t.small }),
      items: (d) => d.members.items,
      // its answer grows with members × meetings (30 × 30 in the big cell), so no fixed bound on the rows it reads
      answerSized: true,
    },
    {
      name: 'visits to a cell',
      query: `query($o: ID!) { visits(organisationId: $o, page: { limit: 100 }) {
        total items { id meetingId cellId date visitorUserId visitorName attended total maxTotal level selfTotal scoreGapWarning } } }`,
      vars: (big) => ({ o: big ? t.big : t.small }),
      items: (d) => d.visits.items,
    },
  ];

  it.each(lists.map((l) => [l.name, l] as const))(
    '%s: the same number of SQL statements for 3 rows and for 30',
    async (_name, l) => {
      const run = async (big: boolean) =>
        h.countQueries(async () => {
          const res = await h.gql(l.query, l.vars(big), reader);
          expect(res.errors).toBeUndefined();
          return l.items(res.data as Data);
        });
      const small = await run(false);
      const big = await run(true);
      expect(small.result).toHaveLength(3);
      expect(big.result).toHaveLength(30);
      expect(big.queries).toBe(small.queries);
    },
    60_000,
  );

  /**
   * Rows a plan read from tables and indexes: each scan's rows, kept or dropped by its filters, times its loops. Scans
   * of tables under SMALL_TABLE rows are left out: reading such a table whole is the planner's right choice (it is a
   * few pages), and what the test guards against is reading a big table whole. `small` holds their names.
   */
  const SMALL_TABLE = 1_000;
  const touched = (node: PlanNode, small: ReadonlySet<string>): number => {
    const relation = (node as PlanNode & { 'Relation Name'?: string })['Relation Name'];
    const own =
      /Scan/.test(node['Node Type']) &&
      node['Node Type'] !== 'CTE Scan' &&
      node['Node Type'] !== 'Subquery Scan' &&
      !(relation && small.has(relation))
        ? ((node['Actual Rows'] ?? 0) +
            (node['Rows Removed by Filter'] ?? 0) +
            (node['Rows Removed by Index Recheck'] ?? 0)) *
          (node['Actual Loops'] ?? 1)
        : 0;
    return own + (node.Plans ?? []).reduce((s: number, c) => s + touched(c, small), 0);
  };

  /** The plan as indented lines (node, relation or index, actual rows × loops, rows removed), for the failure message. */
  const outline = (node: PlanNode, depth = 0): string => {
    const n = node as PlanNode & Record<string, unknown>;
    const what = [n['Relation Name'], n['Index Name']].filter(Boolean).join(' / ');
    const removed = (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
    const line = `${'  '.repeat(depth)}${node['Node Type']}${what ? ` on ${what}` : ''}: ${node['Actual Rows'] ?? 0} × ${node['Actual Loops'] ?? 1}${removed ? `, removed ${removed}` : ''}`;
    return [line, ...(node.Plans ?? []).map((c) => outline(c, depth + 1))].join('\n');
  };

  it.each(lists.filter((l) => !l.answerSized).map((l) => [l.name, l] as const))(
    '%s: each statement for one cell touches a bounded number of rows in a database of 20,000+ memberships',
    async (_name, l) => {
      const { memberships } = first(
        await q<{ memberships: number }>(`SELECT count(*)::int AS memberships FROM membership`),
        'count row',
      );
      expect(memberships).toBeGreaterThanOrEqual(20_000);
      const statements: [string, unknown[]][] = [];
      queryCounter.onQuery = (sql, params) => {
        if (/^\s*(WITH|SELECT)\b/i.test(sql)) statements.push([sql, [...(params ?? [])]]);
      };
      try {
        const res = await h.gql(l.query, l.vars(true), reader);
        expect(res.errors).toBeUndefined();
      } finally {
        queryCounter.onQuery = undefined;
      }
      // Only the list's own statements (the sign-in check of the token is not the list's).
      const own = statements.filter(
        ([sql]) => !/\bapp_user\b|\bgrant\b|\bapi_token\b/.test(sql) || /\bvisit\b/.test(sql),
      );
      expect(own.length).toBeGreaterThan(0);
      // tables analysed in beforeAll: their row counts are current
      const small = new Set(
        (
          await q<{ relname: string }>(
            `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= 0 AND reltuples < ${SMALL_TABLE}`,
          )
        ).map((r) => r.relname),
      );
      // the tables every list walks are always counted, whatever their size in this database
      for (const table of [
        'membership',
        'member',
        'meeting',
        'meeting_attendance',
        'organisation_placement',
        'organisation',
        'rating',
        'inspection',
      ])
        small.delete(table);
      for (const [sql, params] of own) {
        const { 'QUERY PLAN': plan } = first(
          await q<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params),
          'plan row',
        );
        const rows = touched(first(plan, 'plan').Plan, small);
        if (rows >= 2_000)
          throw new Error(
            `${l.name}: ${rows} rows touched by\n${sql}\n${JSON.stringify(params)}\nplan:\n${outline(first(plan, 'plan').Plan)}`,
          );
      }
    },
    60_000,
  );
});
