import { Injectable } from '@nestjs/common';
import {
  ALERT_CATALOGUE,
  formatAlert,
  percent,
  sortAlerts,
  summariseAlerts,
  type Alert,
  type AlertCode,
  type AlertSummary as AlertCounts,
  type MeetingKind,
  type OrganisationKind,
} from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { viDate, writeReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { pageOf } from '../../common/graphql/pagination';
import { today } from '../../database/sql';
import type { Organisation } from '../organisation/organisation.model';
import { OrganisationService } from '../organisation/organisation.service';
import { DashboardData } from './dashboard-data.service';
import {
  ChildFigures,
  Dashboard,
  type AlertCodeCount,
  type AlertItem,
  type AlertList,
  type AlertsInput,
  type AlertSummary,
  type DashboardInput,
  type MeetingsSection,
  type MembersSection,
  type OrganisationsSection,
  type VisitsSection,
} from './dashboard.model';
import type { DashboardScope } from './dashboard.scope';
import { AlertRegistry } from './dashboard.sources';

type Shown = Alert & { organisation: Organisation };

const ORG_FLAG_CODES: AlertCode[] = [
  'CELL_TOO_LARGE',
  'SUBORDINATE_CELL_TOO_LARGE',
  'TOO_FEW_FULL_MEMBERS',
  'CELL_COMMITTEE_MISSING',
  'TERM_ENDED',
  'TERM_ENDING',
];

const codeCounts = (counts: AlertCounts): AlertCodeCount[] =>
  counts.byCode.map((c) => ({
    ...c,
    title: ALERT_CATALOGUE[c.code].title.vi,
    titleEn: ALERT_CATALOGUE[c.code].title.en,
  }));

/**
 * The dashboard and the alert list of an organisation's subtree (issue 5 §3). The sections are computed on demand
 * from DashboardData's memoised, set-based sources; the alerts come from the registered AlertSources.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly data: DashboardData,
    private readonly registry: AlertRegistry,
    private readonly orgs: OrganisationService,
  ) {}

  async dashboard(actor: Actor, input: DashboardInput): Promise<Dashboard> {
    const scope = await this.data.scope(actor, input.organisationId, input.asOf ?? today(), input.year);
    return Object.assign(new Dashboard(), {
      organisation: scope.root,
      asOf: scope.asOf,
      year: scope.period.year,
      from: scope.period.from,
      to: scope.period.to,
      scope,
    });
  }

  async alertList(actor: Actor, input: AlertsInput): Promise<AlertList> {
    const scope = await this.data.scope(actor, input.organisationId, input.asOf ?? today(), input.year);
    const wanted = input.codes?.length ? new Set<AlertCode>(input.codes) : null;
    const alerts = await this.alerts(scope, wanted);
    const { offset, limit } = pageOf(input.page);
    const counts = summariseAlerts(alerts, this.producible(wanted));
    return {
      asOf: scope.asOf,
      year: scope.period.year,
      from: scope.period.from,
      to: scope.period.to,
      total: counts.total,
      countsByCode: codeCounts(counts),
      countsBySeverity: counts.bySeverity,
      items: alerts.slice(offset, offset + limit).map(toItem),
      offset,
      limit,
    };
  }

  /**
   * Every alert matching the filter (not only a page) as an xlsx workbook with Vietnamese headings: one row per
   * alert in the list's order (errors first, then the oldest deadline), then the counts per rule.
   */
  async alertsWorkbook(actor: Actor, input: AlertsInput, wb: ExportWorkbook): Promise<void> {
    const scope = await this.data.scope(actor, input.organisationId, input.asOf ?? today(), input.year);
    const wanted = input.codes?.length ? new Set<AlertCode>(input.codes) : null;
    const alerts = (await this.alerts(scope, wanted)).map(toItem);
    const SEVERITY: Record<string, string> = { ERROR: 'Vi phạm', WARNING: 'Cần chú ý', INFO: 'Sắp đến hạn' };
    const counts = new Map<string, { title: string; severity: string; n: number }>();
    for (const a of alerts) {
      const c = counts.get(a.code) ?? { title: a.title, severity: SEVERITY[a.severity] ?? a.severity, n: 0 };
      c.n++;
      counts.set(a.code, c);
    }
    const on = viDate(scope.asOf);
    writeReport(
      wb,
      {
        name: 'Canh bao',
        title: `DANH SÁCH CẢNH BÁO TÍNH ĐẾN NGÀY ${on}`,
        subtitle: scope.root.name,
        headings: ['STT', 'Mức độ', 'Cảnh báo', 'Nội dung', 'Mã tổ chức', 'Tổ chức', 'Đảng viên', 'Hạn'],
        widths: [6, 14, 32, 70, 14, 36, 26, 12],
        rows: alerts.map((a, i) => [
          i + 1,
          SEVERITY[a.severity] ?? a.severity,
          a.title,
          a.message,
          a.organisation.code,
          a.organisation.name,
          a.memberName ?? '',
          xlDate(a.dueOn),
        ]),
      },
      {
        name: 'Tong hop',
        title: `TỔNG HỢP CẢNH BÁO TÍNH ĐẾN NGÀY ${on}`,
        subtitle: scope.root.name,
        headings: ['Cảnh báo', 'Mức độ', 'Số lượng'],
        widths: [40, 14, 12],
        rows: [...[...counts.values()].map((c) => [c.title, c.severity, c.n]), ['Tổng số', '', alerts.length]],
      },
    );
  }

  /**
   * The alerts of an organisation's subtree on a date from the same sources as the alert list (one definition of
   * every rule), for the notice job's reminders: with SYSTEM_ACTOR and a root organisation, the whole tree.
   * Only the sources of `codes` run. Sorted like the list.
   */
  async subtreeAlerts(
    actor: Actor,
    organisationId: string,
    asOf: string,
    codes: readonly AlertCode[],
  ): Promise<Alert[]> {
    const scope = await this.data.scope(actor, organisationId, asOf);
    return this.alerts(scope, new Set(codes));
  }

  /** The codes the registered sources produce (of those wanted). */
  private producible(wanted: ReadonlySet<AlertCode> | null): AlertCode[] {
    return this.registry.sources.flatMap((s) => s.codes).filter((c) => !wanted || wanted.has(c));
  }

  /** The subtree's alerts (only the sources of the wanted codes run), with their organisations, sorted. */
  private alerts(scope: DashboardScope, wanted: ReadonlySet<AlertCode> | null): Promise<Shown[]> {
    return scope.once(`alerts:${wanted ? [...wanted].sort().join(',') : '*'}`, async () => {
      const sources = this.registry.sources.filter((s) => !wanted || s.codes.some((c) => wanted.has(c)));
      const found = (await Promise.all(sources.map((s) => s.collect(scope))))
        .flat()
        .filter((a) => !wanted || wanted.has(a.code));
      // Organisations as they stood on the as-of date: the subtree's (already loaded), others (e.g. a cell since
      // dissolved, for a past year's meetings) in one batch.
      const byId = new Map((await this.data.subtree(scope)).map((o) => [o.id, o] as const));
      const missing = [...new Set(found.map((a) => a.organisationId).filter((id) => !byId.has(id)))];
      for (const o of await this.orgs.findVisible(scope.actor, missing, scope.asOf)) byId.set(o.id, o);
      const shown = found
        .filter((a) => byId.has(a.organisationId))
        .map((a) => ({
          ...a,
          organisationCode: byId.get(a.organisationId)!.code,
          organisation: byId.get(a.organisationId)!,
        }));
      return sortAlerts(shown);
    });
  }

  // ---------------------------------------------------------------- sections

  async members(scope: DashboardScope): Promise<MembersSection> {
    const [counts, timeline, leavers, admissions] = await Promise.all([
      this.data.memberCounts(scope),
      this.data.timeline(scope),
      this.data.leavers(scope),
      this.data.admissions(scope),
    ]);
    const t = counts.total;
    return {
      ...t,
      byStatus: [
        { status: 'FULL', count: t.fullMembers },
        { status: 'PROBATIONARY', count: t.probationaryMembers },
      ],
      admissions,
      yearStart: scope.period.from,
      membersAtYearStart: timeline.atYearStart,
      leftInPeriod: [...leavers].map(([status, count]) => ({ status, count })),
      trend: timeline.trend,
    };
  }

  async meetings(scope: DashboardScope): Promise<MeetingsSection> {
    const c = await this.data.compliance(scope);
    return {
      from: scope.period.from,
      to: scope.period.to,
      cells: c.cellCount,
      cellsBehind: c.behindCount,
      behindPercent: c.behindPercent,
      attendancePercent: c.attendancePercent,
      regularHeld: c.cells.reduce((n, x) => n + x.regularHeld, 0),
      thematicHeld: c.cells.reduce((n, x) => n + x.thematicHeld, 0),
      held: c.counts.reduce((n, x) => n + x.count, 0),
      byKind: c.counts.map((k) => ({ kind: k.kind as MeetingKind, count: k.count })),
    };
  }

  async visits(scope: DashboardScope): Promise<VisitsSection> {
    const c = await this.data.coverage(scope);
    return {
      year: c.year,
      asOf: c.asOf,
      assignments: c.assignmentCount,
      assignmentsBehind: c.behindCount,
      behindPercent: c.behindPercent,
      required: c.required,
      done: c.done,
      scored: c.scored,
      unscored: c.unscored,
      cells: c.cellCount,
      cellsWithoutVisitor: c.unassignedCells.length,
    };
  }

  async organisations(scope: DashboardScope): Promise<OrganisationsSection> {
    const [orgs, flags] = await Promise.all([this.data.subtree(scope), this.alerts(scope, new Set(ORG_FLAG_CODES))]);
    const byKind = new Map<OrganisationKind, number>();
    for (const o of orgs) byKind.set(o.kind as OrganisationKind, (byKind.get(o.kind as OrganisationKind) ?? 0) + 1);
    return {
      total: orgs.length,
      byKind: [...byKind].map(([kind, count]) => ({ kind, count })),
      flagCounts: codeCounts(
        summariseAlerts(
          flags,
          ORG_FLAG_CODES.filter((c) => this.producible(null).includes(c)),
        ),
      ),
    };
  }

  async alertSummary(scope: DashboardScope): Promise<AlertSummary> {
    const counts = summariseAlerts(await this.alerts(scope, null), this.producible(null));
    return { total: counts.total, countsByCode: codeCounts(counts), countsBySeverity: counts.bySeverity };
  }

  /** Each direct child's headline figures, from the subtree-wide results grouped by branch: no query per child. */
  async children(scope: DashboardScope): Promise<ChildFigures[]> {
    const [orgs, counts, admitted, compliance, coverage, alerts] = await Promise.all([
      this.data.subtree(scope),
      this.data.memberCounts(scope),
      this.data.admissionFigures(scope),
      this.data.compliance(scope),
      this.data.coverage(scope),
      this.alerts(scope, null),
    ]);
    const tally = <T>(rows: readonly T[], path: (r: T) => string, take: (r: T) => boolean = () => true) => {
      const out = new Map<string, number>();
      for (const r of rows) {
        const child = scope.childOf(path(r));
        if (child && take(r)) out.set(child, (out.get(child) ?? 0) + 1);
      }
      return out;
    };
    const cells = tally(compliance.cells, (c) => c.organisation.path);
    const behind = tally(
      compliance.cells,
      (c) => c.organisation.path,
      (c) => c.behind,
    );
    const assignments = tally(coverage.lines, (l) => l.cell.path);
    const assignmentsBehind = tally(
      coverage.lines,
      (l) => l.cell.path,
      (l) => l.behind,
    );
    const alertCount = tally(alerts, (a) => a.organisation.path);
    const errors = tally(
      alerts,
      (a) => a.organisation.path,
      (a) => ALERT_CATALOGUE[a.code].severity === 'ERROR',
    );
    return orgs
      .filter((o) => o.parentId === scope.root.id)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((o) => {
        const m = counts.byChild.get(o.id);
        const c = cells.get(o.id) ?? 0;
        const b = behind.get(o.id) ?? 0;
        return Object.assign(new ChildFigures(), {
          organisation: o,
          members: m?.members ?? 0,
          fullMembers: m?.fullMembers ?? 0,
          probationaryMembers: m?.probationaryMembers ?? 0,
          admissions: admitted.byChild.get(o.id) ?? 0,
          cells: c,
          cellsBehind: b,
          behindPercent: percent(b, c),
          visitAssignments: assignments.get(o.id) ?? 0,
          visitAssignmentsBehind: assignmentsBehind.get(o.id) ?? 0,
          alerts: alertCount.get(o.id) ?? 0,
          alertErrors: errors.get(o.id) ?? 0,
          scope,
        });
      });
  }
}

const toItem = (a: Shown): AlertItem => {
  const def = ALERT_CATALOGUE[a.code];
  return {
    code: a.code,
    severity: def.severity,
    entity: def.entity,
    title: def.title.vi,
    message: formatAlert(a, 'vi'),
    messageEn: formatAlert(a, 'en'),
    organisation: a.organisation,
    memberId: a.memberId ?? null,
    memberName: a.memberName ?? null,
    meetingId: a.meetingId ?? null,
    visitId: a.visitId ?? null,
    dueOn: a.dueOn,
    params: a.params,
  };
};
