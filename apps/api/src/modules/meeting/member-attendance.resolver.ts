import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { addDays, addMonths, attendanceRate, compareIsoDate, DomainError } from '@chibo/domain';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/graphql/request-context';
import { pageOf, PageInput } from '../../common/graphql/pagination';
import { DateScalar } from '../../common/graphql/scalars';
import { Member } from '../member/member.model';
import { MeetingService } from './meeting.service';
import { MemberAttendanceEntry, MemberAttendanceHistory } from './member-attendance.model';

/** `Member.attendanceHistory`: the meeting module's field on a member (docs/member.md#attendance-history). */
@Resolver(() => Member)
export class MemberAttendanceResolver {
  constructor(private readonly meetings: MeetingService) {}

  @ResolveField(() => MemberAttendanceHistory, {
    description:
      "The held meetings of the member's cells (the cell on each meeting's date) in a period, newest first, with the member's attendance status as recorded and the rate over the period. Default period: the 12 months up to the as-of date. Meetings outside your scope are left out (the member's own record shows them all).",
  })
  async attendanceHistory(
    @Parent() m: Member,
    @Ctx() ctx: RequestContext,
    @Args('from', {
      type: () => DateScalar,
      nullable: true,
      description: 'First day (default: 12 months before `to`).',
    })
    from?: string,
    @Args('to', { type: () => DateScalar, nullable: true, description: 'Last day (default: the as-of date).' })
    to?: string,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page (offset and limit).' }) page?: PageInput,
  ): Promise<MemberAttendanceHistory> {
    const last = to ?? m.asOf;
    const first = from ?? addDays(addMonths(last, -12), 1);
    if (compareIsoDate(first, last) > 0)
      throw new DomainError('INVALID_DATE_ORDER', '`to` must not be before `from`', 'to');
    const { offset, limit } = pageOf(page);
    // one statement for every member of the list that asks for the same period (a loader per period and request)
    const rows = await ctx.loaders
      .for(
        `attendanceHistory|${first}|${last}`,
        m.asOf,
        (ids: readonly string[], _d, caller) => this.meetings.attendanceOfMembers(caller, ids, first, last),
        [] as MemberAttendanceEntry[],
      )
      .load(m.id);
    // The meeting's rate rule over the member's rows: one row per meeting (keyed by the meeting, as the rule keys
    // a meeting's rows by member); meetings the member is not listed for are not expected, as on a meeting.
    const listed = rows.flatMap((r) => (r.status ? [{ memberId: r.meetingId, status: r.status }] : []));
    return Object.assign(new MemberAttendanceHistory(), {
      from: first,
      to: last,
      rate: attendanceRate(listed),
      notRecorded: rows.length - listed.length,
      items: rows.slice(offset, offset + limit),
      total: rows.length,
      offset,
      limit,
    });
  }
}
