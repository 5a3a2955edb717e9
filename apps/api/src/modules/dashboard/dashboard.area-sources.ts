import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  checkQuota,
  duesMonthsOfYear,
  emptyLevelCounts,
  nextInspectionDueOn,
  quotaApplies,
  type Alert,
  type RatingLevel,
  type RatingSubjectKind,
} from '@chibo/domain';
import { today } from '../../database/sql';
import { DuesService } from '../dues/dues.service';
import { InspectionTargetService } from '../inspection/inspection-target.service';
import { PolicyService } from '../policy/policy.service';
import { KHTNV_TWO_YEARS, QUOTA_COUNTS } from '../rating/rating-alerts.sql';
import { DashboardData } from './dashboard-data.service';
import { AlertRegistry, type AlertSource } from './dashboard.sources';
import type { DashboardScope } from './dashboard.scope';

/**
 * Cells behind the yearly inspection target (docs/rules.md#r-inspection-target), from the same service as `inspectionTarget`: a cell
 * is flagged once its next counted inspection is overdue under an even spread of the target over the year (libs'
 * nextInspectionDueOn: with 2 a year the first by 30 June, with 1 by 31 December), so January flags no one.
 */
@Injectable()
export class InspectionAlertSource implements AlertSource {
  readonly codes = ['INSPECTION_BEHIND'] as const;

  constructor(
    registry: AlertRegistry,
    private readonly targets: InspectionTargetService,
    private readonly data: DashboardData,
  ) {
    registry.register(this);
  }

  async collect(s: DashboardScope): Promise<Alert[]> {
    const t = await s.once('inspectionTarget', () =>
      this.targets.target(
        s.actor,
        { organisationId: s.root.id, year: s.period.year, asOf: s.asOf },
        this.data.orgModels(s),
      ),
    );
    const out: Alert[] = [];
    for (const c of t.allCells) {
      const dueOn = nextInspectionDueOn(c.required, c.concluded, s.period.year);
      if (dueOn === null || dueOn >= s.asOf) continue;
      out.push({
        code: 'INSPECTION_BEHIND',
        organisationId: c.organisation.id,
        organisationCode: c.organisation.code,
        dueOn,
        params: { done: c.concluded, target: c.required, missing: c.missing },
      });
    }
    return out;
  }
}

/**
 * Ratings (docs/rules.md#r-rating-quota, #r-khtnv-two-years): quota groups of the year whose "excellent" count (decided, else proposed) exceeds the
 * policy's quota — the same count and rule as decideRating's check — and members under the organisation rated
 * KHTNV (decided) two years running, the later of the two being this year or last (removal from the list is due).
 * Two set-based queries.
 */
@Injectable()
export class RatingAlertSource implements AlertSource {
  readonly codes = ['RATING_QUOTA_BREACH', 'KHTNV_TWO_YEARS'] as const;

  constructor(
    registry: AlertRegistry,
    private readonly ds: DataSource,
    private readonly policies: PolicyService,
  ) {
    registry.register(this);
  }

  async collect(s: DashboardScope): Promise<Alert[]> {
    const [quota, khtnv] = await Promise.all([this.quotaBreaches(s), this.khtnvTwoYears(s)]);
    return [...quota, ...khtnv];
  }

  private async quotaBreaches(s: DashboardScope): Promise<Alert[]> {
    const rows: { groupId: string; code: string; kind: RatingSubjectKind; level: RatingLevel; n: number }[] =
      await this.ds.query(QUOTA_COUNTS('$1', '$2', '$3'), [s.root.path, s.asOf, s.period.year]);
    const groups = new Map<
      string,
      { groupId: string; code: string; kind: RatingSubjectKind; counts: ReturnType<typeof emptyLevelCounts> }
    >();
    for (const r of rows) {
      const key = `${r.groupId}:${r.kind}`;
      const g = groups.get(key) ?? { groupId: r.groupId, code: r.code, kind: r.kind, counts: emptyLevelCounts() };
      g.counts[r.level] += r.n;
      groups.set(key, g);
    }
    const policies = await this.policies.forOrganisations([...new Set(rows.map((r) => r.groupId))], s.asOf);
    const out: Alert[] = [];
    for (const g of groups.values()) {
      const policy = policies.get(g.groupId);
      if (!policy || !quotaApplies(g.kind, policy)) continue;
      const q = checkQuota(g.counts, policy);
      if (!q.breached) continue;
      out.push({
        code: 'RATING_QUOTA_BREACH',
        organisationId: g.groupId,
        organisationCode: g.code,
        dueOn: null,
        params: {
          excellent: q.excellent,
          allowed: q.limit,
          quotaPercent: policy.rating.quotaPercent,
          base: q.base,
          subjectKind: g.kind,
          year: s.period.year,
        },
      });
    }
    return out;
  }

  private async khtnvTwoYears(s: DashboardScope): Promise<Alert[]> {
    const rows: { memberId: string; memberName: string; cellId: string; code: string; y1: number; y2: number }[] =
      await this.ds.query(KHTNV_TWO_YEARS('$1', '$2', '$3'), [s.root.path, s.asOf, s.period.year]);
    return rows.map((r) => ({
      code: 'KHTNV_TWO_YEARS',
      organisationId: r.cellId,
      organisationCode: r.code,
      memberId: r.memberId,
      memberName: r.memberName,
      dueOn: null,
      params: { memberName: r.memberName, years: `${r.y1}, ${r.y2}` },
    }));
  }
}

/**
 * Members in arrears with their dues (docs/rules.md#r-dues): the policy's number of ended months of the current year
 * with an amount owed and nothing paid, judged today by the dues module's kept facts — the same members as its
 * arrears list. Only on today's dashboard (dues are not judged as of a past day), one alert per member, on their
 * last cell; nothing for callers who may not read the subtree's dues.
 */
@Injectable()
export class DuesAlertSource implements AlertSource {
  readonly codes = ['DUES_ARREARS'] as const;

  constructor(
    registry: AlertRegistry,
    private readonly dues: DuesService,
  ) {
    registry.register(this);
  }

  async collect(s: DashboardScope): Promise<Alert[]> {
    if (s.asOf !== today()) return [];
    const year = Number(s.asOf.slice(0, 4));
    const months = duesMonthsOfYear(year);
    const members = await this.dues.membersInArrears(s.actor, s.root.id, year);
    return members
      .filter((m) => m.cellId)
      .map((m) => {
        const unpaid = months.filter((_, i) => (m.unpaidMask & (1 << i)) !== 0);
        return {
          code: 'DUES_ARREARS' as const,
          organisationId: m.cellId!,
          memberId: m.memberId,
          memberName: m.fullName,
          dueOn: null,
          params: {
            unpaid: unpaid.length,
            year: String(year),
            months: unpaid.map((x) => String(Number(x.slice(5, 7)))).join(', '),
          },
        };
      });
  }
}
