import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { RatingModule } from '../rating/rating.module';
import { NoticeGenerators } from './notice.generators';
import { NoticeJob } from './notice.job';
import { NoticeMailer } from './notice.mailer';
import { NoticeResolver } from './notice.resolver';
import { NoticeService } from './notice.service';

/**
 * In-app notices and reminders (docs/notices.md): each user's inbox, the job that fills it (meeting notices,
 * own-record notices from the domain-event outbox, reminders from the dashboard's alert rules) and the optional
 * e-mail delivery. Exports nothing: the CLI and tests reach NoticeJob through the application.
 */
@Module({
  imports: [DashboardModule, RatingModule],
  providers: [NoticeService, NoticeResolver, NoticeGenerators, NoticeMailer, NoticeJob],
  exports: [],
})
export class NoticeModule {}
