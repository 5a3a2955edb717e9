import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertDisciplineAllowed, type DecidingBody, type DisciplineForm, type MemberStatus } from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { isUuid } from '../../common/scope/scope';
import { today } from '../../database/sql';
import { CommitteeSeatService } from '../organisation/committee-seat.service';
import { DisciplineHooks } from './discipline-hooks';
import type { RecordDisciplineInput } from './member.inputs';
import type { Discipline } from './member.model';
import { MemberService } from './member.service';
import { closeMembership, insertMemberEvent } from './member-writes';

/** A discipline row as the Discipline type. */
const DISCIPLINE_COLUMNS = `id, member_id AS "memberId", form, deciding_body AS "decidingBody", decided_on AS "decidedOn", reason, inspection_id AS "inspectionId"`;

/**
 * Discipline (docs/rules.md#discipline): the decisions recorded on a member (on their own, or with an
 * inspection's conclusion in its transaction), expulsion ending the memberships, and the decisions read back.
 */
@Injectable()
export class DisciplineService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly members: MemberService,
    private readonly disciplineHooks: DisciplineHooks,
    private readonly seats: CommitteeSeatService,
  ) {}

  async disciplinesOf(memberIds: readonly string[]): Promise<Map<string, Discipline[]>> {
    const rows: Discipline[] = await this.ds.query(
      `SELECT ${DISCIPLINE_COLUMNS} FROM discipline WHERE member_id = ANY($1::uuid[]) ORDER BY decided_on`,
      [memberIds],
    );
    const out = new Map<string, Discipline[]>(memberIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.memberId as string)?.push(r);
    return out;
  }

  /** The discipline decided on these inspections' conclusions (by decision date, then recording), by inspection. */
  async disciplinesOfInspections(inspectionIds: readonly string[]): Promise<Map<string, Discipline[]>> {
    const rows: Discipline[] = await this.ds.query(
      `SELECT ${DISCIPLINE_COLUMNS} FROM discipline WHERE inspection_id = ANY($1::uuid[]) ORDER BY decided_on, recorded_at`,
      [inspectionIds.filter(isUuid)],
    );
    const out = new Map<string, Discipline[]>(inspectionIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.inspectionId as string)?.push(r);
    return out;
  }

  async recordDiscipline(caller: Caller, input: RecordDisciplineInput): Promise<Discipline> {
    const id = await this.ds.transaction((m) => this.recordDisciplineIn(m, caller, input));
    return (await this.disciplinesOf([input.memberId])).get(input.memberId)!.find((x) => x.id === id)!;
  }

  /** A member's status on a date for discipline: FULL from the full-membership date, else the recorded status. */
  async statusesOn(
    memberIds: readonly string[],
    d: string,
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, MemberStatus>> {
    const rows: { id: string; status: MemberStatus }[] = await m.query(
      `SELECT m.id, CASE WHEN m.full_membership_date IS NOT NULL AND m.full_membership_date <= $2::date THEN 'FULL' ELSE m.status END AS status
         FROM member m WHERE m.id = ANY($1::uuid[])`,
      [memberIds.filter(isUuid), d],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /**
   * recordDiscipline inside the caller's transaction (an inspection's conclusion records its decisions this way, all
   * or nothing with the conclusion); `inspectionId` links the decision to that inspection. Returns the decision's id.
   */
  async recordDisciplineIn(
    m: EntityManager,
    caller: Caller,
    input: RecordDisciplineInput,
    inspectionId: string | null = null,
  ): Promise<string> {
    const before = await this.members.lockWritable(m, caller.actor, input.memberId);
    const statusThen =
      before.fullMembershipDate && (before.fullMembershipDate as string) <= input.decidedOn
        ? 'FULL'
        : (before.status as MemberStatus);
    assertDisciplineAllowed({
      memberStatus: statusThen,
      form: input.form as DisciplineForm,
      body: input.decidingBody as DecidingBody,
    });
    const [row] = await m.query(
      `INSERT INTO discipline (member_id, form, deciding_body, decided_on, reason, inspection_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [input.memberId, input.form, input.decidingBody, input.decidedOn, input.reason ?? null, inspectionId],
    );
    await insertMemberEvent(m, caller, input.memberId, {
      type: 'DISCIPLINED',
      effectiveOn: input.decidedOn,
      organisationId: before.organisationId as string,
      reason: input.form,
      note: input.reason ?? null,
    });
    // The year's ratings not announced yet (the member's, their committees') show the level the rules now give.
    await this.disciplineHooks.recorded(m, input.memberId, Number(input.decidedOn.slice(0, 4)), today());
    if (input.form === 'KHAI_TRU') {
      await closeMembership(m, input.memberId, 'PERMANENT', input.decidedOn);
      await closeMembership(m, input.memberId, 'TEMPORARY', input.decidedOn);
      await this.seats.endSeatsOfMember(m, input.memberId, input.decidedOn);
      await m.query(`UPDATE member SET status = 'EXPELLED', left_on = $2, updated_at = now() WHERE id = $1`, [
        input.memberId,
        input.decidedOn,
      ]);
      await insertMemberEvent(m, caller, input.memberId, {
        type: 'EXPELLED',
        effectiveOn: input.decidedOn,
        organisationId: before.organisationId as string,
      });
    }
    await this.audit.record(m, caller, {
      operation: 'recordDiscipline',
      entityType: 'discipline',
      entityId: row.id,
      before,
      after: inspectionId ? { ...input, inspectionId } : input,
      organisationId: before.organisationId as string,
    });
    return row.id as string;
  }
}
