import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { today } from '../database/sql';
import { DEMO_PASSWORD } from './seed';

// The typical screens of issue 13 goal 1, each as the web app asks for it (same fields), for one cell of ~30 members
// (the rating round page filtered to that cell, as its organisation filter does).
// Every section of the dashboard, as the web app asks for it.
export const DASHBOARD_FIELDS = `members { members fullMembers probationaryMembers exemptMembers admissions membersAtYearStart leftInPeriod { status count } trend { year members admissions } }
  meetings { cells cellsBehind behindPercent attendancePercent held byKind { kind count } }
  visits { assignments assignmentsBehind required done scored unscored cellsWithoutVisitor }
  organisations { total byKind { kind count } flagCounts { code count } }
  children { organisation { code name } members cells cellsBehind visitAssignmentsBehind alerts alertErrors }
  alerts { total countsByCode { code count } countsBySeverity { severity count } }`;

export const MEMBERS = `query($o: ID!, $d: Date) { members(filter: { organisationId: $o }, page: { offset: 0, limit: 50 }, asOf: $d) {
  total offset limit items { id fullName birthDate status ceremonyDate probationState partyAge { years months } organisation { id name } } } }`;
export const MEETINGS = `query($o: ID!, $from: Date, $to: Date) { meetingList(filter: { organisationId: $o, from: $from, to: $to }, page: { offset: 0, limit: 100 }) {
  total offset limit items { id organisationId kind title date startTime endTime actualStart actualEnd place state organisation { id name }
    attendanceRate { present expected percent } flags { code severity message messageEn } } } }`;
export const ORGANISATION = `query($o: ID!, $d: Date) { organisation(id: $o, asOf: $d) {
  id code name kind levelName unitServed establishedOn dissolvedOn termStart termEnd termType hasCellCommittee
  parent { id name } ancestors { id name } flags { code severity message messageEn }
  subtreeCounts { organisations byKind { kind count } members fullMembers probationaryMembers }
  committee { id role from to member { id fullName } }
  children { id code name kind childCount dissolvedOn memberCount fullMemberCount probationaryCount }
  history { id type effectiveOn note recordedAt fromParentId toParentId relatedId } } }`;
export const MEMBER = `query($m: ID!, $d: Date) { member(id: $m, asOf: $d) {
  id fullName birthDate gender ethnicity religion homeTown residence nationalId cardNumber fileNumber leftOn admissionDecisionDate ceremonyDate
  fullMembershipDate introducers educationGeneral educationProfessional politicalTheory job post status exemption temporarilyAway
  organisation { id name } partyAge { years months } probationState probationEnd recognitionDeadline nextBadge { milestone reachedOn awardOn }
  events { id type effectiveOn organisationId toOrganisationId externalOrganisation reason note endOn recordedAt }
  disciplines { id form decidingBody decidedOn reason } } }`;
const ROUND = `query($r: ID!, $o: ID) {
  ratingRound(id: $r) { id organisationId year periodKind periodLabel title selfAssessmentDue proposalDue decisionDue state openedAt openedBy announcedAt ratingCount decidedCount }
  ratings(filter: { roundId: $r, organisationId: $o }, page: { offset: 0, limit: 50 }) { total items { id roundId year subjectKind memberId subjectOrganisationId subjectName organisationId
    organisationName proposerId deciderId quotaGroupId scheme rawLabel score computedLevel blockReasons proposedLevel proposalNote decidedLevel decisionReason
    quotaOverrideReason stage selfAssessedAt selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed note } } } }`;
export const INSPECTIONS = `query($o: ID!, $d: Date, $y: Int) { inspections(filter: { organisationId: $o, asOf: $d, year: $y }, page: { offset: 0, limit: 50 }) {
  total offset limit items { id organisationId body type title plannedFrom plannedTo startedOn concludedOn state countsTowardTarget organisation { id name } subjects { memberId } } } }`;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** The fields of a GraphQL answer, or the errors as an exception. */
export type BenchPost = (
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  headers?: Record<string, string>,
) => Promise<Record<string, any>>;

/**
 * The API as in production (dist/main.js, or `serverMain` of another build) on `databaseUrl`, listening on a free
 * local port; resolves once it answers `{ __typename }`. `env` adds to or overrides its environment; `base` is its
 * origin (http://127.0.0.1:port) for requests other than GraphQL posts.
 */
export const startBenchServer = async (
  databaseUrl: string,
  serverMain?: string,
  env: Record<string, string> = {},
): Promise<{ process: ChildProcess; post: BenchPost; base: string }> => {
  const port = await freePort();
  const child = spawn(process.execPath, [serverMain ?? join(__dirname, '..', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/graphql`;
  const post: BenchPost = async (query, variables, token, headers = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data!;
  };
  for (let i = 0; ; i++) {
    try {
      await post('{ __typename }', {});
      break;
    } catch (e) {
      if (i > 600) {
        child.kill();
        throw e;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { process: child, post, base };
};

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN; // NaN for no samples
};

/**
 * The screens of one cell against the API's own ceiling, through real HTTP: the API runs as a separate process
 * (dist/main.js, as in production) listening on a free local port, and `clients` concurrent clients post each
 * request for `seconds`; then the same request alone, `runs` times (median). Prints one line per screen with the
 * goals of issue 13 beside the figures (`serverMain`: another build's dist/main.js, to compare two versions): ≥ 40% of the `{__typename}` ceiling at ×1, ≥ 25% at ×30, a single request
 * ≤ 20 ms at ×30.
 */
export const benchScreens = async (
  databaseUrl: string,
  size: number,
  opts: { clients?: number; seconds?: number; runs?: number; serverMain?: string } = {},
): Promise<string[]> => {
  const clients = opts.clients ?? 20;
  const seconds = opts.seconds ?? 5;
  const runs = opts.runs ?? 30;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let server: ChildProcess | null = null;
  try {
    // The subjects: the cell closest to 30 members today, one of its members, its latest year of meetings, a round rating it.
    const [cell] = await db
      .query(
        `SELECT ms.organisation_id AS id, count(*)::int AS n FROM membership ms WHERE ms.kind = 'PERMANENT' AND ms.valid_to IS NULL
        GROUP BY ms.organisation_id ORDER BY abs(count(*) - 30), ms.organisation_id LIMIT 1`,
      )
      .then((r) => r.rows);
    if (!cell) throw new Error('The database has no members: seed it first');
    const [{ member }] = (
      await db.query(
        `SELECT min(member_id::text) AS member FROM membership WHERE organisation_id = $1 AND valid_to IS NULL`,
        [cell.id],
      )
    ).rows;
    const [{ year, meetings }] = (
      await db.query(
        `SELECT COALESCE(extract(year FROM max(meeting_date))::int, extract(year FROM now())::int) AS year,
              count(*) FILTER (WHERE extract(year FROM meeting_date) = (SELECT extract(year FROM max(meeting_date)) FROM meeting WHERE organisation_id = $1 AND meeting_date <= $2::date))::int AS meetings
         FROM meeting WHERE organisation_id = $1 AND meeting_date <= $2::date`,
        [cell.id, today()],
      )
    ).rows;
    const [round] = (
      await db.query(
        `SELECT r.round_id AS id, (SELECT count(*)::int FROM rating x WHERE x.round_id = r.round_id AND x.organisation_id = $1) AS n FROM rating r
        WHERE r.organisation_id = $1 AND r.round_id IS NOT NULL ORDER BY r.year DESC LIMIT 1`,
        [cell.id],
      )
    ).rows;
    const [{ inspections }] = (
      await db.query(`SELECT count(*)::int AS inspections FROM inspection WHERE organisation_id = $1`, [cell.id])
    ).rows;

    const started = await startBenchServer(databaseUrl, opts.serverMain);
    server = started.process;
    const { post } = started;
    // A committee cadre of the whole tree (COMMITTEE_WRITE at the root): the scope checks run, as for real users.
    const signIn = await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { username: 'canbo', password: DEMO_PASSWORD },
    });
    const token = signIn.signIn.accessToken as string;

    const d = today();
    const screens: [string, string, Record<string, unknown>][] = [
      ['{__typename} with a token (the ceiling)', '{ __typename }', {}],
      [`members of one ${cell.n}-member cell`, MEMBERS, { o: cell.id, d }],
      [
        `that cell's meetings (${year}: ${meetings})`,
        MEETINGS,
        { o: cell.id, from: `${year}-01-01`, to: `${year}-12-31` },
      ],
      ['organisation page (that cell)', ORGANISATION, { o: cell.id, d }],
      ["a member's page", MEMBER, { m: member, d }],
      ...(round
        ? [
            [`rating round page, that cell's ${round.n} ratings`, ROUND, { r: round.id, o: cell.id }] as [
              string,
              string,
              Record<string, unknown>,
            ],
          ]
        : []),
      [`inspection records of that cell (${inspections})`, INSPECTIONS, { o: cell.id, d, y: Number(d.slice(0, 4)) }],
    ];
    const share = size >= 30 ? 25 : 40;
    const lines: string[] = [
      `x${size}: screens through HTTP, ${clients} concurrent clients for ${seconds} s each, token of 'canbo' (COMMITTEE_WRITE at the root); tables analysed`,
    ];
    let ceiling = 0;
    for (const [label, query, vars] of screens) {
      for (let i = 0; i < 5; i++) await post(query, vars, token); // warm-up (and the answer is checked for errors)
      const single: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        await post(query, vars, token);
        single.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      let done = 0;
      let failed = 0;
      const start = Date.now();
      const until = start + seconds * 1000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (Date.now() < until) {
            try {
              await post(query, vars, token);
              done++;
            } catch {
              failed++;
            }
          }
        }),
      );
      const rate = done / ((Date.now() - start) / 1000);
      const ms = median(single);
      if (!ceiling) {
        ceiling = rate;
        lines.push(
          `x${size}: ${label.padEnd(46)} ${rate.toFixed(0).padStart(6)} req/s = 100%${''.padEnd(26)}single request median ${ms.toFixed(1)} ms${failed ? `, ${failed} errors` : ''}`,
        );
        continue;
      }
      const pct = (100 * rate) / ceiling;
      const msGoal = size >= 30 ? ` (goal ≤ 20 ms: ${ms <= 20 ? 'met' : 'NOT met'})` : '';
      lines.push(
        `x${size}: ${label.padEnd(46)} ${rate.toFixed(1).padStart(6)} req/s = ${pct.toFixed(1).padStart(5)}% (goal ≥ ${share}%: ${pct >= share ? 'met' : 'NOT met'})  ` +
          `single request median ${ms.toFixed(1)} ms${msGoal}${failed ? `, ${failed} errors` : ''}`,
      );
    }
    return lines;
  } finally {
    server?.kill();
    await db.end();
  }
};
