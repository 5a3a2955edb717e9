import { Module } from '@nestjs/common';
import { MeetingModule } from '../meeting/meeting.module';
import { MemberModule } from '../member/member.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** The one search box: members, organisations and meetings of the caller's scope matching a text. */
@Module({
  imports: [OrganisationModule, MemberModule, MeetingModule],
  providers: [SearchService, SearchResolver],
  exports: [],
})
export class SearchModule {}
