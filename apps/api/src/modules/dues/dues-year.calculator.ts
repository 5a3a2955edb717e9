import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mapInSlices } from '../../common/jobs/slices';
import {
  DEFAULT_POLICY,
  DomainError,
  duesArrears,
  duesDue,
  duesMonthOf,
  duesMonthsOfYear,
  DATE_IN_FUTURE,
  type DuesBasis,
  type DuesDue,
  type DuesMonthStatus,
  type DuesReliefKind,
  type Policy,
} from '@chibo/domain';
import { Params } from '../../database/sql';
import { PolicyService } from '../policy/policy.service';
import { DuesMemberYear, DuesMonth } from './dues.model';

/** One member in one cell in one month (the cell they belonged to on the month's last day, or today). */
export type MemberMonthRow = {
  month: string;
  day: string;
  organisationId: string;
  path: string;
  memberId: string;
  fullName: string;
  admissionDecisionDate: string | null;
};

type BasisRow = { memberId: string; from: string; to: string | null; basis: DuesBasis; amount: string | null };
type ReliefRow = { memberId: string; from: string; to: string; kind: DuesReliefKind; percent: number | null };

/**
 * The months a member spent in one cell while the cell had one path in the tree, with what the rule functions
 * said of them: what the kept facts (dues_fact) hold. Masks: bit 0 is January, bit 11 December.
 */
export type DuesSegment = {
  organisationId: string;
  path: string;
  /** The last month (1–12) of the segment counted (up to the period's last month); 0 when it has only later months. */
  lastMonth: number;
  due: number;
  paid: number;
  paidAhead: number;
  outstanding: number;
  unpaidMask: number;
  shortMask: number;
  unknownMask: number;
  /** The policy's arrears threshold in the segment's last counted month. */
  arrearsMonths: number;
};

export type ComputedYear = { year: DuesMemberYear; segments: DuesSegment[] };

export const MONTH_SQL = (col: string) => `to_char(${col}, 'YYYY-MM')`;

/** The months of a year to count and the day they are counted on: January to the current month (December of a past year). */
export const periodOf = (year: number, now: string): { through: string; day: string } => {
  const current = duesMonthOf(now);
  const pad = String(year).padStart(4, '0');
  if (`${pad}-12` < current) return { through: `${pad}-12`, day: `${pad}-12-31` };
  if (`${pad}-01` > current)
    throw new DomainError('VALIDATION', 'The year has not started yet', 'year', { reason: DATE_IN_FUTURE });
  return { through: current, day: now };
};

const groupBy = <T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
};

/** The period row (from ≤ month < to, months as 'YYYY-MM', to exclusive or null) in force in a month. */
const inForce = <T extends { from: string; to: string | null }>(
  rows: readonly T[] | undefined,
  month: string,
): T | undefined => rows?.find((r) => r.from <= month && (r.to === null || month < r.to));

/** The distinct (day, organisation) pairs of member-month rows, as organisations by day. */
const distinctPairs = (rows: readonly MemberMonthRow[]): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const ids = out.get(r.day);
    if (ids) ids.add(r.organisationId);
    else out.set(r.day, new Set([r.organisationId]));
  }
  return out;
};

const maskOf = (months: readonly string[]): number =>
  months.reduce((m, x) => m | (1 << (Number(x.slice(5, 7)) - 1)), 0);

/**
 * Judges member-years of dues: reads the member-month rows a caller selects (which cell each month, on its last day
 * or today), the bases, reliefs, payments and policies, and applies duesDue and duesArrears (libs/domain) to every
 * month. Used for the lists (a page of members) and to compute the kept facts.
 */
@Injectable()
export class DuesYearCalculator {
  constructor(
    private readonly ds: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /** Member-month rows of a year (12 months; each counted on its last day, or today), ordered by month. */
  async monthRows(
    year: number,
    now: string,
    p: Params,
    from: (mo: string) => string,
    cell: string,
    path: string,
  ): Promise<MemberMonthRow[]> {
    const pad = String(year).padStart(4, '0');
    const jan = p.add(`${pad}-01-01`);
    const nowP = p.add(now);
    return this.ds.query(
      `WITH mo AS (
         SELECT ${MONTH_SQL('g')} AS month, least((g + interval '1 month' - interval '1 day')::date, ${nowP}::date) AS day
           FROM generate_series(${jan}::date, ${jan}::date + interval '11 months', interval '1 month') g)
       SELECT mo.month, mo.day::text AS day, ${cell} AS "organisationId", ${path} AS path, m.id AS "memberId", m.full_name AS "fullName",
              m.admission_decision_date::text AS "admissionDecisionDate"
         FROM ${from('mo')}
        ORDER BY mo.month`,
      p.values,
    );
  }

  /**
   * Applies duesDue and duesArrears (libs/domain) to every member's months, with the policy of each cell and month.
   * `months: false` leaves each year's month list empty: the kept facts need the sums and segments only, and the
   * objects of twelve months per member were much of the facts job's garbage.
   */
  async compute(
    rows: readonly MemberMonthRow[],
    year: number,
    now: string,
    people: readonly { memberId: string; fullName: string }[],
    opts: { months?: boolean } = {},
  ): Promise<ComputedYear[]> {
    const withMonths = opts.months ?? true;
    const ids = people.map((x) => x.memberId);
    const pad = String(year).padStart(4, '0');
    const pairs = distinctPairs(rows);
    const [bases, reliefs, paid, policies] = await Promise.all([
      this.ds.query(
        `SELECT member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL('valid_to')} AS "to", basis, amount::text AS amount
        FROM dues_basis WHERE member_id = ANY($1::uuid[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $3::date)`,
        [ids, `${pad}-12-01`, `${pad}-01-01`],
      ) as Promise<BasisRow[]>,
      this.ds.query(
        `SELECT member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL('valid_to')} AS "to", kind, percent
        FROM dues_relief WHERE member_id = ANY($1::uuid[]) AND valid_from <= $2::date AND valid_to > $3::date`,
        [ids, `${pad}-12-01`, `${pad}-01-01`],
      ) as Promise<ReliefRow[]>,
      this.ds.query(
        `SELECT member_id AS "memberId", ${MONTH_SQL('month')} AS month, sum(amount)::text AS paid FROM dues_payment
        WHERE member_id = ANY($1::uuid[]) AND month BETWEEN $2::date AND $3::date AND cancelled_at IS NULL GROUP BY 1, 2`,
        [ids, `${pad}-01-01`, `${pad}-12-01`],
      ) as Promise<{ memberId: string; month: string; paid: string }[]>,
      this.policies.forOrganisationsAt([...pairs].flatMap(([asOf, orgIds]) => [...orgIds].map((id) => ({ id, asOf })))),
    ]);
    // by day, then organisation: two map reads a month row instead of a key string each
    const policyAt = new Map<string, Map<string, Policy>>();
    for (const [asOf, orgIds] of pairs)
      policyAt.set(asOf, new Map([...orgIds].map((id) => [id, policies.get(`${id}|${asOf}`) ?? DEFAULT_POLICY])));
    const basesOf = groupBy(bases, (b) => b.memberId);
    const reliefsOf = groupBy(reliefs, (r) => r.memberId);
    const paidOf = new Map(paid.map((x) => [`${x.memberId}|${x.month}`, Number(x.paid)]));
    const rowsOf = groupBy(rows, (r) => r.memberId);
    const { through } = periodOf(year, now);
    const policyOf = (row: MemberMonthRow | undefined): Policy =>
      (row ? policyAt.get(row.day)?.get(row.organisationId) : undefined) ?? DEFAULT_POLICY;
    // a batch of the facts job is seconds of JavaScript: let other requests run between slices of it
    return mapInSlices(people, judge);

    function judge({ memberId, fullName }: { memberId: string; fullName: string }): ComputedYear {
      const mine = new Map((rowsOf.get(memberId) ?? []).map((r) => [r.month, r]));
      // the policy of the last month counted (the national defaults when none: nothing is then owed anyway)
      let policy: Policy | undefined;
      const statuses: DuesMonthStatus[] = [];
      const months: DuesMonth[] = [];
      const segments = new Map<string, DuesSegment & { statuses: DuesMonthStatus[]; policy: Policy | undefined }>();
      const y = Object.assign(new DuesMemberYear(), {
        memberId,
        fullName,
        organisationId: null as string | null,
        year,
        dueTotal: 0,
        paidTotal: 0,
        paidAhead: 0,
      });
      for (const month of duesMonthsOfYear(year)) {
        const row = mine.get(month);
        const p = paidOf.get(`${memberId}|${month}`) ?? 0;
        const segment = row ? segmentOf(segments, row) : undefined;
        // months the member spent outside the cells read (another subtree, or not yet a member) are shown, not counted
        if (month > through) {
          if (row) y.paidAhead += p;
          if (segment) segment.paidAhead += p;
          if (p === 0) continue;
        }
        let due: DuesDue | null = null;
        if (row) {
          const basis = inForce(basesOf.get(memberId), month);
          const relief = inForce(reliefsOf.get(memberId), month);
          const rowPolicy = policyOf(row);
          due = duesDue(
            {
              month,
              admissionDecisionDate: row.admissionDecisionDate,
              basis: basis ? { basis: basis.basis, amount: basis.amount === null ? null : Number(basis.amount) } : null,
              relief: relief ? { kind: relief.kind, percent: relief.percent } : null,
            },
            rowPolicy,
          );
          if (month <= through) {
            const status = { month, due, paid: p };
            statuses.push(status);
            policy = rowPolicy;
            y.organisationId = row.organisationId;
            y.dueTotal += due.amount ?? 0;
            y.paidTotal += p;
            if (segment) {
              segment.statuses.push(status);
              segment.policy = policy;
              segment.lastMonth = Number(month.slice(5, 7));
              segment.due += due.amount ?? 0;
              segment.paid += p;
            }
          }
        }
        if (withMonths)
          months.push(
            Object.assign(new DuesMonth(), {
              month,
              organisationId: row?.organisationId ?? null,
              due: due?.amount ?? null,
              standard: due?.standard ?? null,
              reason: due?.reason ?? null,
              deferred: due?.deferred ?? false,
              paid: p,
            }),
          );
      }
      const arrears = duesArrears(statuses, year, now, policy ?? DEFAULT_POLICY);
      return {
        year: Object.assign(y, { months, ...arrears }),
        segments: [...segments.values()].map(({ statuses: own, policy: segmentPolicy, ...s }) => {
          const a = duesArrears(own, year, now, segmentPolicy ?? policy ?? DEFAULT_POLICY);
          return {
            ...s,
            outstanding: a.outstanding,
            unpaidMask: maskOf(a.unpaidMonths),
            shortMask: maskOf(a.shortMonths),
            unknownMask: maskOf(a.unknownMonths),
            arrearsMonths: (segmentPolicy ?? policy ?? DEFAULT_POLICY).dues.arrearsMonthsPerYear,
          };
        }),
      };
    }
  }
}

const segmentOf = (
  segments: Map<string, DuesSegment & { statuses: DuesMonthStatus[]; policy: Policy | undefined }>,
  row: MemberMonthRow,
) => {
  const key = `${row.organisationId}|${row.path}`;
  let s = segments.get(key);
  if (!s) {
    s = {
      organisationId: row.organisationId,
      path: row.path,
      lastMonth: 0,
      due: 0,
      paid: 0,
      paidAhead: 0,
      outstanding: 0,
      unpaidMask: 0,
      shortMask: 0,
      unknownMask: 0,
      arrearsMonths: 0,
      statuses: [],
      policy: undefined,
    };
    segments.set(key, s);
  }
  return s;
};
