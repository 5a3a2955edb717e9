import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The channel of migration CacheSignals: its triggers notify the topic of the table a statement changed. */
export const CACHE_CHANNEL = 'chibo_cache';
export type SignalTopic = 'caller' | 'policy';

/** The tables whose statements signal a topic (migrations CacheSignals and OrganisationCacheSignal). */
export const SIGNALLED_TABLES = [
  'app_user',
  'access_grant',
  'membership',
  'policy_override',
  'organisation_placement',
  'organisation',
] as const;

/** A statement that writes one of the signalled tables (as this code base writes them: by name, unquoted). */
const SIGNALLED_WRITE = new RegExp(
  `\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?)\\s+(?:ONLY\\s+)?(?:${SIGNALLED_TABLES.join('|')})\\b(?!\\.)`,
  'i',
);

/** Whether `sql` writes a table behind a kept value. */
export const writesSignalledTable = (sql: string): boolean => SIGNALLED_WRITE.test(sql);

const RETRY_MS = [500, 1000, 2000, 5000];
const CHECK_EVERY_MS = 5000;

/**
 * Changes signalled by PostgreSQL to this process (docs/scaling.md#kept-between-requests). One connection of its own
 * LISTENs on `chibo_cache`; the triggers of migration CacheSignals notify a topic when a statement changes a table
 * behind a kept value, and every process drops what it kept for that topic. While that connection is not listening
 * (not yet connected, lost, the database restarting) `usable` is false and nothing is kept, so a change can never be
 * missed: a notification sent while no one listened would be lost, and everything kept before the loss is dropped.
 * A half-open connection (no error, no notifications) is found by a `SELECT 1` every 5 s with a 3 s timeout.
 */
export class ChangeSignals {
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private check: NodeJS.Timeout | null = null;
  private readonly handlers = new Set<(topic: SignalTopic | null) => void>();
  private readonly log = new Logger('ChangeSignals');

  /** `url`: the primary (null: no signals, nothing is ever kept, e.g. the embedded database). */
  constructor(private readonly url: string | null) {}

  /** True while changes are being heard: only then may a value be kept. */
  get usable(): boolean {
    return this.listening;
  }

  /** `handler(topic)` on each signalled change; `handler(null)` when signals were lost or (re)started: drop all. */
  onChange(handler: (topic: SignalTopic | null) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  async start(): Promise<void> {
    if (!this.url || this.client || this.stopped) return;
    await this.connect();
    this.check = setInterval(() => void this.probe(), CHECK_EVERY_MS);
    this.check.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.check) clearInterval(this.check);
    const c = this.client;
    this.drop(null);
    await c?.end().catch(() => undefined);
  }

  /**
   * This process committed a change to a signalled table: drop everything kept now, without waiting for PostgreSQL's
   * notification (it arrives milliseconds later), so what the same process reads next — the mutation's own answer,
   * the writer's next request — sees the change. Called by the data source's subscriber (`watchCommits`).
   */
  committedHere(): void {
    this.emit(null);
  }

  /**
   * Calls committedHere when a statement of this process that writes a signalled table commits: at the end of its
   * transaction, or at once outside one. Other writes (a meeting, a rating) keep what is kept. A write the statement
   * text does not show (inside a database function) is dropped on its notification, as another process's would be.
   */
  watchCommits(ds: DataSource): void {
    const wrote = new WeakSet<object>();
    ds.subscribers.push({
      afterQuery: (e) => {
        if (!writesSignalledTable(e.query)) return;
        if (e.queryRunner.isTransactionActive) wrote.add(e.queryRunner);
        else this.committedHere();
      },
      afterTransactionCommit: (e) => {
        if (wrote.delete(e.queryRunner)) this.committedHere();
      },
      afterTransactionRollback: (e) => {
        wrote.delete(e.queryRunner);
      },
    });
  }

  private emit(topic: SignalTopic | null): void {
    for (const h of this.handlers) h(topic);
  }

  private async connect(): Promise<void> {
    const c = new Client({
      connectionString: this.url!,
      application_name: 'chibo-signals',
      keepAlive: true,
      query_timeout: 3000,
    });
    c.on('notification', (n) => {
      if (n.channel === CACHE_CHANNEL) this.emit((n.payload ?? null) as SignalTopic | null);
    });
    c.on('error', () => this.lost(c));
    c.on('end', () => this.lost(c));
    this.client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
      if (this.client !== c) return; // stopped or lost meanwhile
      this.attempt = 0;
      this.listening = true;
      this.emit(null);
    } catch {
      this.lost(c);
    }
  }

  private async probe(): Promise<void> {
    const c = this.client;
    if (!c || !this.listening) return;
    try {
      await c.query('SELECT 1');
    } catch {
      this.lost(c);
    }
  }

  /** Stops keeping anything, then listens again after a pause (growing up to 5 s). */
  private lost(c: Client): void {
    if (this.client !== c) return;
    const was = this.listening;
    this.drop(c);
    if (was)
      this.log.warn('Change signals lost: values are read from the database on every request until they are back');
    if (this.stopped) return;
    const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    this.retry = setTimeout(() => void this.connect(), wait);
    this.retry.unref();
  }

  private drop(c: Client | null): void {
    this.listening = false;
    this.client = null;
    this.emit(null);
    c?.end().catch(() => undefined);
  }
}

/**
 * Values kept by one process for at most `maxAgeMs`, dropped as soon as their topic is signalled (or signals are
 * lost), and kept only while signals are heard. A value read while a change was signalled is not kept (the read may
 * have seen the state before that change): the generation taken before the read must still be current after it.
 * Kept values are shared by concurrent requests, so callers must not change them.
 */
export class SignalledCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private generation = 0;

  constructor(
    private readonly signals: ChangeSignals,
    topic: SignalTopic,
    private readonly maxAgeMs: number,
    private readonly maxEntries = 10_000,
  ) {
    signals.onChange((t) => {
      if (t !== null && t !== topic) return;
      this.generation++;
      this.entries.clear();
    });
  }

  /** Whether values may be kept at all now. */
  get active(): boolean {
    return this.maxAgeMs > 0 && this.signals.usable;
  }

  /** The kept value of `key`, if any and young enough. */
  peek(key: string): V | undefined {
    if (!this.active) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at < this.maxAgeMs) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * Runs `read` for values that may then be kept. Outside a transaction (`m` is the data source's manager) and while
   * keeping is on, it reads on the primary (a replica may not have replayed a change just signalled) and returns
   * `keep`, which keeps a value only if no change was signalled since the read began; otherwise it reads through `m`
   * (a transaction reads what it may itself have changed) and `keep` is null.
   */
  async read<T>(
    ds: DataSource,
    m: EntityManager,
    read: (m: EntityManager) => Promise<T>,
  ): Promise<{ value: T; keep: ((key: string, value: V) => void) | null }> {
    if (m !== ds.manager || !this.active) return { value: await read(m), keep: null };
    const generation = this.generation;
    const at = Date.now();
    const runner = ds.createQueryRunner('master');
    try {
      const value = await read(runner.manager);
      return { value, keep: (key, kept) => this.keep(generation, at, key, kept) };
    } finally {
      await runner.release();
    }
  }

  private keep(generation: number, at: number, key: string, value: V): void {
    if (!this.active || generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, at });
  }
}
