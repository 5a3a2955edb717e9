import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { PolicyModule } from '../policy/policy.module';
import { RatingDisciplineListener } from './rating-discipline.listener';
import { RatingPendingSubjectScopeResolver, RatingRoundScopeResolver, RatingScopeResolver } from './rating-scope.resolver';
import { RatingResolver } from './rating.resolver';
import { RatingService } from './rating.service';

/** The annual quality rating: rounds, self-assessment, proposal, decision, quota. Exports nothing. */
@Module({
  imports: [MemberModule, PolicyModule],
  providers: [RatingService, RatingResolver, RatingScopeResolver, RatingRoundScopeResolver, RatingPendingSubjectScopeResolver, RatingDisciplineListener],
})
export class RatingModule {}
