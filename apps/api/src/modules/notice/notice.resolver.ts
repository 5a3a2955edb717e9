import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import { PageInput } from '../../common/graphql/pagination';
import type { RequestContext } from '../../common/graphql/request-context';
import { NoticeList } from './notice.model';
import { NoticeService } from './notice.service';

const WHO = 'Your own notices only (signed-in users; an API token has no inbox: FORBIDDEN).';

@Resolver()
export class NoticeResolver {
  constructor(private readonly notices: NoticeService) {}

  @Query(() => NoticeList, {
    description: `Your in-app notices, newest first: meeting notices, changes to your own record, reminders of your deadlines (docs/notices.md). ${WHO}`,
  })
  myNotices(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, description: 'Only the unread ones (default false).' })
    unreadOnly?: boolean,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page (offset, limit).' }) page?: PageInput,
  ): Promise<NoticeList> {
    return this.notices.list(actor, !!unreadOnly, page);
  }

  @Query(() => Int, {
    description: `How many of your notices are unread (the header's badge; cheaper than myNotices). ${WHO}`,
  })
  myUnreadNoticeCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.notices.unreadCount(actor);
  }

  @Mutation(() => Int, {
    description: `Mark some of your notices read; returns how many became read. NOT_FOUND (nothing changes) when an id is not one of your notices. ${WHO}`,
  })
  markNoticesRead(
    @Ctx() ctx: RequestContext,
    @Args('ids', { type: () => [ID], description: 'Notices (at most 500).' }) ids: string[],
  ): Promise<number> {
    return this.notices.markRead(ctx, ids);
  }

  @Mutation(() => Int, { description: `Mark all your unread notices read; returns how many. ${WHO}` })
  markAllNoticesRead(@Ctx() ctx: RequestContext): Promise<number> {
    return this.notices.markAllRead(ctx);
  }
}
