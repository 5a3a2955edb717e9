import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertDecisionReason,
  assertRatingStep,
  checkQuota,
  computeRatingLevel,
  defaultSchemeForYear,
  DomainError,
  emptyLevelCounts,
  quotaApplies,
  quotaEnforced,
  ratingAuthority,
  ratingStage,
  validateSelfAssessment,
  type QuotaCheck,
  type RatingLevel,
  type RatingRoundState,
} from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { PolicyService } from '../policy/policy.service';
import { enforceLevelCap, ratingFacts } from './rating-steps';
import {
  RATING_COLUMNS,
  RATING_FROM,
  ratingReferenceDate,
  type RatingRow,
  type RoundRow,
  type Subject,
} from './rating.sql';
import { RatingReadService } from './rating-read.service';
import { RatingSubjectService } from './rating-subject.service';
import {
  Rating,
  type DecideRatingInput,
  type ProposeRatingInput,
  type RatingProposalResult,
  type SubmitSelfAssessmentInput,
} from './rating.model';

/**
 * The steps of a rating in a round (self-assessment, proposal, decision), each with its permission (write access to
 * the body that takes it, FORBIDDEN otherwise), the level cap and the quota. A past rating recorded outside a round is
 * RatingHistoryService's.
 */
@Injectable()
export class RatingStepService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
    private readonly read: RatingReadService,
    private readonly subjects: RatingSubjectService,
  ) {}

  async submitSelfAssessment(caller: Caller, input: SubmitSelfAssessmentInput): Promise<Rating> {
    const id = await this.ds.transaction(async (m) => {
      const round = await this.read.round(caller.actor, input.roundId, m).catch(asField('roundId'));
      const d = ratingReferenceDate(round.year);
      const subject = await this.subjects.resolve(
        m,
        caller.actor,
        round,
        input.memberId,
        input.organisationId,
        d,
        true,
      );
      const policy = await this.policies.forOrganisation(subject.organisationId, d, m);
      const check = validateSelfAssessment(input, policy);
      if (!check.ok) {
        throw new DomainError(
          'VALIDATION',
          check.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
          check.errors[0]?.field,
          { errors: check.errors },
        );
      }
      const chain = await this.subjects.chain(m, subject.organisationId, d);
      const authority = ratingAuthority(subject.memberId ? 'MEMBER' : 'ORGANISATION', chain);
      const existing = await this.lockRatingOf(m, round, subject);
      assertRatingStep(
        existing ? ratingStage(existing) : 'PENDING',
        'SELF_ASSESSMENT',
        round.state,
        subject.memberId ? 'memberId' : 'organisationId',
      );

      const facts = await ratingFacts(m, round, subject, d);
      const outcome = computeRatingLevel(
        {
          subjectKind: subject.kind,
          score: check.total,
          tasks: input.tasks,
          disciplinedInYear: facts.disciplined,
          shortcomingsFixed: input.shortcomingsFixed ?? true,
          leadershipDisciplineForms: facts.leadershipForms,
          subordinates: facts.subordinates,
          constituentLevels: facts.constituents,
        },
        policy,
      );
      const scores = {
        generalPoints: input.generalPoints,
        taskPoints: input.taskPoints,
        tasks: { ...input.tasks },
        shortcomingsFixed: subject.memberId ? (input.shortcomingsFixed ?? true) : null,
        note: input.note ?? null,
      };
      const blockReasons = outcome.caps.map((c) => c.reason);
      let ratingId: string;
      if (existing) {
        ratingId = existing.id;
        await m.query(
          `UPDATE rating SET score = $2, self_scores = $3, self_assessed_at = now(), self_assessed_by = $4, computed_level = $5, block_reasons = $6, updated_at = now() WHERE id = $1`,
          [ratingId, check.total, JSON.stringify(scores), caller.actor.name, outcome.level, blockReasons],
        );
      } else {
        const [row] = await m.query(
          `INSERT INTO rating (round_id, year, period_kind, subject_kind, member_id, subject_organisation_id, organisation_id, proposer_id, decider_id, quota_group_id,
                               scheme, score, self_scores, self_assessed_at, self_assessed_by, computed_level, block_reasons)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,now(),$14,$15,$16) RETURNING id`,
          [
            round.id,
            round.year,
            round.periodKind,
            subject.kind,
            subject.memberId,
            subject.subjectOrganisationId,
            subject.organisationId,
            authority.proposerId,
            authority.deciderId,
            authority.grassrootsId ?? authority.deciderId,
            defaultSchemeForYear(round.year),
            check.total,
            JSON.stringify(scores),
            caller.actor.name,
            outcome.level,
            blockReasons,
          ],
        );
        ratingId = row.id;
      }
      await this.audit.record(m, caller, {
        operation: 'submitSelfAssessment',
        entityType: 'rating',
        entityId: ratingId,
        before: existing ?? undefined,
        after: {
          ...scores,
          total: check.total,
          computedLevel: outcome.level,
          scoreLevel: outcome.scoreLevel,
          caps: outcome.caps,
        },
        organisationId: subject.organisationId,
      });
      return ratingId;
    });
    return this.read.getRating(caller.actor, id);
  }

  async propose(caller: Caller, input: ProposeRatingInput): Promise<RatingProposalResult> {
    const quota = await this.ds.transaction(async (m) => {
      const { rating, round, d } = await this.lockForStep(m, caller.actor, input.ratingId);
      await this.subjects.assertCanAct(
        m,
        caller.actor,
        rating.proposerId!,
        d,
        'Only the reviewing cell or committee proposes this rating',
      );
      assertRatingStep(ratingStage(rating), 'PROPOSAL', round.state, 'ratingId');
      await enforceLevelCap(m, this.policies, rating, round, d, input.level);
      await m.query(
        `UPDATE rating SET proposed_level = $2, proposal_note = $3, proposed_at = now(), proposed_by = $4, updated_at = now() WHERE id = $1`,
        [rating.id, input.level, input.note ?? null, caller.actor.name],
      );
      const q = await this.quotaOf(m, rating, d);
      await this.audit.record(m, caller, {
        operation: 'proposeRating',
        entityType: 'rating',
        entityId: rating.id,
        before: { proposedLevel: rating.proposedLevel },
        after: { level: input.level, note: input.note ?? null, quota: q },
        organisationId: rating.organisationId,
      });
      return q;
    });
    return { rating: await this.read.getRating(caller.actor, input.ratingId), quota, quotaWarning: !!quota?.breached };
  }

  async decide(caller: Caller, input: DecideRatingInput): Promise<Rating> {
    await this.ds.transaction(async (m) => {
      const { rating, round, d } = await this.lockForStep(m, caller.actor, input.ratingId);
      await this.subjects.assertCanAct(
        m,
        caller.actor,
        rating.deciderId!,
        d,
        'Only the competent level decides this rating',
      );
      assertRatingStep(ratingStage(rating), 'DECISION', round.state, 'ratingId');
      await enforceLevelCap(m, this.policies, rating, round, d, input.level);
      const reason = assertDecisionReason(rating.proposedLevel, input.level, input.reason);
      const override = input.quotaOverrideReason?.trim() ? input.quotaOverrideReason.trim() : null;
      const before = await this.quotaOf(m, rating, d);
      await m.query(
        `UPDATE rating SET decided_level = $2, decision_reason = $3, quota_override_reason = $4, decided_at = now(), decided_by = $5, updated_at = now() WHERE id = $1`,
        [rating.id, input.level, reason, null, caller.actor.name],
      );
      const after = await this.quotaOf(m, rating, d);
      // Enforced when this decision makes the group break the quota, or adds an HTXSNV to a group already over it.
      const enforced = quotaEnforced(before, after, input.level);
      if (enforced && after && !override) {
        throw new DomainError(
          'RATING_QUOTA_EXCEEDED',
          `The decision breaks the "excellent" quota of its group (${after.excellent} HTXSNV, at most ${after.limit}); give quotaOverrideReason to decide anyway`,
          'quotaOverrideReason',
          { ...after },
        );
      }
      if (override)
        await m.query(`UPDATE rating SET quota_override_reason = $2 WHERE id = $1`, [
          rating.id,
          enforced ? override : null,
        ]);
      await this.audit.record(m, caller, {
        operation: 'decideRating',
        entityType: 'rating',
        entityId: rating.id,
        before: { proposedLevel: rating.proposedLevel, decidedLevel: rating.decidedLevel },
        after: { level: input.level, reason, quotaOverrideReason: enforced ? override : null, quota: after },
        organisationId: rating.organisationId,
      });
    });
    return this.read.getRating(caller.actor, input.ratingId);
  }

  /** The rating (visible, locked) with its round; NOT_FOUND when not visible; a past rating has no steps. */
  private async lockForStep(
    m: EntityManager,
    actor: Actor,
    ratingId: string,
  ): Promise<{ rating: RatingRow; round: { id: string; year: number; state: RatingRoundState }; d: string }> {
    const rating = await this.read.getRating(actor, ratingId, m);
    await m.query(`SELECT 1 FROM rating WHERE id = $1 FOR UPDATE`, [ratingId]);
    if (!rating.roundId)
      throw new DomainError('RATING_ROUND_CLOSED', 'A past rating recorded without a round has no steps', 'ratingId');
    const [round] = await m.query(`SELECT id, year, state FROM rating_round WHERE id = $1`, [rating.roundId]);
    const d = ratingReferenceDate(round.year);
    if (rating.memberId) {
      // Who is rated, read when the step is taken: an exemption recorded after the self-assessment, or the committee's
      // decision not to rate the member this year (excludeFromRating), stops the rating here.
      const notRated = await this.subjects.notRatedOn(
        m,
        rating.memberId,
        d,
        round.year,
        await this.policies.forOrganisation(rating.organisationId, d, m),
      );
      if (notRated === 'NOT_ACTIVE')
        throw new DomainError('RATING_NOT_RATED', 'The member is no longer an active member', 'ratingId');
      if (notRated)
        throw new DomainError(
          'RATING_NOT_RATED',
          `The member is not rated (${notRated}): no step is taken further this year`,
          'ratingId',
          { notRatedReason: notRated },
        );
    }
    return { rating, round, d };
  }

  private async lockRatingOf(m: EntityManager, round: RoundRow, s: Subject): Promise<RatingRow | null> {
    const [row] = await m.query(
      `SELECT ${RATING_COLUMNS} FROM ${RATING_FROM} WHERE r.round_id = $1 AND (r.member_id = $2 OR r.subject_organisation_id = $3) FOR UPDATE OF r`,
      [round.id, s.memberId, s.subjectOrganisationId],
    );
    if (row) return row;
    if (round.periodKind === 'YEAR') {
      const [other] = await m.query(
        `SELECT id FROM rating WHERE period_kind = 'YEAR' AND year = $1 AND (member_id = $2 OR subject_organisation_id = $3)`,
        [round.year, s.memberId, s.subjectOrganisationId],
      );
      if (other)
        throw new DomainError(
          'CONFLICT',
          `The subject already has a rating for ${round.year} in another round`,
          s.memberId ? 'memberId' : 'organisationId',
          { ratingId: other.id },
        );
    }
    return null;
  }

  /** The quota of the rating's group for its subject kind, counting each rating at its decided (else proposed) level; null when not covered. */
  private async quotaOf(
    m: EntityManager,
    rating: RatingRow,
    d: string,
  ): Promise<(QuotaCheck & { groupId: string }) | null> {
    if (!rating.quotaGroupId || !rating.roundId) return null;
    const policy = await this.policies.forOrganisation(rating.quotaGroupId, d, m);
    if (!quotaApplies(rating.subjectKind, policy)) return null;
    const rows: { level: RatingLevel; n: number }[] = await m.query(
      `SELECT COALESCE(decided_level, proposed_level) AS level, count(*)::int AS n FROM rating
        WHERE round_id = $1 AND quota_group_id = $2 AND subject_kind = $3 AND COALESCE(decided_level, proposed_level) IS NOT NULL GROUP BY 1`,
      [rating.roundId, rating.quotaGroupId, rating.subjectKind],
    );
    const counts = emptyLevelCounts();
    for (const r of rows) counts[r.level] += r.n;
    return { groupId: rating.quotaGroupId, ...checkQuota(counts, policy) };
  }
}
