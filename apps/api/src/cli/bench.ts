import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { queryCounter } from '../database/data-source';
import { createApp } from '../main';
import { DashboardCache } from '../modules/dashboard/dashboard.cache';
import { cliCaller } from './context';
import { seed } from './seed';
import { benchScreens, DASHBOARD_FIELDS } from './bench-screens';
import { benchLoad } from './bench-load';
import { duesLatencies } from './bench-dues';
import { runBenchWebhooks } from './bench-webhooks';

// The floor: members (full) on the as-of date, admissions made this year (ADMITTED events of cells in the subtree on the
// admission decision date) and meetings held this year, for the root's subtree.
const FLOOR_SQL = `
  WITH r AS (SELECT path FROM organisation_placement WHERE organisation_id = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)),
  mem AS (
    SELECT count(*)::int AS members, count(*) FILTER (WHERE m.full_membership_date <= $2::date)::int AS full
      FROM r JOIN organisation_placement pl ON pl.path >= r.path AND pl.path < left(r.path, -1) || '0'
                                           AND pl.valid_from <= $2::date AND (pl.valid_to IS NULL OR pl.valid_to > $2::date)
      JOIN membership ms ON ms.organisation_id = pl.organisation_id AND ms.kind = 'PERMANENT' AND ms.valid_from <= $2::date AND (ms.valid_to IS NULL OR ms.valid_to > $2::date)
      JOIN member m ON m.id = ms.member_id),
  adm AS (
    SELECT count(*)::int AS admissions
      FROM member m JOIN member_event e ON e.member_id = m.id AND e.type = 'ADMITTED'
      JOIN organisation_placement pl ON pl.organisation_id = COALESCE(e.to_organisation_id, e.organisation_id)
                                    AND pl.valid_from <= m.admission_decision_date AND (pl.valid_to IS NULL OR pl.valid_to > m.admission_decision_date)
      JOIN organisation_placement rp ON rp.organisation_id = $1 AND rp.valid_from <= m.admission_decision_date AND (rp.valid_to IS NULL OR rp.valid_to > m.admission_decision_date)
                                    AND pl.path >= rp.path AND pl.path < left(rp.path, -1) || '0'
     WHERE m.admission_decision_date BETWEEN $3::date AND $2::date),
  held AS (
    SELECT count(*)::int AS held
      FROM meeting mt
      JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND pl.valid_from <= mt.meeting_date AND (pl.valid_to IS NULL OR pl.valid_to > mt.meeting_date)
      JOIN organisation_placement rp ON rp.organisation_id = $1 AND rp.valid_from <= mt.meeting_date AND (rp.valid_to IS NULL OR rp.valid_to > mt.meeting_date)
                                    AND pl.path >= rp.path AND pl.path < left(rp.path, -1) || '0'
     WHERE mt.meeting_date BETWEEN $3::date AND $2::date AND mt.state IN ('HELD', 'CLOSED'))
  SELECT mem.members, mem.full, adm.admissions, held.held FROM mem, adm, held`;

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN; // NaN for no samples
};

/**
 * Latencies of the heavy queries on the root of a seeded database through the app in this process (median and p95
 * of `runs`, after 3 warm-ups), the dashboard and alerts cold (cache emptied) and repeated, and the floor: the
 * dashboard's headline counts in one hand-written statement, checked equal.
 */
const queryLatencies = async (app: NestFastifyApplication, size: number, runs: number): Promise<string[]> => {
  const lines: string[] = [];
  const ds = app.get(DataSource);
  const [{ id: rootId }] = await ds.query(
    `SELECT organisation_id AS id FROM organisation_placement WHERE parent_id IS NULL AND valid_to IS NULL LIMIT 1`,
  );
  const signIn = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({
      query: `mutation { signIn(input: {username: "admin", password: "Chibo@2026"}) { accessToken } }`,
    }),
  });
  const token = signIn.json().data.signIn.accessToken;
  const queries: [string, string, 'cold'?][] = [
    [
      'subtree counts (root)',
      `{ organisation(id: "${rootId}") { subtreeCounts { organisations members fullMembers probationaryMembers byKind { kind count } } } }`,
    ],
    [
      'subtree counts (root, as of 2024-06-30)',
      `{ organisation(id: "${rootId}", asOf: "2024-06-30") { subtreeCounts { organisations members } } }`,
    ],
    [
      'member search "nguyen van an"',
      `{ members(filter: {search: "nguyen van an"}, page: {limit: 50}) { total items { fullName organisation { name } } } }`,
    ],
    ['member search by card number', `{ members(filter: {search: "520000123"}) { total items { fullName } } }`],
    [
      'meeting compliance (root, Jan–Oct 2026)',
      `{ meetingCompliance(input: {organisationId: "${rootId}", from: "2026-01-01", to: "2026-10-31", asOf: "2026-11-15"}) { cellCount behindCount attendancePercent counts { kind count } cells { behind missing { kind period } } } }`,
    ],
    [
      'meeting counts by kind (root, since 2025)',
      `{ meetingCompliance(input: {organisationId: "${rootId}", from: "2025-01-01", to: "2026-10-31", asOf: "2026-11-15"}) { counts { kind count } } }`,
    ],
    [
      'inspection target (root, 2026)',
      `{ inspectionTarget(input: {organisationId: "${rootId}", year: 2026, asOf: "2026-11-15"}) { subjectCount metCount percent projectedMetCount cells { organisation { code name } hasCellCommittee required concluded inProgress planned missing met } } }`,
    ],
    [
      'supervision coverage (root, 2026)',
      `{ supervisionCoverage(input: {organisationId: "${rootId}", year: 2026, asOf: "2026-11-15"}) { cellCount metCount percent cells(filter: BELOW) { organisation { code } members supervised percent } } }`,
    ],
    [
      'visit coverage (root, 2026)',
      `{ visitCoverage(input: {organisationId: "${rootId}", year: 2026, asOf: "2026-11-15"}) { assignmentCount behindCount required done scored unscored unassignedCells { id } lines { behind done } } }`,
    ],
    [
      'visit report (root, 2026-10)',
      `{ visitReport(input: {organisationId: "${rootId}", month: "2026-10"}) { lines { visitorName visits scored unscored cellsNotVisited state } } }`,
    ],
    [
      'rating figures (root, 2025)',
      `{ ratingFigures(input: {organisationId: "${rootId}", year: 2025}) { groups { subjectKind current { total rated notRated levels { level count percent } wellCompletedOrBetter { count percent } excellentOfWellCompletedOrBetter excellentOfRated } change { rated } } } }`,
    ],
    [
      '50 cells with counts, flags, secretaries',
      `{ organisations(filter: {underId: "${rootId}", kinds: [SUBORDINATE_CELL]}, page: {limit: 50}) { items { name memberCount flags { code } committee { role member { fullName partyAge { years } } } } } }`,
    ],
    // cold: DashboardCache emptied before each run, so every run computes the figures (what the first cadre to open
    // the dashboard after a write waits for); repeated: the same request again with the database unchanged.
    [
      'dashboard (root)',
      `{ dashboard(input: {organisationId: "${rootId}", asOf: "2026-11-15"}) { ${DASHBOARD_FIELDS} } }`,
      'cold',
    ],
    [
      'alerts (root, first 50)',
      `{ alerts(input: {organisationId: "${rootId}", asOf: "2026-11-15", page: {limit: 50}}) { total countsByCode { code count } items { code severity message organisation { code name } memberName dueOn } } }`,
      'cold',
    ],
    [
      'dashboard (root), repeated',
      `{ dashboard(input: {organisationId: "${rootId}", asOf: "2026-11-15"}) { ${DASHBOARD_FIELDS} } }`,
    ],
    [
      'alerts (root, first 50), repeated',
      `{ alerts(input: {organisationId: "${rootId}", asOf: "2026-11-15", page: {limit: 50}}) { total countsByCode { code count } items { code severity message organisation { code name } memberName dueOn } } }`,
    ],
  ];
  const cache = app.get(DashboardCache);
  for (const [label, query, cold] of queries) {
    const times: number[] = [];
    let statements = 0;
    for (let i = 0; i < runs + 3; i++) {
      if (cold) cache.clear();
      const before = queryCounter.count;
      const start = process.hrtime.bigint();
      const r = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: JSON.stringify({ query }),
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.json().errors) throw new Error(`${label}: ${JSON.stringify(r.json().errors)}`);
      if (i >= 3) times.push(ms);
      statements = queryCounter.count - before;
    }
    lines.push(
      `x${size}: ${label.padEnd(44)} median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ${statements} SQL statements`,
    );
  }
  // The floor (issue 5 §5): the dashboard's headline member and meeting counts for the root in one hand-written
  // statement, timed in the same run, and checked against the dashboard's own figures.
  const floorTimes: number[] = [];
  let floor: { members: number; full: number; admissions: number; held: number } | null = null;
  for (let i = 0; i < runs + 3; i++) {
    const start = process.hrtime.bigint();
    [floor] = await ds.query(FLOOR_SQL, [rootId, '2026-11-15', '2026-01-01']);
    if (i >= 3) floorTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const check = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload: JSON.stringify({
      query: `{ dashboard(input: {organisationId: "${rootId}", asOf: "2026-11-15"}) { members { members fullMembers admissions } meetings { held } } }`,
    }),
  });
  const d = check.json().data.dashboard;
  const same =
    floor &&
    floor.members === d.members.members &&
    floor.full === d.members.fullMembers &&
    floor.admissions === d.members.admissions &&
    floor.held === d.meetings.held;
  lines.push(
    `x${size}: ${'floor: hand-written SQL (members, meetings)'.padEnd(44)} median ${percentile(floorTimes, 50).toFixed(1)} ms, p95 ${percentile(floorTimes, 95).toFixed(1)} ms, 1 SQL statement; ` +
      `members ${floor?.members}, full ${floor?.full}, admissions ${floor?.admissions}, held meetings ${floor?.held}: ${same ? 'equal to the dashboard' : `DIFFERENT from the dashboard ${JSON.stringify(d)}`}`,
  );
  return lines;
};

/**
 * Figures, not tests: for each size, a fresh PostgreSQL database (on TEST_DATABASE_URL's server), the seed timed,
 * the tables analysed, the screens of one cell against the `{__typename}` ceiling through HTTP (bench-screens.ts),
 * then each query run `runs` times through the real GraphQL stack (median and p95 ms) and its SQL statement count.
 * `--database-url URL`: no seed, on that (seeded) database, which is kept. `--only screens`: skip the query
 * latencies; `--only dues`: the dues figures only (bench-dues.ts); `--only queries`: the query latencies only (dashboard, alerts and figures of the root). `--clients N` / `--seconds S`: the load of the screens (default 20 clients, 5 s).
 * The mixed load of many users (bench-load.ts; `--only load` for it alone): `--load-clients N` / `--load-seconds S`
 * (default 100 clients, 60 s).
 * `bench webhooks …`: the webhook delivery figures instead (bench-webhooks.ts).
 */
export const runBench = async (args: string[]): Promise<number> => {
  if (args[0] === 'webhooks') return runBenchWebhooks(args.slice(1));
  const flag = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const sizes = (flag('--sizes') ?? '1,30').split(',').map(Number);
  const runs = Number(flag('--runs') ?? '30');
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const lines: string[] = [];
  const screenOpts = {
    clients: Number(flag('--clients') ?? '20'),
    seconds: Number(flag('--seconds') ?? '5'),
    runs,
    serverMain: flag('--server-main'),
  };
  const loadOpts = {
    clients: Number(flag('--load-clients') ?? '100'),
    seconds: Number(flag('--load-seconds') ?? '60'),
    serverMain: flag('--server-main'),
  };
  const existing = flag('--database-url');
  if (existing) {
    // An existing, already seeded database (kept): analysed, then the screens of one cell against the ceiling.
    const db = new Client({ connectionString: existing });
    await db.connect();
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM organisation`)).rows;
    await db.query('ANALYZE');
    await db.end();
    const size = Number(flag('--scale') ?? (n > 1000 ? Math.round(n / 421) : 1));
    if (flag('--only') === 'load') {
      for (const l of await benchLoad(existing, size, loadOpts)) console.log(l);
      return 0;
    }
    const only = flag('--only');
    if (only !== 'dues' && only !== 'queries')
      for (const l of await benchScreens(existing, size, screenOpts)) console.log(l);
    if (!only) for (const l of await benchLoad(existing, size, loadOpts)) console.log(l);
    if (flag('--only') !== 'screens') {
      const app = await createApp(
        loadConfig({
          ...process.env,
          DATABASE_URL: existing,
          LOG_LEVEL: 'error',
          NODE_ENV: 'production',
          JWT_SECRET: randomBytes(32).toString('hex'),
        }),
      );
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      try {
        if (only !== 'dues') for (const l of await queryLatencies(app, size, runs)) console.log(l);
        if (only !== 'queries') for (const l of await duesLatencies(app, size, runs)) console.log(l);
      } finally {
        await app.close();
      }
    }
    return 0;
  }
  for (const size of sizes) {
    const name = `chibo_bench_${String(size).replace('.', '_')}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
    });
    const app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const t0 = Date.now();
      const res = await seed(app, cliCaller(), { scale: size, seed: 2026, log: () => undefined });
      const seedSeconds = (Date.now() - t0) / 1000;
      lines.push(
        `x${size}: seed ${res.organisations} organisations, ${res.members} members, ${res.meetings ?? 0} meetings in ${seedSeconds.toFixed(1)} s (${Math.round(res.members / seedSeconds)} members/s; goal < 60 s at x30)${
          res.phases
            ? `; steps (s): ${Object.entries(res.phases)
                .map(([k, v]) => `${k} ${v.toFixed(1)}`)
                .join(
                  ', ',
                )}; member load ${Math.round(res.members / (res.phases.members ?? NaN))} members/s (goal >= 20,000)`
            : ''
        }`,
      );
      const ds = app.get(DataSource);
      // Bulk-loaded tables are analysed before anything is measured (autovacuum may not have run yet).
      await ds.query('ANALYZE');
      if (flag('--only') !== 'load')
        for (const l of await benchScreens(url.toString(), size, screenOpts)) lines.push(l);
      if (!flag('--only') || flag('--only') === 'load')
        for (const l of await benchLoad(url.toString(), size, loadOpts)) lines.push(l);
      if (flag('--only') === 'screens' || flag('--only') === 'load') continue;
      lines.push(...(await queryLatencies(app, size, runs)), ...(await duesLatencies(app, size, runs)));
    } finally {
      await app.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
    for (const l of lines.splice(0)) console.log(l);
  }
  for (const l of lines.splice(0)) console.log(l);
  return 0;
};
