import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import type { RequestContext } from '../../common/graphql/request-context';
import { PageInput } from '../../common/graphql/pagination';
import {
  AdmitCandidateInput,
  AdvanceCandidateInput,
  Candidate,
  CandidateFilter,
  CandidatePage,
  CreateCandidateInput,
} from './candidate.model';
import { CandidateService } from './candidate.service';

@Resolver(() => Candidate)
export class CandidateResolver {
  constructor(private readonly service: CandidateService) {}

  @Query(() => CandidatePage, { description: 'Candidates in the admission pipeline of cells in your scope.' })
  candidates(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CandidateFilter, nullable: true, description: 'Filter.' }) filter?: CandidateFilter,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.service.list(actor, filter, page);
  }

  @Mutation(() => Candidate, { description: 'Record a promising candidate (quần chúng ưu tú) in a cell.' })
  createCandidate(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: CreateCandidateInput,
  ): Promise<Candidate> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Candidate, {
    description: 'Move a candidate one stage on (sympathiser, course completed) or drop them.',
  })
  advanceCandidate(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: AdvanceCandidateInput,
  ): Promise<Candidate> {
    return this.service.advance(ctx, input);
  }

  @Mutation(() => Candidate, {
    description: 'Admit a candidate who completed the course: creates the probationary member and links it.',
  })
  admitCandidate(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: AdmitCandidateInput,
  ): Promise<Candidate> {
    return this.service.admit(ctx, input);
  }
}
