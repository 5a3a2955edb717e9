import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { OrganisationImportService } from './organisation-import.service';
import { OrganisationResolver } from './organisation.resolver';
import { MemberPort } from './member-port';
import { CommitteeSeatService } from './committee-seat.service';
import { OrganisationRestructureService } from './organisation-restructure.service';
import { OrganisationService } from './organisation.service';
import { OrganisationWriteService } from './organisation-write.service';

/** The organisation tree over time: organisations, placements, changes (restructuring) and committee seats. */
@Module({
  imports: [PolicyModule],
  providers: [
    OrganisationService,
    MemberPort,
    OrganisationWriteService,
    OrganisationRestructureService,
    CommitteeSeatService,
    OrganisationResolver,
    OrganisationImportService,
  ],
  // visibility and batch reads of organisations (the DataLoaders of every module's organisation fields)
  // CommitteeSeatService: a member who leaves or moves loses seats;
  // MemberPort: the member module registers the member registry restructuring moves members through
  exports: [OrganisationService, MemberPort, CommitteeSeatService],
})
export class OrganisationModule {}
