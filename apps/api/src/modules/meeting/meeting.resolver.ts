import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  absenceStreaks,
  attendanceRate,
  DEFAULT_POLICY,
  DomainError,
  formatMeetingFlag,
  formatPeriod,
  meetingFlags,
} from '@chibo/domain';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import type { RequestContext } from '../../common/graphql/request-context';
import { PageInput } from '../../common/graphql/pagination';
import { today } from '../../database/sql';
import { Organisation } from '../organisation/organisation.model';
import { orgByIdAtLoader, splitKey } from '../organisation/organisation.loaders';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import { viDate, writeReport, type ExportWorkbook } from '../../common/export/workbook';
import { ExportService } from '../../common/export/export.service';
import { ComplianceInput, MeetingCompliance } from './compliance.model';
import { ComplianceService } from './compliance.service';
import {
  AddMeetingDocumentInput,
  AttendanceRate,
  AttendanceRecord,
  CreateMeetingInput,
  Meeting,
  MeetingAmendment,
  MeetingDocument,
  MeetingFilter,
  MeetingFlag,
  MeetingPage,
  MeetingPlanInput,
  MeetingRecordInput,
  RecordMeetingOptions,
} from './meeting.model';
import { MeetingService } from './meeting.service';
import { MeetingWorkbookService } from './meeting-workbook.service';
import { MeetingPlanService } from './meeting-plan.service';
import { MeetingWriteService } from './meeting-write.service';
import { MeetingDocumentService } from './meeting-document.service';

@Resolver(() => Meeting)
export class MeetingResolver implements OnModuleInit {
  constructor(
    private readonly meetings: MeetingService,
    private readonly plans: MeetingPlanService,
    private readonly writes: MeetingWriteService,
    private readonly workbook: MeetingWorkbookService,
    private readonly complianceService: ComplianceService,
    private readonly orgs: OrganisationService,
    private readonly policies: PolicyService,
    private readonly documents: MeetingDocumentService,
    private readonly exporter: ExportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ filter?: MeetingFilter }>({
      name: 'meetings',
      field: 'meetingsXlsx',
      fileName: 'Sinh hoạt chi bộ',
      args: { filter: MeetingFilter },
      build: async (actor, a, wb) =>
        this.workbook.listWorkbook(
          actor,
          a.filter,
          wb,
          await this.orgs.exportLine(actor, a.filter?.to ?? today(), a.filter?.organisationId),
        ),
    });
    this.exporter.register<{ input: ComplianceInput }>({
      name: 'meeting-compliance',
      field: 'meetingComplianceXlsx',
      fileName: 'Tình hình sinh hoạt chi bộ',
      args: { input: ComplianceInput },
      build: (actor, a, wb) => this.complianceWorkbook(actor, a.input, wb),
    });
  }

  @ResolveField(() => [MeetingDocument], {
    description: 'Documents attached to the meeting (files and links), oldest first.',
  })
  documentList(@Parent() m: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingDocument[]> {
    return ctx.loaders
      .for(
        'meetingDocuments',
        'all',
        (ids: readonly string[], _d, actor) => this.documents.ofMeetings(actor, ids),
        [] as MeetingDocument[],
      )
      .load(m.id);
  }

  @Query(() => String, {
    description:
      "A stored meeting document's content, base64-encoded. NOT_FOUND when the meeting is not visible to you.",
  })
  meetingDocumentContent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Document.' }) id: string,
  ): Promise<string> {
    return this.documents.content(actor, id);
  }

  @Mutation(() => MeetingDocument, {
    description:
      'Attach a document (a file or a link) to a meeting that is not closed or cancelled; by whoever may change the meeting.',
  })
  addMeetingDocument(
    @Ctx() ctx: RequestContext,
    @Args('meetingId', { type: () => ID, description: 'Meeting.' }) meetingId: string,
    @Args('input', { description: 'The document.' }) input: AddMeetingDocumentInput,
  ): Promise<MeetingDocument> {
    return this.documents.add(ctx, meetingId, input);
  }

  @Mutation(() => Boolean, {
    description: 'Remove a document from a meeting that is not closed or cancelled (the stored file is deleted).',
  })
  removeMeetingDocument(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Document.' }) id: string,
  ): Promise<boolean> {
    return this.documents.remove(ctx, id);
  }

  @Query(() => Meeting, {
    description:
      'One meeting. NOT_FOUND when missing or not visible to you (cell outside your scope, not assigned to you, or not yet published to members).',
  })
  meeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Meeting id.' }) id: string,
  ): Promise<Meeting> {
    return this.meetings.get(actor, id);
  }

  @Query(() => MeetingPage, { description: "Meetings you may see, newest first: a cell's calendar, or a subtree's." })
  meetingList(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => MeetingFilter, nullable: true, description: 'Filter.' }) filter?: MeetingFilter,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.meetings.list(actor, filter, page);
  }

  @Query(() => String, {
    description:
      'The meetings matching the filter (all pages, at most 50,000, in the order of `meetingList`) as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: cell, date, time, kind, subject, state, present/expected, minutes and resolution recorded or not, committee members who attended. Scoped like `meetingList`.',
    deprecationReason:
      'Use GET /exports/meetings.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  meetingsXlsx(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => MeetingFilter, nullable: true, description: 'Filter (as for `meetingList`).' })
    filter?: MeetingFilter,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'meetings', { filter });
  }

  @Query(() => MeetingCompliance, {
    description:
      'Which cells under an organisation are behind on their meetings (a regular meeting every month, a thematic one every quarter, per the policy in force), with counts by kind and attendance.',
  })
  meetingCompliance(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Organisation and period.' }) input: ComplianceInput,
  ): Promise<MeetingCompliance> {
    return this.complianceService.compliance(actor, input);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The cell, as it stood on the meeting date (null if outside your scope, e.g. for a visitor).',
  })
  organisation(@Parent() m: Meeting, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    // One loader for every date of the list: (cell, meeting date) pairs answered by one statement.
    return orgByIdAtLoader(ctx, this.orgs).load(`${m.organisationId}|${m.date}`);
  }

  @ResolveField(() => [AttendanceRecord], { description: 'Attendance per member.' })
  attendance(@Parent() m: Meeting, @Ctx() ctx: RequestContext): Promise<AttendanceRecord[]> {
    return this.attendanceLoader(ctx).load(m.id);
  }

  @ResolveField(() => AttendanceRate, { description: 'Attendance rate (exempt members excluded).' })
  async attendanceRate(@Parent() m: Meeting, @Ctx() ctx: RequestContext): Promise<AttendanceRate> {
    return attendanceRate(await this.attendanceLoader(ctx).load(m.id));
  }

  @ResolveField(() => [MeetingFlag], {
    description:
      "Rule-based warnings: attendance below the policy's threshold, unexcused absences, members absent three meetings in a row, too short, minutes or resolution missing after the due days.",
  })
  async flags(@Parent() m: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingFlag[]> {
    const [rows, history, policy] = await Promise.all([
      this.attendanceLoader(ctx).load(m.id),
      // Keyed by (cell, meeting date): one statement each for the whole list, whatever the number of dates.
      ctx.loaders
        .for(
          'cellMeetingHistoryAt',
          'pairs',
          (keys: readonly string[]) => this.meetings.heldHistoryAt(keys.map(splitKey)),
          [],
        )
        .load(`${m.organisationId}|${m.date}`),
      ctx.loaders
        .for(
          'policyAt',
          'pairs',
          (keys: readonly string[]) => this.policies.forOrganisationsAt(keys.map(splitKey)),
          DEFAULT_POLICY,
        )
        .load(`${m.organisationId}|${m.date}`),
    ]);
    const upToThis = history.filter((h) => h.date < m.date || (h.date === m.date && h.id <= m.id));
    const streaks =
      m.state === 'HELD' || m.state === 'CLOSED' ? absenceStreaks(upToThis, policy).filter((s) => s.to === m.date) : [];
    const flags = meetingFlags(
      {
        kind: m.kind,
        date: m.date,
        state: m.state,
        startTime: m.actualStart ?? m.startTime,
        endTime: m.actualEnd ?? m.endTime,
        rows,
        minutesPresent: !!m.minutes?.trim(),
        resolutionPresent: !!m.resolution?.trim(),
        asOf: today(),
        streaks,
      },
      policy,
    );
    return flags.map((f) => ({ ...f, message: formatMeetingFlag(f, 'vi'), messageEn: formatMeetingFlag(f, 'en') }));
  }

  @ResolveField(() => [MeetingAmendment], { description: 'Corrections made after closing, oldest first.' })
  amendments(@Parent() m: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingAmendment[]> {
    return ctx.loaders
      .for(
        'meetingAmendments',
        'all',
        (ids: readonly string[]) => this.meetings.amendmentsOf(ids),
        [] as MeetingAmendment[],
      )
      .load(m.id);
  }

  private attendanceLoader(ctx: RequestContext) {
    return ctx.loaders.for(
      'meetingAttendance',
      'all',
      (ids: readonly string[]) => this.meetings.attendanceOf(ids),
      [] as AttendanceRecord[],
    );
  }

  @Query(() => String, {
    description:
      'Meeting compliance of the cells under an organisation (as `meetingCompliance`) as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: one row per cell, those behind first, with what is missing.',
    deprecationReason:
      'Use GET /exports/meeting-compliance.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  meetingComplianceXlsx(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Organisation and period.' }) input: ComplianceInput,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'meeting-compliance', { input });
  }

  /** The compliance export (GET /exports/meeting-compliance.xlsx, meetingComplianceXlsx). */
  private async complianceWorkbook(actor: Actor, input: ComplianceInput, wb: ExportWorkbook): Promise<void> {
    const c = await this.complianceService.compliance(actor, input);
    const parents = new Map(
      (
        await this.orgs.findVisible(
          actor,
          [...new Set(c.cells.map((x) => x.organisation.parentId).filter((x): x is string => !!x))],
          input.to,
        )
      ).map((o) => [o.id, o.name]),
    );
    const missing = (m: { kind: string; period: string }) =>
      `${m.kind === 'REGULAR' ? 'Thường kỳ' : 'Chuyên đề'} ${formatPeriod(m.period, 'vi')}`;
    writeReport(wb, {
      name: 'Tinh hinh sinh hoat',
      title: `TÌNH HÌNH SINH HOẠT CHI BỘ TỪ ${viDate(input.from)} ĐẾN ${viDate(input.to)}`,
      subtitle: `${await this.orgs.exportLine(actor, input.to, input.organisationId)} — ${c.behindCount}/${c.cellCount} chi bộ chưa sinh hoạt đủ`,
      headings: [
        'STT',
        'Chi bộ',
        'Trực thuộc',
        'Tình trạng',
        'SH thường kỳ',
        'SH chuyên đề',
        'Tỷ lệ dự họp (%)',
        'Còn thiếu',
      ],
      widths: [6, 32, 32, 12, 12, 12, 14, 60],
      rows: c.cells.map((x, i) => [
        i + 1,
        x.organisation.name,
        x.organisation.parentId ? (parents.get(x.organisation.parentId) ?? '') : '',
        x.behind ? 'Chưa đủ' : 'Đủ',
        x.regularHeld,
        x.thematicHeld,
        x.attendancePercent ?? '',
        x.missing.map(missing).join('; '),
      ]),
    });
  }

  @Mutation(() => Meeting, { description: 'Plan a meeting for a cell (its secretary or the committee office).' })
  createMeeting(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The plan.' }) input: CreateMeetingInput,
  ): Promise<Meeting> {
    return this.plans.create(ctx, input);
  }

  @Mutation(() => Meeting, { description: 'Change the plan of a meeting that is not closed.' })
  updateMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Meeting.' }) id: string,
    @Args('input', { description: 'Fields to change.' }) input: MeetingPlanInput,
  ): Promise<Meeting> {
    return this.plans.updatePlan(ctx, id, input);
  }

  @Mutation(() => Meeting, {
    description:
      'Record a held meeting: attendance, times, minutes, resolution and votes, tasks, self-assessment. The meeting becomes HELD. ' +
      'CONFLICT with reason MEETING_CLOSED / MEETING_CANCELLED when it is closed or cancelled; with reason MEETING_CHANGED (and extensions.version, the current version) when expectedVersion is given and the meeting changed since; ' +
      'with reason CLIENT_KEY_REUSED when clientKey was already used by this caller for another change.',
  })
  recordMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Meeting.' }) id: string,
    @Args('input', { description: 'The record.' }) input: MeetingRecordInput,
    @Args() options: RecordMeetingOptions,
  ): Promise<Meeting> {
    return this.writes.record(ctx, id, input, options);
  }

  @Mutation(() => Meeting, { description: 'Close (lock) a held meeting; later corrections are amendments.' })
  closeMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Meeting.' }) id: string,
  ): Promise<Meeting> {
    return this.writes.close(ctx, id);
  }

  @Mutation(() => Meeting, { description: 'Cancel a planned meeting.' })
  cancelMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Meeting.' }) id: string,
    @Args('reason', { description: 'Why.' }) reason: string,
  ): Promise<Meeting> {
    return this.plans.cancel(ctx, id, reason);
  }

  @Mutation(() => Meeting, { description: 'Correct a closed meeting; the change is kept with who, when and why.' })
  amendMeeting(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Meeting.' }) id: string,
    @Args('reason', { description: 'Why the correction is made (required).' }) reason: string,
    @Args('input', { description: 'The corrected fields.' }) input: MeetingRecordInput,
  ): Promise<Meeting> {
    if (!reason.trim()) return Promise.reject(new DomainError('VALIDATION', 'An amendment needs a reason', 'reason'));
    return this.writes.amend(ctx, id, reason, input);
  }
}
