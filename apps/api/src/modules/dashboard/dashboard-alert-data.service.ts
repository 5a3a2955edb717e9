import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  alertFromOrganisationFlag,
  badgeAtNextOccasion,
  ceremonyDeadline,
  ceremonyState,
  DEFAULT_POLICY,
  isCell,
  MEETING_FLAG_ALERTS,
  meetingFlags,
  nextBadgeOccasion,
  parseIsoDate,
  probationEnd,
  probationState,
  recognitionDeadline,
  type Alert,
  type MeetingKind,
  type MeetingState,
  type MemberStatus,
  type OrganisationKind,
} from '@chibo/domain';
import { MEETINGS_WITHOUT_PAPERWORK } from '../meeting/meeting.sql';
import { PROBATION_AND_BADGE_CANDIDATES } from '../member/member.sql';
import { flagsOf } from '../organisation/organisation.flags';
import { Organisation } from '../organisation/organisation.model';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import { DashboardData, ZERO } from './dashboard-data.service';
import { DashboardScope } from './dashboard.scope';

/**
 * The data of the alert sources (dashboard.sources.ts), per request (memoised on the DashboardScope): organisation
 * flags, member deadlines, meetings and visits, each a fixed number of set-based queries over the whole subtree, or
 * read from DashboardData's figures (meeting compliance, visit coverage) so an alert equals the list it points at.
 */
@Injectable()
export class DashboardAlertData {
  constructor(
    private readonly ds: DataSource,
    private readonly orgs: OrganisationService,
    private readonly policyService: PolicyService,
    private readonly data: DashboardData,
  ) {}
  /**
   * Organisation flags (libs organisationFlags through the `flags` field's own helper) for every organisation of the
   * subtree: subtree counts for the grassroots organisations and cells, seats of the cells, policies: one query each.
   */
  organisationAlerts(s: DashboardScope): Promise<Alert[]> {
    return s.once('organisationAlerts', async () => {
      const [orgs, policies] = await Promise.all([this.data.subtree(s), this.data.policies(s)]);
      const kind = (o: Organisation) => o.kind as OrganisationKind;
      const cells = orgs.filter((o) => isCell(kind(o))).map((o) => o.id);
      const [{ bySubtree }, seats] = await Promise.all([this.data.memberCounts(s), this.orgs.seatsOf(cells, s.asOf)]);
      return orgs.flatMap((o) =>
        flagsOf(o, bySubtree.get(o.id) ?? ZERO, seats.get(o.id) ?? [], policies.get(o.id) ?? DEFAULT_POLICY).map(
          (f) => ({
            ...alertFromOrganisationFlag(o.id, f),
            organisationCode: o.code,
          }),
        ),
      );
    });
  }

  /**
   * Member deadlines on the as-of date, in one query: probationary members of the subtree (probationState DUE or
   * OVERDUE, as members(filter: { probation }) lists them), admitted members whose ceremony is overdue (also those whose
   * first placement starts at a ceremony still to come), and members reaching a badge milestone at the next occasion
   * (pre-filtered in SQL by admission year, decided by badgeAtNextOccasion).
   */
  memberAlerts(s: DashboardScope): Promise<Alert[]> {
    return s.once('memberAlerts', async () => {
      const [orgs, policies] = await Promise.all([this.data.subtree(s), this.data.policies(s)]);
      const code = new Map(orgs.map((o) => [o.id, o.code] as const));
      // Admission years that can give a badge at the next occasion, under any policy in force in the subtree.
      const years = new Set<number>();
      for (const p of new Set(policies.values())) {
        const occasion = nextBadgeOccasion(s.asOf, p);
        if (occasion === null) continue;
        const y = parseIsoDate(occasion).year;
        for (const milestone of p.member.badgeMilestones) for (const year of [y - 1, y]) years.add(year - milestone);
      }
      const rows: {
        id: string;
        fullName: string;
        admissionDecisionDate: string | null;
        ceremonyDate: string | null;
        status: MemberStatus;
        cellId: string;
        placed: boolean;
      }[] = await this.ds.query(PROBATION_AND_BADGE_CANDIDATES('$1', '$2', '$3'), [s.root.path, s.asOf, [...years]]);
      const out: Alert[] = [];
      for (const r of rows) {
        const policy = policies.get(r.cellId) ?? DEFAULT_POLICY;
        const base = {
          organisationId: r.cellId,
          organisationCode: code.get(r.cellId),
          memberId: r.id,
          memberName: r.fullName,
        };
        if (r.placed && r.ceremonyDate) {
          const state = probationState({ status: r.status, ceremonyDate: r.ceremonyDate }, s.asOf, policy);
          if (state === 'DUE' || state === 'OVERDUE') {
            out.push({
              ...base,
              code: state === 'OVERDUE' ? 'PROBATION_OVERDUE' : 'PROBATION_DUE',
              dueOn: recognitionDeadline(r.ceremonyDate, policy),
              params: { probationEnd: probationEnd(r.ceremonyDate, policy) },
            });
          }
        }
        if (
          r.admissionDecisionDate &&
          ceremonyState(
            { status: r.status, admissionDecisionDate: r.admissionDecisionDate, ceremonyDate: r.ceremonyDate },
            s.asOf,
            policy,
          ) === 'OVERDUE'
        ) {
          out.push({
            ...base,
            code: 'CEREMONY_OVERDUE',
            dueOn: ceremonyDeadline(r.admissionDecisionDate, policy),
            params: { admissionDecisionDate: r.admissionDecisionDate },
          });
        }
        if (r.placed && r.admissionDecisionDate && (r.status === 'FULL' || r.status === 'PROBATIONARY')) {
          const badge = badgeAtNextOccasion(r.admissionDecisionDate, s.asOf, policy);
          if (badge)
            out.push({
              ...base,
              code: 'BADGE_DUE',
              dueOn: badge.awardOn,
              params: { milestone: badge.milestone, reachedOn: badge.reachedOn },
            });
        }
      }
      return out;
    });
  }

  /** Cells behind on meetings: one MEETING_OVERDUE per cell behind in meetingCompliance, due on its first missing meeting. */
  async meetingOverdueAlerts(s: DashboardScope): Promise<Alert[]> {
    const c = await this.data.compliance(s);
    return c.cells
      .filter((cell) => cell.behind)
      .map((cell) => ({
        code: 'MEETING_OVERDUE' as const,
        organisationId: cell.organisation.id,
        organisationCode: cell.organisation.code,
        dueOn: cell.missing[0]?.dueOn ?? null,
        params: {
          missingRegular: cell.missing.filter((m) => m.kind === 'REGULAR').length,
          missingThematic: cell.missing.filter((m) => m.kind === 'THEMATIC').length,
          periods: cell.missing.map((m) => m.period).join(', '),
        },
      }));
  }

  /**
   * Held meetings of the period without minutes or a resolution after the due days (libs meetingFlags, judged on the
   * as-of date), for the cells of the subtree on the period's end (those meetingCompliance checks). One query for the
   * candidates (text blank), one for the cells' policies.
   */
  // The statement (meeting.sql.ts) repeats the predicate of the partial index meeting_paperwork_missing word for word.
  minutesAlerts(s: DashboardScope): Promise<Alert[]> {
    return s.once('minutesAlerts', async () => {
      const rows: {
        id: string;
        cellId: string;
        cellCode: string;
        date: string;
        kind: MeetingKind;
        state: MeetingState;
        title: string;
        minutesPresent: boolean;
        resolutionPresent: boolean;
      }[] = await this.ds.query(MEETINGS_WITHOUT_PAPERWORK('$1', '$2', '$3', '$4'), [
        s.root.id,
        s.period.from,
        s.period.to,
        s.asOf,
      ]);
      const policies = await this.policyService.forOrganisations([...new Set(rows.map((r) => r.cellId))], s.period.to);
      return rows.flatMap((r) =>
        meetingFlags(
          {
            kind: r.kind,
            date: r.date,
            state: r.state,
            startTime: null,
            endTime: null,
            rows: [],
            minutesPresent: r.minutesPresent,
            resolutionPresent: r.resolutionPresent,
            asOf: s.asOf,
          },
          policies.get(r.cellId) ?? DEFAULT_POLICY,
        )
          .filter((f) => MEETING_FLAG_ALERTS[f.code] !== undefined)
          .map((f) => ({
            code: MEETING_FLAG_ALERTS[f.code]!,
            organisationId: r.cellId,
            organisationCode: r.cellCode,
            meetingId: r.id,
            dueOn: f.params.dueOn as string,
            params: { ...f.params, meetingDate: r.date, title: r.title },
          })),
      );
    });
  }

  /** VISITS_BEHIND per assignment behind and VISIT_UNSCORED per visit counted as unscored, both from visitCoverage. */
  async visitAlerts(s: DashboardScope): Promise<Alert[]> {
    const c = await this.data.coverage(s);
    const behind: Alert[] = c.lines
      .filter((l) => l.behind)
      .map((l) => ({
        code: 'VISITS_BEHIND',
        organisationId: l.cell.id,
        organisationCode: l.cell.code,
        dueOn: null,
        params: {
          visitorName: l.assignment.visitorName,
          visitorUserId: l.assignment.visitorUserId,
          assignmentId: l.assignment.id,
          done: l.done,
          dueSoFar: l.dueSoFar,
          required: l.required,
        },
      }));
    const unscored: Alert[] = c.unscoredVisits.map((v) => ({
      code: 'VISIT_UNSCORED',
      organisationId: v.cell.id,
      organisationCode: v.cell.code,
      meetingId: v.meetingId,
      visitId: v.visitId,
      dueOn: null,
      params: { visitorName: v.assignment.visitorName, visitorUserId: v.assignment.visitorUserId, date: v.date },
    }));
    return [...behind, ...unscored];
  }
}
