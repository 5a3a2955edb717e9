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
  type Policy,
} from '@chibo/domain';
import { recordAudits, type Caller } from '../../common/audit/audit.service';
import { today } from '../../database/sql';
import { CommitteeSeatService } from '../organisation/committee-seat.service';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import type { MemberEventInput } from './member.inputs';
import type { Member } from './member.model';
import { MemberService } from './member.service';
import { assertMemberCell, assertMemberCells, atEvent, closeMemberships, insertMemberEvents } from './member-writes';

/**
 * A member's lifecycle events (docs/rules.md#r-member-lifecycle): transfers, temporary transfers, exemption,
 * recognition as a full member, leaving; the domain rule decides whether the event may happen, the memberships and
 * committee seats follow.
 */
@Injectable()
export class MemberEventService {
  constructor(
    private readonly ds: DataSource,
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
      const last = before.leftOn === null ? await this.lastPlacementStarts(m, [input.memberId]) : null;
      const w = planEvent(input, before, d, last?.get(input.memberId) ?? null, policy);
      if (w.toOrg) {
        const hostOnly = type === 'TRANSFER_IN' || type === 'TEMPORARY_TRANSFER_OUT';
        await assertMemberCell(m, this.orgs, caller.actor, w.toOrg, d, 'toOrganisationId', hostOnly);
      }
      if (type === 'RECOGNISED_FULL') assertCardNumberAllowed('FULL', input.cardNumber);
      await this.write(m, caller, [w]);
    });
    return this.members.get(caller.actor, input.memberId, asOf);
  }

  /**
   * Many lifecycle events at once (a bulk load, the demo seed): each goes through recordEvent's checks and the domain
   * rule, and all are written in one transaction with a fixed number of set-based statements (all or nothing; an
   * error names the event, 1-based in its message, 0-based as `index` in its details). One member per event; the
   * types of BATCH_EVENT_TYPES, each with its effective date (the others, which read the probation policy or a host
   * outside the caller's scope, one at a time with recordEvent). Returns the number of events recorded.
   */
  async recordEvents(caller: Caller, inputs: readonly MemberEventInput[]): Promise<number> {
    const seen = new Set<string>();
    for (const [i, input] of inputs.entries()) {
      const fail = (message: string, field: string) => {
        throw new DomainError('VALIDATION', `Event ${i + 1}: ${message}`, field, { index: i });
      };
      if (!(BATCH_EVENT_TYPES as readonly string[]).includes(input.type))
        fail(`${input.type} events are recorded one at a time (recordMemberEvent)`, 'type');
      if (!input.effectiveOn) fail('An event of a batch needs its effective date', 'effectiveOn');
      if (seen.has(input.memberId)) fail('The member has another event in this batch', 'memberId');
      seen.add(input.memberId);
    }
    if (!inputs.length) return 0;
    return this.ds.transaction(async (m) => {
      const before = await this.members.lockWritableMany(
        m,
        caller.actor,
        inputs.map((x) => x.memberId),
      );
      const stillIn = inputs.filter((x) => before.get(x.memberId)?.leftOn === null).map((x) => x.memberId);
      const last = await this.lastPlacementStarts(m, stillIn);
      const writes = inputs.map((input, i) => {
        try {
          return planEvent(input, before.get(input.memberId)!, input.effectiveOn!, last.get(input.memberId) ?? null);
        } catch (e) {
          return atEvent(i)(e);
        }
      });
      await assertMemberCells(
        m,
        this.orgs,
        caller.actor,
        writes.map((w) => (w.toOrg ? { orgId: w.toOrg, d: w.d } : null)),
        'toOrganisationId',
      );
      await this.write(m, caller, writes);
      return writes.length;
    });
  }

  /** What planned events write, in their order: memberships, committee seats, the member rows, the event log, the audit. */
  private async write(m: EntityManager, caller: Caller, writes: EventWrite[]): Promise<void> {
    await closeMemberships(
      m,
      writes.flatMap((w) => w.close.map((kind) => ({ memberId: w.input.memberId, kind, d: w.d }))),
    );
    const joins = writes.filter((w) => w.join && w.toOrg);
    if (joins.length)
      await m.query(
        `INSERT INTO membership (member_id, organisation_id, kind, valid_from, valid_to)
         SELECT u.member_id, u.organisation_id, u.kind, u.valid_from, u.valid_to
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[]) WITH ORDINALITY AS u(member_id, organisation_id, kind, valid_from, valid_to, n)
          ORDER BY u.n`,
        [
          joins.map((w) => w.input.memberId),
          joins.map((w) => w.toOrg),
          joins.map((w) => w.join),
          joins.map((w) => w.d),
          joins.map((w) => (w.join === 'TEMPORARY' ? (w.input.endOn ?? null) : null)),
        ],
      );
    // Seats on committees that do not cover the new cell end with a move (a cell's chi ủy, a committee elsewhere);
    // all of them when the member leaves.
    await this.seats.endSeatsOfMembers(
      m,
      writes
        .filter((w) => w.leaves || (w.join === 'PERMANENT' && w.toOrg))
        .map((w) => ({ memberId: w.input.memberId, d: w.d, movedTo: w.leaves ? null : w.toOrg })),
    );
    await m.query(
      `UPDATE member m SET status = u.status, exemption = u.exempt, temporarily_away = u.away, updated_at = now(),
              left_on = CASE WHEN u.leaves THEN u.d WHEN u.status IN ('PROBATIONARY','FULL') THEN NULL ELSE m.left_on END,
              full_membership_date = CASE WHEN u.recognised THEN u.d ELSE m.full_membership_date END,
              card_number = coalesce(u.card, m.card_number)
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::boolean[], $6::date[], $7::boolean[], $8::text[])
              AS u(id, status, exempt, away, leaves, d, recognised, card)
        WHERE m.id = u.id`,
      [
        writes.map((w) => w.input.memberId),
        writes.map((w) => w.next.status),
        writes.map((w) => w.next.exempt),
        writes.map((w) => w.next.temporarilyAway),
        writes.map((w) => w.leaves),
        writes.map((w) => w.d),
        writes.map((w) => w.type === 'RECOGNISED_FULL'),
        writes.map((w) => w.input.cardNumber ?? null),
      ],
    );
    await insertMemberEvents(
      m,
      caller,
      writes.map(({ input, type, d, cell, toOrg }) => ({
        memberId: input.memberId,
        type,
        effectiveOn: d,
        organisationId: cell,
        toOrganisationId: toOrg,
        externalOrganisation: input.externalOrganisation ?? null,
        reason: input.reason ?? null,
        note: input.note ?? null,
        endOn: input.endOn ?? null,
      })),
    );
    await recordAudits(
      m,
      caller,
      writes.map(({ input, type, before, cell, toOrg, next }) => ({
        operation: `recordMemberEvent.${type}`,
        entityType: 'member',
        entityId: input.memberId,
        before,
        after: { ...input, status: next.status },
        organisationId: toOrg && type !== 'TEMPORARY_TRANSFER_OUT' ? toOrg : cell,
      })),
    );
  }

  /** Each member's latest placement start (any membership), for those with one. */
  private async lastPlacementStarts(m: EntityManager, memberIds: readonly string[]): Promise<Map<string, string>> {
    if (!memberIds.length) return new Map();
    const rows: { id: string; last: string }[] = await m.query(
      `SELECT member_id AS id, max(valid_from)::text AS last FROM membership WHERE member_id = ANY($1::uuid[]) GROUP BY member_id`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.id, r.last]));
  }
}

/** The event types recordEvents takes in a batch. */
export const BATCH_EVENT_TYPES = [
  'TRANSFER_INTERNAL',
  'TRANSFER_OUT',
  'EXEMPTED',
  'EXEMPTION_ENDED',
  'REMOVED',
  'DECEASED',
  'NOT_RECOGNISED',
] as const satisfies readonly MemberEventType[];

/** One planned event: what it makes of the member and which memberships and seats it changes. */
type EventWrite = {
  input: MemberEventInput;
  type: MemberEventType;
  d: string;
  before: Record<string, unknown>;
  /** The member's cell before the event. */
  cell: string;
  /** The new cell (a transfer) or the host cell inside the system (a temporary transfer). */
  toOrg: string | null;
  /** A membership of `toOrg` from `d` (TEMPORARY: until the input's endOn). */
  join: 'PERMANENT' | 'TEMPORARY' | null;
  /** The memberships of these kinds end on `d`. */
  close: ('PERMANENT' | 'TEMPORARY')[];
  leaves: boolean;
  next: MemberState;
};

/**
 * The checks of one event that need no query (docs/rules.md#r-member-lifecycle), in recordEvent's order, and what it
 * writes. `lastStart`: the member's latest placement start while in a cell (null once left); `policy`: the cell's,
 * for a recognition (which recordEvents does not take).
 */
const planEvent = (
  input: MemberEventInput,
  before: Record<string, unknown>,
  d: string,
  lastStart: string | null,
  policy?: Policy,
): EventWrite => {
  const type = input.type as MemberEventType;
  // A member event records what happened: not after today.
  if (isAfterToday(d, today()))
    throw new DomainError('VALIDATION', `The event cannot take effect after today (${d})`, 'effectiveOn', {
      reason: 'DATE_IN_FUTURE',
    });
  if (type === 'RECOGNISED_FULL') {
    if (!policy) throw new Error('A recognition is checked against the cell policy');
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
  if (before.leftOn === null && d < (lastStart ?? '0000-01-01')) {
    throw new DomainError(
      'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
      'The member changed cell after that date',
      'effectiveOn',
    );
  }
  const w: EventWrite = { input, type, d, before, cell, toOrg: null, join: null, close: [], leaves, next };
  if (type === 'TRANSFER_INTERNAL' || type === 'TRANSFER_IN') {
    if (!input.toOrganisationId)
      throw new DomainError('VALIDATION', 'A transfer needs the target cell', 'toOrganisationId');
    if (input.toOrganisationId === cell && type === 'TRANSFER_INTERNAL')
      throw new DomainError('VALIDATION', 'The member is already in this cell', 'toOrganisationId');
    Object.assign(w, { toOrg: input.toOrganisationId, join: 'PERMANENT', close: ['PERMANENT'] });
  }
  if (type === 'TEMPORARY_TRANSFER_OUT') {
    if (!input.endOn) throw new DomainError('VALIDATION', 'A temporary transfer needs its end date', 'endOn');
    if (input.endOn <= d) throw new DomainError('INVALID_DATE_ORDER', 'The end date must be after the start', 'endOn');
    if (input.toOrganisationId) Object.assign(w, { toOrg: input.toOrganisationId, join: 'TEMPORARY' });
    else if (!input.externalOrganisation)
      throw new DomainError(
        'VALIDATION',
        'Name the host: toOrganisationId or externalOrganisation',
        'toOrganisationId',
      );
  }
  if (type === 'TEMPORARY_TRANSFER_END') w.close = ['TEMPORARY'];
  if (type === 'TRANSFER_OUT' && !input.externalOrganisation)
    throw new DomainError('VALIDATION', 'Name the organisation the member transfers to', 'externalOrganisation');
  if (leaves) w.close = ['PERMANENT', 'TEMPORARY'];
  return w;
};
