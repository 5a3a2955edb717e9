import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { SYSTEM_ACTOR } from './common/auth/actor';
import { CommonModule } from './common/common.module';
import { GraphqlModule } from './common/graphql/graphql.module';
import { API_ROOT, type AppConfig } from './config/app-config';
import { AuthModule } from './modules/auth/auth.module';
import { CandidateModule } from './modules/candidate/candidate.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { EventsModule } from './modules/events/events.module';
import { InspectionModule } from './modules/inspection/inspection.module';
import { MeetingModule } from './modules/meeting/meeting.module';
import { MemberModule } from './modules/member/member.module';
import { NoticeModule } from './modules/notice/notice.module';
import { OrganisationModule } from './modules/organisation/organisation.module';
import { SearchModule } from './modules/search/search.module';
import { PolicyModule } from './modules/policy/policy.module';
import { RatingModule } from './modules/rating/rating.module';
import { DuesModule } from './modules/dues/dues.module';
import { WebhookModule } from './modules/webhook/webhook.module';

export const SCHEMA_FILE = join(API_ROOT, 'schema.gql');

/**
 * The whole API: one module per noun (docs/architecture.md#modules). Each module lists its providers and exports
 * only what other modules may use; a provider belongs in its module's file, not here. `databaseUrl` is already
 * resolved (embedded server started) by the caller.
 */
@Module({})
export class AppModule {
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    const auth = AuthModule.with(config);
    return {
      module: AppModule,
      imports: [
        CommonModule.with(config, databaseUrl),
        GraphqlModule.with(config, [auth]),
        auth,
        PolicyModule,
        OrganisationModule,
        MemberModule,
        CandidateModule,
        MeetingModule,
        InspectionModule,
        RatingModule,
        DuesModule,
        DashboardModule,
        EventsModule,
        SearchModule,
        WebhookModule.with(auth),
        NoticeModule,
      ],
    };
  }
}

export { SYSTEM_ACTOR };
