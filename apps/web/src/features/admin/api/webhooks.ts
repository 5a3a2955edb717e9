import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { CreateWebhookSubscriptionInput, WebhookDeliveryStatus } from '../../../gql/graphql';
import { request } from '../../../lib/graphql-client';
import { useApiMutation } from '../../../lib/invalidation';

// Webhook subscriptions (docs/webhooks.md) for the administration screen: the list with each newest delivery, the
// event types for the picker, the delivery log, and the writes (create, enable/disable, replay). Loaded only with the
// Webhook tab (a lazy chunk), so none of it weighs on the first screen.

const SUBSCRIPTIONS = graphql(`
  query AdminWebhookSubscriptions($page: PageInput) {
    webhookSubscriptions(page: $page) {
      total
      items {
        id organisationId targetUrl eventTypes description active disabledAt disabledReason failingSince createdBy createdAt
        lastDelivery { id status attempts responseStatus lastAttemptAt error }
      }
    }
  }
`);

const EVENT_TYPES = graphql(`
  query AdminWebhookEventTypes { webhookEventTypes { type when } }
`);

const DELIVERIES = graphql(`
  query AdminWebhookDeliveries($subscriptionId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
    webhookDeliveries(subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {
      endCursor hasMore
      items { id eventId eventType eventOccurredAt status attempts lastAttemptAt nextAttemptAt deliveredAt responseStatus durationMs error }
    }
  }
`);

export const webhookKeys = {
  subscriptions: (offset: number, limit: number) => ['admin', 'webhooks', { offset, limit }] as const,
  eventTypes: () => ['admin', 'webhookEventTypes'] as const,
  deliveries: (subscriptionId: string, status: WebhookDeliveryStatus | null, after: string | null) =>
    ['admin', 'webhookDeliveries', { subscriptionId, status, after }] as const,
};

const subscriptionsQueryOptions = (offset: number, limit: number) =>
  queryOptions({
    queryKey: webhookKeys.subscriptions(offset, limit),
    queryFn: ({ signal }) =>
      request(SUBSCRIPTIONS, { page: { offset, limit } }, { signal }).then((d) => d.webhookSubscriptions),
  });

export const useWebhookSubscriptions = (offset: number, limit: number) =>
  useQuery({ ...subscriptionsQueryOptions(offset, limit), placeholderData: keepPreviousData });

// the list of event types is the schema's: it does not change while the app runs
export const useWebhookEventTypes = () =>
  useQuery({
    queryKey: webhookKeys.eventTypes(),
    queryFn: ({ signal }) => request(EVENT_TYPES, {}, { signal }).then((d) => d.webhookEventTypes),
    staleTime: Infinity,
  });

const deliveriesQueryOptions = (subscriptionId: string, status: WebhookDeliveryStatus | null, after: string | null) =>
  queryOptions({
    queryKey: webhookKeys.deliveries(subscriptionId, status, after),
    queryFn: ({ signal }) =>
      request(DELIVERIES, { subscriptionId, status, after, first: 50 }, { signal }).then((d) => d.webhookDeliveries),
  });

export const useWebhookDeliveries = (
  subscriptionId: string,
  status: WebhookDeliveryStatus | null,
  after: string | null,
) => useQuery({ ...deliveriesQueryOptions(subscriptionId, status, after), placeholderData: keepPreviousData });

const CREATE = graphql(`
  mutation AdminCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) { secret subscription { id targetUrl } }
  }
`);
const SET_ACTIVE = graphql(`
  mutation AdminSetWebhookActive($id: ID!, $active: Boolean!) { updateWebhookSubscription(id: $id, input: { active: $active }) { id active } }
`);
const DISABLE = graphql(`
  mutation AdminDisableWebhook($id: ID!, $reason: String) { disableWebhookSubscription(id: $id, reason: $reason) { id active } }
`);
const REPLAY_ONE = graphql(`
  mutation AdminReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }
`);
const REPLAY_RANGE = graphql(`
  mutation AdminReplayWebhookDeliveries($subscriptionId: ID!, $from: DateTime!, $to: DateTime!) {
    replayWebhookDeliveries(subscriptionId: $subscriptionId, from: $from, to: $to)
  }
`);

export const useCreateWebhook = () =>
  useApiMutation('createWebhookSubscription', (input: CreateWebhookSubscriptionInput) =>
    request(CREATE, { input }).then((d) => d.createWebhookSubscription),
  );
export const useEnableWebhook = () =>
  useApiMutation('updateWebhookSubscription', (id: string) =>
    request(SET_ACTIVE, { id, active: true }).then((d) => d.updateWebhookSubscription),
  );
export const useDisableWebhook = () =>
  useApiMutation('disableWebhookSubscription', (v: { id: string; reason?: string | null }) =>
    request(DISABLE, v).then((d) => d.disableWebhookSubscription),
  );
export const useReplayWebhookDelivery = () =>
  useApiMutation('replayWebhookDelivery', (id: string) =>
    request(REPLAY_ONE, { id }).then((d) => d.replayWebhookDelivery),
  );
export const useReplayWebhookDeliveries = () =>
  useApiMutation('replayWebhookDeliveries', (v: { subscriptionId: string; from: string; to: string }) =>
    request(REPLAY_RANGE, v).then((d) => d.replayWebhookDeliveries),
  );
