import type { OnModuleInit } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import { ExportService } from '../../common/export/export.service';
import type { RequestContext } from '../../common/graphql/request-context';
import type { Actor } from '../../common/auth/actor';
import {
  AlertList,
  AlertsInput,
  AlertSummary,
  ChildFigures,
  Dashboard,
  DashboardInput,
  MeetingsSection,
  MembersSection,
  OrganisationsSection,
  VisitsSection,
} from './dashboard.model';
import { DashboardService } from './dashboard.service';

// Thin: the service computes; each section is a field, computed only when asked. Other areas add sections to
// Dashboard (or figures to ChildFigures) with their own @Resolver(() => Dashboard) class and @ResolveField.
@Resolver(() => Dashboard)
export class DashboardResolver implements OnModuleInit {
  constructor(
    private readonly service: DashboardService,
    private readonly exporter: ExportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ input: AlertsInput }>({
      name: 'alerts',
      field: 'alertsXlsx',
      fileName: 'Cảnh báo',
      args: { input: AlertsInput },
      build: (actor, a, wb) => this.service.alertsWorkbook(actor, a.input, wb),
    });
  }

  @Query(() => AlertList, {
    description:
      "The alerts of an organisation's subtree on a date (docs/rules.md#alerts), sorted: errors first, then the oldest deadline. Each points at the record to fix. NOT_FOUND outside your scope; you need to read the subtree (a member's own-cell access is not enough).",
  })
  alerts(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Organisation, date, year, codes and page.' }) input: AlertsInput,
  ): Promise<AlertList> {
    return this.service.alertList(actor, input);
  }

  @Query(() => String, {
    description:
      "Every alert matching the input (all pages) as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: one row per alert in the list's order, then the counts per rule. NOT_FOUND outside your scope.",
    deprecationReason:
      'Use GET /exports/alerts.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  alertsXlsx(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Organisation, date, year and codes (the page is ignored).' }) input: AlertsInput,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'alerts', { input });
  }

  @Query(() => Dashboard, {
    description:
      "The dashboard of an organisation's subtree on a date: members, meetings, visits, organisations, drill-down to the direct children, alert counts. Each figure's description names the query listing the rows behind it. NOT_FOUND outside your scope.",
  })
  dashboard(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Organisation, date and year.' }) input: DashboardInput,
  ): Promise<Dashboard> {
    return this.service.dashboard(actor, input);
  }

  @ResolveField(() => MembersSection, {
    description: 'Members: by status, exempt, admissions of the year, at the start of the year, leavers, 5-year trend.',
  })
  members(@Parent() d: Dashboard): Promise<MembersSection> {
    return this.service.members(d.scope);
  }

  @ResolveField(() => MeetingsSection, {
    description: 'Cell meetings of the year up to the as-of date: compliance, attendance, counts by kind.',
  })
  meetings(@Parent() d: Dashboard): Promise<MeetingsSection> {
    return this.service.meetings(d.scope);
  }

  @ResolveField(() => VisitsSection, {
    description: "Committee members' visits to cell meetings in the year: coverage and scores.",
  })
  visits(@Parent() d: Dashboard): Promise<VisitsSection> {
    return this.service.visits(d.scope);
  }

  @ResolveField(() => OrganisationsSection, { description: 'Organisations by kind, and their rule-based flags.' })
  organisations(@Parent() d: Dashboard): Promise<OrganisationsSection> {
    return this.service.organisations(d.scope);
  }

  @ResolveField(() => [ChildFigures], {
    description: 'The headline figures of each direct child organisation (by code), for drill-down.',
  })
  children(@Parent() d: Dashboard): Promise<ChildFigures[]> {
    return this.service.children(d.scope);
  }

  @ResolveField('alerts', () => AlertSummary, {
    description: 'Alert counts (the list: alerts(input: { organisationId, asOf, year })).',
  })
  alertSummary(@Parent() d: Dashboard): Promise<AlertSummary> {
    return this.service.alertSummary(d.scope);
  }
}
