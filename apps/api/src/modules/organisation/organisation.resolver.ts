import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { formatFlag, hasCellCommittee, DEFAULT_POLICY, ORGANISATION_KIND_LABELS } from '@chibo/domain';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import { ImportFileInput, ImportSummary, summaryOf, tableOfInput } from '../../common/import/import.model';
import { OrganisationImportService } from './organisation-import.service';
import type { Actor } from '../../common/auth/actor';
import type { RequestContext } from '../../common/graphql/request-context';
import { PageInput } from '../../common/graphql/pagination';
import { DateScalar } from '../../common/graphql/scalars';
import { viDate, writeReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { ExportService } from '../../common/export/export.service';
import { today } from '../../database/sql';
import {
  AssignCommitteeSeatInput,
  CreateOrganisationInput,
  DissolveOrganisationInput,
  EndCommitteeSeatInput,
  MergeOrganisationsInput,
  MoveOrganisationInput,
  OrganisationFilter,
  SplitOrganisationInput,
  UpdateOrganisationInput,
} from './organisation.inputs';
import {
  CommitteeSeat,
  Organisation,
  OrganisationChange,
  OrganisationFlag,
  OrganisationPage,
  OrganisationTerm,
  SubtreeCounts,
} from './organisation.model';
import { termsOf, type TermFields } from './organisation-terms';
import { CommitteeSeatService } from './committee-seat.service';
import { OrganisationRestructureService } from './organisation-restructure.service';
import { OrganisationWriteService } from './organisation-write.service';
import { OrganisationService } from './organisation.service';
import { orgByIdLoader } from './organisation.loaders';
import { DataSource } from 'typeorm';
import { visibleOrgIds } from '../../common/scope/redact';
import { flagsOf } from './organisation.flags';
import { PolicyService } from '../policy/policy.service';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

const EMPTY_COUNTS: SubtreeCounts = {
  organisations: 0,
  byKind: [],
  members: 0,
  fullMembers: 0,
  probationaryMembers: 0,
};

@Resolver(() => Organisation)
export class OrganisationResolver implements OnModuleInit {
  constructor(
    private readonly orgs: OrganisationService,
    private readonly restructure: OrganisationRestructureService,
    private readonly writes: OrganisationWriteService,
    private readonly seats: CommitteeSeatService,
    private readonly policies: PolicyService,
    private readonly ds: DataSource,
    private readonly tree: KeptTreeReads,
    private readonly imports: OrganisationImportService,
    private readonly exporter: ExportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ filter?: OrganisationFilter; asOf?: string }>({
      name: 'organisations',
      field: 'organisationsXlsx',
      fileName: 'Danh sách tổ chức đảng',
      args: { filter: OrganisationFilter, asOf: null },
      build: (actor, a, wb) => this.organisationsWorkbook(actor, a.filter, a.asOf, wb),
    });
  }

  @Query(() => Organisation, {
    description:
      'One organisation as of a date (default today). NOT_FOUND when it does not exist or is outside your scope.',
  })
  organisation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Organisation id.' }) id: string,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'View the tree as it stood on this date.' })
    asOf?: string,
  ): Promise<Organisation> {
    return this.orgs.get(actor, id, asOf ?? today());
  }

  @Query(() => OrganisationPage, {
    description: 'Organisations in your scope (or under `filter.underId`) as of a date, ordered by depth then code.',
  })
  organisations(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => OrganisationFilter, nullable: true, description: 'Filter.' })
    filter?: OrganisationFilter,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Date (default today).' }) asOf?: string,
  ) {
    return this.orgs.list(actor, filter, page, asOf ?? today());
  }

  @Query(() => String, {
    description:
      "The organisations matching the filter on a date (all pages, at most 50,000) as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings, in the list's order: kind, parent, members, established, term and warnings. Scoped like `organisations`.",
    deprecationReason:
      'Use GET /exports/organisations.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  organisationsXlsx(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => OrganisationFilter, nullable: true, description: 'Filter (as for `organisations`).' })
    filter?: OrganisationFilter,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Date (default today).' }) asOf?: string,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'organisations', { filter, asOf });
  }

  /** The organisation list export (GET /exports/organisations.xlsx, organisationsXlsx). */
  private async organisationsWorkbook(
    actor: Actor,
    filter: OrganisationFilter | undefined,
    asOf: string | undefined,
    wb: ExportWorkbook,
  ): Promise<void> {
    const d = asOf ?? today();
    const items: Organisation[] = [];
    for (let offset = 0; offset < 50_000; offset += 500) {
      const page = await this.orgs.list(actor, filter, { offset, limit: 500 }, d);
      items.push(...page.items);
      if (page.items.length < 500) break;
    }
    // Set-based for every row: subtree counts, committee seats and policies in one query each.
    const ids = items.map((o) => o.id);
    const [counts, seats, policies] = await Promise.all([
      this.orgs.subtreeCounts(actor, ids, d),
      this.orgs.seatsOf(ids, d),
      this.policies.forOrganisations(ids, d),
    ]);
    const names = new Map(items.map((o) => [o.id, o.name]));
    const outside = [...new Set(items.map((o) => o.parentId).filter((x): x is string => !!x && !names.has(x)))];
    for (const o of await this.orgs.findVisible(actor, outside, d)) names.set(o.id, o.name);
    const rows = items.map((o, i) => {
      const c = counts.get(o.id) ?? EMPTY_COUNTS;
      const flags = flagsOf(o, c, seats.get(o.id) ?? [], policies.get(o.id) ?? DEFAULT_POLICY);
      return [
        i + 1,
        o.code,
        o.name,
        (o.kind === 'COMMITTEE' && o.levelName) || ORGANISATION_KIND_LABELS[o.kind].vi,
        o.parentId ? (names.get(o.parentId) ?? '') : '',
        c.members,
        xlDate(o.establishedOn),
        xlDate(o.termStart),
        xlDate(o.termEnd),
        flags.map((f) => formatFlag(f, 'vi')).join('; '),
      ];
    });
    writeReport(wb, {
      name: 'To chuc dang',
      title: `DANH SÁCH TỔ CHỨC ĐẢNG TÍNH ĐẾN NGÀY ${viDate(d)}`,
      subtitle: await this.orgs.exportLine(actor, d, filter?.underId),
      // The term as two dates (sortable), named as on the organisation form.
      headings: [
        'STT',
        'Mã',
        'Tên tổ chức',
        'Loại',
        'Trực thuộc',
        'Số đảng viên',
        'Ngày thành lập',
        'Nhiệm kỳ từ ngày',
        'Nhiệm kỳ đến ngày',
        'Cảnh báo',
      ],
      widths: [6, 16, 36, 22, 32, 12, 14, 14, 14, 60],
      rows,
    });
  }

  @Query(() => [Organisation], {
    description: 'The top organisations you may see on a date: where the tree starts for you.',
  })
  scopeRoots(
    @CurrentActor() actor: Actor,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Date (default today).' }) asOf?: string,
  ): Promise<Organisation[]> {
    return this.orgs.scopeRoots(actor, asOf ?? today());
  }

  // ---------------------------------------------------------------- relations (DataLoader, same as-of date)

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'Parent on the as-of date; null for a root or a parent outside your scope.',
  })
  parent(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    if (!o.parentId) return Promise.resolve(null);
    return this.byId(ctx, o.asOf).load(o.parentId);
  }

  @ResolveField('parentId', () => ID, {
    nullable: true,
    description: 'Parent on the as-of date (null for a root, or when the parent is outside your scope).',
  })
  async parentIdField(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.parent(o, ctx))?.id ?? null;
  }

  @ResolveField(() => [Organisation], {
    description: 'Ancestors on the as-of date, root first, only those inside your scope.',
  })
  async ancestors(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<Organisation[]> {
    const ids = o.path.split('/').filter(Boolean).slice(0, -1);
    const found = await this.byId(ctx, o.asOf).loadMany(ids);
    return found.filter((x): x is Organisation => x instanceof Organisation);
  }

  @ResolveField(() => [Organisation], { description: 'Child organisations on the as-of date, ordered by code.' })
  children(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<Organisation[]> {
    return this.childrenLoader(ctx, o.asOf).load(o.id);
  }

  @ResolveField(() => Int, { description: 'Number of child organisations on the as-of date.' })
  async childCount(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.childrenLoader(ctx, o.asOf).load(o.id)).length;
  }

  @ResolveField(() => SubtreeCounts, {
    description: 'Counts for the organisation and everything under it on the as-of date.',
  })
  subtreeCounts(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<SubtreeCounts> {
    return this.countsLoader(ctx, o.asOf).load(o.id);
  }

  @ResolveField(() => Int, {
    description: 'Members (full + probationary) in the subtree on the as-of date; temporary guests are not counted.',
  })
  async memberCount(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.countsLoader(ctx, o.asOf).load(o.id)).members;
  }

  @ResolveField(() => Int, { description: 'Full members in the subtree on the as-of date.' })
  async fullMemberCount(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.countsLoader(ctx, o.asOf).load(o.id)).fullMembers;
  }

  @ResolveField(() => Int, { description: 'Probationary members in the subtree on the as-of date.' })
  async probationaryCount(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.countsLoader(ctx, o.asOf).load(o.id)).probationaryMembers;
  }

  @ResolveField(() => [CommitteeSeat], {
    description: 'Committee seats (secretary, deputy, committee members) held on the as-of date.',
  })
  committee(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<CommitteeSeat[]> {
    return this.seatsLoader(ctx, o.asOf).load(o.id);
  }

  @ResolveField(() => Boolean, {
    description:
      "Whether the organisation has an elected committee (for a cell: a chi ủy) on the as-of date: at least the policy's minimum number of seats held (default 3).",
  })
  async hasCellCommittee(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<boolean> {
    const seats = await this.seatsLoader(ctx, o.asOf).load(o.id);
    const policy = await this.policyLoader(ctx, o.asOf).load(o.id);
    return hasCellCommittee(seats, o.asOf, policy);
  }

  @ResolveField(() => [OrganisationFlag], {
    description:
      'Rule-based warnings on the as-of date (docs/rules.md#organisations): too large, too few full members, chi ủy required, term ended or ending.',
  })
  async flags(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<OrganisationFlag[]> {
    const [counts, seats, policy] = await Promise.all([
      this.countsLoader(ctx, o.asOf).load(o.id),
      this.seatsLoader(ctx, o.asOf).load(o.id),
      this.policyLoader(ctx, o.asOf).load(o.id),
    ]);
    const flags = flagsOf(o, counts, seats, policy);
    return flags.map((f) => ({
      code: f.code,
      severity: f.severity,
      params: f.params,
      message: formatFlag(f, 'vi'),
      messageEn: formatFlag(f, 'en'),
    }));
  }

  @ResolveField(() => [OrganisationTerm], {
    description:
      "The organisation's committee terms (nhiệm kỳ), newest first; the one in force on the as-of date has inForce true.",
  })
  terms(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<OrganisationTerm[]> {
    return this.termsLoader(ctx, o.asOf).load(o.id);
  }

  @ResolveField('termStart', () => DateScalar, {
    nullable: true,
    description:
      "Start of the committee's (or secretary's) term in force on the as-of date: the latest term started on or before it (the current term when it has started; when no term had started by then, the current term, which has not started yet).",
  })
  async termStartField(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.termAt(o, ctx)).termStart;
  }

  @ResolveField('termEnd', () => DateScalar, {
    nullable: true,
    description: 'End of the term in force on the as-of date (see termStart).',
  })
  async termEndField(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.termAt(o, ctx)).termEnd;
  }

  @ResolveField('termType', () => String, {
    nullable: true,
    description:
      'Type of the term in force on the as-of date (see termStart), e.g. "5_YEARS" or "HALF_TERM" (subordinate cells: twice per 5 years).',
  })
  async termTypeField(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.termAt(o, ctx)).termType;
  }

  /**
   * The term in force on the organisation's as-of date. The current term (the row's columns) is the latest one, so
   * the history is read only for a date before it started, through the batched terms loader.
   */
  private async termAt(o: Organisation, ctx: RequestContext): Promise<TermFields> {
    const current = { termStart: o.termStart, termEnd: o.termEnd, termType: o.termType };
    if (!o.termStart || o.termStart <= o.asOf) return current;
    const t = (await this.termsLoader(ctx, o.asOf).load(o.id)).find((x) => x.inForce);
    return t ? { termStart: t.start, termEnd: t.end, termType: t.type } : current;
  }

  @ResolveField(() => [OrganisationChange], { description: "The organisation's recorded changes, oldest first." })
  history(@Parent() o: Organisation, @Ctx() ctx: RequestContext): Promise<OrganisationChange[]> {
    // Parents and related organisations outside the caller's scope on the as-of date are null (one query per batch).
    return ctx.loaders
      .for(
        'orgHistory',
        o.asOf,
        async (ids: readonly string[], asOf, actor) => {
          const byOrg = await this.orgs.historyOf(ids, asOf);
          const all = [...byOrg.values()].flat();
          const visible = await visibleOrgIds(
            this.tree,
            actor,
            all.flatMap((c) => [c.fromParentId, c.toParentId, c.relatedId]),
            asOf,
          );
          const keep = (id: string | null) => (id && visible.has(id) ? id : null);
          for (const c of all)
            Object.assign(c, {
              fromParentId: keep(c.fromParentId),
              toParentId: keep(c.toParentId),
              relatedId: keep(c.relatedId),
            });
          return byOrg;
        },
        [] as OrganisationChange[],
      )
      .load(o.id);
  }

  // ---------------------------------------------------------------- mutations

  @Mutation(() => ImportSummary, {
    description:
      "Import organisations from a CSV or XLSX file (the columns of docs/import-export.md): parents before children, created under a parent the caller may write (a root only for administrators), or updated by code. All rows or none unless skipInvalid; refused rows answer IMPORT_INVALID with extensions.rows [{row, column, reason}]. One audit entry per import with the file's SHA-256.",
  })
  async importOrganisations(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The file.' }) input: ImportFileInput,
  ): Promise<ImportSummary> {
    return summaryOf(await this.imports.importTable(ctx, await tableOfInput(input), input.skipInvalid ?? false));
  }

  @Mutation(() => Organisation, {
    description:
      "Create an organisation under a parent (a root only for administrators). The kind must be allowed under the parent's kind.",
  })
  createOrganisation(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: CreateOrganisationInput,
  ): Promise<Organisation> {
    return this.writes.create(ctx, input);
  }

  @Mutation(() => Organisation, { description: "Change an organisation's own fields (name, code, unit, term)." })
  updateOrganisation(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Organisation id.' }) id: string,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return this.writes.update(ctx, id, input);
  }

  @Mutation(() => Organisation, {
    description:
      'Move an organisation and its subtree under a new parent from a date; earlier dates keep the old parent.',
  })
  moveOrganisation(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: MoveOrganisationInput,
  ): Promise<Organisation> {
    return this.restructure.move(ctx, input);
  }

  @Mutation(() => Organisation, { description: 'Merge organisations into a target from a date; returns the target.' })
  mergeOrganisations(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: MergeOrganisationsInput,
  ): Promise<Organisation> {
    return this.restructure.merge(ctx, input);
  }

  @Mutation(() => [Organisation], {
    description: 'Split an organisation into new ones from a date; returns the new organisations.',
  })
  splitOrganisation(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: SplitOrganisationInput,
  ): Promise<Organisation[]> {
    return this.restructure.split(ctx, input);
  }

  @Mutation(() => Organisation, { description: 'Dissolve an organisation from a date (it must be empty).' })
  dissolveOrganisation(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' })
    input: DissolveOrganisationInput,
  ): Promise<Organisation> {
    return this.restructure.dissolve(ctx, input);
  }

  @Mutation(() => CommitteeSeat, { description: "Seat a member on an organisation's committee." })
  assignCommitteeSeat(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' })
    input: AssignCommitteeSeatInput,
  ): Promise<CommitteeSeat> {
    return this.seats.assignSeat(ctx, input);
  }

  @Mutation(() => CommitteeSeat, { description: 'End a committee seat on a date.' })
  endCommitteeSeat(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: EndCommitteeSeatInput,
  ): Promise<CommitteeSeat> {
    return this.seats.endSeat(ctx, input);
  }

  // ---------------------------------------------------------------- loaders

  private byId(ctx: RequestContext, asOf: string) {
    return orgByIdLoader(ctx, this.orgs, asOf);
  }

  private childrenLoader(ctx: RequestContext, asOf: string) {
    return ctx.loaders.for(
      'orgChildren',
      asOf,
      (ids: readonly string[], d, actor) => this.orgs.childrenOf(actor, ids, d),
      [] as Organisation[],
    );
  }

  private countsLoader(ctx: RequestContext, asOf: string) {
    return ctx.loaders.for(
      'orgCounts',
      asOf,
      (ids: readonly string[], d, actor) => this.orgs.subtreeCounts(actor, ids, d),
      EMPTY_COUNTS,
    );
  }

  private policyLoader(ctx: RequestContext, asOf: string) {
    return ctx.loaders.for(
      'policy',
      asOf,
      (ids: readonly string[], d) => this.policies.forOrganisations(ids, d),
      DEFAULT_POLICY,
    );
  }

  private termsLoader(ctx: RequestContext, asOf: string) {
    return ctx.loaders.for(
      'orgTerms',
      asOf,
      (ids: readonly string[], d, actor) => termsOf(this.ds.manager, actor, ids, d),
      [] as OrganisationTerm[],
    );
  }

  private seatsLoader(ctx: RequestContext, asOf: string) {
    return ctx.loaders.for(
      'orgSeats',
      asOf,
      (ids: readonly string[], d) => this.orgs.seatsOf(ids, d),
      [] as CommitteeSeat[],
    );
  }
}
