import { elementAt } from '@chibo/domain';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { MeetingPlanService } from '../modules/meeting/meeting-plan.service';
import { OrganisationWriteService } from '../modules/organisation/organisation-write.service';
import { WebhookService } from '../modules/webhook/webhook.service';
import { WebhookWorker } from '../modules/webhook/webhook.worker';
import { cliCaller, openContext } from './context';

/** Deliveries sent at a time by one worker batch (webhook.worker.ts CLAIM_BATCH): the HTTP ceiling uses as many. */
const WORKER_CONCURRENCY = 20;
const CELLS = 10;

const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
const rate = (n: number) => `${n.toFixed(1)}/s`;

type Got = { deliveryId: string; eventId: string; occurredAt: number; at: number };

/** The in-process receiver: answers 200 at once and notes when each delivery arrived (first arrival of an id). */
const startReceiver = async () => {
  const got = new Map<string, Got>();
  let ceilingHits = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      if ((req.url ?? '').startsWith('/ceiling')) {
        ceilingHits++;
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        deliveryId: string;
        event: { id: string; occurredAt: string };
      };
      if (!got.has(body.deliveryId))
        got.set(body.deliveryId, {
          deliveryId: body.deliveryId,
          eventId: body.event.id,
          occurredAt: Date.parse(body.event.occurredAt),
          at,
        });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    got,
    ceilingHits: () => ceilingHits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};

/** The HTTP ceiling: POSTs of a delivery-sized body to the receiver, WORKER_CONCURRENCY at a time, no agent (as the worker), no database. */
const httpCeiling = async (base: string, seconds: number): Promise<number> => {
  const body = JSON.stringify({
    deliveryId: randomBytes(16).toString('hex'),
    event: {
      id: '1',
      type: 'meeting.planned',
      version: 1,
      occurredAt: new Date().toISOString(),
      payload: { meetingId: randomBytes(16).toString('hex') },
    },
  });
  const until = Date.now() + seconds * 1000;
  let n = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request(
        `${base}/ceiling`,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve());
          res.on('error', () => resolve());
        },
      );
      req.on('error', () => resolve());
      req.end(body);
    });
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: WORKER_CONCURRENCY }, async () => {
      while (Date.now() < until) {
        await one();
        n++;
      }
    }),
  );
  return n / ((Date.now() - t0) / 1000);
};

/**
 * `bench webhooks` (figures, not a test): on the configured database (a fresh embedded one in a temporary
 * directory by default; `--data-dir DIR` for an existing embedded one, `--database-url URL` for PostgreSQL: use a
 * scratch database, the bench adds a tree of its own), with a receiver in this process:
 *   1. the ceilings: meeting plans written as fast as `--writers` callers can (MeetingPlanService.create, the real write
 *      path, audited with its domain event), no subscription yet; and plain POSTs to the receiver (no database);
 *   2. `--subscriptions N` subscriptions to meeting.planned on the bench's root, then `--rate R` meeting plans a
 *      second for `--seconds S` while the delivery worker runs every `--poll-ms` (as the server's timer does);
 *   3. waits until every delivery arrived, then prints events/s written, deliveries/s, the delivery latency (event
 *      occurred_at → the receiver got it, p50/p99) and the outbox lag (write committed → its delivery row inserted by
 *      the worker, p99/max), each next to its ceiling;
 *   4. the worker's capacity: `--backlog B` events written while it is stopped, then drained by back-to-back runs:
 *      deliveries/s against the HTTP ceiling.
 */
export const runBenchWebhooks = async (args: string[]): Promise<number> => {
  const flag = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const subscriptions = Number(flag('--subscriptions') ?? '10');
  const target = Number(flag('--rate') ?? '20');
  const seconds = Number(flag('--seconds') ?? '15');
  const pollMs = Number(flag('--poll-ms') ?? '500');
  const writers = Number(flag('--writers') ?? '4');
  const ceilingSeconds = Number(flag('--ceiling-seconds') ?? '3');
  const databaseUrl = flag('--database-url');
  const scratchDir = databaseUrl || flag('--data-dir') ? null : mkdtempSync(join(tmpdir(), 'chibo-bench-wh-'));
  const where = databaseUrl ? 'PostgreSQL' : 'embedded';
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    CHIBO_DATA_DIR: flag('--data-dir') ?? scratchDir ?? process.env.CHIBO_DATA_DIR,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DB_STATEMENT_TIMEOUT_MS: '0',
    WEBHOOK_POLL_MS: '0',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    AUDIT_SEAL_INTERVAL_SECONDS: '0',
  });
  const receiver = await startReceiver();
  const { app, close } = await openContext(config);
  const caller = cliCaller();
  const ds = app.get(DataSource);
  const meetings = app.get(MeetingPlanService);
  const worker = app.get(WebhookWorker);
  const subIds: string[] = [];
  const lines: string[] = [];
  try {
    // ---- a tree of its own: a root committee, a grassroots committee, CELLS cells
    const orgs = app.get(OrganisationWriteService);
    const tag = `BWH${randomBytes(3).toString('hex').toUpperCase()}`;
    const root = (
      await orgs.create(caller, {
        code: `${tag}`,
        name: `Bench webhooks ${tag}`,
        kind: 'COMMITTEE',
        establishedOn: '2015-01-01',
      })
    ).id;
    const grassroots = (
      await orgs.create(caller, {
        code: `${tag}.G`,
        name: 'Đảng bộ cơ sở',
        kind: 'GRASSROOTS_COMMITTEE',
        parentId: root,
        establishedOn: '2015-01-01',
      })
    ).id;
    const cells: string[] = [];
    for (let i = 0; i < CELLS; i++)
      cells.push(
        (
          await orgs.create(caller, {
            code: `${tag}.C${i}`,
            name: `Chi bộ ${i}`,
            kind: 'SUBORDINATE_CELL',
            parentId: grassroots,
            establishedOn: '2015-01-01',
          })
        ).id,
      );
    let n = 0;
    const committedAt = new Map<string, number>();
    const write = async () => {
      const i = n++;
      const m = await meetings.create(caller, {
        organisationId: elementAt(cells, i % CELLS, 'bench cell'),
        kind: 'REGULAR',
        title: `Bench ${i}`,
        date: '2026-11-12',
      });
      committedAt.set(m.id, Date.now());
    };

    // ---- 1. ceilings
    const c0 = Date.now();
    let ceilingWrites = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (Date.now() - c0 < ceilingSeconds * 1000) {
          await write();
          ceilingWrites++;
        }
      }),
    );
    const writeCeiling = ceilingWrites / ((Date.now() - c0) / 1000);
    const deliveryCeiling = await httpCeiling(receiver.base, ceilingSeconds);
    // the ceiling's events are before the subscriptions: never delivered
    await worker.runOnce();

    // ---- 2. subscriptions, then the steady writes with the worker polling
    const webhooks = app.get(WebhookService);
    for (let i = 0; i < subscriptions; i++) {
      subIds.push(
        (
          await webhooks.create(caller, {
            organisationId: root,
            targetUrl: `${receiver.base}/hook/${i}`,
            eventTypes: ['meeting.planned'],
          })
        ).subscription.id,
      );
    }
    committedAt.clear();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t = Date.now();
        await worker.runOnce();
        await sleep(Math.max(0, pollMs - (Date.now() - t)));
      }
    })();
    const total = Math.round(target * seconds);
    const t0 = Date.now();
    let inFlight = 0;
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / target;
      if (due > Date.now()) await sleep(due - Date.now());
      while (inFlight >= writers) await sleep(1);
      inFlight++;
      pending.push(write().finally(() => inFlight--));
    }
    await Promise.all(pending);
    const writeSeconds = (Date.now() - t0) / 1000;
    const expected = total * subscriptions;
    const drainUntil = Date.now() + Number(flag('--drain-seconds') ?? '120') * 1000;
    while (receiver.got.size < expected && Date.now() < drainUntil) await sleep(50);
    polling = false;
    await poller;
    const got = [...receiver.got.values()];
    const lastAt = Math.max(...got.map((g) => g.at));
    const deliverySeconds = (lastAt - t0) / 1000;

    // ---- 3. figures
    const latencies = got.map((g) => g.at - g.occurredAt);
    const rows: { subjectId: string; createdAt: Date }[] = await ds.query(
      `SELECT e.subject_id AS "subjectId", d.created_at AS "createdAt" FROM webhook_delivery d JOIN domain_event e ON e.id = d.event_id WHERE d.subscription_id = ANY($1::uuid[])`,
      [subIds],
    );
    const lags = rows
      .filter((r) => committedAt.has(r.subjectId))
      .map((r) => Math.max(0, new Date(r.createdAt).getTime() - (committedAt.get(r.subjectId) as number)));
    const written = total / writeSeconds;
    const delivered = got.length / deliverySeconds;
    lines.push(
      `figure  webhooks (${where}): ${subscriptions} subscriptions, ${total} events at ${target}/s for ${seconds} s, ${writers} writers, worker every ${pollMs} ms`,
      `figure  events written: ${rate(written)} (write ceiling with no webhook load: ${rate(writeCeiling)}; the steady rate is ${((100 * written) / writeCeiling).toFixed(0)}% of it)`,
      `figure  deliveries: ${got.length}/${expected} received, ${rate(delivered)} from the first write to the last arrival (HTTP ceiling, ${WORKER_CONCURRENCY} at a time, no database: ${rate(deliveryCeiling)}; ${((100 * delivered) / deliveryCeiling).toFixed(1)}% of it)`,
      `figure  delivery latency (event occurred_at → received): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))} (poll interval ${pollMs} ms)`,
      `figure  outbox lag (write committed → delivery row inserted): p99 ${ms(percentile(lags, 99))}, max ${ms(Math.max(...lags))} over ${lags.length} deliveries`,
    );
    if (got.length < expected)
      lines.push(`figure  INCOMPLETE: ${expected - got.length} deliveries had not arrived after the drain time`);

    // ---- 4. the worker's capacity: a backlog written with the worker stopped, then drained by back-to-back runs
    const backlog = Number(flag('--backlog') ?? '100');
    const before = receiver.got.size;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = w; i < backlog; i += writers) await write();
      }),
    );
    const b0 = Date.now();
    while (receiver.got.size < before + backlog * subscriptions && Date.now() < drainUntil + 120_000)
      await worker.runOnce();
    const drained = receiver.got.size - before;
    const capacity = drained / ((Date.now() - b0) / 1000);
    lines.push(
      `figure  worker capacity: ${drained} backlogged deliveries (${backlog} events × ${subscriptions}) drained at ${rate(capacity)} (${((100 * capacity) / deliveryCeiling).toFixed(1)}% of the HTTP ceiling)`,
    );
  } finally {
    // the subscriptions go (audited; nothing would ever receive them again); the tree and its meetings stay
    for (const id of subIds)
      await app
        .get(WebhookService)
        .remove(caller, id)
        .catch(() => undefined);
    await close();
    await receiver.close();
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  }
  for (const l of lines) console.log(l);
  return 0;
};
