import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, meetingCloseProblems, scoreMeeting } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { today } from '../../database/sql';
import { PolicyService } from '../policy/policy.service';
import type { Meeting, MeetingRecordInput } from './meeting.model';
import { MeetingService } from './meeting.service';
import { assertMembersOfCell, checkTimes, lockMeeting, setColumns } from './meeting-writes';

const RECORD_COLUMNS: Record<Exclude<keyof MeetingRecordInput, 'attendance' | 'selfAssessment'>, string> = {
  actualStart: 'actual_start',
  actualEnd: 'actual_end',
  guests: 'guests',
  minutes: 'minutes',
  resolution: 'resolution',
  votesFor: 'votes_for',
  votesAgainst: 'votes_against',
  votesAbstain: 'votes_abstain',
  tasks: 'tasks',
};

/** Who an idempotency key belongs to: keys are per user or API token. */
const actorKey = (a: Actor): string => `${a.kind}:${a.id ?? a.name}`;

/**
 * Meeting writes after the plan: writers of the cell (its secretary, the committee office) record a meeting and
 * close it; after closing only amendments with a reason. Planning and cancelling are MeetingPlanService's.
 */
@Injectable()
export class MeetingWriteService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
    private readonly meetings: MeetingService,
  ) {}

  /** Records what happened (attendance, minutes, resolution, tasks, self-assessment); the meeting becomes HELD. */
  async record(
    caller: Caller,
    id: string,
    input: MeetingRecordInput,
    opts: { expectedVersion?: number | null; clientKey?: string | null } = {},
  ): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await lockMeeting(m, this.meetings, caller, id);
      if (opts.clientKey && (await this.seenClientWrite(m, caller, opts.clientKey, 'recordMeeting', id))) return;
      if (before.state === 'CLOSED')
        throw new DomainError(
          'CONFLICT',
          'The meeting is closed; corrections go through amendMeeting with a reason',
          'id',
          { reason: 'MEETING_CLOSED' },
        );
      if (before.state === 'CANCELLED')
        throw new DomainError('CONFLICT', 'The meeting was cancelled', 'id', { reason: 'MEETING_CANCELLED' });
      if (before.date > today())
        throw new DomainError('VALIDATION', 'A meeting is recorded on or after its date', 'date', {
          reason: 'MEETING_IN_FUTURE',
        });
      if (opts.expectedVersion != null && opts.expectedVersion !== before.version) {
        throw new DomainError(
          'CONFLICT',
          `The meeting changed since version ${opts.expectedVersion} was read (now ${before.version}); read it again and choose what to keep`,
          'expectedVersion',
          { reason: 'MEETING_CHANGED', version: before.version },
        );
      }
      await this.applyRecord(m, before, input, { state: 'HELD' });
      if (opts.clientKey) await this.keepClientWrite(m, caller, opts.clientKey, 'recordMeeting', id);
      await this.audit.record(m, caller, {
        operation: 'recordMeeting',
        entityType: 'meeting',
        entityId: id,
        before,
        after: input,
        organisationId: before.organisationId,
      });
    });
    return this.meetings.get(caller.actor, id);
  }

  async close(caller: Caller, id: string): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await lockMeeting(m, this.meetings, caller, id);
      if (before.state !== 'HELD')
        throw new DomainError('CONFLICT', 'Only a held (recorded) meeting can be closed', 'id', {
          reason: 'MEETING_NOT_HELD',
        });
      const [sheet] = await m.query(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE status = 'PRESENT')::int AS present FROM meeting_attendance WHERE meeting_id = $1`,
        [id],
      );
      const problems = meetingCloseProblems({ ...before, attendanceRows: sheet.rows, present: sheet.present });
      const [firstProblem] = problems;
      if (firstProblem) {
        throw new DomainError(
          'VALIDATION',
          `The meeting cannot be closed: ${problems.map((p) => p.message.toLowerCase()).join('; ')}`,
          firstProblem.field,
          {
            reason: 'MEETING_INCOMPLETE',
            errors: problems.map((p) => ({ field: p.field, code: p.code, reason: p.message })),
          },
        );
      }
      await m.query(
        `UPDATE meeting SET state = 'CLOSED', version = version + 1, closed_at = now(), closed_by = $2, updated_at = now() WHERE id = $1`,
        [id, caller.actor.id],
      );
      await this.audit.record(m, caller, {
        operation: 'closeMeeting',
        entityType: 'meeting',
        entityId: id,
        before: { state: before.state },
        after: { state: 'CLOSED' },
        organisationId: before.organisationId,
      });
    });
    return this.meetings.get(caller.actor, id);
  }

  /** A correction to a closed meeting: applied, and kept with who, when, why and the fields before and after. */
  async amend(caller: Caller, id: string, reason: string, input: MeetingRecordInput): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await lockMeeting(m, this.meetings, caller, id);
      if (before.state !== 'CLOSED')
        throw new DomainError('CONFLICT', 'Amendments are for closed meetings; change an open one directly', 'id', {
          reason: 'MEETING_NOT_CLOSED',
        });
      const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
      if (!changed.length) throw new DomainError('VALIDATION', 'Nothing to amend', 'input');
      const beforeAttendance = changed.includes('attendance')
        ? (await this.meetings.attendanceOf([id], m)).get(id)
        : undefined;
      await this.applyRecord(m, before, input);
      const snapshot = (src: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, src[k] ?? null]));
      await m.query(
        `INSERT INTO meeting_amendment (meeting_id, reason, before, after, amended_by) VALUES ($1,$2,$3,$4,$5)`,
        [
          id,
          reason,
          JSON.stringify(snapshot({ ...before, attendance: beforeAttendance } as Record<string, unknown>)),
          JSON.stringify(snapshot(input as Record<string, unknown>)),
          caller.actor.name,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'amendMeeting',
        entityType: 'meeting',
        entityId: id,
        before: snapshot(before as unknown as Record<string, unknown>),
        after: { reason, ...input },
        organisationId: before.organisationId,
      });
    });
    return this.meetings.get(caller.actor, id);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Writes a record (recordMeeting) or a correction (amendMeeting): the attendance list, then the meeting row in one
   * UPDATE (the record's columns, the scored self-assessment, `extra` columns such as the state), which raises the
   * version once.
   */
  private async applyRecord(
    m: EntityManager,
    before: Meeting,
    input: MeetingRecordInput,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    checkTimes(input.actualStart ?? before.actualStart, input.actualEnd ?? before.actualEnd, 'actualEnd');
    if (input.attendance) {
      const seen = new Set<string>();
      input.attendance.forEach((a, i) => {
        if (seen.has(a.memberId))
          throw new DomainError('VALIDATION', 'The same member is listed twice', `attendance.${i}.memberId`);
        seen.add(a.memberId);
        if (a.status === 'ABSENT_EXCUSED' && !a.reason)
          throw new DomainError('VALIDATION', 'An excused absence needs its reason', `attendance.${i}.reason`);
      });
      await assertMembersOfCell(
        m,
        before.organisationId,
        before.date,
        input.attendance.map((a, i) => [`attendance.${i}.memberId`, a.memberId]),
      );
      await m.query(`DELETE FROM meeting_attendance WHERE meeting_id = $1`, [before.id]);
      await m.query(
        `INSERT INTO meeting_attendance (meeting_id, member_id, status, reason, late, left_early)
         SELECT $1, u.mid, u.st, u.reason, u.late, u.early FROM unnest($2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::boolean[]) AS u(mid, st, reason, late, early)`,
        [
          before.id,
          input.attendance.map((a) => a.memberId),
          input.attendance.map((a) => a.status),
          input.attendance.map((a) => a.reason ?? null),
          input.attendance.map((a) => !!a.late),
          input.attendance.map((a) => !!a.leftEarly),
        ],
      );
    }
    if (input.tasks) {
      await assertMembersOfCell(
        m,
        before.organisationId,
        before.date,
        input.tasks.map((t, i) => [`tasks.${i}.assigneeMemberId`, t.assigneeMemberId]),
      );
    }
    if (input.selfAssessment) {
      const policy = await this.policies.forOrganisation(before.organisationId, before.date, m);
      const scored = scoreMeeting(policy.scoreSheet, input.selfAssessment);
      extra = { ...extra, self_assessment: JSON.stringify(input.selfAssessment), self_total: scored.total };
    }
    const { attendance: _a, selfAssessment: _s, ...rest } = input;
    await setColumns(
      m,
      before.id,
      {
        ...rest,
        tasks: input.tasks?.map((t) => ({
          text: t.text,
          assigneeMemberId: t.assigneeMemberId ?? null,
          dueOn: t.dueOn ?? null,
        })),
      },
      RECORD_COLUMNS,
      extra,
      true,
    );
  }

  /**
   * True when this caller already made this write with this idempotency key (a retry whose first answer was lost): the
   * caller gets the current record and nothing is written again. The same key for another write is refused.
   */
  private async seenClientWrite(
    m: EntityManager,
    caller: Caller,
    key: string,
    operation: string,
    targetId: string,
  ): Promise<boolean> {
    const [seen] = await m.query(
      `SELECT operation, target_id AS "targetId" FROM client_write WHERE actor = $1 AND client_key = $2`,
      [actorKey(caller.actor), key],
    );
    if (!seen) return false;
    if (seen.operation !== operation || seen.targetId !== targetId) {
      throw new DomainError('CONFLICT', 'This client key was already used for another change', 'clientKey', {
        reason: 'CLIENT_KEY_REUSED',
      });
    }
    return true;
  }

  /** Keeps the key of a write made now (same transaction); the caller's keys older than 30 days go. */
  private async keepClientWrite(
    m: EntityManager,
    caller: Caller,
    key: string,
    operation: string,
    targetId: string,
  ): Promise<void> {
    const actor = actorKey(caller.actor);
    await m.query(`DELETE FROM client_write WHERE actor = $1 AND created_at < now() - interval '30 days'`, [actor]);
    const rows = await m.query(
      `INSERT INTO client_write (actor, client_key, operation, target_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [actor, key, operation, targetId],
    );
    if (!rows.length)
      throw new DomainError('CONFLICT', 'This client key was already used for another change', 'clientKey', {
        reason: 'CLIENT_KEY_REUSED',
      });
  }
}
