import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  dashboardPeriod,
  DomainError,
  elementAt,
  parseIsoDate,
  trendDates,
  type MemberStatus,
  type Policy,
} from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { inSubtree, validAt } from '../../database/sql';
import { ComplianceService } from '../meeting/compliance.service';
import type { MeetingCompliance } from '../meeting/compliance.model';
import type { VisitCoverageReport } from '../meeting/visit.model';
import { VisitService } from '../meeting/visit.service';
import { admissionCounts } from '../member/admission.sql';
import { LEAVERS_BY_STATUS, MEMBER_COUNTS_JOIN } from '../member/member.sql';
import { Organisation } from '../organisation/organisation.model';
import { OrganisationService, type OrgModelLoader } from '../organisation/organisation.service';
import { JOIN_ORGANISATION, ORG_COLUMNS, type OrgRow } from '../organisation/organisation.sql';
import { PolicyService } from '../policy/policy.service';
import { DashboardCache } from './dashboard.cache';
import { DashboardScope } from './dashboard.scope';

export type MemberCounts = { members: number; fullMembers: number; probationaryMembers: number; exemptMembers: number };
export type TrendPoint = {
  year: number;
  date: string;
  members: number;
  fullMembers: number;
  probationaryMembers: number;
  admissions: number;
};

const DEPARTED: MemberStatus[] = ['TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED'];
export const ZERO: MemberCounts = { members: 0, fullMembers: 0, probationaryMembers: 0, exemptMembers: 0 };

/**
 * The data behind the dashboard and the alerts, per request (memoised on the DashboardScope). Every method is a
 * fixed number of set-based queries over the whole subtree, whatever its size; per-organisation figures come from
 * grouping those results (by the child on each row's path), never from a query per organisation. The rules are the
 * libs' (probationState, ceremonyState, badgeDue, organisationFlags, meetingFlags) and the meeting module's services
 * (meeting compliance, visit coverage), called as they are, so every figure equals the list that other queries give.
 * The alert sources' own data (flags, deadlines, meetings, visits) is DashboardAlertData's.
 */
@Injectable()
export class DashboardData {
  constructor(
    private readonly ds: DataSource,
    private readonly orgs: OrganisationService,
    private readonly policyService: PolicyService,
    private readonly complianceService: ComplianceService,
    private readonly visitService: VisitService,
    private readonly cache: DashboardCache,
  ) {}

  /**
   * The scope of a request: the organisation must be readable as a subtree (a committee reader, or a cell secretary
   * for their cell); anything else, members' own-cell access included, is NOT_FOUND like a missing organisation.
   * Checked on every request; the scope itself (with the figures already computed) comes from DashboardCache while
   * the database is unchanged.
   */
  async scope(actor: Actor, organisationId: string, asOf: string, year?: number | null): Promise<DashboardScope> {
    const period = dashboardPeriod(year ?? parseIsoDate(asOf, 'asOf').year, asOf);
    const [root] = await this.orgs.findVisible({ ...actor, ownCellIds: [] }, [organisationId], asOf);
    if (!root) throw new DomainError('NOT_FOUND', 'Organisation not found', 'organisationId');
    return this.cache.scope(
      actor,
      organisationId,
      asOf,
      period.year,
      () => new DashboardScope(actor, root, asOf, period),
    );
  }

  /** The organisations of the subtree on the as-of date (the root included), by depth then code. */
  subtree(s: DashboardScope): Promise<Organisation[]> {
    return s.once('subtree', async () => {
      const rows: OrgRow[] = await this.ds.query(
        `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth
           FROM organisation_placement pl ${JOIN_ORGANISATION('o', 'pl.organisation_id')}
          WHERE ${inSubtree('pl', '$1')} AND ${validAt('pl', '$2')}
          ORDER BY pl.depth, o.code`,
        [s.root.path, s.asOf],
      );
      return rows.map((r) => Object.assign(new Organisation(), r, { asOf: s.asOf }));
    });
  }

  /**
   * Organisation models for the services the dashboard calls (compliance, visit coverage, the inspection target):
   * those of the subtree on the as-of date are the ones subtree() loaded (all visible: the scope reads the whole
   * subtree); any other (another date, or outside the subtree) is read as the service would.
   */
  orgModels(s: DashboardScope): OrgModelLoader {
    return async (actor, ids, d) => {
      if (d !== s.asOf) return this.orgs.findVisible(actor, ids, d);
      const byId = new Map((await this.subtree(s)).map((o) => [o.id, o] as const));
      const known = ids.filter((id) => byId.has(id));
      const missing = ids.filter((id) => !byId.has(id));
      return [
        ...known.map((id) => byId.get(id)!),
        ...(missing.length ? await this.orgs.findVisible(actor, missing, d) : []),
      ];
    };
  }

  /** The policy of every organisation of the subtree on the as-of date (one query). */
  policies(s: DashboardScope): Promise<Map<string, Policy>> {
    return s.once('policies', async () =>
      this.policyService.forOrganisations(
        (await this.subtree(s)).map((o) => o.id),
        s.asOf,
      ),
    );
  }

  /** meetingCompliance for the year's period, exactly as the query of that name answers it. */
  compliance(s: DashboardScope): Promise<MeetingCompliance> {
    return s.once('compliance', () =>
      this.complianceService.compliance(
        s.actor,
        { organisationId: s.root.id, from: s.period.from, to: s.period.to, asOf: s.asOf },
        this.orgModels(s),
      ),
    );
  }

  /** visitCoverage for the year, exactly as the query of that name answers it. */
  coverage(s: DashboardScope): Promise<VisitCoverageReport> {
    return s.once('coverage', () =>
      this.visitService.coverage(
        s.actor,
        { organisationId: s.root.id, year: s.period.year, asOf: s.asOf },
        this.orgModels(s),
      ),
    );
  }

  /**
   * Members on the as-of date, counted once per organisation of the subtree (one query), then added up in memory:
   * the subtree's totals, each direct child's, and each organisation's own subtree (what the organisation flags
   * need; the same figures as Organisation.subtreeCounts, without a range join per organisation).
   */
  memberCounts(
    s: DashboardScope,
  ): Promise<{ total: MemberCounts; byChild: Map<string, MemberCounts>; bySubtree: Map<string, MemberCounts> }> {
    return s.once('memberCounts', async () => {
      // One kept row per organisation of the subtree (cell_member_count), not every membership and member.
      const rows: { id: string; path: string; members: number; full: number; exempt: number }[] = await this.ds.query(
        `SELECT pl.organisation_id AS id, pl.path, k.members, k.full_members AS full, k.exempt
           FROM organisation_placement pl ${MEMBER_COUNTS_JOIN('k', 'pl.organisation_id', '$2')}
          WHERE ${inSubtree('pl', '$1')} AND ${validAt('pl', '$2')}`,
        [s.root.path, s.asOf],
      );
      const add = (
        into: Map<string, MemberCounts>,
        id: string,
        r: { members: number; full: number; exempt: number },
      ) => {
        const c = into.get(id) ?? { ...ZERO };
        c.members += r.members;
        c.fullMembers += r.full;
        c.probationaryMembers += r.members - r.full;
        c.exemptMembers += r.exempt;
        into.set(id, c);
      };
      const total = { ...ZERO };
      const byChild = new Map<string, MemberCounts>();
      const bySubtree = new Map<string, MemberCounts>();
      // The ancestors of a row inside the subtree: the ids on its path from the root on (paths are "/id/…/id/").
      const rootDepth = s.root.path.split('/').filter(Boolean).length - 1;
      for (const r of rows) {
        total.members += r.members;
        total.fullMembers += r.full;
        total.probationaryMembers += r.members - r.full;
        total.exemptMembers += r.exempt;
        const ids = r.path.split('/').filter(Boolean).slice(rootDepth);
        const childId = ids[1]; // the root's direct child the row is in, if it is below the root
        if (childId !== undefined) add(byChild, childId, r);
        for (const id of ids) add(bySubtree, id, r);
      }
      return { total, byChild, bySubtree };
    });
  }

  /**
   * Membership on several dates in one query, each on the tree and memberships of that date: the trend (31 December
   * of the last 5 years, the period's end for its year) and 1 January of the year. Each trend year's admissions come
   * from admissionFigures (memoised; the members section starts it alongside).
   */
  timeline(s: DashboardScope): Promise<{ trend: TrendPoint[]; atYearStart: number }> {
    return s.once('timeline', async () => {
      const points = trendDates(s.period.year, s.asOf);
      const dates = [...new Set([...points.map((p) => p.date), s.period.from])];
      // The subtree's organisations on each date, each with its kept member counts of that date (cell_member_count).
      const rows: { date: string; members: number; full: number }[] = await this.ds.query(
        `SELECT t.d::text AS date, sum(k.members)::int AS members, sum(k.full_members)::int AS full
           FROM unnest($2::date[]) AS t(d)
           JOIN organisation_placement rp ON rp.organisation_id = $1 AND ${validAt('rp', 't.d')}
           JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', 't.d')}
           ${MEMBER_COUNTS_JOIN('k', 'pl.organisation_id', 't.d')}
          GROUP BY t.d`,
        [s.root.id, dates],
      );
      const totals = new Map(rows.map((r) => [r.date, r] as const));
      const { byYear } = await this.admissionFigures(s);
      const trend = points.map(({ year, date }) => {
        const r = totals.get(date);
        return {
          year,
          date,
          members: r?.members ?? 0,
          fullMembers: r?.full ?? 0,
          probationaryMembers: (r?.members ?? 0) - (r?.full ?? 0),
          admissions: byYear.get(year) ?? 0,
        };
      });
      return { trend, atYearStart: totals.get(s.period.from)?.members ?? 0 };
    });
  }

  /**
   * Admissions by the definition of the list admissions(organisationId, from, to, asOf) (admissionsSql, shared with
   * admissionProgress), in one query: the period's in the subtree and in each direct child's (on the as-of date), and
   * each trend year's in the subtree (1 January to the trend date).
   */
  admissionFigures(
    s: DashboardScope,
  ): Promise<{ total: number; byChild: Map<string, number>; byYear: Map<number, number> }> {
    return s.once('admissionFigures', async () => {
      const children = (await this.subtree(s)).filter((o) => o.parentId === s.root.id);
      const points = trendDates(s.period.year, s.asOf);
      const counts = await admissionCounts(this.ds, s.actor, [
        { organisationId: s.root.id, from: s.period.from, to: s.period.to },
        ...children.map((o) => ({ organisationId: o.id, from: s.period.from, to: s.period.to })),
        ...points.map((p) => ({ organisationId: s.root.id, from: `${p.year}-01-01`, to: p.date })),
      ]);
      // one count per period asked for, in order
      const count = (i: number): number => elementAt(counts, i, 'admission count');
      return {
        total: count(0),
        byChild: new Map(children.map((o, i) => [o.id, count(1 + i)] as const)),
        byYear: new Map(points.map((p, i) => [p.year, count(1 + children.length + i)] as const)),
      };
    });
  }

  /** Admissions of the year in the subtree (admissionFigures). */
  async admissions(s: DashboardScope): Promise<number> {
    return (await this.admissionFigures(s)).total;
  }

  /**
   * Members who left during the period, by status, in their last cell (the definition of members(filter: { statuses,
   * leftFrom, leftTo }, asOf): their cell on the as-of date or the last one before it, placed as on the as-of date).
   */
  leavers(s: DashboardScope): Promise<Map<MemberStatus, number>> {
    return s.once('leavers', async () => {
      const rows: { status: MemberStatus; count: number }[] = await this.ds.query(
        LEAVERS_BY_STATUS('$1', '$2', '$3', '$4', '$5'),
        [s.root.path, s.asOf, s.period.from, s.period.to, DEPARTED],
      );
      return new Map(DEPARTED.map((st) => [st, rows.find((r) => r.status === st)?.count ?? 0] as const));
    });
  }
}
