import { inspectionCountsOn, type InspectionFact } from '@chibo/domain';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { seed } from '../../src/cli/seed';

/**
 * The per-cell inspection counts kept by triggers (cell_inspection_count, migration 1796660000000) follow every write
 * that changes them — planning, a changed planned start, starting, concluding (from planned or in progress),
 * cancelling, a batch insert, a move to another cell, a change of body or type, a deletion — and equal, on every day
 * where a count may change (and the day before), the counts by libs' rule (inspectionCountsOn over the cell's own
 * inspections, as the target counts them); an update of other columns rebuilds nothing; a rebuild from scratch finds
 * the same rows.
 */
describe('kept inspection counts (cell_inspection_count)', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const ok = async (query: string, v: Record<string, unknown>) => {
    const r = await h.gql(query, v, admin);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const PLAN = `mutation($i: PlanInspectionInput!) { planInspection(input: $i) { id } }`;
  const UPDATE = `mutation($id: ID!, $i: InspectionPlanFieldsInput!) { updateInspection(id: $id, input: $i) { id } }`;
  const START = `mutation($id: ID!, $i: StartInspectionInput!) { startInspection(id: $id, input: $i) { id } }`;
  const CONCLUDE = `mutation($id: ID!, $i: ConcludeInspectionInput!) { concludeInspection(id: $id, input: $i) { id } }`;
  const CANCEL = `mutation($id: ID!, $r: String!) { cancelInspection(id: $id, reason: $r) { id } }`;
  const plan = async (organisationId: string, memberId: string, plannedFrom: string, type = 'COMPLIANCE') =>
    (
      await ok(PLAN, {
        i: {
          organisationId,
          body: 'CELL',
          type,
          title: 'Kiểm tra đảng viên chấp hành Điều lệ Đảng',
          plannedFrom,
          subjectMemberIds: [memberId],
          contentAreas: ['Chấp hành Điều lệ Đảng'],
        },
      })
    ).planInspection.id as string;
  const conclude = (id: string, concludedOn: string, startedOn?: string) =>
    ok(CONCLUDE, { id, i: { concludedOn, startedOn, conclusion: 'Đảng viên chấp hành tốt Điều lệ Đảng.' } });

  // The cells of this test's tree ($1: its root), whatever other suites left in the database.
  const IN_TREE = `SELECT x.organisation_id FROM organisation_placement x WHERE position('/' || $1::text || '/' IN x.path) > 0`;

  /** Every day on which a count may change (each date of an inspection, 1 January of each year), and the day before. */
  const days = (rows: { plannedFrom: string; startedOn: string | null; concludedOn: string | null }[]): string[] => {
    const out = new Set<string>(['2024-12-31', '2025-01-01']);
    const add = (d: string) => {
      const x = new Date(`${d}T00:00:00Z`);
      out.add(d);
      x.setUTCDate(x.getUTCDate() - 1);
      out.add(x.toISOString().slice(0, 10));
    };
    for (const r of rows) for (const d of [r.plannedFrom, r.startedOn, r.concludedOn]) if (d) add(d);
    for (let y = 2024; y <= 2028; y++) add(`${y}-01-01`);
    return [...out].sort();
  };

  const expectKept = async (): Promise<number> => {
    const rows: (InspectionFact & { cell: string; body: string })[] = await h.ds.query(
      `SELECT organisation_id::text AS cell, body, type, state, to_char(planned_from, 'YYYY-MM-DD') AS "plannedFrom",
              to_char(started_on, 'YYYY-MM-DD') AS "startedOn", to_char(concluded_on, 'YYYY-MM-DD') AS "concludedOn"
         FROM inspection WHERE organisation_id IN (${IN_TREE})`,
      [t.R],
    );
    const cells: string[] = (
      await h.ds.query(`SELECT DISTINCT organisation_id::text AS id FROM (${IN_TREE}) x ORDER BY 1`, [t.R])
    ).map((r: { id: string }) => r.id);
    const ds = days(rows);
    const kept: { cell: string; day: string; concluded: number; inProgress: number; planned: number }[] =
      await h.ds.query(
        `SELECT c.id::text AS cell, d.d::text AS day, coalesce(k.concluded, 0) AS concluded,
                coalesce(k.in_progress, 0) AS "inProgress", coalesce(k.planned, 0) AS planned
           FROM unnest($1::uuid[]) c(id) CROSS JOIN unnest($2::date[]) d(d)
           LEFT JOIN LATERAL (SELECT * FROM cell_inspection_count k WHERE k.organisation_id = c.id
                                 AND k.valid_to > d.d AND k.valid_from <= d.d ORDER BY k.valid_to LIMIT 1) k ON true
          ORDER BY 1, 2`,
        [cells, ds],
      );
    // By definition: the cell's own inspections (the target's bodies), counted by libs' rule for the day's year.
    const defined = cells.flatMap((cell) =>
      ds.map((day) => ({
        cell,
        day,
        ...inspectionCountsOn(
          rows.filter((r) => r.cell === cell && (r.body === 'CELL' || r.body === 'CELL_COMMITTEE')),
          Number(day.slice(0, 4)),
          day,
        ),
      })),
    );
    expect(kept).toEqual(defined);
    return defined.filter((x) => x.concluded + x.inProgress + x.planned > 0).length;
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it('follows planning, a changed start, starting, concluding and cancelling', async () => {
    expect(await expectKept()).toBe(0);
    const a = await plan(t.a1, t.m1, '2025-11-01');
    expect(await expectKept()).toBeGreaterThan(0);
    await ok(UPDATE, { id: a, i: { plannedFrom: '2026-02-01' } });
    await expectKept();
    await ok(START, { id: a, i: { startedOn: '2026-02-10' } });
    await expectKept();
    await conclude(a, '2026-03-05');
    await expectKept();
    // Planned in an earlier year and still open: planned (overdue) in every later year.
    const b = await plan(t.a2, t.m4, '2025-06-01');
    await expectKept();
    // Concluded straight from planned.
    await conclude(b, '2026-04-15', '2026-04-01');
    await expectKept();
    // Started and still open: in progress from then on.
    const c = await plan(t.b1, t.m5, '2026-05-01');
    await ok(START, { id: c, i: { startedOn: '2026-05-10' } });
    await expectKept();
    const d = await plan(t.b1, t.m5, '2026-12-01');
    await expectKept();
    await ok(CANCEL, { id: d, r: 'Đối tượng chuyển công tác' });
    await expectKept();
    // Supervisions never count.
    const s = await plan(t.a1, t.m2, '2026-02-01', 'REGULAR_SUPERVISION');
    await ok(START, { id: s, i: { startedOn: '2026-02-01' } });
    await expectKept();
  });

  it('follows a batch insert, a move to another cell, a change of body or type and a deletion', async () => {
    const [x, y] = [crypto.randomUUID(), crypto.randomUUID()];
    await h.ds.query(
      `INSERT INTO inspection (id, organisation_id, body, type, title, content_areas, planned_from, started_on, concluded_on, state, conclusion)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::date[], $8::date[], $9::date[], $10::text[], $11::text[])`,
      [
        [x, y],
        [t.a2, t.b1],
        ['CELL_COMMITTEE', 'CELL'],
        ['SIGNS_OF_VIOLATION', 'COMPLIANCE'],
        ['Kiểm tra khi có dấu hiệu vi phạm', 'Kiểm tra chấp hành'],
        ['["Chấp hành Điều lệ Đảng"]', '["Chấp hành Điều lệ Đảng"]'],
        ['2024-10-01', '2025-12-01'],
        ['2024-11-01', '2025-12-20'],
        ['2025-01-20', null],
        ['CONCLUDED', 'IN_PROGRESS'],
        ['Có vi phạm.', null],
      ],
    );
    await expectKept();
    await h.ds.query(`UPDATE inspection SET organisation_id = $2 WHERE id = $1`, [y, t.a1]);
    await expectKept();
    await h.ds.query(`UPDATE inspection SET body = 'COMMITTEE' WHERE id = $1`, [x]);
    await expectKept();
    await h.ds.query(`UPDATE inspection SET body = 'CELL', type = 'THEMATIC_SUPERVISION' WHERE id = $1`, [x]);
    await expectKept();
    await h.ds.query(`DELETE FROM inspection WHERE id = ANY($1::uuid[])`, [[x, y]]);
    await expectKept();
  });

  it('rebuilds nothing for other columns, and a rebuild from scratch finds the same rows', async () => {
    const ROWS = `SELECT organisation_id::text, valid_from::text, valid_to::text, concluded, in_progress, planned
                    FROM cell_inspection_count WHERE organisation_id IN (${IN_TREE}) ORDER BY 1, 2`;
    const before = await h.ds.query(ROWS, [t.R]);
    const changes = `SELECT count(*)::int AS n FROM figure_change WHERE table_name = 'cell_inspection_count'`;
    const [{ n }] = await h.ds.query(changes);
    await h.ds.query(`UPDATE inspection SET conclusion = conclusion || '.' WHERE organisation_id IN (${IN_TREE})`, [
      t.R,
    ]);
    expect((await h.ds.query(changes))[0].n).toBe(n);
    await h.ds.query(`SELECT cell_inspection_count_rebuild(ARRAY(${IN_TREE}))`, [t.R]);
    expect(await h.ds.query(ROWS, [t.R])).toEqual(before);
    await expectKept();
  });

  it('after the seed (inspections loaded with the insert trigger off, the counts rebuilt once) equals a rebuild from scratch', async () => {
    await seed(h.app, cliCaller(), { scale: 0.05, seed: 2026, log: () => undefined });
    const ALL = `SELECT organisation_id::text, valid_from::text, valid_to::text, concluded, in_progress, planned
                   FROM cell_inspection_count ORDER BY 1, 2`;
    const kept = await h.ds.query(ALL);
    expect(kept.length).toBeGreaterThan(0);
    await h.ds.query(`SELECT cell_inspection_count_rebuild(ARRAY(SELECT DISTINCT organisation_id FROM inspection))`);
    expect(await h.ds.query(ALL)).toEqual(kept);
  });
});
