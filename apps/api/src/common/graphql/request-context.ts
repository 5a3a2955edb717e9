import type { Actor } from '../auth/actor';
import type { Loaders } from './loaders';

export type RequestLike = { headers: Record<string, string | string[] | undefined>; ip?: string; id?: string };

/** Per-request context: the caller (set by the auth guard), per-request DataLoaders, a request id for the audit log. */
export type RequestContext = {
  req: RequestLike;
  requestId: string;
  actor: Actor;
  loaders: Loaders;
};
