// Reading the audit log (AuditService writes it): the administrators' list, filtered and keyset-paged, newest first.
import type { EntityManager } from 'typeorm';
import {
  countAndPage,
  keysetAfterSql,
  keysetColumns,
  keysetRows,
  type KeysetKey,
  type KeysetPage,
} from '../graphql/pagination';
import { isUuid } from '../scope/scope';
import { Params } from '../../database/sql';

/** The audit log's order (newest first), for keyset paging. */
// Qualified: the SELECT also has an output column "id" (id::text), which a bare ORDER BY id would sort as text.
export const AUDIT_KEYS: KeysetKey[] = [{ expr: 'audit_log.id', cast: 'bigint', desc: true }];

export type AuditLogFilter = { entityType?: string; entityId?: string; operation?: string; actorId?: string };

/**
 * One page of the audit log matching the filter (every given field equal; an actor id that is not a UUID matches
 * everything, as before): the total, the rows (id as text, the entry's columns) and the next cursor. Two statements.
 */
export const auditLogPage = async (
  q: Pick<EntityManager, 'query'>,
  filter: AuditLogFilter | undefined,
  page: KeysetPage,
): Promise<{ total: number; rows: Record<string, unknown>[]; nextCursor: string | null }> => {
  const p = new Params();
  const where = ['TRUE'];
  if (filter?.entityType) where.push(`entity_type = ${p.add(filter.entityType)}`);
  if (filter?.entityId) where.push(`entity_id = ${p.add(filter.entityId)}`);
  if (filter?.operation) where.push(`operation = ${p.add(filter.operation)}`);
  if (filter?.actorId && isUuid(filter.actorId)) where.push(`actor_id = ${p.add(filter.actorId)}::uuid`);
  const sql = `FROM audit_log WHERE ${where.join(' AND ')}`;
  const { total, rows: read } = await countAndPage(
    q,
    sql,
    `SELECT id::text, at, actor_type AS "actorType", actor_id AS "actorId", actor_name AS "actorName", operation, entity_type AS "entityType",
            entity_id AS "entityId", before, after, request_id AS "requestId", ${keysetColumns(AUDIT_KEYS)}
       ${sql} AND ${keysetAfterSql(AUDIT_KEYS, page.after, p)} ORDER BY audit_log.id DESC OFFSET ${p.add(page.offset)} LIMIT ${p.add(page.limit + 1)}`,
    p.values,
  );
  const { rows, nextCursor } = keysetRows(read as Record<string, unknown>[], page.limit, 'auditLog', AUDIT_KEYS);
  return { total, rows, nextCursor };
};
