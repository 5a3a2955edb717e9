import { Module } from '@nestjs/common';
import { OrganisationCodePort } from './organisation-code-port';
import { PolicyResolver } from './policy.resolver';
import { PolicyService } from './policy.service';

/** Policies: the rule thresholds in force for an organisation on a date (national defaults and overrides). */
@Module({
  providers: [PolicyService, PolicyResolver, OrganisationCodePort],
  // every module that applies a party rule reads its thresholds here;
  // OrganisationCodePort: the organisation module registers how the codes of organisations are read
  exports: [PolicyService, OrganisationCodePort],
})
export class PolicyModule {}
