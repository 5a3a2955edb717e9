import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, validateRoundDeadlines } from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible } from '../../common/scope/scope';
import { returning } from '../../database/sql';
import { ratingReferenceDate } from './rating.sql';
import { RatingReadService } from './rating-read.service';
import { RatingSubjectService } from './rating-subject.service';
import { RatingRound, type OpenRatingRoundInput } from './rating.model';
import { ORGANISATIONS_WHERE } from '../organisation/organisation.sql';

/** A round's life: opened by a committee or grassroots organisation, announced once every subject is decided, reopened by an administrator. */
@Injectable()
export class RatingRoundService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly read: RatingReadService,
    private readonly subjects: RatingSubjectService,
  ) {}

  async openRound(caller: Caller, input: OpenRatingRoundInput): Promise<RatingRound> {
    validateRoundDeadlines(input);
    const periodKind = input.periodKind ?? 'YEAR';
    const id = await this.ds.transaction(async (m) => {
      const d = ratingReferenceDate(input.year);
      await assertOrgVisible(m, caller.actor, input.organisationId, d, true).catch(asField('organisationId'));
      const [org] = await m.query(`SELECT o.kind ${ORGANISATIONS_WHERE('o', '= $1')}`, [input.organisationId]);
      if (!['COMMITTEE', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'].includes(org.kind)) {
        throw new DomainError(
          'VALIDATION',
          'A rating round is opened by a committee or a grassroots organisation',
          'organisationId',
        );
      }
      const [dup] = await m.query(
        `SELECT 1 FROM rating_round WHERE organisation_id = $1 AND year = $2 AND period_kind = $3 AND period_label = $4`,
        [input.organisationId, input.year, periodKind, input.periodLabel ?? ''],
      );
      if (dup) throw new DomainError('CONFLICT', 'This organisation already has a round for that period', 'year');
      const title = input.title?.trim() || `Đánh giá, xếp loại chất lượng năm ${input.year}`;
      const [row] = await m.query(
        `INSERT INTO rating_round (organisation_id, year, period_kind, period_label, title, self_assessment_due, proposal_due, decision_due, opened_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
        [
          input.organisationId,
          input.year,
          periodKind,
          input.periodLabel ?? '',
          title,
          input.selfAssessmentDue,
          input.proposalDue,
          input.decisionDue,
          caller.actor.name,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'openRatingRound',
        entityType: 'rating_round',
        entityId: row.id,
        after: { ...input, periodKind, title },
        organisationId: input.organisationId,
      });
      return row.id as string;
    });
    return this.read.round(caller.actor, id);
  }

  async announceRound(caller: Caller, id: string): Promise<RatingRound> {
    await this.ds.transaction(async (m) => {
      const round = await this.read.round(caller.actor, id, m);
      await m.query(`SELECT 1 FROM rating_round WHERE id = $1 FOR UPDATE`, [id]);
      await this.subjects.assertCanAct(
        m,
        caller.actor,
        round.organisationId,
        ratingReferenceDate(round.year),
        'You may see this round but not announce it',
      );
      if (round.state === 'ANNOUNCED')
        throw new DomainError('RATING_ROUND_CLOSED', 'The round has already been announced', 'id');
      // Announcing publishes the results and cannot be undone by the committee: every subject of the round is decided
      // (or not rated by decision / exemption) first.
      const undecided = round.ratingCount - round.decidedCount;
      const notStarted = (await this.read.pending(caller.actor, id, undefined, { offset: 0, limit: 1 }, m)).total;
      if (undecided > 0 || notStarted > 0) {
        throw new DomainError(
          'CONFLICT',
          `The round cannot be announced: ${undecided} rating(s) not decided and ${notStarted} subject(s) not rated yet`,
          'id',
          {
            reason: 'RATING_ROUND_UNDECIDED',
            counts: { undecided, notStarted },
          },
        );
      }
      await m.query(
        `UPDATE rating_round SET state = 'ANNOUNCED', announced_at = now(), announced_by = $2 WHERE id = $1`,
        [id, caller.actor.name],
      );
      const announced = await returning(
        m,
        `UPDATE rating SET announced_at = now(), updated_at = now() WHERE round_id = $1 AND decided_at IS NOT NULL RETURNING id`,
        [id],
      );
      const count = announced.length;
      await this.audit.record(m, caller, {
        operation: 'announceRatingRound',
        entityType: 'rating_round',
        entityId: id,
        before: { state: round.state },
        after: { state: 'ANNOUNCED', announcedRatings: count },
        organisationId: round.organisationId,
      });
    });
    return this.read.round(caller.actor, id);
  }

  /**
   * Administrators only: takes an announced round back to OPEN (an announcement made by mistake), with the reason in
   * the audit log. Its ratings become unannounced again; decided levels stay.
   */
  async reopenRound(caller: Caller, id: string, reason: string): Promise<RatingRound> {
    if (!caller.actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only an administrator may reopen an announced round', 'id');
    if (!reason?.trim()) throw new DomainError('VALIDATION', 'Give the reason for reopening the round', 'reason');
    await this.ds.transaction(async (m) => {
      const round = await this.read.round(caller.actor, id, m);
      await m.query(`SELECT 1 FROM rating_round WHERE id = $1 FOR UPDATE`, [id]);
      if (round.state !== 'ANNOUNCED')
        throw new DomainError('CONFLICT', 'The round is not announced', 'id', { reason: 'RATING_ROUND_NOT_ANNOUNCED' });
      await m.query(`UPDATE rating_round SET state = 'OPEN', announced_at = NULL, announced_by = NULL WHERE id = $1`, [
        id,
      ]);
      const reopened = await returning(
        m,
        `UPDATE rating SET announced_at = NULL, updated_at = now() WHERE round_id = $1 AND announced_at IS NOT NULL RETURNING id`,
        [id],
      );
      await this.audit.record(m, caller, {
        operation: 'reopenRatingRound',
        entityType: 'rating_round',
        entityId: id,
        before: { state: round.state, announcedAt: round.announcedAt, announcedBy: round.announcedBy },
        after: { state: 'OPEN', reason: reason.trim(), ratings: reopened.length },
        organisationId: round.organisationId,
      });
    });
    return this.read.round(caller.actor, id);
  }
}
