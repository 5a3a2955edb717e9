import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  badgeDue,
  DEFAULT_POLICY,
  MEMBER_RECORD_FIELD_LABELS,
  MEMBER_STATUS_LABELS,
  nextBadge,
  nextMemberEvents,
  partyAge,
  probationEnd,
  probationState,
  recognitionDeadline,
  type MemberState,
  type MemberStatus,
} from '@chibo/domain';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import { ImportFileInput, ImportSummary, summaryOf, tableOfInput } from '../../common/import/import.model';
import { MemberImportService } from './member-import.service';
import type { Actor } from '../../common/auth/actor';
import type { RequestContext } from '../../common/graphql/request-context';
import { PageInput } from '../../common/graphql/pagination';
import { DateScalar } from '../../common/graphql/scalars';
import { today } from '../../database/sql';
import { Organisation } from '../organisation/organisation.model';
import { OrganisationService } from '../organisation/organisation.service';
import { orgByIdLoader } from '../organisation/organisation.loaders';
import { PolicyService } from '../policy/policy.service';
import {
  CreateMemberInput,
  MemberDataInput,
  MemberEventInput,
  MemberFilter,
  RecordDisciplineInput,
} from './member.inputs';
import { startReport, viDate, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { ExportService } from '../../common/export/export.service';
import { Badge, Discipline, Member, MemberEvent, MemberPage, PartyAge, ProbationStateEnum } from './member.model';
import { DisciplineService } from './discipline.service';
import { MemberEventService } from './member-event.service';
import { MemberService } from './member.service';
import { MemberWriteService } from './member-write.service';
import { CommitteeSeat } from '../organisation/organisation.model';

@Resolver(() => Member)
export class MemberResolver implements OnModuleInit {
  constructor(
    private readonly memberService: MemberService,
    private readonly memberWrites: MemberWriteService,
    private readonly memberEvents: MemberEventService,
    private readonly disciplineService: DisciplineService,
    private readonly orgs: OrganisationService,
    private readonly policies: PolicyService,
    private readonly imports: MemberImportService,
    private readonly exporter: ExportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ filter?: MemberFilter; asOf?: string }>({
      name: 'members',
      field: 'membersXlsx',
      fileName: 'Danh sách đảng viên',
      args: { filter: MemberFilter, asOf: null },
      build: (actor, a, wb) => this.membersWorkbook(actor, a.filter, a.asOf, wb),
    });
  }

  @Query(() => Member, { description: 'One member as of a date. NOT_FOUND when missing or outside your scope.' })
  member(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Member id.' }) id: string,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Date (default today).' }) asOf?: string,
  ): Promise<Member> {
    return this.memberService.get(actor, id, asOf ?? today());
  }

  @Query(() => MemberPage, {
    description:
      'Members in your scope (or under `filter.organisationId`) on a date, ordered by name. Default: active (full and probationary) members.',
  })
  members(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => MemberFilter, nullable: true, description: 'Filter.' }) filter?: MemberFilter,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Date (default today).' }) asOf?: string,
  ) {
    return this.memberService.list(actor, filter, page, asOf ?? today());
  }

  @Query(() => String, {
    description:
      "The members matching the filter on a date (all pages, at most 50,000) as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings, in the list's order. Scoped like `members`.",
    deprecationReason:
      'Use GET /exports/members.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  membersXlsx(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => MemberFilter, nullable: true, description: 'Filter (as for `members`).' })
    filter?: MemberFilter,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Date (default today).' }) asOf?: string,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'members', { filter, asOf });
  }

  /** The member list export (GET /exports/members.xlsx, membersXlsx). */
  private async membersWorkbook(
    actor: Actor,
    filter: MemberFilter | undefined,
    asOf: string | undefined,
    wb: ExportWorkbook,
  ): Promise<void> {
    const d = asOf ?? today();
    // The headings are the members screen's column labels for the same fields (MEMBER_RECORD_FIELD_LABELS): "Ngày
    // vào Đảng" is the ceremony date there and here.
    const L = (f: string) => MEMBER_RECORD_FIELD_LABELS[f]!.vi;
    // Page by page (500 members): each page's cells named in one query, its rows written and forgotten, so a
    // streamed download holds one page. The first page is read before the sheet starts: NOT_FOUND stays an answer.
    const cellNames = new Map<string, string>();
    let page = await this.memberService.list(actor, filter, { offset: 0, limit: 500 }, d);
    const add = startReport(wb, {
      name: 'Dang vien',
      title: `DANH SÁCH ĐẢNG VIÊN TÍNH ĐẾN NGÀY ${viDate(d)}`,
      subtitle: await this.orgs.exportLine(actor, d, filter?.organisationId),
      headings: [
        'STT',
        L('fullName'),
        L('birthDate'),
        L('gender'),
        'Chi bộ',
        'Trạng thái',
        L('cardNumber'),
        L('ceremonyDate'),
        L('fullMembershipDate'),
        L('post'),
        'Ghi chú',
      ],
      widths: [6, 28, 12, 9, 32, 12, 16, 14, 14, 24, 16],
    });
    let n = 0;
    for (let offset = 0; offset < 50_000;) {
      const unseen = [
        ...new Set(page.items.map((m) => m.organisationId).filter((id): id is string => !!id && !cellNames.has(id))),
      ];
      for (const id of unseen) cellNames.set(id, '');
      for (const o of await this.orgs.findVisible(actor, unseen, d)) cellNames.set(o.id, o.name);
      for (const m of page.items) {
        add([
          ++n,
          m.fullName,
          xlDate(m.birthDate),
          m.gender === 'MALE' ? 'Nam' : m.gender === 'FEMALE' ? 'Nữ' : '',
          m.organisationId ? (cellNames.get(m.organisationId) ?? '') : '',
          MEMBER_STATUS_LABELS[m.status as MemberStatus]?.vi ?? m.status,
          m.cardNumber ?? '',
          xlDate(m.ceremonyDate),
          xlDate(m.fullMembershipDate),
          m.post ?? '',
          m.exemption ? 'Miễn sinh hoạt' : '',
        ]);
      }
      if (page.items.length < 500) break;
      offset += 500;
      if (offset >= 50_000) break;
      page = await this.memberService.list(actor, filter, { offset, limit: 500 }, d);
    }
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The cell on the as-of date (or the last one, for members who left); null if outside your scope.',
  })
  organisation(@Parent() m: Member, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    if (!m.organisationId) return Promise.resolve(null);
    return orgByIdLoader(ctx, this.orgs, m.asOf).load(m.organisationId);
  }

  @ResolveField(() => PartyAge, {
    nullable: true,
    description: 'Party age on the as-of date, from the admission decision date.',
  })
  partyAge(@Parent() m: Member): PartyAge | null {
    return m.admissionDecisionDate && m.admissionDecisionDate <= m.asOf
      ? partyAge(m.admissionDecisionDate, m.asOf)
      : null;
  }

  @ResolveField(() => ProbationStateEnum, { description: 'Probation state on the as-of date.' })
  async probationState(@Parent() m: Member, @Ctx() ctx: RequestContext): Promise<string> {
    return probationState(
      { status: m.status as MemberStatus, ceremonyDate: m.ceremonyDate },
      m.asOf,
      await this.policy(ctx, m),
    );
  }

  @ResolveField(() => DateScalar, { nullable: true, description: 'End of probation (ceremony + 12 months).' })
  async probationEnd(@Parent() m: Member, @Ctx() ctx: RequestContext): Promise<string | null> {
    return m.ceremonyDate ? probationEnd(m.ceremonyDate, await this.policy(ctx, m)) : null;
  }

  @ResolveField(() => DateScalar, {
    nullable: true,
    description: 'Last day for the cell to consider recognition (probation end + 30 working days).',
  })
  async recognitionDeadline(@Parent() m: Member, @Ctx() ctx: RequestContext): Promise<string | null> {
    return m.ceremonyDate ? recognitionDeadline(m.ceremonyDate, await this.policy(ctx, m)) : null;
  }

  @ResolveField(() => Badge, { nullable: true, description: 'Next party badge milestone after the as-of date.' })
  async nextBadge(@Parent() m: Member, @Ctx() ctx: RequestContext): Promise<Badge | null> {
    if (!m.admissionDecisionDate || (m.status !== 'FULL' && m.status !== 'PROBATIONARY')) return null;
    return nextBadge(m.admissionDecisionDate, m.asOf, await this.policy(ctx, m));
  }

  @ResolveField(() => Badge, {
    nullable: true,
    description: 'The badge milestone the member reaches in a given year, with its award occasion (null if none).',
  })
  async badgeDue(
    @Parent() m: Member,
    @Ctx() ctx: RequestContext,
    @Args('year', { type: () => Int, description: 'Calendar year.' }) year: number,
  ): Promise<Badge | null> {
    if (!m.admissionDecisionDate) return null;
    return badgeDue(m.admissionDecisionDate, year, await this.policy(ctx, m));
  }

  @ResolveField(() => [String], {
    description:
      "The lifecycle events `recordMemberEvent` would accept next for the member as they are on the as-of date (RECOGNISED_FULL, TRANSFER_OUT, EXEMPTED, …; docs/rules.md#r-member-lifecycle), for a form's menu; empty for members who left. The mutation still checks the dates and the other rules.",
  })
  allowedEvents(@Parent() m: Member): string[] {
    return nextMemberEvents({
      status: m.status as MemberStatus,
      exempt: (m.exemption as MemberState['exempt']) ?? null,
      temporarilyAway: m.temporarilyAway,
      temporaryGuest: false,
    });
  }

  @ResolveField(() => [MemberEvent], { description: 'Lifecycle history, oldest first.' })
  events(@Parent() m: Member, @Ctx() ctx: RequestContext): Promise<MemberEvent[]> {
    return ctx.loaders
      .for(
        'memberEvents',
        m.asOf,
        (ids: readonly string[], d) => this.memberService.eventsOf(ids, d),
        [] as MemberEvent[],
      )
      .load(m.id);
  }

  @ResolveField(() => [Discipline], { description: 'Discipline decisions, oldest first.' })
  disciplines(@Parent() m: Member, @Ctx() ctx: RequestContext): Promise<Discipline[]> {
    return ctx.loaders
      .for(
        'memberDisciplines',
        m.asOf,
        (ids: readonly string[]) => this.disciplineService.disciplinesOf(ids),
        [] as Discipline[],
      )
      .load(m.id);
  }

  private policy(ctx: RequestContext, m: Member) {
    if (!m.organisationId) return Promise.resolve(DEFAULT_POLICY);
    return ctx.loaders
      .for('policy', m.asOf, (ids: readonly string[], d) => this.policies.forOrganisations(ids, d), DEFAULT_POLICY)
      .load(m.organisationId);
  }

  @Mutation(() => ImportSummary, {
    description:
      "Import members from a CSV or XLSX file (the columns of docs/import-export.md): each row created in its cell, or updated by national ID; every cell must be writable by the caller. All rows or none unless skipInvalid; refused rows answer IMPORT_INVALID with extensions.rows [{row, column, reason}]. One audit entry per import with the file's SHA-256.",
  })
  async importMembers(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The file.' }) input: ImportFileInput,
  ): Promise<ImportSummary> {
    return summaryOf(await this.imports.importTable(ctx, await tableOfInput(input), input.skipInvalid ?? false));
  }

  @Mutation(() => Member, {
    description: 'Create a member record in a cell (admitted there, or transferred in from outside).',
  })
  createMember(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: CreateMemberInput,
  ): Promise<Member> {
    return this.memberWrites.create(ctx, input);
  }

  @Mutation(() => Member, {
    description: "Change a member's personal and party data (not status or cell: use recordMemberEvent).",
  })
  updateMember(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Member id.' }) id: string,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: MemberDataInput,
  ): Promise<Member> {
    return this.memberWrites.update(ctx, id, input);
  }

  @Mutation(() => Member, {
    description:
      "Record a lifecycle event: recognition, transfer, exemption, removal, death. Refused when the member's status does not allow it.",
  })
  recordMemberEvent(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: MemberEventInput,
  ): Promise<Member> {
    return this.memberEvents.recordEvent(ctx, input);
  }

  @Mutation(() => Discipline, {
    description:
      "Record a discipline decision; the form must be allowed for the member's status and within the deciding body's authority. KHAI_TRU expels.",
  })
  recordDiscipline(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: RecordDisciplineInput,
  ): Promise<Discipline> {
    return this.disciplineService.recordDiscipline(ctx, input);
  }
}

@Resolver(() => CommitteeSeat)
export class CommitteeSeatResolver {
  constructor(private readonly memberService: MemberService) {}

  @ResolveField(() => Member, {
    nullable: true,
    description: 'The member holding the seat (null if outside your scope).',
  })
  member(@Parent() s: CommitteeSeat, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return ctx.loaders
      .for(
        'memberById',
        s.asOf,
        async (ids: readonly string[], d, actor) =>
          new Map((await this.memberService.findVisible(actor, ids, d)).map((x) => [x.id, x] as const)),
        null as Member | null,
      )
      .load(s.memberId);
  }
}
