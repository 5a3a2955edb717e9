import { ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/graphql/request-context';
import { visibleOrgIdOrNull } from '../../common/scope/redact';
import { Rating, RatingPendingSubject, RatingRound } from './rating.model';
import { ratingReferenceDate } from './rating.sql';
import { today } from '../../database/sql';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

// Organisation ids a rating, a round or a pending subject points to are shown only inside the caller's scope (on the
// year's reference date); outside it they are null, like Organisation.parentId. Batched per request and date.

@Resolver(() => Rating)
export class RatingScopeResolver {
  constructor(private readonly tree: KeptTreeReads) {}

  @ResolveField('proposerId', () => ID, {
    nullable: true,
    description: 'The organisation that reviews and proposes (null when outside your scope).',
  })
  proposerId(@Parent() r: Rating, @Ctx() ctx: RequestContext): Promise<string | null> {
    return visibleOrgIdOrNull(ctx, this.tree, r.proposerId, ratingReferenceDate(r.year));
  }

  @ResolveField('deciderId', () => ID, {
    nullable: true,
    description: 'The competent level that decides (null when outside your scope).',
  })
  deciderId(@Parent() r: Rating, @Ctx() ctx: RequestContext): Promise<string | null> {
    return visibleOrgIdOrNull(ctx, this.tree, r.deciderId, ratingReferenceDate(r.year));
  }

  @ResolveField('quotaGroupId', () => ID, {
    nullable: true,
    description: 'The organisation whose quota the rating counts in (null when outside your scope).',
  })
  quotaGroupId(@Parent() r: Rating, @Ctx() ctx: RequestContext): Promise<string | null> {
    return visibleOrgIdOrNull(ctx, this.tree, r.quotaGroupId, ratingReferenceDate(r.year));
  }
}

@Resolver(() => RatingRound)
export class RatingRoundScopeResolver {
  constructor(private readonly tree: KeptTreeReads) {}

  @ResolveField('organisationId', () => ID, {
    nullable: true,
    description:
      'The committee that opened the round; its subtree is rated (null when outside your scope: a member or a cell sees the rounds over their cell).',
  })
  organisationId(@Parent() r: RatingRound, @Ctx() ctx: RequestContext): Promise<string | null> {
    return visibleOrgIdOrNull(ctx, this.tree, r.organisationId, ratingReferenceDate(r.year));
  }
}

@Resolver(() => RatingPendingSubject)
export class RatingPendingSubjectScopeResolver {
  constructor(private readonly tree: KeptTreeReads) {}

  @ResolveField('parentOrganisationId', () => ID, {
    nullable: true,
    description: "The member's cell, or the parent of the organisation rated (null when outside your scope).",
  })
  parentOrganisationId(@Parent() s: RatingPendingSubject, @Ctx() ctx: RequestContext): Promise<string | null> {
    // Today's scope: a pending subject belongs to a round still open.
    return visibleOrgIdOrNull(ctx, this.tree, s.parentOrganisationId, today());
  }
}
