import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@chibo/domain';
import type { RequestContext } from '../graphql/request-context';
import { ActorLookup } from './actor-lookup';
import { ADMIN_ONLY, IS_PUBLIC } from './decorators';

/** Global guard, deny by default: every operation needs a signed-in user or an API token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: ActorLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const ctx = GqlExecutionContext.create(context).getContext<
      RequestContext & { actorPromise?: Promise<RequestContext['actor'] | null> }
    >();
    const header = ctx.req?.headers?.authorization;
    if (!ctx.actorPromise) {
      ctx.actorPromise = this.auth.actorFromHeader(Array.isArray(header) ? header[0] : header);
      // Public operations (signIn) never await it: a bad header must not become an unhandled rejection, which
      // would end the process. Awaiting it below still throws for everything else.
      ctx.actorPromise.catch(() => undefined);
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const actor = await ctx.actorPromise;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in, or send an API token');
    ctx.actor = actor;
    ctx.loaders?.setActor(actor);
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !actor.isAdmin) {
      throw new DomainError('FORBIDDEN', 'Only system administrators may do this');
    }
    return true;
  }
}
