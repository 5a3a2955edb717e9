import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './common/audit/audit.service';
import { AuditChainService } from './common/audit/audit-chain.service';
import { AuditChainResolver } from './modules/auth/audit-chain.resolver';
import { AuthGuard } from './common/auth/auth.guard';
import { SYSTEM_ACTOR } from './common/auth/actor';
import { formatError, GraphQLErrorFilter } from './common/graphql/errors';
import { Loaders } from './common/graphql/loaders';
import { MAX_TOKENS, QueryLimitsPlugin } from './common/graphql/query-limits';
import { AvailabilityPlugin } from './common/graphql/availability';
import { RateLimits } from './common/graphql/rate-limits';
import { RequestLogPlugin } from './common/logging';
import type { RequestContext, RequestLike } from './common/graphql/request-context';
import { DateScalar, JsonScalar } from './common/graphql/scalars';
import { InputValidationPipe } from './common/graphql/validation.pipe';
import { API_ROOT, APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { AdminService } from './modules/auth/admin.service';
import { AuthResolver } from './modules/auth/auth.resolver';
import { AuthService, resolveJwtSecret } from './modules/auth/auth.service';
import { CommitteeSeatResolver, MemberResolver } from './modules/member/member.resolver';
import { MemberService } from './modules/member/member.service';
import { MemberImportService } from './modules/member/member-import.service';
import { AdmissionResolver } from './modules/member/admission.resolver';
import { AdmissionService } from './modules/member/admission.service';
import { OrganisationImportService } from './modules/organisation/organisation-import.service';
import { CandidateResolver } from './modules/candidate/candidate.resolver';
import { CandidateService } from './modules/candidate/candidate.service';
import { ComplianceService } from './modules/meeting/compliance.service';
import { MeetingResolver } from './modules/meeting/meeting.resolver';
import { MeetingService } from './modules/meeting/meeting.service';
import { MeetingDocumentService } from './modules/meeting/meeting-document.service';
import { VisitResolver } from './modules/meeting/visit.resolver';
import { VisitService } from './modules/meeting/visit.service';
import { DASHBOARD_PROVIDERS } from './modules/dashboard/dashboard.providers';
import { InspectionTargetService } from './modules/inspection/inspection-target.service';
import {
  InspectionPlanResolver, InspectionResolver, InspectionSubjectResolver, InspectionTargetResolver, SupervisionCoverageResolver,
} from './modules/inspection/inspection.resolver';
import { InspectionService } from './modules/inspection/inspection.service';
import { OrganisationResolver } from './modules/organisation/organisation.resolver';
import { OrganisationService } from './modules/organisation/organisation.service';
import { PolicyResolver } from './modules/policy/policy.resolver';
import { PolicyService } from './modules/policy/policy.service';
import { RatingResolver } from './modules/rating/rating.resolver';
import { RatingPendingSubjectScopeResolver, RatingRoundScopeResolver, RatingScopeResolver } from './modules/rating/rating-scope.resolver';
import { RatingService } from './modules/rating/rating.service';

export const SCHEMA_FILE = join(API_ROOT, 'schema.gql');

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The whole API. `databaseUrl` is already resolved (embedded server started) by the caller. */
@Module({})
export class AppModule {
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config)),
        JwtModule.register({ secret: resolveJwtSecret(config), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
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
          includeStacktraceInErrorResponses: config.nodeEnv === 'development',
          formatError: formatError(config.nodeEnv !== 'development'),
          context: (req: RequestLike): Partial<RequestContext> => {
            const ctx: Partial<RequestContext> = { req, requestId: (req.id as string | undefined) ?? randomUUID() };
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
        AuditService,
        AuditChainService,
        AuditChainResolver,
        AuthService,
        AdminService,
        AuthResolver,
        PolicyService,
        PolicyResolver,
        OrganisationService,
        OrganisationResolver,
        MemberService,
        MemberResolver,
        CommitteeSeatResolver,
        MemberImportService,
        AdmissionService,
        AdmissionResolver,
        OrganisationImportService,
        CandidateService,
        CandidateResolver,
        MeetingService,
        MeetingDocumentService,
        ComplianceService,
        MeetingResolver,
        VisitService,
        VisitResolver,
        ...DASHBOARD_PROVIDERS,
        InspectionService,
        InspectionTargetService,
        InspectionResolver,
        InspectionSubjectResolver,
        InspectionPlanResolver,
        InspectionTargetResolver,
        SupervisionCoverageResolver,
        RatingService,
        RatingResolver,
        RatingScopeResolver,
        RatingRoundScopeResolver,
        RatingPendingSubjectScopeResolver,
      ],
    };
  }
}

export { SYSTEM_ACTOR };
