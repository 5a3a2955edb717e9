import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { eventTypesDoc } from '../../common/audit/event-types';
import { JsonScalar } from '../../common/graphql/scalars';

@ObjectType({
  description:
    'A domain event: a write that matters outside chibo, recorded in the same transaction as the write (docs/graphql.md#change-feed).',
})
export class ChangeEvent {
  @Field({
    description: "This event's position in the feed (opaque): `changes(after: cursor)` continues right after it.",
  })
  cursor!: string;
  @Field(() => ID, {
    description:
      "The event's id: unique, use it to drop an event seen twice. Ids are not in commit order: follow the cursor.",
  })
  id!: string;
  @Field({ description: `The event type. Every type, when it happens, and its payload:\n${eventTypesDoc()}` })
  type!: string;
  @Field(() => Int, {
    description:
      "The version of the type's payload: it changes only when a payload key changes meaning or goes away (a new key keeps it).",
  })
  version!: number;
  @Field(() => Date, {
    description: 'When the writing transaction made the change (its commit may come a little later).',
  })
  occurredAt!: Date;
  @Field({ description: 'Who made the change: USER, API_TOKEN or SYSTEM.' }) actorType!: string;
  @Field(() => ID, { nullable: true, description: 'The user or API token that made the change (null: the system).' })
  actorId!: string | null;
  @Field({ description: 'The username or token name that made the change.' }) actorName!: string;
  @Field({
    description:
      'The kind of record changed: member, discipline, organisation, meeting, visit, inspection, rating, rating_round or import.',
  })
  subjectType!: string;
  @Field(() => String, { nullable: true, description: "The id of the record changed (an import: its file's SHA-256)." })
  subjectId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "The organisation the change belongs to (a meeting's or member's cell, the organisation itself, a rating's organisation; an import: the deepest organisation containing all it wrote). Events are scoped by its place in the tree on the day of the write.",
  })
  organisationId!: string | null;
  @Field(() => JsonScalar, {
    description:
      'The payload: an object with exactly the keys documented for its type (see `type`). Organisation ids outside your scope are null.',
  })
  payload!: Record<string, unknown>;
}

@ObjectType({ description: 'A page of the change feed, in commit order.' })
export class ChangePage {
  @Field(() => [ChangeEvent], { description: 'The events after the cursor given, in commit order, at most `limit`.' })
  items!: ChangeEvent[];
  @Field(() => String, {
    nullable: true,
    description:
      "Where to continue: pass it as `after` next time (the last event's cursor; the cursor given when the page is empty). Store it once the page is processed.",
  })
  cursor!: string | null;
  @Field({
    description: 'True when more events are ready now: ask again at once. False: you are up to date; poll again later.',
  })
  hasMore!: boolean;
}
