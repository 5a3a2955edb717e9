import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { DateScalar } from '../../common/graphql/scalars';
import { Organisation } from '../organisation/organisation.model';
import { MeetingKindEnum } from './meeting.model';
import type { MeetingKind } from '@chibo/domain';

@InputType({ description: 'Which organisation and period to check.' })
export class ComplianceInput {
  @Field(() => ID, {
    description:
      "Organisation whose cells are checked (the cells under it on the period's last day, or the as-of date if earlier).",
  })
  @IsString()
  organisationId!: string;
  @Field(() => DateScalar, { description: 'First day of the period.' }) @IsISO8601({ strict: true }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the period.' }) @IsISO8601({ strict: true }) to!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Judge as of this date (default today): obligations not yet due are not missing.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

@ObjectType({ description: 'A meeting a cell owed and did not hold.' })
export class MissingMeeting {
  @Field({ description: 'REGULAR (monthly) or THEMATIC (quarterly).' }) kind!: string;
  @Field({ description: 'The month (2026-05) or quarter (2026-Q2).' }) period!: string;
  @Field(() => DateScalar, { description: 'When it was due.' }) dueOn!: string;
}

@ObjectType({ description: "One cell's meeting compliance over the period." })
export class CellCompliance {
  @Field(() => Organisation, { description: 'The cell.' }) organisation!: Organisation;
  @Field({ description: 'Behind: at least one meeting missing.' }) behind!: boolean;
  @Field(() => [MissingMeeting], { description: 'What is missing.' }) missing!: MissingMeeting[];
  @Field(() => Int, { description: 'Regular meetings held (combined ones included).' }) regularHeld!: number;
  @Field(() => Int, { description: 'Thematic meetings held (combined ones included).' }) thematicHeld!: number;
  @Field(() => Float, {
    nullable: true,
    description: "Attendance over the period's held meetings (present / expected, %).",
  })
  attendancePercent!: number | null;
}

@ObjectType({ description: 'Meetings of one kind.' })
export class MeetingKindCount {
  @Field(() => MeetingKindEnum, { description: 'Kind.' }) kind!: MeetingKind;
  @Field(() => Int, { description: 'Held (or closed) meetings of this kind.' }) count!: number;
}

@ObjectType({
  description:
    'Meeting compliance for the cells under an organisation over a period, with the list behind each figure.',
})
export class MeetingCompliance {
  @Field(() => Int, { description: 'Cells checked.' }) cellCount!: number;
  @Field(() => Int, { description: 'Cells behind.' }) behindCount!: number;
  @Field(() => Float, { nullable: true, description: 'Share of cells behind, %.' }) behindPercent!: number | null;
  @Field(() => [CellCompliance], { description: 'Every cell checked, those behind first.' }) cells!: CellCompliance[];
  @Field(() => [MeetingKindCount], {
    description: 'Held meetings by kind in the period (e.g. ideological and thematic meetings since 2021).',
  })
  counts!: MeetingKindCount[];
  @Field(() => Float, {
    nullable: true,
    description: 'Attendance over all held meetings in the period (present / expected, exempt excluded), %.',
  })
  attendancePercent!: number | null;
}
