import { elementAt } from '@chibo/domain';
// Issue 14, "Done when": a sync script follows the change feed through an API restart with no gap and no duplicate.
// The built API (dist/main.js) runs as a child process; the example client (scripts/examples/sync-changes.mjs) follows
// `changes` from it in its polling mode, as an integrator runs it; a writer keeps planning meetings through a second
// API process on the same database the whole time; mid-stream the first API is killed (SIGKILL: no graceful
// shutdown) and started again on the same port. The script must print every event of its token's subtree exactly
// once, in the feed's order, including those committed while its API was down.
//
// Needs the build and a PostgreSQL server, like multi-process.int-spec.ts: skipped with a message without the build
// (never in CI), and on the embedded database (two processes cannot share one PGlite data directory).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  apiReady,
  childApiSuite,
  CLI,
  freePorts,
  freshDatabase,
  gqlAt,
  startApi,
  stopApi,
  type ApiProc,
} from '../setup/api-process';

const suite = childApiSuite('change-feed-restart.int-spec.ts');

const SCRIPT = resolve(__dirname, '../../../../scripts/examples/sync-changes.mjs');
const PASSWORD = 'Dong-bo-thay-doi@2026';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Ev = { id: string; type: string; subjectId: string | null };

suite('the example sync client across an API restart', () => {
  const db = freshDatabase({ NOTICE_JOB_INTERVAL_SECONDS: '0', WEBHOOK_POLL_MS: '0' });
  const { env } = db;
  const scratch = mkdtempSync(join(tmpdir(), 'chibo-sync-restart-'));
  const children: ChildProcess[] = [];
  const start = (name: string, port: number): ApiProc => {
    const p = startApi(name, port, { ...env, CHIBO_DATA_DIR: join(scratch, name) });
    children.push(p.child);
    return p;
  };

  beforeAll(() => db.create());

  afterAll(async () => {
    await Promise.all(children.map((ch) => stopApi(ch)));
    await db.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints every event of its subtree once, in order, though its API is killed and restarted while writes go on', async () => {
    const ports = await freePorts(2, process.env.CHIBO_TEST_PORTS_SYNC ?? '4320-4339');
    const portA = elementAt(ports, 0, 'free port');
    const portW = elementAt(ports, 1, 'free port');
    let A = start('A', portA);
    const W = start('W', portW);
    await apiReady(A);
    await apiReady(W);
    await new Promise<void>((done, fail) =>
      execFile(
        process.execPath,
        [CLI, 'create-admin', 'quantri', PASSWORD],
        { env: { ...env, CHIBO_DATA_DIR: join(scratch, 'cli') } },
        (e, _o, err) => (e ? fail(new Error(`create-admin: ${err}`)) : done()),
      ),
    );
    const token = (
      await gqlAt(W, `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
        i: { username: 'quantri', password: PASSWORD },
      })
    ).signIn.accessToken as string;
    const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
    const root = (
      await gqlAt(
        W,
        CREATE_ORG,
        { i: { code: 'DB', name: 'Đảng bộ đồng bộ', kind: 'COMMITTEE', establishedOn: '2015-01-01' } },
        token,
      )
    ).createOrganisation.id as string;
    const cell = (
      await gqlAt(
        W,
        CREATE_ORG,
        {
          i: { code: 'DB.1', name: 'Chi bộ Một', kind: 'GRASSROOTS_CELL', parentId: root, establishedOn: '2015-01-01' },
        },
        token,
      )
    ).createOrganisation.id as string;
    // outside the token's subtree: its events must not reach the script
    const other = (
      await gqlAt(
        W,
        CREATE_ORG,
        { i: { code: 'KH', name: 'Đảng bộ khác', kind: 'COMMITTEE', establishedOn: '2015-01-01' } },
        token,
      )
    ).createOrganisation.id as string;
    const otherCell = (
      await gqlAt(
        W,
        CREATE_ORG,
        {
          i: {
            code: 'KH.1',
            name: 'Chi bộ khác',
            kind: 'GRASSROOTS_CELL',
            parentId: other,
            establishedOn: '2015-01-01',
          },
        },
        token,
      )
    ).createOrganisation.id as string;
    const apiToken = (
      await gqlAt(
        W,
        `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`,
        { i: { name: 'sync', organisationId: root, access: 'READ' } },
        token,
      )
    ).createApiToken.secret as string;

    // the integrator's script, following A, polling every 200 ms
    const out: string[] = [];
    const err: string[] = [];
    const sync = spawn(process.execPath, [SCRIPT], {
      env: {
        PATH: process.env.PATH,
        CHIBO_URL: `${A.base}/graphql`,
        CHIBO_TOKEN: apiToken,
        CURSOR_FILE: join(scratch, 'cursor'),
        POLL_SECONDS: '0.2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(sync);
    sync.stdout?.on('data', (d: Buffer) => out.push(d.toString()));
    sync.stderr?.on('data', (d: Buffer) => err.push(d.toString()));
    const printed = (): Ev[] =>
      out
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Ev);

    // the writer: meetings planned through W without a pause until told to stop, in and out of the subtree
    const planned: string[] = [];
    const outside: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const inside = i % 4 !== 3;
        const date = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const res = await gqlAt(
          W,
          `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
          {
            i: { organisationId: inside ? cell : otherCell, kind: 'REGULAR', title: `Sinh hoạt ${i}`, date },
          },
          token,
        );
        (inside ? planned : outside).push(res.createMeeting.id);
      }
    })();

    const until = async (what: string, cond: () => boolean, ms = 60_000) => {
      const end = Date.now() + ms;
      while (!cond()) {
        if (Date.now() > end)
          throw new Error(
            `timed out waiting for ${what}; printed ${printed().length}, planned ${planned.length}; stderr: ${err.join('')}`,
          );
        if (sync.exitCode !== null) throw new Error(`the sync script exited (${sync.exitCode}): ${err.join('')}`);
        await sleep(100);
      }
    };
    // mid-stream: the script has printed some of the meetings
    await until('the first meetings', () => printed().filter((e) => e.type === 'meeting.planned').length >= 5);
    const beforeKill = printed().length;
    await stopApi(A.child, 'SIGKILL');
    const writtenWhileDown = planned.length;
    await sleep(1500); // the script finds its API gone, writes go on through W
    A = start('A2', portA);
    await apiReady(A);
    await until('writes while A was down', () => planned.length >= writtenWhileDown + 10);
    writing = false;
    await writer;
    await until('every planned meeting', () => planned.every((id) => printed().some((e) => e.subjectId === id)));
    await sleep(600); // three more polls: nothing else must come
    await stopApi(sync);

    const events = printed();
    expect(err.join('')).toMatch(/unreachable/); // it did meet the restart
    expect(beforeKill).toBeLessThan(events.length);
    // no duplicate
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // no gap: exactly the feed of the token's subtree, in its order, as a fresh reader sees it from the start
    const feed: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { cursor: string | null; hasMore: boolean; items: { id: string }[] } = (
        await gqlAt(
          A,
          `query($after: String) { changes(after: $after, limit: 500) { cursor hasMore items { id } } }`,
          { after },
          apiToken,
        )
      ).changes;
      feed.push(...page.items.map((e) => e.id));
      after = page.cursor;
      if (!page.hasMore) break;
    }
    expect(events.map((e) => e.id)).toEqual(feed);
    const meetings = events.filter((e) => e.type === 'meeting.planned').map((e) => e.subjectId);
    expect(meetings).toEqual(planned);
    expect(meetings.filter((id) => outside.includes(id!))).toEqual([]);
    expect(outside.length).toBeGreaterThan(0);
  }, 300_000);
});
