import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyModule } from '../policy/policy.module';
import { DuesFiguresRowResolver, DuesResolver } from './dues.resolver';
import { DuesFactsJob } from './dues-facts.job';
import { DuesFactsService } from './dues-facts.service';
import { DuesYearCalculator } from './dues-year.calculator';
import { DuesService } from './dues.service';
import { DuesWriteService } from './dues-write.service';
import { DuesImportService } from './dues-import.service';

/** Party dues: bases, reliefs and payments per member and month, the sheet of a cell and the figures of a subtree. */
@Module({
  imports: [OrganisationModule, MemberModule, PolicyModule],
  providers: [
    DuesService,
    DuesWriteService,
    DuesYearCalculator,
    DuesFactsService,
    DuesFactsJob,
    DuesImportService,
    DuesResolver,
    DuesFiguresRowResolver,
  ],
  exports: [DuesService],
})
export class DuesModule {}
