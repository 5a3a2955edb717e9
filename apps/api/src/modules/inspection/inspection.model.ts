import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DECIDING_BODIES,
  DISCIPLINE_FORMS,
  INSPECTING_BODIES,
  INSPECTION_STATES,
  INSPECTION_TYPES,
  type InspectingBody,
  type InspectionState,
  type InspectionType,
} from '@chibo/domain';
import { Paginated } from '../../common/graphql/pagination';
import { NotAfterToday } from '../../common/graphql/not-after-today';
import { DateScalar } from '../../common/graphql/scalars';
import { Organisation } from '../organisation/organisation.model';
import { enumOf } from '../../common/graphql/enum-of';

export const InspectionTypeEnum = enumOf(INSPECTION_TYPES);
registerEnumType(InspectionTypeEnum, {
  name: 'InspectionType',
  description:
    'COMPLIANCE (kiểm tra đảng viên chấp hành, CHAP_HANH), SIGNS_OF_VIOLATION (kiểm tra khi có dấu hiệu vi phạm, DAU_HIEU_VI_PHAM), REGULAR_SUPERVISION (giám sát thường xuyên), THEMATIC_SUPERVISION (giám sát chuyên đề). Only the first two count toward the yearly inspection target.',
});
export const InspectionStateEnum = enumOf(INSPECTION_STATES);
registerEnumType(InspectionStateEnum, {
  name: 'InspectionState',
  description:
    'PLANNED, IN_PROGRESS (started), CONCLUDED (with a conclusion; final), CANCELLED (a planned one called off; final).',
});
export const InspectingBodyEnum = enumOf(INSPECTING_BODIES);
registerEnumType(InspectingBodyEnum, {
  name: 'InspectingBody',
  description:
    'Who inspects: CELL (chi bộ) or CELL_COMMITTEE (chi ủy) of a cell; COMMITTEE (cấp ủy), STANDING_COMMITTEE (ban thường vụ) or INSPECTION_COMMISSION (ủy ban kiểm tra) of a committee.',
});
export const TargetCellFilterEnum = enumOf(['ALL', 'MET', 'BEHIND', 'ON_PACE', 'OFF_PACE'] as const);
registerEnumType(TargetCellFilterEnum, {
  name: 'TargetCellFilter',
  description:
    'Which cells of the tracker to list: ALL, MET, BEHIND (not met), ON_PACE (met or on pace to by 31 December), OFF_PACE (neither).',
});
export const CoverageCellFilterEnum = enumOf(['ALL', 'BELOW', 'WITHIN', 'ABOVE', 'NO_MEMBERS'] as const);
registerEnumType(CoverageCellFilterEnum, {
  name: 'CoverageCellFilter',
  description:
    'Which cells of the coverage figure to list: ALL, or by status against the policy range (BELOW, WITHIN, ABOVE, NO_MEMBERS).',
});

export type TargetCellFilter = keyof typeof TargetCellFilterEnum;
export type CoverageCellFilter = keyof typeof CoverageCellFilterEnum;

// ---------------------------------------------------------------- plans

@ObjectType({
  description: 'A yearly inspection and supervision plan of a cell or a committee (kế hoạch kiểm tra, giám sát năm).',
})
export class InspectionPlan {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The cell or committee whose plan it is.' }) organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field({ description: 'Purpose (mục đích, yêu cầu).' }) purpose!: string;
  @Field({ description: 'Content (nội dung kiểm tra, giám sát).' }) content!: string;
  @Field(() => [ID], { description: "Members to be inspected or supervised (đối tượng), in the plan's order." })
  subjectMemberIds!: string[];
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: from.' }) reviewFrom!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: to.' }) reviewTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Timing (thời gian), e.g. "Quý II và quý III".' }) timing!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Method (phương pháp).' }) method!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the plan was adopted.' }) adoptedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Note.' }) note!: string | null;
}

@ObjectType({ description: 'A page of inspection plans.' })
export class InspectionPlanPage extends Paginated(InspectionPlan, 'InspectionPlan', 'plans') {}

@InputType({ description: 'The fields of a plan. Omitted fields keep their value.' })
export class InspectionPlanInput {
  @Field({ nullable: true, description: 'Purpose.' }) @IsOptional() @IsString() @Length(1, 5000) purpose?: string;
  @Field({ nullable: true, description: 'Content.' }) @IsOptional() @IsString() @Length(1, 20000) content?: string;
  @Field(() => [ID], {
    nullable: true,
    description:
      "Members (replaces the list); each must belong to the cell, or to a cell under the committee, on the plan's adoption date (or 1 January).",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  subjectMemberIds?: string[];
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: from.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reviewFrom?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: to.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reviewTo?: string;
  @Field({ nullable: true, description: 'Timing.' }) @IsOptional() @IsString() @Length(1, 500) timing?: string;
  @Field({ nullable: true, description: 'Method.' }) @IsOptional() @IsString() @Length(1, 500) method?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Adoption date (not after today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  adoptedOn?: string;
  @Field({ nullable: true, description: 'Note.' }) @IsOptional() @IsString() @Length(1, 5000) note?: string;
}

@InputType({ description: 'A new yearly plan (one per organisation and year).' })
export class CreateInspectionPlanInput extends InspectionPlanInput {
  @Field(() => ID, { description: 'The cell or committee.' }) @IsString() organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) @IsInt() @Min(1900) @Max(9999) year!: number;
  @Field({ description: 'Purpose.' }) @IsString() @Length(1, 5000) declare purpose: string;
  @Field({ description: 'Content.' }) @IsString() @Length(1, 20000) declare content: string;
}

// ---------------------------------------------------------------- inspections

@ObjectType({ description: 'A member inspected or supervised, with the findings about them.' })
export class InspectionSubject {
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field(() => String, {
    nullable: true,
    description: "The member's self-report (bản tự kiểm điểm, báo cáo giải trình).",
  })
  selfReport!: string | null;
  @Field(() => String, { nullable: true, description: 'Strengths (ưu điểm).' }) strengths!: string | null;
  @Field(() => String, { nullable: true, description: 'Shortcomings (hạn chế, khuyết điểm).' }) shortcomings!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Violations (vi phạm), if any.' }) violations!: string | null;
  @Field(() => String, { nullable: true, description: 'The conclusion about this member.' }) conclusion!: string | null;
  inspectionId!: string;
  asOf!: string;
}

@ObjectType({
  description: 'An inspection or supervision of members (cuộc kiểm tra, giám sát): plan, record and conclusion.',
})
export class Inspection {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The inspecting cell or committee.' }) organisationId!: string;
  @Field(() => ID, { nullable: true, description: 'The yearly plan it belongs to.' }) planId!: string | null;
  @Field(() => InspectingBodyEnum, { description: 'Which body inspects.' }) body!: InspectingBody;
  @Field(() => InspectionTypeEnum, { description: 'Type.' }) type!: InspectionType;
  @Field({ description: 'Title.' }) title!: string;
  @Field(() => [String], { description: 'Content areas (nội dung kiểm tra).' }) contentAreas!: string[];
  @Field(() => String, { nullable: true, description: 'Method.' }) method!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: from.' }) reviewFrom!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: to.' }) reviewTo!: string | null;
  @Field(() => DateScalar, { description: 'Planned start.' }) plannedFrom!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Planned end.' }) plannedTo!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Actual start.' }) startedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the conclusion.' }) concludedOn!: string | null;
  @Field(() => InspectionStateEnum, { description: 'State.' }) state!: InspectionState;
  @Field(() => String, { nullable: true, description: 'Conclusion (kết luận).' }) conclusion!: string | null;
  @Field(() => String, { nullable: true, description: 'Recommendation (kiến nghị).' }) recommendation!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' }) cancelledReason!: string | null;
  @Field({
    description:
      'Counts toward the yearly inspection target once concluded (an inspection by the cell itself, not a supervision).',
  })
  countsTowardTarget!: boolean;
  /** The date its visibility and the organisation are read on: concluded, else started, else planned. */
  asOf!: string;
}

@ObjectType({ description: 'A page of inspections.' })
export class InspectionPage extends Paginated(Inspection, 'Inspection', 'inspections') {}

@InputType({ description: 'Filter for the inspection list. Every condition narrows the list.' })
export class InspectionFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Inspections by this organisation or by cells and committees under it (the tree on `asOf`; inspections follow a cell that moved).',
  })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the tree for `organisationId` (default today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
  @Field(() => Int, {
    nullable: true,
    description: "Year of the inspection's date (its conclusion, else its start, else its planned start).",
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;
  @Field(() => DateScalar, { nullable: true, description: 'That date on or after this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'That date on or before this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @Field(() => [InspectionStateEnum], { nullable: true, description: 'States.' })
  @IsOptional()
  @IsArray()
  @IsIn(INSPECTION_STATES, { each: true })
  states?: InspectionState[];
  @Field(() => [InspectionTypeEnum], { nullable: true, description: 'Types.' })
  @IsOptional()
  @IsArray()
  @IsIn(INSPECTION_TYPES, { each: true })
  types?: InspectionType[];
  @Field(() => [InspectingBodyEnum], { nullable: true, description: 'Inspecting bodies.' })
  @IsOptional()
  @IsArray()
  @IsIn(INSPECTING_BODIES, { each: true })
  bodies?: InspectingBody[];
  @Field(() => ID, { nullable: true, description: 'Only inspections of this member.' })
  @IsOptional()
  @IsString()
  memberId?: string;
  @Field(() => ID, { nullable: true, description: 'Only inspections of this plan.' })
  @IsOptional()
  @IsString()
  planId?: string;
}

@InputType({ description: 'The plan of an inspection. Omitted fields keep their value.' })
export class InspectionPlanFieldsInput {
  @Field({ nullable: true, description: 'Title.' }) @IsOptional() @IsString() @Length(1, 300) title?: string;
  @Field(() => [String], { nullable: true, description: 'Content areas (replaces the list).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  contentAreas?: string[];
  @Field({ nullable: true, description: 'Method.' }) @IsOptional() @IsString() @Length(1, 500) method?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: from.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reviewFrom?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Period under review: to.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reviewTo?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Planned start.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedFrom?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Planned end.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedTo?: string;
  @Field(() => [ID], {
    nullable: true,
    description:
      'Members inspected (replaces the list; only while PLANNED). Each must belong to the inspecting cell, or to a cell under the inspecting committee, on the planned start.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  subjectMemberIds?: string[];
}

@InputType({ description: 'A new inspection or supervision.' })
export class PlanInspectionInput extends InspectionPlanFieldsInput {
  @Field(() => ID, { description: 'The inspecting cell or committee.' }) @IsString() organisationId!: string;
  @Field(() => ID, { nullable: true, description: 'The yearly plan it belongs to (same organisation).' })
  @IsOptional()
  @IsString()
  planId?: string;
  @Field(() => InspectingBodyEnum, {
    description: 'Which body inspects: CELL or CELL_COMMITTEE for a cell, the others for a committee.',
  })
  @IsIn(INSPECTING_BODIES)
  body!: InspectingBody;
  @Field(() => InspectionTypeEnum, { description: 'Type.' }) @IsIn(INSPECTION_TYPES) type!: InspectionType;
  @Field({ description: 'Title.' }) @IsString() @Length(1, 300) declare title: string;
  @Field(() => DateScalar, { description: 'Planned start.' }) @IsISO8601({ strict: true }) declare plannedFrom: string;
  @Field(() => [ID], { description: 'Members inspected (at least one).' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  declare subjectMemberIds: string[];
}

@InputType({ description: 'A discipline decision taken on the conclusion (kỷ luật).' })
export class ConclusionDisciplineInput {
  @Field({
    description:
      "Form: KHIEN_TRACH, CANH_CAO, CACH_CHUC, KHAI_TRU; only those allowed for the member's status on the decision date and within the deciding body's authority.",
  })
  @IsIn(DISCIPLINE_FORMS)
  form!: string;
  @Field({
    nullable: true,
    description:
      "Deciding body (default: the inspecting body's, a cell for a chi ủy): CELL, GRASSROOTS_COMMITTEE, STANDING_COMMITTEE, INSPECTION_COMMISSION, HIGHER_COMMITTEE. A body above the cell needs write access to the committee above it.",
  })
  @IsOptional()
  @IsIn(DECIDING_BODIES)
  decidingBody?: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Decision date (default the conclusion date; not before it, not after today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  decidedOn?: string;
  @Field({ nullable: true, description: 'Reason.' }) @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

@InputType({ description: 'The findings about one subject. Omitted fields keep their value.' })
export class SubjectFindingsInput {
  @Field(() => ID, { description: 'The member (a subject of the inspection).' }) @IsString() memberId!: string;
  @Field({ nullable: true, description: 'Self-report.' })
  @IsOptional()
  @IsString()
  @Length(0, 50000)
  selfReport?: string;
  @Field({ nullable: true, description: 'Strengths.' }) @IsOptional() @IsString() @Length(0, 20000) strengths?: string;
  @Field({ nullable: true, description: 'Shortcomings.' })
  @IsOptional()
  @IsString()
  @Length(0, 20000)
  shortcomings?: string;
  @Field({ nullable: true, description: 'Violations.' })
  @IsOptional()
  @IsString()
  @Length(0, 20000)
  violations?: string;
  @Field({ nullable: true, description: 'Conclusion about this member.' })
  @IsOptional()
  @IsString()
  @Length(0, 20000)
  conclusion?: string;
  @Field(() => ConclusionDisciplineInput, {
    nullable: true,
    description: 'A discipline decision (only in concludeInspection, only after an inspection, not a supervision).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConclusionDisciplineInput)
  discipline?: ConclusionDisciplineInput;
}

@InputType({ description: 'Start an inspection.' })
export class StartInspectionInput {
  @Field(() => DateScalar, { description: 'Actual start (not in the future).' })
  @IsISO8601({ strict: true })
  startedOn!: string;
  @Field(() => [SubjectFindingsInput], {
    nullable: true,
    description: 'Self-reports received so far (no discipline here).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SubjectFindingsInput)
  subjects?: SubjectFindingsInput[];
}

@InputType({
  description:
    'Conclude an inspection: the conclusion, the findings per member and any discipline decisions, all or nothing.',
})
export class ConcludeInspectionInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Actual start: required when the inspection is still PLANNED (recorded after the fact).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedOn?: string;
  @Field(() => DateScalar, { description: 'Date of the conclusion (not before the start, not in the future).' })
  @IsISO8601({ strict: true })
  concludedOn!: string;
  @Field({ description: 'Conclusion.' }) @IsString() @Length(1, 50000) conclusion!: string;
  @Field({ nullable: true, description: 'Recommendation.' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  recommendation?: string;
  @Field(() => [SubjectFindingsInput], {
    nullable: true,
    description: 'Findings per member, with optional discipline.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SubjectFindingsInput)
  subjects?: SubjectFindingsInput[];
}

// ---------------------------------------------------------------- tracker

@InputType({
  description: 'Which organisation, year and date to judge the inspection target or the supervision coverage on.',
})
export class InspectionTargetInput {
  @Field(() => ID, {
    description:
      'The organisation whose cells are judged (the cells under it on the reference date; itself if it is a cell).',
  })
  @IsString()
  organisationId!: string;
  @Field(() => Int, { description: 'Year.' }) @IsInt() @Min(1900) @Max(9999) year!: number;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Judge as of this date (default today). The reference date is this date capped at 31 December of the year; it may not be before 1 January.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

@ObjectType({ description: 'One cell against the yearly inspection target.' })
export class InspectionTargetCell {
  @Field(() => Organisation, { description: 'The cell, as it stood on the reference date.' })
  organisation!: Organisation;
  @Field(() => Organisation, {
    nullable: true,
    description: 'The organisation it sat under on the reference date (null if outside your scope).',
  })
  parent!: Organisation | null;
  @Field({ description: 'Whether it had a chi ủy on the reference date (the moment whose status decides the target).' })
  hasCellCommittee!: boolean;
  @Field(() => Int, { description: 'Concluded inspections required (policy: 2 with a chi ủy, 1 without).' })
  required!: number;
  @Field(() => Int, {
    description: 'Inspections concluded in the year up to the reference date: the only ones that count.',
  })
  concluded!: number;
  @Field(() => Int, { description: 'Inspections started and not concluded by the reference date (not counted).' })
  inProgress!: number;
  @Field(() => Int, { description: 'Inspections planned and not started by the reference date (not counted).' })
  planned!: number;
  @Field(() => Int, { description: 'Concluded inspections still missing (a cell "behind by 1" has 1).' })
  missing!: number;
  @Field({ description: 'Target met.' }) met!: boolean;
  @Field({ description: 'Met, or on pace to meet it by 31 December at the rate so far.' }) onPace!: boolean;
  @Field(() => Int, { description: 'Concluded inspections projected to 31 December at the pace so far.' })
  projectedConcluded!: number;
  @Field({ description: 'Established or joined the tree during the year (still owes the full target).' })
  joinedDuringYear!: boolean;
}

@ObjectType({
  description:
    'The yearly inspection target of the cells under an organisation (article 002: "229/321 chi bộ, đạt 71,33% kế hoạch"), with the list behind every figure.',
})
export class InspectionTarget {
  @Field(() => Organisation, { description: 'The organisation.' }) organisation!: Organisation;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => DateScalar, { description: 'Judged as of.' }) asOf!: string;
  @Field(() => DateScalar, {
    description: 'The date the tree, committee status and records were read on: asOf capped at 31 December.',
  })
  referenceDate!: string;
  @Field(() => Int, { description: 'Cells subject to the target (the denominator).' }) subjectCount!: number;
  @Field(() => Int, { description: 'Cells that met it.' }) metCount!: number;
  @Field(() => Int, { description: 'Cells behind.' }) behindCount!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'metCount / subjectCount in percent, 2 decimals, truncated (229/321 = 71.33); null with no cell.',
  })
  percent!: number | null;
  @Field({ description: 'The same in Vietnamese notation, e.g. "71,33%".' }) percentText!: string;
  @Field(() => Int, { description: 'Cells met or on pace to meet it by 31 December.' }) projectedMetCount!: number;
  @Field(() => Float, { nullable: true, description: 'projectedMetCount / subjectCount in percent, truncated.' })
  projectedPercent!: number | null;
  @Field(() => Int, { description: 'Inspections concluded in the year by these cells (counted ones).' })
  concludedTotal!: number;
  allCells!: InspectionTargetCell[];
}

@ObjectType({ description: "One cell's supervision coverage." })
export class SupervisionCoverageCell {
  @Field(() => Organisation, { description: 'The cell.' }) organisation!: Organisation;
  @Field(() => Int, {
    description: "The cell's own members on the reference date (hosted temporary members excluded).",
  })
  members!: number;
  @Field(() => Int, { description: 'Of those, members supervised in the year by the cell up to the reference date.' })
  supervised!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'supervised / members in percent, truncated; null with no members.',
  })
  percent!: number | null;
  @Field({ description: 'Against the policy range: BELOW, WITHIN, ABOVE or NO_MEMBERS.' }) status!: string;
  @Field({ description: "At least the policy's minimum share." }) met!: boolean;
}

@ObjectType({
  description:
    "Supervision coverage of the cells under an organisation: share of each cell's members supervised in the year, against the policy range (30–50%).",
})
export class SupervisionCoverage {
  @Field(() => Organisation, { description: 'The organisation.' }) organisation!: Organisation;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => DateScalar, { description: 'The date the figures were read on (asOf capped at 31 December).' })
  referenceDate!: string;
  @Field(() => Int, { description: 'Lower bound of the range, % (policy of the organisation).' }) minPercent!: number;
  @Field(() => Int, { description: 'Upper bound of the range, %.' }) maxPercent!: number;
  @Field(() => Int, { description: 'Cells.' }) cellCount!: number;
  @Field(() => Int, { description: 'Cells at or above the minimum share.' }) metCount!: number;
  @Field(() => Float, { nullable: true, description: 'metCount / cellCount in percent, truncated.' }) metPercent!:
    number | null;
  @Field(() => Int, { description: 'Members of all these cells.' }) members!: number;
  @Field(() => Int, { description: 'Of those, supervised.' }) supervised!: number;
  @Field(() => Float, { nullable: true, description: 'supervised / members in percent, truncated.' }) percent!:
    number | null;
  allCells!: SupervisionCoverageCell[];
}
