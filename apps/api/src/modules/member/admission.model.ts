import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { MemberStatus } from '@chibo/domain';
import { Paginated } from '../../common/graphql/pagination';
import { DateScalar } from '../../common/graphql/scalars';
import { Organisation } from '../organisation/organisation.model';
import { MemberStatusEnum } from './member.model';

@ObjectType({
  description:
    'A member admitted (kết nạp) by a cell of the subtree, counted where and when they were admitted: the cell named by their ADMITTED event, ' +
    'inside the subtree on the admission decision date. Members since transferred out are listed; members transferred in after being admitted elsewhere are not.',
})
export class Admission {
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field({ description: 'Full name (họ và tên).' }) fullName!: string;
  @Field(() => DateScalar, { description: 'Date written in the admission decision: the date counted.' })
  admissionDecisionDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Admission ceremony date (ngày vào Đảng).' }) ceremonyDate!:
    string | null;
  @Field(() => Organisation, {
    description: 'The cell that admitted the member, as it stood on the admission decision date.',
  })
  admittedIn!: Organisation;
  @Field(() => ID, {
    nullable: true,
    description:
      "The member's cell on the as-of date (the last one for members who left, the first one for members placed later); null when that cell is outside your scope.",
  })
  organisationId!: string | null;
  @Field(() => MemberStatusEnum, {
    nullable: true,
    description: "Status on the as-of date; null when the member's cell on that date is outside your scope.",
  })
  status!: MemberStatus | null;
  @Field(() => DateScalar, { description: 'The as-of date of organisation and status.' }) asOf!: string;
}

@ObjectType({ description: 'A page of admissions.' })
export class AdmissionPage extends Paginated(Admission, 'Admission', 'admissions') {}
