import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  DUES_BASES,
  DUES_CHANNELS,
  DUES_DUE_REASONS,
  DUES_RELIEF_KINDS,
  type DuesBasis,
  type DuesChannel,
  type DuesDueReason,
  type DuesReliefKind,
} from '@chibo/domain';
import { Paginated } from '../../common/graphql/pagination';
import { DateScalar } from '../../common/graphql/scalars';
import { enumOf } from '../../common/graphql/enum-of';

// Party dues (docs/dues.md; the rules: docs/rules.md#r-dues). Amounts are whole đồng; totals are Float because a
// province's yearly total passes GraphQL Int's 2^31 (they stay exact integers up to 2^53).

export const DuesBasisEnum = enumOf(DUES_BASES);
registerEnumType(DuesBasisEnum, {
  name: 'DuesBasis',
  description:
    "What a member's monthly dues are computed from: INSURED_SALARY (1% of the previous month's insured salary), SICKNESS_MATERNITY (1% of the social-insurance benefit), PENSION (0.5% of the pension), SOCIAL_PENSION (exempt), STUDENT (a fixed amount), OTHER (a share of the income reported to the cell). Rates come from the policy in force (docs/rules.md#r-dues).",
});
export const DuesReliefKindEnum = enumOf(DUES_RELIEF_KINDS);
registerEnumType(DuesReliefKindEnum, {
  name: 'DuesReliefKind',
  description:
    'Relief granted on application: EXEMPT (nothing owed), REDUCE (by a percent the policy allows), DEFER (owed later; the months do not count as unpaid meanwhile).',
});
export const DuesChannelEnum = enumOf(DUES_CHANNELS);
registerEnumType(DuesChannelEnum, {
  name: 'DuesChannel',
  description: 'How dues were paid: CASH to the cell, or PORTAL (the National Public Service Portal).',
});
export const DuesDueReasonEnum = enumOf(DUES_DUE_REASONS);
registerEnumType(DuesDueReasonEnum, {
  name: 'DuesDueReason',
  description:
    "Why a month's amount is what it is: STANDARD, REDUCED (a relief), EXEMPT_PARTY_AGE (50 years of party age), EXEMPT_SOCIAL_PENSION, EXEMPT_ON_APPLICATION, NO_BASIS (no basis recorded: the amount is unknown).",
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = "must be a month 'YYYY-MM'";

@ObjectType({ description: "One month of a member's dues." })
export class DuesMonth {
  @Field({ description: "The month, 'YYYY-MM'." }) month!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The cell the member belonged to that month (on its last day, or today for the current month); null for a month the member was not a member.',
  })
  organisationId!: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Owed for the month in đồng; null when no basis is recorded (NO_BASIS) or the member was not a member.',
  })
  due!: number | null;
  @Field(() => Int, { nullable: true, description: 'The amount before a reduction.' }) standard!: number | null;
  @Field(() => DuesDueReasonEnum, {
    nullable: true,
    description: 'Why the amount is what it is; null for a month the member was not a member.',
  })
  reason!: DuesDueReason | null;
  @Field({ description: 'Deferred by a relief: owed, not counted as unpaid meanwhile.' }) deferred!: boolean;
  @Field(() => Int, { description: 'Paid for the month (payments not cancelled), in đồng.' }) paid!: number;
}

@ObjectType({
  description: "A member's dues in a year: each month, the totals and the arrears rule's answer as of today.",
})
export class DuesMemberYear {
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field({ description: "The member's full name." }) fullName!: string;
  @Field(() => ID, { nullable: true, description: "The member's cell in the year's last month shown." })
  organisationId!: string | null;
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field(() => [DuesMonth], {
    description:
      'The months of the year from January to the current month (all twelve for a past year), plus any later month already paid.',
  })
  months!: DuesMonth[];
  @Field(() => Float, {
    description: 'Owed over the months shown up to the current month, in đồng (unknown months count 0).',
  })
  dueTotal!: number;
  @Field(() => Float, { description: 'Paid for those months, in đồng.' }) paidTotal!: number;
  @Field(() => Float, { description: 'Paid ahead for months after the current one, in đồng.' }) paidAhead!: number;
  @Field(() => [String], {
    description:
      'Ended months with something owed, nothing paid and no deferral (the months the three-month rule counts).',
  })
  unpaidMonths!: string[];
  @Field(() => [String], { description: 'Ended months paid in part.' }) shortMonths!: string[];
  @Field(() => [String], { description: 'Ended months whose amount is unknown because no basis is recorded.' })
  unknownMonths!: string[];
  @Field(() => Float, { description: 'Owed minus paid over the ended, not deferred months, in đồng.' })
  outstanding!: number;
  @Field({
    description:
      "Unpaid months reach the policy's threshold (3): the cell considers proposing removal from the list (docs/rules.md#r-dues).",
  })
  inArrears!: boolean;
}

@ObjectType({ description: 'A payment of dues for one member and month.' })
export class DuesPayment {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field(() => ID, { description: "The cell the payment belongs to (the member's cell that month)." })
  organisationId!: string;
  @Field({ description: "The month paid for, 'YYYY-MM'." }) month!: string;
  @Field(() => Int, { description: 'Amount in đồng.' }) amount!: number;
  @Field(() => DateScalar, { description: 'The day it was paid.' }) paidOn!: string;
  @Field(() => DuesChannelEnum, { description: 'Cash to the cell, or the public service portal.' })
  channel!: DuesChannel;
  @Field(() => String, { nullable: true, description: 'Note.' }) note!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The reference it came with from an imported file (the portal's transaction code, a receipt number); unique per channel.",
  })
  reference!: string | null;
  @Field({ description: 'Who recorded it.' }) recordedBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was cancelled (a mistaken entry); cancelled payments count for nothing.',
  })
  cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' }) cancelReason!: string | null;
}

@ObjectType({ description: "What a member's dues are computed from, for a period of whole months." })
export class DuesBasisPeriod {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field({ description: "First month, 'YYYY-MM'." }) from!: string;
  @Field(() => String, { nullable: true, description: "Last month, 'YYYY-MM'; null while in force." }) to!:
    string | null;
  @Field(() => DuesBasisEnum, { description: 'The basis.' }) basis!: DuesBasis;
  @Field(() => Int, {
    nullable: true,
    description: 'The monthly income the rate applies to, in đồng (null for STUDENT and SOCIAL_PENSION).',
  })
  amount!: number | null;
  @Field(() => String, { nullable: true, description: 'Note.' }) note!: string | null;
}

@ObjectType({
  description: 'An exemption, reduction or deferral of dues granted on application, for a period of whole months.',
})
export class DuesRelief {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field(() => DuesReliefKindEnum, { description: 'The relief.' }) kind!: DuesReliefKind;
  @Field(() => Int, { nullable: true, description: 'The reduction in percent (REDUCE only).' }) percent!: number | null;
  @Field({ description: "First month, 'YYYY-MM'." }) from!: string;
  @Field({ description: "Last month, 'YYYY-MM'." }) to!: string;
  @Field(() => DateScalar, { description: 'The date of the decision.' }) decidedOn!: string;
  @Field({ description: 'The grounds (hộ nghèo, bệnh hiểm nghèo, …).' }) reason!: string;
}

@ObjectType({
  description:
    "A member's dues record for a year: the months, the payments (cancelled ones included), the bases and the reliefs.",
})
export class MemberDues {
  @Field(() => DuesMemberYear, { description: 'The months and totals.' }) year!: DuesMemberYear;
  @Field(() => [DuesPayment], { description: 'Payments for months of the year and ahead, oldest month first.' })
  payments!: DuesPayment[];
  @Field(() => [DuesBasisPeriod], { description: 'Bases recorded for the member, oldest first.' })
  bases!: DuesBasisPeriod[];
  @Field(() => [DuesRelief], { description: 'Reliefs granted to the member, oldest first.' }) reliefs!: DuesRelief[];
}

@ObjectType({ description: "A page of members' dues years." })
export class DuesMemberYearPage extends Paginated(DuesMemberYear, 'DuesMemberYear', 'members') {}

@ObjectType({ description: 'Dues figures of one organisation (its whole subtree) for a year up to today.' })
export class DuesFiguresRow {
  @Field(() => ID, { description: "The organisation's id." }) organisationId!: string;
  /** The day the organisation is shown as of (the period's last day); not a field. */
  asOf!: string;
  @Field(() => Int, {
    description: 'Members who owed something in a month of the period (including exempt ones, who owe 0).',
  })
  members!: number;
  @Field(() => Float, {
    description: 'Owed over the period (January to the current month), in đồng; unknown months count 0.',
  })
  due!: number;
  @Field(() => Float, { description: 'Paid for those months, in đồng.' }) collected!: number;
  @Field(() => Float, { description: 'Paid ahead for later months, in đồng.' }) collectedAhead!: number;
  @Field(() => Float, { description: 'Owed minus paid over the ended months, in đồng.' }) outstanding!: number;
  @Field(() => Float, { nullable: true, description: 'collected / due × 100 (null when nothing is due).' })
  collectedPercent!: number | null;
  @Field(() => Int, { description: 'Members whose unpaid months reach the threshold (the list: duesArrears).' })
  membersInArrears!: number;
  @Field(() => Int, {
    description: 'Members with at least one ended month whose amount is unknown (no basis recorded).',
  })
  membersWithoutBasis!: number;
}

@ObjectType({
  description: 'Dues figures of a subtree for a year as of today, with one row per organisation directly under it.',
})
export class DuesFigures {
  @Field(() => Int, { description: 'Year.' }) year!: number;
  @Field({ description: "The last month counted, 'YYYY-MM' (the current month, or December of a past year)." })
  throughMonth!: string;
  @Field(() => DuesFiguresRow, { description: 'The whole subtree.' }) total!: DuesFiguresRow;
  @Field(() => [DuesFiguresRow], {
    description: "Each organisation directly under it (on the period's last day), by code.",
  })
  children!: DuesFiguresRow[];
}

@InputType({ description: 'A payment of dues.' })
export class RecordDuesPaymentInput {
  @Field(() => ID, { description: 'The member.' }) @IsString() memberId!: string;
  @Field({ description: "The month paid for, 'YYYY-MM'; at most 12 months ahead." })
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month!: string;
  @Field(() => Int, { description: 'Amount in đồng (1 to 1,000,000,000).' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amount!: number;
  @Field(() => DateScalar, { description: 'The day it was paid (not after today).' })
  @IsISO8601({ strict: true })
  paidOn!: string;
  @Field(() => DuesChannelEnum, { defaultValue: 'CASH', description: 'Cash to the cell (default) or the portal.' })
  @IsIn(DUES_CHANNELS)
  channel!: DuesChannel;
  @Field(() => String, { nullable: true, description: 'Note.' }) @IsOptional() @IsString() @Length(0, 500) note?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A key the client chooses (e.g. a UUID of an offline change): a second write with the same key returns the first payment and writes nothing.',
  })
  @IsOptional()
  @IsString()
  @Length(8, 100)
  clientKey?: string | null;
}

@InputType({ description: "The basis of a member's dues from a month on (until the next recorded change)." })
export class SetDuesBasisInput {
  @Field(() => ID, { description: 'The member.' }) @IsString() memberId!: string;
  @Field({ description: "First month, 'YYYY-MM'." })
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  from!: string;
  @Field(() => DuesBasisEnum, { description: 'The basis.' }) @IsIn(DUES_BASES) basis!: DuesBasis;
  @Field(() => Int, {
    nullable: true,
    description:
      'The monthly income in đồng: required for INSURED_SALARY, SICKNESS_MATERNITY, PENSION and OTHER; empty for STUDENT and SOCIAL_PENSION.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  amount?: number | null;
  @Field(() => String, { nullable: true, description: 'Note.' }) @IsOptional() @IsString() @Length(0, 500) note?:
    string | null;
}

@InputType({ description: 'A relief granted on application.' })
export class GrantDuesReliefInput {
  @Field(() => ID, { description: 'The member.' }) @IsString() memberId!: string;
  @Field(() => DuesReliefKindEnum, { description: 'The relief.' }) @IsIn(DUES_RELIEF_KINDS) kind!: DuesReliefKind;
  @Field(() => Int, { nullable: true, description: 'The reduction in percent, one the policy allows (REDUCE only).' })
  @IsOptional()
  @IsInt()
  percent?: number | null;
  @Field({ description: "First month, 'YYYY-MM'." })
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  from!: string;
  @Field({ description: "Last month, 'YYYY-MM'; at most the policy's maximum (12 months) after the first." })
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  to!: string;
  @Field(() => DateScalar, { description: 'The date of the decision (not after today).' })
  @IsISO8601({ strict: true })
  decidedOn!: string;
  @Field({ description: 'The grounds.' }) @IsString() @Length(1, 1000) reason!: string;
}

@InputType({ description: 'The organisation (its whole subtree) and the year of a dues report.' })
export class DuesReportInput {
  @Field(() => ID, { description: 'The cell or committee.' }) @IsString() organisationId!: string;
  @Field(() => Int, { description: 'The calendar year (not after the current one).' })
  @IsInt()
  @Min(1900)
  @Max(9999)
  year!: number;
}
