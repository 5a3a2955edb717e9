import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NOTICE_KINDS } from '@chibo/domain';

export const NoticeKindEnum = Object.fromEntries(NOTICE_KINDS.map((k) => [k, k])) as {
  [K in (typeof NOTICE_KINDS)[number]]: K;
};
registerEnumType(NoticeKindEnum, {
  name: 'NoticeKind',
  description:
    'What a notice is about: MEETING (a meeting of your cell was published, or changed after publishing), RECORD (a change to your own member record), REMINDER (a deadline you are responsible for, from the alert rules).',
});

@ObjectType({
  description:
    'A notice in your in-app inbox (docs/notices.md). Written by the notice job; only its read flag changes.',
})
export class Notice {
  @Field(() => ID, { description: 'Notice id.' }) id!: string;
  @Field(() => NoticeKindEnum, { description: 'What the notice is about.' }) kind!: string;
  @Field({
    description:
      'The rule or event behind it: an alert code (PROBATION_DUE…, SELF_ASSESSMENT_DUE), a domain event type (member.recognised_full…), MEETING_PUBLISHED or MEETING_CHANGED.',
  })
  code!: string;
  @Field({ description: 'Title, in Vietnamese.' }) title!: string;
  @Field({ description: 'Title, in English.' }) titleEn!: string;
  @Field({ description: 'Text, in Vietnamese (lines separated by \\n).' }) body!: string;
  @Field({ description: 'Text, in English.' }) bodyEn!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The web app path of the record concerned (/meetings/<id>, /members/<id>, /organisations/<id>, /ratings).',
  })
  link!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The kind of record concerned (meeting, member, organisation, rating).',
  })
  subjectType!: string | null;
  @Field(() => ID, { nullable: true, description: 'The record concerned.' }) subjectId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation concerned.' }) organisationId!: string | null;
  @Field(() => String, { nullable: true, description: 'The deadline or meeting date (YYYY-MM-DD), when there is one.' })
  dueOn!: string | null;
  @Field({ description: 'When the notice was written.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt!: Date | null;
}

@ObjectType({ description: 'A page of your notices, newest first, with the number of unread ones.' })
export class NoticeList {
  @Field(() => [Notice], { description: 'The notices of the page.' }) items!: Notice[];
  @Field(() => Int, { description: 'How many notices match (unreadOnly applied).' }) total!: number;
  @Field(() => Int, { description: 'How many of your notices are unread (all of them, whatever the filter).' })
  unreadCount!: number;
  @Field(() => Int, { description: 'Offset of the page.' }) offset!: number;
  @Field(() => Int, { description: 'Size of the page.' }) limit!: number;
}
