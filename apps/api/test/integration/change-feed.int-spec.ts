import { first } from '@chibo/domain';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { recordAudit, type Caller } from '../../src/common/audit/audit.service';
import { cliCaller } from '../../src/cli/context';
import { MemberImportService } from '../../src/modules/member/member-import.service';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { settle } from '../setup/settle';
import { buildTree, nationalId } from '../setup/fixtures';

// Domain events and the change feed (docs/graphql.md#change-feed): every mapped write appends its event in its own
// transaction; `changes` returns them in commit order by cursor, never skipping an event of a transaction that
// commits late, never repeating one from a stored cursor, and only inside the caller's readable subtrees.
describe('domain events and the change feed', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  let readerA: string;
  let readerB: string;
  let member: string;
  const CHANGES = `query($after: String, $types: [String!], $organisationId: ID, $limit: Int) {
    changes(after: $after, types: $types, organisationId: $organisationId, limit: $limit) {
      cursor hasMore items { cursor id type version occurredAt actorType actorName subjectType subjectId organisationId payload }
    }
  }`;
  type Ev = {
    cursor: string;
    id: string;
    type: string;
    version: number;
    subjectId: string | null;
    organisationId: string | null;
    payload: Record<string, unknown>;
  };
  type Page = { cursor: string | null; hasMore: boolean; items: Ev[] };

  const page = async (token: string, vars: Record<string, unknown> = {}): Promise<Page> => {
    const res = await h.gql<{ changes: Page }>(CHANGES, vars, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.changes;
  };
  /**
   * Follows the feed from `after` to its end, `limit` at a time, as a sync client does; first (unless `settleFirst` is
   * false) waits for the server's older transactions to end (setup/settle.ts), so that what the test wrote is there.
   */
  const follow = async (
    token: string,
    after: string | null,
    vars: Record<string, unknown> = {},
    limit = 500,
    settleFirst = true,
  ): Promise<{ items: Ev[]; cursor: string | null }> => {
    if (settleFirst) await settle(h.ds);
    const items: Ev[] = [];
    let cursor = after;
    for (;;) {
      const p = await page(token, { ...vars, after: cursor, limit });
      items.push(...p.items);
      cursor = p.cursor;
      if (!p.hasMore) return { items, cursor };
    }
  };
  const CREATE_MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
  const planMeeting = async (organisationId: string, date: string): Promise<string> => {
    const res = await h.gql(
      CREATE_MEETING,
      {
        i: {
          organisationId,
          kind: 'REGULAR',
          title: `Sinh hoạt ${date}`,
          date,
          startTime: '14:00',
          endTime: '16:00',
          place: 'Hội trường',
        },
      },
      admin,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createMeeting.id;
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    readerA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    readerB = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    member = await h.userWith('MEMBER', { memberId: t.m1 });
  });
  afterAll(() => h.close());

  it('appends an event with the write, scoped by the organisation and its path, with the documented payload', async () => {
    const { items } = await follow(readerA, null);
    const created = items.filter((e) => e.type === 'organisation.created').map((e) => e.subjectId);
    expect(created).toEqual([t.A, t.GA, t.a1, t.a2]);
    const admitted = items.filter((e) => e.type === 'member.admitted');
    expect(admitted.map((e) => e.subjectId)).toEqual([t.m1, t.m2, t.m3, t.m4]);
    expect(admitted[0]).toMatchObject({
      version: 1,
      organisationId: t.a1,
      payload: {
        memberId: t.m1,
        joinedOn: '2015-01-01',
        admissionDecisionDate: '2010-05-01',
        ceremonyDate: '2010-05-19',
      },
    });
    // the payload carries only the documented keys: no personal data from the input (name, national id, birth date)
    expect(Object.keys(first(admitted, 'member.admitted event').payload).sort()).toEqual([
      'admissionDecisionDate',
      'ceremonyDate',
      'joinedOn',
      'memberId',
    ]);
    const [row] = await h.ds.query(
      `SELECT organisation_path AS path, txid::text FROM domain_event WHERE subject_id = $1 AND type = 'member.admitted'`,
      [t.m1],
    );
    expect(row.path).toMatch(new RegExp(`/${t.A}/${t.GA}/${t.a1}/$`));
    // the event and the audit row were written by the same transaction
    const [audit] = await h.ds.query(
      `SELECT request_id FROM audit_log WHERE operation = 'createMember' AND entity_id = $1`,
      [t.m1],
    );
    const [ev] = await h.ds.query(
      `SELECT request_id FROM domain_event WHERE subject_id = $1 AND type = 'member.admitted'`,
      [t.m1],
    );
    expect(ev.request_id).toBe(audit.request_id);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const subject = randomUUID();
    await expect(
      h.ds.transaction(async (m) => {
        await recordAudit(m, cliCaller(), {
          operation: 'closeMeeting',
          entityType: 'meeting',
          entityId: subject,
          organisationId: t.a1,
          after: { state: 'CLOSED' },
        });
        throw new Error('the write fails after its audit entry');
      }),
    ).rejects.toThrow('the write fails');
    expect(await h.ds.query(`SELECT 1 FROM domain_event WHERE subject_id = $1`, [subject])).toEqual([]);
  });

  it('refuses an event whose write path does not give its organisation', async () => {
    await expect(
      h.ds.transaction((m) =>
        recordAudit(m, cliCaller(), { operation: 'closeMeeting', entityType: 'meeting', entityId: randomUUID() }),
      ),
    ).rejects.toThrow(/needs AuditEntry.organisationId/);
  });

  it('keeps each reader inside its subtree; an organisation outside answers NOT_FOUND like a missing one', async () => {
    const mA = await planMeeting(t.a1, '2026-02-10');
    const mB = await planMeeting(t.b1, '2026-02-11');
    const a = (await follow(readerA, null)).items;
    const b = (await follow(readerB, null)).items;
    const inA = new Set([t.A, t.GA, t.a1, t.a2]);
    const inB = new Set([t.B, t.GB, t.b1]);
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((e) => inA.has(e.organisationId!))).toBe(true);
    expect(b.every((e) => inB.has(e.organisationId!))).toBe(true);
    expect(a.map((e) => e.subjectId)).toContain(mA);
    expect(a.map((e) => e.subjectId)).not.toContain(mB);
    expect(b.map((e) => e.subjectId)).toContain(mB);
    // a subtree filter inside the scope
    const a1Only = (await follow(readerA, null, { organisationId: t.a1 })).items;
    expect(a1Only.length).toBeGreaterThan(0);
    expect(a1Only.every((e) => e.organisationId === t.a1)).toBe(true);
    // outside the scope, or missing: the same NOT_FOUND
    expect(errorOf(await h.gql(CHANGES, { organisationId: t.b1 }, readerA))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await h.gql(CHANGES, { organisationId: randomUUID() }, readerA))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // a member's own-cell access does not reach the feed
    expect((await page(member)).items).toEqual([]);
    expect(errorOf(await h.gql(CHANGES, { organisationId: t.a1 }, member))).toMatchObject({ code: 'NOT_FOUND' });
    // administrators see every tree
    const all = (await follow(admin, null)).items.map((e) => e.subjectId);
    expect(all).toEqual(expect.arrayContaining([mA, mB]));
  });

  it('scopes an import by the deepest organisation containing every cell it wrote', async () => {
    const row = (cell: string, fullName: string) => ({
      organisationCode: `${t.prefix}.${cell}`,
      fullName,
      gender: 'Nam',
      nationalId: nationalId(),
      birthDate: '1990-01-02',
      admissionDecisionDate: '2020-03-01',
      ceremonyDate: '2020-03-20',
    });
    const res = await h.app
      .get(MemberImportService)
      .importMembers(cliCaller(), [row('a1', 'Nhập Văn Một'), row('a2', 'Nhập Văn Hai')], {
        source: { name: 'hai-chi-bo.csv', sha256: 'ab'.repeat(32) },
      });
    expect(res).toMatchObject({ created: 2, skipped: 0 });
    const [ev] = (await follow(readerA, null, { types: ['import.finished'] })).items;
    expect(ev).toMatchObject({
      organisationId: t.GA,
      subjectType: 'import',
      subjectId: 'ab'.repeat(32),
      payload: { operation: 'importMembers', file: 'hai-chi-bo.csv', rows: 2, created: 2, updated: 0, skipped: 0 },
    });
    expect((await follow(readerB, null, { types: ['import.finished'] })).items).toEqual([]);
  });

  it('hides organisation ids in payloads that the reader may not read', async () => {
    const cell = await t.org(`mv${Date.now() % 100000}`, 'Chi bộ chuyển', 'SUBORDINATE_CELL', t.GA);
    const res = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
      { i: { id: cell, newParentId: t.GB, effectiveOn: '2026-01-05' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const moved = (await follow(readerB, null, { types: ['organisation.moved'] })).items.find(
      (e) => e.subjectId === cell,
    )!;
    expect(moved.payload).toMatchObject({
      organisationId: cell,
      fromParentId: null,
      toParentId: t.GB,
      effectiveOn: '2026-01-05',
    });
    const asAdmin = (await follow(admin, null, { types: ['organisation.moved'] })).items.find(
      (e) => e.subjectId === cell,
    )!;
    expect(asAdmin.payload).toMatchObject({ fromParentId: t.GA, toParentId: t.GB });
  });

  it('resumes from a cursor with no duplicates and no gaps, page by page, while writes go on', async () => {
    const whole = (await follow(readerA, null)).items;
    const seen: Ev[] = [];
    let cursor: string | null = null;
    let writes = 0;
    for (;;) {
      const p = await page(readerA, { after: cursor, limit: 3 });
      seen.push(...p.items);
      cursor = p.cursor;
      // a write between two pages: it comes after everything read so far
      if (writes < 3) {
        await planMeeting(t.a2, `2026-03-1${writes}`);
        writes++;
      }
      if (!p.hasMore) break;
    }
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, whole.length)).toEqual(whole.map((e) => e.id));
    // what was written after the last page comes from the stored cursor, once
    const rest = (await follow(readerA, cursor)).items;
    const planned = [...seen, ...rest].filter((e) => e.type === 'meeting.planned' && e.organisationId === t.a2);
    expect(planned).toHaveLength(3);
    expect(new Set([...seen, ...rest].map((e) => e.id)).size).toBe(seen.length + rest.length);
    // up to date: an empty page keeps the cursor
    const end = (await follow(readerA, null)).cursor;
    expect(await page(readerA, { after: end })).toEqual({ items: [], cursor: end, hasMore: false });
  });

  it('filters by event type and refuses unknown types, bad cursors and limits', async () => {
    const only = (await follow(readerA, null, { types: ['meeting.planned', 'member.admitted'] })).items;
    expect(only.length).toBeGreaterThan(0);
    expect(new Set(only.map((e) => e.type))).toEqual(new Set(['meeting.planned', 'member.admitted']));
    expect(errorOf(await h.gql(CHANGES, { types: ['meeting.teleported'] }, readerA))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(errorOf(await h.gql(CHANGES, { after: 'not-a-cursor' }, readerA))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await h.gql(CHANGES, { limit: 0 }, readerA))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await h.gql(CHANGES, { limit: 501 }, readerA))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  // PGlite runs one transaction at a time (its socket server gives the backend to one transaction until it ends), so
  // two open writing transactions cannot interleave there: this case exists only on PostgreSQL.
  const pgOnly = process.env.CHIBO_TEST_EMBEDDED === '1' ? it.skip : it;
  pgOnly('never skips the events of a transaction that started first but commits last', async () => {
    const caller: Caller = cliCaller();
    const start = (await follow(readerA, null)).cursor;
    const first = h.ds.createQueryRunner();
    const second = h.ds.createQueryRunner();
    await first.connect();
    await second.connect();
    try {
      const s1 = randomUUID();
      const s2 = randomUUID();
      await first.startTransaction();
      await recordAudit(first.manager, caller, {
        operation: 'closeMeeting',
        entityType: 'meeting',
        entityId: s1,
        organisationId: t.a1,
      }); // lower txid
      await second.startTransaction();
      await recordAudit(second.manager, caller, {
        operation: 'closeMeeting',
        entityType: 'meeting',
        entityId: s2,
        organisationId: t.a1,
      }); // higher txid
      await second.commitTransaction(); // the later one commits first
      const [x1] = await h.ds.query(`SELECT txid::text FROM domain_event WHERE subject_id = $1`, [s2]);
      const [{ own }] = await first.query(`SELECT pg_current_xact_id()::text AS own`);
      expect(BigInt(own)).toBeLessThan(BigInt(x1.txid));
      // while the first is still open, a reader gets neither (the second's event waits for the first)
      const during = await follow(readerA, start, {}, 500, false); // settling would wait for `first`
      expect(during.items.map((e) => e.subjectId)).not.toContain(s2);
      await first.commitTransaction();
      // from the cursor it stored meanwhile, the reader gets both, in commit-id order, once each
      const after = await follow(readerA, during.cursor);
      const subjects = after.items.map((e) => e.subjectId);
      expect(subjects.filter((s) => s === s1 || s === s2)).toEqual([s1, s2]);
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      if (second.isTransactionActive) await second.rollbackTransaction();
      await first.release();
      await second.release();
    }
  });

  it('the example sync script follows the feed across an API restart with no gap and no duplicate', async () => {
    const created = await h.gql(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`,
      { i: { name: 'sync-example', organisationId: t.A, access: 'READ' } },
      admin,
    );
    const token = created.data.createApiToken.secret as string;
    const dir = mkdtempSync(join(tmpdir(), 'chibo-sync-'));
    const cursorFile = join(dir, 'cursor');
    const script = resolve(__dirname, '../../../../scripts/examples/sync-changes.mjs');
    const run = async (port: number): Promise<Ev[]> => {
      const { stdout } = await promisify(execFile)(process.execPath, [script, '--once'], {
        env: {
          ...process.env,
          CHIBO_URL: `http://127.0.0.1:${port}/graphql`,
          CHIBO_TOKEN: token,
          CURSOR_FILE: cursorFile,
        },
      });
      return stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    };
    const listen = async (app: Harness['app']): Promise<number> => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      return (app.getHttpServer().address() as { port: number }).port;
    };
    const whole = (await follow(readerA, null)).items.map((e) => e.id);
    const first = await run(await listen(h.app));
    expect(first.map((e) => e.id)).toEqual(whole);
    expect(existsSync(cursorFile)).toBe(true);
    // the API stops; writes happen through another instance; a fresh instance serves the next run
    await h.close();
    h = await bootApp();
    const meeting = await planMeeting(t.a1, '2026-05-14');
    await settle(h.ds);
    const second = await run(await listen(h.app));
    expect(second.map((e) => e.subjectId)).toEqual([meeting]);
    expect(new Set([...first, ...second].map((e) => e.id)).size).toBe(first.length + second.length);
    // up to date: nothing more, and the stored cursor is the feed's end
    expect(await run((h.app.getHttpServer().address() as { port: number }).port)).toEqual([]);
    expect(readFileSync(cursorFile, 'utf8').trim()).toBe((await follow(readerA, null)).cursor);
  });
});
