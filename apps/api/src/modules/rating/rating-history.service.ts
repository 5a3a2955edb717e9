import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertPastRatingAllowed,
  checkQuota,
  DomainError,
  emptyLevelCounts,
  equivalentLevel,
  isAfterToday,
  pastRatingBreaches,
  quotaApplies,
  ratingAuthority,
  ratingLevelCap,
  vietnamToday,
  type QuotaCheck,
  type RatingLevel,
  type RatingSubjectKind,
} from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { PolicyService } from '../policy/policy.service';
import { conditionsOf, ratingFacts } from './rating-steps';
import { ratingReferenceDate } from './rating.sql';
import { RatingReadService } from './rating-read.service';
import { RatingSubjectService } from './rating-subject.service';
import type { Rating, RecordHistoricalRatingInput } from './rating.model';

/**
 * Past ratings recorded outside a round (docs/rules.md#r-rating-history), checked against the rules a decision in a
 * round keeps. The steps of a rating in a round are RatingStepService's.
 */
@Injectable()
export class RatingHistoryService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
    private readonly read: RatingReadService,
    private readonly subjects: RatingSubjectService,
  ) {}
  /**
   * A past rating, recorded outside a round (docs/rules.md#r-rating-history), under the rules a decision in a round
   * keeps: the member a rating subject that year, the level within the cap the records of that year allow, the quota
   * of its group. A rating that breaks one is refused unless `overrideReason` gives the record as decided then; the
   * rules overridden and the reason are stored on the rating and in the audit log.
   */
  async recordHistorical(caller: Caller, input: RecordHistoricalRatingInput): Promise<Rating> {
    // A past rating: a year after the current one (Vietnam's date) has not been rated yet.
    if (isAfterToday(`${String(input.year).padStart(4, '0')}-01-01`, vietnamToday())) {
      throw new DomainError(
        'VALIDATION',
        `The year ${input.year} is after the current year: a past rating cannot be recorded for it`,
        'year',
        { reason: 'DATE_IN_FUTURE' },
      );
    }
    const level = input.level ?? equivalentLevel(input.scheme, input.rawLabel);
    if (!level)
      throw new DomainError(
        'VALIDATION',
        `"${input.rawLabel}" has no usual equivalent level under ${input.scheme}; give the level it counts as`,
        'level',
      );
    const id = await this.ds.transaction(async (m) => {
      const d = ratingReferenceDate(input.year);
      const subject = await this.subjects.resolve(
        m,
        caller.actor,
        null,
        input.memberId,
        input.organisationId,
        d,
        false,
      );
      const [dup] = await m.query(
        `SELECT id FROM rating WHERE period_kind = 'YEAR' AND year = $1 AND (member_id = $2 OR subject_organisation_id = $3)`,
        [input.year, subject.memberId, subject.subjectOrganisationId],
      );
      if (dup)
        throw new DomainError('CONFLICT', `A rating for ${input.year} already exists for this subject`, 'year', {
          ratingId: dup.id,
        });
      const authority = ratingAuthority(
        subject.memberId ? 'MEMBER' : 'ORGANISATION',
        await this.subjects.chain(m, subject.organisationId, d),
      );
      const groupId = authority.grassrootsId ?? authority.deciderId;
      const policy = await this.policies.forOrganisation(subject.organisationId, d, m);
      const notRated = subject.memberId
        ? await this.subjects.notRatedOn(m, subject.memberId, d, input.year, policy)
        : null;
      const facts = await ratingFacts(m, { id: null, year: input.year }, subject, d);
      const cap = ratingLevelCap(
        conditionsOf({ ...subject, subjectKind: subject.kind, id: '', score: null, selfAssessment: null }, facts),
        policy,
      );
      const quota = await this.pastQuota(m, groupId, subject.kind, input.year, d, level);
      const { overridden, reason } = assertPastRatingAllowed(
        pastRatingBreaches({ level, notRated, cap, ...quota }),
        input.overrideReason,
      );
      const [row] = await m.query(
        `INSERT INTO rating (year, period_kind, subject_kind, member_id, subject_organisation_id, organisation_id, proposer_id, decider_id, quota_group_id,
                             scheme, raw_label, score, decided_level, decided_at, decided_by, announced_at, override_reason, overridden_rules)
         VALUES ($1,'YEAR',$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,now(),$13,now(),$14,$15) RETURNING id`,
        [
          input.year,
          subject.kind,
          subject.memberId,
          subject.subjectOrganisationId,
          subject.organisationId,
          authority.proposerId,
          authority.deciderId,
          groupId,
          input.scheme,
          input.rawLabel.trim(),
          input.score ?? null,
          level,
          caller.actor.name,
          reason,
          overridden,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'recordHistoricalRating',
        entityType: 'rating',
        entityId: row.id,
        after: {
          ...input,
          level,
          overrideReason: reason,
          overriddenRules: overridden,
          notRated,
          cap: cap.ceiling,
          capCauses: cap.causes,
          quota: quota.quotaAfter,
        },
        organisationId: subject.organisationId,
      });
      return row.id as string;
    });
    return this.read.getRating(caller.actor, id);
  }

  /**
   * The quota of a past rating's group for the year, without and with the rating: every yearly rating of that year in
   * the group (decided, else proposed; in a round or not). Null when the quota does not cover the subject kind.
   */
  private async pastQuota(
    m: EntityManager,
    groupId: string,
    kind: RatingSubjectKind,
    year: number,
    d: string,
    level: RatingLevel,
  ): Promise<{ quotaBefore: QuotaCheck | null; quotaAfter: QuotaCheck | null }> {
    const policy = await this.policies.forOrganisation(groupId, d, m);
    if (!quotaApplies(kind, policy)) return { quotaBefore: null, quotaAfter: null };
    const rows: { level: RatingLevel; n: number }[] = await m.query(
      `SELECT COALESCE(decided_level, proposed_level) AS level, count(*)::int AS n FROM rating
        WHERE period_kind = 'YEAR' AND year = $1 AND quota_group_id = $2 AND subject_kind = $3 AND COALESCE(decided_level, proposed_level) IS NOT NULL GROUP BY 1`,
      [year, groupId, kind],
    );
    const counts = emptyLevelCounts();
    for (const r of rows) counts[r.level] += r.n;
    const quotaBefore = checkQuota(counts, policy);
    counts[level] += 1;
    return { quotaBefore, quotaAfter: checkQuota(counts, policy) };
  }
}
