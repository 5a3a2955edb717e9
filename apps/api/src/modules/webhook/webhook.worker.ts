import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { EVENT_TYPES } from '../../common/audit/event-types';
import { SYSTEM_ACTOR, type Actor } from '../../common/auth/actor';
import { ActorLookup } from '../../common/auth/actor-lookup';
import { visibleOrgIds } from '../../common/scope/redact';
import { inRangesSql, rootRanges, type PathRange } from '../../common/scope/scope';
import { IntervalRunner } from '../../common/jobs/interval-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Params, returning, today } from '../../database/sql';
import { guardedLookup, isPrivateAddress, parseTarget, TARGET_FORBIDDEN } from './webhook-target';
import { retryDelayMs, secretBox, signatureOf, type SecretBox } from './webhook-secret';
import { AUTO_DISABLED_REASON } from './webhook-state';

/** Advisory locks: one enqueuer at a time, one claimer at a time (across every API process on the database). */
const ENQUEUE_LOCK = 7_301_140;
const CLAIM_LOCK = 7_301_141;
/** Events scanned per subscription and statement; deliveries claimed per batch; batches per run. */
const SCAN_BATCH = 1000;
const CLAIM_BATCH = 20;
const MAX_BATCHES_PER_RUN = 50;

export type WebhookRunResult = {
  enqueued: number;
  attempted: number;
  delivered: number;
  failed: number;
  dead: number;
  disabled: number;
};

type SubRow = {
  id: string;
  organisationId: string;
  eventTypes: string[];
  creatorType: 'USER' | 'API_TOKEN' | 'SYSTEM';
  creatorId: string | null;
};
type Claimed = {
  id: string;
  subscriptionId: string;
  attempts: number;
  targetUrl: string;
  secretEnc: string;
  creatorType: SubRow['creatorType'];
  creatorId: string | null;
  eventId: string;
  type: string;
  version: number;
  occurredAt: Date;
  actorType: string;
  actorName: string;
  subjectType: string;
  subjectId: string | null;
  organisationId: string | null;
  payload: Record<string, unknown>;
};
type Outcome = { ok: boolean; status: number | null; durationMs: number; error: string | null };

/**
 * The webhook delivery worker (docs/webhooks.md), inside the API process, on PostgreSQL and the embedded database.
 * A run: (1) enqueue: for each active subscription, the committed events past its cursor (the change feed's rule:
 * txid < pg_snapshot_xmin, so a transaction that commits late is never skipped) that match its types, its subtree
 * and its creator's current scope (all in SQL) become deliveries, one per (subscription, event), and the cursor
 * moves, in one statement; (2) deliver: due deliveries are claimed with a lease (FOR UPDATE SKIP LOCKED, under an
 * advisory lock), POSTed outside any transaction, and their outcome recorded (DELIVERED, or a retry later, or
 * DEAD); a delivery waits while an earlier one of the same subject is pending; (3) subscriptions failing for
 * WEBHOOK_DISABLE_AFTER_HOURS are disabled (audited). Every WEBHOOK_POLL_MS (0: only when runOnce is called).
 * Nothing is kept between runs: the database holds all the state.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Webhooks');
  private readonly box: SecretBox;
  private readonly runner = new IntervalRunner('webhook run', this.log, () => this.run());

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly actors: ActorLookup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.box = secretBox(config);
  }

  onApplicationBootstrap(): void {
    this.runner.start(this.config.webhookPollMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  /** One run (the timer's, or a test's / the CLI's); a run already going on is awaited, then another one runs. */
  runOnce(): Promise<WebhookRunResult> {
    return this.runner.runOnce();
  }

  private async run(): Promise<WebhookRunResult> {
    const result: WebhookRunResult = { enqueued: 0, attempted: 0, delivered: 0, failed: 0, dead: 0, disabled: 0 };
    const scopes = new Map<string, Actor | null>();
    result.enqueued = await this.enqueue(scopes);
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const claimed = await this.claim();
      if (!claimed.length) break;
      await Promise.all(
        claimed.map(async (c) => {
          const outcome = await this.send(c, scopes);
          const dead = await this.record(c, outcome);
          result.attempted++;
          if (outcome.ok) result.delivered++;
          else result.failed++;
          if (dead) result.dead++;
        }),
      );
    }
    result.disabled = await this.disableFailing();
    return result;
  }

  /** The creator's current scope (null: gone, disabled, revoked); the CLI's subscriptions have the system's. Cached for one run. */
  private async creator(
    scopes: Map<string, Actor | null>,
    type: SubRow['creatorType'],
    id: string | null,
  ): Promise<Actor | null> {
    if (type === 'SYSTEM' || !id) return SYSTEM_ACTOR;
    const key = `${type}:${id}`;
    if (!scopes.has(key)) {
      const a = await this.actors.actorOf(type, id);
      // The change feed's rule: a member's own-cell access does not reach domain events.
      scopes.set(key, a ? { ...a, ownCellIds: [] } : null);
    }
    return scopes.get(key) ?? null;
  }

  private async enqueue(scopes: Map<string, Actor | null>): Promise<number> {
    const subs: SubRow[] = await this.ds.query(
      `SELECT id, organisation_id AS "organisationId", event_types AS "eventTypes", creator_type AS "creatorType", creator_id AS "creatorId"
         FROM webhook_subscription WHERE active ORDER BY id`,
    );
    let total = 0;
    const d = today();
    for (const s of subs) {
      const actor = await this.creator(scopes, s.creatorType, s.creatorId);
      const ranges: PathRange[] | null = !actor
        ? []
        : actor.isAdmin
          ? null
          : await rootRanges(this.ds.manager, actor.readRoots, d);
      for (;;) {
        const { scanned, inserted } = await this.enqueueBatch(s, ranges, d);
        total += inserted;
        if (scanned < SCAN_BATCH) break;
      }
    }
    return total;
  }

  /**
   * One statement: the next SCAN_BATCH committed events past the cursor; those of the subscription's types, subtree
   * (its root's path today) and creator's scope become deliveries; the cursor moves past all of them.
   */
  private async enqueueBatch(
    s: SubRow,
    ranges: PathRange[] | null,
    d: string,
  ): Promise<{ scanned: number; inserted: number }> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [ENQUEUE_LOCK]);
      const p = new Params();
      const sub = p.add(s.id);
      const [row] = await m.query(
        `WITH cur AS (SELECT cursor_txid, cursor_event_id FROM webhook_subscription WHERE id = ${sub}::uuid AND active FOR UPDATE),
              root AS (SELECT placement_path_at(${p.add(s.organisationId)}::uuid, ${p.add(d)}::date) AS path),
              cand AS (SELECT e.id, e.txid FROM domain_event e, cur
                        WHERE e.txid < pg_snapshot_xmin(pg_current_snapshot()) AND (e.txid, e.id) > (cur.cursor_txid, cur.cursor_event_id)
                        ORDER BY e.txid, e.id LIMIT ${p.add(SCAN_BATCH)}),
              ev AS (SELECT e.id, e.txid, e.type, e.occurred_at, e.subject_type, e.subject_id, e.organisation_path AS path FROM cand JOIN domain_event e ON e.id = cand.id),
              batch AS (SELECT ev.* FROM ev, root
                         WHERE ev.type = ANY(${p.add(s.eventTypes)}::text[]) AND root.path IS NOT NULL
                           AND ev.path >= root.path AND ev.path < left(root.path, -1) || '0' AND ${inRangesSql('ev', ranges, p)}),
              ins AS (INSERT INTO webhook_delivery (subscription_id, event_id, event_txid, event_type, event_occurred_at, subject_key)
                      SELECT ${sub}::uuid, b.id, b.txid, b.type, b.occurred_at, b.subject_type || ':' || coalesce(b.subject_id, 'event-' || b.id) FROM batch b
                      ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING 1),
              last AS (SELECT txid, id FROM cand ORDER BY txid DESC, id DESC LIMIT 1),
              moved AS (UPDATE webhook_subscription SET cursor_txid = last.txid, cursor_event_id = last.id FROM last WHERE webhook_subscription.id = ${sub}::uuid RETURNING 1)
         SELECT (SELECT count(*) FROM cand)::int AS scanned, (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM moved)::int AS moved`,
        p.values,
      );
      return { scanned: row?.scanned ?? 0, inserted: row?.inserted ?? 0 };
    });
  }

  /**
   * Claims due deliveries of active subscriptions with a lease (an attempt is made by one process only; one that
   * died leaves it to be taken over when the lease ends), skipping those behind an earlier pending delivery of the
   * same subject. Returns them with their event and subscription.
   */
  private async claim(): Promise<Claimed[]> {
    const leaseMs = this.config.webhookTimeoutMs + 30_000;
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [CLAIM_LOCK]);
      return returning<Claimed>(
        m,
        `WITH due AS (
           SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id AND s.active
            WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until <= now())
              AND NOT EXISTS (SELECT 1 FROM webhook_delivery o WHERE o.subscription_id = d.subscription_id AND o.subject_key = d.subject_key
                                AND o.status = 'PENDING' AND (o.event_txid, o.event_id) < (d.event_txid, d.event_id))
            ORDER BY d.event_txid, d.event_id LIMIT $1 FOR UPDATE OF d SKIP LOCKED)
         UPDATE webhook_delivery w SET attempts = w.attempts + 1, locked_until = now() + $2::float8 * interval '1 millisecond', last_attempt_at = now()
           FROM due, webhook_subscription s, domain_event e
          WHERE w.id = due.id AND s.id = w.subscription_id AND e.id = w.event_id
         RETURNING w.id, w.subscription_id AS "subscriptionId", w.attempts, s.target_url AS "targetUrl", s.secret_enc AS "secretEnc",
                   s.creator_type AS "creatorType", s.creator_id AS "creatorId", e.id::text AS "eventId", e.type, e.version, e.occurred_at AS "occurredAt",
                   e.actor_type AS "actorType", e.actor_name AS "actorName", e.subject_type AS "subjectType", e.subject_id AS "subjectId",
                   e.organisation_id AS "organisationId", e.payload`,
        [CLAIM_BATCH, leaseMs],
      );
    });
  }

  /** The JSON body: the delivery id and the event as the change feed shows it to the creator (organisation ids outside its scope are null). */
  private async body(c: Claimed, scopes: Map<string, Actor | null>): Promise<string> {
    let payload = c.payload;
    const keys = EVENT_TYPES[c.type]?.orgKeys ?? [];
    const ids = keys.map((k) => payload[k]).filter((x): x is string => typeof x === 'string');
    const actor = await this.creator(scopes, c.creatorType, c.creatorId);
    if (ids.length && !actor?.isAdmin) {
      const visible = actor ? await visibleOrgIds(this.ds.manager, actor, ids, today()) : new Set<string>();
      for (const k of keys)
        if (typeof payload[k] === 'string' && !visible.has(payload[k] as string)) payload = { ...payload, [k]: null };
    }
    return JSON.stringify({
      deliveryId: c.id,
      event: {
        id: c.eventId,
        type: c.type,
        version: c.version,
        occurredAt: new Date(c.occurredAt).toISOString(),
        actorType: c.actorType,
        actorName: c.actorName,
        subjectType: c.subjectType,
        subjectId: c.subjectId,
        organisationId: c.organisationId,
        payload,
      },
    });
  }

  /** One attempt: POST with the signature headers, WEBHOOK_TIMEOUT_MS for the whole exchange up to the status line. Never throws. */
  private async send(c: Claimed, scopes: Map<string, Actor | null>): Promise<Outcome> {
    const started = Date.now();
    const done = (ok: boolean, status: number | null, error: string | null): Outcome => ({
      ok,
      status,
      durationMs: Date.now() - started,
      error,
    });
    let body: string;
    let secret: string;
    let url: URL;
    try {
      body = await this.body(c, scopes);
      secret = this.box.open(c.secretEnc);
      url = parseTarget(c.targetUrl);
    } catch (e) {
      return done(false, null, `not sent: ${e instanceof Error ? e.message : 'cannot prepare the request'}`);
    }
    const allowPrivate = this.config.webhookAllowPrivateTargets;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!allowPrivate && isIP(host) && isPrivateAddress(host))
      return done(false, null, 'not sent: the target address is private');
    const timestamp = String(Math.floor(Date.now() / 1000));
    const timeoutMs = this.config.webhookTimeoutMs;
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const finish = (o: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(o);
      };
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          agent: false,
          ...(allowPrivate ? {} : { lookup: guardedLookup }),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'chibo-webhooks/1',
            'x-chibo-event': c.type,
            'x-chibo-delivery': c.id,
            'x-chibo-timestamp': timestamp,
            'x-chibo-attempt': String(c.attempts),
            'x-chibo-signature': signatureOf(secret, timestamp, body),
          },
        },
        (res: IncomingMessage) => {
          const status = res.statusCode ?? 0;
          // Only the status counts: the answer's body is not read (nor kept).
          res.resume();
          res.on('error', () => undefined);
          res.destroy();
          finish(done(status >= 200 && status < 300, status, status >= 200 && status < 300 ? null : `HTTP ${status}`));
        },
      );
      const timer = setTimeout(() => {
        finish(done(false, null, `timeout after ${timeoutMs} ms`));
        req.destroy();
      }, timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) =>
        finish(
          done(
            false,
            null,
            e.code === TARGET_FORBIDDEN
              ? 'not sent: the target resolves to a private address'
              : `connection failed: ${e.code ?? e.message}`,
          ),
        ),
      );
      req.end(body);
    });
  }

  /** Records an attempt's outcome; returns true when the delivery is now DEAD. */
  private async record(c: Claimed, o: Outcome): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      if (o.ok) {
        await m.query(
          `UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), locked_until = NULL, response_status = $2, duration_ms = $3, last_error = NULL WHERE id = $1`,
          [c.id, o.status, o.durationMs],
        );
        await m.query(
          `UPDATE webhook_subscription SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`,
          [c.subscriptionId],
        );
        return false;
      }
      const dead = c.attempts >= this.config.webhookMaxAttempts;
      await m.query(
        `UPDATE webhook_delivery SET status = $2, next_attempt_at = now() + $3::float8 * interval '1 millisecond', locked_until = NULL,
                response_status = $4, duration_ms = $5, last_error = $6 WHERE id = $1`,
        [
          c.id,
          dead ? 'DEAD' : 'PENDING',
          dead ? 0 : retryDelayMs(c.attempts, this.config.webhookRetryBaseMs),
          o.status,
          o.durationMs,
          (o.error ?? '').slice(0, 500),
        ],
      );
      await m.query(`UPDATE webhook_subscription SET failing_since = coalesce(failing_since, now()) WHERE id = $1`, [
        c.subscriptionId,
      ]);
      return dead;
    });
  }

  /** Disables the active subscriptions whose deliveries have failed without a success for WEBHOOK_DISABLE_AFTER_HOURS, with a reason, audited. */
  private async disableFailing(): Promise<number> {
    const hours = this.config.webhookDisableAfterHours;
    const due: { id: string }[] = await this.ds.query(
      `SELECT id FROM webhook_subscription WHERE active AND failing_since <= now() - $1::float8 * interval '1 hour'`,
      [hours],
    );
    let n = 0;
    for (const { id } of due) {
      await this.ds.transaction(async (m) => {
        const [row] = await returning<{ organisationId: string; failingSince: Date }>(
          m,
          `UPDATE webhook_subscription SET active = false, disabled_at = now(),
                  disabled_reason = $4::text || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' (more than ' || $3::text || ' hours)',
                  updated_at = now()
            WHERE id = $1 AND active AND failing_since <= now() - $2::float8 * interval '1 hour'
            RETURNING organisation_id AS "organisationId", failing_since AS "failingSince", disabled_reason AS "disabledReason"`,
          [id, hours, String(hours), AUTO_DISABLED_REASON],
        );
        if (!row) return;
        n++;
        const caller: Caller = {
          actor: { ...SYSTEM_ACTOR, name: 'system:webhooks' },
          requestId: `webhook-worker-${Date.now()}`,
        };
        await this.audit.record(m, caller, {
          operation: 'autoDisableWebhookSubscription',
          entityType: 'webhook_subscription',
          entityId: id,
          before: { active: true },
          after: { active: false, reason: (row as Record<string, unknown>).disabledReason },
        });
      });
    }
    return n;
  }
}
