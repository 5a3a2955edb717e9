import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import { PageInput } from '../../common/graphql/pagination';
import type { RequestContext } from '../../common/graphql/request-context';
import { DateScalar } from '../../common/graphql/scalars';
import { today } from '../../database/sql';
import { Organisation } from '../organisation/organisation.model';
import { orgByIdLoader } from '../organisation/organisation.loaders';
import { OrganisationService } from '../organisation/organisation.service';
import { Admission, AdmissionPage } from './admission.model';
import { AdmissionService } from './admission.service';

@Resolver(() => Admission)
export class AdmissionResolver {
  constructor(
    private readonly service: AdmissionService,
    private readonly orgs: OrganisationService,
  ) {}

  @Query(() => AdmissionPage, {
    description:
      "Admissions (kết nạp) of an organisation's subtree in a period, ordered by admission decision date then name: the list behind dashboard members.admissions (and each child's, and the trend's) and admissionProgress.admitted. " +
      'A member counts where and when they were admitted: the cell of their ADMITTED event, in the subtree on the admission decision date, with that date in [from, to]; members since transferred out are included, members transferred in after being admitted elsewhere are not. ' +
      "NOT_FOUND unless you read the organisation's subtree on the as-of date (a member's own-cell access is not enough).",
  })
  admissions(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, description: "The subtree's root." }) organisationId: string,
    @Args('from', { type: () => DateScalar, description: 'First admission decision date counted.' }) from: string,
    @Args('to', { type: () => DateScalar, description: 'Last admission decision date counted (not before `from`).' })
    to: string,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: "The date of the scope check and of each member's current cell and status (default today).",
    })
    asOf?: string,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ): Promise<AdmissionPage> {
    return this.service.list(actor, { organisationId, from, to, asOf: asOf ?? today() }, page);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description:
      "The member's cell on the as-of date (the last one for members who left, the first one for members placed later); null when outside your scope.",
  })
  organisation(@Parent() a: Admission, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    if (!a.organisationId) return Promise.resolve(null);
    return orgByIdLoader(ctx, this.orgs, a.asOf).load(a.organisationId);
  }
}
