import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  applyEvent,
  assertCardNumberAllowed,
  DomainError,
  isAfterToday,
  probationEnd,
  recognitionDateProblem,
  XOA_TEN_REASONS,
  type MemberEventType,
  type MemberState,
  type MemberStatus,
} from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { today } from '../../database/sql';
import { CommitteeSeatService } from '../organisation/committee-seat.service';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import type { MemberEventInput } from './member.inputs';
import type { Member } from './member.model';
import { MemberService } from './member.service';
import { assertMemberCell, closeMembership, insertMemberEvent } from './member-writes';

/**
 * A member's lifecycle events (docs/rules.md#r-member-lifecycle): transfers, temporary transfers, exemption,
 * recognition as a full member, leaving; the domain rule decides whether the event may happen, the memberships and
 * committee seats follow.
 */
@Injectable()
export class MemberEventService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
    private readonly orgs: OrganisationService,
    private readonly seats: CommitteeSeatService,
    private readonly members: MemberService,
  ) {}

  /** Lifecycle events (docs/rules.md#r-member-lifecycle): the domain rule decides whether the event may happen; placement follows. */
  async recordEvent(caller: Caller, input: MemberEventInput): Promise<Member> {
    const type = input.type as MemberEventType;
    let asOf = today();
    await this.ds.transaction(async (m) => {
      const before = await this.members.lockWritable(m, caller.actor, input.memberId);
      const policy = await this.policies.forOrganisation(before.organisationId as string, today(), m);
      const d =
        input.effectiveOn ??
        (type === 'RECOGNISED_FULL' && before.ceremonyDate
          ? probationEnd(before.ceremonyDate as string, policy)
          : today());
      asOf = d;
      // Recognition on its default date (the end of probation) before probation has ended breaks the probation rule.
      if (type === 'RECOGNISED_FULL' && !input.effectiveOn && isAfterToday(d, today())) {
        throw new DomainError(
          'VALIDATION',
          `Probation ends on ${d}: recognition can be recorded from that day`,
          'effectiveOn',
          { reason: 'RECOGNITION_BEFORE_PROBATION_END', probationEnd: d },
        );
      }
      // A member event records what happened: not after today.
      if (isAfterToday(d, today()))
        throw new DomainError('VALIDATION', `The event cannot take effect after today (${d})`, 'effectiveOn', {
          reason: 'DATE_IN_FUTURE',
        });
      if (type === 'RECOGNISED_FULL') {
        const problem = recognitionDateProblem((before.ceremonyDate as string | null) ?? null, d, policy);
        if (problem)
          throw new DomainError('VALIDATION', problem.message, 'effectiveOn', {
            reason: 'RECOGNITION_BEFORE_PROBATION_END',
            probationEnd: problem.probationEnd,
          });
      }
      const state: MemberState = {
        status: before.status as MemberStatus,
        exempt: (before.exemption as MemberState['exempt']) ?? null,
        temporarilyAway: before.temporarilyAway as boolean,
        temporaryGuest: false,
      };
      if (type === 'EXEMPTED' && input.reason !== 'TEMPORARY' && input.reason !== 'PERMANENT') {
        throw new DomainError('VALIDATION', 'An exemption needs reason TEMPORARY or PERMANENT', 'reason');
      }
      if (type === 'REMOVED' && !(XOA_TEN_REASONS as readonly string[]).includes(input.reason ?? '')) {
        throw new DomainError('VALIDATION', `Removal needs a reason: one of ${XOA_TEN_REASONS.join(', ')}`, 'reason');
      }
      const next = applyEvent(state, {
        type,
        date: d,
        exemptionKind: type === 'EXEMPTED' ? (input.reason as 'TEMPORARY' | 'PERMANENT') : undefined,
        toFull: type === 'TRANSFER_IN' ? !!before.fullMembershipDate : undefined,
      });
      const cell = before.organisationId as string;
      const leaves = ['TRANSFER_OUT', 'REMOVED', 'DECEASED', 'NOT_RECOGNISED'].includes(type);
      if (before.leftOn === null && d < (await this.lastPlacementStart(m, input.memberId))) {
        throw new DomainError(
          'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
          'The member changed cell after that date',
          'effectiveOn',
        );
      }
      let toOrg: string | null = null;
      if (type === 'TRANSFER_INTERNAL' || type === 'TRANSFER_IN') {
        if (!input.toOrganisationId)
          throw new DomainError('VALIDATION', 'A transfer needs the target cell', 'toOrganisationId');
        if (input.toOrganisationId === cell && type === 'TRANSFER_INTERNAL')
          throw new DomainError('VALIDATION', 'The member is already in this cell', 'toOrganisationId');
        await assertMemberCell(
          m,
          this.orgs,
          caller.actor,
          input.toOrganisationId,
          d,
          'toOrganisationId',
          type === 'TRANSFER_IN',
        );
        toOrg = input.toOrganisationId;
        await closeMembership(m, input.memberId, 'PERMANENT', d);
        await m.query(
          `INSERT INTO membership (member_id, organisation_id, kind, valid_from) VALUES ($1,$2,'PERMANENT',$3)`,
          [input.memberId, toOrg, d],
        );
        // Seats on committees that do not cover the new cell end with the move (a cell's chi ủy, a committee elsewhere).
        await this.seats.endSeatsOfMember(m, input.memberId, d, toOrg);
      }
      if (type === 'TEMPORARY_TRANSFER_OUT') {
        if (!input.endOn) throw new DomainError('VALIDATION', 'A temporary transfer needs its end date', 'endOn');
        if (input.endOn <= d)
          throw new DomainError('INVALID_DATE_ORDER', 'The end date must be after the start', 'endOn');
        if (input.toOrganisationId) {
          await assertMemberCell(m, this.orgs, caller.actor, input.toOrganisationId, d, 'toOrganisationId', true);
          toOrg = input.toOrganisationId;
          await m.query(
            `INSERT INTO membership (member_id, organisation_id, kind, valid_from, valid_to) VALUES ($1,$2,'TEMPORARY',$3,$4)`,
            [input.memberId, toOrg, d, input.endOn],
          );
        } else if (!input.externalOrganisation) {
          throw new DomainError(
            'VALIDATION',
            'Name the host: toOrganisationId or externalOrganisation',
            'toOrganisationId',
          );
        }
      }
      if (type === 'TEMPORARY_TRANSFER_END') await closeMembership(m, input.memberId, 'TEMPORARY', d);
      if (type === 'TRANSFER_OUT' && !input.externalOrganisation)
        throw new DomainError('VALIDATION', 'Name the organisation the member transfers to', 'externalOrganisation');
      if (leaves) {
        await closeMembership(m, input.memberId, 'PERMANENT', d);
        await closeMembership(m, input.memberId, 'TEMPORARY', d);
        await this.seats.endSeatsOfMember(m, input.memberId, d);
      }
      if (type === 'RECOGNISED_FULL') assertCardNumberAllowed('FULL', input.cardNumber);
      await m.query(
        `UPDATE member SET status = $2::varchar, exemption = $3::varchar, temporarily_away = $4::boolean, updated_at = now(),
                left_on = CASE WHEN $5::boolean THEN $6::date WHEN $2::varchar IN ('PROBATIONARY','FULL') THEN NULL ELSE left_on END,
                full_membership_date = CASE WHEN $7::boolean THEN $6::date ELSE full_membership_date END,
                card_number = coalesce($8::varchar, card_number)
          WHERE id = $1`,
        [
          input.memberId,
          next.status,
          next.exempt,
          next.temporarilyAway,
          leaves,
          d,
          type === 'RECOGNISED_FULL',
          input.cardNumber ?? null,
        ],
      );
      await insertMemberEvent(m, caller, input.memberId, {
        type,
        effectiveOn: d,
        organisationId: cell,
        toOrganisationId: toOrg,
        externalOrganisation: input.externalOrganisation ?? null,
        reason: input.reason ?? null,
        note: input.note ?? null,
        endOn: input.endOn ?? null,
      });
      await this.audit.record(m, caller, {
        operation: `recordMemberEvent.${type}`,
        entityType: 'member',
        entityId: input.memberId,
        before,
        after: { ...input, status: next.status },
        organisationId: toOrg && type !== 'TEMPORARY_TRANSFER_OUT' ? toOrg : cell,
      });
    });
    return this.members.get(caller.actor, input.memberId, asOf);
  }

  private async lastPlacementStart(m: EntityManager, memberId: string): Promise<string> {
    const [{ last }] = await m.query(`SELECT max(valid_from) AS last FROM membership WHERE member_id = $1`, [memberId]);
    return last ?? '0000-01-01';
  }
}
