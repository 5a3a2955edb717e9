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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ALERT_CODES,
  ALERT_ENTITIES,
  ALERT_SEVERITIES,
  type AlertCode,
  type AlertEntity,
  type AlertSeverity,
  type MemberStatus,
  type OrganisationKind,
} from '@chibo/domain';
import { PageInput } from '../../common/graphql/pagination';
import { DateScalar, JsonScalar } from '../../common/graphql/scalars';
import { MeetingKindCount } from '../meeting/compliance.model';
import { MemberStatusEnum } from '../member/member.model';
import { Organisation, OrganisationKindEnum } from '../organisation/organisation.model';
import type { DashboardScope } from './dashboard.scope';
import { enumOf } from '../../common/graphql/enum-of';

export const AlertCodeEnum = enumOf(ALERT_CODES);
registerEnumType(AlertCodeEnum, {
  name: 'AlertCode',
  description:
    'An alert rule (docs/rules.md#alerts names the rule behind each code; docs/dashboard.md lists each with its threshold). Meetings and visits: MEETING_OVERDUE, MINUTES_MISSING, ' +
    'RESOLUTION_MISSING, VISITS_BEHIND, VISIT_UNSCORED. Members: PROBATION_OVERDUE, PROBATION_DUE, CEREMONY_OVERDUE, BADGE_DUE. Organisations: ' +
    'CELL_TOO_LARGE, SUBORDINATE_CELL_TOO_LARGE, TOO_FEW_FULL_MEMBERS, CELL_COMMITTEE_MISSING, TERM_ENDED, TERM_ENDING. Inspections: ' +
    'INSPECTION_BEHIND. Ratings: RATING_QUOTA_BREACH, KHTNV_TWO_YEARS. Dues: DUES_ARREARS.',
});

export const AlertSeverityEnum = enumOf(ALERT_SEVERITIES);
registerEnumType(AlertSeverityEnum, {
  name: 'AlertSeverity',
  description: 'ERROR (a rule is broken, a deadline passed), WARNING (needs attention), INFO (an upcoming task).',
});

export const AlertEntityEnum = enumOf(ALERT_ENTITIES);
registerEnumType(AlertEntityEnum, {
  name: 'AlertEntity',
  description:
    'The record an alert points at, to open and fix: ORGANISATION (`organisation`), MEMBER (`memberId`), MEETING (`meetingId`), VISIT (`visitId` and its `meetingId`).',
});

// ------------------------------------------------------------------ inputs

@InputType({ description: "Which alerts: an organisation's subtree as it stood on a date." })
export class AlertsInput {
  @Field(() => ID, {
    description:
      'The organisation whose subtree is checked (NOT_FOUND outside your scope: you need to read its subtree).',
  })
  @IsString()
  organisationId!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Judge as of this date, on the tree as it stood then (default today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The year whose meetings and visits are judged (MEETING_OVERDUE, MINUTES_MISSING, RESOLUTION_MISSING, VISITS_BEHIND, VISIT_UNSCORED), from 1 January to the as-of date (to 31 December for a past year). Default: the as-of date's year.",
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => [AlertCodeEnum], {
    nullable: true,
    description: 'Only these codes (default: all). Totals and counts then cover these codes only.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ALERT_CODES.length)
  @IsIn(ALERT_CODES, { each: true })
  codes?: AlertCode[];

  @Field(() => PageInput, { nullable: true, description: 'Page of the sorted list (default the first 50).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PageInput)
  page?: PageInput;
}

@InputType({
  description: 'Which dashboard: an organisation (its subtree) on a date, with a year for the yearly figures.',
})
export class DashboardInput {
  @Field(() => ID, { description: 'The organisation (NOT_FOUND outside your scope: you need to read its subtree).' })
  @IsString()
  organisationId!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Figures as of this date, on the tree as it stood then (default today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The year of the yearly figures (meetings, visits, admissions, period alerts): from 1 January to the as-of date, or the whole year when it is over. Default: the as-of date's year.",
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

// ------------------------------------------------------------------ alerts

@ObjectType({ description: 'One alert: a rule broken or a task due, with the record to open to fix it.' })
export class AlertItem {
  @Field(() => AlertCodeEnum, { description: 'The rule.' }) code!: AlertCode;
  @Field(() => AlertSeverityEnum, { description: 'Severity (from the catalogue).' }) severity!: AlertSeverity;
  @Field(() => AlertEntityEnum, { description: 'What the alert points at; open that record to fix it.' })
  entity!: AlertEntity;
  @Field({ description: 'Short name of the rule, in Vietnamese.' }) title!: string;
  @Field({ description: 'The alert in Vietnamese (dates dd/mm/yyyy).' }) message!: string;
  @Field({ description: 'The alert in English.' }) messageEn!: string;
  @Field(() => Organisation, {
    description:
      'The organisation concerned, as it stood on the as-of date: the cell of a member, meeting or visit; the organisation itself otherwise.',
  })
  organisation!: Organisation;
  @Field(() => ID, { nullable: true, description: 'The member concerned (entity MEMBER).' }) memberId!: string | null;
  @Field(() => String, { nullable: true, description: "The member's full name." }) memberName!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The meeting concerned (entity MEETING, and the visited meeting for VISIT).',
  })
  meetingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The visit concerned (entity VISIT).' }) visitId!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The deadline that passed or is coming (recognition, ceremony, minutes, first missing meeting, term end, badge occasion); null when the rule has none.',
  })
  dueOn!: string | null;
  @Field(() => JsonScalar, {
    description: 'The figures behind the alert, as used in the message (e.g. { fullMemberCount: 11, threshold: 9 }).',
  })
  params!: Record<string, unknown>;
}

@ObjectType({ description: 'Alerts of one code.' })
export class AlertCodeCount {
  @Field(() => AlertCodeEnum, {
    description: 'The rule; open the list with alerts(input: { organisationId, asOf, year, codes: [code] }).',
  })
  code!: AlertCode;
  @Field(() => AlertSeverityEnum, { description: 'Its severity.' }) severity!: AlertSeverity;
  @Field({ description: 'Short name of the rule, in Vietnamese.' }) title!: string;
  @Field({ description: 'Short name of the rule, in English.' }) titleEn!: string;
  @Field(() => Int, { description: 'How many alerts of this code.' }) count!: number;
}

@ObjectType({ description: 'Alerts of one severity.' })
export class AlertSeverityCount {
  @Field(() => AlertSeverityEnum, { description: 'Severity.' }) severity!: AlertSeverity;
  @Field(() => Int, { description: 'How many alerts of this severity.' }) count!: number;
}

@ObjectType({
  description: 'The sorted alert list of a subtree (errors first, then the oldest deadline), with its counts.',
})
export class AlertList {
  @Field(() => DateScalar, { description: 'The as-of date judged.' }) asOf!: string;
  @Field(() => Int, { description: 'The year whose meetings and visits were judged.' }) year!: number;
  @Field(() => DateScalar, { description: 'First day of the judged period of meetings and visits (1 January).' })
  from!: string;
  @Field(() => DateScalar, { description: 'Last day of that period (the as-of date, or 31 December).' }) to!: string;
  @Field(() => Int, { description: 'Alerts in all (of the codes asked), not just this page.' }) total!: number;
  @Field(() => [AlertCodeCount], {
    description: 'Counts by code, in catalogue order; every code a source can produce is listed (0 when none).',
  })
  countsByCode!: AlertCodeCount[];
  @Field(() => [AlertSeverityCount], { description: 'Counts by severity (ERROR, WARNING, INFO).' })
  countsBySeverity!: AlertSeverityCount[];
  @Field(() => [AlertItem], { description: 'The alerts on this page.' }) items!: AlertItem[];
  @Field(() => Int, { description: 'The offset this page starts at.' }) offset!: number;
  @Field(() => Int, { description: 'The page size asked for.' }) limit!: number;
}

@ObjectType({
  description: "Alert counts of the dashboard's subtree (the list: alerts(input: { organisationId, asOf, year })).",
})
export class AlertSummary {
  @Field(() => Int, { description: 'All alerts. List: alerts(input: { organisationId, asOf, year }).' }) total!: number;
  @Field(() => [AlertCodeCount], { description: 'Counts by code. List: alerts(input: { …, codes: [code] }).' })
  countsByCode!: AlertCodeCount[];
  @Field(() => [AlertSeverityCount], { description: 'Counts by severity.' }) countsBySeverity!: AlertSeverityCount[];
}

// ------------------------------------------------------------------ dashboard sections

@ObjectType({ description: 'Members with one status.' })
export class MemberStatusCount {
  @Field(() => MemberStatusEnum, { description: 'Status.' }) status!: MemberStatus;
  @Field(() => Int, { description: 'How many (see the field using this type for the list).' }) count!: number;
}

@ObjectType({
  description: 'Membership of the subtree on one date (the tree and the memberships as they stood that day).',
})
export class MemberTrendPoint {
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => DateScalar, {
    description:
      'The date counted: 31 December, or the as-of date for the current year. List: members(filter: { organisationId }, asOf: date).',
  })
  date!: string;
  @Field(() => Int, { description: 'Members (full and probationary) on that date.' }) members!: number;
  @Field(() => Int, {
    description: 'Full members on that date. List: members(filter: { organisationId, statuses: [FULL] }, asOf: date).',
  })
  fullMembers!: number;
  @Field(() => Int, {
    description:
      'Probationary members on that date. List: members(filter: { organisationId, statuses: [PROBATIONARY] }, asOf: date).',
  })
  probationaryMembers!: number;
  @Field(() => Int, {
    description:
      'Admissions of that year up to the date (as MembersSection.admissions). List: admissions(organisationId, from: "<year>-01-01", to: date, asOf).',
  })
  admissions!: number;
}

@ObjectType({
  description:
    'Members of the subtree. Members are counted in their permanent cell; temporary guests are not counted by the host, exempt members are (docs/rules.md#r-membership-count).',
})
export class MembersSection {
  @Field(() => Int, {
    description: 'Members (full and probationary) on the as-of date. List: members(filter: { organisationId }, asOf).',
  })
  members!: number;
  @Field(() => Int, {
    description: 'Full members on the as-of date. List: members(filter: { organisationId, statuses: [FULL] }, asOf).',
  })
  fullMembers!: number;
  @Field(() => Int, {
    description:
      'Probationary members on the as-of date. List: members(filter: { organisationId, statuses: [PROBATIONARY] }, asOf).',
  })
  probationaryMembers!: number;
  @Field(() => Int, {
    description:
      'Members exempt from party work and meetings on the as-of date (still counted above). List: members(filter: { organisationId, exempt: true }, asOf).',
  })
  exemptMembers!: number;
  @Field(() => [MemberStatusCount], {
    description:
      'Members on the as-of date by status (FULL, PROBATIONARY). Lists as for fullMembers and probationaryMembers.',
  })
  byStatus!: MemberStatusCount[];
  @Field(() => Int, {
    description:
      "Admissions of the year (kết nạp): members admitted by a cell of the subtree (their ADMITTED event's cell, in the subtree on the admission decision date) with that date in the period; members since transferred out count, members transferred in after being admitted elsewhere do not. admissionProgress(organisationId, year, asOf).admitted is the same figure. List: admissions(organisationId, from, to, asOf).",
  })
  admissions!: number;
  @Field(() => DateScalar, { description: 'The first day of the year (the date of membersAtYearStart).' })
  yearStart!: string;
  @Field(() => Int, {
    description:
      'Members (full and probationary) on 1 January of the year. List: members(filter: { organisationId }, asOf: yearStart).',
  })
  membersAtYearStart!: number;
  @Field(() => [MemberStatusCount], {
    description:
      'Members who left during the period, by the status they left with (TRANSFERRED_OUT, REMOVED, EXPELLED, DECEASED), counted in their last cell. List: members(filter: { organisationId, statuses: [status], leftFrom: from, leftTo: to }, asOf).',
  })
  leftInPeriod!: MemberStatusCount[];
  @Field(() => [MemberTrendPoint], {
    description:
      'Membership on 31 December of each of the last 5 years (the as-of date for the current year), oldest first.',
  })
  trend!: MemberTrendPoint[];
}

@ObjectType({
  description:
    'Cell meetings of the year up to the as-of date (the rule: a regular meeting every month, a thematic one every quarter). All figures are those of meetingCompliance(input: { organisationId, from, to, asOf }).',
})
export class MeetingsSection {
  @Field(() => DateScalar, { description: 'First day of the period (1 January).' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the period (the as-of date, or 31 December).' }) to!: string;
  @Field(() => Int, {
    description: 'Cells checked: the cells under the organisation on `to`. List: meetingCompliance(…).cells.',
  })
  cells!: number;
  @Field(() => Int, {
    description:
      'Cells behind (a regular or thematic meeting missing, already due). List: meetingCompliance(…).cells where behind; also alerts(codes: [MEETING_OVERDUE]).',
  })
  cellsBehind!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'cellsBehind / cells, % (2 decimals, half-up); null without cells.',
  })
  behindPercent!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Attendance over the held meetings of those cells in the period (present / expected, exempt members excluded), %.',
  })
  attendancePercent!: number | null;
  @Field(() => Int, {
    description:
      'Regular meetings held (combined ones included), all cells checked. Per cell: meetingCompliance(…).cells.regularHeld.',
  })
  regularHeld!: number;
  @Field(() => Int, {
    description:
      'Thematic meetings held (combined ones included), all cells checked. Per cell: meetingCompliance(…).cells.thematicHeld.',
  })
  thematicHeld!: number;
  @Field(() => Int, {
    description:
      'Held (HELD or CLOSED) meetings in the period of cells that were in the subtree on the meeting date. List: meetingList(filter: { organisationId, from, to, states: [HELD, CLOSED] }).',
  })
  held!: number;
  @Field(() => [MeetingKindCount], {
    description:
      'Held meetings by kind (as `held`). List: meetingList(filter: { organisationId, from, to, kinds: [kind], states: [HELD, CLOSED] }).',
  })
  byKind!: MeetingKindCount[];
}

@ObjectType({
  description:
    "Committee members' visits to cell meetings in the year. All figures are those of visitCoverage(input: { organisationId, year, asOf }).",
})
export class VisitsSection {
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => DateScalar, { description: 'The date judged (the as-of date, capped at 31 December).' }) asOf!: string;
  @Field(() => Int, {
    description:
      'Visitor assignments in force during the year on cells under the organisation. List: visitCoverage(…).lines.',
  })
  assignments!: number;
  @Field(() => Int, {
    description:
      'Assignments behind (fewer visits than due so far). List: visitCoverage(…).lines where behind; also alerts(codes: [VISITS_BEHIND]).',
  })
  assignmentsBehind!: number;
  @Field(() => Float, { nullable: true, description: 'assignmentsBehind / assignments, %.' }) behindPercent!:
    number | null;
  @Field(() => Int, { description: 'Visits required in the year, all assignments (policy or assignment, pro rata).' })
  required!: number;
  @Field(() => Int, { description: 'Visits done (attended) so far.' }) done!: number;
  @Field(() => Int, { description: 'Visits scored.' }) scored!: number;
  @Field(() => Int, { description: 'Visits attended but not scored. List: alerts(codes: [VISIT_UNSCORED]).' })
  unscored!: number;
  @Field(() => Int, { description: 'Cells under the organisation.' }) cells!: number;
  @Field(() => Int, {
    description: 'Cells with no visitor assigned at any time in the year. List: visitCoverage(…).unassignedCells.',
  })
  cellsWithoutVisitor!: number;
}

@ObjectType({ description: 'Organisations of one kind.' })
export class DashboardKindCount {
  @Field(() => OrganisationKindEnum, {
    description: 'Kind. List: organisations(filter: { underId: organisationId, kinds: [kind] }, asOf).',
  })
  kind!: OrganisationKind;
  @Field(() => Int, { description: 'How many.' }) count!: number;
}

@ObjectType({ description: 'Organisations of the subtree on the as-of date, and their rule-based flags.' })
export class OrganisationsSection {
  @Field(() => Int, {
    description:
      'Organisations in the subtree, itself included. List: organisations(filter: { underId: organisationId }, asOf).',
  })
  total!: number;
  @Field(() => [DashboardKindCount], { description: 'By kind (kinds present only).' }) byKind!: DashboardKindCount[];
  @Field(() => [AlertCodeCount], {
    description:
      "Organisation flags by code (CELL_TOO_LARGE, SUBORDINATE_CELL_TOO_LARGE, TOO_FEW_FULL_MEMBERS, CELL_COMMITTEE_MISSING, TERM_ENDED, TERM_ENDING), 0 included. List: alerts(input: { organisationId, asOf, codes: [code] }); each organisation's own: Organisation.flags.",
  })
  flagCounts!: AlertCodeCount[];
}

/**
 * The headline figures of one direct child, for drill-down. Computed from the parent's set-based results grouped by
 * the child's branch (no query per child). Other areas add their own per-child figures with a @ResolveField on
 * this type (the parent carries the scope).
 */
@ObjectType({
  description:
    'Headline figures of one direct child organisation, for drill-down; each equals the same figure of dashboard(input: { organisationId: child id, asOf, year }).',
})
export class ChildFigures {
  @Field(() => Organisation, { description: 'The child organisation, on the as-of date.' }) organisation!: Organisation;
  @Field(() => Int, {
    description: 'Members on the as-of date. List: members(filter: { organisationId: child id }, asOf).',
  })
  members!: number;
  @Field(() => Int, { description: 'Full members on the as-of date.' }) fullMembers!: number;
  @Field(() => Int, { description: 'Probationary members on the as-of date.' }) probationaryMembers!: number;
  @Field(() => Int, {
    description:
      "Admissions of the year by the child's subtree (as MembersSection.admissions). List: admissions(organisationId: child id, from, to, asOf).",
  })
  admissions!: number;
  @Field(() => Int, {
    description:
      'Cells checked for meetings. List: meetingCompliance(input: { organisationId: child id, from, to, asOf }).cells.',
  })
  cells!: number;
  @Field(() => Int, { description: 'Cells behind on meetings (same list, behind).' }) cellsBehind!: number;
  @Field(() => Float, { nullable: true, description: 'cellsBehind / cells, %.' }) behindPercent!: number | null;
  @Field(() => Int, {
    description: 'Visitor assignments. List: visitCoverage(input: { organisationId: child id, year, asOf }).lines.',
  })
  visitAssignments!: number;
  @Field(() => Int, { description: 'Visitor assignments behind.' }) visitAssignmentsBehind!: number;
  @Field(() => Int, {
    description: "Alerts in the child's subtree. List: alerts(input: { organisationId: child id, asOf, year }).",
  })
  alerts!: number;
  @Field(() => Int, { description: 'Of those, severity ERROR.' }) alertErrors!: number;

  /** Internal: the dashboard's scope, for sections added by other areas. */
  scope!: DashboardScope;
}

/**
 * The dashboard of one organisation. Each section is a @ResolveField, computed only when asked, sharing the scope's
 * memo (one compliance, one coverage, … per request). Extension point: another area (inspections, ratings) adds its
 * section with `@Resolver(() => Dashboard) class XDashboardResolver { @ResolveField(() => XSection) x(@Parent() d) }`
 * using `d.scope`, and its alerts with an AlertSource (dashboard.sources.ts).
 */
@ObjectType({
  description:
    'The dashboard of an organisation (its subtree) on a date: members, meetings, visits, organisations, drill-down to the children, and alerts. Every figure names the query that lists the rows behind it.',
})
export class Dashboard {
  @Field(() => Organisation, { description: 'The organisation, on the as-of date.' }) organisation!: Organisation;
  @Field(() => DateScalar, { description: 'The as-of date.' }) asOf!: string;
  @Field(() => Int, { description: 'The year of the yearly figures.' }) year!: number;
  @Field(() => DateScalar, { description: 'First day of the yearly figures (1 January).' }) from!: string;
  @Field(() => DateScalar, {
    description: 'Last day of the yearly figures (the as-of date, or 31 December for a past year).',
  })
  to!: string;

  /** Internal: who asks, for what subtree and date, with the per-request memo of the sources. */
  scope!: DashboardScope;
}
