import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ORGANISATION_KINDS, COMMITTEE_ROLES, type CommitteeRole, type OrganisationKind } from '@chibo/domain';
import { DateScalar, JsonScalar } from '../../common/graphql/scalars';
import { Paginated } from '../../common/graphql/pagination';
import { enumOf } from '../../common/graphql/enum-of';

export const OrganisationKindEnum = enumOf(ORGANISATION_KINDS);
registerEnumType(OrganisationKindEnum, {
  name: 'OrganisationKind',
  description:
    'Kind of party organisation. COMMITTEE: any committee level above the grassroots (its level name is data). ' +
    'GRASSROOTS_COMMITTEE: đảng bộ cơ sở; GRASSROOTS_CELL: chi bộ cơ sở; SUB_COMMITTEE: đảng bộ bộ phận; ' +
    'SUBORDINATE_CELL: chi bộ trực thuộc; PARTY_GROUP: tổ đảng.',
});

export const CommitteeRoleEnum = enumOf(COMMITTEE_ROLES);
registerEnumType(CommitteeRoleEnum, {
  name: 'CommitteeRole',
  description:
    'Seat on an elected committee: SECRETARY (bí thư), DEPUTY_SECRETARY (phó bí thư), STANDING_MEMBER (ủy viên ban thường vụ), COMMITTEE_MEMBER (cấp ủy viên / chi ủy viên).',
});

/** A row of the organisation table placed in the tree as of a date. Relation fields resolve for that same date. */
@ObjectType({
  description:
    'A party organisation (committee, grassroots organisation, sub-committee, cell or party group) as it stood on the as-of date of the query.',
})
export class Organisation {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Unique code, e.g. "BD.KCQ.012".' })
  code!: string;

  @Field({ description: 'Name, e.g. "Chi bộ Văn phòng".' })
  name!: string;

  @Field(() => OrganisationKindEnum, { description: 'Kind of organisation.' })
  kind!: OrganisationKind;

  @Field(() => String, {
    nullable: true,
    description: 'For COMMITTEE kinds: the level name, e.g. "Đảng bộ tỉnh" or "Đảng ủy các cơ quan Đảng tỉnh".',
  })
  levelName!: string | null;

  @Field(() => String, { nullable: true, description: 'The agency or unit the organisation serves (cơ quan, đơn vị).' })
  unitServed!: string | null;

  @Field(() => DateScalar, { description: 'Date the organisation was established.' })
  establishedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date it was dissolved or merged away (null while it exists).',
  })
  dissolvedOn!: string | null;

  /**
   * The current term (the organisation row's own columns, which flags, exports and imports read). GraphQL answers
   * termStart, termEnd and termType through the resolver: the term in force on the as-of date.
   */
  termStart!: string | null;

  termEnd!: string | null;

  termType!: string | null;

  /** Parent on the as-of date (exposed through a resolver that hides a parent outside the caller's scope). */
  parentId!: string | null;

  @Field(() => Int, { description: 'Depth in the tree on the as-of date (0 = root).' })
  depth!: number;

  @Field(() => DateScalar, {
    description: "The date this view of the organisation is for (the query's asOf, default today).",
  })
  asOf!: string;

  /** Materialised path on the as-of date (internal). */
  path!: string;
}

@ObjectType({
  description:
    'A rule-based warning about an organisation (docs/rules.md#organisations): size, full members, cell committee, term.',
})
export class OrganisationFlag {
  @Field({ description: 'Stable code, e.g. GRASSROOTS_CELL_TOO_LARGE, CELL_COMMITTEE_REQUIRED, TERM_ENDED.' })
  code!: string;

  @Field({ description: '"warning" or "error".' })
  severity!: string;

  @Field({ description: 'Human-readable message in Vietnamese.' })
  message!: string;

  @Field({ description: 'Human-readable message in English.' })
  messageEn!: string;

  @Field(() => JsonScalar, { description: 'The figures behind the flag, e.g. { members: 34, limit: 30 }.' })
  params!: Record<string, unknown>;
}

@ObjectType({ description: 'Number of organisations of one kind.' })
export class KindCount {
  @Field(() => OrganisationKindEnum, { description: 'Kind.' })
  kind!: OrganisationKind;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({
  description:
    'Counts for an organisation and everything under it on the as-of date. Members are counted where they belong permanently: temporary guests are not counted by the host (docs/rules.md#r-membership-count); exempt members are.',
})
export class SubtreeCounts {
  @Field(() => Int, { description: 'Organisations in the subtree, the root included.' })
  organisations!: number;

  @Field(() => [KindCount], { description: 'Organisations in the subtree by kind.' })
  byKind!: KindCount[];

  @Field(() => Int, { description: 'Members (full and probationary) in the subtree.' })
  members!: number;

  @Field(() => Int, { description: 'Full members (đảng viên chính thức).' })
  fullMembers!: number;

  @Field(() => Int, { description: 'Probationary members (đảng viên dự bị).' })
  probationaryMembers!: number;
}

@ObjectType({ description: "A seat on the organisation's elected committee (cấp ủy / chi ủy) or its secretary post." })
export class CommitteeSeat {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field(() => ID, { description: 'The member holding the seat.' })
  memberId!: string;

  @Field(() => ID, { description: 'The organisation whose committee this is.' })
  organisationId!: string;

  @Field(() => CommitteeRoleEnum, { description: 'Role.' })
  role!: CommitteeRole;

  @Field(() => DateScalar, { description: 'First day in the seat.' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day the seat ended (exclusive); null while held.' })
  to!: string | null;

  asOf!: string;
}

@ObjectType({
  description:
    "One of an organisation's committee terms (nhiệm kỳ). The terms of one organisation never overlap; a term may start on the day the previous one ends.",
})
export class OrganisationTerm {
  @Field(() => DateScalar, { description: 'First day of the term.' })
  start!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End of the term (null: not set).' })
  end!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Term type, e.g. "5_YEARS" or "HALF_TERM" (subordinate cells: twice per 5 years).',
  })
  type!: string | null;

  @Field({
    description: 'True for the term in force on the as-of date: the latest term started on or before it.',
  })
  inForce!: boolean;
}

@ObjectType({ description: "One change in an organisation's history." })
export class OrganisationChange {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field({ description: 'CREATED, UPDATED, MOVED, MERGED_INTO, MERGED_FROM, SPLIT_FROM, SPLIT_INTO or DISSOLVED.' })
  type!: string;

  @Field(() => DateScalar, { description: 'Date the change took effect.' })
  effectiveOn!: string;

  @Field(() => ID, { nullable: true, description: 'Parent before a move (null when outside your scope).' })
  fromParentId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Parent after a move or creation (null when outside your scope).' })
  toParentId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The other organisation in a merge or split (null when outside your scope).',
  })
  relatedId!: string | null;

  @Field(() => String, { nullable: true, description: 'Note or decision reference.' })
  note!: string | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  recordedAt!: Date;

  asOf!: string;
}

@ObjectType({ description: 'A page of organisations.' })
export class OrganisationPage extends Paginated(Organisation, 'Organisation', 'organisations') {}
