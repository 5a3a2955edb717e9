import type { Actor } from './actor';

/**
 * Who is calling, from the Authorization header: the request pipeline's view of the auth module. The guard and the
 * query-limits plugin (common) depend on this abstraction; AuthModule provides it (`useExisting: AuthService`), so
 * common never imports a feature module.
 */
export abstract class ActorLookup {
  /** The caller of a `Bearer <access token | API token>` header; null without a header; UNAUTHENTICATED when invalid. */
  abstract actorFromHeader(header: string | undefined): Promise<Actor | null>;
}
