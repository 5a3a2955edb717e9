import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { COMMITTEE_ROLES, ORGANISATION_KINDS, type CommitteeRole, type OrganisationKind } from '@chibo/domain';
import { DateScalar } from '../../common/graphql/scalars';
import { CommitteeRoleEnum, OrganisationKindEnum } from './organisation.model';

const CODE = /^[A-Za-z0-9._-]+$/;

@InputType({ description: 'Filter for the organisation list.' })
export class OrganisationFilter {
  @Field(() => ID, { nullable: true, description: 'Only this organisation and everything under it.' })
  @IsOptional()
  @IsString()
  underId?: string;

  @Field(() => [OrganisationKindEnum], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsArray()
  @IsIn(ORGANISATION_KINDS, { each: true })
  kinds?: OrganisationKind[];

  @Field({ nullable: true, description: 'Name or code contains this text (diacritics and case ignored).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @Field({
    nullable: true,
    description: 'Also list organisations dissolved before the as-of date, placed where they last were.',
  })
  @IsOptional()
  @IsBoolean()
  includeDissolved?: boolean;
}

@InputType({ description: 'A new organisation.' })
export class CreateOrganisationInput {
  @Field({ description: 'Unique code (letters, digits, dot, dash, underscore).' })
  @IsString()
  @Length(1, 50)
  @Matches(CODE, { message: 'code may contain letters, digits, ".", "-" and "_" only' })
  code!: string;

  @Field({ description: 'Name.' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @Field(() => OrganisationKindEnum, { description: "Kind; must be allowed under the parent's kind." })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @Field(() => ID, {
    nullable: true,
    description: 'Parent organisation; omit only for a root committee (administrators).',
  })
  @IsOptional()
  @IsString()
  parentId?: string;

  @Field({ nullable: true, description: 'Level name for COMMITTEE kinds.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  levelName?: string;

  @Field({ nullable: true, description: 'Agency or unit served.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  unitServed?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Establishment date (default today); it is also when it joins the tree.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  establishedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Current term start.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  termStart?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Current term end.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  termEnd?: string;

  @Field({ nullable: true, description: 'Term type.' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  termType?: string;
}

@InputType({
  description: "Changes to an organisation's own fields (not its place in the tree: use moveOrganisation).",
})
export class UpdateOrganisationInput {
  @Field({ nullable: true, description: 'New code.' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(CODE, { message: 'code may contain letters, digits, ".", "-" and "_" only' })
  code?: string;

  @Field({ nullable: true, description: 'New name.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  name?: string;

  @Field({ nullable: true, description: 'Level name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  levelName?: string;

  @Field({ nullable: true, description: 'Agency or unit served.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  unitServed?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Term start.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  termStart?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Term end.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  termEnd?: string;

  @Field({ nullable: true, description: 'Term type.' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  termType?: string;
}

@InputType({ description: 'Move an organisation (with everything under it) to a new parent from a date.' })
export class MoveOrganisationInput {
  @Field(() => ID, { description: 'Organisation to move.' })
  @IsString()
  id!: string;

  @Field(() => ID, { description: 'New parent.' })
  @IsString()
  newParentId!: string;

  @Field(() => DateScalar, {
    description: 'Date the move takes effect; queries for earlier dates still show the old parent.',
  })
  @IsISO8601({ strict: true })
  effectiveOn!: string;

  @Field({ nullable: true, description: 'Decision reference or note.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

@InputType({
  description: 'Merge organisations into a target: their children and members move to it and they are dissolved.',
})
export class MergeOrganisationsInput {
  @Field(() => [ID], { description: 'Organisations merged away.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sourceIds!: string[];

  @Field(() => ID, { description: 'Organisation that receives them.' })
  @IsString()
  targetId!: string;

  @Field(() => DateScalar, { description: 'Date the merge takes effect.' })
  @IsISO8601({ strict: true })
  effectiveOn!: string;

  @Field({ nullable: true, description: 'Decision reference or note.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: 'One organisation created by a split.' })
export class SplitPartInput {
  @Field({ description: 'Code of the new organisation.' })
  @IsString()
  @Length(1, 50)
  @Matches(CODE, { message: 'code may contain letters, digits, ".", "-" and "_" only' })
  code!: string;

  @Field({ description: 'Name of the new organisation.' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Members who move to it.' })
  @IsArray()
  @IsString({ each: true })
  memberIds: string[] = [];

  @Field(() => [ID], { defaultValue: [], description: 'Child organisations that move under it.' })
  @IsArray()
  @IsString({ each: true })
  childIds: string[] = [];
}

@InputType({ description: 'Split an organisation into new ones of the same kind under the same parent.' })
export class SplitOrganisationInput {
  @Field(() => ID, { description: 'Organisation to split.' })
  @IsString()
  id!: string;

  @Field(() => DateScalar, { description: 'Date the split takes effect.' })
  @IsISO8601({ strict: true })
  effectiveOn!: string;

  @Field(() => [SplitPartInput], { description: 'The new organisations.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SplitPartInput)
  parts!: SplitPartInput[];

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Dissolve the original (then every member and child must go to a part).',
  })
  @IsBoolean()
  dissolveSource = false;

  @Field({ nullable: true, description: 'Decision reference or note.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

@InputType({
  description: 'Dissolve an organisation from a date. It must have no members or child organisations left.',
})
export class DissolveOrganisationInput {
  @Field(() => ID, { description: 'Organisation to dissolve.' })
  @IsString()
  id!: string;

  @Field(() => DateScalar, { description: 'Date of dissolution.' })
  @IsISO8601({ strict: true })
  effectiveOn!: string;

  @Field({ nullable: true, description: 'Reason or decision reference.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: "Give a member a seat on an organisation's committee." })
export class AssignCommitteeSeatInput {
  @Field(() => ID, { description: 'Organisation whose committee it is.' })
  @IsString()
  organisationId!: string;

  @Field(() => ID, { description: "Member (must belong to the organisation's subtree on the start date)." })
  @IsString()
  memberId!: string;

  @Field(() => CommitteeRoleEnum, { description: 'Role.' })
  @IsIn(COMMITTEE_ROLES)
  role!: CommitteeRole;

  @Field(() => DateScalar, { description: 'First day.' })
  @IsISO8601({ strict: true })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End (exclusive), if known.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

@InputType({ description: 'End a committee seat.' })
export class EndCommitteeSeatInput {
  @Field(() => ID, { description: 'Seat.' })
  @IsUUID()
  seatId!: string;

  @Field(() => DateScalar, { description: 'Day the seat ends (exclusive).' })
  @IsISO8601({ strict: true })
  to!: string;
}
