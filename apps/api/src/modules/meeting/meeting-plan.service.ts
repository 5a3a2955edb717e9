import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, holdsMembers, type OrganisationKind } from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible } from '../../common/scope/scope';
import { Params, validAt } from '../../database/sql';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';
import type { CreateMeetingInput, Meeting, MeetingPlanInput } from './meeting.model';
import { MeetingService } from './meeting.service';
import { assertMembersOfCell, checkTimes, lockMeeting, setColumns } from './meeting-writes';

const PLAN_COLUMNS: Record<keyof MeetingPlanInput, string> = {
  kind: 'kind',
  title: 'title',
  date: 'meeting_date',
  startTime: 'start_time',
  endTime: 'end_time',
  place: 'place',
  mode: 'mode',
  format: 'format',
  formatNote: 'format_note',
  theme: 'theme',
  topics: 'topics',
  chairMemberId: 'chair_member_id',
  minuteTakerMemberId: 'minute_taker_member_id',
};

/**
 * Meeting plans: writers of the cell (its secretary, the committee office) plan a meeting, change the plan while it
 * is open, or cancel a planned one. Recording, closing and amending are MeetingWriteService's.
 */
@Injectable()
export class MeetingPlanService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
  ) {}

  async create(caller: Caller, input: CreateMeetingInput): Promise<Meeting> {
    const id = await this.ds.transaction(async (m) => {
      await this.assertCell(m, caller.actor, input.organisationId, input.date);
      checkTimes(input.startTime, input.endTime, 'endTime');
      await assertMembersOfCell(m, input.organisationId, input.date, [
        ['chairMemberId', input.chairMemberId],
        ['minuteTakerMemberId', input.minuteTakerMemberId],
      ]);
      const cols = Object.entries(PLAN_COLUMNS).filter(([k]) => input[k as keyof MeetingPlanInput] !== undefined);
      const p = new Params();
      const values = cols.map(([k]) =>
        p.add(k === 'topics' ? JSON.stringify(input.topics) : input[k as keyof MeetingPlanInput]),
      );
      const [row] = await m.query(
        `INSERT INTO meeting (organisation_id, ${cols.map(([, c]) => c).join(', ')}) VALUES (${p.add(input.organisationId)}, ${values.join(', ')}) RETURNING id`,
        p.values,
      );
      await this.audit.record(m, caller, {
        operation: 'createMeeting',
        entityType: 'meeting',
        entityId: row.id,
        after: input,
        organisationId: input.organisationId,
      });
      return row.id as string;
    });
    return this.meetings.get(caller.actor, id);
  }

  async updatePlan(caller: Caller, id: string, input: MeetingPlanInput): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await lockMeeting(m, this.meetings, caller, id);
      if (before.state === 'CLOSED' || before.state === 'CANCELLED') {
        throw new DomainError(
          'CONFLICT',
          `The meeting is ${before.state.toLowerCase()}; a closed meeting changes only through amendMeeting`,
          'id',
          { reason: before.state === 'CLOSED' ? 'MEETING_CLOSED' : 'MEETING_CANCELLED' },
        );
      }
      const date = input.date ?? before.date;
      if (input.date && input.date !== before.date)
        await this.assertCell(m, caller.actor, before.organisationId, input.date);
      checkTimes(input.startTime ?? before.startTime, input.endTime ?? before.endTime, 'endTime');
      await assertMembersOfCell(m, before.organisationId, date, [
        ['chairMemberId', input.chairMemberId],
        ['minuteTakerMemberId', input.minuteTakerMemberId],
      ]);
      await setColumns(m, id, input, PLAN_COLUMNS);
      await this.audit.record(m, caller, {
        operation: 'updateMeeting',
        entityType: 'meeting',
        entityId: id,
        before,
        after: input,
        organisationId: before.organisationId,
      });
    });
    return this.meetings.get(caller.actor, id);
  }

  async cancel(caller: Caller, id: string, reason: string): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await lockMeeting(m, this.meetings, caller, id);
      if (before.state !== 'PLANNED')
        throw new DomainError('CONFLICT', 'Only a planned meeting can be cancelled', 'id', {
          reason: 'MEETING_NOT_PLANNED',
        });
      await m.query(
        `UPDATE meeting SET state = 'CANCELLED', cancelled_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, reason],
      );
      await this.audit.record(m, caller, {
        operation: 'cancelMeeting',
        entityType: 'meeting',
        entityId: id,
        after: { reason },
        organisationId: before.organisationId,
      });
    });
    return this.meetings.get(caller.actor, id);
  }

  private async assertCell(m: EntityManager, actor: Actor, cellId: string, date: string): Promise<void> {
    await assertOrgVisible(m, actor, cellId, date, true).catch(asField('organisationId'));
    const [row] = await m.query(
      `SELECT o.kind FROM organisation_placement pl ${JOIN_ORGANISATION('o', 'pl.organisation_id')} WHERE pl.organisation_id = $1 AND ${validAt('pl', '$2')}`,
      [cellId, date],
    );
    if (!row)
      throw new DomainError(
        'ORGANISATION_DISSOLVED',
        'The cell does not exist on the meeting date (dissolved, or not yet established)',
        'date',
      );
    if (!holdsMembers(row.kind as OrganisationKind))
      throw new DomainError('VALIDATION', 'Meetings are held by cells (chi bộ)', 'organisationId');
  }
}
