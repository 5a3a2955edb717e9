import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, first, lastDayOfMonth, scoreMeeting } from '@chibo/domain';
import { asField, onDomainError } from '../../common/graphql/errors';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible, isUuid } from '../../common/scope/scope';
import { returning, today, validAt } from '../../database/sql';
import { ACTIVE_USER } from '../auth/auth.sql';
import { ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import { PolicyService } from '../policy/policy.service';
import { MeetingService } from './meeting.service';
import type { AssignVisitorInput, RecordVisitInput, Visit, VisitAssignment } from './visit.model';
import { VisitService } from './visit.service';

/**
 * The writes of visits to cell meetings (docs/rules.md#visits): assigning visitors to cells and ending an assignment,
 * the visit with its score on the policy's sheet, and the visitor's monthly report. Only the assigned visitor records
 * (and scores) a visit, for a meeting of a cell assigned to them on that date. Each write reads its result back
 * through VisitService.
 */
@Injectable()
export class VisitWriteService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    private readonly policies: PolicyService,
    private readonly reads: VisitService,
  ) {}
  async assign(caller: Caller, input: AssignVisitorInput): Promise<VisitAssignment> {
    if (input.to && input.to <= input.from)
      throw new DomainError('INVALID_DATE_ORDER', 'The assignment must end after it starts', 'to');
    const id = await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.cellId, input.from, true).catch(asField('cellId'));
      const [cell] = await m.query(`SELECT o.kind ${ORGANISATIONS_WHERE('o', '= $1')}`, [input.cellId]);
      if (!['GRASSROOTS_CELL', 'SUBORDINATE_CELL'].includes(cell.kind))
        throw new DomainError('VALIDATION', 'Visitors are assigned to cells', 'cellId');
      const [user] = isUuid(input.visitorUserId) ? await m.query(ACTIVE_USER('$1'), [input.visitorUserId]) : [];
      if (!user) throw new DomainError('NOT_FOUND', 'Visitor not found', 'visitorUserId');
      const [row] = await m.query(
        `INSERT INTO visit_assignment (visitor_user_id, cell_id, valid_from, valid_to, required_per_year) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [input.visitorUserId, input.cellId, input.from, input.to ?? null, input.requiredPerYear ?? null],
      );
      await this.audit.record(m, caller, {
        operation: 'assignVisitor',
        entityType: 'visit_assignment',
        entityId: row.id,
        after: input,
      });
      return row.id as string;
    });
    return first(await this.reads.assignments(caller.actor, { ids: [id] }), 'visit assignment');
  }

  async endAssignment(caller: Caller, id: string, to: string): Promise<VisitAssignment> {
    const [a] = await this.reads.assignments(caller.actor, { ids: [id] });
    if (!a) throw new DomainError('NOT_FOUND', 'Assignment not found', 'id');
    if (to <= a.from) throw new DomainError('INVALID_DATE_ORDER', 'The assignment must end after it starts', 'to');
    await this.ds.transaction(async (m) => {
      // The caller sees the assignment (their own, or on a cell they read): changing it without write access is FORBIDDEN.
      await assertOrgVisible(m, caller.actor, a.cellId, a.from, true).catch(
        onDomainError(
          (e) =>
            new DomainError(
              'FORBIDDEN',
              e.code === 'FORBIDDEN' ? e.message : 'You may see this assignment but not end it',
              'id',
            ),
        ),
      );
      await returning(m, `UPDATE visit_assignment SET valid_to = $2 WHERE id = $1 RETURNING id`, [id, to]);
      await this.audit.record(m, caller, {
        operation: 'endVisitAssignment',
        entityType: 'visit_assignment',
        entityId: id,
        before: a,
        after: { to },
      });
    });
    return first(await this.reads.assignments(caller.actor, { ids: [id] }), 'visit assignment');
  }

  async record(caller: Caller, input: RecordVisitInput): Promise<Visit> {
    const id = await this.ds.transaction(async (m) => {
      const [meeting] = await this.meetings.findVisible(caller.actor, [input.meetingId], m);
      if (!meeting) throw new DomainError('NOT_FOUND', 'Meeting not found', 'meetingId');
      const [assignment] =
        caller.actor.kind === 'USER' && caller.actor.id
          ? await m.query(
              `SELECT id FROM visit_assignment va WHERE va.visitor_user_id = $1 AND va.cell_id = $2 AND ${validAt('va', '$3')}`,
              [caller.actor.id, meeting.organisationId, meeting.date],
            )
          : [];
      if (!assignment)
        throw new DomainError(
          'FORBIDDEN',
          'Only a visitor assigned to this cell on the meeting date may record and score the visit',
          'meetingId',
        );
      if (meeting.state !== 'HELD' && meeting.state !== 'CLOSED')
        throw new DomainError('CONFLICT', 'The meeting has not been held yet', 'meetingId', {
          reason: 'MEETING_NOT_HELD',
        });
      let scored: { total: number; max: number; level: string } | null = null;
      if (input.scores) {
        if (!input.attended)
          throw new DomainError('VALIDATION', 'Only a visitor who attended can score the meeting', 'scores');
        const policy = await this.policies.forOrganisation(meeting.organisationId, meeting.date, m);
        scored = scoreMeeting(policy.scoreSheet, input.scores);
      }
      const [row] = await m.query(
        `INSERT INTO visit (meeting_id, visitor_user_id, assignment_id, attended, scores, total, max_total, level, guidance, issues, follow_up)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
         ON CONFLICT (meeting_id, visitor_user_id) DO UPDATE SET attended = EXCLUDED.attended, scores = EXCLUDED.scores, total = EXCLUDED.total,
           max_total = EXCLUDED.max_total, level = EXCLUDED.level, guidance = EXCLUDED.guidance, issues = EXCLUDED.issues, follow_up = EXCLUDED.follow_up,
           recorded_at = now()
         RETURNING id`,
        [
          input.meetingId,
          caller.actor.id,
          assignment.id,
          input.attended,
          input.scores ? JSON.stringify(input.scores) : null,
          scored?.total ?? null,
          scored?.max ?? null,
          scored?.level ?? null,
          input.guidance ?? null,
          input.issues ?? null,
          input.followUp ?? null,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'recordVisit',
        entityType: 'visit',
        entityId: row.id,
        after: input,
        organisationId: meeting.organisationId,
      });
      return row.id as string;
    });
    return first((await this.reads.visits(caller.actor, { ids: [id] }, undefined)).items, 'recorded visit');
  }

  /** The visitor submits their month's report; `submittedOn` (default today) is for loading past reports. */
  async submitReport(
    caller: Caller,
    month: string,
    note: string | undefined,
    submittedOn: string = today(),
  ): Promise<boolean> {
    if (caller.actor.kind !== 'USER' || !caller.actor.id)
      throw new DomainError('FORBIDDEN', 'Reports are submitted by the visitor', 'month');
    const lastDay = lastDayOfMonth(month);
    if (submittedOn < lastDay)
      throw new DomainError(
        'VALIDATION',
        `The report for ${month} can be submitted from its last day (${lastDay})`,
        'month',
      );
    await this.ds.transaction(async (m) => {
      // Only a visitor with an assignment in force during that month reports on it.
      const [assigned] = await m.query(
        `SELECT 1 FROM visit_assignment va WHERE va.visitor_user_id = $1 AND va.valid_from <= $3::date AND (va.valid_to IS NULL OR va.valid_to > $2::date) LIMIT 1`,
        [caller.actor.id, `${month}-01`, lastDay],
      );
      if (!assigned)
        throw new DomainError(
          'FORBIDDEN',
          `Only a visitor assigned to a cell during ${month} submits its visit report`,
          'month',
        );
      await m.query(
        `INSERT INTO visit_report (visitor_user_id, month, submitted_on, note) VALUES ($1,$2,$3,$4)
         ON CONFLICT (visitor_user_id, month) DO UPDATE SET note = EXCLUDED.note`,
        [caller.actor.id, month, submittedOn, note ?? null],
      );
      await this.audit.record(m, caller, {
        operation: 'submitVisitReport',
        entityType: 'visit_report',
        entityId: `${caller.actor.id}:${month}`,
        after: { month, note },
      });
    });
    return true;
  }
}
