import type { RequestContext } from '../../common/graphql/request-context';
import type { Organisation } from './organisation.model';
import type { OrganisationService } from './organisation.service';

/** Organisations by id on a date, scoped to the caller: one loader per request and date, shared by every resolver. */
export const orgByIdLoader = (ctx: RequestContext, orgs: OrganisationService, asOf: string) =>
  ctx.loaders.for(
    'orgById',
    asOf,
    async (ids: readonly string[], d, actor) =>
      new Map((await orgs.findVisible(actor, ids, d)).map((o) => [o.id, o] as const)),
    null as Organisation | null,
  );

/**
 * Organisations by id, each as of its own date (keys `${id}|${date}`): one loader per request whatever the dates,
 * so a list whose rows carry different dates (meetings) costs one statement, not one per date.
 */
export const orgByIdAtLoader = (ctx: RequestContext, orgs: OrganisationService) =>
  ctx.loaders.for(
    'orgByIdAt',
    'pairs',
    (keys: readonly string[], _d, actor) => orgs.findVisibleAt(actor, keys.map(splitKey)),
    null as Organisation | null,
  );

/** `${id}|${date}` → its parts. */
export const splitKey = (key: string): { id: string; asOf: string } => {
  const i = key.lastIndexOf('|');
  return { id: key.slice(0, i), asOf: key.slice(i + 1) };
};
