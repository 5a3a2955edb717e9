import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { PolicyModule } from '../policy/policy.module';
import { ComplianceService } from './compliance.service';
import { MeetingDocumentService } from './meeting-document.service';
import { MeetingResolver } from './meeting.resolver';
import { MeetingImportService } from './meeting-import.service';
import { MeetingPlanService } from './meeting-plan.service';
import { MeetingService } from './meeting.service';
import { MeetingWorkbookService } from './meeting-workbook.service';
import { MeetingWriteService } from './meeting-write.service';
import { MemberAttendanceResolver } from './member-attendance.resolver';
import { VisitResolver } from './visit.resolver';
import { VisitReportService } from './visit-report.service';
import { VisitService } from './visit.service';
import { VisitWriteService } from './visit-write.service';

/** Cell meetings (plans, attendance, minutes, documents), meeting compliance, and visits to cell meetings. */
@Module({
  imports: [OrganisationModule, PolicyModule],
  providers: [
    MeetingService,
    MeetingPlanService,
    MeetingWriteService,
    MeetingImportService,
    MeetingWorkbookService,
    MeetingDocumentService,
    ComplianceService,
    MeetingResolver,
    MemberAttendanceResolver,
    VisitService,
    VisitWriteService,
    VisitReportService,
    VisitResolver,
  ],
  // the dashboard's meeting and visit figures and alerts; the search box's meetings
  exports: [ComplianceService, VisitService, MeetingService],
})
export class MeetingModule {}
