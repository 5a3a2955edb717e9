import { Module } from '@nestjs/common';
import { DuesModule } from '../dues/dues.module';
import { InspectionModule } from '../inspection/inspection.module';
import { MeetingModule } from '../meeting/meeting.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyModule } from '../policy/policy.module';
import { DASHBOARD_PROVIDERS } from './dashboard.providers';
import { DashboardService } from './dashboard.service';

/**
 * The dashboard and the alert list of an organisation's subtree on a date. Reads every area; exports the alerts of
 * a subtree (DashboardService.subtreeAlerts) for the notice job's reminders.
 */
@Module({
  imports: [OrganisationModule, PolicyModule, MeetingModule, InspectionModule, DuesModule],
  providers: DASHBOARD_PROVIDERS,
  exports: [DashboardService],
})
export class DashboardModule {}
