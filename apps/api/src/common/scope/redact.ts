import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { RequestContext } from '../graphql/request-context';
import { isUuid, orgIdsVisibleTo, type TreeQuery } from './scope';

/**
 * Ids of organisations a record points to (a parent, the body that decides, a quota group) are shown only when the
 * caller may read that organisation; otherwise they are null, so a record in scope does not leak ids from outside it.
 */

/** Of `ids`, those the actor may read on date `d` (one query for all). */
export const visibleOrgIds = async (
  m: TreeQuery,
  actor: Actor,
  ids: readonly (string | null)[],
  d: string,
): Promise<Set<string>> => {
  const valid = [...new Set(ids.filter((x): x is string => isUuid(x)))];
  if (actor.isAdmin || valid.length === 0) return new Set(valid);
  return orgIdsVisibleTo(m, actor, valid, d);
};

/** A per-request loader: may the caller read organisation `id` on date `d`? Batched per date (no query per row). */
export const orgVisibleLoader = (ctx: RequestContext, m: Pick<EntityManager, 'query'>, d: string) =>
  ctx.loaders.for<string, boolean>(
    'orgVisible',
    d,
    async (ids, asOf, actor) => {
      const visible = await visibleOrgIds(m, actor, ids, asOf);
      return new Map(ids.map((id) => [id, visible.has(id)]));
    },
    false,
  );

/** `id` when the caller may read it on `d`, else null. */
export const visibleOrgIdOrNull = async (
  ctx: RequestContext,
  m: Pick<EntityManager, 'query'>,
  id: string | null | undefined,
  d: string,
): Promise<string | null> => (id && (await orgVisibleLoader(ctx, m, d).load(id)) ? id : null);
