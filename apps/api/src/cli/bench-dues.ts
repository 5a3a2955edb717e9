import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { queryCounter } from '../database/data-source';
import { today } from '../database/sql';
import { DashboardCache } from '../modules/dashboard/dashboard.cache';
import { DEMO_PASSWORD } from './seed';

const ROW = 'organisationId members due collected outstanding collectedPercent membersInArrears membersWithoutBasis';
const YEAR = 'memberId fullName dueTotal paidTotal unpaidMonths outstanding inArrears months { month due paid reason }';

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN; // NaN for no samples
};

/**
 * Party dues at a seeded database's size, through the GraphQL stack in this process: the whole tree's facts judged
 * from nothing (what the first reader after a new month or a restructure waits for, with the memory it takes),
 * then the root's figures, arrears list and today's dashboard with its DUES_ARREARS alerts, the same after one
 * member's records changed (one member judged again), and one cell's screens; median and p95 of `runs`.
 */
export const duesLatencies = async (app: NestFastifyApplication, size: number, runs: number): Promise<string[]> => {
  const ds = app.get(DataSource);
  const cache = app.get(DashboardCache);
  const year = Number(today().slice(0, 4));
  const [{ id: rootId }] = await ds.query(
    `SELECT organisation_id AS id FROM organisation_placement WHERE parent_id IS NULL AND valid_to IS NULL LIMIT 1`,
  );
  // a cell of about 30 members today, and one of its members
  const [cell] = await ds.query(
    `SELECT organisation_id AS id, count(*)::int AS n FROM membership WHERE kind = 'PERMANENT' AND valid_to IS NULL GROUP BY 1 ORDER BY abs(count(*) - 30), 1 LIMIT 1`,
  );
  const [{ id: memberId }] = await ds.query(
    `SELECT member_id AS id FROM membership WHERE organisation_id = $1 AND kind = 'PERMANENT' AND valid_to IS NULL ORDER BY 1 LIMIT 1`,
    [cell.id],
  );
  const signIn = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({
      query: `mutation { signIn(input: {username: "admin", password: "${DEMO_PASSWORD}"}) { accessToken } }`,
    }),
  });
  const token = signIn.json().data.signIn.accessToken;
  const ask = async (query: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query }),
    });
    const body = r.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
  const lines: string[] = [];
  const figures = (o: string) =>
    `{ duesFigures(organisationId: "${o}", year: ${year}) { total { ${ROW} } children { ${ROW} } } }`;

  // from nothing: every member-year of the tree judged
  await ds.query(`DELETE FROM dues_fact_year WHERE year = $1`, [year]);
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  // how long other requests of this process would wait behind the judging: the event loop's longest stall
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = process.hrtime.bigint();
  const first = await ask(figures(rootId));
  const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  loop.disable();
  clearInterval(sampler);
  const [{ n: judged }] = await ds.query(`SELECT count(*)::int AS n FROM dues_fact_year WHERE year = $1`, [year]);
  lines.push(
    `x${size}: ${'dues figures (root), every member judged'.padEnd(44)} ${coldMs.toFixed(0)} ms once for ${judged} member-years ` +
      `(${Math.round(judged / (coldMs / 1000))}/s), RSS +${((peak - rss0) / 1e6).toFixed(0)} MB; ${first.duesFigures.total.members} members, ${first.duesFigures.total.membersInArrears} in arrears`,
  );
  lines.push(
    `x${size}: ${'  meanwhile, the event loop stalled at most'.padEnd(44)} ${(loop.max / 1e6).toFixed(0)} ms (p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms; goal: no request waits 100 ms behind it)`,
  );

  const dashboard = `{ alerts(input: {organisationId: "${rootId}", codes: [DUES_ARREARS], page: {limit: 50}}) { total items { memberName message } } }`;
  const queries: [string, string, ('cold' | 'touched')?][] = [
    ['dues figures (root)', figures(rootId)],
    ['dues figures (root), one member changed', figures(rootId), 'touched'],
    [
      'members in arrears (root, first 50)',
      `{ duesArrears(organisationId: "${rootId}", year: ${year}, page: {limit: 50}) { total items { ${YEAR} } } }`,
    ],
    ['DUES_ARREARS alerts (root, first 50), cold', dashboard, 'cold'],
    [`dues figures (a ${cell.n}-member cell)`, figures(cell.id)],
    [
      `dues sheet (that cell)`,
      `{ duesSheet(organisationId: "${cell.id}", year: ${year}, page: {limit: 50}) { total items { ${YEAR} } } }`,
    ],
    [
      "a member's dues year",
      `{ memberDues(memberId: "${memberId}", year: ${year}) { year { ${YEAR} } payments { id amount } } }`,
    ],
  ];
  for (const [label, query, mode] of queries) {
    const times: number[] = [];
    let statements = 0;
    for (let i = 0; i < runs + 3; i++) {
      if (mode === 'cold') cache.clear();
      // a write to one member's records as the API's writes do it: their version and the feeding tables' versions move
      if (mode === 'touched')
        await ds.query(`UPDATE membership SET valid_from = valid_from WHERE member_id = $1`, [memberId]);
      const before = queryCounter.count;
      const start = process.hrtime.bigint();
      const data = await ask(query);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (
        i === 0 &&
        label.startsWith('DUES_ARREARS') &&
        data.alerts.total !== first.duesFigures.total.membersInArrears
      ) {
        throw new Error(
          `DUES_ARREARS alerts ${data.alerts.total} ≠ members in arrears ${first.duesFigures.total.membersInArrears}`,
        );
      }
      if (i >= 3) times.push(ms);
      statements = queryCounter.count - before;
    }
    lines.push(
      `x${size}: ${label.padEnd(44)} median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ${statements} SQL statements`,
    );
  }
  return lines;
};
