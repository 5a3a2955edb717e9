import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, Ctx, CurrentActor, Public } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import type { RequestContext } from '../../common/graphql/request-context';
import { PageInput } from '../../common/graphql/pagination';
import { AdminService } from './admin.service';
import {
  AddGrantInput,
  ApiToken,
  ApiTokenPage,
  AuditEntryPage,
  AuditFilter,
  AuthPayload,
  CreateApiTokenInput,
  CreatedApiToken,
  CreateUserInput,
  Grant,
  SignInInput,
  User,
  UserPage,
  Viewer,
} from './auth.model';
import { AuthService, type SessionTokens } from './auth.service';
import { isBrowserRequest, SessionCookie } from './session-cookie';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly admin: AdminService,
    private readonly cookie: SessionCookie,
  ) {}

  /** The new refresh token goes into the cookie, and into the body only for callers that are not browsers. */
  private async payload(ctx: RequestContext, tokens: SessionTokens): Promise<AuthPayload> {
    this.cookie.set(ctx, tokens.refreshToken);
    const actor = await this.auth.actorForUser(tokens.userId);
    return {
      ...tokens,
      refreshToken: isBrowserRequest(ctx.req) ? null : tokens.refreshToken,
      viewer: await this.viewerOf(actor),
    };
  }

  private async viewerOf(actor: Actor): Promise<Viewer> {
    let displayName = actor.name;
    if (actor.kind === 'USER' && actor.id) {
      displayName = (await this.auth.displayName(actor.id)) ?? actor.name;
    }
    return {
      id: actor.id ?? 'system',
      username: actor.name,
      displayName,
      isAdmin: actor.isAdmin,
      kind: actor.kind,
      grants: actor.grants,
    };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Sign in with username and password. Sets the refresh token as the HttpOnly cookie chibo_refresh (see AuthPayload.refreshToken). Repeated failures slow down and then lock the account for a while (RATE_LIMITED).',
  })
  async signIn(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: SignInInput,
  ): Promise<AuthPayload> {
    return this.payload(ctx, await this.auth.signIn(input.username, input.password));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token (the argument, else the chibo_refresh cookie) for a new access and refresh token; the old refresh token stops working, and presenting it again later ends the whole session.',
  })
  async refreshSession(
    @Ctx() ctx: RequestContext,
    @Args('refreshToken', {
      type: () => String,
      nullable: true,
      description: 'The refresh token; omitted: the one in the chibo_refresh cookie (browsers).',
    })
    refreshToken?: string | null,
  ): Promise<AuthPayload> {
    return this.payload(ctx, await this.auth.refresh(refreshToken || this.cookie.read(ctx) || ''));
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sign out: the session of the refresh token (the argument, else the chibo_refresh cookie) ends and the cookie is cleared.',
  })
  async signOut(
    @Ctx() ctx: RequestContext,
    @Args('refreshToken', {
      type: () => String,
      nullable: true,
      description: 'The refresh token; omitted: the one in the chibo_refresh cookie (browsers).',
    })
    refreshToken?: string | null,
  ): Promise<boolean> {
    const token = refreshToken || this.cookie.read(ctx);
    this.cookie.clear(ctx);
    return token ? this.auth.signOut(token) : true;
  }

  @Query(() => Viewer, { description: 'The caller and their grants.' })
  me(@CurrentActor() actor: Actor): Promise<Viewer> {
    return this.viewerOf(actor);
  }

  @AdminOnly()
  @Query(() => UserPage, { description: 'User accounts (administrators).' })
  users(
    @CurrentActor() actor: Actor,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.admin.userPage(actor, page);
  }

  @AdminOnly()
  @Mutation(() => User, { description: 'Create a user account (administrators).' })
  createUser(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: CreateUserInput,
  ): Promise<User> {
    return this.admin.createUser(ctx, input);
  }

  @AdminOnly()
  @Mutation(() => Boolean, { description: "Set a user's password and end their sessions (administrators)." })
  setUserPassword(
    @Ctx() ctx: RequestContext,
    @Args('userId', { type: () => ID, description: 'User.' }) userId: string,
    @Args('password', {
      description: 'New password (the same policy as createUser: 10+ characters, not common, not the username).',
    })
    password: string,
  ): Promise<boolean> {
    return this.admin.setPassword(ctx, userId, password);
  }

  @AdminOnly()
  @Mutation(() => Grant, { description: 'Give a user a grant (administrators).' })
  addGrant(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: AddGrantInput,
  ) {
    return this.admin.addGrant(ctx, input);
  }

  @AdminOnly()
  @Mutation(() => Boolean, { description: 'Remove a grant (administrators).' })
  removeGrant(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Grant.' }) id: string,
  ): Promise<boolean> {
    return this.admin.removeGrant(ctx, id);
  }

  @AdminOnly()
  @Query(() => ApiTokenPage, { description: 'API tokens (administrators); secrets are never shown.' })
  apiTokens(
    @CurrentActor() actor: Actor,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.admin.apiTokens(actor, page);
  }

  @AdminOnly()
  @Mutation(() => CreatedApiToken, {
    description: 'Create an API token for a subtree; the secret is returned this once and stored only as a hash.',
  })
  createApiToken(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The fields of the operation (see the input type).' }) input: CreateApiTokenInput,
  ) {
    return this.admin.createApiToken(ctx, input);
  }

  @AdminOnly()
  @Mutation(() => ApiToken, { description: 'Revoke an API token.' })
  revokeApiToken(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID, description: 'Token.' }) id: string) {
    return this.admin.revokeApiToken(ctx, id);
  }

  @AdminOnly()
  @Query(() => AuditEntryPage, { description: 'The audit log of every write, newest first (administrators).' })
  auditLog(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AuditFilter, nullable: true, description: 'Filter.' }) filter?: AuditFilter,
    @Args('page', { type: () => PageInput, nullable: true, description: 'Page.' }) page?: PageInput,
  ) {
    return this.admin.auditLog(actor, filter, page);
  }
}
