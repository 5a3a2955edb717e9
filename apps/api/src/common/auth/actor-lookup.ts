import type { Actor } from './actor';

/**
 * Who is calling, from the Authorization header: the request pipeline's view of the auth module. The guard and the
 * query-limits plugin (common) depend on this abstraction; AuthModule provides it (`useExisting: AuthService`), so
 * common never imports a feature module.
 */
export abstract class ActorLookup {
  /** The caller of a `Bearer <access token | API token>` header; null without a header; UNAUTHENTICATED when invalid. */
  abstract actorFromHeader(header: string | undefined): Promise<Actor | null>;
  /**
   * The current scope of a user or API token by id (no credential): null when it no longer exists, is disabled,
   * revoked or expired. For work done later on someone's behalf (webhook deliveries are bounded by their creator's scope).
   */
  abstract actorOf(kind: 'USER' | 'API_TOKEN', id: string): Promise<Actor | null>;
}
