import { randomUUID } from 'node:crypto';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { AppConfig } from '../../config/app-config';
import { AuthGuard } from '../auth/auth.guard';
import { RequestLogPlugin } from '../logging';
import { AvailabilityPlugin } from './availability';
import { formatError, GraphQLErrorFilter } from './errors';
import { Loaders } from './loaders';
import { MAX_TOKENS, QueryLimitsPlugin } from './query-limits';
import { RateLimits } from './rate-limits';
import type { ReplyLike, RequestContext, RequestLike } from './request-context';
import { DateScalar, JsonScalar } from './scalars';
import { InputValidationPipe } from './validation.pipe';

/**
 * The GraphQL plumbing: Apollo, the per-request context (request id, DataLoaders), the global guard (deny by
 * default), input validation, the error filter and the Apollo plugins (limits, availability, request log).
 * The guard and the limits plugin need `ActorLookup`: `imports` brings the module that provides it (AuthModule,
 * passed in by the app module, so that common never imports a feature module). Exports nothing.
 */
@Module({})
export class GraphqlModule {
  static with(config: AppConfig, imports: ModuleMetadata['imports']): DynamicModule {
    return {
      module: GraphqlModule,
      imports: [
        ...(imports ?? []),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          resolvers: { Date: DateScalar, JSON: JsonScalar },
          introspection: true,
          playground: false,
          // a JSON array of operations in one POST (the web app sends a screen's queries together); at most
          // GRAPHQL_BATCH_MAX of them, checked before parsing (main.ts)
          allowBatchedHttpRequests: true,
          // Token limit at parse time (graphql-js aborts); the other limits: QueryLimitsPlugin.
          parseOptions: { maxTokens: MAX_TOKENS },
          // Apollo's cache-control plugin (on by default) wraps every field's resolver to collect cache hints that
          // chibo never gives (its answers are per caller and never cacheable), and then only says `no-store`:
          // about 3% of the CPU of a list's request. Off, and `no-store` said here for every GraphQL answer.
          plugins: [
            ApolloServerPluginCacheControlDisabled(),
            {
              requestDidStart: async () => ({
                willSendResponse: async ({ response }) => void response.http.headers.set('cache-control', 'no-store'),
              }),
            },
          ],
          includeStacktraceInErrorResponses: config.nodeEnv === 'development',
          formatError: formatError(config.nodeEnv !== 'development'),
          // Fastify integration: (request, reply); the reply lets the session resolvers set the refresh cookie.
          context: (req: RequestLike, reply?: ReplyLike): Partial<RequestContext> => {
            const ctx: Partial<RequestContext> = {
              req,
              reply,
              requestId: (req.id as string | undefined) ?? randomUUID(),
            };
            ctx.loaders = new Loaders();
            return ctx;
          },
        }),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
        QueryLimitsPlugin,
        AvailabilityPlugin,
        RateLimits,
        RequestLogPlugin,
      ],
    };
  }
}
