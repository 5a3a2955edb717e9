import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import { ChangePage } from './change-feed.model';
import { CHANGES_DEFAULT_LIMIT, CHANGES_MAX_LIMIT, ChangeFeedService } from './change-feed.service';

@Resolver()
export class ChangeFeedResolver {
  constructor(private readonly feed: ChangeFeedService) {}

  @Query(() => ChangePage, {
    description:
      'The change feed: domain events in commit order, after a cursor, for syncing a subtree incrementally (docs/graphql.md#change-feed). ' +
      'Start without `after`, process the page, store its `cursor`, ask again with it (at once while `hasMore`, else after a pause). ' +
      "Never skips an event and, from a stored cursor, never repeats one. Scoped like the committee's lists: events of organisations in your readable subtrees. " +
      'The event types and their payloads are listed on ChangeEvent.type.',
  })
  changes(
    @CurrentActor() actor: Actor,
    @Args('after', {
      type: () => String,
      nullable: true,
      description:
        'A cursor returned by an earlier call (ChangePage.cursor or ChangeEvent.cursor): the events after it. Omit to start at the beginning.',
    })
    after?: string,
    @Args('types', {
      type: () => [String],
      nullable: true,
      description:
        'Only these event types (e.g. ["meeting.closed", "rating.decided"]); an unknown type is a VALIDATION error. Omit for all.',
    })
    types?: string[],
    @Args('organisationId', {
      type: () => ID,
      nullable: true,
      description:
        "Only events of this organisation's subtree (itself included); NOT_FOUND when it is missing or outside your scope. Omit for your whole scope.",
    })
    organisationId?: string,
    @Args('limit', {
      type: () => Int,
      nullable: true,
      description: `At most this many events, 1 to ${CHANGES_MAX_LIMIT} (default ${CHANGES_DEFAULT_LIMIT}).`,
    })
    limit?: number,
  ): Promise<ChangePage> {
    return this.feed.changes(actor, { after, types, organisationId, limit });
  }
}
