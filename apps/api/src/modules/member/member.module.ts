import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyModule } from '../policy/policy.module';
import { AdmissionResolver } from './admission.resolver';
import { AdmissionService } from './admission.service';
import { DisciplineHooks } from './discipline-hooks';
import { DisciplineService } from './discipline.service';
import { MemberEventService } from './member-event.service';
import { MemberImportService } from './member-import.service';
import { CommitteeSeatResolver, MemberResolver } from './member.resolver';
import { MemberRegistryService } from './member-registry.service';
import { MemberService } from './member.service';
import { MemberWriteService } from './member-write.service';

/** Members: records, memberships, events (admission to expulsion), discipline, and the admissions list. */
@Module({
  imports: [OrganisationModule, PolicyModule],
  providers: [
    MemberService,
    MemberWriteService,
    MemberEventService,
    DisciplineService,
    MemberRegistryService,
    MemberResolver,
    CommitteeSeatResolver,
    MemberImportService,
    AdmissionService,
    AdmissionResolver,
    DisciplineHooks,
  ],
  // MemberService: candidates, inspections, dues and search read members; MemberWriteService: candidates create them;
  // DisciplineService: inspections record and read discipline; DisciplineHooks: rating listens
  exports: [MemberService, MemberWriteService, DisciplineService, DisciplineHooks],
})
export class MemberModule {}
