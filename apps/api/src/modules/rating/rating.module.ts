import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { PolicyModule } from '../policy/policy.module';
import { RatingDisciplineListener } from './rating-discipline.listener';
import {
  RatingPendingSubjectScopeResolver,
  RatingRoundScopeResolver,
  RatingScopeResolver,
} from './rating-scope.resolver';
import { RatingResolver } from './rating.resolver';
import { RatingExclusionService } from './rating-exclusion.service';
import { RatingFiguresService } from './rating-figures.service';
import { RatingReadService } from './rating-read.service';
import { RatingRoundService } from './rating-round.service';
import { RatingHistoryService } from './rating-history.service';
import { RatingStepService } from './rating-step.service';
import { RatingSubjectService } from './rating-subject.service';
import { RatingWorkbookService } from './rating-workbook.service';

/**
 * The annual quality rating: rounds, self-assessment, proposal, decision, quota. Exports RatingReadService: the notice
 * job reminds a round's pending subjects of their self-assessment.
 */
@Module({
  imports: [MemberModule, PolicyModule],
  providers: [
    RatingReadService,
    RatingSubjectService,
    RatingStepService,
    RatingHistoryService,
    RatingRoundService,
    RatingExclusionService,
    RatingFiguresService,
    RatingWorkbookService,
    RatingResolver,
    RatingScopeResolver,
    RatingRoundScopeResolver,
    RatingPendingSubjectScopeResolver,
    RatingDisciplineListener,
  ],
  exports: [RatingReadService],
})
export class RatingModule {}
