import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MEMBER_STATUSES, NAME_ORDERS, type MemberStatus } from '@chibo/domain';
import { DateScalar } from '../../common/graphql/scalars';
import { KeysetPaginated } from '../../common/graphql/pagination';
import { enumOf } from '../../common/graphql/enum-of';

export const MemberStatusEnum = enumOf(MEMBER_STATUSES);
registerEnumType(MemberStatusEnum, {
  name: 'MemberStatus',
  description:
    'PROBATIONARY (dự bị), FULL (chính thức), TRANSFERRED_OUT (chuyển đi ngoài hệ thống), REMOVED (xóa tên), EXPELLED (khai trừ), DECEASED (từ trần).',
});
export const GenderEnum = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
registerEnumType(GenderEnum, { name: 'Gender', description: 'MALE (nam) or FEMALE (nữ).' });
export const NameOrderEnum = enumOf(NAME_ORDERS);
registerEnumType(NameOrderEnum, {
  name: 'NameOrder',
  description:
    'How people are listed: GIVEN_NAME as Vietnamese lists are (by the given name, then the family and middle names: An, Bình, Chi…), FULL_NAME by the name as written (family name first). Both ignore diacritics and case.',
});
export const ProbationStateEnum = {
  NONE: 'NONE',
  IN_PROBATION: 'IN_PROBATION',
  DUE: 'DUE',
  OVERDUE: 'OVERDUE',
} as const;
registerEnumType(ProbationStateEnum, {
  name: 'ProbationState',
  description:
    'NONE (not probationary), IN_PROBATION (before the 12 months end), DUE (12 months ended; recognition due within 30 working days), OVERDUE (past that).',
});

@ObjectType({ description: 'Party age (tuổi đảng), counted from the admission decision date.' })
export class PartyAge {
  @Field(() => Int, { description: 'Whole years.' })
  years!: number;

  @Field(() => Int, { description: 'Months beyond the whole years.' })
  months!: number;
}

@ObjectType({
  description: 'A party badge milestone (Huy hiệu Đảng) with the date it is reached and the award occasion.',
})
export class Badge {
  @Field(() => Int, { description: 'Years of party age (30, 40, 45, …).' })
  milestone!: number;

  @Field(() => DateScalar, { description: 'Date the milestone is reached.' })
  reachedOn!: string;

  @Field(() => DateScalar, { description: 'First award occasion on or after it (3/2, 19/5, 2/9, 7/11).' })
  awardOn!: string;
}

@ObjectType({ description: 'A party member (đảng viên) as of the query date.' })
export class Member {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'Full name (họ và tên).' }) fullName!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Birth date.' }) birthDate!: string | null;
  @Field(() => GenderEnum, { nullable: true, description: 'Gender.' }) gender!: string | null;
  @Field(() => String, { nullable: true, description: 'Ethnicity (dân tộc).' }) ethnicity!: string | null;
  @Field(() => String, { nullable: true, description: 'Religion (tôn giáo).' }) religion!: string | null;
  @Field(() => String, { nullable: true, description: 'Home town (quê quán).' }) homeTown!: string | null;
  @Field(() => String, { nullable: true, description: 'Residence (nơi ở hiện nay).' }) residence!: string | null;
  @Field(() => String, { nullable: true, description: 'National ID (số định danh cá nhân, 12 digits).' }) nationalId!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Party card number (full members only).' }) cardNumber!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Party file number (số lý lịch).' }) fileNumber!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date written in the admission decision (party age counts from it).',
  })
  admissionDecisionDate!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Admission ceremony date (ngày vào Đảng); probation runs 12 months from it.',
  })
  ceremonyDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of full membership (ngày chính thức).' })
  fullMembershipDate!: string | null;
  @Field(() => [String], { description: 'Introducers (người giới thiệu).' }) introducers!: string[];
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date of the party-awareness course certificate (lớp bồi dưỡng nhận thức về Đảng), valid for 5 years on the admission decision (docs/rules.md#r-course-certificate).',
  })
  courseCompletedOn!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The higher committee's approval of an admission above the maximum age (its number and date), which lifts the upper age limit (docs/rules.md#r-admission-age).",
  })
  admissionAgeApproval!: string | null;
  @Field(() => String, { nullable: true, description: 'General education, e.g. "12/12".' }) educationGeneral!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Professional education.' }) educationProfessional!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Political theory (lý luận chính trị).' }) politicalTheory!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Job (nghề nghiệp).' }) job!: string | null;
  @Field(() => String, { nullable: true, description: 'Post (chức vụ).' }) post!: string | null;
  @Field(() => MemberStatusEnum, { description: 'Status on the as-of date.' }) status!: MemberStatus;
  @Field(() => String, {
    nullable: true,
    description: 'Exemption from party work and meetings on the as-of date: TEMPORARY or PERMANENT, or null.',
  })
  exemption!: string | null;
  @Field({ description: 'Away on a temporary transfer today (still counted by the home cell); not dated.' })
  temporarilyAway!: boolean;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the member left (transfer out, removal, expulsion, death).',
  })
  leftOn!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The cell the member belongs to on the as-of date (or last belonged to).',
  })
  organisationId!: string | null;
  @Field(() => DateScalar, { description: 'The date this view is for.' }) asOf!: string;
}

@ObjectType({ description: "One dated event in a member's history." })
export class MemberEvent {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({
    description:
      'Event type: ADMITTED, RECOGNISED_FULL, TRANSFER_INTERNAL, TRANSFER_IN, TRANSFER_OUT, TEMPORARY_TRANSFER_OUT, TEMPORARY_TRANSFER_IN, TEMPORARY_TRANSFER_END, EXEMPTED, EXEMPTION_ENDED, REMOVED, EXPELLED, DECEASED, DISCIPLINED, NOT_RECOGNISED.',
  })
  type!: string;
  @Field(() => DateScalar, { description: 'Effective date.' }) effectiveOn!: string;
  @Field(() => ID, { nullable: true, description: 'Organisation the event happened in (source of a transfer).' })
  organisationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Target organisation of a transfer.' }) toOrganisationId!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Organisation outside the system (transfers in/out).' })
  externalOrganisation!: string | null;
  @Field(() => String, { nullable: true, description: 'Reason code (e.g. a xóa tên reason) or exemption kind.' })
  reason!: string | null;
  @Field(() => String, { nullable: true, description: 'Note.' }) note!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'End date of a temporary transfer or exemption.' }) endOn!:
    string | null;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
  asOf!: string;
}

@ObjectType({ description: 'A discipline decision (kỷ luật).' })
export class Discipline {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'KHIEN_TRACH, CANH_CAO, CACH_CHUC, KHAI_TRU (or GIAI_TAN for an organisation).' })
  form!: string;
  @Field({
    description:
      'Deciding body: CELL, CELL_COMMITTEE, GRASSROOTS_COMMITTEE, STANDING_COMMITTEE, INSPECTION_COMMISSION, HIGHER_COMMITTEE.',
  })
  decidingBody!: string;
  @Field(() => DateScalar, { description: 'Decision date.' }) decidedOn!: string;
  @Field(() => String, { nullable: true, description: 'Reason.' }) reason!: string | null;
  @Field(() => ID, { nullable: true, description: 'Member disciplined.' }) memberId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The inspection whose conclusion this decision follows (null for a decision recorded on its own).',
  })
  inspectionId!: string | null;
}

@ObjectType({ description: 'A page of members.' })
export class MemberPage extends KeysetPaginated(Member, 'Member', 'members') {}
