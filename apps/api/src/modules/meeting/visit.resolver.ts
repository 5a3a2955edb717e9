import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '@chibo/domain';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import type { RequestContext } from '../../common/graphql/request-context';
import { PageInput } from '../../common/graphql/pagination';
import { DateScalar } from '../../common/graphql/scalars';
import { viDate, writeReport, type ExportWorkbook } from '../../common/export/workbook';
import { ExportService } from '../../common/export/export.service';
import { OrganisationService } from '../organisation/organisation.service';
import { Meeting } from './meeting.model';
import {
  AssignableVisitor,
  AssignVisitorInput,
  RecordVisitInput,
  Visit,
  VisitAssignment,
  VisitCoverageInput,
  VisitCoverageReport,
  VisitPage,
  VisitReport,
  VisitReportInput,
} from './visit.model';
import { ALL_ROWS, VisitService } from './visit.service';
import { VisitReportService } from './visit-report.service';
import { VisitWriteService } from './visit-write.service';

@Resolver(() => Meeting)
export class VisitResolver implements OnModuleInit {
  constructor(
    private readonly service: VisitService,
    private readonly writes: VisitWriteService,
    private readonly reports: VisitReportService,
    private readonly orgs: OrganisationService,
    private readonly exporter: ExportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ input: VisitReportInput }>({
      name: 'visit-report',
      field: 'visitReportXlsx',
      fileName: 'Báo cáo dự sinh hoạt chi bộ',
      args: { input: VisitReportInput },
      build: (actor, a, wb) => this.reports.reportWorkbook(actor, a.input, wb),
    });
    this.exporter.register<{ input: VisitCoverageInput }>({
      name: 'visit-coverage',
      field: 'visitCoverageXlsx',
      fileName: 'Tình hình dự sinh hoạt chi bộ',
      args: { input: VisitCoverageInput },
      build: (actor, a, wb) => this.coverageWorkbook(actor, a.input, wb),
    });
  }

  @Query(() => [VisitAssignment], { description: 'Visit assignments: yours, and those on cells in your scope.' })
  visitAssignments(
    @CurrentActor() actor: Actor,
    @Args('cellId', { type: () => ID, nullable: true, description: 'Only this cell.' }) cellId?: string,
    @Args('visitorUserId', { type: () => ID, nullable: true, description: 'Only this visitor.' })
    visitorUserId?: string,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Only assignments in force on this date.' })
    asOf?: string,
  ): Promise<VisitAssignment[]> {
    return this.service.assignments(actor, { cellId, visitorUserId, asOf });
  }

  @Query(() => [AssignableVisitor], {
    description:
      'The users you may assign (assignVisitor) to follow the cells of an organisation you may change: active users with a committee grant or a visit assignment inside your write scope above it (an administrator: every active user), by display name. NOT_FOUND outside your scope, FORBIDDEN where you may only read.',
  })
  assignableVisitors(
    @CurrentActor() actor: Actor,
    @Args('organisationId', {
      type: () => ID,
      description: 'The cell to assign a visitor to (or an organisation above its cells).',
    })
    organisationId: string,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: 'The date the scope and the grants are read on (default: today).',
    })
    asOf?: string,
  ): Promise<AssignableVisitor[]> {
    return this.service.assignableVisitors(actor, organisationId, asOf ?? undefined);
  }

  @Query(() => VisitPage, { description: 'Visits: yours, and those to meetings you may see.' })
  visits(
    @CurrentActor() actor: Actor,
    @Args('organisationId', {
      type: () => ID,
      nullable: true,
      description: 'Meetings of cells under this organisation.',
    })
    organisationId?: string,
    @Args('visitorUserId', { type: () => ID, nullable: true, description: 'Only this visitor.' })
    visitorUserId?: string,
    @Args('from', { type: () => DateScalar, nullable: true, description: 'Meetings from this date.' }) from?: string,
    @Args('to', { type: () => DateScalar, nullable: true, description: 'Meetings up to this date.' }) to?: string,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.service.visits(actor, { organisationId, visitorUserId, from, to }, page);
  }

  @Query(() => VisitReport, {
    description:
      'The monthly visit report of a committee, compiled from the records: per visitor, visits, scored and unscored, cells not visited, report state.',
  })
  visitReport(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Committee and month.' }) input: VisitReportInput,
  ): Promise<VisitReport> {
    return this.reports.report(actor, input);
  }

  @Query(() => VisitCoverageReport, {
    description:
      'Yearly visit coverage under an organisation: per visitor assignment, visits required (policy, pro rata), due so far, done and scored, who is behind; and the cells with no visitor assigned.',
  })
  visitCoverage(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Organisation, year and as-of date.' }) input: VisitCoverageInput,
  ): Promise<VisitCoverageReport> {
    return this.service.coverage(actor, input);
  }

  @Query(() => String, {
    description:
      'The monthly visit report as an Excel workbook (base64-encoded .xlsx), with Vietnamese headings: one sheet per committee report, one row per visitor, then the visits behind it.',
    deprecationReason:
      'Use GET /exports/visit-report.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  visitReportXlsx(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Committee and month.' }) input: VisitReportInput,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'visit-report', { input });
  }

  @Query(() => String, {
    description:
      'Yearly visit coverage under an organisation (as `visitCoverage`) as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: one row per visitor assignment, those behind first; a second sheet lists the cells with no visitor assigned.',
    deprecationReason:
      'Use GET /exports/visit-coverage.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  visitCoverageXlsx(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Organisation, year and as-of date.' }) input: VisitCoverageInput,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'visit-coverage', { input });
  }

  /** The coverage export (GET /exports/visit-coverage.xlsx, visitCoverageXlsx). */
  private async coverageWorkbook(actor: Actor, input: VisitCoverageInput, wb: ExportWorkbook): Promise<void> {
    const c = await this.service.coverage(actor, input);
    const subtitle = `${await this.orgs.exportLine(actor, c.asOf, input.organisationId)} — tính đến ngày ${viDate(c.asOf)}`;
    writeReport(
      wb,
      {
        name: 'Du sinh hoat',
        title: `TÌNH HÌNH DỰ SINH HOẠT CHI BỘ NĂM ${c.year}`,
        subtitle,
        headings: [
          'STT',
          'Người dự',
          'Chi bộ',
          'Số lần phải dự trong năm',
          'Phải dự đến nay',
          'Đã dự',
          'Có chấm điểm',
          'Chưa chấm điểm',
          'Tình trạng',
        ],
        widths: [6, 28, 32, 14, 14, 10, 12, 14, 12],
        rows: c.lines.map((l, i) => [
          i + 1,
          l.assignment.visitorName,
          l.cell.name,
          l.required,
          l.dueSoFar,
          l.done,
          l.scored,
          l.unscored,
          l.behind ? 'Chậm' : 'Đạt',
        ]),
      },
      {
        name: 'Chi bo chua phan cong',
        title: `CHI BỘ CHƯA PHÂN CÔNG NGƯỜI DỰ SINH HOẠT NĂM ${c.year}`,
        subtitle,
        headings: ['STT', 'Mã', 'Chi bộ'],
        widths: [6, 16, 40],
        rows: c.unassignedCells.map((o, i) => [i + 1, o.code, o.name]),
      },
    );
  }

  @ResolveField(() => [Visit], { description: 'Visits recorded for this meeting.' })
  visitRecords(@Parent() m: Meeting, @Ctx() ctx: RequestContext): Promise<Visit[]> {
    return ctx.loaders
      .for(
        'meetingVisits',
        'all',
        async (ids: readonly string[], _d, actor) => {
          const page = await this.service.visits(actor, { meetingIds: ids }, ALL_ROWS);
          const out = new Map<string, Visit[]>(ids.map((id) => [id, []]));
          for (const v of page.items) out.get(v.meetingId)?.push(v);
          return out;
        },
        [] as Visit[],
      )
      .load(m.id);
  }

  @Mutation(() => VisitAssignment, {
    description: "Assign a committee member or staff member (a user) to follow a cell's meetings.",
  })
  assignVisitor(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Assignment.' }) input: AssignVisitorInput,
  ): Promise<VisitAssignment> {
    return this.writes.assign(ctx, input);
  }

  @Mutation(() => VisitAssignment, { description: 'End a visit assignment on a date.' })
  endVisitAssignment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Assignment.' }) id: string,
    @Args('to', { type: () => DateScalar, description: 'End (exclusive).' }) to: string,
  ): Promise<VisitAssignment> {
    return this.writes.endAssignment(ctx, id, to);
  }

  @Mutation(() => Visit, {
    description:
      "Record your visit to a held meeting of a cell assigned to you, with your score on the policy's score sheet (recording again replaces it).",
  })
  recordVisit(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The visit.' }) input: RecordVisitInput,
  ): Promise<Visit> {
    return this.writes.record(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Submit your monthly visit report (YYYY-MM).' })
  submitVisitReport(
    @Ctx() ctx: RequestContext,
    @Args('month', { description: 'Month, YYYY-MM.' }) month: string,
    @Args('note', { nullable: true, description: 'Note to the standing committee.' }) note?: string,
  ): Promise<boolean> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      return Promise.reject(new DomainError('VALIDATION', 'month must be YYYY-MM', 'month'));
    return this.writes.submitReport(ctx, month, note);
  }
}
