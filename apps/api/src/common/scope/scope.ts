import { DomainError } from '@chibo/domain';
import type { Actor } from '../auth/actor';
import { inSubtree, Params, validAt } from '../../database/sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What reads the tree for a scope check or a list's scope: an EntityManager (a transaction's, or the data source's), or the process's
 * kept tree reads (`KeptTreeReads`), which keep the answer until the tree changes.
 */
export type TreeQuery = { query: (sql: string, params?: unknown[]) => Promise<any> };

/** Ids come from clients: one that is not a UUID is answered like any id that does not exist. */
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/**
 * Access scope, as SQL. A caller sees an organisation when its path on the date lies under one of the caller's
 * read roots (or it is the caller's own cell, for a member). Rows outside are filtered in the query itself, so
 * "outside the scope" and "does not exist" give the same answer.
 */

/** SQL condition: organisation `orgIdExpr` is readable by the actor on date param `d` (single-row checks). */
export const orgVisibleSql = (
  actor: Actor,
  orgIdExpr: string,
  p: Params,
  d: string,
  write = false,
  /** The organisation's path on `d` when the query has it already (`placement_path_at(orgIdExpr, d)`). */
  pathExpr?: string,
): string =>
  // Always mentions the date parameter, so callers may add it unconditionally.
  `(${d}::date IS NOT NULL AND ${orgVisibleCondition(actor, orgIdExpr, p, d, write, pathExpr)})`;

const orgVisibleCondition = (
  actor: Actor,
  orgIdExpr: string,
  p: Params,
  d: string,
  write: boolean,
  pathExpr: string | undefined,
): string => {
  if (actor.isAdmin) return 'TRUE';
  const roots = write ? actor.writeRoots : actor.readRoots;
  const parts: string[] = [];
  if (roots.length > 0) {
    const path = pathExpr ?? `placement_path_at(${orgIdExpr}, ${d}::date)`;
    parts.push(`EXISTS (SELECT 1 FROM unnest(${p.add(roots)}::uuid[]) AS sr(id)
      CROSS JOIN LATERAL (SELECT placement_path_at(sr.id, ${d}::date) AS path) rp
      WHERE ${path} >= rp.path AND ${path} < left(rp.path, -1) || '0')`);
  }
  if (!write && actor.ownCellIds.length > 0) parts.push(`${orgIdExpr} = ANY(${p.add(actor.ownCellIds)}::uuid[])`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
};

/** SQL condition: placement alias `pl` (valid on `d`) lies under one of `roots` (null = anywhere). */
export const underRootsSql = (pl: string, roots: string[] | null, p: Params, d: string): string => {
  if (roots === null) return 'TRUE';
  if (roots.length === 0) return 'FALSE';
  return `EXISTS (SELECT 1 FROM organisation_placement rp
    WHERE rp.organisation_id = ANY(${p.add(roots)}::uuid[]) AND ${validAt('rp', d)} AND ${inSubtree(pl, 'rp.path')})`;
};

/**
 * SQL condition: organisation `orgIdExpr` is readable by the actor on date param `d`, the same answer as
 * orgVisibleSql, for a list that tests many rows against one date: the readable organisations are one uncorrelated
 * set (the placements under the roots' paths on `d` that are their organisation's path on `d`), which PostgreSQL
 * builds once per statement and probes per row, instead of resolving each row's path and each root's per row.
 */
export const orgVisibleSetSql = (actor: Actor, orgIdExpr: string, p: Params, d: string): string => {
  if (actor.isAdmin) return `(${d}::date IS NOT NULL)`;
  const parts: string[] = [];
  if (actor.readRoots.length > 0)
    parts.push(`${orgIdExpr} IN (SELECT x.organisation_id FROM unnest(${p.add(actor.readRoots)}::uuid[]) AS sr(id)
      CROSS JOIN LATERAL (SELECT placement_path_at(sr.id, ${d}::date) AS path) rp
      JOIN organisation_placement x ON ${inSubtree('x', 'rp.path')}
      WHERE x.path = placement_path_at(x.organisation_id, ${d}::date))`);
  if (actor.ownCellIds.length > 0) parts.push(`${orgIdExpr} = ANY(${p.add(actor.ownCellIds)}::uuid[])`);
  // mentions the date parameter always, as orgVisibleSql does
  return `(${d}::date IS NOT NULL AND ${parts.length ? `(${parts.join(' OR ')})` : 'FALSE'})`;
};

/** The organisations among `orgIds` the actor may read (with `write`: change) on `d`, in one statement. */
export const orgIdsVisibleTo = async (
  m: TreeQuery,
  actor: Actor,
  orgIds: readonly string[],
  d: string,
  write = false,
): Promise<Set<string>> => {
  const ids = [...new Set(orgIds.filter(isUuid))];
  if (!ids.length) return new Set();
  const p = new Params();
  const list = p.add(ids);
  const date = p.add(d);
  const rows: { id: string }[] = await m.query(
    `SELECT o.id FROM organisation o WHERE o.id = ANY(${list}::uuid[]) AND ${orgVisibleSql(actor, 'o.id', p, date, write)}`,
    p.values,
  );
  return new Set(rows.map((r) => r.id));
};

export const assertOrgVisible = async (
  m: TreeQuery,
  actor: Actor,
  orgId: string,
  d: string,
  write = false,
): Promise<void> => {
  if (!isUuid(orgId)) throw new DomainError('NOT_FOUND', 'Organisation not found', 'id');
  const p = new Params();
  const id = p.add(orgId);
  const date = p.add(d);
  const rows = await m.query(
    `SELECT 1 FROM organisation o WHERE o.id = ${id}::uuid AND ${orgVisibleSql(actor, 'o.id', p, date, write)}`,
    p.values,
  );
  if (rows.length === 0) {
    // Readable but not writable is FORBIDDEN; unreadable is NOT_FOUND, exactly like a missing row.
    if (write && (await isReadable(m, actor, orgId, d)))
      throw new DomainError('FORBIDDEN', 'You may read this organisation but not change it');
    throw new DomainError('NOT_FOUND', 'Organisation not found', 'id');
  }
};

const isReadable = async (m: TreeQuery, actor: Actor, orgId: string, d: string): Promise<boolean> => {
  const p = new Params();
  const id = p.add(orgId);
  const date = p.add(d);
  const rows = await m.query(
    `SELECT 1 FROM organisation o WHERE o.id = ${id}::uuid AND ${orgVisibleSql(actor, 'o.id', p, date)}`,
    p.values,
  );
  return rows.length > 0;
};

/**
 * A subtree as constants: the paths `p` with `lo <= p < hi` (the subtree of the organisation whose path is `lo`).
 * Lists resolve their roots to ranges once per request, so that the planner sees constants and walks the
 * `placement_path` index from them, instead of calling placement_path_at() for every candidate row. `small`
 * (listScope with an organisation): the subtree held at most SMALL_SUBTREE_MAX organisations on the list's date, so a
 * per-row test of its rows costs less than building one set of the caller's whole scope (orgVisibleSetSql).
 */
export type PathRange = { lo: string; hi: string; small?: boolean };

/** A subtree of at most this many organisations is small (PathRange). */
export const SMALL_SUBTREE_MAX = 1000;

/** The range of the subtree whose root has path `path` ('/' → '0': the character after '/' in byte order). */
export const subtreeRange = (path: string): PathRange => ({ lo: path, hi: `${path.slice(0, -1)}0` });

/** Drops ranges nested in another one and duplicates (a root inside another root adds nothing). */
const outermost = (ranges: PathRange[]): PathRange[] =>
  [...new Map(ranges.map((r) => [r.lo, r])).values()].filter(
    (r) => !ranges.some((o) => o.lo !== r.lo && r.lo.startsWith(o.lo)),
  );

/**
 * How a root's path on the date is found: `at` = placement_path_at() (a dissolved root keeps its last path, one not
 * yet established its first), `valid` = only the placement in force on the date (none: the root adds nothing).
 */
export type RootPathRule = 'at' | 'valid';

/** The paths of organisations `ids` on date `d`, in one statement, as subtree ranges. */
export const rootRanges = async (
  m: TreeQuery,
  ids: readonly string[],
  d: string,
  rule: RootPathRule = 'at',
): Promise<PathRange[]> => {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const rows: { path: string | null }[] =
    rule === 'at'
      ? await m.query(`SELECT placement_path_at(r.id, $2::date) AS path FROM unnest($1::uuid[]) AS r(id)`, [valid, d])
      : await m.query(
          `SELECT rp.path FROM organisation_placement rp WHERE rp.organisation_id = ANY($1::uuid[]) AND ${validAt('rp', '$2')}`,
          [valid, d],
        );
  return outermost(rows.filter((r): r is { path: string } => !!r.path).map((r) => subtreeRange(r.path)));
};

/**
 * The subtrees a list walks on date `d`, resolved once: null = everything (an administrator with no filter),
 * [] = nothing. With `underId`: that organisation's subtree, after the same visibility check as assertOrgVisible
 * (NOT_FOUND / FORBIDDEN alike) made in the same statement that reads its path. Without: the caller's own roots.
 * Same answers as a visibility check followed by a per-row root comparison, with one statement instead of one per row.
 */
export const listScope = async (
  m: TreeQuery,
  actor: Actor,
  underId: string | null | undefined,
  d: string,
  opts: { write?: boolean; rule?: RootPathRule } = {},
): Promise<PathRange[] | null> => {
  const write = opts.write ?? false;
  const rule = opts.rule ?? 'at';
  if (underId) {
    if (!isUuid(underId)) throw new DomainError('NOT_FOUND', 'Organisation not found', 'id');
    const p = new Params();
    const id = p.add(underId);
    const date = p.add(d);
    const path =
      rule === 'at'
        ? `placement_path_at(o.id, ${date}::date)`
        : `(SELECT rp.path FROM organisation_placement rp WHERE rp.organisation_id = o.id AND ${validAt('rp', date)})`;
    // size: the subtree's organisations on d, counted up to SMALL_SUBTREE_MAX + 1 (a range's `small`)
    const [row] = await m.query(
      `SELECT x.*, (SELECT count(*)::int FROM (SELECT 1 FROM organisation_placement c
                      WHERE ${inSubtree('c', 'x.path')} AND ${validAt('c', date)} LIMIT ${SMALL_SUBTREE_MAX + 1}) s) AS size
         FROM (SELECT ${path} AS path, ${orgVisibleSql(actor, 'o.id', p, date, write)} AS ok${write ? `, ${orgVisibleSql(actor, 'o.id', p, date)} AS readable` : ''}
                 FROM organisation o WHERE o.id = ${id}::uuid) x`,
      p.values,
    );
    if (!row?.ok) {
      if (write && row?.readable)
        throw new DomainError('FORBIDDEN', 'You may read this organisation but not change it');
      throw new DomainError('NOT_FOUND', 'Organisation not found', 'id');
    }
    return row.path ? [{ ...subtreeRange(row.path), small: row.size <= SMALL_SUBTREE_MAX }] : [];
  }
  if (actor.isAdmin) return null;
  return rootRanges(m, write ? actor.writeRoots : actor.readRoots, d, rule);
};

/** SQL condition: placement alias `pl` lies in one of `ranges` (null = anywhere); constants, so one index range each. */
export const inRangesSql = (pl: string, ranges: PathRange[] | null, p: Params): string => {
  if (ranges === null) return 'TRUE';
  if (ranges.length === 0) return 'FALSE';
  return `(${ranges.map((r) => `(${pl}.path >= ${p.add(r.lo)} AND ${pl}.path < ${p.add(r.hi)})`).join(' OR ')})`;
};
