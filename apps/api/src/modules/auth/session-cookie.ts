import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { CookieOptions, RequestContext, RequestLike } from '../../common/graphql/request-context';

/** The refresh token's cookie, sent only to the GraphQL endpoint (refreshSession and signOut read it there). */
export const REFRESH_COOKIE = 'chibo_refresh';
export const REFRESH_COOKIE_PATH = '/graphql';

const header = (req: RequestLike, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * A browser's request: browsers send Origin with every POST and Sec-Fetch-Site with every fetch, and a script in a
 * page can neither remove nor set them (forbidden header names). Such callers get the refresh token only as the
 * HttpOnly cookie, never in the body, so a script injected into the page cannot read it. Programs (curl, Node's
 * fetch, which sends only Sec-Fetch-Mode) send neither and still get the token in the body.
 */
export const isBrowserRequest = (req: RequestLike): boolean =>
  Boolean(header(req, 'origin') || header(req, 'sec-fetch-site'));

/** Sets, reads and clears the HttpOnly refresh-token cookie (SameSite=Strict, Path=/graphql). */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private options(req: RequestLike): CookieOptions {
    const secure = this.config.cookieSecure === 'auto' ? req.protocol === 'https' : this.config.cookieSecure;
    return { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH };
  }

  set(ctx: RequestContext, refreshToken: string): void {
    ctx.reply?.setCookie(REFRESH_COOKIE, refreshToken, {
      ...this.options(ctx.req),
      maxAge: this.config.refreshTokenTtlDays * 86400,
    });
  }

  read(ctx: RequestContext): string | null {
    return ctx.req.cookies?.[REFRESH_COOKIE] || null;
  }

  clear(ctx: RequestContext): void {
    ctx.reply?.clearCookie(REFRESH_COOKIE, this.options(ctx.req));
  }
}
