import type { Actor } from '../auth/actor';
import type { Loaders } from './loaders';

export type RequestLike = {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  id?: string;
  /** 'http' or 'https' (Fastify: X-Forwarded-Proto is believed only with TRUST_PROXY). */
  protocol?: string;
  /** Parsed Cookie header (@fastify/cookie). */
  cookies?: Record<string, string | undefined>;
};

/** What a resolver may do to the HTTP answer: cookies (@fastify/cookie on the Fastify reply). */
export type CookieOptions = { httpOnly: boolean; secure: boolean; sameSite: 'strict'; path: string; maxAge?: number };
export type ReplyLike = {
  setCookie: (name: string, value: string, options: CookieOptions) => unknown;
  clearCookie: (name: string, options: CookieOptions) => unknown;
};

/** Per-request context: the caller (set by the auth guard), per-request DataLoaders, a request id for the audit log. */
export type RequestContext = {
  req: RequestLike;
  /** The HTTP reply (absent outside an HTTP request). */
  reply?: ReplyLike;
  requestId: string;
  actor: Actor;
  loaders: Loaders;
};
