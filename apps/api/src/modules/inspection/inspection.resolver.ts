import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import { PageInput } from '../../common/graphql/pagination';
import { ExportService } from '../../common/export/export.service';
import type { RequestContext } from '../../common/graphql/request-context';
import { today } from '../../database/sql';
import { Discipline, Member } from '../member/member.model';
import { MemberService } from '../member/member.service';
import { Organisation } from '../organisation/organisation.model';
import { orgByIdAtLoader } from '../organisation/organisation.loaders';
import { OrganisationService } from '../organisation/organisation.service';
import { InspectionTargetService } from './inspection-target.service';
import {
  ConcludeInspectionInput,
  CoverageCellFilterEnum,
  CreateInspectionPlanInput,
  Inspection,
  InspectionFilter,
  InspectionPage,
  InspectionPlan,
  InspectionPlanFieldsInput,
  InspectionPlanInput,
  InspectionPlanPage,
  InspectionSubject,
  InspectionTarget,
  InspectionTargetCell,
  InspectionTargetInput,
  PlanInspectionInput,
  StartInspectionInput,
  SupervisionCoverage,
  SupervisionCoverageCell,
  TargetCellFilterEnum,
  type CoverageCellFilter,
  type TargetCellFilter,
} from './inspection.model';
import { InspectionPlanService } from './inspection-plan.service';
import { InspectionService } from './inspection.service';
import { InspectionWriteService } from './inspection-write.service';

const memberLoader = (ctx: RequestContext, members: MemberService, asOf: string) =>
  ctx.loaders.for(
    'memberById',
    asOf,
    async (ids: readonly string[], d, actor) =>
      new Map((await members.findVisible(actor, ids, d)).map((x) => [x.id, x] as const)),
    null as Member | null,
  );

/**
 * The organisation on a date, or (a cell that has since moved into the caller's scope) today. Keyed by (id, date)
 * pairs: one statement for a whole list whatever the dates of its rows (and one more for the fallbacks).
 */
const orgOn = async (
  ctx: RequestContext,
  orgs: OrganisationService,
  id: string,
  d: string,
): Promise<Organisation | null> =>
  (await orgByIdAtLoader(ctx, orgs).load(`${id}|${d}`)) ?? (await orgByIdAtLoader(ctx, orgs).load(`${id}|${today()}`));

@Resolver(() => Inspection)
export class InspectionResolver implements OnModuleInit {
  constructor(
    private readonly service: InspectionService,
    private readonly writes: InspectionWriteService,
    private readonly plans: InspectionPlanService,
    private readonly targets: InspectionTargetService,
    private readonly orgs: OrganisationService,
    private readonly exporter: ExportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ filter?: InspectionFilter }>({
      name: 'inspections',
      field: 'inspectionsXlsx',
      fileName: 'Kiểm tra, giám sát',
      args: { filter: InspectionFilter },
      build: (actor, a, wb) => this.targets.recordsWorkbook(actor, a.filter, wb),
    });
    this.exporter.register<{ input: InspectionTargetInput }>({
      name: 'inspection-target',
      field: 'inspectionTargetXlsx',
      fileName: 'Chỉ tiêu kiểm tra',
      args: { input: InspectionTargetInput },
      build: (actor, a, wb) => this.targets.targetWorkbook(actor, a.input, wb),
    });
  }

  @Query(() => Inspection, {
    description: 'One inspection or supervision. NOT_FOUND when missing or outside your scope (members see none).',
  })
  inspection(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Inspection id.' }) id: string,
  ): Promise<Inspection> {
    return this.service.get(actor, id);
  }

  @Query(() => InspectionPage, {
    description:
      'Inspections and supervisions you may see, newest first (by conclusion, else start, else planned date).',
  })
  inspections(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => InspectionFilter, nullable: true, description: 'Filter.' }) filter?: InspectionFilter,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.service.list(actor, filter, page);
  }

  @Query(() => String, {
    description:
      'The inspections matching the filter as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: one row per inspection with its subjects, conclusion and discipline (at most 10,000 rows).',
    deprecationReason:
      'Use GET /exports/inspections.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  inspectionsXlsx(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => InspectionFilter, nullable: true, description: 'Filter (as for inspections).' })
    filter?: InspectionFilter,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'inspections', { filter });
  }

  @Query(() => InspectionTarget, {
    description:
      'The yearly inspection target of the cells under an organisation, judged as of a date: cells that met it / cells subject to it, the percentage (truncated), a projection to 31 December, and every cell with what is missing.',
  })
  inspectionTarget(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Organisation, year and as-of date.' }) input: InspectionTargetInput,
  ): Promise<InspectionTarget> {
    return this.targets.target(actor, input);
  }

  @Query(() => String, {
    description:
      'The inspection target tracker as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: the figure, then one row per cell.',
    deprecationReason:
      'Use GET /exports/inspection-target.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  inspectionTargetXlsx(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Organisation, year and as-of date.' }) input: InspectionTargetInput,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'inspection-target', { input });
  }

  @Query(() => SupervisionCoverage, {
    description:
      "Supervision coverage of the cells under an organisation: the share of each cell's members supervised in the year, against the policy range (default 30–50%).",
  })
  supervisionCoverage(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Organisation, year and as-of date.' }) input: InspectionTargetInput,
  ): Promise<SupervisionCoverage> {
    return this.targets.coverage(actor, input);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description:
      "The inspecting cell or committee (as on the inspection's date, or today for a cell since moved into your scope).",
  })
  organisation(@Parent() i: Inspection, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    return orgOn(ctx, this.orgs, i.organisationId, i.asOf);
  }

  @ResolveField(() => InspectionPlan, { nullable: true, description: 'The yearly plan it belongs to.' })
  plan(@Parent() i: Inspection, @Ctx() ctx: RequestContext): Promise<InspectionPlan | null> {
    if (!i.planId) return Promise.resolve(null);
    return ctx.loaders
      .for(
        'inspectionPlanById',
        'all',
        async (ids: readonly string[], _d, actor) =>
          new Map((await this.plans.findPlans(actor, ids)).map((x) => [x.id, x] as const)),
        null as InspectionPlan | null,
      )
      .load(i.planId);
  }

  @ResolveField(() => [InspectionSubject], {
    description: 'The members inspected, with their self-report and the findings.',
  })
  subjects(@Parent() i: Inspection, @Ctx() ctx: RequestContext): Promise<InspectionSubject[]> {
    return ctx.loaders
      .for(
        'inspectionSubjects',
        'all',
        (ids: readonly string[]) => this.service.subjectsOf(ids),
        [] as InspectionSubject[],
      )
      .load(i.id);
  }

  @ResolveField(() => [Discipline], {
    description: "Discipline decisions taken on the conclusion (they also appear on each member's record).",
  })
  disciplines(@Parent() i: Inspection, @Ctx() ctx: RequestContext): Promise<Discipline[]> {
    return ctx.loaders
      .for(
        'inspectionDisciplines',
        'all',
        (ids: readonly string[]) => this.service.disciplinesOf(ids),
        [] as Discipline[],
      )
      .load(i.id);
  }

  @Mutation(() => Inspection, {
    description:
      "Plan an inspection or supervision (committee staff for any body; a cell secretary for their own cell's CELL or CELL_COMMITTEE). Every subject must belong to the inspecting cell, or to a cell under the inspecting committee, on the planned start (INSPECTION_SUBJECT_NOT_IN_CELL).",
  })
  planInspection(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The inspection.' }) input: PlanInspectionInput,
  ): Promise<Inspection> {
    return this.writes.plan(ctx, input);
  }

  @Mutation(() => Inspection, {
    description: 'Change the plan of an inspection that is not concluded (its subjects only while PLANNED).',
  })
  updateInspection(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Inspection.' }) id: string,
    @Args('input', { description: 'Fields to change.' }) input: InspectionPlanFieldsInput,
  ): Promise<Inspection> {
    return this.writes.update(ctx, id, input);
  }

  @Mutation(() => Inspection, {
    description: 'Start a planned inspection (IN_PROGRESS), optionally with the self-reports received.',
  })
  startInspection(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Inspection.' }) id: string,
    @Args('input', { description: 'Start date and self-reports.' }) input: StartInspectionInput,
  ): Promise<Inspection> {
    return this.writes.start(ctx, id, input);
  }

  @Mutation(() => Inspection, {
    description:
      'Conclude an inspection (CONCLUDED): conclusion, recommendation, findings per member and discipline decisions, all in one transaction; any bad input writes nothing. A planned one may be concluded directly with its start date.',
  })
  concludeInspection(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Inspection.' }) id: string,
    @Args('input', { description: 'The conclusion.' }) input: ConcludeInspectionInput,
  ): Promise<Inspection> {
    return this.writes.conclude(ctx, id, input);
  }

  @Mutation(() => Inspection, { description: 'Cancel a planned inspection (kept, with the reason; never counted).' })
  cancelInspection(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Inspection.' }) id: string,
    @Args('reason', { description: 'Why.' }) reason: string,
  ): Promise<Inspection> {
    return this.writes.cancel(ctx, id, reason);
  }
}

@Resolver(() => InspectionSubject)
export class InspectionSubjectResolver {
  constructor(
    private readonly members: MemberService,
    private readonly service: InspectionService,
  ) {}

  @ResolveField(() => Member, {
    nullable: true,
    description: "The member (as on the inspection's date; null if outside your scope).",
  })
  member(@Parent() s: InspectionSubject, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return memberLoader(ctx, this.members, s.asOf).load(s.memberId);
  }

  @ResolveField(() => Discipline, {
    nullable: true,
    description: 'The discipline decision taken on this member in the conclusion, if any.',
  })
  async discipline(@Parent() s: InspectionSubject, @Ctx() ctx: RequestContext): Promise<Discipline | null> {
    const list = await ctx.loaders
      .for(
        'inspectionDisciplines',
        'all',
        (ids: readonly string[]) => this.service.disciplinesOf(ids),
        [] as Discipline[],
      )
      .load(s.inspectionId);
    return list.find((d) => d.memberId === s.memberId) ?? null;
  }
}

@Resolver(() => InspectionPlan)
export class InspectionPlanResolver {
  constructor(
    private readonly service: InspectionService,
    private readonly plans: InspectionPlanService,
    private readonly members: MemberService,
    private readonly orgs: OrganisationService,
  ) {}

  @Query(() => InspectionPlan, {
    description: 'One yearly inspection and supervision plan. NOT_FOUND when missing or outside your scope.',
  })
  inspectionPlan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Plan id.' }) id: string,
  ): Promise<InspectionPlan> {
    return this.plans.getPlan(actor, id);
  }

  @Query(() => InspectionPlanPage, {
    description: 'Yearly inspection and supervision plans you may see: of an organisation and everything under it.',
  })
  inspectionPlans(
    @CurrentActor() actor: Actor,
    @Args('organisationId', {
      type: () => ID,
      nullable: true,
      description: 'Plans of this organisation and the cells and committees under it.',
    })
    organisationId?: string,
    @Args('year', { type: () => Int, nullable: true, description: 'Year.' }) year?: number,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.plans.plans(actor, { organisationId, year }, page);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The cell or committee.' })
  organisation(@Parent() p: InspectionPlan, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    const end = `${p.year}-12-31`;
    return orgOn(ctx, this.orgs, p.organisationId, end < today() ? end : today());
  }

  @ResolveField(() => [Member], {
    description: "The members to be inspected or supervised, in the plan's order (those outside your scope left out).",
  })
  async subjects(@Parent() p: InspectionPlan, @Ctx() ctx: RequestContext): Promise<Member[]> {
    const end = `${p.year}-12-31`;
    const found = await memberLoader(ctx, this.members, end < today() ? end : today()).loadMany(p.subjectMemberIds);
    return found.filter((x): x is Member => !!x && !(x instanceof Error));
  }

  @ResolveField(() => [Inspection], { description: 'The inspections and supervisions of this plan.' })
  inspections(@Parent() p: InspectionPlan, @Ctx() ctx: RequestContext): Promise<Inspection[]> {
    return ctx.loaders
      .for(
        'planInspections',
        'all',
        (ids: readonly string[], _d, actor) => this.service.inspectionsOfPlans(actor, ids),
        [] as Inspection[],
      )
      .load(p.id);
  }

  @Mutation(() => InspectionPlan, {
    description:
      'Adopt the yearly plan of a cell or committee (one per organisation and year; CONFLICT when it exists).',
  })
  createInspectionPlan(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The plan.' }) input: CreateInspectionPlanInput,
  ): Promise<InspectionPlan> {
    return this.plans.createPlan(ctx, input);
  }

  @Mutation(() => InspectionPlan, { description: 'Change a yearly plan.' })
  updateInspectionPlan(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Plan.' }) id: string,
    @Args('input', { description: 'Fields to change.' }) input: InspectionPlanInput,
  ): Promise<InspectionPlan> {
    return this.plans.updatePlan(ctx, id, input);
  }
}

@Resolver(() => InspectionTarget)
export class InspectionTargetResolver {
  @ResolveField(() => [InspectionTargetCell], {
    description:
      'The cells behind the figures: ALL (subjectCount), MET (metCount), BEHIND, ON_PACE (projectedMetCount) or OFF_PACE. Behind first, most missing first.',
  })
  cells(
    @Parent() t: InspectionTarget,
    @Args('filter', { type: () => TargetCellFilterEnum, defaultValue: 'ALL', description: 'Which cells.' })
    filter: TargetCellFilter,
  ): InspectionTargetCell[] {
    const keep: Record<TargetCellFilter, (c: InspectionTargetCell) => boolean> = {
      ALL: () => true,
      MET: (c) => c.met,
      BEHIND: (c) => !c.met,
      ON_PACE: (c) => c.onPace,
      OFF_PACE: (c) => !c.onPace,
    };
    return t.allCells.filter(keep[filter]);
  }
}

@Resolver(() => SupervisionCoverage)
export class SupervisionCoverageResolver {
  @ResolveField(() => [SupervisionCoverageCell], {
    description: 'The cells behind the figures, lowest share first: ALL, or by status.',
  })
  cells(
    @Parent() c: SupervisionCoverage,
    @Args('filter', { type: () => CoverageCellFilterEnum, defaultValue: 'ALL', description: 'Which cells.' })
    filter: CoverageCellFilter,
  ): SupervisionCoverageCell[] {
    return filter === 'ALL' ? c.allCells : c.allCells.filter((x) => x.status === filter);
  }
}
