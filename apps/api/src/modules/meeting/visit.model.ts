import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../organisation/organisation.model';
import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Paginated } from '../../common/graphql/pagination';
import { DateScalar, JsonScalar } from '../../common/graphql/scalars';

@ObjectType({
  description:
    "A committee member or staff member assigned to follow a cell's meetings for a period (phân công dự sinh hoạt chi bộ).",
})
export class VisitAssignment {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The visitor (a user).' }) visitorUserId!: string;
  @Field({ description: "The visitor's display name." }) visitorName!: string;
  @Field(() => ID, { description: 'The cell followed.' }) cellId!: string;
  @Field(() => DateScalar, { description: 'First day.' }) from!: string;
  @Field(() => DateScalar, { nullable: true, description: 'End (exclusive).' }) to!: string | null;
  @Field(() => Int, { nullable: true, description: "Visits required a year (null: the policy's default)." })
  requiredPerYear!: number | null;
}

@ObjectType({
  description:
    "A user the caller may assign to follow a cell's meetings (assignVisitor): one with a committee grant or a visit assignment in the caller's write scope.",
})
export class AssignableVisitor {
  @Field(() => ID, { description: 'The user (visitorUserId of assignVisitor).' }) id!: string;
  @Field({ description: "The user's sign-in name (tells namesakes apart)." }) username!: string;
  @Field({ description: "The user's display name." }) displayName!: string;
  @Field(() => Int, {
    description: "Cells in the caller's write scope the user follows on the date asked (visit assignments in force).",
  })
  followsCells!: number;
}

@ObjectType({ description: 'A visit: an assigned visitor at a cell meeting, with the score given.' })
export class Visit {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'Meeting.' }) meetingId!: string;
  @Field(() => ID, { description: 'Cell.' }) cellId!: string;
  @Field(() => DateScalar, { description: 'Meeting date.' }) date!: string;
  @Field(() => ID, { description: 'Visitor.' }) visitorUserId!: string;
  @Field({ description: "Visitor's name." }) visitorName!: string;
  @Field({ description: 'Attended the meeting.' }) attended!: boolean;
  @Field(() => JsonScalar, { nullable: true, description: 'Points per criterion (null: not scored).' }) scores!: Record<
    string,
    number
  > | null;
  @Field(() => Int, { nullable: true, description: 'Total points.' }) total!: number | null;
  @Field(() => Int, { nullable: true, description: 'Maximum points of the sheet.' }) maxTotal!: number | null;
  @Field(() => String, { nullable: true, description: "Level from the sheet's bands." }) level!: string | null;
  @Field(() => Int, { nullable: true, description: "The cell's self-assessment total for the same meeting." })
  selfTotal!: number | null;
  @Field({ description: "The visitor's score is far from the cell's self-assessment (policy scoreGapWarn)." })
  scoreGapWarning!: boolean;
  @Field(() => String, { nullable: true, description: 'Guidance given.' }) guidance!: string | null;
  @Field(() => String, { nullable: true, description: 'Issues found.' }) issues!: string | null;
  @Field(() => String, { nullable: true, description: 'Follow-up.' }) followUp!: string | null;
}

@ObjectType({ description: 'A page of visits.' })
export class VisitPage extends Paginated(Visit, 'Visit', 'visits') {}

@InputType({ description: 'Assign a visitor to a cell.' })
export class AssignVisitorInput {
  @Field(() => ID, { description: 'The visitor (user).' }) @IsString() visitorUserId!: string;
  @Field(() => ID, { description: 'The cell.' }) @IsString() cellId!: string;
  @Field(() => DateScalar, { description: 'First day.' }) @IsISO8601({ strict: true }) from!: string;
  @Field(() => DateScalar, { nullable: true, description: 'End (exclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @Field(() => Int, { nullable: true, description: 'Visits required a year (default from the policy).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(52)
  requiredPerYear?: number;
}

@InputType({ description: 'A visit record by the assigned visitor.' })
export class RecordVisitInput {
  @Field(() => ID, { description: 'The meeting attended.' }) @IsString() meetingId!: string;
  @Field({ defaultValue: true, description: 'Attended.' }) @IsBoolean() attended: boolean = true;
  @Field(() => JsonScalar, {
    nullable: true,
    description:
      'Points per criterion of the score sheet in force (omit to record the visit without a score; it is then flagged).',
  })
  @IsOptional()
  @IsObject()
  scores?: Record<string, number>;
  @Field({ nullable: true, description: 'Guidance given.' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  guidance?: string;
  @Field({ nullable: true, description: 'Issues found.' }) @IsOptional() @IsString() @Length(0, 5000) issues?: string;
  @Field({ nullable: true, description: 'Follow-up.' }) @IsOptional() @IsString() @Length(0, 5000) followUp?: string;
}

@ObjectType({ description: "One visitor's line in a monthly visit report." })
export class VisitReportLine {
  @Field(() => ID, { description: 'Visitor.' }) visitorUserId!: string;
  @Field({ description: 'Name.' }) visitorName!: string;
  @Field(() => Int, { description: 'Cells assigned during the month.' }) assignedCells!: number;
  @Field(() => Int, { description: 'Visits recorded in the month.' }) visits!: number;
  @Field(() => Int, { description: 'Visits scored.' }) scored!: number;
  @Field(() => Int, { description: 'Visits attended but not scored.' }) unscored!: number;
  @Field(() => [ID], { description: 'Assigned cells that held a meeting this month which the visitor did not record.' })
  cellsNotVisited!: string[];
  @Field({ description: 'NOT_DUE, DUE, SUBMITTED, LATE or SUBMITTED_LATE.' }) state!: string;
  @Field(() => DateScalar, { description: 'Due date of the report.' }) dueOn!: string;
  @Field(() => DateScalar, { nullable: true, description: 'When it was submitted.' }) submittedOn!: string | null;
  @Field(() => [Visit], { description: 'The visits behind the figures.' }) items!: Visit[];
}

@ObjectType({ description: 'The monthly visit report of a committee (per visitor), compiled from the visit records.' })
export class VisitReport {
  @Field({ description: 'Month, YYYY-MM.' }) month!: string;
  @Field(() => [VisitReportLine], { description: 'One line per visitor with assignments in the subtree.' })
  lines!: VisitReportLine[];
}

@InputType({ description: 'Which monthly report.' })
export class VisitReportInput {
  @Field(() => ID, { description: "Committee (organisation) whose cells' visitors are reported." })
  @IsString()
  organisationId!: string;
  @Field({ description: 'Month, YYYY-MM.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

@InputType({ description: 'Which organisation and year to measure visit coverage for.' })
export class VisitCoverageInput {
  @Field(() => ID, {
    description:
      "Organisation whose cells' visit assignments are measured (the cells under it on the as-of date, capped at 31 December).",
  })
  @IsString()
  organisationId!: string;
  @Field(() => Int, { description: 'Calendar year.' }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Judge as of this date (default today): visits due later are not yet missing.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

@ObjectType({ description: "One visitor's progress on one assignment over the year." })
export class VisitCoverageLine {
  @Field(() => VisitAssignment, { description: 'The assignment.' }) assignment!: VisitAssignment;
  @Field(() => Organisation, { description: 'The cell followed.' }) cell!: Organisation;
  @Field(() => Int, {
    description:
      'Visits the assignment requires in the year (per year from the assignment or the policy, pro rata to the full months covered, rounded up).',
  })
  required!: number;
  @Field(() => Int, { description: 'Visits that should have been made by the as-of date at an even pace.' })
  dueSoFar!: number;
  @Field(() => Int, { description: 'Meetings attended in the year up to the as-of date.' }) done!: number;
  @Field(() => Int, { description: 'Of those, scored.' }) scored!: number;
  @Field(() => Int, { description: 'Of those, attended but not scored.' }) unscored!: number;
  @Field({ description: 'Behind: fewer visits done than due so far.' }) behind!: boolean;
}

@ObjectType({
  description:
    'Visit coverage under an organisation for a year: assignments behind, visits done and scored, cells with no visitor, with the lists behind the figures.',
})
export class VisitCoverageReport {
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => DateScalar, {
    description: 'The date the figures are judged at (the as-of date, capped at 31 December).',
  })
  asOf!: string;
  @Field(() => Int, { description: 'Assignments in force during the year on cells under the organisation.' })
  assignmentCount!: number;
  @Field(() => Int, { description: 'Assignments behind.' }) behindCount!: number;
  @Field(() => Float, { nullable: true, description: 'Share of assignments behind, % (2 decimals, half-up).' })
  behindPercent!: number | null;
  @Field(() => Int, { description: 'Visits required in the year, all assignments.' }) required!: number;
  @Field(() => Int, { description: 'Visits done so far.' }) done!: number;
  @Field(() => Int, { description: 'Visits scored.' }) scored!: number;
  @Field(() => Int, { description: 'Visits attended but not scored.' }) unscored!: number;
  @Field(() => Int, { description: 'Cells under the organisation.' }) cellCount!: number;
  @Field(() => [Organisation], { description: 'Cells with no visitor assigned at any time in the year.' })
  unassignedCells!: Organisation[];
  @Field(() => [VisitCoverageLine], { description: 'One line per assignment, those behind first.' })
  lines!: VisitCoverageLine[];
  /** The visits counted in `unscored` (internal: the dashboard lists them as VISIT_UNSCORED alerts). */
  unscoredVisits!: {
    visitId: string;
    meetingId: string;
    date: string;
    assignment: VisitAssignment;
    cell: Organisation;
  }[];
}
