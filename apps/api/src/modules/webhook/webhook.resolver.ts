import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import { PageInput } from '../../common/graphql/pagination';
import type { RequestContext } from '../../common/graphql/request-context';
import {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionPage,
  WebhookSubscriptionWithSecret,
} from './webhook.model';
import { DELIVERIES_DEFAULT, DELIVERIES_MAX, WebhookService } from './webhook.service';

const WHO =
  "Callers who may write the subscription's organisation (administrators, committee writers, cell secretaries, read-write API tokens); NOT_FOUND outside your scope, FORBIDDEN where you may only read.";

@Resolver()
export class WebhookResolver {
  constructor(private readonly webhooks: WebhookService) {}

  @Query(() => WebhookSubscriptionPage, {
    description: `Webhook subscriptions you may manage (docs/webhooks.md). ${WHO}`,
  })
  webhookSubscriptions(
    @CurrentActor() actor: Actor,
    @Args('organisationId', {
      type: () => ID,
      nullable: true,
      description:
        "Only subscriptions on this organisation's subtree (itself included); omitted: your whole write scope.",
    })
    organisationId?: string,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.webhooks.list(actor, organisationId, page);
  }

  @Query(() => WebhookSubscription, { description: `One webhook subscription (never its secret). ${WHO}` })
  webhookSubscription(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Subscription.' }) id: string,
  ) {
    return this.webhooks.get(actor, id);
  }

  @Query(() => [WebhookEventType], {
    description:
      "The event types a webhook subscription may ask for (the same list as ChangeEvent.type documents), for pickers. Anyone signed in (it is the schema's own documentation).",
  })
  webhookEventTypes(): WebhookEventType[] {
    return this.webhooks.eventTypes();
  }

  @Query(() => WebhookDeliveryPage, {
    description: `The delivery log of a subscription, newest first: status, attempts, last HTTP status, duration and error. ${WHO}`,
  })
  webhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args('subscriptionId', { type: () => ID, description: 'Subscription.' }) subscriptionId: string,
    @Args('status', {
      type: () => WebhookDeliveryStatus,
      nullable: true,
      description: 'Only deliveries in this state.',
    })
    status?: `${WebhookDeliveryStatus}`,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `At most this many, 1 to ${DELIVERIES_MAX} (default ${DELIVERIES_DEFAULT}).`,
    })
    first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the previous page: the older deliveries after it.',
    })
    after?: string,
  ) {
    return this.webhooks.deliveries(actor, subscriptionId, { status, first, after });
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description: `Subscribe a URL to the domain events of a subtree (docs/webhooks.md). Returns the signing secret this once. Events from now on are sent, only those you may read. The target must be http(s) on a public address (BAD_USER_INPUT with reason WEBHOOK_TARGET_INVALID, WEBHOOK_TARGET_FORBIDDEN or WEBHOOK_TARGET_UNRESOLVABLE). ${WHO}`,
  })
  createWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' })
    input: CreateWebhookSubscriptionInput,
  ) {
    return this.webhooks.create(ctx, input);
  }

  @Mutation(() => WebhookSubscription, {
    description: `Change a subscription's target, event types, description or active flag (enabling clears the disabled reason; events collected while disabled then go out). ${WHO}`,
  })
  updateWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Subscription.' }) id: string,
    @Args('input', { description: 'The fields of the operation (see the input type).' })
    input: UpdateWebhookSubscriptionInput,
  ) {
    return this.webhooks.update(ctx, id, input);
  }

  @Mutation(() => WebhookSubscription, {
    description: `Disable a subscription: nothing is sent until it is enabled again (updateWebhookSubscription active: true). ${WHO}`,
  })
  disableWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Subscription.' }) id: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: 'Why (shown as disabledReason; default: who disabled it).',
    })
    reason?: string,
  ) {
    return this.webhooks.disable(ctx, id, reason?.slice(0, 500));
  }

  @Mutation(() => Boolean, { description: `Delete a subscription and its delivery log. ${WHO}` })
  deleteWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Subscription.' }) id: string,
  ) {
    return this.webhooks.remove(ctx, id);
  }

  @Mutation(() => WebhookSubscriptionWithSecret, {
    description: `Replace a subscription's signing secret; the new one is returned this once and signs every attempt from now on. ${WHO}`,
  })
  rotateWebhookSecret(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Subscription.' }) id: string,
  ) {
    return this.webhooks.rotateSecret(ctx, id);
  }

  @Mutation(() => WebhookDelivery, {
    description: `Send one delivery again, whatever its state: it becomes PENDING with 0 attempts and keeps its id (X-Chibo-Delivery). ${WHO}`,
  })
  replayWebhookDelivery(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Delivery.' }) id: string,
  ) {
    return this.webhooks.replayOne(ctx, id);
  }

  @Mutation(() => Int, {
    description: `Send again every delivery of a subscription whose event happened from \`from\` to \`to\` (inclusive); returns how many. ${WHO}`,
  })
  replayWebhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args('subscriptionId', { type: () => ID, description: 'Subscription.' }) subscriptionId: string,
    // (typed as a union so that the validation pipe, which validates class-typed arguments, leaves the parsed Date alone)
    @Args('from', { type: () => Date, description: 'Start (date-time, inclusive).' }) from: Date | string,
    @Args('to', { type: () => Date, description: 'End (date-time, inclusive).' }) to: Date | string,
  ) {
    return this.webhooks.replayRange(ctx, subscriptionId, new Date(from), new Date(to));
  }
}

/** Fields of WebhookSubscription computed per page (batched: one statement for the subscriptions of an answer). */
@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionFieldsResolver {
  constructor(private readonly webhooks: WebhookService) {}

  @ResolveField(() => WebhookDelivery, {
    nullable: true,
    description:
      'The newest delivery of the subscription (its state, last HTTP status, attempts), null before the first event; the whole log is webhookDeliveries.',
  })
  lastDelivery(@Parent() s: WebhookSubscription, @Ctx() ctx: RequestContext): Promise<WebhookDelivery | null> {
    // the parent was loaded through the caller's scope check (list, get, create, update, disable)
    return ctx.loaders
      .for<string, WebhookDelivery | null>(
        'webhookLastDelivery',
        '-',
        async (ids) => this.webhooks.lastDeliveries([...ids]),
        null,
      )
      .load(s.id);
  }
}
