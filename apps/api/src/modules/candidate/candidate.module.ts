import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { PolicyModule } from '../policy/policy.module';
import { CandidateResolver } from './candidate.resolver';
import { CandidateService } from './candidate.service';

/** The admission pipeline before a member exists: candidates (quần chúng ưu tú). Exports nothing. */
@Module({
  imports: [MemberModule, PolicyModule],
  providers: [CandidateService, CandidateResolver],
})
export class CandidateModule {}
