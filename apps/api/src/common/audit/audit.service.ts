import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';

/** The caller of a write: who (for scope and the audit log) and which request (to correlate entries). */
export type Caller = { actor: Actor; requestId: string };

export type AuditEntry = {
  operation: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Every write records who, when, what and the before/after state, inside the write's own transaction. */
@Injectable()
export class AuditService {
  async record(m: EntityManager, caller: Caller, entry: AuditEntry): Promise<void> {
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
  }
}
