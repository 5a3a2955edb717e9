import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/request-context';

export const IS_PUBLIC = 'chibo:public';
export const ADMIN_ONLY = 'chibo:admin-only';

/** The operation needs no sign-in (sign-in and refresh only). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** The operation is for system administrators only. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const gql = GqlExecutionContext.create(ctx).getContext<RequestContext>();
  return gql.actor;
});

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  GqlExecutionContext.create(ctx).getContext<RequestContext>(),
);
