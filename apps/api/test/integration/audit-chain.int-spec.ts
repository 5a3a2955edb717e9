import { AuditChainService } from '../../src/common/audit/audit-chain.service';
import { cliCaller } from '../../src/cli/context';
import { seed } from '../../src/cli/seed';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// The audit log is tamper-evident (docs/audit.md): rows cannot be changed through SQL while the guard trigger is on;
// with it off (someone with the owner's rights), `verify` finds the first changed row, a row changed together with
// its hash (its seal no longer matches), a removed row and a removed seal. Sealing never waits on writers and
// never seals a row whose hash is wrong.
describe('audit log hash chain', () => {
  let h: Harness;
  let chain: AuditChainService;
  let admin: string;
  let reader: () => Promise<string>;
  const VERIFY = `mutation { verifyAuditLog { ok rowsChecked sealsChecked unsealedRows firstBrokenId brokenSeal problem lastDigest runBy } }`;
  const LAST = `query { auditVerification { ok problem firstBrokenId } }`;
  const DIGESTS = `query($from: String) { auditDailyDigests(from: $from) { day seals rows firstSeq lastSeq lastDigest } }`;

  /** Runs `fn` with the guard trigger off, as an owner tampering with the table would. */
  const tamper = async (fn: () => Promise<unknown>) => {
    await h.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`);
    try {
      await fn();
    } finally {
      await h.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard`);
    }
  };
  const someSealedRow = async (): Promise<{ id: string; after: unknown; row_hash: Buffer; seal_seq: string }> =>
    (
      await h.ds.query(
        `SELECT id::text, after, row_hash, seal_seq::text FROM audit_log WHERE seal_seq IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET 2`,
      )
    )[0];

  beforeAll(async () => {
    h = await bootApp();
    chain = h.app.get(AuditChainService);
    admin = await h.userWith('SYSTEM_ADMIN');
    const t = await buildTree(h.gql, admin); // audited writes
    reader = () => h.userWith('COMMITTEE_READ', { organisationId: t.GA });
  });
  afterAll(() => h.close());

  it('hashes every new row on insert and verifies a sealed log as intact', async () => {
    const [{ missing }] = await h.ds.query(
      `SELECT count(*) FILTER (WHERE row_hash IS NULL)::int AS missing FROM audit_log`,
    );
    expect(missing).toBe(0);
    const res = await h.gql(VERIFY, {}, admin);
    expect(res.errors).toBeUndefined();
    const v = res.data.verifyAuditLog;
    expect(v).toMatchObject({ ok: true, unsealedRows: 0, firstBrokenId: null, brokenSeal: null, problem: null });
    expect(v.rowsChecked).toBeGreaterThanOrEqual(10);
    expect(v.sealsChecked).toBeGreaterThanOrEqual(1);
    expect(v.lastDigest).toMatch(/^[0-9a-f]{64}$/);
    // the check itself is audited, and the latest check is readable
    const [audit] = await h.ds.query(
      `SELECT operation FROM audit_log WHERE entity_type = 'audit_verification' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.operation).toBe('verifyAuditLog');
    expect((await h.gql(LAST, {}, admin)).data.auditVerification).toEqual({
      ok: true,
      problem: null,
      firstBrokenId: null,
    });
  });

  it('refuses UPDATE and DELETE of audit rows through SQL', async () => {
    const row = await someSealedRow();
    await expect(h.ds.query(`UPDATE audit_log SET after = '{"x":1}' WHERE id = $1`, [row.id])).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(h.ds.query(`DELETE FROM audit_log WHERE id = $1`, [row.id])).rejects.toThrow(/cannot be changed/);
    await expect(h.ds.query(`UPDATE audit_log SET seal_seq = NULL WHERE id = $1`, [row.id])).rejects.toThrow(
      /cannot be changed/,
    );
  });

  it('names the first changed row when a row is edited with the guard off, and is intact again once restored', async () => {
    const row = await someSealedRow();
    await tamper(() => h.ds.query(`UPDATE audit_log SET after = '{"tampered":true}' WHERE id = $1`, [row.id]));
    const v = await chain.verify('test');
    expect(v).toMatchObject({ ok: false, firstBrokenId: row.id });
    expect(v.problem).toContain(`audit row ${row.id}`);
    await tamper(() =>
      h.ds.query(`UPDATE audit_log SET after = $2 WHERE id = $1`, [row.id, JSON.stringify(row.after)]),
    );
    expect((await chain.verify('test')).ok).toBe(true);
  });

  it('finds a row changed together with its hash (its seal breaks), a removed row and a removed seal', async () => {
    const row = await someSealedRow();
    await tamper(() => h.ds.query(`UPDATE audit_log a SET after = '{"tampered":true}' WHERE id = $1`, [row.id]));
    await tamper(() => h.ds.query(`UPDATE audit_log a SET row_hash = audit_row_hash(a) WHERE id = $1`, [row.id]));
    let v = await chain.verify('test');
    expect(v).toMatchObject({ ok: false, brokenSeal: Number(row.seal_seq) });
    expect(v.problem).toMatch(/does not match its rows/);
    await tamper(() =>
      h.ds.query(`UPDATE audit_log a SET after = $2 WHERE id = $1`, [row.id, JSON.stringify(row.after)]),
    );
    await tamper(() => h.ds.query(`UPDATE audit_log a SET row_hash = audit_row_hash(a) WHERE id = $1`, [row.id]));
    expect((await chain.verify('test')).ok).toBe(true);

    // kept aside as it is (microseconds and all) to put it back afterwards
    await h.ds.query(
      `DROP TABLE IF EXISTS audit_kept; CREATE TABLE audit_kept AS SELECT * FROM audit_log WHERE id = ${Number(row.id)}`,
    );
    await tamper(() => h.ds.query(`DELETE FROM audit_log WHERE id = $1`, [row.id]));
    v = await chain.verify('test');
    expect(v).toMatchObject({ ok: false, brokenSeal: Number(row.seal_seq) });
    expect(v.problem).toMatch(/different number of rows/);
    await h.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_hash`);
    try {
      await h.ds.query(`INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM audit_kept`);
    } finally {
      await h.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_hash`);
      await h.ds.query(`DROP TABLE audit_kept`);
    }
    expect((await chain.verify('test')).ok).toBe(true);

    await chain.sealPending();
    await reader();
    await chain.sealPending(); // at least two seals
    const [first] = await h.ds.query(`SELECT * FROM audit_seal ORDER BY seq LIMIT 1`);
    await h.ds.query(`DELETE FROM audit_seal WHERE seq = $1`, [first.seq]);
    v = await chain.verify('test');
    expect(v.ok).toBe(false);
    await h.ds.query(
      `INSERT INTO audit_seal (seq, sealed_at, first_id, last_id, row_count, prev_digest, digest) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [first.seq, first.sealed_at, first.first_id, first.last_id, first.row_count, first.prev_digest, first.digest],
    );
    expect((await chain.verify('test')).ok).toBe(true);
  });

  it('does not seal a row whose hash is wrong, and verify names it while it is unsealed', async () => {
    await reader();
    const [row] = await h.ds.query(`SELECT id::text, after FROM audit_log WHERE seal_seq IS NULL ORDER BY id LIMIT 1`);
    await h.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`);
    await h.ds.query(`UPDATE audit_log SET after = '{"forged":1}' WHERE id = $1`, [row.id]);
    await h.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard`);
    const seals = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM audit_seal`))[0].n as number;
    const before = await seals();
    await expect(chain.sealPending()).rejects.toThrow(`audit row ${row.id} does not match its hash`);
    expect(await seals()).toBe(before);
    expect(await chain.verify('test')).toMatchObject({ ok: false, firstBrokenId: row.id });
    await tamper(() =>
      h.ds.query(`UPDATE audit_log SET after = $2 WHERE id = $1`, [row.id, JSON.stringify(row.after)]),
    );
    expect((await chain.sealPending()).rows).toBeGreaterThan(0);
    expect((await chain.verify('test')).ok).toBe(true);
  });

  it('seals while others write: every row lands in exactly one seal, and the chain verifies', async () => {
    const writes = Array.from({ length: 12 }, () => reader());
    const seals = Array.from({ length: 4 }, () => chain.sealPending());
    await Promise.all([...writes, ...seals]);
    await chain.sealPending();
    const [{ unsealed }] = await h.ds.query(
      `SELECT count(*) FILTER (WHERE seal_seq IS NULL)::int AS unsealed FROM audit_log`,
    );
    expect(unsealed).toBe(0);
    const [{ gaps }] = await h.ds.query(
      `SELECT count(*)::int AS gaps FROM (SELECT seq - lag(seq) OVER (ORDER BY seq) AS d FROM audit_seal) x WHERE d <> 1`,
    );
    expect(gaps).toBe(0);
    expect((await chain.verify('test')).ok).toBe(true);
  });

  it("prints the day's digest, and is for administrators only", async () => {
    const res = await h.gql(DIGESTS, { from: '2020-01-01' }, admin);
    expect(res.errors).toBeUndefined();
    const days = res.data.auditDailyDigests;
    expect(days.length).toBeGreaterThanOrEqual(1);
    const [last] = await h.ds.query(
      `SELECT seq::int, encode(digest, 'hex') AS digest FROM audit_seal ORDER BY seq DESC LIMIT 1`,
    );
    expect(days[days.length - 1]).toMatchObject({ lastSeq: last.seq, lastDigest: last.digest });
    const bad = errorOf(await h.gql(DIGESTS, { from: '2020-13-45' }, admin));
    expect(bad?.code).toBe('BAD_USER_INPUT');
    expect(bad?.fields).toEqual([expect.objectContaining({ field: 'from' })]);
    const token = await reader();
    for (const q of [VERIFY, LAST]) expect(errorOf(await h.gql(q, {}, token))?.code).toBe('FORBIDDEN');
  });

  // Issue 14, "Done when": `audit verify` passes on a seeded database and fails on a tampered row. The demo seed writes
  // its audit rows in bulk (not through recordAudit): they must chain and seal like any other.
  it('verifies a seeded database as intact, and names a tampered seeded row', async () => {
    const [{ last }] = await h.ds.query(`SELECT coalesce(max(id), 0)::text AS last FROM audit_log`);
    const { created } = await seed(h.app, cliCaller(), { scale: 0.05, seed: 2026, log: () => undefined });
    // The suites of one run share a database: when another suite seeded it first, the seed adds nothing and the
    // seeded rows are older than this test, so the whole log is the seeded database's.
    const before = created ? last : '0';
    const [{ seeded }] = await h.ds.query(`SELECT count(*)::int AS seeded FROM audit_log WHERE id > $1`, [before]);
    expect(seeded).toBeGreaterThan(100);
    // as the CLI's `audit verify` does: seal what is pending, then walk the chain
    await chain.sealPending();
    const v = await chain.verify('test');
    expect(v).toMatchObject({ ok: true, unsealedRows: 0, firstBrokenId: null, problem: null });
    expect(v.rowsChecked).toBeGreaterThanOrEqual(seeded);
    const [row] = await h.ds.query(
      `SELECT id::text, before FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1 OFFSET 50`,
      [before],
    );
    await tamper(() => h.ds.query(`UPDATE audit_log SET before = '{"tampered":true}' WHERE id = $1`, [row.id]));
    const broken = await chain.verify('test');
    expect(broken).toMatchObject({ ok: false, firstBrokenId: row.id });
    await tamper(() =>
      h.ds.query(`UPDATE audit_log SET before = $2 WHERE id = $1`, [
        row.id,
        row.before === null ? null : JSON.stringify(row.before),
      ]),
    );
    expect((await chain.verify('test')).ok).toBe(true);
  }, 300_000);
});
