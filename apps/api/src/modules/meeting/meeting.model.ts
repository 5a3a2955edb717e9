import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ATTENDANCE,
  MEETING_FORMATS,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATES,
  type Attendance,
  type MeetingKind,
  type MeetingState,
} from '@chibo/domain';
import { KeysetPaginated } from '../../common/graphql/pagination';
import { DateScalar, JsonScalar } from '../../common/graphql/scalars';
import { enumOf } from '../../common/graphql/enum-of';

export const MeetingKindEnum = enumOf(MEETING_KINDS);
registerEnumType(MeetingKindEnum, {
  name: 'MeetingKind',
  description:
    'REGULAR (thường kỳ), THEMATIC (chuyên đề), COMBINED (thường kỳ kết hợp chuyên đề), IDEOLOGICAL (tư tưởng), EXTRAORDINARY (bất thường), CONGRESS (đại hội).',
});
export const MeetingStateEnum = enumOf(MEETING_STATES);
registerEnumType(MeetingStateEnum, {
  name: 'MeetingState',
  description: 'PLANNED, HELD (recorded), CLOSED (locked: changes only as amendments), CANCELLED.',
});
export const MeetingModeEnum = enumOf(MEETING_MODES);
registerEnumType(MeetingModeEnum, { name: 'MeetingMode', description: 'IN_PERSON, ONLINE or HYBRID.' });
export const MeetingFormatEnum = enumOf(MEETING_FORMATS);
registerEnumType(MeetingFormatEnum, {
  name: 'MeetingFormat',
  description:
    'How the meeting is run: STANDARD, SKIT (tiểu phẩm), ROUND_TABLE (tọa đàm), HISTORIC_SITE_VISIT (về nguồn), DOCUMENTARY, SLIDES_LEAD_REPORT, STORIES, OTHER.',
});
export const AttendanceEnum = enumOf(ATTENDANCE);
registerEnumType(AttendanceEnum, {
  name: 'AttendanceStatus',
  description:
    'PRESENT, ABSENT_EXCUSED (with reason), ABSENT_UNEXCUSED, EXEMPT (miễn sinh hoạt; not counted in the rate).',
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

@ObjectType({ description: "A member's attendance at a meeting." })
export class AttendanceRecord {
  @Field(() => ID, { description: 'Member.' }) memberId!: string;
  @Field(() => AttendanceEnum, { description: 'Status.' }) status!: Attendance;
  @Field(() => String, { nullable: true, description: 'Reason for an absence.' }) reason!: string | null;
  @Field({ description: 'Arrived late.' }) late!: boolean;
  @Field({ description: 'Left early.' }) leftEarly!: boolean;
  asOf!: string;
}

@ObjectType({ description: 'Attendance rate: present / expected, exempt members excluded.' })
export class AttendanceRate {
  @Field(() => Int, { description: 'Members present (late arrivals and early leavers included).' }) present!: number;
  @Field(() => Int, { description: 'Members expected (everyone listed except the exempt).' }) expected!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Percentage, 2 decimals, half-up; null when no one was expected.',
  })
  percent!: number | null;
}

@ObjectType({
  description:
    'A rule-based warning on a meeting (attendance, absence streak, duration, missing minutes or resolution).',
})
export class MeetingFlag {
  @Field({
    description:
      'Code: ATTENDANCE_LOW, UNEXCUSED_ABSENCE, ABSENCE_STREAK, DURATION_SHORT, MINUTES_MISSING, RESOLUTION_MISSING.',
  })
  code!: string;
  @Field({ description: '"warning" or "error".' }) severity!: string;
  @Field({ description: 'Message in Vietnamese.' }) message!: string;
  @Field({ description: 'Message in English.' }) messageEn!: string;
  @Field(() => JsonScalar, { description: 'The figures behind it.' }) params!: Record<string, unknown>;
}

@ObjectType({ description: 'A task decided at the meeting for next month.' })
export class MeetingTask {
  @Field({ description: 'What is to be done.' }) text!: string;
  @Field(() => ID, { nullable: true, description: 'Member responsible.' }) assigneeMemberId!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Due date.' }) dueOn!: string | null;
}

@ObjectType({ description: 'A correction made to a closed meeting, with who and why.' })
export class MeetingAmendment {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'Why the change was made.' }) reason!: string;
  @Field(() => JsonScalar, { description: 'Changed fields before.' }) before!: unknown;
  @Field(() => JsonScalar, { description: 'Changed fields after.' }) after!: unknown;
  @Field({ description: 'Who made it.' }) amendedBy!: string;
  @Field(() => Date, { description: 'When.' }) amendedAt!: Date;
}

@ObjectType({ description: 'A cell meeting (sinh hoạt chi bộ): its plan, and once held its record.' })
export class Meeting {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The cell.' }) organisationId!: string;
  @Field(() => MeetingKindEnum, { description: 'Kind.' }) kind!: MeetingKind;
  @Field({ description: 'Title.' }) title!: string;
  @Field(() => DateScalar, { description: 'Date.' }) date!: string;
  @Field(() => String, { nullable: true, description: 'Planned start, HH:MM.' }) startTime!: string | null;
  @Field(() => String, { nullable: true, description: 'Planned end, HH:MM.' }) endTime!: string | null;
  @Field(() => String, { nullable: true, description: 'Actual start, HH:MM.' }) actualStart!: string | null;
  @Field(() => String, { nullable: true, description: 'Actual end, HH:MM.' }) actualEnd!: string | null;
  @Field(() => String, { nullable: true, description: 'Place.' }) place!: string | null;
  @Field(() => MeetingModeEnum, { description: 'Mode.' }) mode!: string;
  @Field(() => MeetingFormatEnum, { description: 'Format.' }) format!: string;
  @Field(() => String, { nullable: true, description: 'Format details.' }) formatNote!: string | null;
  @Field(() => String, { nullable: true, description: "The year's theme or the thematic subject." }) theme!:
    string | null;
  @Field(() => [String], { description: 'Topics and content items (documents to pass on, etc.).' }) topics!: string[];
  @Field(() => ID, { nullable: true, description: 'Chair (member).' }) chairMemberId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Minute-taker (member).' }) minuteTakerMemberId!: string | null;
  @Field(() => MeetingStateEnum, { description: 'State.' }) state!: MeetingState;
  @Field(() => String, { nullable: true, description: 'Guests.' }) guests!: string | null;
  @Field(() => String, { nullable: true, description: 'Minutes (biên bản).' }) minutes!: string | null;
  @Field(() => String, { nullable: true, description: 'Resolution text (nghị quyết).' }) resolution!: string | null;
  @Field(() => Int, { nullable: true, description: 'Votes for the resolution.' }) votesFor!: number | null;
  @Field(() => Int, { nullable: true, description: 'Votes against.' }) votesAgainst!: number | null;
  @Field(() => Int, { nullable: true, description: 'Abstentions.' }) votesAbstain!: number | null;
  @Field(() => [MeetingTask], { description: "Next month's tasks with assignees." }) tasks!: MeetingTask[];
  @Field(() => JsonScalar, {
    nullable: true,
    description: "The cell's self-assessment: points per criterion of the score sheet.",
  })
  selfAssessment!: Record<string, number> | null;
  @Field(() => Int, { nullable: true, description: 'Total of the self-assessment.' }) selfTotal!: number | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' }) cancelledReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was closed.' }) closedAt!: Date | null;
  @Field(() => Int, {
    description:
      'Raised by every change of the meeting (plan, record, close, cancel, amendment). Send it back as recordMeeting(expectedVersion) so that a record made from an older copy (offline) does not overwrite a newer one.',
  })
  version!: number;
  asOf!: string;
}

@ObjectType({ description: 'A page of meetings.' })
export class MeetingPage extends KeysetPaginated(Meeting, 'Meeting', 'meetings') {}

@InputType({ description: 'Filter for the meeting list.' })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: "Meetings of cells in this subtree (on each meeting's date)." })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => DateScalar, { nullable: true, description: 'From this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Up to this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @Field(() => [MeetingKindEnum], { nullable: true, description: 'Kinds.' })
  @IsOptional()
  @IsArray()
  @IsIn(MEETING_KINDS, { each: true })
  kinds?: MeetingKind[];
  @Field(() => [MeetingStateEnum], { nullable: true, description: 'States.' })
  @IsOptional()
  @IsArray()
  @IsIn(MEETING_STATES, { each: true })
  states?: MeetingState[];
}

@InputType({ description: 'The plan of a meeting.' })
export class MeetingPlanInput {
  @Field(() => MeetingKindEnum, { nullable: true, description: 'Kind.' })
  @IsOptional()
  @IsIn(MEETING_KINDS)
  kind?: MeetingKind;
  @Field({ nullable: true, description: 'Title.' }) @IsOptional() @IsString() @Length(1, 300) title?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;
  @Field({ nullable: true, description: 'Start, HH:MM.' })
  @IsOptional()
  @Matches(TIME, { message: 'startTime must be HH:MM' })
  startTime?: string;
  @Field({ nullable: true, description: 'End, HH:MM.' })
  @IsOptional()
  @Matches(TIME, { message: 'endTime must be HH:MM' })
  endTime?: string;
  @Field({ nullable: true, description: 'Place.' }) @IsOptional() @IsString() @Length(1, 300) place?: string;
  @Field(() => MeetingModeEnum, { nullable: true, description: 'Mode.' })
  @IsOptional()
  @IsIn(MEETING_MODES)
  mode?: string;
  @Field(() => MeetingFormatEnum, { nullable: true, description: 'Format.' })
  @IsOptional()
  @IsIn(MEETING_FORMATS)
  format?: string;
  @Field({ nullable: true, description: 'Format details.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  formatNote?: string;
  @Field({ nullable: true, description: 'Theme.' }) @IsOptional() @IsString() @Length(1, 300) theme?: string;
  @Field(() => [String], { nullable: true, description: 'Topics.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  topics?: string[];
  @Field(() => ID, { nullable: true, description: 'Chair.' }) @IsOptional() @IsString() chairMemberId?: string;
  @Field(() => ID, { nullable: true, description: 'Minute-taker.' })
  @IsOptional()
  @IsString()
  minuteTakerMemberId?: string;
}

@InputType({ description: 'A new meeting for a cell.' })
export class CreateMeetingInput extends MeetingPlanInput {
  @Field(() => ID, { description: 'The cell.' }) @IsString() organisationId!: string;
  @Field(() => MeetingKindEnum, { description: 'Kind.' }) @IsIn(MEETING_KINDS) declare kind: MeetingKind;
  @Field({ description: 'Title.' }) @IsString() @Length(1, 300) declare title: string;
  @Field(() => DateScalar, { description: 'Date.' }) @IsISO8601({ strict: true }) declare date: string;
}

@InputType({ description: "A member's attendance." })
export class AttendanceInput {
  @Field(() => ID, { description: 'Member (must belong to the cell on the meeting date).' })
  @IsString()
  memberId!: string;
  @Field(() => AttendanceEnum, { description: 'Status.' }) @IsIn(ATTENDANCE) status!: Attendance;
  @Field({ nullable: true, description: 'Reason for an absence.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
  @Field({ nullable: true, description: 'Arrived late.' }) @IsOptional() @IsBoolean() late?: boolean;
  @Field({ nullable: true, description: 'Left early.' }) @IsOptional() @IsBoolean() leftEarly?: boolean;
}

@InputType({ description: 'A task for next month.' })
export class MeetingTaskInput {
  @Field({ description: 'What.' }) @IsString() @Length(1, 1000) text!: string;
  @Field(() => ID, { nullable: true, description: 'Assignee (member of the cell).' })
  @IsOptional()
  @IsString()
  assigneeMemberId?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Due.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueOn?: string;
}

const CLIENT_KEY_RULE = 'clientKey must be 8–100 printable ASCII characters';

/**
 * The offline-write arguments of recordMeeting (docs/offline.md#writing-offline), validated like every input
 * (InputValidationPipe): a bad value is BAD_USER_INPUT (VALIDATION) on its argument, before anything is read.
 */
@ArgsType()
export class RecordMeetingOptions {
  @Field(() => Int, {
    nullable: true,
    description:
      'The Meeting.version the record was made from; the write is refused (MEETING_CHANGED) when the meeting has changed since. Omit to write regardless.',
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be positive' })
  @Min(1, { message: 'expectedVersion must be positive' })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key (8–100 characters, e.g. a UUID made when the change was made): a retry with the same key returns the meeting and writes nothing again.',
  })
  @IsOptional()
  @IsString({ message: CLIENT_KEY_RULE })
  @Length(8, 100, { message: CLIENT_KEY_RULE })
  @Matches(/^[\x20-\x7e]+$/, { message: CLIENT_KEY_RULE })
  clientKey?: string | null;
}

@InputType({ description: 'The record of a held meeting. Omitted fields keep their value.' })
export class MeetingRecordInput {
  @Field({ nullable: true, description: 'Actual start, HH:MM.' })
  @IsOptional()
  @Matches(TIME, { message: 'actualStart must be HH:MM' })
  actualStart?: string;
  @Field({ nullable: true, description: 'Actual end, HH:MM.' })
  @IsOptional()
  @Matches(TIME, { message: 'actualEnd must be HH:MM' })
  actualEnd?: string;
  @Field(() => [AttendanceInput], { nullable: true, description: 'Attendance (replaces the whole list).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceInput)
  attendance?: AttendanceInput[];
  @Field({ nullable: true, description: 'Guests.' }) @IsOptional() @IsString() @Length(0, 2000) guests?: string;
  @Field({ nullable: true, description: 'Minutes.' }) @IsOptional() @IsString() @Length(0, 100000) minutes?: string;
  @Field({ nullable: true, description: 'Resolution.' })
  @IsOptional()
  @IsString()
  @Length(0, 100000)
  resolution?: string;
  @Field(() => Int, { nullable: true, description: 'Votes for.' }) @IsOptional() @IsInt() @Min(0) votesFor?: number;
  @Field(() => Int, { nullable: true, description: 'Votes against.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  votesAgainst?: number;
  @Field(() => Int, { nullable: true, description: 'Abstentions.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  votesAbstain?: number;
  @Field(() => [MeetingTaskInput], { nullable: true, description: "Next month's tasks (replaces the list)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MeetingTaskInput)
  tasks?: MeetingTaskInput[];
  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Self-assessment: points per criterion code of the score sheet in force.',
  })
  @IsOptional()
  @IsObject()
  selfAssessment?: Record<string, number>;
}

@ObjectType({ description: 'A document attached to a meeting: a file stored on the server, or a link.' })
export class MeetingDocument {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The meeting.' }) meetingId!: string;
  @Field({ description: 'FILE (stored; read it with meetingDocumentContent) or LINK.' }) kind!: string;
  @Field({ description: 'Name shown (for a file, its file name).' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The link (LINK only).' }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'MIME type (FILE only).' }) mimeType!: string | null;
  @Field(() => Int, { nullable: true, description: 'Size in bytes (FILE only).' }) sizeBytes!: number | null;
  @Field(() => Date, { description: 'When it was attached.' }) createdAt!: Date;
}

@InputType({
  description:
    "A document to attach: a name and either a link or a file's content (base64). Accepted files: PDF, Word, Excel, PowerPoint, OpenDocument text, PNG, JPEG, plain text; at most UPLOAD_MAX_BYTES (5 MB).",
})
export class AddMeetingDocumentInput {
  @Field({ description: 'Name (for a file, the file name with its extension, which decides the type).' })
  @IsString()
  @Length(1, 300)
  name!: string;
  @Field({ nullable: true, description: 'A link (http or https).' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  url?: string;
  @Field({ nullable: true, description: "The file's content, base64-encoded." })
  @IsOptional()
  @IsString()
  contentBase64?: string;
}
