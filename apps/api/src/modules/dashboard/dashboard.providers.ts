import { DashboardAlertData } from './dashboard-alert-data.service';
import { DashboardData } from './dashboard-data.service';
import { DashboardCache } from './dashboard.cache';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { DuesAlertSource, InspectionAlertSource, RatingAlertSource } from './dashboard.area-sources';
import {
  AlertRegistry,
  MeetingAlertSource,
  MemberAlertSource,
  OrganisationAlertSource,
  VisitAlertSource,
} from './dashboard.sources';

/** The dashboard's providers, for DashboardModule. An area's AlertSource (and its Dashboard section resolver) goes here. */
export const DASHBOARD_PROVIDERS = [
  AlertRegistry,
  DashboardCache,
  DashboardData,
  DashboardAlertData,
  DashboardService,
  DashboardResolver,
  MeetingAlertSource,
  VisitAlertSource,
  MemberAlertSource,
  OrganisationAlertSource,
  InspectionAlertSource,
  RatingAlertSource,
  DuesAlertSource,
];
