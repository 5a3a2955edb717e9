import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CANDIDATE_STAGES, type CandidateStage } from '@chibo/domain';
import { Paginated } from '../../common/graphql/pagination';
import { NotAfterToday } from '../../common/graphql/not-after-today';
import { DateScalar } from '../../common/graphql/scalars';
import { GenderEnum } from '../member/member.model';

export const CandidateStageEnum = Object.fromEntries(CANDIDATE_STAGES.map((s) => [s, s])) as Record<
  CandidateStage,
  CandidateStage
>;
registerEnumType(CandidateStageEnum, {
  name: 'CandidateStage',
  description:
    'Admission pipeline: PROMISING (quần chúng ưu tú) → SYMPATHISER (cảm tình Đảng) → COURSE_COMPLETED (đã học lớp bồi dưỡng nhận thức về Đảng) → ADMITTED (đã kết nạp); DROPPED (dừng).',
});

@ObjectType({ description: 'A person in the admission pipeline of a cell (nguồn phát triển đảng viên).' })
export class Candidate {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The cell following the candidate.' }) organisationId!: string;
  @Field({ description: 'Full name.' }) fullName!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Birth date.' }) birthDate!: string | null;
  @Field(() => GenderEnum, { nullable: true, description: 'Gender.' }) gender!: string | null;
  @Field(() => String, { nullable: true, description: 'National ID.' }) nationalId!: string | null;
  @Field(() => CandidateStageEnum, { description: 'Current stage.' }) stage!: CandidateStage;
  @Field(() => DateScalar, { nullable: true, description: 'Recognised as a promising candidate.' }) promisingOn!:
    string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Recognised as a party sympathiser.' }) sympathiserOn!:
    string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Completed the party-awareness course (certificate valid 5 years).',
  })
  courseCompletedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Admitted (the admission decision date).' }) admittedOn!:
    string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Dropped from the pipeline.' }) droppedOn!: string | null;
  @Field(() => ID, { nullable: true, description: 'Full member assigned to help the candidate.' }) helperMemberId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The member record created at admission.' }) memberId!: string | null;
  @Field(() => String, { nullable: true, description: 'Note.' }) note!: string | null;
}

@ObjectType({ description: 'A page of candidates.' })
export class CandidatePage extends Paginated(Candidate, 'Candidate', 'candidates') {}

@InputType({ description: 'Filter for the candidate list.' })
export class CandidateFilter {
  @Field(() => ID, { nullable: true, description: 'Only candidates of cells in this subtree.' })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => [CandidateStageEnum], { nullable: true, description: 'Only these stages.' })
  @IsOptional()
  @IsArray()
  @IsIn(CANDIDATE_STAGES, { each: true })
  stages?: CandidateStage[];
}

@InputType({ description: 'A new promising candidate in a cell.' })
export class CreateCandidateInput {
  @Field(() => ID, { description: 'The cell.' }) @IsString() organisationId!: string;
  @Field({ description: 'Full name.' }) @IsString() @Length(1, 200) fullName!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Birth date (not after today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotAfterToday()
  birthDate?: string;
  @Field(() => GenderEnum, { nullable: true, description: 'Gender.' })
  @IsOptional()
  @IsIn(['MALE', 'FEMALE'])
  gender?: string;
  @Field({ nullable: true, description: 'National ID (12 digits).' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'nationalId must be 12 digits' })
  nationalId?: string;
  @Field(() => DateScalar, { description: 'Date recognised as a promising candidate (not after today).' })
  @IsISO8601({ strict: true })
  @NotAfterToday()
  promisingOn!: string;
  @Field(() => ID, { nullable: true, description: 'Full member assigned to help.' })
  @IsOptional()
  @IsString()
  helperMemberId?: string;
  @Field({ nullable: true, description: 'Note.' }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

@InputType({ description: 'Move a candidate to the next stage (or drop them).' })
export class AdvanceCandidateInput {
  @Field(() => ID, { description: 'Candidate.' }) @IsString() id!: string;
  @Field(() => CandidateStageEnum, {
    description: 'SYMPATHISER, COURSE_COMPLETED or DROPPED (admission: admitCandidate).',
  })
  @IsIn(['SYMPATHISER', 'COURSE_COMPLETED', 'DROPPED'])
  stage!: CandidateStage;
  @Field(() => DateScalar, { description: 'Date of the step (not after today).' })
  @IsISO8601({ strict: true })
  @NotAfterToday()
  on!: string;
}

@InputType({ description: 'Admit a candidate: creates the probationary member record and links it.' })
export class AdmitCandidateInput {
  @Field(() => ID, { description: 'Candidate.' }) @IsString() id!: string;
  @Field(() => DateScalar, { description: 'Admission decision date (not after today).' })
  @IsISO8601({ strict: true })
  @NotAfterToday()
  admissionDecisionDate!: string;
  @Field(() => DateScalar, { description: 'Ceremony date (not after today).' })
  @IsISO8601({ strict: true })
  @NotAfterToday()
  ceremonyDate!: string;
  @Field(() => [String], { nullable: true, description: 'Introducers.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  introducers?: string[];
  @Field({
    nullable: true,
    description:
      "The higher committee's written approval of an admission above the maximum age (its number and date); lifts only the upper age limit (docs/rules.md#r-admission-age).",
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  admissionAgeApproval?: string;
}
