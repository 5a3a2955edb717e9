import { DomainError, holdsMembers, type MemberEventType, type OrganisationKind } from '@chibo/domain';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/audit/audit.service';
import type { Actor } from '../../common/auth/actor';
import { asField } from '../../common/graphql/errors';
import { assertOrgVisible } from '../../common/scope/scope';
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

/** Ends the member's memberships of this kind on `d` (those starting on or after `d` are deleted). */
export const closeMembership = async (
  m: EntityManager,
  memberId: string,
  kind: 'PERMANENT' | 'TEMPORARY',
  d: string,
): Promise<void> => {
  await m.query(`DELETE FROM membership WHERE member_id = $1 AND kind = $2 AND valid_from >= $3::date`, [
    memberId,
    kind,
    d,
  ]);
  await m.query(
    `UPDATE membership SET valid_to = $3 WHERE member_id = $1 AND kind = $2 AND valid_from < $3::date AND (valid_to IS NULL OR valid_to > $3::date)`,
    [memberId, kind, d],
  );
};

/** One entry of the member's event log (member_event). */
export const insertMemberEvent = async (
  m: EntityManager,
  caller: Caller,
  memberId: string,
  e: {
    type: MemberEventType;
    effectiveOn: string;
    organisationId?: string | null;
    toOrganisationId?: string | null;
    externalOrganisation?: string | null;
    reason?: string | null;
    note?: string | null;
    endOn?: string | null;
  },
): Promise<void> => {
  await m.query(
    `INSERT INTO member_event (member_id, type, effective_on, organisation_id, to_organisation_id, external_organisation, reason, note, end_on, recorded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      memberId,
      e.type,
      e.effectiveOn,
      e.organisationId ?? null,
      e.toOrganisationId ?? null,
      e.externalOrganisation ?? null,
      e.reason ?? null,
      e.note ?? null,
      e.endOn ?? null,
      caller.actor.kind === 'USER' ? caller.actor.id : null,
    ],
  );
};
