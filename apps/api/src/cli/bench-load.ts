import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { today } from '../database/sql';
import {
  DASHBOARD_FIELDS,
  INSPECTIONS,
  MEETINGS,
  MEMBER,
  MEMBERS,
  ORGANISATION,
  median,
  startBenchServer,
  type BenchPost,
} from './bench-screens';
import { DEMO_PASSWORD } from './seed';

// Many users at once (issue 13 goal 4): `clients` concurrent clients for `seconds`, each doing what cadres do all day,
// picked at random with these weights: the screens of a cell (its members, meetings, organisation page, a member's
// page, its inspections) over many different cells, the dashboard of a grassroots committee, and writes (a meeting
// planned, then its place changed). Prints throughput against the server's own `{__typename}` ceiling with the same
// number of clients, latency percentiles overall and per action, errors, and the API process's memory (RSS sampled
// from /proc every 250 ms). Goals: 0 errors, p99 ≤ 500 ms, RSS ≤ 300 MB.

type Action = {
  name: string;
  weight: number;
  run: (post: BenchPost, token: string, client: ClientState) => Promise<unknown>;
};
type ClientState = { planned: string[] };

const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: MeetingPlanInput!) { updateMeeting(id: $id, input: $i) { id place } }`;
const DASHBOARD = `query($i: DashboardInput!) { dashboard(input: $i) { ${DASHBOARD_FIELDS} } }`;

const rssOf = (pid: number): { rss: number; peak: number } | null => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export const benchLoad = async (
  databaseUrl: string,
  size: number,
  opts: { clients?: number; seconds?: number; serverMain?: string } = {},
): Promise<string[]> => {
  const clients = opts.clients ?? 100;
  const seconds = opts.seconds ?? 60;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  // the subjects, the same for the same database (seeded order)
  await db.query(`SELECT setseed(0.2026)`);
  const cells: string[] = (
    await db.query(
      `SELECT organisation_id AS id FROM (SELECT DISTINCT organisation_id FROM membership WHERE kind = 'PERMANENT' AND valid_to IS NULL) c ORDER BY random() LIMIT 300`,
    )
  ).rows.map((r: { id: string }) => r.id);
  const members: string[] = (
    await db.query(
      `SELECT member_id AS id FROM membership WHERE kind = 'PERMANENT' AND valid_to IS NULL ORDER BY random() LIMIT 1000`,
    )
  ).rows.map((r: { id: string }) => r.id);
  const committees: string[] = (
    await db.query(`SELECT id FROM organisation WHERE kind = 'GRASSROOTS_COMMITTEE' ORDER BY random() LIMIT 100`)
  ).rows.map((r: { id: string }) => r.id);
  await db.end();
  if (!cells.length || !members.length || !committees.length)
    throw new Error('The database has no cells, members or grassroots committees: seed it first');

  const d = today();
  const year = Number(d.slice(0, 4));
  const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  const future = () =>
    new Date(Date.now() + (30 + Math.floor(Math.random() * 300)) * 86_400_000).toISOString().slice(0, 10);
  const actions: Action[] = [
    { name: 'members of a cell', weight: 25, run: (post, token) => post(MEMBERS, { o: pick(cells), d }, token) },
    {
      name: "a cell's meetings",
      weight: 20,
      run: (post, token) => post(MEETINGS, { o: pick(cells), from: `${year}-01-01`, to: `${year}-12-31` }, token),
    },
    {
      name: 'organisation page (a cell)',
      weight: 15,
      run: (post, token) => post(ORGANISATION, { o: pick(cells), d }, token),
    },
    { name: "a member's page", weight: 15, run: (post, token) => post(MEMBER, { m: pick(members), d }, token) },
    {
      name: "a cell's inspections",
      weight: 5,
      run: (post, token) => post(INSPECTIONS, { o: pick(cells), d, y: year }, token),
    },
    {
      name: 'dashboard of a grassroots committee',
      weight: 5,
      run: (post, token) => post(DASHBOARD, { i: { organisationId: pick(committees), asOf: d } }, token),
    },
    {
      name: 'write: plan a meeting',
      weight: 8,
      run: async (post, token, client) => {
        const created = await post(
          CREATE,
          { i: { organisationId: pick(cells), kind: 'REGULAR', title: 'Sinh hoạt chi bộ (tải thử)', date: future() } },
          token,
        );
        client.planned.push(created.createMeeting.id as string);
      },
    },
    {
      name: 'write: change its place',
      weight: 7,
      run: (post, token, client) =>
        client.planned.length
          ? post(
              UPDATE,
              { id: pick(client.planned), i: { place: `Phòng họp ${Math.floor(Math.random() * 20) + 1}` } },
              token,
            )
          : post(
              CREATE,
              {
                i: {
                  organisationId: pick(cells),
                  kind: 'REGULAR',
                  title: 'Sinh hoạt chi bộ (tải thử)',
                  date: future(),
                },
              },
              token,
            ).then((c) => client.planned.push(c.createMeeting.id as string)),
    },
  ];
  const totalWeight = actions.reduce((s, a) => s + a.weight, 0);
  const choose = (): Action => {
    let r = Math.random() * totalWeight;
    for (const a of actions) if ((r -= a.weight) < 0) return a;
    return actions[0]!;
  };

  const { process: server, post, base } = await startBenchServer(databaseUrl, opts.serverMain);
  // the API's own account of its event loop (/health/ready, common/jobs/event-loop-watch.ts)
  type Ready = {
    eventLoop?: { longestMs: number; slowSeconds: number };
    requests?: { maxActive: number; maxQueued: number; rejected: number };
  };
  const readyOf = async (): Promise<Ready> => (await (await fetch(`${base}/health/ready`)).json()) as Ready;
  const loopOf = async () => (await readyOf()).eventLoop ?? null;
  const pid = server.pid!;
  try {
    const signIn = await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { username: 'canbo', password: DEMO_PASSWORD },
    });
    const token = signIn.signIn.accessToken as string;
    for (const a of actions) await a.run(post, token, { planned: [] }); // warm-up; an error here stops the bench
    const startRss = rssOf(pid);
    const loopBefore = await loopOf();

    // the ceiling with as many clients
    let ceilingDone = 0;
    const ceilingStart = Date.now();
    const ceilingUntil = ceilingStart + 5000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < ceilingUntil) {
          await post('{ __typename }', {}, token);
          ceilingDone++;
        }
      }),
    );
    const ceiling = ceilingDone / ((Date.now() - ceilingStart) / 1000);

    const times = new Map<string, number[]>(actions.map((a) => [a.name, []]));
    const errors = new Map<string, number>();
    let peakRss = startRss?.rss ?? 0;
    const sampler = setInterval(() => {
      const now = rssOf(pid);
      if (now && now.rss > peakRss) peakRss = now.rss;
    }, 250);
    const start = Date.now();
    const until = start + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const state: ClientState = { planned: [] };
        while (Date.now() < until) {
          const a = choose();
          const t0 = process.hrtime.bigint();
          try {
            await a.run(post, token, state);
            times.get(a.name)!.push(Number(process.hrtime.bigint() - t0) / 1e6);
          } catch (e) {
            const key = `${a.name}: ${String((e as Error).message).slice(0, 120)}`;
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        }
      }),
    );
    clearInterval(sampler);
    const elapsed = (Date.now() - start) / 1000;
    const all = [...times.values()].flat().sort((a, b) => a - b);
    const errorCount = [...errors.values()].reduce((s, n) => s + n, 0);
    const rate = all.length / elapsed;
    const p99 = percentile(all, 99);
    const endRss = rssOf(pid);
    const after = await readyOf();
    const loopAfter = after.eventLoop ?? null;
    const peak = Math.max(peakRss, endRss?.peak ?? 0);
    const lines = [
      `x${size}: mixed load, ${clients} clients for ${seconds} s (cell screens over ${cells.length} cells 80%, committee dashboards 5%, meeting plans written 15%; token of 'canbo')`,
      `x${size}:   ${all.length} requests, ${rate.toFixed(1)} req/s = ${((100 * rate) / ceiling).toFixed(1)}% of the {__typename} ceiling with ${clients} clients (${ceiling.toFixed(0)} req/s)`,
      `x${size}:   latency p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (goal ≤ 500 ms: ${p99 <= 500 ? 'met' : 'NOT met'}), max ${(all[all.length - 1] ?? NaN).toFixed(0)} ms; errors ${errorCount} (goal 0: ${errorCount === 0 ? 'met' : 'NOT met'})`,
      `x${size}:   API process RSS ${startRss?.rss.toFixed(0) ?? '?'} MB before, peak ${peak.toFixed(0)} MB (goal ≤ 300 MB: ${peak <= 300 ? 'met' : 'NOT met'})`,
      loopAfter && loopBefore
        ? `x${size}:   API event loop: held at most ${loopAfter.longestMs} ms since start; ${loopAfter.slowSeconds - loopBefore.slowSeconds} of the ${seconds} s held past EVENT_LOOP_WARN_MS (200 ms by default)`
        : `x${size}:   API event loop: not reported`,
      after.requests
        ? `x${size}:   API request gate (MAX_CONCURRENT_REQUESTS): at most ${after.requests.maxActive} worked on at once, at most ${after.requests.maxQueued} waiting, ${after.requests.rejected} refused`
        : `x${size}:   API request gate: not reported`,
      ...actions.map((a) => {
        const xs = times.get(a.name)!.sort((x, y) => x - y);
        return `x${size}:     ${a.name.padEnd(36)} ${String(xs.length).padStart(6)} ok  median ${median(xs).toFixed(0).padStart(5)} ms  p99 ${percentile(xs, 99).toFixed(0).padStart(5)} ms`;
      }),
      ...[...errors.entries()].slice(0, 5).map(([k, n]) => `x${size}:     error ×${n}: ${k}`),
    ];
    return lines;
  } finally {
    server.kill();
  }
};
