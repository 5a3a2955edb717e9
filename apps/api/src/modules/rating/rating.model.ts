import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  RATING_CAP_REASONS,
  RATING_LEVELS,
  RATING_PERIOD_KINDS,
  RATING_ROUND_STATES,
  RATING_SCHEMES,
  RATING_STAGES,
  RATING_SUBJECT_KINDS,
  type RatingLevel,
  type RatingPeriodKind,
  type RatingRoundState,
  type RatingScheme,
  type RatingStage,
  type RatingSubjectKind,
} from '@chibo/domain';
import { Paginated, KeysetPaginated } from '../../common/graphql/pagination';
import { NotAfterToday } from '../../common/graphql/not-after-today';
import { DateScalar } from '../../common/graphql/scalars';
import { enumOf } from '../../common/graphql/enum-of';

export const RatingLevelEnum = enumOf(RATING_LEVELS);
registerEnumType(RatingLevelEnum, {
  name: 'RatingLevel',
  description:
    'Quality rating level, best first: HTXSNV (hoàn thành xuất sắc nhiệm vụ), HTTNV (hoàn thành tốt), HTNV (hoàn thành), KHTNV (không hoàn thành nhiệm vụ).',
});
export const RatingSubjectKindEnum = enumOf(RATING_SUBJECT_KINDS);
registerEnumType(RatingSubjectKindEnum, {
  name: 'RatingSubjectKind',
  description:
    'What is rated: MEMBER, GRASSROOTS_ORGANISATION (đảng bộ cơ sở or chi bộ cơ sở), SUB_COMMITTEE (đảng bộ bộ phận), SUBORDINATE_CELL (chi bộ trực thuộc).',
});
export const RatingSchemeEnum = enumOf(RATING_SCHEMES);
registerEnumType(RatingSchemeEnum, {
  name: 'RatingScheme',
  description:
    'The rules a rating was made under: QD366_2025, QD124_2023, QD132_2018, TSVM_2008 ("trong sạch vững mạnh", 2008–2017).',
});
export const RatingStageEnum = enumOf(RATING_STAGES);
registerEnumType(RatingStageEnum, {
  name: 'RatingStage',
  description: 'Where a rating stands: PENDING, SELF_ASSESSED, PROPOSED, DECIDED, ANNOUNCED.',
});
export const RatingRoundStateEnum = enumOf(RATING_ROUND_STATES);
registerEnumType(RatingRoundStateEnum, {
  name: 'RatingRoundState',
  description: 'OPEN (steps can be recorded) or ANNOUNCED (results published; nothing changes).',
});
export const RatingPeriodKindEnum = enumOf(RATING_PERIOD_KINDS);
registerEnumType(RatingPeriodKindEnum, {
  name: 'RatingPeriodKind',
  description: 'YEAR (the main rating; the only one in the figures), TERM, QUARTER, AD_HOC.',
});

@ObjectType({
  description: 'A rating round: opened by a committee for its subtree and a period, with a deadline per step.',
})
export class RatingRound {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  /** Shown by RatingRoundScopeResolver (null outside the caller's scope). */
  organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => RatingPeriodKindEnum, { description: 'Period kind.' }) periodKind!: RatingPeriodKind;
  @Field({ description: 'Which period of that kind (e.g. "Q1", "2020–2025"); empty for a year.' }) periodLabel!: string;
  @Field({ description: 'Title.' }) title!: string;
  @Field(() => DateScalar, { description: 'Self-assessments due by.' }) selfAssessmentDue!: string;
  @Field(() => DateScalar, { description: 'Proposals due by.' }) proposalDue!: string;
  @Field(() => DateScalar, { description: 'Decisions due by.' }) decisionDue!: string;
  @Field(() => RatingRoundStateEnum, { description: 'State.' }) state!: RatingRoundState;
  @Field(() => Date, { description: 'When it was opened.' }) openedAt!: Date;
  @Field({ description: 'Who opened it.' }) openedBy!: string;
  @Field(() => Date, { nullable: true, description: 'When the results were announced.' }) announcedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who announced them.' }) announcedBy!: string | null;
  @Field(() => Int, { description: 'Ratings in the round (any stage).' }) ratingCount!: number;
  @Field(() => Int, { description: 'Ratings decided (or announced).' }) decidedCount!: number;
}

@ObjectType({ description: "A condition that lowered the computed level below the score's level." })
export class RatingCapInfo {
  @Field({ description: `Code: ${RATING_CAP_REASONS.join(', ')}.` }) reason!: string;
  @Field(() => RatingLevelEnum, { description: 'The best level the condition allows.' }) ceiling!: RatingLevel;
}

@ObjectType({ description: "The year's task counts behind a self-assessment." })
export class TaskCountsModel {
  @Field(() => Int, { description: 'Tasks assigned.' }) assigned!: number;
  @Field(() => Int, { description: 'Tasks completed.' }) completed!: number;
  @Field(() => Int, { description: 'Tasks completed on time.' }) onTime!: number;
  @Field(() => Int, { description: 'Tasks completed beyond the target.' }) exceeded!: number;
}

@ObjectType({
  description: 'A self-assessment on the 100-point score sheet (QĐ 366: general criteria 30 + task results 70).',
})
export class SelfAssessmentModel {
  @Field(() => Float, { description: 'Points for the general criteria.' }) generalPoints!: number;
  @Field(() => Float, { description: 'Points for the task results.' }) taskPoints!: number;
  @Field(() => TaskCountsModel, { description: 'Task counts.' }) tasks!: TaskCountsModel;
  @Field(() => Boolean, { nullable: true, description: 'A member: earlier shortcomings all fixed.' })
  shortcomingsFixed!: boolean | null;
  @Field(() => String, { nullable: true, description: 'Self-review text.' }) note!: string | null;
}

@ObjectType({
  description:
    'The rating of one member or organisation in a round (or a past rating recorded with its raw label). Each step keeps who and when.',
})
export class Rating {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'The round (null for a past rating recorded without one).' })
  roundId!: string | null;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => RatingPeriodKindEnum, { description: 'Period kind.' }) periodKind!: RatingPeriodKind;
  @Field(() => RatingSubjectKindEnum, { description: 'What is rated.' }) subjectKind!: RatingSubjectKind;
  @Field(() => ID, { nullable: true, description: 'The member rated (subjectKind MEMBER).' }) memberId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation rated (other subject kinds).' })
  subjectOrganisationId!: string | null;
  @Field({ description: "The subject's name (member's full name or organisation name)." }) subjectName!: string;
  @Field(() => ID, { description: "Where the rating sits in the tree: the member's cell, or the organisation itself." })
  organisationId!: string;
  @Field({ description: 'Name of that organisation.' }) organisationName!: string;
  /** Shown by RatingScopeResolver (null outside the caller's scope). */
  proposerId!: string | null;
  deciderId!: string | null;
  quotaGroupId!: string | null;
  @Field(() => RatingSchemeEnum, { description: 'The rules it was made under.' }) scheme!: RatingScheme;
  @Field(() => String, {
    nullable: true,
    description: 'The label as written at the time (past schemes, e.g. "Trong sạch vững mạnh"); show it as is.',
  })
  rawLabel!: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Score out of 100 (the self-assessment total, or the recorded score).',
  })
  score!: number | null;
  @Field(() => SelfAssessmentModel, { nullable: true, description: 'The self-assessment.' })
  selfAssessment!: SelfAssessmentModel | null;
  @Field(() => Date, { nullable: true, description: 'When the self-assessment was submitted.' })
  selfAssessedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who submitted it.' }) selfAssessedBy!: string | null;
  @Field(() => RatingLevelEnum, {
    nullable: true,
    description: 'The level the rules give for the self-assessment (score, tasks, discipline, HD 21 mix).',
  })
  computedLevel!: RatingLevel | null;
  @Field(() => [String], {
    description: 'Codes of the conditions that lowered the computed level (see RatingCapInfo.reason).',
  })
  blockReasons!: string[];
  @Field(() => RatingLevelEnum, { nullable: true, description: 'Proposed level.' }) proposedLevel!: RatingLevel | null;
  @Field(() => String, { nullable: true, description: "The reviewer's comments." }) proposalNote!: string | null;
  @Field(() => Date, { nullable: true, description: 'When proposed.' }) proposedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who proposed.' }) proposedBy!: string | null;
  @Field(() => RatingLevelEnum, { nullable: true, description: "Decided level: the rating's result." })
  decidedLevel!: RatingLevel | null;
  @Field(() => String, { nullable: true, description: 'Why the decision differs from the proposal.' }) decisionReason!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the decision was taken although it breaks the "excellent" quota.',
  })
  quotaOverrideReason!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "A past rating recorded although it breaks rules chibo applies (the level cap, the quota, a member not rated that year): the reason given, e.g. the decision's number and date (docs/rules.md#r-rating-history). Null when no rule was overridden.",
  })
  overrideReason!: string | null;
  @Field(() => [String], {
    description: 'The rules that past rating overrode: NOT_RATED, LEVEL_CAP, QUOTA (empty when none).',
  })
  overriddenRules!: string[];
  @Field(() => Date, { nullable: true, description: 'When decided.' }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who decided.' }) decidedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When announced.' }) announcedAt!: Date | null;
  @Field(() => RatingStageEnum, { description: 'Stage.' }) stage!: RatingStage;
}

@ObjectType({ description: 'A page of ratings.' })
export class RatingPage extends KeysetPaginated(Rating, 'Rating', 'ratings') {}

@ObjectType({
  description:
    'The "excellent" quota of one quota group (a grassroots organisation): HTXSNV at most quotaPercent% of the base.',
})
export class QuotaCheckModel {
  @Field(() => ID, { description: 'The quota group (grassroots organisation).' }) groupId!: string;
  @Field(() => Int, { description: 'The most HTXSNV allowed.' }) limit!: number;
  @Field(() => Int, { description: 'HTXSNV counted (decided, else proposed), including this rating.' })
  excellent!: number;
  @Field(() => Int, { description: 'The count the quota is a share of (HTTNV, or HTTNV + HTXSNV, per policy).' })
  base!: number;
  @Field({ description: 'Over the limit.' }) breached!: boolean;
}

@ObjectType({
  description:
    'The result of a proposal: the rating and, when the quota covers it, the quota check (a warning only at this step).',
})
export class RatingProposalResult {
  @Field(() => Rating, { description: 'The rating.' }) rating!: Rating;
  @Field(() => QuotaCheckModel, {
    nullable: true,
    description:
      "The quota of the rating's group with this proposal counted (null when the quota does not cover this subject).",
  })
  quota!: QuotaCheckModel | null;
  @Field({ description: 'True when the proposal breaks the quota: the decision will need a quotaOverrideReason.' })
  quotaWarning!: boolean;
}

@ObjectType({ description: 'How many of one level, and their share of those rated.' })
export class RatingLevelFigure {
  @Field(() => RatingLevelEnum, { description: 'Level.' }) level!: RatingLevel;
  @Field(() => Int, { description: 'How many.' }) count!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Percent of those rated (2 decimals, half-up); null when none rated.',
  })
  percent!: number | null;
}

@ObjectType({ description: 'A count and its percent of those rated.' })
export class CountPercent {
  @Field(() => Int, { description: 'How many.' }) count!: number;
  @Field(() => Float, { nullable: true, description: 'Percent of those rated; null when none rated.' }) percent!:
    number | null;
}

@ObjectType({
  description: "Rating figures of one subject kind, in the reports' convention (not-rated outside every denominator).",
})
export class RatingFigureSet {
  @Field(() => Int, { description: 'Subjects counted: rated + not rated.' }) total!: number;
  @Field(() => Int, { description: 'Rated (a decided yearly rating).' }) rated!: number;
  @Field(() => Int, { description: 'Not rated: exempt, excluded by the policy, or without a decision yet.' })
  notRated!: number;
  @Field(() => [RatingLevelFigure], { description: 'Per level, best first.' }) levels!: RatingLevelFigure[];
  @Field(() => CountPercent, { description: 'HTXSNV + HTTNV ("hoàn thành tốt nhiệm vụ trở lên").' })
  wellCompletedOrBetter!: CountPercent;
  @Field(() => CountPercent, { description: 'HTXSNV + HTTNV + HTNV.' }) completedOrBetter!: CountPercent;
  @Field(() => Float, {
    nullable: true,
    description: '"Trong đó HTXSNV" as the reports print it: HTXSNV / (HTXSNV + HTTNV), %.',
  })
  excellentOfWellCompletedOrBetter!: number | null;
  @Field(() => Float, { nullable: true, description: 'HTXSNV / rated, %.' }) excellentOfRated!: number | null;
}

@ObjectType({ description: 'Change of one figure from the previous year.' })
export class CountPointsChange {
  @Field(() => Int, { description: 'Difference in count.' }) count!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Difference in percentage points; null when either year has no denominator.',
  })
  points!: number | null;
}

@ObjectType({ description: 'Change of one level from the previous year.' })
export class RatingLevelChange {
  @Field(() => RatingLevelEnum, { description: 'Level.' }) level!: RatingLevel;
  @Field(() => Int, { description: 'Difference in count.' }) count!: number;
  @Field(() => Float, { nullable: true, description: 'Difference in percentage points.' }) points!: number | null;
}

@ObjectType({ description: 'Year-over-year change (this year minus the previous one).' })
export class RatingFiguresChangeModel {
  @Field(() => Int, { description: 'Difference in the number rated.' }) rated!: number;
  @Field(() => [RatingLevelChange], { description: 'Per level.' }) levels!: RatingLevelChange[];
  @Field(() => CountPointsChange, { description: 'Well-completed or better.' })
  wellCompletedOrBetter!: CountPointsChange;
  @Field(() => CountPointsChange, { description: 'Completed or better.' }) completedOrBetter!: CountPointsChange;
  @Field(() => Float, { nullable: true, description: "Of-which-excellent (reports' convention), percentage points." })
  excellentOfWellCompletedOrBetter!: number | null;
  @Field(() => Float, { nullable: true, description: 'Excellent of rated, percentage points.' }) excellentOfRated!:
    number | null;
}

@ObjectType({ description: 'The figures of one subject kind for the year, the previous year, and the change.' })
export class RatingFigureGroup {
  @Field(() => RatingSubjectKindEnum, { description: 'Subject kind.' }) subjectKind!: RatingSubjectKind;
  @Field(() => RatingFigureSet, { description: 'This year.' }) current!: RatingFigureSet;
  @Field(() => RatingFigureSet, {
    description: 'The previous year (same organisation; its tree on 31 December of that year).',
  })
  previous!: RatingFigureSet;
  @Field(() => RatingFiguresChangeModel, { description: 'Change from the previous year.' })
  change!: RatingFiguresChangeModel;
}

@ObjectType({
  description:
    "Rating figures for an organisation's subtree and a year; open the list behind any number with ratingFigureRows.",
})
export class RatingFigures {
  @Field(() => ID, { description: 'Organisation.' }) organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => DateScalar, {
    description: 'The date of the tree used (which organisations and members were under the organisation).',
  })
  asOf!: string;
  @Field(() => [RatingFigureGroup], {
    description: 'One group per subject kind: MEMBER, GRASSROOTS_ORGANISATION, SUB_COMMITTEE, SUBORDINATE_CELL.',
  })
  groups!: RatingFigureGroup[];
}

@InputType({ description: 'Which organisation and year the figures are for.' })
export class RatingFiguresInput {
  @Field(() => ID, { description: 'Organisation (its whole subtree, itself included).' })
  @IsString()
  organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) @IsInt() @Min(1930) @Max(2200) year!: number;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the tree (default: 31 December of the year, or today if earlier).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

@InputType({ description: 'The list behind one figure.' })
export class RatingFigureRowsInput extends RatingFiguresInput {
  @Field(() => RatingSubjectKindEnum, { description: 'Subject kind.' })
  @IsIn(RATING_SUBJECT_KINDS)
  subjectKind!: RatingSubjectKind;
  @Field(() => [RatingLevelEnum], {
    nullable: true,
    description: 'Only these decided levels (e.g. [HTXSNV, HTTNV] for well-completed or better).',
  })
  @IsOptional()
  @IsArray()
  @IsIn(RATING_LEVELS, { each: true })
  levels?: RatingLevel[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only the not rated; false: only the rated; absent: both.',
  })
  @IsOptional()
  @IsBoolean()
  notRated?: boolean;
}

@ObjectType({ description: 'One subject behind a figure: rated (with its rating) or not rated (with why).' })
export class RatingFigureRow {
  @Field(() => RatingSubjectKindEnum, { description: 'Subject kind.' }) subjectKind!: RatingSubjectKind;
  @Field(() => ID, { nullable: true, description: 'Member (subjectKind MEMBER).' }) memberId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Organisation rated (other kinds).' }) subjectOrganisationId!:
    string | null;
  @Field({ description: 'Name of the member or organisation.' }) name!: string;
  @Field(() => ID, { description: "The member's cell, or the organisation itself." }) organisationId!: string;
  @Field({ description: 'Name of that organisation.' }) organisationName!: string;
  @Field(() => ID, { nullable: true, description: 'The rating (null when not rated).' }) ratingId!: string | null;
  @Field(() => RatingLevelEnum, { nullable: true, description: 'Decided level (null when not rated).' })
  level!: RatingLevel | null;
  @Field(() => RatingSchemeEnum, { nullable: true, description: 'Scheme of the rating.' }) scheme!: RatingScheme | null;
  @Field(() => String, { nullable: true, description: 'Raw label of a past rating.' }) rawLabel!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why not rated: EXEMPT, TEMPORARILY_EXEMPT (per policy), EXCLUDED (the committee decided not to rate the member this year: excludeFromRating), or NOT_DECIDED (no decision for the year yet).',
  })
  notRatedReason!: string | null;
}

@ObjectType({ description: 'A page of subjects behind a figure.' })
export class RatingFigureRowPage extends Paginated(RatingFigureRow, 'RatingFigureRow', 'subjects') {}

@ObjectType({ description: "Admissions in a year against the policy's target (docs/rules.md#r-admission-target)." })
export class AdmissionProgressModel {
  @Field(() => ID, { description: 'Organisation.' }) organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => DateScalar, { description: 'First day counted (1 January of the year).' }) from!: string;
  @Field(() => DateScalar, {
    description:
      'Last day counted: the as-of date capped at 31 December (default: today, or 31 December for a past year).',
  })
  to!: string;
  @Field({ description: 'percentOfTermStart or absolute.' }) targetKind!: string;
  @Field(() => Int, { nullable: true, description: 'The percentage of the policy (percentOfTermStart).' })
  targetPercent!: number | null;
  @Field(() => DateScalar, {
    description: "Start of the term used (the organisation's term start, else 1 January of the year).",
  })
  termStart!: string;
  @Field(() => Int, { description: 'Members of the subtree at the start of the term.' }) membersAtTermStart!: number;
  @Field(() => Int, { description: 'Admissions owed in the year.' }) target!: number;
  @Field(() => Int, {
    description:
      "Admissions from `from` to `to` (kết nạp): members admitted by a cell of the subtree (their ADMITTED event's cell, in the subtree on the admission decision date) with that date in the period; members since transferred out count, members transferred in after being admitted elsewhere do not. The same figure as dashboard(input: { organisationId, year, asOf }).members.admissions. List: admissions(organisationId, from, to, asOf: to).",
  })
  admitted!: number;
  @Field(() => Float, { nullable: true, description: 'admitted / target, %; null when the target is 0.' }) percent!:
    number | null;
  @Field({ description: 'Target met.' }) met!: boolean;
  @Field(() => Int, { description: 'Admissions still needed.' }) remaining!: number;
}

@InputType({ description: 'Open a rating round.' })
export class OpenRatingRoundInput {
  @Field(() => ID, {
    description: 'The committee opening it (a committee or a grassroots organisation); its subtree is rated.',
  })
  @IsString()
  organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) @IsInt() @Min(1930) @Max(2200) year!: number;
  @Field(() => RatingPeriodKindEnum, { nullable: true, description: 'Period kind (default YEAR).' })
  @IsOptional()
  @IsIn(RATING_PERIOD_KINDS)
  periodKind?: RatingPeriodKind;
  @Field({ nullable: true, description: 'Which period of that kind (e.g. "Q1"); empty for a year.' })
  @IsOptional()
  @IsString()
  @Length(0, 50)
  periodLabel?: string;
  @Field({ nullable: true, description: 'Title (default "Đánh giá, xếp loại chất lượng năm <year>").' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;
  @Field(() => DateScalar, { description: 'Self-assessments due by.' })
  @IsISO8601({ strict: true })
  selfAssessmentDue!: string;
  @Field(() => DateScalar, { description: 'Proposals due by (not before the self-assessment deadline).' })
  @IsISO8601({ strict: true })
  proposalDue!: string;
  @Field(() => DateScalar, { description: 'Decisions due by (not before the proposal deadline).' })
  @IsISO8601({ strict: true })
  decisionDue!: string;
}

@InputType({ description: 'Task counts of the year.' })
export class TaskCountsInput {
  @Field(() => Int, { description: 'Tasks assigned.' }) @IsInt() assigned!: number;
  @Field(() => Int, { description: 'Tasks completed (at most assigned).' }) @IsInt() completed!: number;
  @Field(() => Int, { description: 'Completed on time (at most completed).' }) @IsInt() onTime!: number;
  @Field(() => Int, { description: 'Completed beyond the target (at most completed).' }) @IsInt() exceeded!: number;
}

@InputType({
  description: 'A self-assessment, by the member (or the organisation) or by the secretary on their behalf.',
})
export class SubmitSelfAssessmentInput {
  @Field(() => ID, { description: 'Round.' }) @IsString() roundId!: string;
  @Field(() => ID, { nullable: true, description: 'The member assessing themselves (give this or organisationId).' })
  @IsOptional()
  @IsString()
  memberId?: string;
  @Field(() => ID, { nullable: true, description: 'The organisation assessing itself.' })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => Float, { description: "General criteria, 0 to the policy's maximum (30), at most 2 decimals." })
  @IsNumber()
  generalPoints!: number;
  @Field(() => Float, { description: "Task results, 0 to the policy's maximum (70), at most 2 decimals." })
  @IsNumber()
  taskPoints!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'The total as written on the form; refused if it is not the sum.',
  })
  @IsOptional()
  @IsNumber()
  total?: number;
  @Field(() => TaskCountsInput, { description: 'Task counts.' })
  @ValidateNested()
  @Type(() => TaskCountsInput)
  tasks!: TaskCountsInput;
  @Field(() => Boolean, {
    nullable: true,
    description: 'A member: all shortcomings pointed out earlier are fixed (needed for HTXSNV); default true.',
  })
  @IsOptional()
  @IsBoolean()
  shortcomingsFixed?: boolean;
  @Field({ nullable: true, description: 'Self-review text.' }) @IsOptional() @IsString() @Length(0, 5000) note?: string;
}

@InputType({ description: 'A proposal by the reviewing cell or committee.' })
export class ProposeRatingInput {
  @Field(() => ID, { description: 'Rating.' }) @IsString() ratingId!: string;
  @Field(() => RatingLevelEnum, { description: 'Proposed level.' }) @IsIn(RATING_LEVELS) level!: RatingLevel;
  @Field({ nullable: true, description: 'Comments.' }) @IsOptional() @IsString() @Length(0, 5000) note?: string;
}

@InputType({ description: 'A decision by the competent level.' })
export class DecideRatingInput {
  @Field(() => ID, { description: 'Rating.' }) @IsString() ratingId!: string;
  @Field(() => RatingLevelEnum, { description: 'Decided level.' }) @IsIn(RATING_LEVELS) level!: RatingLevel;
  @Field({ nullable: true, description: 'Why the decision differs from the proposal (required then).' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  reason?: string;
  @Field({
    nullable: true,
    description:
      'Why the decision stands although it breaks the "excellent" quota (required then; kept in the audit log).',
  })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  quotaOverrideReason?: string;
}

@InputType({ description: 'A past rating, kept with its scheme and the label written at the time.' })
export class RecordHistoricalRatingInput {
  @Field(() => ID, { nullable: true, description: 'The member (give this or organisationId).' })
  @IsOptional()
  @IsString()
  memberId?: string;
  @Field(() => ID, { nullable: true, description: 'The organisation.' })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => Int, { description: 'Year.' }) @IsInt() @Min(1930) @Max(2200) year!: number;
  @Field(() => RatingSchemeEnum, { description: 'Scheme.' }) @IsIn(RATING_SCHEMES) scheme!: RatingScheme;
  @Field({ description: 'The label as written (e.g. "Trong sạch vững mạnh").' })
  @IsString()
  @Length(1, 200)
  rawLabel!: string;
  @Field(() => RatingLevelEnum, {
    nullable: true,
    description:
      'The level it counts as in the figures (default: the usual equivalent of the label; required when there is none).',
  })
  @IsOptional()
  @IsIn(RATING_LEVELS)
  level?: RatingLevel;
  @Field(() => Float, { nullable: true, description: 'Score, if one was given (0–100).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  score?: number;
  @Field({
    nullable: true,
    description:
      'Required when the rating breaks a rule chibo applies to decisions (the member not rated that year, a level above the cap, the "excellent" quota): the record as it was decided then, e.g. the decision\'s number and date. Stored with the rules overridden and kept in the audit log (docs/rules.md#r-rating-history).',
  })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  overrideReason?: string;
}

@InputType({ description: 'Filter for the rating list.' })
export class RatingFilter {
  @Field(() => ID, { nullable: true, description: 'Ratings of this round.' })
  @IsOptional()
  @IsString()
  roundId?: string;
  @Field(() => ID, { nullable: true, description: "Ratings sitting in this subtree (today's tree)." })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => Int, { nullable: true, description: 'Year.' }) @IsOptional() @IsInt() year?: number;
  @Field(() => ID, { nullable: true, description: "One member's ratings (their history)." })
  @IsOptional()
  @IsString()
  memberId?: string;
  @Field(() => [RatingSubjectKindEnum], { nullable: true, description: 'Subject kinds.' })
  @IsOptional()
  @IsArray()
  @IsIn(RATING_SUBJECT_KINDS, { each: true })
  subjectKinds?: RatingSubjectKind[];
  @Field(() => [RatingLevelEnum], { nullable: true, description: 'Decided levels.' })
  @IsOptional()
  @IsArray()
  @IsIn(RATING_LEVELS, { each: true })
  levels?: RatingLevel[];
  @Field(() => [RatingStageEnum], { nullable: true, description: 'Stages.' })
  @IsOptional()
  @IsArray()
  @IsIn(RATING_STAGES, { each: true })
  stages?: RatingStage[];
  @Field({
    nullable: true,
    description:
      'Name of the member or organisation rated, ignoring diacritics and case; each word must start a word of the name ("nguyen van an" finds "Nguyễn Văn An").',
  })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  search?: string;
}

@ObjectType({
  description:
    'A subject of a round with no rating in it yet (not self-assessed): a member rated under the policy, or a rated organisation.',
})
export class RatingPendingSubject {
  @Field(() => RatingSubjectKindEnum, { description: 'Subject kind.' }) subjectKind!: RatingSubjectKind;
  @Field(() => ID, {
    nullable: true,
    description: 'Member (subjectKind MEMBER); pass it as memberId to submitSelfAssessment.',
  })
  memberId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Organisation rated (other kinds); pass it as organisationId to submitSelfAssessment.',
  })
  organisationId!: string | null;
  @Field({ description: 'Name of the member or organisation.' }) name!: string;
  /** Shown by RatingPendingSubjectScopeResolver (null outside the caller's scope). */
  parentOrganisationId!: string;
  @Field({
    description:
      "Name of the member's cell, or of the parent of the organisation rated (empty when outside your scope).",
  })
  organisationName!: string;
}

@ObjectType({ description: 'A page of subjects of a round not self-assessed yet.' })
export class RatingPendingSubjectPage extends Paginated(RatingPendingSubject, 'RatingPendingSubject', 'subjects') {}

@InputType({
  description: "The committee's decision not to rate a member this year (docs/rules.md#r-rating-not-rated).",
})
export class ExcludeFromRatingInput {
  @Field(() => ID, { description: 'The round (its year is the year the member is not rated).' })
  @IsString()
  roundId!: string;
  @Field(() => ID, { description: "The member, under the round's organisation." }) @IsString() memberId!: string;
  @Field({ description: 'The reason the decision gives (e.g. "Ốm dài ngày, điều trị từ tháng 3").' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: "Date of the committee's decision (default today; not after today).",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  decidedOn?: string;
}

@InputType({ description: 'Undo a decision not to rate a member (the member is rated again in the round).' })
export class IncludeInRatingInput {
  @Field(() => ID, { description: 'The round the decision was recorded in.' }) @IsString() roundId!: string;
  @Field(() => ID, { description: 'The member.' }) @IsString() memberId!: string;
}

@ObjectType({
  description:
    'A committee\'s decision not to rate a member for a year ("không xếp loại theo quyết định của cấp ủy"): the member is not pending in the year\'s rounds, no step is taken for them, and the figures count them as not rated with reason EXCLUDED.',
})
export class RatingExclusion {
  @Field(() => ID, { description: 'The decision.' }) id!: string;
  @Field(() => ID, { description: 'The round it was recorded in.' }) roundId!: string;
  @Field(() => Int, { description: 'The year the member is not rated.' }) year!: number;
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field({ description: "The member's name." }) memberName!: string;
  @Field(() => ID, { description: "The member's cell on the round's reference date." }) organisationId!: string;
  @Field({ description: 'The reason of the decision.' }) reason!: string;
  @Field(() => DateScalar, { description: 'Date of the decision.' }) decidedOn!: string;
  @Field({ description: 'Who recorded it.' }) decidedBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
}
