import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyModule } from '../policy/policy.module';
import {
  InspectionPlanResolver,
  InspectionResolver,
  InspectionSubjectResolver,
  InspectionTargetResolver,
  SupervisionCoverageResolver,
} from './inspection.resolver';
import { InspectionPlanService } from './inspection-plan.service';
import { InspectionTargetService } from './inspection-target.service';
import { InspectionWriteService } from './inspection-write.service';
import { InspectionService } from './inspection.service';

/** Member inspections and supervision: records, yearly plans, targets per cell and coverage. */
@Module({
  imports: [OrganisationModule, MemberModule, PolicyModule],
  providers: [
    InspectionService,
    InspectionWriteService,
    InspectionPlanService,
    InspectionTargetService,
    InspectionResolver,
    InspectionSubjectResolver,
    InspectionPlanResolver,
    InspectionTargetResolver,
    SupervisionCoverageResolver,
  ],
  // the dashboard's inspection-target alerts
  exports: [InspectionTargetService],
})
export class InspectionModule {}
