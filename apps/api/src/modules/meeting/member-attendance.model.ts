import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Attendance, MeetingKind, MeetingState } from '@chibo/domain';
import { Paginated } from '../../common/graphql/pagination';
import { DateScalar } from '../../common/graphql/scalars';
import { AttendanceEnum, AttendanceRate, MeetingKindEnum, MeetingStateEnum } from './meeting.model';

@ObjectType({
  description:
    "One held meeting of the member's cell (the cell the member belonged to on the meeting date), with the member's attendance as recorded.",
})
export class MemberAttendanceEntry {
  @Field(() => ID, { description: 'The meeting.' }) meetingId!: string;
  @Field(() => DateScalar, { description: 'Meeting date.' }) date!: string;
  @Field(() => MeetingKindEnum, { description: 'Kind of meeting.' }) kind!: MeetingKind;
  @Field({ description: 'Title of the meeting.' }) title!: string;
  @Field(() => MeetingStateEnum, { description: 'State (HELD or CLOSED).' }) state!: MeetingState;
  @Field(() => ID, { description: 'The cell that held it.' }) organisationId!: string;
  @Field(() => String, { nullable: true, description: "The cell's name (null if outside your scope)." })
  cellName!: string | null;
  @Field(() => AttendanceEnum, {
    nullable: true,
    description: "The member's status on the attendance list; null when the member is not on it (not recorded).",
  })
  status!: Attendance | null;
  @Field(() => String, { nullable: true, description: 'Reason for an absence.' }) reason!: string | null;
  @Field({ description: 'Arrived late.' }) late!: boolean;
  @Field({ description: 'Left early.' }) leftEarly!: boolean;
  @Field({ description: 'Whether you may open the meeting itself (`meeting(id)`).' }) canOpen!: boolean;
}

@ObjectType('MemberAttendancePage', {
  description:
    "A member's attendance history over a period: the held meetings of the member's cells, newest first, with totals.",
})
export class MemberAttendanceHistory extends Paginated(MemberAttendanceEntry, 'MemberAttendanceEntry', 'meetings') {
  @Field(() => DateScalar, { description: 'First day of the period.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the period.' }) to!: string;
  @Field(() => AttendanceRate, {
    description:
      "Over the whole period (every page): meetings present / meetings the member was listed for, exempt ones excluded (the meeting's attendanceRate definition).",
  })
  rate!: AttendanceRate;
  @Field(() => Int, { description: 'Meetings of the period the member is not listed for (attendance not recorded).' })
  notRecorded!: number;
}
