import { Injectable } from '@nestjs/common';
import type { Alert, AlertCode } from '@chibo/domain';
import { DashboardAlertData } from './dashboard-alert-data.service';
import type { DashboardScope } from './dashboard.scope';

/**
 * A producer of alerts for the alert list and the dashboard. EXTENSION POINT: an area (inspections, ratings) adds
 * its alerts by writing one of these and listing it in the app's providers; nothing here changes:
 *
 *   @Injectable()
 *   export class InspectionAlertSource implements AlertSource {
 *     readonly codes = ['INSPECTION_BEHIND'] as const;
 *     constructor(registry: AlertRegistry, private readonly inspections: InspectionService) { registry.register(this); }
 *     async collect(scope: DashboardScope): Promise<Alert[]> { … one or a few set-based queries over scope.root's subtree … }
 *   }
 *
 * `collect` returns the alerts of the scope's subtree on `scope.asOf` (period rules: over `scope.period`), each with
 * the organisation concerned (`organisationId`, inside the subtree) and the record to open. It must not run a query
 * per organisation or per row, and should use `scope.once(key, …)` for data other sections also need.
 */
export interface AlertSource {
  /** The codes this source produces (reported with 0 when none is found). */
  readonly codes: readonly AlertCode[];
  collect(scope: DashboardScope): Promise<Alert[]>;
}

/** The alert sources in use; each source registers itself when the application creates it. */
@Injectable()
export class AlertRegistry {
  private readonly list: AlertSource[] = [];

  register(source: AlertSource): void {
    this.list.push(source);
  }

  get sources(): readonly AlertSource[] {
    return this.list;
  }
}

@Injectable()
export class MeetingAlertSource implements AlertSource {
  readonly codes = ['MEETING_OVERDUE', 'MINUTES_MISSING', 'RESOLUTION_MISSING'] as const;

  constructor(
    registry: AlertRegistry,
    private readonly data: DashboardAlertData,
  ) {
    registry.register(this);
  }

  async collect(scope: DashboardScope): Promise<Alert[]> {
    const [overdue, minutes] = await Promise.all([
      this.data.meetingOverdueAlerts(scope),
      this.data.minutesAlerts(scope),
    ]);
    return [...overdue, ...minutes];
  }
}

@Injectable()
export class VisitAlertSource implements AlertSource {
  readonly codes = ['VISITS_BEHIND', 'VISIT_UNSCORED'] as const;

  constructor(
    registry: AlertRegistry,
    private readonly data: DashboardAlertData,
  ) {
    registry.register(this);
  }

  collect(scope: DashboardScope): Promise<Alert[]> {
    return this.data.visitAlerts(scope);
  }
}

@Injectable()
export class MemberAlertSource implements AlertSource {
  readonly codes = ['PROBATION_OVERDUE', 'PROBATION_DUE', 'CEREMONY_OVERDUE', 'BADGE_DUE'] as const;

  constructor(
    registry: AlertRegistry,
    private readonly data: DashboardAlertData,
  ) {
    registry.register(this);
  }

  collect(scope: DashboardScope): Promise<Alert[]> {
    return this.data.memberAlerts(scope);
  }
}

@Injectable()
export class OrganisationAlertSource implements AlertSource {
  readonly codes = [
    'CELL_TOO_LARGE',
    'SUBORDINATE_CELL_TOO_LARGE',
    'TOO_FEW_FULL_MEMBERS',
    'CELL_COMMITTEE_MISSING',
    'TERM_ENDED',
    'TERM_ENDING',
  ] as const;

  constructor(
    registry: AlertRegistry,
    private readonly data: DashboardAlertData,
  ) {
    registry.register(this);
  }

  collect(scope: DashboardScope): Promise<Alert[]> {
    return this.data.organisationAlerts(scope);
  }
}
