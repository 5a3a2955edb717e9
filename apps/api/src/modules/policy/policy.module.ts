import { Module } from '@nestjs/common';
import { PolicyResolver } from './policy.resolver';
import { PolicyService } from './policy.service';

/** Policies: the rule thresholds in force for an organisation on a date (national defaults and overrides). */
@Module({
  providers: [PolicyService, PolicyResolver],
  // every module that applies a party rule reads its thresholds here
  exports: [PolicyService],
})
export class PolicyModule {}
