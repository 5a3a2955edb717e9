import { DomainError, holdsMembers, type MemberEventType, type OrganisationKind } from '@chibo/domain';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/audit/audit.service';
import type { Actor } from '../../common/auth/actor';
import { asField, onDomainError } from '../../common/graphql/errors';
import { assertOrgVisible, isUuid, orgIdsVisibleTo } from '../../common/scope/scope';
import type { OrganisationService } from '../organisation/organisation.service';

// The steps the member module's writes share, inside the caller's transaction: the cell a member is put in, the end
// of a membership, and the event log entry.

/** The organisation takes members on `d` (a cell the caller may write, or only read when `readOnly`). */
export const assertMemberCell = async (
  m: EntityManager,
  orgs: OrganisationService,
  actor: Actor,
  orgId: string,
  d: string,
  field: string,
  readOnly = false,
): Promise<void> => {
  await assertOrgVisible(m, actor, orgId, d, !readOnly).catch(asField(field));
  const row = await orgs.placementAt(m, orgId, d);
  if (!row) throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', field);
  if (!holdsMembers(row.kind as OrganisationKind))
    throw new DomainError('VALIDATION', 'Members belong to cells (chi bộ); pick a cell', field);
};

/**
 * assertMemberCell for the targets of a batch's events (null: an event without one), checked for writing with a few
 * statements whatever their number; the first failing target gives its error as `atEvent` names it.
 */
export const assertMemberCells = async (
  m: EntityManager,
  orgs: OrganisationService,
  actor: Actor,
  targets: ({ orgId: string; d: string } | null)[],
  field: string,
): Promise<void> => {
  const wanted = targets.flatMap((t, i) => (t ? [{ ...t, i }] : []));
  if (!wanted.length) return;
  const pairs = [...new Map(wanted.map((t) => [`${t.orgId}|${t.d}`, t])).values()].filter((t) => isUuid(t.orgId));
  const writable = new Set<string>();
  for (const d of new Set(pairs.map((t) => t.d)))
    for (const id of await orgIdsVisibleTo(
      m,
      actor,
      pairs.filter((t) => t.d === d).map((t) => t.orgId),
      d,
      true,
    ))
      writable.add(`${id}|${d}`);
  const placed = await orgs.kindsAt(
    m,
    pairs.filter((t) => writable.has(`${t.orgId}|${t.d}`)),
  );
  for (const t of wanted) {
    const key = `${t.orgId}|${t.d}`;
    // the single check gives the precise error (not visible, dissolved, not a cell) for the first that fails
    if (!writable.has(key) || !placed.has(key) || !holdsMembers(placed.get(key)!))
      await assertMemberCell(m, orgs, actor, t.orgId, t.d, field).catch(atEvent(t.i));
  }
};

/** For `.catch` on a check of a batch's event `index` (0-based): its DomainError, naming the event. */
export const atEvent = (index: number) =>
  onDomainError((e) => new DomainError(e.code, `Event ${index + 1}: ${e.message}`, e.field, { ...e.details, index }));

/** Ends the member's memberships of this kind on `d` (those starting on or after `d` are deleted). */
export const closeMembership = (
  m: EntityManager,
  memberId: string,
  kind: 'PERMANENT' | 'TEMPORARY',
  d: string,
): Promise<void> => closeMemberships(m, [{ memberId, kind, d }]);

/** closeMembership for many (member, kind) pairs at once: two statements. */
export const closeMemberships = async (
  m: EntityManager,
  rows: { memberId: string; kind: 'PERMANENT' | 'TEMPORARY'; d: string }[],
): Promise<void> => {
  if (!rows.length) return;
  const params = [rows.map((r) => r.memberId), rows.map((r) => r.kind), rows.map((r) => r.d)];
  const u = `unnest($1::uuid[], $2::text[], $3::date[]) AS u(member_id, kind, d)`;
  await m.query(
    `DELETE FROM membership ms USING ${u} WHERE ms.member_id = u.member_id AND ms.kind = u.kind AND ms.valid_from >= u.d`,
    params,
  );
  await m.query(
    `UPDATE membership ms SET valid_to = u.d FROM ${u}
      WHERE ms.member_id = u.member_id AND ms.kind = u.kind AND ms.valid_from < u.d AND (ms.valid_to IS NULL OR ms.valid_to > u.d)`,
    params,
  );
};

/** An entry of a member's event log (member_event). */
export type MemberEventRow = {
  type: MemberEventType;
  effectiveOn: string;
  organisationId?: string | null;
  toOrganisationId?: string | null;
  externalOrganisation?: string | null;
  reason?: string | null;
  note?: string | null;
  endOn?: string | null;
};

/** One entry of the member's event log (member_event). */
export const insertMemberEvent = (m: EntityManager, caller: Caller, memberId: string, e: MemberEventRow) =>
  insertMemberEvents(m, caller, [{ memberId, ...e }]);

/** Entries of members' event logs, in the given order (one statement). */
export const insertMemberEvents = async (
  m: EntityManager,
  caller: Caller,
  rows: (MemberEventRow & { memberId: string })[],
): Promise<void> => {
  if (!rows.length) return;
  const col = (f: (e: (typeof rows)[number]) => string | null | undefined) => rows.map((e) => f(e) ?? null);
  await m.query(
    `INSERT INTO member_event (member_id, type, effective_on, organisation_id, to_organisation_id, external_organisation, reason, note, end_on, recorded_by)
     SELECT u.member_id, u.type, u.effective_on, u.organisation_id, u.to_organisation_id, u.external_organisation, u.reason, u.note, u.end_on, $10::uuid
       FROM unnest($1::uuid[], $2::text[], $3::date[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::date[])
            WITH ORDINALITY AS u(member_id, type, effective_on, organisation_id, to_organisation_id, external_organisation, reason, note, end_on, n)
      ORDER BY u.n`,
    [
      col((e) => e.memberId),
      col((e) => e.type),
      col((e) => e.effectiveOn),
      col((e) => e.organisationId),
      col((e) => e.toOrganisationId),
      col((e) => e.externalOrganisation),
      col((e) => e.reason),
      col((e) => e.note),
      col((e) => e.endOn),
      caller.actor.kind === 'USER' ? caller.actor.id : null,
    ],
  );
};
