import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import { PageInput } from '../../common/graphql/pagination';
import { ExportService } from '../../common/export/export.service';
import type { RequestContext } from '../../common/graphql/request-context';
import { DateScalar } from '../../common/graphql/scalars';
import {
  AdmissionProgressModel,
  DecideRatingInput,
  ExcludeFromRatingInput,
  IncludeInRatingInput,
  OpenRatingRoundInput,
  ProposeRatingInput,
  Rating,
  RatingExclusion,
  RatingFigureRowPage,
  RatingFigureRowsInput,
  RatingFigures,
  RatingFiguresInput,
  RatingFilter,
  RatingPage,
  RatingPendingSubjectPage,
  RatingProposalResult,
  RatingRound,
  RecordHistoricalRatingInput,
  SubmitSelfAssessmentInput,
} from './rating.model';
import { RatingExclusionService } from './rating-exclusion.service';
import { RatingFiguresService } from './rating-figures.service';
import { RatingReadService } from './rating-read.service';
import { RatingRoundService } from './rating-round.service';
import { RatingHistoryService } from './rating-history.service';
import { RatingStepService } from './rating-step.service';
import { RatingWorkbookService } from './rating-workbook.service';

@Resolver(() => Rating)
export class RatingResolver implements OnModuleInit {
  constructor(
    private readonly read: RatingReadService,
    private readonly roundService: RatingRoundService,
    private readonly steps: RatingStepService,
    private readonly history: RatingHistoryService,
    private readonly exclusions: RatingExclusionService,
    private readonly figureService: RatingFiguresService,
    private readonly workbooks: RatingWorkbookService,
    private readonly exporter: ExportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ roundId: string; filter?: RatingFilter }>({
      name: 'rating-round',
      field: 'ratingRoundXlsx',
      fileName: 'Đánh giá xếp loại',
      args: { roundId: null, filter: RatingFilter },
      build: (actor, a, wb) => this.workbooks.roundWorkbook(actor, a.roundId, a.filter, wb),
    });
    this.exporter.register<{ input: RatingFiguresInput }>({
      name: 'rating-figures',
      field: 'ratingFiguresXlsx',
      fileName: 'Tổng hợp kết quả xếp loại',
      args: { input: RatingFiguresInput },
      build: (actor, a, wb) => this.workbooks.figuresWorkbook(actor, a.input, wb),
    });
  }

  @Query(() => RatingRound, {
    description:
      'One rating round. NOT_FOUND when missing or outside your scope (a member sees the rounds over their own cell).',
  })
  ratingRound(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Round.' }) id: string,
  ): Promise<RatingRound> {
    return this.read.round(actor, id);
  }

  @Query(() => [RatingRound], { description: 'Rating rounds you may see, newest first (at most 500).' })
  ratingRounds(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, nullable: true, description: 'Only rounds opened by this organisation.' })
    organisationId?: string,
    @Args('year', { type: () => Int, nullable: true, description: 'Only this year.' }) year?: number,
  ): Promise<RatingRound[]> {
    return this.read.rounds(actor, { organisationId, year });
  }

  @Query(() => Rating, {
    description: 'One rating. NOT_FOUND when missing or outside your scope (a member sees their own).',
  })
  rating(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Rating.' }) id: string,
  ): Promise<Rating> {
    return this.read.getRating(actor, id);
  }

  @Query(() => RatingPage, {
    description: "Ratings you may see (a round's worklist, a subtree's results, a member's history).",
  })
  ratings(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => RatingFilter, nullable: true, description: 'Filter.' }) filter?: RatingFilter,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ): Promise<RatingPage> {
    return this.read.list(actor, filter, page);
  }

  @Query(() => RatingPendingSubjectPage, {
    description:
      "The subjects of a round with no rating in it yet (not self-assessed): members rated under the policy in the round's subtree on its reference date (exempt members are not rated, so not pending) and the grassroots organisations, sub-committees and subordinate cells under it. NOT_FOUND when the round is missing or outside your scope; lists the subjects you may see.",
  })
  ratingRoundPending(
    @CurrentActor() actor: Actor,
    @Args('roundId', { type: () => ID, description: 'Round.' }) roundId: string,
    @Args('search', {
      type: () => String,
      nullable: true,
      description: 'Name, ignoring diacritics and case; each word must start a word of the name.',
    })
    search?: string,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ): Promise<RatingPendingSubjectPage> {
    return this.read.pending(actor, roundId, search, page);
  }

  @Query(() => String, {
    description:
      "A round's worklist as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: a title block (title, organisation, year, deadlines, state, the filter), a sheet with every rating of the round matching the filter (all pages, the order of `ratings`: subject, self-assessment score and level, proposal, decision with its reasons, stage, who and when), and a sheet with the subjects not self-assessed yet (as `ratingRoundPending`). NOT_FOUND when the round is missing or outside your scope; the rows are those you may see.",
    deprecationReason:
      'Use GET /exports/rating-round.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  ratingRoundXlsx(
    @Ctx() ctx: RequestContext,
    @Args('roundId', { type: () => ID, description: 'Round.' }) roundId: string,
    @Args('filter', {
      type: () => RatingFilter,
      nullable: true,
      description: 'Filter as for `ratings` (its roundId is ignored); its search also filters the not self-assessed.',
    })
    filter?: RatingFilter,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'rating-round', { roundId, filter });
  }

  @Query(() => RatingFigures, {
    description:
      "Rating figures of an organisation's subtree for a year, per subject kind, with the previous year and the change; the reports' conventions (docs/rules.md#r-rating-figures).",
  })
  ratingFigures(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Organisation and year.' }) input: RatingFiguresInput,
  ): Promise<RatingFigures> {
    return this.figureService.figures(actor, input);
  }

  @Query(() => RatingFigureRowPage, {
    description: 'The subjects behind a figure of ratingFigures: filter by subject kind, levels, rated or not rated.',
  })
  ratingFigureRows(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Which figure.' }) input: RatingFigureRowsInput,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ): Promise<RatingFigureRowPage> {
    return this.figureService.figureRows(actor, input, page);
  }

  @Query(() => String, {
    description:
      'The rating statistics table committees send upward, as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: one row per subject kind with each level\'s count and percent, "HTTNV trở lên", "trong đó HTXSNV" (of those HTTNV or better) and the not rated, the same figures as ratingFigures; then a sheet listing the subjects behind them.',
    deprecationReason:
      'Use GET /exports/rating-figures.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  ratingFiguresXlsx(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Organisation and year.' }) input: RatingFiguresInput,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'rating-figures', { input });
  }

  @Query(() => AdmissionProgressModel, {
    description:
      "Admissions of the year in an organisation's subtree against the policy's target (percent of the members at the start of the term, or an absolute number). `admitted` is listed by admissions(organisationId, from, to, asOf: to). NOT_FOUND unless you read the subtree (a member's own-cell access is not enough).",
  })
  admissionProgress(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, description: 'Organisation.' }) organisationId: string,
    @Args('year', { type: () => Int, description: 'Year.' }) year: number,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: 'Count up to this date (capped at 31 December of the year; default today).',
    })
    asOf?: string,
  ): Promise<AdmissionProgressModel> {
    return this.figureService.admission(actor, organisationId, year, asOf);
  }

  @Mutation(() => RatingRound, {
    description: "Open a rating round for an organisation's subtree and a period (writers of that organisation).",
  })
  openRatingRound(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The round.' }) input: OpenRatingRoundInput,
  ): Promise<RatingRound> {
    return this.roundService.openRound(ctx, input);
  }

  @Mutation(() => Rating, {
    description:
      'Submit (or revise, until proposed) a self-assessment: the member for themselves, or the secretary on their behalf; an organisation by its own writers. Computes the level from the rules.',
  })
  submitSelfAssessment(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The self-assessment.' }) input: SubmitSelfAssessmentInput,
  ): Promise<Rating> {
    return this.steps.submitSelfAssessment(ctx, input);
  }

  @Mutation(() => RatingProposalResult, {
    description:
      'Propose a level (or revise it, until decided): the reviewing cell or committee. Returns the quota check as a warning.',
  })
  proposeRating(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The proposal.' }) input: ProposeRatingInput,
  ): Promise<RatingProposalResult> {
    return this.steps.propose(ctx, input);
  }

  @Mutation(() => Rating, {
    description:
      'Decide the level (or revise it, until announced): the competent level only. A level other than the proposal needs a reason; breaking the quota needs quotaOverrideReason (RATING_QUOTA_EXCEEDED otherwise).',
  })
  decideRating(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The decision.' }) input: DecideRatingInput,
  ): Promise<Rating> {
    return this.steps.decide(ctx, input);
  }

  @Mutation(() => RatingRound, {
    description:
      "Announce a round's results: its decided ratings are published and the round is closed to changes. Refused (CONFLICT, reason RATING_ROUND_UNDECIDED, with extensions.counts { undecided, notStarted }) while a rating of the round is not decided or a subject has no rating yet (not rated by decision or exemption counts as settled).",
  })
  announceRatingRound(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Round.' }) id: string,
  ): Promise<RatingRound> {
    return this.roundService.announceRound(ctx, id);
  }

  @AdminOnly()
  @Mutation(() => RatingRound, {
    description:
      'Administrators only: take an announced round back to OPEN (an announcement made by mistake); its ratings are unannounced, decided levels stay, and the reason is kept in the audit log. CONFLICT / RATING_ROUND_NOT_ANNOUNCED when it is not announced.',
  })
  reopenRatingRound(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Round.' }) id: string,
    @Args('reason', { description: 'Why the announcement is taken back (kept in the audit log).' }) reason: string,
  ): Promise<RatingRound> {
    return this.roundService.reopenRound(ctx, id, reason);
  }

  @Mutation(() => RatingExclusion, {
    description:
      "Record the committee's decision not to rate a member this year (\"không xếp loại theo quyết định của cấp ủy\", docs/rules.md#r-rating-not-rated), with its reason and date: the member leaves the round's pending list, no self-assessment, proposal or decision is taken for them that year (RATING_NOT_RATED, notRatedReason EXCLUDED) and the figures count them as not rated (EXCLUDED). The body that decides the member's rating only (as decideRating; FORBIDDEN otherwise); NOT_FOUND when the round or the member is missing or outside your scope; CONFLICT / RATING_ALREADY_DECIDED when the member already has a decided rating that year; RATING_NOT_RATED when already not rated (exempt or excluded); RATING_ROUND_CLOSED once the round is announced.",
  })
  excludeFromRating(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The decision.' }) input: ExcludeFromRatingInput,
  ): Promise<RatingExclusion> {
    return this.exclusions.excludeFromRating(ctx, input);
  }

  @Mutation(() => RatingExclusion, {
    description:
      'Undo excludeFromRating: the member is rated again (pending in the round, counted by the figures as before). The same permission and scope as excludeFromRating; VALIDATION / NOT_EXCLUDED when the member is not excluded in that round. Returns the decision removed.',
  })
  includeInRating(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The round and the member.' }) input: IncludeInRatingInput,
  ): Promise<RatingExclusion> {
    return this.exclusions.includeInRating(ctx, input);
  }

  @Mutation(() => Rating, {
    description:
      'Record a past yearly rating under its scheme with the label written at the time (e.g. "Trong sạch vững mạnh"). The year may not be after the current one (VALIDATION / DATE_IN_FUTURE on year).',
  })
  recordHistoricalRating(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The past rating.' }) input: RecordHistoricalRatingInput,
  ): Promise<Rating> {
    return this.history.recordHistorical(ctx, input);
  }
}
