import { Module } from '@nestjs/common';
import { ChangeFeedResolver } from './change-feed.resolver';
import { ChangeFeedService } from './change-feed.service';

/** Domain events: the change feed over the event table AuditService fills (docs/graphql.md#change-feed). */
@Module({
  providers: [ChangeFeedService, ChangeFeedResolver],
  exports: [],
})
export class EventsModule {}
