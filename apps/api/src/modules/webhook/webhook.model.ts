import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { Paginated } from '../../common/graphql/pagination';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: not delivered yet (waiting for its turn, its next attempt, or being sent). DELIVERED: the target answered 2xx. DEAD: every attempt failed (WEBHOOK_MAX_ATTEMPTS); replay it to try again.',
});

@ObjectType({
  description:
    'A webhook subscription: chibo POSTs the domain events of a subtree to a URL (docs/webhooks.md). Its signing secret is never shown again after creation or rotation.',
})
export class WebhookSubscription {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, {
    description: 'The root of the subtree whose events are sent (and only those the creator may read).',
  })
  organisationId!: string;
  @Field({ description: 'The URL events are POSTed to.' }) targetUrl!: string;
  @Field(() => [String], { description: 'The event types sent (ChangeEvent.type).' }) eventTypes!: string[];
  @Field(() => String, { nullable: true, description: 'What the subscription is for.' }) description!: string | null;
  @Field({
    description:
      'False: nothing is sent (disabled by a user, or automatically after failing for WEBHOOK_DISABLE_AFTER_HOURS); events keep being collected and go out once it is active again.',
  })
  active!: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was disabled (null while active).' })
  disabledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was disabled (null while active).' }) disabledReason!:
    string | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Since when deliveries have failed without a success in between (null: the last attempt succeeded, or none failed).',
  })
  failingSince!: Date | null;
  @Field({
    description:
      "Who created it: its events are limited to that user's or API token's scope, checked at every delivery.",
  })
  createdBy!: string;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => Date, { description: 'When it was last changed.' }) updatedAt!: Date;
}

@ObjectType({ description: 'A subscription with its signing secret, returned once (creation, rotation).' })
export class WebhookSubscriptionWithSecret {
  @Field(() => WebhookSubscription, { description: 'The subscription.' }) subscription!: WebhookSubscription;
  @Field({
    description:
      'The signing secret (whsec_…): keep it, it is not shown again. X-Chibo-Signature is its HMAC-SHA256 of `timestamp.body`.',
  })
  secret!: string;
}

@ObjectType({ description: 'Webhook subscriptions.' })
export class WebhookSubscriptionPage extends Paginated(WebhookSubscription, 'WebhookSubscription', 'subscriptions') {}

@ObjectType({ description: 'One event to send to one subscription, and how its attempts went.' })
export class WebhookDelivery {
  @Field(() => ID, {
    description:
      'Identifier, sent as X-Chibo-Delivery: the same on every attempt and replay (use it to drop duplicates).',
  })
  id!: string;
  @Field(() => ID, { description: 'The subscription.' }) subscriptionId!: string;
  @Field(() => ID, { description: 'The domain event sent (ChangeEvent.id).' }) eventId!: string;
  @Field({ description: 'Its type (X-Chibo-Event).' }) eventType!: string;
  @Field(() => Date, { description: 'When the event happened.' }) eventOccurredAt!: Date;
  @Field(() => WebhookDeliveryStatus, { description: 'PENDING, DELIVERED or DEAD.' }) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far (a replay starts again at 0).' }) attempts!: number;
  @Field(() => Date, { description: 'When the delivery was created.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the last attempt started.' }) lastAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the target accepted it (DELIVERED only).' })
  deliveredAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status of the last attempt (null: no answer, see error).',
  })
  responseStatus!: number | null;
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' }) durationMs!:
    number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (HTTP status, timeout, connection error); null after a success.',
  })
  error!: string | null;
}

@ObjectType({ description: 'A page of the delivery log, newest first.' })
export class WebhookDeliveryPage {
  @Field(() => [WebhookDelivery], { description: 'The deliveries, newest first, at most `first`.' })
  items!: WebhookDelivery[];
  @Field(() => String, {
    nullable: true,
    description: 'Pass it as `after` for the next (older) page; null when the page is empty.',
  })
  endCursor!: string | null;
  @Field({ description: 'True when older deliveries follow.' }) hasMore!: boolean;
}

@ObjectType({
  description:
    'An event type a webhook subscription may ask for (ChangeEvent.type), as listed in the schema description of ChangeEvent.type.',
})
export class WebhookEventType {
  @Field({ description: 'The type, e.g. meeting.closed: pass it in eventTypes.' }) type!: string;
  @Field(() => Int, { description: 'The payload version sent (event.version).' }) version!: number;
  @Field({ description: 'When the event happens (one English sentence).' }) when!: string;
  @Field(() => [String], { description: 'The payload keys sent.' }) payloadKeys!: string[];
}

@InputType({ description: 'A new webhook subscription.' })
export class CreateWebhookSubscriptionInput {
  @Field(() => ID, {
    description:
      'The subtree root: events of this organisation and everything below it (within your scope). You need write access to it.',
  })
  @IsString()
  organisationId!: string;
  @Field({
    description:
      'An http(s) URL on a public address (WEBHOOK_TARGET_INVALID / WEBHOOK_TARGET_FORBIDDEN / WEBHOOK_TARGET_UNRESOLVABLE otherwise).',
  })
  @IsString()
  @MaxLength(2000)
  targetUrl!: string;
  @Field(() => [String], {
    description: 'The event types to send (ChangeEvent.type), 1 to 100; an unknown type is a VALIDATION error.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  eventTypes!: string[];
  @Field(() => String, { nullable: true, description: 'What it is for (at most 200 characters).' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook subscription; omitted fields stay.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => String, { nullable: true, description: 'A new target URL (checked like at creation).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  targetUrl?: string | null;
  @Field(() => [String], { nullable: true, description: 'New event types (1 to 100).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  eventTypes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A new description.' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  description?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'True: enable (clears the disabled reason and the failure clock); false: disable.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
