import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, validateCommitteeSeats } from '@chibo/domain';
import { onDomainError } from '../../common/graphql/errors';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible, isUuid } from '../../common/scope/scope';
import { inSubtree, today, validAt } from '../../database/sql';
import type { AssignCommitteeSeatInput, EndCommitteeSeatInput } from './organisation.inputs';
import { CommitteeSeat } from './organisation.model';
import { MemberPort } from './member-port';
import { OrganisationService } from './organisation.service';

/** Committee seats (cấp ủy): assigned to members of the organisation's subtree within the committee-size rules, and ended. */
@Injectable()
export class CommitteeSeatService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly orgs: OrganisationService,
    private readonly memberPort: MemberPort,
  ) {}

  async assignSeat(caller: Caller, input: AssignCommitteeSeatInput): Promise<CommitteeSeat> {
    const seatId = await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.organisationId, input.from, true);
      if (input.to && input.to <= input.from)
        throw new DomainError('INVALID_DATE_ORDER', 'The seat must end after it starts', 'to');
      const org = await this.orgs.placementAt(m, input.organisationId, input.from);
      if (!org)
        throw new DomainError(
          'ORGANISATION_DISSOLVED',
          'The organisation does not exist on that date',
          'organisationId',
        );
      // The member must belong to the organisation's subtree on the first day.
      if (!isUuid(input.memberId))
        throw new DomainError('VALIDATION', 'The member does not belong to this organisation on that date', 'memberId');
      if (!(await this.memberPort.members.isMemberUnder(m, input.memberId, org.path, input.from))) {
        throw new DomainError('VALIDATION', 'The member does not belong to this organisation on that date', 'memberId');
      }
      const existing = [...((await this.orgs.allSeatsOf([input.organisationId], m)).get(input.organisationId) ?? [])];
      const errors = validateCommitteeSeats(
        [...existing, { memberId: input.memberId, role: input.role, from: input.from, to: input.to ?? null }],
        org.kind,
      );
      if (errors.length) {
        // The rule speaks of the whole seat list; the caller sees it as a conflict of the seat being added.
        const message = errors.map((e) => e.reason).join('; ');
        throw new DomainError('CONFLICT', `The seat conflicts with the committee's other seats: ${message}`, 'role', {
          fields: [{ field: 'role', reason: 'SEAT_CONFLICT', message }],
        });
      }
      const [row] = await m.query(
        `INSERT INTO committee_seat (organisation_id, member_id, role, valid_from, valid_to) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [input.organisationId, input.memberId, input.role, input.from, input.to ?? null],
      );
      await this.audit.record(m, caller, {
        operation: 'assignCommitteeSeat',
        entityType: 'committee_seat',
        entityId: row.id,
        after: input,
      });
      return row.id as string;
    });
    return this.seat(seatId, input.from);
  }

  async endSeat(caller: Caller, input: EndCommitteeSeatInput): Promise<CommitteeSeat> {
    const seat = await this.seat(input.seatId, today()).catch(() => null);
    if (!seat) throw new DomainError('NOT_FOUND', 'Seat not found', 'seatId');
    await this.ds.transaction(async (m) => {
      // Outside the scope is answered exactly like a seat that does not exist.
      await assertOrgVisible(m, caller.actor, seat.organisationId, today(), true).catch(
        onDomainError((e) =>
          e.code === 'NOT_FOUND'
            ? new DomainError('NOT_FOUND', 'Seat not found', 'seatId')
            : new DomainError(e.code, e.message, 'seatId'),
        ),
      );
      if (input.to <= seat.from) throw new DomainError('INVALID_DATE_ORDER', 'The seat must end after it starts', 'to');
      await m.query(`UPDATE committee_seat SET valid_to = $2 WHERE id = $1`, [input.seatId, input.to]);
      await this.audit.record(m, caller, {
        operation: 'endCommitteeSeat',
        entityType: 'committee_seat',
        entityId: input.seatId,
        before: seat,
        after: { to: input.to },
      });
    });
    return this.seat(input.seatId, input.to);
  }

  private async seat(id: string, asOf: string): Promise<CommitteeSeat> {
    if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'Seat not found', 'seatId');
    const [row] = await this.ds.query(
      `SELECT id, organisation_id AS "organisationId", member_id AS "memberId", role, valid_from AS "from", valid_to AS "to" FROM committee_seat WHERE id = $1`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Seat not found', 'seatId');
    return Object.assign(new CommitteeSeat(), row, { asOf });
  }

  /**
   * Ends, from date `d`, the member's committee seats that started before it (a member who leaves, is expelled or
   * moves), in the caller's transaction. With `movedTo` (the member's new cell), only the seats on committees that do
   * not cover that cell end (a cell's chi ủy, a committee elsewhere); a committee above both keeps its member.
   */
  async endSeatsOfMember(m: EntityManager, memberId: string, d: string, movedTo?: string): Promise<void> {
    await this.endSeatsOfMembers(m, [{ memberId, d, movedTo: movedTo ?? null }]);
  }

  /** endSeatsOfMember for many members at once (one statement): `movedTo` null ends all their seats. */
  async endSeatsOfMembers(
    m: EntityManager,
    rows: { memberId: string; d: string; movedTo: string | null }[],
  ): Promise<void> {
    if (!rows.length) return;
    await m.query(
      `UPDATE committee_seat s SET valid_to = u.d
         FROM unnest($1::uuid[], $2::date[], $3::uuid[]) AS u(member_id, d, moved_to)
        WHERE s.member_id = u.member_id AND s.valid_from < u.d AND (s.valid_to IS NULL OR s.valid_to > u.d)
          AND (u.moved_to IS NULL OR NOT EXISTS (
                SELECT 1 FROM organisation_placement sp JOIN organisation_placement cp ON cp.organisation_id = u.moved_to AND ${validAt('cp', 'u.d')}
                 WHERE sp.organisation_id = s.organisation_id AND ${validAt('sp', 'u.d')} AND ${inSubtree('cp', 'sp.path')}))`,
      [rows.map((r) => r.memberId), rows.map((r) => r.d), rows.map((r) => r.movedTo)],
    );
  }
}
