import { throwFieldErrors, type CodedFieldError, type OrganisationKind } from '@chibo/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { asField } from '../../common/graphql/errors';
import { assertOrgVisible, isUuid } from '../../common/scope/scope';
import { inSubtree, Params, validAt } from '../../database/sql';
import { JOIN_MEMBERSHIP } from '../member/member.sql';
import { ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import { inspectionReader } from './inspection.service';

// The checks and the UPDATE that the writes of inspections and of yearly plans share, inside the caller's transaction.

/** Write access to an organisation (NOT_FOUND outside the read scope, FORBIDDEN when only readable); returns its kind. */
export const assertWritableOrg = async (
  m: EntityManager,
  actor: Actor,
  orgId: string,
  d: string,
  field: string,
): Promise<OrganisationKind> => {
  await assertOrgVisible(m, inspectionReader(actor), orgId, d, true).catch(asField(field));
  const [row] = await m.query(`SELECT o.kind ${ORGANISATIONS_WHERE('o', '= $1')}`, [orgId]);
  return row.kind as OrganisationKind;
};

/**
 * Each member must belong, on date `d`, to the inspecting cell or to a cell under the inspecting committee (a
 * permanent member or one hosted on a temporary transfer). Otherwise INSPECTION_SUBJECT_NOT_IN_CELL on
 * `<field>.<i>`, every bad one listed; the same member twice is VALIDATION.
 */
export const assertSubjects = async (
  m: EntityManager,
  orgId: string,
  d: string,
  memberIds: readonly string[],
  field: string,
): Promise<void> => {
  const errors: CodedFieldError[] = [];
  memberIds.forEach((id, i) => {
    if (memberIds.indexOf(id) !== i)
      errors.push({ field: `${field}.${i}`, reason: 'the same member is listed twice', code: 'VALIDATION' });
  });
  throwFieldErrors(errors);
  if (!memberIds.length) return;
  const rows: { memberId: string }[] = await m.query(
    `SELECT DISTINCT ms.member_id AS "memberId"
       FROM organisation_placement rp
       JOIN organisation_placement mp ON ${inSubtree('mp', 'rp.path')} AND ${validAt('mp', '$2')}
       ${JOIN_MEMBERSHIP('ms', 'ms.organisation_id = mp.organisation_id AND ms.member_id = ANY($3::uuid[])', '$2')}
      WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')}`,
    [orgId, d, memberIds.filter(isUuid)],
  );
  const ok = new Set(rows.map((r) => r.memberId));
  memberIds.forEach((id, i) => {
    if (!ok.has(id))
      errors.push({
        field: `${field}.${i}`,
        reason: `not a member of the inspecting cell (or of a cell under the inspecting committee) on ${d}`,
        code: 'INSPECTION_SUBJECT_NOT_IN_CELL',
      });
  });
  throwFieldErrors(
    errors,
    errors.length
      ? `Not a member of the inspecting organisation on ${d}: ${errors.map((e) => e.field).join(', ')}`
      : undefined,
  );
};

/** The one UPDATE of the given fields of `input` (by `columns`); nothing is written when nothing is given. */
export const setColumns = async <T extends object>(
  m: EntityManager,
  table: 'inspection' | 'inspection_plan',
  id: string,
  input: T,
  columns: Record<string, string>,
): Promise<void> => {
  const entries = Object.entries(columns).filter(([k]) => (input as Record<string, unknown>)[k] !== undefined);
  if (!entries.length) return;
  const p = new Params();
  const sets = entries.map(([k, c]) => `${c} = ${p.add((input as Record<string, unknown>)[k])}`);
  await m.query(`UPDATE ${table} SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
};
