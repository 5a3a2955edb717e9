import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, first as firstRow } from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { EVENT_TYPES } from '../../common/audit/event-types';
import type { Actor } from '../../common/auth/actor';
import { pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { inRangesSql, isUuid, listScope, orgVisibleSql } from '../../common/scope/scope';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Params, returning, today } from '../../database/sql';
import { checkTarget, redactedTarget } from './webhook-target';
import { newWebhookSecret, secretBox, type SecretBox } from './webhook-secret';
import type {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './webhook.model';

export const DELIVERIES_DEFAULT = 50;
export const DELIVERIES_MAX = 500;

const SUB_COLUMNS = `s.id, s.organisation_id AS "organisationId", s.target_url AS "targetUrl", s.event_types AS "eventTypes", s.description, s.active,
  s.disabled_at AS "disabledAt", s.disabled_reason AS "disabledReason", s.failing_since AS "failingSince", s.creator_name AS "createdBy",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

const DELIVERY_COLUMNS = `d.id, d.subscription_id AS "subscriptionId", d.event_id::text AS "eventId", d.event_type AS "eventType", d.event_occurred_at AS "eventOccurredAt",
  d.status, d.attempts, d.created_at AS "createdAt", d.last_attempt_at AS "lastAttemptAt",
  CASE WHEN d.status = 'PENDING' THEN d.next_attempt_at END AS "nextAttemptAt", d.delivered_at AS "deliveredAt",
  d.response_status AS "responseStatus", d.duration_ms AS "durationMs", d.last_error AS error`;

/** What the audit log keeps of a subscription: no secret, and the target without its query string. */
const auditView = (
  s: Pick<WebhookSubscription, 'organisationId' | 'targetUrl' | 'eventTypes' | 'active'> & {
    description?: string | null;
  },
) => ({
  organisationId: s.organisationId,
  targetUrl: redactedTarget(s.targetUrl),
  eventTypes: s.eventTypes,
  active: s.active,
  description: s.description ?? null,
});

const notFound = () => new DomainError('NOT_FOUND', 'Webhook subscription not found', 'id');

/**
 * Webhook subscriptions and their delivery log (docs/webhooks.md). Managed by those who may write the subscription's
 * organisation (administrators anywhere, committee writers, cell secretaries and read-write API tokens in their
 * subtrees); a subscription outside the caller's scope answers NOT_FOUND like a missing one, one the caller may only
 * read answers FORBIDDEN (as every write in chibo). Every write goes through AuditService.
 */
@Injectable()
export class WebhookService {
  private readonly box: SecretBox;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.box = secretBox(config);
  }

  private checkTypes(types: string[]): string[] {
    const unknown = types.filter((t) => !EVENT_TYPES[t]);
    if (unknown.length)
      throw new DomainError('VALIDATION', `Unknown event type(s): ${unknown.join(', ')}`, 'eventTypes', {
        known: Object.keys(EVENT_TYPES),
      });
    return [...new Set(types)].sort();
  }

  /** The subscription, when the caller may manage it (write scope on its organisation); FORBIDDEN / NOT_FOUND otherwise. */
  private async load(
    m: Pick<EntityManager, 'query'>,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<WebhookSubscription> {
    if (!isUuid(id)) throw notFound();
    const p = new Params();
    const idP = p.add(id);
    const d = p.add(today());
    const [row] = await m.query(
      `SELECT ${SUB_COLUMNS}, ${orgVisibleSql(actor, 's.organisation_id', p, d, true)} AS "mayWrite", ${orgVisibleSql(actor, 's.organisation_id', p, d)} AS "mayRead"
         FROM webhook_subscription s WHERE s.id = ${idP}::uuid${lock ? ' FOR UPDATE OF s' : ''}`,
      p.values,
    );
    if (!row?.mayRead && !row?.mayWrite) throw notFound();
    if (!row.mayWrite) throw new DomainError('FORBIDDEN', 'You may read this organisation but not manage its webhooks');
    delete row.mayWrite;
    delete row.mayRead;
    return row as WebhookSubscription;
  }

  async create(caller: Caller, input: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionWithSecret> {
    const types = this.checkTypes(input.eventTypes);
    if (!isUuid(input.organisationId)) throw new DomainError('NOT_FOUND', 'Organisation not found', 'organisationId');
    await listScope(this.ds.manager, caller.actor, input.organisationId, today(), { write: true });
    await checkTarget(input.targetUrl, this.config.webhookAllowPrivateTargets);
    const secret = newWebhookSecret();
    const sub = await this.ds.transaction(async (m) => {
      await listScope(m, caller.actor, input.organisationId, today(), { write: true });
      const [row] = await m.query(
        `INSERT INTO webhook_subscription AS s (organisation_id, target_url, event_types, description, secret_enc, creator_type, creator_id, creator_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${SUB_COLUMNS}`,
        [
          input.organisationId,
          input.targetUrl,
          types,
          input.description ?? null,
          this.box.seal(secret),
          caller.actor.kind,
          caller.actor.id,
          caller.actor.name,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'createWebhookSubscription',
        entityType: 'webhook_subscription',
        entityId: row.id,
        after: auditView(row),
      });
      return row as WebhookSubscription;
    });
    return { subscription: sub, secret };
  }

  async update(caller: Caller, id: string, input: UpdateWebhookSubscriptionInput): Promise<WebhookSubscription> {
    const types = input.eventTypes ? this.checkTypes(input.eventTypes) : null;
    await this.load(this.ds.manager, caller.actor, id);
    if (input.targetUrl != null) await checkTarget(input.targetUrl, this.config.webhookAllowPrivateTargets);
    return this.ds.transaction(async (m) => {
      const before = await this.load(m, caller.actor, id, true);
      const activate = input.active === true && !before.active;
      const deactivate = input.active === false && before.active;
      const [row] = await returning(
        m,
        `UPDATE webhook_subscription s SET target_url = coalesce($2, target_url), event_types = coalesce($3, event_types),
                description = CASE WHEN $4::boolean THEN $5 ELSE description END, active = coalesce($6, active),
                disabled_at = CASE WHEN $7::boolean THEN NULL WHEN $8::boolean THEN now() ELSE disabled_at END,
                disabled_reason = CASE WHEN $7::boolean THEN NULL WHEN $8::boolean THEN $9 ELSE disabled_reason END,
                failing_since = CASE WHEN $7::boolean THEN NULL ELSE failing_since END, updated_at = now()
          WHERE s.id = $1 RETURNING ${SUB_COLUMNS}`,
        [
          id,
          input.targetUrl ?? null,
          types,
          input.description !== undefined,
          input.description ?? null,
          input.active ?? null,
          activate,
          deactivate,
          `Disabled by ${caller.actor.name}`,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'updateWebhookSubscription',
        entityType: 'webhook_subscription',
        entityId: id,
        before: auditView(before),
        after: auditView(row as WebhookSubscription),
      });
      return row as WebhookSubscription;
    });
  }

  async disable(caller: Caller, id: string, reason?: string | null): Promise<WebhookSubscription> {
    return this.ds.transaction(async (m) => {
      const before = await this.load(m, caller.actor, id, true);
      const row = firstRow(
        await returning(
          m,
          `UPDATE webhook_subscription s SET active = false, disabled_at = CASE WHEN active THEN now() ELSE disabled_at END,
                disabled_reason = $2, updated_at = now() WHERE s.id = $1 RETURNING ${SUB_COLUMNS}`,
          [id, reason?.trim() || `Disabled by ${caller.actor.name}`],
        ),
        'disabled webhook subscription',
      );
      await this.audit.record(m, caller, {
        operation: 'disableWebhookSubscription',
        entityType: 'webhook_subscription',
        entityId: id,
        before: auditView(before),
        after: { ...auditView(row as WebhookSubscription), reason: row.disabledReason },
      });
      return row as WebhookSubscription;
    });
  }

  async remove(caller: Caller, id: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const before = await this.load(m, caller.actor, id, true);
      await m.query(`DELETE FROM webhook_subscription WHERE id = $1`, [id]);
      await this.audit.record(m, caller, {
        operation: 'deleteWebhookSubscription',
        entityType: 'webhook_subscription',
        entityId: id,
        before: auditView(before),
      });
      return true;
    });
  }

  async rotateSecret(caller: Caller, id: string): Promise<WebhookSubscriptionWithSecret> {
    const secret = newWebhookSecret();
    const sub = await this.ds.transaction(async (m) => {
      await this.load(m, caller.actor, id, true);
      const [row] = await returning(
        m,
        `UPDATE webhook_subscription s SET secret_enc = $2, updated_at = now() WHERE s.id = $1 RETURNING ${SUB_COLUMNS}`,
        [id, this.box.seal(secret)],
      );
      await this.audit.record(m, caller, {
        operation: 'rotateWebhookSecret',
        entityType: 'webhook_subscription',
        entityId: id,
        after: { rotated: true },
      });
      return row as WebhookSubscription;
    });
    return { subscription: sub, secret };
  }

  async get(actor: Actor, id: string): Promise<WebhookSubscription> {
    return this.load(this.ds.manager, actor, id);
  }

  /** The subscriptions the caller may manage, under `organisationId` (itself included) or in the whole write scope. */
  async list(
    actor: Actor,
    organisationId?: string | null,
    page?: PageInput | null,
  ): Promise<Page<WebhookSubscription>> {
    const { offset, limit } = pageOf(page);
    const d = today();
    const ranges = await listScope(this.ds.manager, actor, organisationId, d, { write: true });
    const p = new Params();
    const dP = p.add(d);
    const where = inRangesSql('sp', ranges, p);
    const rows = await this.ds.query(
      `SELECT ${SUB_COLUMNS}, count(*) OVER ()::int AS total FROM webhook_subscription s
         CROSS JOIN LATERAL (SELECT placement_path_at(s.organisation_id, ${dP}::date) AS path) sp
        WHERE ${where} ORDER BY s.created_at, s.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    const total = rows[0]?.total ?? 0;
    return {
      items: rows.map(({ total: _t, ...r }: { total: number }) => r as unknown as WebhookSubscription),
      total,
      offset,
      limit,
    };
  }

  /** The delivery log of a subscription, newest first, by cursor. */
  async deliveries(
    actor: Actor,
    subscriptionId: string,
    args: { status?: `${WebhookDeliveryStatus}` | null; first?: number | null; after?: string | null },
  ): Promise<WebhookDeliveryPage> {
    const first = args.first ?? DELIVERIES_DEFAULT;
    if (!Number.isInteger(first) || first < 1 || first > DELIVERIES_MAX)
      throw new DomainError('VALIDATION', `first must be 1 to ${DELIVERIES_MAX}`, 'first');
    let after: string | null = null;
    if (args.after) {
      const m = /^d1:(\d{1,19})$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
      if (!m) throw new DomainError('VALIDATION', 'Not a delivery-log cursor: pass an endCursor it returned', 'after');
      after = m[1] ?? null;
    }
    await this.load(this.ds.manager, actor, subscriptionId);
    const rows = await this.ds.query(
      `SELECT ${DELIVERY_COLUMNS}, d.seq::text AS seq FROM webhook_delivery d
        WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2) AND ($3::bigint IS NULL OR d.seq < $3::bigint)
        ORDER BY d.seq DESC LIMIT $4`,
      [subscriptionId, args.status ?? null, after, first + 1],
    );
    const hasMore = rows.length > first;
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      items: page.map(({ seq: _s, ...r }: { seq: string }) => r as unknown as WebhookDelivery),
      endCursor: last ? Buffer.from(`d1:${last.seq}`).toString('base64url') : null,
      hasMore,
    };
  }

  /** Every event type a subscription may ask for, in the order of EVENT_TYPES (the same list the schema documents). */
  eventTypes(): WebhookEventType[] {
    return Object.entries(EVENT_TYPES).map(([type, d]) => ({
      type,
      version: d.version,
      when: d.when,
      payloadKeys: Object.keys(d.payload),
    }));
  }

  /**
   * The newest delivery of each of these subscriptions (already checked to be the caller's), in one statement: what
   * the list shows as "last delivery". Subscriptions without a delivery are absent from the map.
   */
  async lastDeliveries(subscriptionIds: string[]): Promise<Map<string, WebhookDelivery>> {
    if (!subscriptionIds.length) return new Map();
    const rows: WebhookDelivery[] = await this.ds.query(
      `SELECT x.* FROM unnest($1::uuid[]) AS sid(id)
         CROSS JOIN LATERAL (SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d WHERE d.subscription_id = sid.id ORDER BY d.seq DESC LIMIT 1) x`,
      [subscriptionIds],
    );
    return new Map(rows.map((r) => [r.subscriptionId, r]));
  }

  /** Sends one delivery again (whatever its state): PENDING, attempts from 0, due now, with the same X-Chibo-Delivery. */
  async replayOne(caller: Caller, deliveryId: string): Promise<WebhookDelivery> {
    if (!isUuid(deliveryId)) throw new DomainError('NOT_FOUND', 'Webhook delivery not found', 'id');
    return this.ds.transaction(async (m) => {
      const [found] = await m.query(`SELECT subscription_id AS "subscriptionId" FROM webhook_delivery WHERE id = $1`, [
        deliveryId,
      ]);
      if (!found) throw new DomainError('NOT_FOUND', 'Webhook delivery not found', 'id');
      try {
        await this.load(m, caller.actor, found.subscriptionId, true);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'NOT_FOUND')
          throw new DomainError('NOT_FOUND', 'Webhook delivery not found', 'id');
        throw e;
      }
      const row = firstRow(
        await returning(
          m,
          `UPDATE webhook_delivery d SET ${REPLAY_SET} WHERE d.id = $1 RETURNING ${DELIVERY_COLUMNS}`,
          [deliveryId],
        ),
        'replayed webhook delivery',
      );
      await this.audit.record(m, caller, {
        operation: 'replayWebhookDelivery',
        entityType: 'webhook_delivery',
        entityId: deliveryId,
        after: { subscriptionId: found.subscriptionId, eventId: row.eventId },
      });
      return row as WebhookDelivery;
    });
  }

  /** Sends again every delivery of the subscription whose event happened in [from, to]; returns how many. */
  async replayRange(caller: Caller, subscriptionId: string, from: Date, to: Date): Promise<number> {
    if (
      !(from instanceof Date) ||
      !(to instanceof Date) ||
      Number.isNaN(from.getTime()) ||
      Number.isNaN(to.getTime()) ||
      from > to
    ) {
      throw new DomainError('VALIDATION', '`from` must be a date-time before `to`', 'from', {
        reason: 'INVALID_DATE_ORDER',
      });
    }
    return this.ds.transaction(async (m) => {
      await this.load(m, caller.actor, subscriptionId, true);
      const rows = await returning(
        m,
        `UPDATE webhook_delivery d SET ${REPLAY_SET} WHERE d.subscription_id = $1 AND d.event_occurred_at >= $2 AND d.event_occurred_at <= $3 RETURNING d.id`,
        [subscriptionId, from, to],
      );
      await this.audit.record(m, caller, {
        operation: 'replayWebhookDeliveries',
        entityType: 'webhook_subscription',
        entityId: subscriptionId,
        after: { from, to, deliveries: rows.length },
      });
      return rows.length;
    });
  }
}

/** A replayed delivery: PENDING again, from attempt 0, due now (a claimed attempt still running keeps its lease). */
const REPLAY_SET = `status = 'PENDING', attempts = 0, next_attempt_at = now(), delivered_at = NULL, last_error = NULL`;
