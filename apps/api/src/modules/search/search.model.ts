import { Field, ObjectType } from '@nestjs/graphql';
import { Meeting } from '../meeting/meeting.model';
import { Member } from '../member/member.model';
import { Organisation } from '../organisation/organisation.model';

@ObjectType({
  description:
    "The answer of the one search box (`search`): the members, organisations and meetings of the caller's scope that match a text, each list bounded by `first` (docs/graphql.md#search).",
})
export class SearchResults {
  @Field({
    description: 'The text as searched, after trimming (an empty list everywhere when it has no letter or digit).',
  })
  text!: string;

  @Field(() => [Member], {
    description:
      'Active (full and probationary) members on the date whose name has every word of the text (each starting a word, diacritics ignored), or whose card or national id number the text is; ordered by given name.',
  })
  members!: Member[];

  @Field(() => [Organisation], {
    description:
      'Organisations on the date whose name has every word of the text (diacritics ignored) or whose code starts with it; the highest in the tree first, then by code.',
  })
  organisations!: Organisation[];

  @Field(() => [Meeting], {
    description: 'Meetings you may see whose title has every word of the text (diacritics ignored); the newest first.',
  })
  meetings!: Meeting[];
}
