import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { duesMonthOf, first } from '@chibo/domain';
import { Params, today, validAt } from '../../database/sql';
import { JOIN_CELL_OF_MEMBERS_ON, JOIN_MEMBERSHIPS_OF_CELL_DURING } from '../member/member.sql';
import { DuesYearCalculator, periodOf, type ComputedYear } from './dues-year.calculator';

/** Members judged per batch when facts are brought up to date (a whole tree: a few scans of the member tables per
 * batch). 2,000 rather than 10,000: at ×5 the tree was judged faster (23 s vs 29 s) with half the memory (+348 vs +641 MB
 * RSS) and shorter stalls of the event loop. */
const BATCH = 2_000;
/** Batches in hand at once when facts are brought up to date (refresh). */
const REFRESH_IN_HAND = 2;

/**
 * The tables whose writes can leave facts stale: the records behind a member's version (payments, bases, reliefs,
 * memberships, the member row) and behind the epoch (placements, policy overrides).
 */
const FEEDING_TABLES = [
  'dues_payment',
  'dues_basis',
  'dues_relief',
  'membership',
  'member',
  'organisation_placement',
  'policy_override',
];

/**
 * Their commit-visible versions, the tree's epoch and the oldest transaction still running, in one snapshot (the
 * figure versions the database keeps by statement-level triggers, migration 1796540000000-FigureVersions: a write's
 * change row becomes visible with its commit).
 */
const CHECK_SQL = `
  SELECT (SELECT coalesce(string_agg(table_name || ':' || version, ',' ORDER BY table_name), '')
            FROM (SELECT table_name, sum(version) AS version
                    FROM (SELECT table_name, version FROM figure_version WHERE table_name = ANY($1::text[])
                          UNION ALL SELECT table_name, count(*) FROM figure_change WHERE table_name = ANY($1::text[]) GROUP BY table_name) x
                   GROUP BY table_name) t) AS v,
         (SELECT epoch::text FROM dues_fact_epoch WHERE id = 1) AS epoch,
         pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;

/** What a process saw when it last found a subtree's facts of a year up to date. */
type Checked = { month: string; v: string; epoch: string; xmin: string };

/** The transaction-level advisory lock under which facts of a year are written (key 1, year). */
const LOCK_KEY = 1796580000;

/** One organisation's sums from the kept facts: money of the months spent there, and the members whose last cell is there. */
export type DuesFactRow = {
  /** The organisation directly under the root ('' for the root itself, i.e. cells that are the root). */
  child: string;
  due: number;
  paid: number;
  paidAhead: number;
  members: number;
  outstanding: number;
  inArrears: number;
  withoutBasis: number;
};

/** A member of the subtree's year, from the kept facts. */
export type DuesFactMember = {
  memberId: string;
  fullName: string;
  inArrears: boolean;
  cellId: string | null;
  unpaidMask: number;
};

type SubtreeRanges = {
  year: number;
  now: string;
  jan: string;
  day: string;
  rootId: string;
  ranges: { from: string; to: string }[];
};

/**
 * The kept dues facts (migration 1796580000000-DuesFacts; docs/dues.md#kept-facts): the judgement of each member's
 * months by the rule functions, stored per member, year and segment (the months in one cell with one path), and
 * brought up to date before a subtree is read: a member-year is computed again when its records changed (its
 * version), when the tree or a policy changed (the epoch) or, for a year still running, in each new month. The
 * figures and the arrears list of a subtree then read a few rows per member in one statement.
 */
@Injectable()
export class DuesFactsService {
  private readonly log = new Logger('DuesFacts');
  /**
   * Per subtree and year, the month and feeding versions at which this process last found nothing stale: while they
   * are the same, no commit has written anything that could make a fact of it stale, and the stale scan (every
   * membership of the tree's cells during the year: most of a warm read at a province's root) is skipped.
   */
  private readonly upToDate = new Map<string, Checked>();

  constructor(
    private readonly ds: DataSource,
    private readonly calc: DuesYearCalculator,
  ) {}

  /**
   * The sums of a subtree's year by organisation directly under the root (the root checked visible by the caller):
   * the kept per-path sums of the members with one segment in the year (dues_cell_sum, migration
   * 1796630000000-DuesCellSum: one row per cell of the subtree), and the facts of the members with several, grouped
   * per member here because what counts of them depends on which of their segments lie in the subtree.
   */
  async sums(rootId: string, year: number): Promise<DuesFactRow[]> {
    const s = await this.ensure(rootId, year);
    if (!s) return [];
    const p = new Params();
    const where = this.subtreeWhere(s, p);
    const cellWhere = this.subtreeWhere(s, p, 'c');
    const root = p.add(rootId);
    const childOf = (alias: string) => `split_part(split_part(${alias}.path, '/' || ${root} || '/', 2), '/', 1)`;
    const rows: DuesFactRow[] = await this.ds.query(
      `WITH s AS MATERIALIZED (
         SELECT f.*, ${childOf('f')} AS child FROM dues_fact f WHERE ${where} AND f.multi),
       m AS (
         SELECT member_id, bit_or(unpaid_mask) AS um, bit_or(unknown_mask) AS km, sum(outstanding) AS o,
                (array_agg(arrears_months ORDER BY last_month DESC))[1] AS th,
                (array_agg(child ORDER BY last_month DESC) FILTER (WHERE last_month > 0))[1] AS child
           FROM s GROUP BY member_id),
       c AS (
         SELECT c.*, ${childOf('c')} AS child FROM dues_cell_sum c WHERE ${cellWhere})
       SELECT child, sum(due)::float8 AS due, sum(paid)::float8 AS paid, sum(paid_ahead)::float8 AS "paidAhead",
              0 AS members, 0::float8 AS outstanding, 0 AS "inArrears", 0 AS "withoutBasis"
         FROM s GROUP BY child
       UNION ALL
       SELECT coalesce(child, '-'), 0, 0, 0, count(*)::int, sum(o)::float8,
              (count(*) FILTER (WHERE length(replace(um::bit(12)::text, '0', '')) >= th))::int, (count(*) FILTER (WHERE km <> 0))::int
         FROM m GROUP BY child
       UNION ALL
       SELECT child, sum(due)::float8, sum(paid)::float8, sum(paid_ahead)::float8, 0, 0, 0, 0 FROM c GROUP BY child
       UNION ALL
       SELECT CASE WHEN counted THEN child ELSE '-' END, 0, 0, 0, sum(members)::int, sum(outstanding)::float8, sum(in_arrears)::int, sum(without_basis)::int
         FROM c GROUP BY 1`,
      p.values,
    );
    return rows;
  }

  /** The members of a subtree's year (in any month of it), with their arrears flag and last cell, from the kept facts. */
  async members(rootId: string, year: number): Promise<DuesFactMember[]> {
    const s = await this.ensure(rootId, year);
    if (!s) return [];
    const p = new Params();
    const where = this.subtreeWhere(s, p);
    const y = p.add(year);
    return this.ds.query(
      `SELECT f.member_id AS "memberId", fy.full_name AS "fullName",
              length(replace(bit_or(f.unpaid_mask)::bit(12)::text, '0', '')) >= (array_agg(f.arrears_months ORDER BY f.last_month DESC))[1] AS "inArrears",
              (array_agg(f.organisation_id ORDER BY f.last_month DESC) FILTER (WHERE f.last_month > 0))[1] AS "cellId",
              bit_or(f.unpaid_mask) AS "unpaidMask"
         FROM dues_fact f JOIN dues_fact_year fy ON fy.member_id = f.member_id AND fy.year = ${y}
        WHERE ${where}
        GROUP BY f.member_id, fy.full_name`,
      p.values,
    );
  }

  /**
   * Brings the facts of a subtree's year up to date: the member-years that are missing or stale among the members
   * of its cells during the year and among those the kept facts place in it. Null when the root is not in the tree
   * during the year.
   */
  async ensure(rootId: string, year: number): Promise<SubtreeRanges | null> {
    const now = today();
    const { day } = periodOf(year, now);
    const jan = `${String(year).padStart(4, '0')}-01-01`;
    const paths: { path: string }[] = await this.ds.query(
      `SELECT DISTINCT path FROM organisation_placement WHERE organisation_id = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $3::date)`,
      [rootId, day, jan],
    );
    if (paths.length === 0) return null;
    const s: SubtreeRanges = {
      year,
      now,
      jan,
      day,
      rootId,
      ranges: paths.map(({ path }) => ({ from: path, to: `${path.slice(0, -1)}0` })),
    };
    // read before the scan: a write committed after it moves the versions, so the next read scans again
    const seen = first<Omit<Checked, 'month'>>(
      await this.ds.query(CHECK_SQL, [FEEDING_TABLES]),
      'feeding table versions',
    );
    const key = `${rootId}|${year}`;
    const checked: Checked = { month: duesMonthOf(now), ...seen };
    const prev = this.upToDate.get(key);
    if (prev && prev.month === checked.month && prev.v === checked.v) return s;
    // Same month and tree: only member records were written since the last check; the facts that may have gone stale
    // are those of the members whose version a transaction at or after the oldest one then running raised.
    const stale =
      prev && prev.month === checked.month && prev.epoch === checked.epoch
        ? await this.staleSince(prev.xmin, s)
        : await this.staleIn(s);
    if (stale.length) {
      const started = Date.now();
      await this.refresh(stale, year, now);
      this.log.log(`dues facts of ${stale.length} member(s) for ${year} computed in ${Date.now() - started} ms`);
    }
    if (this.upToDate.size >= 10_000) this.upToDate.clear();
    this.upToDate.set(key, checked);
    return s;
  }

  /**
   * Forgets which subtrees were found up to date, so the next read scans for stale facts again: what another process
   * (or this one in a new month) does. For a change made outside the API's writes and triggers (tests, repairs by hand).
   */
  forgetChecks(): void {
    this.upToDate.clear();
  }

  /**
   * Computes and stores the facts of these members' year, in batches, each batch one transaction. Two batches are in
   * hand at a time: while one batch's records are read or its facts written by the database, the other's are judged
   * by the rule functions in this process (the writes still take turns, under the year's advisory lock).
   */
  async refresh(memberIds: readonly string[], year: number, now = today()): Promise<void> {
    const batches: (readonly string[])[] = [];
    for (let i = 0; i < memberIds.length; i += BATCH) batches.push(memberIds.slice(i, i + BATCH));
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && next < batches.length) {
        const ids = batches[next++]!;
        try {
          await this.refreshBatch(ids, year, now);
        } catch (e) {
          failed = true; // the other batch in hand ends; nothing more is started
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(REFRESH_IN_HAND, batches.length) }, worker));
  }

  private async refreshBatch(ids: readonly string[], year: number, now: string): Promise<void> {
    // versions and epoch first, then the records: a write committed in between leaves these facts stale (older version)
    const [versions, epochRows] = await Promise.all([
      this.ds.query(
        `SELECT member_id AS id, version::text AS v FROM dues_member_version WHERE member_id = ANY($1::uuid[])`,
        [ids],
      ) as Promise<{ id: string; v: string }[]>,
      this.ds.query(`SELECT epoch::text AS epoch FROM dues_fact_epoch WHERE id = 1`) as Promise<{ epoch: string }[]>,
    ]);
    const { epoch } = first(epochRows, 'dues_fact_epoch row (seeded by the migration)');
    const computed = await this.compute(ids, year, now);
    const versionOf = new Map(versions.map((v) => [v.id, v.v]));
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY}, $1)`, [year]);
      // facts written in place (a segment judged the same is not rewritten), then the segments that no longer exist
      // removed: the per-path sums kept by triggers (dues_cell_sum) are then written only where a figure changed
      const segs = computed.flatMap((c) =>
        c.segments.map((g) => ({ memberId: c.year.memberId, multi: c.segments.length > 1, ...g })),
      );
      const col = <K extends keyof (typeof segs)[number]>(k: K) => segs.map((g) => g[k]);
      if (segs.length) {
        await m.query(
          `INSERT INTO dues_fact AS f (member_id, year, organisation_id, path, last_month, due, paid, paid_ahead, outstanding, unpaid_mask, short_mask, unknown_mask, arrears_months, multi)
           SELECT u.m, $1, u.o, u.p, u.lm, u.d, u.pd, u.pa, u.os, u.um, u.sm, u.km, u.am, u.mu
             FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::int[], $11::int[], $12::int[], $13::int[], $14::boolean[])
                  AS u(m, o, p, lm, d, pd, pa, os, um, sm, km, am, mu)
           ON CONFLICT (member_id, year, organisation_id, path) DO UPDATE
             SET last_month = excluded.last_month, due = excluded.due, paid = excluded.paid, paid_ahead = excluded.paid_ahead,
                 outstanding = excluded.outstanding, unpaid_mask = excluded.unpaid_mask, short_mask = excluded.short_mask,
                 unknown_mask = excluded.unknown_mask, arrears_months = excluded.arrears_months, multi = excluded.multi
           WHERE (f.last_month, f.due, f.paid, f.paid_ahead, f.outstanding, f.unpaid_mask, f.short_mask, f.unknown_mask, f.arrears_months, f.multi)
                 IS DISTINCT FROM (excluded.last_month, excluded.due, excluded.paid, excluded.paid_ahead, excluded.outstanding,
                 excluded.unpaid_mask, excluded.short_mask, excluded.unknown_mask, excluded.arrears_months, excluded.multi)`,
          [
            year,
            col('memberId'),
            col('organisationId'),
            col('path'),
            col('lastMonth'),
            col('due'),
            col('paid'),
            col('paidAhead'),
            col('outstanding'),
            col('unpaidMask'),
            col('shortMask'),
            col('unknownMask'),
            col('arrearsMonths'),
            col('multi'),
          ],
        );
      }
      await m.query(
        `DELETE FROM dues_fact f WHERE f.member_id = ANY($1::uuid[]) AND f.year = $2
            AND NOT EXISTS (SELECT 1 FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS k(m, o, p) WHERE k.m = f.member_id AND k.o = f.organisation_id AND k.p = f.path)`,
        [ids, year, col('memberId'), col('organisationId'), col('path')],
      );
      await m.query(
        `INSERT INTO dues_fact_year (member_id, year, version, epoch, computed_month, full_name)
         SELECT u.m, $1, u.v, $2, $3, u.n FROM unnest($4::uuid[], $5::bigint[], $6::text[]) AS u(m, v, n)
         ON CONFLICT (member_id, year) DO UPDATE SET version = excluded.version, epoch = excluded.epoch, computed_month = excluded.computed_month, full_name = excluded.full_name`,
        [
          year,
          epoch,
          duesMonthOf(now),
          computed.map((c) => c.year.memberId),
          computed.map((c) => versionOf.get(c.year.memberId) ?? '0'),
          computed.map((c) => c.year.fullName),
        ],
      );
    });
  }

  /** The member-years of these members across all their cells (the rows each month: the cell and its path then). */
  private async compute(ids: readonly string[], year: number, now: string): Promise<ComputedYear[]> {
    const p = new Params();
    const list = p.add(ids);
    const rows = await this.calc.monthRows(
      year,
      now,
      p,
      (mo) => `${mo} ${JOIN_CELL_OF_MEMBERS_ON(`${mo}.day`, list, p)}
        JOIN organisation_placement cd ON cd.organisation_id = x.organisation_id AND ${validAt('cd', `${mo}.day`)}`,
      'x.organisation_id',
      'cd.path',
    );
    // a member without a month counted in the year (a membership that overlaps it on no month's day) still gets
    // their facts, empty: they are then up to date and never listed
    const names = new Map(rows.map((r) => [r.memberId, r.fullName]));
    return this.calc.compute(
      rows,
      year,
      now,
      ids.map((memberId) => ({ memberId, fullName: names.get(memberId) ?? '' })),
      { months: false },
    );
  }

  /**
   * The member-years to compute after a check at `xmin` (the oldest transaction running then): the members whose dues
   * version a transaction with an id at or above it raised, with missing or stale facts of the year. Wherever they are:
   * a member who joined the subtree since has a new membership, which raised their version.
   */
  private async staleSince(xmin: string, s: SubtreeRanges): Promise<string[]> {
    const p = new Params();
    const since = p.add(xmin);
    const y = p.add(s.year);
    const fresh = this.freshSql('fy', 'v', p, s);
    const rows: { id: string }[] = await this.ds.query(
      `SELECT v.member_id AS id FROM dues_member_version v
         LEFT JOIN dues_fact_year fy ON fy.member_id = v.member_id AND fy.year = ${y}
        WHERE v.written_xid >= ${since}::xid8 AND (fy.member_id IS NULL OR NOT ${fresh})`,
      p.values,
    );
    return rows.map((r) => r.id);
  }

  /** The subtree's member-years to compute: missing or stale facts of its cells' members and of the members its facts hold. */
  private async staleIn(s: SubtreeRanges): Promise<string[]> {
    const p = new Params();
    const y = p.add(s.year);
    const fresh = this.freshSql('fy', 'v', p, s);
    const cells = s.ranges.map((r) => `(cd.path >= ${p.add(r.from)} AND cd.path < ${p.add(r.to)})`).join(' OR ');
    const jan = p.add(s.jan);
    const day = p.add(s.day);
    const where = this.subtreeWhere(s, p);
    const rows: { id: string }[] = await this.ds.query(
      `WITH candidates AS (
         SELECT x.member_id AS id FROM organisation_placement cd ${JOIN_MEMBERSHIPS_OF_CELL_DURING('cd.organisation_id', jan, day)}
          WHERE (${cells}) AND cd.valid_from <= ${day}::date AND (cd.valid_to IS NULL OR cd.valid_to > ${jan}::date)
         UNION
         SELECT f.member_id FROM dues_fact f WHERE ${where})
       SELECT c.id FROM candidates c
         LEFT JOIN dues_fact_year fy ON fy.member_id = c.id AND fy.year = ${y}
         LEFT JOIN dues_member_version v ON v.member_id = c.id
        WHERE fy.member_id IS NULL OR NOT ${fresh}`,
      p.values,
    );
    return rows.map((r) => r.id);
  }

  /** Facts (or per-path sums) of the subtree's year (alias `f`): rows whose path lies under one of the root's paths during the year. */
  private subtreeWhere(s: SubtreeRanges, p: Params, f = 'f'): string {
    const ranges = s.ranges.map((r) => `(${f}.path >= ${p.add(r.from)} AND ${f}.path < ${p.add(r.to)})`).join(' OR ');
    return `${f}.year = ${p.add(s.year)} AND (${ranges})`;
  }

  /** A dues_fact_year row `fy` (with the member's version row `v`) is fresh: same version and epoch, judged this month or after its year. */
  private freshSql(fy: string, v: string, p: Params, s: SubtreeRanges): string {
    const month = p.add(duesMonthOf(s.now));
    const december = p.add(`${String(s.year).padStart(4, '0')}-12`);
    return `(${fy}.version = coalesce(${v}.version, 0) AND ${fy}.epoch = (SELECT epoch FROM dues_fact_epoch WHERE id = 1)
      AND (${fy}.computed_month = ${month} OR ${fy}.computed_month > ${december}))`;
  }
}
