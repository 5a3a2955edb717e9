import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  DECIDING_BODIES,
  DIRECT_MEMBER_EVENT_TYPES,
  DISCIPLINE_FORMS,
  MEMBER_STATUSES,
  NAME_ORDERS,
  type MemberStatus,
  type NameOrder,
} from '@chibo/domain';
import { NotAfterToday } from '../../common/graphql/not-after-today';
import { DateScalar } from '../../common/graphql/scalars';
import { GenderEnum, MemberStatusEnum, NameOrderEnum, ProbationStateEnum } from './member.model';

@InputType({ description: 'Filter for the member list. Every condition narrows the list.' })
export class MemberFilter {
  @Field(() => ID, { nullable: true, description: "Only members of this organisation's subtree." })
  @IsOptional()
  @IsString()
  organisationId?: string;

  @Field(() => [MemberStatusEnum], {
    nullable: true,
    description:
      'Statuses on the as-of date (default: PROBATIONARY and FULL). Other statuses list members who had left by then.',
  })
  @IsOptional()
  @IsArray()
  @IsIn(MEMBER_STATUSES, { each: true })
  statuses?: MemberStatus[];

  @Field(() => NameOrderEnum, {
    nullable: true,
    description:
      'The order of the list (default FULL_NAME; the web app lists by GIVEN_NAME). A keyset cursor belongs to the order it was made in.',
  })
  @IsOptional()
  @IsIn(NAME_ORDERS)
  order?: NameOrder;

  @Field({
    nullable: true,
    description:
      'Name ignoring diacritics and case ("nguyen van an" finds "Nguyễn Văn An"), or an exact party card number or national ID.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @Field(() => GenderEnum, { nullable: true, description: 'Gender.' })
  @IsOptional()
  @IsIn(['MALE', 'FEMALE'])
  gender?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Admission decision on or after this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  admittedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Admission decision on or before this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  admittedTo?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Left (transferred out, removed, expelled, deceased) on or after this date; use with `statuses` naming those statuses.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  leftFrom?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Left on or before this date; use with `statuses` naming the statuses of members who left.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  leftTo?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Born on or after this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  bornFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Born on or before this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  bornTo?: string;

  @Field(() => [ProbationStateEnum], {
    nullable: true,
    description: 'Probation states on the as-of date (e.g. [DUE, OVERDUE] = the list of those due for recognition).',
  })
  @IsOptional()
  @IsArray()
  @IsIn(Object.keys(ProbationStateEnum), { each: true })
  probation?: string[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Only members who reach a party-badge milestone (30, 40, 45… years of party age, per the policy) in this calendar year.',
  })
  @IsOptional()
  @IsInt()
  @Min(1930)
  @Max(2200)
  badgeDueInYear?: number;

  @Field({
    nullable: true,
    description: 'Only members exempt (true) or not exempt (false) from party work and meetings.',
  })
  @IsOptional()
  @IsBoolean()
  exempt?: boolean;
}

const NAT_ID = /^[0-9]{12}$/;
const CARD = /^[0-9]{6,12}$/;

@InputType({ description: 'Personal and party data of a member.' })
export class MemberDataInput {
  @Field({ nullable: true, description: 'Full name.' }) @IsOptional() @IsString() @Length(1, 200) fullName?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Birth date (not after today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  birthDate?: string;
  @Field(() => GenderEnum, { nullable: true, description: 'Gender.' })
  @IsOptional()
  @IsIn(['MALE', 'FEMALE'])
  gender?: string;
  @Field({ nullable: true, description: 'Ethnicity.' }) @IsOptional() @IsString() @Length(1, 100) ethnicity?: string;
  @Field({ nullable: true, description: 'Religion.' }) @IsOptional() @IsString() @Length(1, 100) religion?: string;
  @Field({ nullable: true, description: 'Home town.' }) @IsOptional() @IsString() @Length(1, 300) homeTown?: string;
  @Field({ nullable: true, description: 'Residence.' }) @IsOptional() @IsString() @Length(1, 300) residence?: string;
  @Field({ nullable: true, description: 'National ID, 12 digits.' })
  @IsOptional()
  @Matches(NAT_ID, { message: 'nationalId must be 12 digits' })
  nationalId?: string;
  @Field({ nullable: true, description: 'Party card number (full members only), 6–12 digits.' })
  @IsOptional()
  @Matches(CARD, { message: 'cardNumber must be 6 to 12 digits' })
  cardNumber?: string;
  @Field({ nullable: true, description: 'Party file number.' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  fileNumber?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Admission decision date (not after today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  admissionDecisionDate?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Ceremony date (not after today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  ceremonyDate?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Full membership date (not after today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  fullMembershipDate?: string;
  @Field(() => [String], { nullable: true, description: 'Introducers (up to two names).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true })
  introducers?: string[];
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date of the party-awareness course certificate (not after today; valid for 5 years on the admission decision, docs/rules.md#r-course-certificate).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  courseCompletedOn?: string;
  @Field({
    nullable: true,
    description:
      "The higher committee's written approval of an admission above the maximum age (its number and date); lifts only the upper age limit (docs/rules.md#r-admission-age).",
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  admissionAgeApproval?: string;
  @Field({ nullable: true, description: 'General education.' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  educationGeneral?: string;
  @Field({ nullable: true, description: 'Professional education.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  educationProfessional?: string;
  @Field({ nullable: true, description: 'Political theory.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  politicalTheory?: string;
  @Field({ nullable: true, description: 'Job.' }) @IsOptional() @IsString() @Length(1, 200) job?: string;
  @Field({ nullable: true, description: 'Post.' }) @IsOptional() @IsString() @Length(1, 200) post?: string;
}

@InputType({ description: 'A new member record in a cell: admitted there, or transferred in from outside the system.' })
export class CreateMemberInput extends MemberDataInput {
  @Field({ description: 'Full name.' }) @IsString() @Length(1, 200) declare fullName: string;

  @Field(() => ID, { description: 'The cell the member belongs to.' })
  @IsString()
  organisationId!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the member joins this cell (default: the ceremony date; not after today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  joinedOn?: string;

  @Field({
    nullable: true,
    description: 'Transferred in from this organisation outside the system (otherwise: admitted in this cell).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  transferredFrom?: string;
}

@InputType({
  description:
    'A lifecycle event for a member (docs/rules.md#r-member-lifecycle). Which fields apply depends on the type.',
})
export class MemberEventInput {
  @Field(() => ID, { description: 'Member.' })
  @IsString()
  memberId!: string;

  @Field({
    description:
      'RECOGNISED_FULL, NOT_RECOGNISED, TRANSFER_INTERNAL, TRANSFER_OUT, TRANSFER_IN, TEMPORARY_TRANSFER_OUT, TEMPORARY_TRANSFER_END, EXEMPTED, EXEMPTION_ENDED, REMOVED, DECEASED.',
  })
  @IsIn(DIRECT_MEMBER_EVENT_TYPES)
  type!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Effective date (not after today; RECOGNISED_FULL: default and at the earliest the end of probation).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  effectiveOn?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Target cell (TRANSFER_INTERNAL, TRANSFER_IN, and TEMPORARY_TRANSFER_OUT inside the system).',
  })
  @IsOptional()
  @IsString()
  toOrganisationId?: string;

  @Field({ nullable: true, description: 'Organisation outside the system (TRANSFER_OUT, TEMPORARY_TRANSFER_OUT).' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  externalOrganisation?: string;

  @Field({ nullable: true, description: 'REMOVED: the xóa tên reason code; EXEMPTED: TEMPORARY or PERMANENT.' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  reason?: string;

  @Field(() => DateScalar, { nullable: true, description: 'End date (temporary transfer or temporary exemption).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endOn?: string;

  @Field({ nullable: true, description: 'Party card number, when recognising a full member.' })
  @IsOptional()
  @Matches(CARD, { message: 'cardNumber must be 6 to 12 digits' })
  cardNumber?: string;

  @Field({ nullable: true, description: 'Note or decision reference.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: 'A discipline decision for a member.' })
export class RecordDisciplineInput {
  @Field(() => ID, { description: 'Member.' }) @IsString() memberId!: string;
  @Field({
    description: "Form: KHIEN_TRACH, CANH_CAO, CACH_CHUC, KHAI_TRU (only those allowed for the member's status).",
  })
  @IsIn(DISCIPLINE_FORMS)
  form!: string;
  @Field({ description: 'Deciding body (its authority limits the forms).' })
  @IsIn(DECIDING_BODIES)
  decidingBody!: string;
  @Field(() => DateScalar, { description: 'Decision date (not after today).' })
  @IsISO8601({ strict: true })
  @NotAfterToday()
  decidedOn!: string;
  @Field({ nullable: true, description: 'Reason.' }) @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
