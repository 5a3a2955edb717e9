import { Module } from '@nestjs/common';
import { InspectionModule } from '../inspection/inspection.module';
import { MeetingModule } from '../meeting/meeting.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyModule } from '../policy/policy.module';
import { DASHBOARD_PROVIDERS } from './dashboard.providers';

/** The dashboard and the alert list of an organisation's subtree on a date. Reads every area; exports nothing. */
@Module({
  imports: [OrganisationModule, PolicyModule, MeetingModule, InspectionModule],
  providers: DASHBOARD_PROVIDERS,
})
export class DashboardModule {}
