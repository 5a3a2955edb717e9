import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { today } from '../../database/sql';
import { eventOf, systemEventOf, type SystemEventType } from './event-types';

/** The caller of a write: who (for scope and the audit log) and which request (to correlate entries). */
export type Caller = { actor: Actor; requestId: string };

export type AuditEntry = {
  operation: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The organisation the write belongs to, for its domain event's scope (event-types.ts, `org: 'given'`): a meeting's
   * cell, a member's cell, a rating's organisation… Several: the deepest organisation containing all of them.
   * null: no organisation (only administrators see the event). Required for an operation whose event needs it.
   */
  organisationId?: string | string[] | null;
};

type Querier = Pick<EntityManager, 'query'>;

/**
 * Records an audited write, in the writing transaction: the audit row, and its domain event when the operation has
 * one (common/audit/event-types.ts; docs/graphql.md#change-feed). Nothing is sent from here: readers follow the
 * event table by cursor once the transaction has committed.
 */
export const recordAudit = async (m: Querier, caller: Caller, entry: AuditEntry): Promise<void> => {
  await m.query(
    `INSERT INTO audit_log (actor_type, actor_id, actor_name, operation, entity_type, entity_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      caller.actor.kind,
      caller.actor.id,
      caller.actor.name,
      entry.operation,
      entry.entityType,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      caller.requestId,
    ],
  );
  await appendEvent(m, caller, entry);
};

/**
 * recordAudit for many writes at once, each with one organisation (or none) for its event's scope: the audit rows,
 * then the domain events of those that have one, each in the given order (two statements).
 */
export const recordAudits = async (
  m: Querier,
  caller: Caller,
  entries: (AuditEntry & { organisationId?: string | null })[],
): Promise<void> => {
  if (!entries.length) return;
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await m.query(
    `INSERT INTO audit_log (actor_type, actor_id, actor_name, operation, entity_type, entity_id, before, after, request_id)
     SELECT $1, $2, $3, u.operation, u.entity_type, u.entity_id, u.before::jsonb, u.after::jsonb, $4
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS u(operation, entity_type, entity_id, before, after, n)
      ORDER BY u.n`,
    [
      caller.actor.kind,
      caller.actor.id,
      caller.actor.name,
      caller.requestId,
      entries.map((e) => e.operation),
      entries.map((e) => e.entityType),
      entries.map((e) => e.entityId),
      entries.map((e) => json(e.before)),
      entries.map((e) => json(e.after)),
    ],
  );
  const events = entries.flatMap((entry) => {
    const event = eventOf(entry);
    if (!event) return [];
    const org = event.org === 'subject' ? entry.entityId : entry.organisationId;
    if (org === undefined)
      throw new Error(`${entry.operation}: its event ${event.type} needs AuditEntry.organisationId`);
    return [{ ...event, subjectType: entry.entityType, subjectId: entry.entityId, org }];
  });
  if (!events.length) return;
  await m.query(
    `INSERT INTO domain_event (type, version, actor_type, actor_id, actor_name, subject_type, subject_id, organisation_id, organisation_path, payload, request_id)
     SELECT u.type, u.version, $1, $2::uuid, $3, u.subject_type, u.subject_id, u.org, placement_path_at(u.org, $4::date), u.payload::jsonb, $5
       FROM unnest($6::text[], $7::int[], $8::text[], $9::text[], $10::uuid[], $11::text[]) WITH ORDINALITY AS u(type, version, subject_type, subject_id, org, payload, n)
      ORDER BY u.n`,
    [
      caller.actor.kind,
      caller.actor.id,
      caller.actor.name,
      today(),
      caller.requestId,
      events.map((e) => e.type),
      events.map((e) => e.version),
      events.map((e) => e.subjectType),
      events.map((e) => e.subjectId),
      events.map((e) => e.org),
      events.map((e) => JSON.stringify(e.payload)),
    ],
  );
};

/**
 * Records many audited writes of one operation in one statement (an import's rows: one audit row each, in the
 * import's transaction). These operations have no domain event of their own: the import's own entry (recordImport)
 * makes the import.finished event.
 */
export const recordAuditRows = async (
  m: Querier,
  caller: Caller,
  operation: string,
  entityType: string,
  rows: { entityId: string; after: unknown }[],
): Promise<void> => {
  if (!rows.length) return;
  if (eventOf({ operation, entityType, entityId: null }))
    throw new Error(`${operation} has a domain event: record it with recordAudit`);
  await recordAudits(
    m,
    caller,
    rows.map((r) => ({ operation, entityType, entityId: r.entityId, after: r.after })),
  );
};

/** The domain event of an audited write (none when its operation has none), in the same transaction. */
const appendEvent = async (m: Querier, caller: Caller, entry: AuditEntry): Promise<void> => {
  const event = eventOf(entry);
  if (!event) return;
  const given = event.org === 'subject' ? entry.entityId : entry.organisationId;
  // A programming error, caught by the write path's tests: an event without a scope would reach administrators only.
  if (given === undefined)
    throw new Error(`${entry.operation}: its event ${event.type} needs AuditEntry.organisationId`);
  const d = today();
  const ids = [...new Set(given === null ? [] : Array.isArray(given) ? given : [given])];
  let orgId: string | null = ids.length === 1 ? (ids[0] ?? null) : null;
  let path: string | null = null;
  if (ids.length > 1) {
    const rows: { path: string | null }[] = await m.query(
      `SELECT placement_path_at(x.id, $2::date) AS path FROM unnest($1::uuid[]) AS x(id)`,
      [ids, d],
    );
    const paths = rows.map((r) => r.path).filter((p): p is string => !!p);
    if (paths.length) {
      // The deepest common ancestor: the longest common run of path segments ('/a/b/' → ['a','b']).
      const [firstSegs = [], ...otherSegs] = paths.map((p) => p.split('/').filter(Boolean));
      const common: string[] = [];
      for (const [i, seg] of firstSegs.entries()) {
        if (!otherSegs.every((s) => s[i] === seg)) break;
        common.push(seg);
      }
      const deepest = common.at(-1);
      if (deepest !== undefined) {
        orgId = deepest;
        path = `/${common.join('/')}/`;
      }
    }
  }
  // One organisation (the usual case): its path on the day is read by the INSERT itself (one statement per event).
  await m.query(
    `INSERT INTO domain_event (type, version, actor_type, actor_id, actor_name, subject_type, subject_id, organisation_id, organisation_path, payload, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid, CASE WHEN $12::boolean THEN placement_path_at($8::uuid, $13::date) ELSE $9::text END, $10, $11)`,
    [
      event.type,
      event.version,
      caller.actor.kind,
      caller.actor.id,
      caller.actor.name,
      entry.entityType,
      entry.entityId,
      orgId,
      path,
      JSON.stringify(event.payload),
      caller.requestId,
      ids.length === 1,
      d,
    ],
  );
};

/** One event of the notice job (event-types.ts SYSTEM_EVENT_TYPES). */
export type SystemEvent = {
  type: SystemEventType;
  subjectType: string;
  subjectId: string;
  organisationId: string | null;
  payload: Record<string, unknown>;
};

/** Events per INSERT statement. */
const SYSTEM_EVENT_CHUNK = 1000;

/**
 * Appends the notice job's events (what time makes happen: a meeting's publication, an alert raised or cleared), in
 * the caller's transaction, in the given order, each scoped by its organisation's path on `d` like a write's event.
 * Their payloads keep exactly the documented keys. One statement per SYSTEM_EVENT_CHUNK events.
 */
export const appendSystemEvents = async (
  m: Querier,
  caller: Caller,
  events: SystemEvent[],
  d: string,
): Promise<number> => {
  for (let i = 0; i < events.length; i += SYSTEM_EVENT_CHUNK) {
    const rows = events.slice(i, i + SYSTEM_EVENT_CHUNK).map((e, n) => {
      const doc = systemEventOf(e.type, e.payload);
      return {
        n,
        type: doc.type,
        version: doc.version,
        subject_type: e.subjectType,
        subject_id: e.subjectId,
        organisation_id: e.organisationId,
        payload: doc.payload,
      };
    });
    await m.query(
      `INSERT INTO domain_event (type, version, actor_type, actor_id, actor_name, subject_type, subject_id, organisation_id, organisation_path, payload, request_id)
       SELECT x.type, x.version, $2, $3::uuid, $4, x.subject_type, x.subject_id, x.organisation_id,
              CASE WHEN x.organisation_id IS NULL THEN NULL ELSE placement_path_at(x.organisation_id, $5::date) END, x.payload, $6
         FROM jsonb_to_recordset($1::jsonb) AS x(n int, type text, version int, subject_type text, subject_id text, organisation_id uuid, payload jsonb)
        ORDER BY x.n`,
      [JSON.stringify(rows), caller.actor.kind, caller.actor.id, caller.actor.name, d, caller.requestId],
    );
  }
  return events.length;
};

/** Every write records who, when, what and the before/after state, inside the write's own transaction, and its domain event. */
@Injectable()
export class AuditService {
  async record(m: EntityManager, caller: Caller, entry: AuditEntry): Promise<void> {
    await recordAudit(m, caller, entry);
  }
}
