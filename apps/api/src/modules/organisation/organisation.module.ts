import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { OrganisationImportService } from './organisation-import.service';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

/** The organisation tree over time: organisations, placements, changes (restructuring) and committee seats. */
@Module({
  imports: [PolicyModule],
  providers: [OrganisationService, OrganisationResolver, OrganisationImportService],
  // visibility and batch reads of organisations (the DataLoaders of every module's organisation fields)
  exports: [OrganisationService],
})
export class OrganisationModule {}
