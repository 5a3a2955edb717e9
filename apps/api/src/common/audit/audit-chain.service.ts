import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Rows sealed at most per seal (a seal's digest covers their hashes in id order). */
export const SEAL_BATCH_MAX = 50_000;
/** The advisory lock that makes sealing one-at-a-time across processes. */
const SEAL_LOCK = 7_301_014;

export type SealResult = { seals: number; rows: number; lastSeq: number | null; lastDigest: string | null };

export type AuditVerification = {
  id: string;
  at: Date;
  ok: boolean;
  rowsChecked: number;
  sealsChecked: number;
  unsealedRows: number;
  firstBrokenId: string | null;
  brokenSeal: number | null;
  problem: string | null;
  lastDigest: string | null;
  runBy: string;
};

export type DailyDigest = {
  day: string;
  seals: number;
  rows: number;
  firstSeq: number;
  lastSeq: number;
  lastDigest: string;
};

const hex = (b: Buffer | null | undefined): string | null => (b ? Buffer.from(b).toString('hex') : null);

/**
 * The audit log's hash chain (docs/audit.md). Writers only insert (a trigger stores each row's content hash);
 * sealing runs apart from them, one sealer at a time (an advisory lock), and chains batches of row hashes:
 * digest(n) = sha256(digest(n-1) || row count || row hashes in id order). `verify` recomputes every row hash and
 * every seal and names the first broken link.
 */
@Injectable()
export class AuditChainService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('AuditChain');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.auditSealIntervalSeconds;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sealPending()
        .catch((e: unknown) =>
          this.log.warn(`sealing the audit log failed: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => (this.running = null));
    }, every * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Seals every committed, unsealed row, in batches of at most SEAL_BATCH_MAX. Refuses (throws) if a row's hash is wrong. */
  async sealPending(): Promise<SealResult> {
    const result: SealResult = { seals: 0, rows: 0, lastSeq: null, lastDigest: null };
    for (;;) {
      const sealed = await this.ds.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock($1)`, [SEAL_LOCK]);
        // One statement, so one snapshot: the rows hashed are exactly the rows marked (a row committed meanwhile
        // waits for the next seal), and nothing is sealed if one of them no longer matches its hash.
        const [row] = await m.query(
          `WITH prev AS (SELECT seq, digest FROM audit_seal ORDER BY seq DESC LIMIT 1),
                batch AS (SELECT a.id, a.row_hash, a.row_hash IS NOT DISTINCT FROM audit_row_hash(a) AS good
                          FROM audit_log a WHERE a.seal_seq IS NULL ORDER BY a.id LIMIT $1),
                agg AS (SELECT count(*)::int AS n, min(id) AS first_id, max(id) AS last_id, min(id) FILTER (WHERE NOT good) AS bad,
                               string_agg(row_hash, ''::bytea ORDER BY id) AS hashes FROM batch),
                seal AS (
                  INSERT INTO audit_seal (seq, first_id, last_id, row_count, prev_digest, digest)
                  SELECT coalesce((SELECT seq FROM prev), 0) + 1, agg.first_id, agg.last_id, agg.n, (SELECT digest FROM prev),
                         sha256(coalesce((SELECT digest FROM prev), ''::bytea) || convert_to(agg.n::text, 'UTF8') || agg.hashes)
                  FROM agg WHERE agg.n > 0 AND agg.bad IS NULL
                  RETURNING seq, digest, row_count),
                marked AS (UPDATE audit_log SET seal_seq = seal.seq FROM seal WHERE audit_log.id IN (SELECT id FROM batch) RETURNING 1)
           SELECT seal.seq::int AS seq, seal.digest, seal.row_count AS n, agg.bad::text AS bad, (SELECT count(*) FROM marked)::int AS marked
           FROM agg LEFT JOIN seal ON TRUE`,
          [SEAL_BATCH_MAX],
        );
        if (row?.bad)
          throw new Error(`audit row ${row.bad} does not match its hash; nothing sealed (run audit verify)`);
        if (!row?.seq) return null;
        if (row.marked !== row.n) throw new Error(`sealing marked ${row.marked} rows for ${row.n} hashed`);
        return row as { seq: number; digest: Buffer; n: number };
      });
      if (!sealed) return result;
      result.seals++;
      result.rows += sealed.n;
      result.lastSeq = sealed.seq;
      result.lastDigest = hex(sealed.digest);
      if (sealed.n < SEAL_BATCH_MAX) return result;
    }
  }

  /**
   * Walks the whole chain: every row's hash against its content, every seal's digest against its rows and the
   * previous seal. Stores and returns the outcome (the first broken row or seal, if any).
   */
  async verify(runBy: string): Promise<AuditVerification> {
    const [rows] = await this.ds.query(
      `SELECT count(*)::bigint::text AS n, count(*) FILTER (WHERE seal_seq IS NULL)::bigint::text AS unsealed,
              min(a.id) FILTER (WHERE a.row_hash IS DISTINCT FROM audit_row_hash(a))::text AS first_bad
       FROM audit_log a`,
    );
    // Each seal recomputed from its rows; the chain: seq without gaps, prev_digest = the previous seal's digest.
    const seals: { seq: number; ok: boolean; linked: boolean; counted: boolean; firstId: string | null }[] =
      await this.ds.query(
        `SELECT s.seq::int AS seq,
              s.digest = sha256(coalesce(s.prev_digest, ''::bytea) || convert_to(coalesce(x.n, 0)::text, 'UTF8') || coalesce(x.hashes, ''::bytea)) AS ok,
              (s.seq = 1 AND s.prev_digest IS NULL) OR (s.seq = lag(s.seq) OVER w + 1 AND s.prev_digest IS NOT DISTINCT FROM lag(s.digest) OVER w) AS linked,
              coalesce(x.n, 0) = s.row_count AS counted,
              x.first_id::text AS "firstId"
       FROM audit_seal s
       LEFT JOIN LATERAL (SELECT count(*)::int AS n, min(id) AS first_id, string_agg(row_hash, ''::bytea ORDER BY id) AS hashes
                          FROM audit_log WHERE seal_seq = s.seq) x ON TRUE
       WINDOW w AS (ORDER BY s.seq)
       ORDER BY s.seq`,
      );
    const [last] = await this.ds.query(`SELECT digest FROM audit_seal ORDER BY seq DESC LIMIT 1`);
    const brokenSeal = seals.find((s) => !s.ok || !s.linked || !s.counted) ?? null;
    const firstBrokenId: string | null = rows.first_bad ?? brokenSeal?.firstId ?? null;
    let problem: string | null = null;
    if (rows.first_bad)
      problem = `audit row ${rows.first_bad} was changed after it was written (its content no longer matches its hash)`;
    else if (brokenSeal && !brokenSeal.linked)
      problem = `seal ${brokenSeal.seq} does not follow seal ${brokenSeal.seq - 1} (a seal was removed or changed)`;
    else if (brokenSeal && !brokenSeal.counted)
      problem = `seal ${brokenSeal.seq} covers a different number of rows than it sealed (rows removed or moved)`;
    else if (brokenSeal)
      problem = `seal ${brokenSeal.seq} does not match its rows (a row and its hash were changed together)`;
    const [saved] = await this.ds.query(
      `INSERT INTO audit_verification (ok, rows_checked, seals_checked, unsealed_rows, first_broken_id, broken_seal, problem, last_digest, run_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id, at`,
      [
        problem === null,
        rows.n,
        seals.length,
        rows.unsealed,
        firstBrokenId,
        brokenSeal?.seq ?? null,
        problem,
        hex(last?.digest),
        runBy,
      ],
    );
    return {
      id: saved.id,
      at: saved.at,
      ok: problem === null,
      rowsChecked: Number(rows.n),
      sealsChecked: seals.length,
      unsealedRows: Number(rows.unsealed),
      firstBrokenId,
      brokenSeal: brokenSeal?.seq ?? null,
      problem,
      lastDigest: hex(last?.digest),
      runBy,
    };
  }

  /** The latest verification, or null when none ran yet. */
  async lastVerification(): Promise<AuditVerification | null> {
    const [row] = await this.ds.query(
      `SELECT id::text AS id, at, ok, rows_checked::text AS "rowsChecked", seals_checked AS "sealsChecked", unsealed_rows::text AS "unsealedRows",
              first_broken_id::text AS "firstBrokenId", broken_seal::int AS "brokenSeal", problem, last_digest AS "lastDigest", run_by AS "runBy"
       FROM audit_verification ORDER BY id DESC LIMIT 1`,
    );
    return row ? { ...row, rowsChecked: Number(row.rowsChecked), unsealedRows: Number(row.unsealedRows) } : null;
  }

  /** Per day (UTC+7, Vietnam's time) the seals made and the chain's digest at the end of the day, to be kept outside the database. */
  async dailyDigests(from?: string, to?: string): Promise<DailyDigest[]> {
    const rows = await this.ds.query(
      `SELECT DISTINCT ON (day) day::text AS day, count(*) OVER d::int AS seals, sum(row_count) OVER d::int AS rows,
              min(seq) OVER d::int AS "firstSeq", seq::int AS "lastSeq", encode(digest, 'hex') AS "lastDigest"
       FROM (SELECT *, (sealed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day FROM audit_seal) s
       WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date)
       WINDOW d AS (PARTITION BY day)
       ORDER BY day, seq DESC`,
      [from ?? null, to ?? null],
    );
    return rows as DailyDigest[];
  }
}
