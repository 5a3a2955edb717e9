import { Args, Field, ID, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsISO8601, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import type { RequestContext } from '../../common/graphql/request-context';
import { DateScalar, JsonScalar } from '../../common/graphql/scalars';
import { assertOrgVisible } from '../../common/scope/scope';
import { today } from '../../database/sql';
import { PolicyService } from './policy.service';
import { DataSource } from 'typeorm';

@InputType({ description: 'Override policy values (thresholds, targets) for a subtree from a date.' })
export class SetPolicyOverrideInput {
  @Field(() => ID, { description: 'The organisation whose subtree the override covers.' })
  @IsString()
  organisationId!: string;

  @Field(() => DateScalar, { description: 'First day in force.' })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it stops (exclusive); null = open.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveTo?: string;

  @Field(() => JsonScalar, {
    description: 'Partial policy, e.g. { "organisation": { "subordinateCellWarnAbove": 25 } }.',
  })
  @IsObject()
  values!: Record<string, unknown>;

  @Field({ nullable: true, description: 'Source text, e.g. "QĐ 27-QĐ/TU 2023".' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

@Resolver()
export class PolicyResolver {
  constructor(
    private readonly policies: PolicyService,
    private readonly ds: DataSource,
  ) {}

  @Query(() => JsonScalar, {
    description:
      'The policy (all rule thresholds and targets) in force for an organisation on a date: national defaults merged with the overrides of its ancestors.',
  })
  async policy(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, description: 'Organisation.' }) organisationId: string,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'Date (default today).' }) asOf?: string,
  ) {
    const d = asOf ?? today();
    await assertOrgVisible(this.ds.manager, actor, organisationId, d);
    return this.policies.forOrganisation(organisationId, d);
  }

  @Mutation(() => ID, { description: 'Attach a policy override to a subtree from a date; returns its id.' })
  setPolicyOverride(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: SetPolicyOverrideInput,
  ): Promise<string> {
    return this.policies.setOverride(ctx, input);
  }
}
