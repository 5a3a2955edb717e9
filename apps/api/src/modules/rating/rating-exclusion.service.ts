import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertExcludable, DomainError, vietnamToday, ratingAuthority, ratingStage } from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { ratingReferenceDate } from './rating.sql';
import { RatingReadService } from './rating-read.service';
import { RatingSubjectService } from './rating-subject.service';
import { RatingExclusion, type ExcludeFromRatingInput, type IncludeInRatingInput } from './rating.model';
import { JOIN_MEMBER } from '../member/member.sql';

/** Members not rated by the committee's decision in a round (docs/rules.md#r-rating-not-rated), and taking that back. */
@Injectable()
export class RatingExclusionService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly read: RatingReadService,
    private readonly subjects: RatingSubjectService,
  ) {}

  private async exclusion(m: EntityManager, id: string): Promise<RatingExclusion> {
    const [row] = await m.query(
      `SELECT x.id, x.round_id AS "roundId", x.year, x.member_id AS "memberId", mb.full_name AS "memberName", x.organisation_id AS "organisationId",
              x.reason, x.decided_on AS "decidedOn", x.decided_by AS "decidedBy", x.recorded_at AS "recordedAt"
         FROM rating_exclusion x ${JOIN_MEMBER('mb', 'x.member_id')} WHERE x.id = $1`,
      [id],
    );
    return Object.assign(new RatingExclusion(), row);
  }

  /**
   * The round (visible, else NOT_FOUND on roundId), the member (in scope and under the round's organisation, else
   * NOT_FOUND / VALIDATION on memberId) and the permission of the body that decides the member's rating, as for
   * decideRating (FORBIDDEN on memberId); an announced round is closed (RATING_ROUND_CLOSED).
   */
  private async exclusionScope(
    m: EntityManager,
    actor: Actor,
    roundId: string,
    memberId: string,
    checkNotRated: boolean,
  ) {
    const round = await this.read.round(actor, roundId, m).catch(asField('roundId'));
    await m.query(`SELECT 1 FROM rating_round WHERE id = $1 FOR UPDATE`, [round.id]);
    const d = ratingReferenceDate(round.year);
    // Without the round, resolveSubject checks the scope only; the round's subtree and the not-rated checks follow.
    const subject = await this.subjects.resolve(m, actor, checkNotRated ? round : null, memberId, undefined, d, false);
    if (!checkNotRated) {
      const [row] = await m.query(
        `SELECT position('/' || $1::text || '/' IN placement_path_at($2, $3::date)) > 0 AS inside`,
        [round.organisationId, subject.organisationId, d],
      );
      if (!row?.inside)
        throw new DomainError(
          'VALIDATION',
          'The subject is not under the organisation that opened the round',
          'memberId',
        );
    }
    const authority = ratingAuthority('MEMBER', await this.subjects.chain(m, subject.organisationId, d));
    await this.subjects.assertCanAct(
      m,
      actor,
      authority.deciderId,
      d,
      'Only the competent level decides whether this member is rated',
      'memberId',
    );
    if (round.state === 'ANNOUNCED')
      throw new DomainError('RATING_ROUND_CLOSED', 'The round has been announced', 'roundId');
    return { round, subject, d };
  }

  async excludeFromRating(caller: Caller, input: ExcludeFromRatingInput): Promise<RatingExclusion> {
    const id = await this.ds.transaction(async (m) => {
      const { round, subject } = await this.exclusionScope(m, caller.actor, input.roundId, input.memberId, true);
      const ratings: {
        id: string;
        announcedAt: Date | null;
        decidedAt: Date | null;
        proposedAt: Date | null;
        selfAssessedAt: Date | null;
      }[] = await m.query(
        `SELECT id, announced_at AS "announcedAt", decided_at AS "decidedAt", proposed_at AS "proposedAt", self_assessed_at AS "selfAssessedAt"
           FROM rating WHERE member_id = $1 AND year = $2 FOR UPDATE`,
        [subject.memberId, round.year],
      );
      const reason = assertExcludable(ratings.map(ratingStage), input.reason);
      const decidedOn = input.decidedOn ?? vietnamToday();
      const [row] = await m.query(
        `INSERT INTO rating_exclusion (round_id, year, member_id, organisation_id, reason, decided_on, decided_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [round.id, round.year, subject.memberId, subject.organisationId, reason, decidedOn, caller.actor.name],
      );
      await this.audit.record(m, caller, {
        operation: 'excludeFromRating',
        entityType: 'rating_exclusion',
        entityId: row.id,
        after: {
          roundId: round.id,
          year: round.year,
          memberId: subject.memberId,
          organisationId: subject.organisationId,
          reason,
          decidedOn,
          openRatings: ratings.map((r) => r.id),
        },
      });
      return row.id as string;
    });
    return this.exclusion(this.ds.manager, id);
  }

  async includeInRating(caller: Caller, input: IncludeInRatingInput): Promise<RatingExclusion> {
    return this.ds.transaction(async (m) => {
      const { round, subject } = await this.exclusionScope(m, caller.actor, input.roundId, input.memberId, false);
      const [x] = await m.query(`SELECT id FROM rating_exclusion WHERE round_id = $1 AND member_id = $2 FOR UPDATE`, [
        round.id,
        subject.memberId,
      ]);
      if (!x)
        throw new DomainError('VALIDATION', "The member is not excluded from this round's rating", 'memberId', {
          reason: 'NOT_EXCLUDED',
        });
      const before = await this.exclusion(m, x.id);
      await m.query(`DELETE FROM rating_exclusion WHERE id = $1`, [x.id]);
      await this.audit.record(m, caller, {
        operation: 'includeInRating',
        entityType: 'rating_exclusion',
        entityId: x.id,
        before: { ...before },
      });
      return before;
    });
  }
}
