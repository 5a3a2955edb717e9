import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { EVENT_TYPES } from '../../common/audit/event-types';
import { visibleOrgIds } from '../../common/scope/redact';
import { listScope } from '../../common/scope/scope';
import { Params, today } from '../../database/sql';
import type { ChangeEvent, ChangePage } from './change-feed.model';

export const CHANGES_DEFAULT_LIMIT = 100;
export const CHANGES_MAX_LIMIT = 500;

type Position = { txid: string; id: string };

/** The cursor: the position (writing transaction id, event id) of the last event read, opaque to clients. */
export const encodeCursor = (p: Position): string => Buffer.from(`e1:${p.txid}:${p.id}`).toString('base64url');

export const decodeCursor = (s: string): Position => {
  const m = /^e1:(\d{1,20}):(\d{1,19})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw new DomainError('VALIDATION', 'Not a change-feed cursor: pass a cursor returned by `changes`', 'after');
  const [, txid = '', id = ''] = m; // both groups always take part in a match
  return { txid, id };
};

type Row = Omit<ChangeEvent, 'cursor'> & { txid: string };

/**
 * The change feed (docs/graphql.md#change-feed): events in commit order, by cursor, without gaps.
 *
 * Order: by (txid, id), the writing transaction's id then the event's. Events are returned only once every
 * transaction with a lower txid has ended: txid < pg_snapshot_xmin(pg_current_snapshot()), the oldest transaction
 * still running when the reader's statement starts. A transaction that started earlier (lower txid) but commits after
 * a later one is therefore never skipped: the later one's events wait until it has ended. Once returned, no event
 * can appear before the cursor any more (every lower txid has ended), so resuming from a cursor repeats nothing and
 * misses nothing. A long transaction holds the feed back for as long as it runs.
 *
 * Scope: events whose organisation's path (on the day of the write) lies in the caller's readable subtrees, like the
 * committee's lists (a member's own-cell access does not reach the feed); administrators also see events without an
 * organisation.
 */
@Injectable()
export class ChangeFeedService {
  constructor(private readonly ds: DataSource) {}

  async changes(
    actor: Actor,
    args: { after?: string | null; types?: string[] | null; organisationId?: string | null; limit?: number | null },
  ): Promise<ChangePage> {
    const limit = args.limit ?? CHANGES_DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > CHANGES_MAX_LIMIT) {
      throw new DomainError('VALIDATION', `limit must be 1 to ${CHANGES_MAX_LIMIT}`, 'limit');
    }
    const unknown = (args.types ?? []).filter((t) => !EVENT_TYPES[t]);
    if (unknown.length)
      throw new DomainError('VALIDATION', `Unknown event type(s): ${unknown.join(', ')}`, 'types', {
        known: Object.keys(EVENT_TYPES),
      });
    const after = args.after ? decodeCursor(args.after) : null;
    const d = today();
    const reader: Actor = { ...actor, ownCellIds: [] };
    const m = this.ds.manager;
    const ranges = await listScope(m, reader, args.organisationId ?? null, d);
    if (ranges !== null && ranges.length === 0) return { items: [], cursor: args.after ?? null, hasMore: false };
    const p = new Params();
    const where = [`e.txid < pg_snapshot_xmin(pg_current_snapshot())`];
    if (after) where.push(`(e.txid, e.id) > (${p.add(after.txid)}::xid8, ${p.add(after.id)}::bigint)`);
    if (args.types?.length) where.push(`e.type = ANY(${p.add(args.types)}::text[])`);
    if (ranges !== null) {
      where.push(
        `(${ranges.map((r) => `(e.organisation_path >= ${p.add(r.lo)} AND e.organisation_path < ${p.add(r.hi)})`).join(' OR ')})`,
      );
    }
    const rows: Row[] = await m.query(
      `SELECT e.id::text, e.txid::text, e.type, e.version, e.occurred_at AS "occurredAt", e.actor_type AS "actorType", e.actor_id AS "actorId",
              e.actor_name AS "actorName", e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.organisation_id AS "organisationId", e.payload
         FROM domain_event e WHERE ${where.join(' AND ')}
        ORDER BY e.txid, e.id LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    await this.redact(actor, page, d);
    const items = page.map(({ txid, ...e }) => ({ ...e, cursor: encodeCursor({ txid, id: e.id }) }));
    return { items, cursor: items.at(-1)?.cursor ?? args.after ?? null, hasMore };
  }

  /** Organisation ids in payloads that the caller may not read become null (one query for the page). */
  private async redact(actor: Actor, rows: Row[], d: string): Promise<void> {
    const keysOf = (r: Row) => EVENT_TYPES[r.type]?.orgKeys ?? [];
    const ids = rows
      .flatMap((r) => keysOf(r).map((k) => r.payload[k]))
      .filter((x): x is string => typeof x === 'string');
    if (!ids.length || actor.isAdmin) return;
    const visible = await visibleOrgIds(this.ds.manager, actor, ids, d);
    for (const r of rows) {
      for (const k of keysOf(r))
        if (typeof r.payload[k] === 'string' && !visible.has(r.payload[k] as string))
          r.payload = { ...r.payload, [k]: null };
    }
  }
}
