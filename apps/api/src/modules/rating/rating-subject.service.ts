import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  DomainError,
  ratingSubjectKindOf,
  type ChainLink,
  type NotRatedReason,
  type OrganisationKind,
  type Policy,
} from '@chibo/domain';
import { asField, onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { assertOrgVisible, isUuid, orgVisibleSql } from '../../common/scope/scope';
import { Params } from '../../database/sql';
import { PolicyService } from '../policy/policy.service';
import { MEMBER_RATING_STATE, notRatedOf, type RoundRow, type Subject } from './rating.sql';
import { CELL_AT, MEMBERS_WHERE } from '../member/member.sql';
import { JOIN_ORGANISATION, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';

/** Who is rated and who may act: the subject of a step checked against scope, round and policy; the body's write right; the chain of bodies above. */
@Injectable()
export class RatingSubjectService {
  constructor(private readonly policies: PolicyService) {}

  /** FORBIDDEN unless the actor may write organisation `orgId` (the body taking the step). */
  async assertCanAct(
    m: EntityManager,
    actor: Actor,
    orgId: string,
    d: string,
    message: string,
    field = 'ratingId',
  ): Promise<void> {
    const p = new Params();
    const id = p.add(orgId);
    const date = p.add(d);
    const rows = await m.query(
      `SELECT 1 ${ORGANISATIONS_WHERE('o', `= ${id}::uuid`)} AND ${orgVisibleSql(actor, 'o.id', p, date, true)}`,
      p.values,
    );
    if (rows.length === 0) throw new DomainError('FORBIDDEN', message, field);
  }

  /**
   * The subject of a self-assessment or a past rating, checked: exactly one of memberId / organisationId; a writer of
   * the member's cell (an organisation: a writer of it), or the member themselves only when `selfService` (their own
   * self-assessment: never an official rating); inside the round's subtree; rated under the policy (RATING_NOT_RATED
   * for an exempt member).
   */
  async resolve(
    m: EntityManager,
    actor: Actor,
    round: RoundRow | null,
    memberId: string | undefined,
    organisationId: string | undefined,
    d: string,
    selfService: boolean,
  ): Promise<Subject> {
    if (!memberId === !organisationId)
      throw new DomainError(
        'VALIDATION',
        'Give either memberId or organisationId',
        memberId ? 'organisationId' : 'memberId',
      );
    const inRound = async (orgId: string, field: string) => {
      if (!round) return;
      const [row] = await m.query(
        `SELECT position('/' || $1::text || '/' IN placement_path_at($2, $3::date)) > 0 AS inside`,
        [round.organisationId, orgId, d],
      );
      if (!row?.inside)
        throw new DomainError('VALIDATION', 'The subject is not under the organisation that opened the round', field);
    };
    if (memberId) {
      const [row] = isUuid(memberId)
        ? await m.query(
            `SELECT m.id, ${MEMBER_RATING_STATE('$2', '$3')},
                    ${CELL_AT('$2')} AS cell
               ${MEMBERS_WHERE('m', '= $1')}`,
            [memberId, d, round?.year ?? null],
          )
        : [];
      if (!row?.cell) throw new DomainError('NOT_FOUND', 'Member not found', 'memberId');
      const self = selfService && actor.ownMemberIds.includes(memberId);
      if (!self) {
        await assertOrgVisible(m, actor, row.cell, d, true).catch(
          onDomainError(
            (e) =>
              new DomainError(
                e.code,
                e.code === 'NOT_FOUND' ? 'Member not found' : 'You may see this member but not submit for them',
                'memberId',
              ),
          ),
        );
      }
      await inRound(row.cell, 'memberId');
      if (round) {
        const notRated = notRatedOf(row, d, await this.policies.forOrganisation(row.cell, d, m));
        if (notRated === 'NOT_ACTIVE')
          throw new DomainError('RATING_NOT_RATED', 'The member is no longer an active member', 'memberId');
        if (notRated)
          throw new DomainError('RATING_NOT_RATED', `The member is not rated (${notRated})`, 'memberId', {
            notRatedReason: notRated,
          });
      }
      return { kind: 'MEMBER', memberId, subjectOrganisationId: null, organisationId: row.cell };
    }
    const orgId = organisationId!;
    await assertOrgVisible(m, actor, orgId, d, true).catch(asField('organisationId'));
    const [org] = await m.query(`SELECT o.kind ${ORGANISATIONS_WHERE('o', '= $1')}`, [orgId]);
    const kind = ratingSubjectKindOf(org.kind as OrganisationKind);
    if (!kind) throw new DomainError('VALIDATION', `Organisations of kind ${org.kind} are not rated`, 'organisationId');
    await inRound(orgId, 'organisationId');
    return { kind, memberId: null, subjectOrganisationId: orgId, organisationId: orgId };
  }

  /** The organisation and its ancestors on a date, the organisation first. */
  async chain(m: EntityManager, orgId: string, d: string): Promise<ChainLink<string>[]> {
    const rows: { id: string; kind: OrganisationKind }[] = await m.query(
      `SELECT o.id, o.kind FROM unnest(string_to_array(trim(both '/' from placement_path_at($1, $2::date)), '/')) WITH ORDINALITY AS x(id, ord)
         ${JOIN_ORGANISATION('o', 'x.id::uuid')} ORDER BY x.ord DESC`,
      [orgId, d],
    );
    return rows;
  }

  /** The member's not-rated reason on `d` for `year` (see notRatedOf), read in the caller's transaction. */
  async notRatedOn(
    m: EntityManager,
    memberId: string,
    d: string,
    year: number,
    policy: Policy,
  ): Promise<NotRatedReason | 'NOT_ACTIVE' | null> {
    const [row] = await m.query(`SELECT ${MEMBER_RATING_STATE('$2', '$3')} ${MEMBERS_WHERE('m', '= $1')}`, [
      memberId,
      d,
      year,
    ]);
    return notRatedOf(row, d, policy);
  }
}
