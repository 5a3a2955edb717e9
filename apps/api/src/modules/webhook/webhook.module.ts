import { Module, type DynamicModule } from '@nestjs/common';
import { WebhookResolver, WebhookSubscriptionFieldsResolver } from './webhook.resolver';
import { WebhookService } from './webhook.service';
import { WebhookWorker } from './webhook.worker';

/**
 * Webhooks (docs/webhooks.md): subscriptions, the delivery worker fed by the domain-event outbox, the delivery log.
 * `auth` is the module providing ActorLookup (a subscription's events are bounded by its creator's current scope).
 */
@Module({})
export class WebhookModule {
  static with(auth: DynamicModule): DynamicModule {
    return {
      module: WebhookModule,
      imports: [auth],
      providers: [WebhookService, WebhookWorker, WebhookResolver, WebhookSubscriptionFieldsResolver],
      exports: [],
    };
  }
}
