import type { RequestContext } from '../../common/graphql/request-context';
import type { Organisation } from './organisation.model';
import type { OrganisationService } from './organisation.service';

/** Organisations by id on a date, scoped to the caller: one loader per request and date, shared by every resolver. */
export const orgByIdLoader = (ctx: RequestContext, orgs: OrganisationService, asOf: string) =>
  ctx.loaders.for(
    'orgById',
    asOf,
    async (ids: readonly string[], d, actor) => new Map((await orgs.findVisible(actor, ids, d)).map((o) => [o.id, o] as const)),
    null as Organisation | null,
  );
