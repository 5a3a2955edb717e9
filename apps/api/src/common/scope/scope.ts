import type { EntityManager } from 'typeorm';
import { DomainError } from '@chibo/domain';
import type { Actor } from '../auth/actor';
import { inSubtree, Params, validAt } from '../../database/sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients: one that is not a UUID is answered like any id that does not exist. */
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);


/**
 * Access scope, as SQL. A caller sees an organisation when its path on the date lies under one of the caller's
 * read roots (or it is the caller's own cell, for a member). Rows outside are filtered in the query itself, so
 * "outside the scope" and "does not exist" give the same answer.
 */

/** SQL condition: organisation `orgIdExpr` is readable by the actor on date param `d` (single-row checks). */
export const orgVisibleSql = (actor: Actor, orgIdExpr: string, p: Params, d: string, write = false): string =>
  // Always mentions the date parameter, so callers may add it unconditionally.
  `(${d}::date IS NOT NULL AND ${orgVisibleCondition(actor, orgIdExpr, p, d, write)})`;

const orgVisibleCondition = (actor: Actor, orgIdExpr: string, p: Params, d: string, write: boolean): string => {
  if (actor.isAdmin) return 'TRUE';
  const roots = write ? actor.writeRoots : actor.readRoots;
  const parts: string[] = [];
  if (roots.length > 0) {
    const path = `placement_path_at(${orgIdExpr}, ${d}::date)`;
    parts.push(`EXISTS (SELECT 1 FROM unnest(${p.add(roots)}::uuid[]) AS sr(id)
      CROSS JOIN LATERAL (SELECT placement_path_at(sr.id, ${d}::date) AS path) rp
      WHERE ${path} >= rp.path AND ${path} < left(rp.path, -1) || '0')`);
  }
  if (!write && actor.ownCellIds.length > 0) parts.push(`${orgIdExpr} = ANY(${p.add(actor.ownCellIds)}::uuid[])`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
};

/**
 * The subtree roots a list query walks on date `d`: the organisation asked for (after a visibility check) or,
 * without one, the caller's own roots. Returns null for "everything" (an administrator with no filter).
 */
export const listRoots = async (m: EntityManager, actor: Actor, underId: string | null | undefined, d: string, write = false): Promise<string[] | null> => {
  if (underId) {
    await assertOrgVisible(m, actor, underId, d, write);
    return [underId];
  }
  if (actor.isAdmin) return null;
  return write ? actor.writeRoots : actor.readRoots;
};

/** SQL condition: placement alias `pl` (valid on `d`) lies under one of `roots` (null = anywhere). */
export const underRootsSql = (pl: string, roots: string[] | null, p: Params, d: string): string => {
  if (roots === null) return 'TRUE';
  if (roots.length === 0) return 'FALSE';
  return `EXISTS (SELECT 1 FROM organisation_placement rp
    WHERE rp.organisation_id = ANY(${p.add(roots)}::uuid[]) AND ${validAt('rp', d)} AND ${inSubtree(pl, 'rp.path')})`;
};

export const assertOrgVisible = async (m: EntityManager, actor: Actor, orgId: string, d: string, write = false): Promise<void> => {
  if (!isUuid(orgId)) throw new DomainError('NOT_FOUND', 'Organisation not found', 'id');
  const p = new Params();
  const id = p.add(orgId);
  const date = p.add(d);
  const rows = await m.query(`SELECT 1 FROM organisation o WHERE o.id = ${id}::uuid AND ${orgVisibleSql(actor, 'o.id', p, date, write)}`, p.values);
  if (rows.length === 0) {
    // Readable but not writable is FORBIDDEN; unreadable is NOT_FOUND, exactly like a missing row.
    if (write && (await isReadable(m, actor, orgId, d))) throw new DomainError('FORBIDDEN', 'You may read this organisation but not change it');
    throw new DomainError('NOT_FOUND', 'Organisation not found', 'id');
  }
};

const isReadable = async (m: EntityManager, actor: Actor, orgId: string, d: string): Promise<boolean> => {
  const p = new Params();
  const id = p.add(orgId);
  const date = p.add(d);
  const rows = await m.query(`SELECT 1 FROM organisation o WHERE o.id = ${id}::uuid AND ${orgVisibleSql(actor, 'o.id', p, date)}`, p.values);
  return rows.length > 0;
};
