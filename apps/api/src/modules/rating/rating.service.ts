import { Injectable } from '@nestjs/common';
import type { ExportWorkbook } from '../../common/export/workbook';
import { DataSource, type EntityManager } from 'typeorm';
import {
  admissionProgress,
  admissionTargetFor,
  assertDecisionReason,
  assertExcludable,
  assertPastRatingAllowed,
  assertRatingStep,
  checkQuota,
  computeRatingLevel,
  defaultSchemeForYear,
  DomainError,
  emptyLevelCounts,
  foldVietnamese,
  equivalentLevel,
  formatDateVi,
  vietnamDateOf,
  vietnamToday,
  isAfterToday,
  NOT_RATED_REASON_LABELS,
  pastRatingBreaches,
  quotaApplies,
  quotaEnforced,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_PERIOD_KIND_LABELS,
  RATING_ROUND_STATE_LABELS,
  RATING_SCHEME_LABELS,
  RATING_STAGE_LABELS,
  RATING_SUBJECT_KIND_LABELS,
  RATING_SUBJECT_KINDS,
  ratingAuthority,
  ratingFiguresChange,
  ratingFiguresFromCounts,
  ratingLevelCap,
  ratingStage,
  ratingSubjectKindOf,
  validateRoundDeadlines,
  validateSelfAssessment,
  whoIsNotRated,
  type ChainLink,
  type LevelCounts,
  type NotRatedReason,
  type OrganisationKind,
  type Policy,
  type QuotaCheck,
  type RatingFigures as DomainFigures,
  type RatingLevel,
  type RatingRoundState,
  type RatingScheme,
  type RatingSubjectKind,
} from '@chibo/domain';
import { asField, onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { MAX_PAGE_SIZE, pageOf, type Page, type PageInput, keysetAfterSql, keysetColumns, keysetPageOf, keysetRows, type KeysetKey } from '../../common/graphql/pagination';
import { assertOrgVisible, inRangesSql, isUuid, orgVisibleSql, subtreeRange } from '../../common/scope/scope';
import { inSubtree, Params, returning, today, validAt } from '../../database/sql';
import { admissionCounts } from '../member/admission.sql';
import { PolicyService } from '../policy/policy.service';
import { conditionsOf, enforceLevelCap, ratingFacts } from './rating-steps';
import {
  Rating,
  RatingExclusion,
  RatingRound,
  type AdmissionProgressModel,
  type DecideRatingInput,
  type ExcludeFromRatingInput,
  type IncludeInRatingInput,
  type OpenRatingRoundInput,
  type ProposeRatingInput,
  type RatingFigureGroup,
  type RatingFigureRow,
  type RatingFigureRowsInput,
  type RatingFigures,
  type RatingFigureSet,
  type RatingFiguresInput,
  type RatingFilter,
  type RatingPendingSubject,
  type RatingProposalResult,
  type RecordHistoricalRatingInput,
  type SubmitSelfAssessmentInput,
} from './rating.model';

const ROUND_COLUMNS = `rr.id, rr.organisation_id AS "organisationId", rr.year, rr.period_kind AS "periodKind", rr.period_label AS "periodLabel",
  rr.title, rr.self_assessment_due AS "selfAssessmentDue", rr.proposal_due AS "proposalDue", rr.decision_due AS "decisionDue", rr.state,
  rr.opened_at AS "openedAt", rr.opened_by AS "openedBy", rr.announced_at AS "announcedAt", rr.announced_by AS "announcedBy",
  (SELECT count(*)::int FROM rating x WHERE x.round_id = rr.id) AS "ratingCount",
  (SELECT count(*)::int FROM rating x WHERE x.round_id = rr.id AND x.decided_at IS NOT NULL) AS "decidedCount"`;

const RATING_COLUMNS = `r.id, r.round_id AS "roundId", r.year, r.period_kind AS "periodKind", r.subject_kind AS "subjectKind", r.member_id AS "memberId",
  r.subject_organisation_id AS "subjectOrganisationId", COALESCE(mb.full_name, so.name) AS "subjectName", r.organisation_id AS "organisationId",
  o.name AS "organisationName", r.proposer_id AS "proposerId", r.decider_id AS "deciderId", r.quota_group_id AS "quotaGroupId", r.scheme,
  r.raw_label AS "rawLabel", r.score::float8 AS score, r.self_scores AS "selfAssessment", r.self_assessed_at AS "selfAssessedAt",
  r.self_assessed_by AS "selfAssessedBy", r.computed_level AS "computedLevel", r.block_reasons AS "blockReasons", r.proposed_level AS "proposedLevel",
  r.proposal_note AS "proposalNote", r.proposed_at AS "proposedAt", r.proposed_by AS "proposedBy", r.decided_level AS "decidedLevel",
  r.decision_reason AS "decisionReason", r.quota_override_reason AS "quotaOverrideReason", r.decided_at AS "decidedAt", r.decided_by AS "decidedBy",
  r.announced_at AS "announcedAt", r.override_reason AS "overrideReason", r.overridden_rules AS "overriddenRules"`;

const RATING_FROM = `rating r JOIN organisation o ON o.id = r.organisation_id LEFT JOIN member mb ON mb.id = r.member_id
  LEFT JOIN organisation so ON so.id = r.subject_organisation_id`;

/** The order of `ratings` (newest year, subject kind, organisation, subject name, id), for keyset paging. */
const RATING_KEYS: KeysetKey[] = [
  { expr: 'r.year', cast: 'int', desc: true },
  { expr: 'r.subject_kind', cast: 'text' },
  { expr: 'o.name', cast: 'text' },
  { expr: 'COALESCE(mb.name_folded, so.name)', cast: 'text' },
  { expr: 'r.id', cast: 'uuid' },
];

/** The date whose tree a year's rating uses: 31 December of the year, or today while the year runs. */
export const ratingReferenceDate = (year: number): string => {
  const end = `${String(year).padStart(4, '0')}-12-31`;
  const now = today();
  return now < end ? now : end;
};

// The same date inside SQL, for rows of several years.
const REF_DATE_SQL = (yearExpr: string, p: Params): string => `LEAST(${p.add(today())}::date, make_date(${yearExpr}, 12, 31))`;

const SUBJECT_KIND_SQL = (kindExpr: string) => `CASE ${kindExpr} WHEN 'GRASSROOTS_COMMITTEE' THEN 'GRASSROOTS_ORGANISATION' WHEN 'GRASSROOTS_CELL' THEN 'GRASSROOTS_ORGANISATION'
  WHEN 'SUB_COMMITTEE' THEN 'SUB_COMMITTEE' WHEN 'SUBORDINATE_CELL' THEN 'SUBORDINATE_CELL' END`;

/** Exemption of member `m` on a date, from its EXEMPTED / EXEMPTION_ENDED events. */
const EXEMPTION_AT = (d: string) => `(SELECT CASE WHEN e.type = 'EXEMPTED' THEN e.reason END FROM member_event e
  WHERE e.member_id = m.id AND e.type IN ('EXEMPTED','EXEMPTION_ENDED') AND e.effective_on <= ${d}::date
  ORDER BY e.effective_on DESC, e.recorded_at DESC LIMIT 1)`;

/** What the not-rated rule reads of a member on a date: the stored status, when they left, the exemption then, the committee's exclusion. */
type MemberRatingState = { status: string; leftOn: string | null; exemption: 'TEMPORARY' | 'PERMANENT' | null; excluded: boolean };

const MEMBER_RATING_STATE = (d: string, year: string) => `m.status, m.left_on AS "leftOn", ${EXEMPTION_AT(d)} AS exemption,
  EXISTS (SELECT 1 FROM rating_exclusion x WHERE x.member_id = m.id AND x.year = ${year}::int) AS excluded`;

/**
 * Whether a member is a rating subject on date `d` (docs/rules.md#r-rating-not-rated), read fresh at every step: the
 * reason they are not rated (exempt then, temporarily exempt, excluded by the committee), NOT_ACTIVE when they had left
 * by `d`, else null. The rule itself is `whoIsNotRated`.
 */
const notRatedOf = (s: MemberRatingState, d: string, policy: Policy): NotRatedReason | 'NOT_ACTIVE' | null => {
  const active = s.leftOn ? s.leftOn > d : s.status === 'FULL' || s.status === 'PROBATIONARY';
  const split = whoIsNotRated(
    [{ id: 0, state: { status: active ? 'FULL' : 'REMOVED', exempt: s.exemption ?? null, temporarilyAway: false, temporaryGuest: false }, excluded: !!s.excluded }],
    policy,
  );
  if (split.outside.length) return 'NOT_ACTIVE';
  return split.notRated[0]?.reason ?? null;
};

/** SQL conditions: each word of `search`, folded, starts a word of the folded name `expr` (as the member search; the trigram index serves the regex). */
const nameSearchSql = (expr: string, search: string, p: Params): string[] =>
  foldVietnamese(search).split(' ').filter(Boolean)
    .map((word) => `${expr} ~ ${p.add(`(^| )${word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`)}`);

type RoundRow = RatingRound;
type RatingRow = Omit<Rating, 'stage'>;

const toRound = (row: Record<string, unknown>): RatingRound => Object.assign(new RatingRound(), row);
const toRating = (row: Record<string, unknown>): Rating => Object.assign(new Rating(), row, { stage: ratingStage(row) });

type Subject = {
  kind: RatingSubjectKind;
  memberId: string | null;
  subjectOrganisationId: string | null;
  /** The member's cell on the reference date, or the organisation itself. */
  organisationId: string;
};

/**
 * The annual quality rating (docs/rules.md#ratings): rounds, the four steps with their permissions, the quota, the
 * figures in the reports' convention and the admission target (docs/rules.md#r-admission-target). Levels and rules come from libs/domain.
 * Scope: a rating is visible to readers of the organisation it sits in (a member's cell, or the organisation
 * rated) and to the member rated; each step needs write access to the body that takes it (FORBIDDEN otherwise).
 */
@Injectable()
export class RatingService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
  ) {}

  // ---------------------------------------------------------------- rounds

  /** SQL condition: round `rr` is visible: its committee is readable, or one of the caller's roots (or own cell) lies under it. */
  private roundVisibleSql(actor: Actor, p: Params): string {
    const d = REF_DATE_SQL('rr.year', p);
    const parts = [orgVisibleSql(actor, 'rr.organisation_id', p, d)];
    const below = [...new Set([...actor.readRoots, ...actor.ownCellIds])];
    if (below.length) {
      parts.push(`EXISTS (SELECT 1 FROM unnest(${p.add(below)}::uuid[]) c(id)
        WHERE position('/' || rr.organisation_id::text || '/' IN placement_path_at(c.id, ${d})) > 0)`);
    }
    return `(${parts.join(' OR ')})`;
  }

  async rounds(actor: Actor, filter: { organisationId?: string; year?: number }, m: EntityManager = this.ds.manager): Promise<RatingRound[]> {
    const p = new Params();
    const where = [this.roundVisibleSql(actor, p)];
    if (filter.organisationId) where.push(`rr.organisation_id = ${p.add(isUuid(filter.organisationId) ? filter.organisationId : null)}::uuid`);
    if (filter.year) where.push(`rr.year = ${p.add(filter.year)}::int`);
    const rows = await m.query(`SELECT ${ROUND_COLUMNS} FROM rating_round rr WHERE ${where.join(' AND ')} ORDER BY rr.year DESC, rr.opened_at DESC LIMIT 500`, p.values);
    return rows.map(toRound);
  }

  async round(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<RatingRound> {
    if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'Rating round not found', 'id');
    const p = new Params();
    const idP = p.add(id);
    const [row] = await m.query(`SELECT ${ROUND_COLUMNS} FROM rating_round rr WHERE rr.id = ${idP}::uuid AND ${this.roundVisibleSql(actor, p)}`, p.values);
    if (!row) throw new DomainError('NOT_FOUND', 'Rating round not found', 'id');
    return toRound(row);
  }

  async openRound(caller: Caller, input: OpenRatingRoundInput): Promise<RatingRound> {
    validateRoundDeadlines(input);
    const periodKind = input.periodKind ?? 'YEAR';
    const id = await this.ds.transaction(async (m) => {
      const d = ratingReferenceDate(input.year);
      await assertOrgVisible(m, caller.actor, input.organisationId, d, true).catch(asField('organisationId'));
      const [org] = await m.query(`SELECT kind FROM organisation WHERE id = $1`, [input.organisationId]);
      if (!['COMMITTEE', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'].includes(org.kind)) {
        throw new DomainError('VALIDATION', 'A rating round is opened by a committee or a grassroots organisation', 'organisationId');
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
        [input.organisationId, input.year, periodKind, input.periodLabel ?? '', title, input.selfAssessmentDue, input.proposalDue, input.decisionDue, caller.actor.name],
      );
      await this.audit.record(m, caller, { operation: 'openRatingRound', entityType: 'rating_round', entityId: row.id, after: { ...input, periodKind, title }, organisationId: input.organisationId });
      return row.id as string;
    });
    return this.round(caller.actor, id);
  }

  async announceRound(caller: Caller, id: string): Promise<RatingRound> {
    await this.ds.transaction(async (m) => {
      const round = await this.round(caller.actor, id, m);
      await m.query(`SELECT 1 FROM rating_round WHERE id = $1 FOR UPDATE`, [id]);
      await this.assertCanAct(m, caller.actor, round.organisationId, ratingReferenceDate(round.year), 'You may see this round but not announce it');
      if (round.state === 'ANNOUNCED') throw new DomainError('RATING_ROUND_CLOSED', 'The round has already been announced', 'id');
      // Announcing publishes the results and cannot be undone by the committee: every subject of the round is decided
      // (or not rated by decision / exemption) first.
      const undecided = round.ratingCount - round.decidedCount;
      const notStarted = (await this.pending(caller.actor, id, undefined, { offset: 0, limit: 1 }, m)).total;
      if (undecided > 0 || notStarted > 0) {
        throw new DomainError('CONFLICT', `The round cannot be announced: ${undecided} rating(s) not decided and ${notStarted} subject(s) not rated yet`, 'id', {
          reason: 'RATING_ROUND_UNDECIDED', counts: { undecided, notStarted },
        });
      }
      await m.query(`UPDATE rating_round SET state = 'ANNOUNCED', announced_at = now(), announced_by = $2 WHERE id = $1`, [id, caller.actor.name]);
      const announced = await returning(m, `UPDATE rating SET announced_at = now(), updated_at = now() WHERE round_id = $1 AND decided_at IS NOT NULL RETURNING id`, [id]);
      const count = announced.length;
      await this.audit.record(m, caller, { operation: 'announceRatingRound', entityType: 'rating_round', entityId: id, before: { state: round.state }, after: { state: 'ANNOUNCED', announcedRatings: count }, organisationId: round.organisationId });
    });
    return this.round(caller.actor, id);
  }

  /**
   * Administrators only: takes an announced round back to OPEN (an announcement made by mistake), with the reason in
   * the audit log. Its ratings become unannounced again; decided levels stay.
   */
  async reopenRound(caller: Caller, id: string, reason: string): Promise<RatingRound> {
    if (!caller.actor.isAdmin) throw new DomainError('FORBIDDEN', 'Only an administrator may reopen an announced round', 'id');
    if (!reason?.trim()) throw new DomainError('VALIDATION', 'Give the reason for reopening the round', 'reason');
    await this.ds.transaction(async (m) => {
      const round = await this.round(caller.actor, id, m);
      await m.query(`SELECT 1 FROM rating_round WHERE id = $1 FOR UPDATE`, [id]);
      if (round.state !== 'ANNOUNCED') throw new DomainError('CONFLICT', 'The round is not announced', 'id', { reason: 'RATING_ROUND_NOT_ANNOUNCED' });
      await m.query(`UPDATE rating_round SET state = 'OPEN', announced_at = NULL, announced_by = NULL WHERE id = $1`, [id]);
      const reopened = await returning(m, `UPDATE rating SET announced_at = NULL, updated_at = now() WHERE round_id = $1 AND announced_at IS NOT NULL RETURNING id`, [id]);
      await this.audit.record(m, caller, {
        operation: 'reopenRatingRound', entityType: 'rating_round', entityId: id,
        before: { state: round.state, announcedAt: round.announcedAt, announcedBy: round.announcedBy }, after: { state: 'OPEN', reason: reason.trim(), ratings: reopened.length }, organisationId: round.organisationId,
      });
    });
    return this.round(caller.actor, id);
  }

  // ---------------------------------------------------------------- ratings (reads)

  /**
   * SQL condition: rating `r` is visible: its organisation readable on the rating's reference date (by a read grant:
   * a member's own cell does not show the cell's other ratings), or it is the caller's own.
   */
  private ratingVisibleSql(actor: Actor, p: Params): string {
    const parts = [orgVisibleSql({ ...actor, ownCellIds: [] }, 'r.organisation_id', p, REF_DATE_SQL('r.year', p))];
    if (actor.ownMemberIds.length) parts.push(`r.member_id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`);
    return `(${parts.join(' OR ')})`;
  }

  async getRating(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<Rating> {
    if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'Rating not found', 'ratingId');
    const p = new Params();
    const idP = p.add(id);
    const [row] = await m.query(`SELECT ${RATING_COLUMNS} FROM ${RATING_FROM} WHERE r.id = ${idP}::uuid AND ${this.ratingVisibleSql(actor, p)}`, p.values);
    if (!row) throw new DomainError('NOT_FOUND', 'Rating not found', 'ratingId');
    return toRating(row);
  }

  async list(actor: Actor, filter: RatingFilter | undefined, page: PageInput | undefined): Promise<Page<Rating>> {
    const { offset, limit, after } = keysetPageOf(page, 'ratings', RATING_KEYS);
    const p = new Params();
    const where = [this.ratingVisibleSql(actor, p)];
    const uuidOrNull = (s: string) => (isUuid(s) ? s : null);
    if (filter?.roundId) where.push(`r.round_id = ${p.add(uuidOrNull(filter.roundId))}::uuid`);
    if (filter?.memberId) where.push(`r.member_id = ${p.add(uuidOrNull(filter.memberId))}::uuid`);
    if (filter?.year) where.push(`r.year = ${p.add(filter.year)}::int`);
    if (filter?.organisationId) {
      where.push(`position('/' || ${p.add(uuidOrNull(filter.organisationId))}::text || '/' IN placement_path_at(r.organisation_id, ${REF_DATE_SQL('r.year', p)})) > 0`);
      // A path through the organisation starts with one of its own paths: the organisations placed under any of
      // them come from the placement_path index first (constant ranges), and the exact test above runs on those only.
      const own: { path: string }[] = isUuid(filter.organisationId)
        ? await this.ds.query(`SELECT DISTINCT path FROM organisation_placement WHERE organisation_id = $1`, [filter.organisationId])
        : [];
      where.push(`r.organisation_id IN (SELECT cp.organisation_id FROM organisation_placement cp WHERE ${inRangesSql('cp', own.map((x) => subtreeRange(x.path)), p)})`);
    }
    if (filter?.subjectKinds?.length) where.push(`r.subject_kind = ANY(${p.add(filter.subjectKinds)}::text[])`);
    if (filter?.levels?.length) where.push(`r.decided_level = ANY(${p.add(filter.levels)}::text[])`);
    if (filter?.stages?.length) {
      where.push(`(CASE WHEN r.announced_at IS NOT NULL THEN 'ANNOUNCED' WHEN r.decided_at IS NOT NULL THEN 'DECIDED' WHEN r.proposed_at IS NOT NULL THEN 'PROPOSED'
        WHEN r.self_assessed_at IS NOT NULL THEN 'SELF_ASSESSED' ELSE 'PENDING' END) = ANY(${p.add(filter.stages)}::text[])`);
    }
    if (filter?.search?.trim()) where.push(...nameSearchSql('COALESCE(mb.name_folded, so.name_folded)', filter.search, p));
    const sql = `FROM ${RATING_FROM} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, p.values);
    const read = await this.ds.query(
      `SELECT ${RATING_COLUMNS}, ${keysetColumns(RATING_KEYS)} ${sql} AND ${keysetAfterSql(RATING_KEYS, after, p)}
        ORDER BY r.year DESC, r.subject_kind, o.name, COALESCE(mb.name_folded, so.name), r.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const { rows, nextCursor } = keysetRows(read, limit, 'ratings', RATING_KEYS);
    return { items: rows.map(toRating), total, offset, limit, nextCursor };
  }

  /**
   * The subjects of a round with no rating in it yet (not self-assessed): members of the round's subtree on its
   * reference date who are rated under the policy (exempt members are "not rated", not pending; active members only),
   * and the rated organisations of the subtree (grassroots organisations, sub-committees, subordinate cells). A subject
   * already holding a yearly rating of that year in another round is not pending either. NOT_FOUND outside the round's
   * scope; the rows are those the caller may see (their readable organisations, or themselves).
   */
  async pending(actor: Actor, roundId: string, search: string | undefined, page: PageInput | undefined, m: EntityManager = this.ds.manager): Promise<Page<RatingPendingSubject>> {
    const round = await this.round(actor, roundId, m).catch(asField('roundId'));
    const asOf = ratingReferenceDate(round.year);
    const policy = await this.policies.forOrganisation(round.organisationId, asOf, m);
    const { offset, limit } = pageOf(page);
    const p = new Params();
    const d = p.add(asOf);
    const root = p.add(round.organisationId);
    const rid = p.add(round.id);
    const year = p.add(round.year);
    const yearly = p.add(round.periodKind === 'YEAR');
    const exemptOut: string[] = [];
    if (policy.rating.exemptNotRated) exemptOut.push('PERMANENT');
    if (policy.rating.temporarilyExemptNotRated) exemptOut.push('TEMPORARY');
    const exemptP = p.add(exemptOut);
    const hasRating = (cond: string) => `EXISTS (SELECT 1 FROM rating r WHERE ${cond} AND (r.round_id = ${rid}::uuid OR (${yearly}::boolean AND r.period_kind = 'YEAR' AND r.year = ${year}::int)))`;
    const withSql = `WITH root AS (SELECT rp.path FROM organisation_placement rp WHERE rp.organisation_id = ${root}::uuid AND ${validAt('rp', d)}),
      tree AS (SELECT pl.organisation_id AS id, pl.parent_id, o.kind, o.name, o.name_folded
                 FROM root JOIN organisation_placement pl ON ${inSubtree('pl', 'root.path')} AND ${validAt('pl', d)} JOIN organisation o ON o.id = pl.organisation_id),
      subjects AS (
        SELECT 'MEMBER' AS subject_kind, m.id AS member_id, NULL::uuid AS organisation_id, m.full_name AS name, m.name_folded, t.id AS parent_id, t.name AS parent_name
          FROM membership ms JOIN tree t ON t.id = ms.organisation_id JOIN member m ON m.id = ms.member_id
         WHERE ms.kind = 'PERMANENT' AND ${validAt('ms', d)} AND m.status IN ('FULL','PROBATIONARY') AND (m.left_on IS NULL OR m.left_on > ${d}::date)
           AND COALESCE(${EXEMPTION_AT(d)} <> ALL(${exemptP}::text[]), true)
           AND NOT EXISTS (SELECT 1 FROM rating_exclusion x WHERE x.member_id = m.id AND x.year = ${year}::int)
           AND NOT ${hasRating('r.member_id = m.id')}
        UNION ALL
        SELECT ${SUBJECT_KIND_SQL('t.kind')}, NULL::uuid, t.id, t.name, t.name_folded, t.parent_id, po.name
          FROM tree t LEFT JOIN organisation po ON po.id = t.parent_id
         WHERE t.kind IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL','SUB_COMMITTEE','SUBORDINATE_CELL')
           AND NOT ${hasRating('r.subject_organisation_id = t.id')})`;
    const where = [
      `(${[orgVisibleSql({ ...actor, ownCellIds: [] }, 'COALESCE(s.organisation_id, s.parent_id)', p, d), ...(actor.ownMemberIds.length ? [`s.member_id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`] : [])].join(' OR ')})`,
    ];
    if (search?.trim()) where.push(...nameSearchSql('s.name_folded', search, p));
    const from = `subjects s WHERE ${where.join(' AND ')}`;
    const [{ total }] = await m.query(`${withSql} SELECT count(*)::int AS total FROM ${from}`, p.values);
    const rows = await m.query(
      `${withSql} SELECT s.subject_kind AS "subjectKind", s.member_id AS "memberId", s.organisation_id AS "organisationId", s.name,
              s.parent_id AS "parentOrganisationId",
              CASE WHEN ${orgVisibleSql(actor, 's.parent_id', p, d)} THEN COALESCE(s.parent_name, '') ELSE '' END AS "organisationName"
         FROM ${from}
        ORDER BY (s.member_id IS NOT NULL), s.parent_name NULLS FIRST, s.name_folded, COALESCE(s.member_id, s.organisation_id)
        OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return { items: rows, total, offset, limit };
  }

  /**
   * A round's worklist as an Excel workbook (Vietnamese headings): a title block (title, organisation, year,
   * deadlines, state, the filter), every rating of `list` for the round and the filter (all pages, in its order),
   * then a sheet with the subjects not self-assessed yet (`pending`, same search). NOT_FOUND outside the round's scope.
   */
  async roundWorkbook(actor: Actor, roundId: string, filter: RatingFilter | undefined, wb: ExportWorkbook): Promise<void> {
    const round = await this.round(actor, roundId).catch(asField('roundId'));
    const d = ratingReferenceDate(round.year);
    const f: RatingFilter = { ...filter, roundId: round.id };
    const p = new Params();
    const [names] = await this.ds.query(
      `SELECT (SELECT o.name FROM organisation o WHERE o.id = ${p.add(round.organisationId)}::uuid AND ${orgVisibleSql(actor, 'o.id', p, p.add(d))}) AS "roundOrg",
              (SELECT o.name FROM organisation o WHERE o.id = ${p.add(f.organisationId && isUuid(f.organisationId) ? f.organisationId : null)}::uuid
                  AND ${orgVisibleSql(actor, 'o.id', p, p.add(d))}) AS "filterOrg"`,
      p.values,
    );
    const vi = (t: Date | string | null) => (t ? formatDateVi(vietnamDateOf(new Date(t).getTime())) : '');
    const level = (l: RatingLevel | null) => (l ? RATING_LEVEL_LABELS[l].vi : '');
    const filterText = [
      ...(f.subjectKinds ?? []).map((k) => RATING_SUBJECT_KIND_LABELS[k].vi),
      ...(f.stages ?? []).map((s) => RATING_STAGE_LABELS[s].vi),
      ...(f.levels ?? []).map((l) => `quyết định ${l}`),
      ...(f.organisationId ? [`thuộc ${names?.filterOrg ?? 'tổ chức đã chọn'}`] : []),
      ...(f.search?.trim() ? [`tên có "${f.search.trim()}"`] : []),
    ].join('; ');
    const block = [
      `Tổ chức mở đợt: ${names?.roundOrg ?? ''}`,
      `Năm ${round.year}${round.periodKind === 'YEAR' ? '' : ` — ${RATING_PERIOD_KIND_LABELS[round.periodKind].vi}${round.periodLabel ? ` ${round.periodLabel}` : ''}`}`,
      `Hạn tự đánh giá: ${formatDateVi(round.selfAssessmentDue)}; hạn đề xuất: ${formatDateVi(round.proposalDue)}; hạn quyết định: ${formatDateVi(round.decisionDue)}`,
      `Trạng thái: ${RATING_ROUND_STATE_LABELS[round.state].vi}${round.announcedAt ? ` (ngày ${vi(round.announcedAt)})` : ''}`,
      ...(filterText ? [`Lọc: ${filterText}`] : []),
    ];
    const sheet = (name: string, title: string, headings: string[], widths: number[]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow([title]).font = { bold: true, size: 13 };
      for (const line of block) ws.addRow([line]);
      ws.addRow([]);
      ws.addRow(headings).font = { bold: true };
      ws.columns.forEach((c, i) => (c.width = widths[i] ?? 16));
      return ws;
    };

    const ws = sheet('Danh sach danh gia', `DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI — ${round.title.toLocaleUpperCase('vi')}`,
      ['STT', 'Đối tượng', 'Họ và tên/Tên tổ chức', 'Thuộc tổ chức', 'Tự đánh giá: điểm', 'Tự đánh giá: mức', 'Đề xuất', 'Nhận xét khi đề xuất', 'Quyết định',
        'Lý do khác đề xuất', 'Lý do vượt tỷ lệ HTXSNV', 'Trạng thái', 'Ngày tự đánh giá', 'Người tự đánh giá', 'Ngày đề xuất', 'Người đề xuất', 'Ngày quyết định', 'Người quyết định'],
      [6, 22, 30, 30, 12, 28, 28, 30, 28, 30, 30, 16, 14, 20, 14, 20, 14, 20]);
    let n = 0;
    for (let offset = 0; ; ) {
      const page = await this.list(actor, f, { offset, limit: MAX_PAGE_SIZE });
      // An organisation rated sits in itself: "thuộc" is its parent on the round's reference date (one query per page).
      const orgIds = page.items.filter((r) => r.subjectOrganisationId).map((r) => r.subjectOrganisationId!);
      // Only a parent in the caller's scope is named.
      const pp = new Params();
      const parents = new Map<string, string>(
        orgIds.length
          ? (await this.ds.query(
              `SELECT pl.organisation_id AS id, po.name FROM organisation_placement pl JOIN organisation po ON po.id = pl.parent_id
                WHERE pl.organisation_id = ANY(${pp.add(orgIds)}::uuid[]) AND ${validAt('pl', pp.add(d))} AND ${orgVisibleSql(actor, 'po.id', pp, pp.add(d))}`,
              pp.values,
            )).map((x: { id: string; name: string }) => [x.id, x.name])
          : [],
      );
      for (const r of page.items) {
        n += 1;
        ws.addRow([
          n, RATING_SUBJECT_KIND_LABELS[r.subjectKind].vi, r.subjectName, r.subjectOrganisationId ? (parents.get(r.subjectOrganisationId) ?? '') : r.organisationName,
          r.score ?? '', level(r.computedLevel), level(r.proposedLevel), r.proposalNote ?? '', level(r.decidedLevel), r.decisionReason ?? '', r.quotaOverrideReason ?? '',
          RATING_STAGE_LABELS[r.stage].vi, vi(r.selfAssessedAt), r.selfAssessedBy ?? '', vi(r.proposedAt), r.proposedBy ?? '', vi(r.decidedAt), r.decidedBy ?? '',
        ]);
      }
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }

    const rest = sheet('Chua tu danh gia', `CHƯA TỰ ĐÁNH GIÁ — ${round.title.toLocaleUpperCase('vi')}`, ['STT', 'Đối tượng', 'Họ và tên/Tên tổ chức', 'Thuộc tổ chức'], [6, 22, 36, 36]);
    n = 0;
    for (let offset = 0; ; ) {
      const page = await this.pending(actor, round.id, f.search, { offset, limit: MAX_PAGE_SIZE });
      for (const s of page.items) {
        n += 1;
        rest.addRow([n, RATING_SUBJECT_KIND_LABELS[s.subjectKind].vi, s.name, s.organisationName]);
      }
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
  }

  // ---------------------------------------------------------------- steps

  async submitSelfAssessment(caller: Caller, input: SubmitSelfAssessmentInput): Promise<Rating> {
    const id = await this.ds.transaction(async (m) => {
      const round = await this.round(caller.actor, input.roundId, m).catch(asField('roundId'));
      const d = ratingReferenceDate(round.year);
      const subject = await this.resolveSubject(m, caller.actor, round, input.memberId, input.organisationId, d, true);
      const policy = await this.policies.forOrganisation(subject.organisationId, d, m);
      const check = validateSelfAssessment(input, policy);
      if (!check.ok) {
        throw new DomainError('VALIDATION', check.errors.map((e) => `${e.field}: ${e.reason}`).join('; '), check.errors[0]?.field, { errors: check.errors });
      }
      const chain = await this.chain(m, subject.organisationId, d);
      const authority = ratingAuthority(subject.memberId ? 'MEMBER' : 'ORGANISATION', chain);
      const existing = await this.lockRatingOf(m, round, subject);
      assertRatingStep(existing ? ratingStage(existing) : 'PENDING', 'SELF_ASSESSMENT', round.state, subject.memberId ? 'memberId' : 'organisationId');

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
        generalPoints: input.generalPoints, taskPoints: input.taskPoints, tasks: { ...input.tasks },
        shortcomingsFixed: subject.memberId ? (input.shortcomingsFixed ?? true) : null, note: input.note ?? null,
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
          [round.id, round.year, round.periodKind, subject.kind, subject.memberId, subject.subjectOrganisationId, subject.organisationId, authority.proposerId,
            authority.deciderId, authority.grassrootsId ?? authority.deciderId, defaultSchemeForYear(round.year), check.total, JSON.stringify(scores),
            caller.actor.name, outcome.level, blockReasons],
        );
        ratingId = row.id;
      }
      await this.audit.record(m, caller, {
        operation: 'submitSelfAssessment', entityType: 'rating', entityId: ratingId, before: existing ?? undefined,
        after: { ...scores, total: check.total, computedLevel: outcome.level, scoreLevel: outcome.scoreLevel, caps: outcome.caps }, organisationId: subject.organisationId,
      });
      return ratingId;
    });
    return this.getRating(caller.actor, id);
  }

  async propose(caller: Caller, input: ProposeRatingInput): Promise<RatingProposalResult> {
    const quota = await this.ds.transaction(async (m) => {
      const { rating, round, d } = await this.lockForStep(m, caller.actor, input.ratingId);
      await this.assertCanAct(m, caller.actor, rating.proposerId!, d, 'Only the reviewing cell or committee proposes this rating');
      assertRatingStep(ratingStage(rating), 'PROPOSAL', round.state, 'ratingId');
      await enforceLevelCap(m, this.policies, rating, round, d, input.level);
      await m.query(`UPDATE rating SET proposed_level = $2, proposal_note = $3, proposed_at = now(), proposed_by = $4, updated_at = now() WHERE id = $1`, [
        rating.id, input.level, input.note ?? null, caller.actor.name,
      ]);
      const q = await this.quotaOf(m, rating, d);
      await this.audit.record(m, caller, {
        operation: 'proposeRating', entityType: 'rating', entityId: rating.id, before: { proposedLevel: rating.proposedLevel },
        after: { level: input.level, note: input.note ?? null, quota: q }, organisationId: rating.organisationId,
      });
      return q;
    });
    return { rating: await this.getRating(caller.actor, input.ratingId), quota, quotaWarning: !!quota?.breached };
  }

  async decide(caller: Caller, input: DecideRatingInput): Promise<Rating> {
    await this.ds.transaction(async (m) => {
      const { rating, round, d } = await this.lockForStep(m, caller.actor, input.ratingId);
      await this.assertCanAct(m, caller.actor, rating.deciderId!, d, 'Only the competent level decides this rating');
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
      if (override) await m.query(`UPDATE rating SET quota_override_reason = $2 WHERE id = $1`, [rating.id, enforced ? override : null]);
      await this.audit.record(m, caller, {
        operation: 'decideRating', entityType: 'rating', entityId: rating.id,
        before: { proposedLevel: rating.proposedLevel, decidedLevel: rating.decidedLevel },
        after: { level: input.level, reason, quotaOverrideReason: enforced ? override : null, quota: after }, organisationId: rating.organisationId,
      });
    });
    return this.getRating(caller.actor, input.ratingId);
  }

  /**
   * A past rating, recorded outside a round (docs/rules.md#r-rating-history), under the rules a decision in a round
   * keeps: the member a rating subject that year, the level within the cap the records of that year allow, the quota
   * of its group. A rating that breaks one is refused unless `overrideReason` gives the record as decided then; the
   * rules overridden and the reason are stored on the rating and in the audit log.
   */
  async recordHistorical(caller: Caller, input: RecordHistoricalRatingInput): Promise<Rating> {
    // A past rating: a year after the current one (Vietnam's date) has not been rated yet.
    if (isAfterToday(`${String(input.year).padStart(4, '0')}-01-01`, vietnamToday())) {
      throw new DomainError('VALIDATION', `The year ${input.year} is after the current year: a past rating cannot be recorded for it`, 'year', { reason: 'DATE_IN_FUTURE' });
    }
    const level = input.level ?? equivalentLevel(input.scheme, input.rawLabel);
    if (!level) throw new DomainError('VALIDATION', `"${input.rawLabel}" has no usual equivalent level under ${input.scheme}; give the level it counts as`, 'level');
    const id = await this.ds.transaction(async (m) => {
      const d = ratingReferenceDate(input.year);
      const subject = await this.resolveSubject(m, caller.actor, null, input.memberId, input.organisationId, d, false);
      const [dup] = await m.query(
        `SELECT id FROM rating WHERE period_kind = 'YEAR' AND year = $1 AND (member_id = $2 OR subject_organisation_id = $3)`,
        [input.year, subject.memberId, subject.subjectOrganisationId],
      );
      if (dup) throw new DomainError('CONFLICT', `A rating for ${input.year} already exists for this subject`, 'year', { ratingId: dup.id });
      const authority = ratingAuthority(subject.memberId ? 'MEMBER' : 'ORGANISATION', await this.chain(m, subject.organisationId, d));
      const groupId = authority.grassrootsId ?? authority.deciderId;
      const policy = await this.policies.forOrganisation(subject.organisationId, d, m);
      const notRated = subject.memberId ? await this.notRatedOn(m, subject.memberId, d, input.year, policy) : null;
      const facts = await ratingFacts(m, { id: null, year: input.year }, subject, d);
      const cap = ratingLevelCap(conditionsOf({ ...subject, subjectKind: subject.kind, id: '', score: null, selfAssessment: null }, facts), policy);
      const quota = await this.pastQuota(m, groupId, subject.kind, input.year, d, level);
      const { overridden, reason } = assertPastRatingAllowed(pastRatingBreaches({ level, notRated, cap, ...quota }), input.overrideReason);
      const [row] = await m.query(
        `INSERT INTO rating (year, period_kind, subject_kind, member_id, subject_organisation_id, organisation_id, proposer_id, decider_id, quota_group_id,
                             scheme, raw_label, score, decided_level, decided_at, decided_by, announced_at, override_reason, overridden_rules)
         VALUES ($1,'YEAR',$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,now(),$13,now(),$14,$15) RETURNING id`,
        [input.year, subject.kind, subject.memberId, subject.subjectOrganisationId, subject.organisationId, authority.proposerId, authority.deciderId, groupId,
          input.scheme, input.rawLabel.trim(), input.score ?? null, level, caller.actor.name, reason, overridden],
      );
      await this.audit.record(m, caller, {
        operation: 'recordHistoricalRating', entityType: 'rating', entityId: row.id,
        after: { ...input, level, overrideReason: reason, overriddenRules: overridden, notRated, cap: cap.ceiling, capCauses: cap.causes, quota: quota.quotaAfter }, organisationId: subject.organisationId,
      });
      return row.id as string;
    });
    return this.getRating(caller.actor, id);
  }

  /** The member's not-rated reason on `d` for `year` (see notRatedOf), read in the caller's transaction. */
  private async notRatedOn(m: EntityManager, memberId: string, d: string, year: number, policy: Policy): Promise<NotRatedReason | 'NOT_ACTIVE' | null> {
    const [row] = await m.query(`SELECT ${MEMBER_RATING_STATE('$2', '$3')} FROM member m WHERE m.id = $1`, [memberId, d, year]);
    return notRatedOf(row, d, policy);
  }

  /**
   * The quota of a past rating's group for the year, without and with the rating: every yearly rating of that year in
   * the group (decided, else proposed; in a round or not). Null when the quota does not cover the subject kind.
   */
  private async pastQuota(m: EntityManager, groupId: string, kind: RatingSubjectKind, year: number, d: string, level: RatingLevel): Promise<{ quotaBefore: QuotaCheck | null; quotaAfter: QuotaCheck | null }> {
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

  // ---------------------------------------------------------------- not rated by the committee's decision

  private async exclusion(m: EntityManager, id: string): Promise<RatingExclusion> {
    const [row] = await m.query(
      `SELECT x.id, x.round_id AS "roundId", x.year, x.member_id AS "memberId", mb.full_name AS "memberName", x.organisation_id AS "organisationId",
              x.reason, x.decided_on AS "decidedOn", x.decided_by AS "decidedBy", x.recorded_at AS "recordedAt"
         FROM rating_exclusion x JOIN member mb ON mb.id = x.member_id WHERE x.id = $1`,
      [id],
    );
    return Object.assign(new RatingExclusion(), row);
  }

  /**
   * The round (visible, else NOT_FOUND on roundId), the member (in scope and under the round's organisation, else
   * NOT_FOUND / VALIDATION on memberId) and the permission of the body that decides the member's rating, as for
   * decideRating (FORBIDDEN on memberId); an announced round is closed (RATING_ROUND_CLOSED).
   */
  private async exclusionScope(m: EntityManager, actor: Actor, roundId: string, memberId: string, checkNotRated: boolean) {
    const round = await this.round(actor, roundId, m).catch(asField('roundId'));
    await m.query(`SELECT 1 FROM rating_round WHERE id = $1 FOR UPDATE`, [round.id]);
    const d = ratingReferenceDate(round.year);
    // Without the round, resolveSubject checks the scope only; the round's subtree and the not-rated checks follow.
    const subject = await this.resolveSubject(m, actor, checkNotRated ? round : null, memberId, undefined, d, false);
    if (!checkNotRated) {
      const [row] = await m.query(`SELECT position('/' || $1::text || '/' IN placement_path_at($2, $3::date)) > 0 AS inside`, [round.organisationId, subject.organisationId, d]);
      if (!row?.inside) throw new DomainError('VALIDATION', 'The subject is not under the organisation that opened the round', 'memberId');
    }
    const authority = ratingAuthority('MEMBER', await this.chain(m, subject.organisationId, d));
    await this.assertCanAct(m, actor, authority.deciderId, d, 'Only the competent level decides whether this member is rated', 'memberId');
    if (round.state === 'ANNOUNCED') throw new DomainError('RATING_ROUND_CLOSED', 'The round has been announced', 'roundId');
    return { round, subject, d };
  }

  async excludeFromRating(caller: Caller, input: ExcludeFromRatingInput): Promise<RatingExclusion> {
    const id = await this.ds.transaction(async (m) => {
      const { round, subject } = await this.exclusionScope(m, caller.actor, input.roundId, input.memberId, true);
      const ratings: { id: string; announcedAt: Date | null; decidedAt: Date | null; proposedAt: Date | null; selfAssessedAt: Date | null }[] = await m.query(
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
        operation: 'excludeFromRating', entityType: 'rating_exclusion', entityId: row.id,
        after: { roundId: round.id, year: round.year, memberId: subject.memberId, organisationId: subject.organisationId, reason, decidedOn, openRatings: ratings.map((r) => r.id) },
      });
      return row.id as string;
    });
    return this.exclusion(this.ds.manager, id);
  }

  async includeInRating(caller: Caller, input: IncludeInRatingInput): Promise<RatingExclusion> {
    return this.ds.transaction(async (m) => {
      const { round, subject } = await this.exclusionScope(m, caller.actor, input.roundId, input.memberId, false);
      const [x] = await m.query(`SELECT id FROM rating_exclusion WHERE round_id = $1 AND member_id = $2 FOR UPDATE`, [round.id, subject.memberId]);
      if (!x) throw new DomainError('VALIDATION', 'The member is not excluded from this round\'s rating', 'memberId', { reason: 'NOT_EXCLUDED' });
      const before = await this.exclusion(m, x.id);
      await m.query(`DELETE FROM rating_exclusion WHERE id = $1`, [x.id]);
      await this.audit.record(m, caller, { operation: 'includeInRating', entityType: 'rating_exclusion', entityId: x.id, before: { ...before } });
      return before;
    });
  }

  // ---------------------------------------------------------------- figures

  async figures(actor: Actor, input: RatingFiguresInput): Promise<RatingFigures> {
    const asOf = input.asOf ?? ratingReferenceDate(input.year);
    await assertOrgVisible(this.ds.manager, actor, input.organisationId, asOf).catch(asField('organisationId'));
    const prevAsOf = input.asOf && input.asOf < `${input.year - 1}-12-31` ? input.asOf : ratingReferenceDate(input.year - 1);
    const [current, previous] = await Promise.all([this.countsBy(input.organisationId, input.year, asOf), this.countsBy(input.organisationId, input.year - 1, prevAsOf)]);
    const groups: RatingFigureGroup[] = RATING_SUBJECT_KINDS.map((kind) => {
      const now = ratingFiguresFromCounts(current.get(kind)!.counts, current.get(kind)!.notRated);
      const before = ratingFiguresFromCounts(previous.get(kind)!.counts, previous.get(kind)!.notRated);
      const change = ratingFiguresChange(now, before);
      return {
        subjectKind: kind,
        current: toFigureSet(now),
        previous: toFigureSet(before),
        change: { ...change, levels: RATING_LEVELS.map((level) => ({ level, ...change.levels[level] })) },
      };
    });
    return { organisationId: input.organisationId, year: input.year, asOf, groups };
  }

  // The subjects of a subtree for a year: decided yearly ratings sitting in the subtree, plus members and rated-kind
  // organisations in it on `asOf` without one (the not rated). One CTE shared by the counts and the list.
  private subjectsSql(p: Params, orgId: string, year: number, asOf: string): string {
    const d = p.add(asOf);
    const root = p.add(orgId);
    const y = p.add(year);
    return `WITH root AS (SELECT rp.path FROM organisation_placement rp WHERE rp.organisation_id = ${root}::uuid AND ${validAt('rp', d)}),
      tree AS (SELECT pl.organisation_id AS id, o.kind, o.name FROM root JOIN organisation_placement pl ON ${inSubtree('pl', 'root.path')} AND ${validAt('pl', d)}
               JOIN organisation o ON o.id = pl.organisation_id),
      rated AS (SELECT r.id, r.subject_kind, r.member_id, r.subject_organisation_id, r.organisation_id, r.decided_level, r.scheme, r.raw_label
                  FROM rating r JOIN tree t ON t.id = r.organisation_id
                 WHERE r.year = ${y}::int AND r.period_kind = 'YEAR' AND r.decided_at IS NOT NULL),
      subjects AS (
        SELECT r.subject_kind, r.member_id, r.subject_organisation_id, r.organisation_id, r.id AS rating_id, r.decided_level AS level, r.scheme, r.raw_label,
               NULL::text AS not_rated_reason
          FROM rated r
        UNION ALL
        SELECT 'MEMBER', ms.member_id, NULL::uuid, ms.organisation_id, NULL::uuid, NULL, NULL, NULL,
               COALESCE((SELECT CASE ${EXEMPTION_AT(d)} WHEN 'PERMANENT' THEN 'EXEMPT' WHEN 'TEMPORARY' THEN 'TEMPORARILY_EXEMPT' END FROM member m WHERE m.id = ms.member_id),
                        (SELECT 'EXCLUDED' FROM rating_exclusion x WHERE x.member_id = ms.member_id AND x.year = ${y}::int), 'NOT_DECIDED')
          FROM membership ms JOIN tree t ON t.id = ms.organisation_id
         WHERE ms.kind = 'PERMANENT' AND ${validAt('ms', d)} AND NOT EXISTS (SELECT 1 FROM rated r WHERE r.member_id = ms.member_id)
        UNION ALL
        SELECT ${SUBJECT_KIND_SQL('t.kind')}, NULL::uuid, t.id, t.id, NULL::uuid, NULL, NULL, NULL, 'NOT_DECIDED'
          FROM tree t
         WHERE t.kind IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL','SUB_COMMITTEE','SUBORDINATE_CELL')
           AND NOT EXISTS (SELECT 1 FROM rated r WHERE r.subject_organisation_id = t.id))`;
  }

  private async countsBy(orgId: string, year: number, asOf: string): Promise<Map<RatingSubjectKind, { counts: LevelCounts; notRated: number }>> {
    const p = new Params();
    const rows: { kind: RatingSubjectKind; level: RatingLevel | null; n: number }[] = await this.ds.query(
      `${this.subjectsSql(p, orgId, year, asOf)} SELECT subject_kind AS kind, level, count(*)::int AS n FROM subjects GROUP BY 1, 2`,
      p.values,
    );
    const out = new Map(RATING_SUBJECT_KINDS.map((k) => [k, { counts: emptyLevelCounts(), notRated: 0 }]));
    for (const r of rows) {
      const g = out.get(r.kind)!;
      if (r.level === null) g.notRated += r.n;
      else g.counts[r.level] += r.n;
    }
    return out;
  }

  async figureRows(actor: Actor, input: RatingFigureRowsInput, page: PageInput | undefined): Promise<Page<RatingFigureRow>> {
    const asOf = input.asOf ?? ratingReferenceDate(input.year);
    await assertOrgVisible(this.ds.manager, actor, input.organisationId, asOf).catch(asField('organisationId'));
    // A member reaching the organisation only through their own cell sees their own row, not the others' levels.
    const reader = await assertOrgVisible(this.ds.manager, { ...actor, ownCellIds: [] }, input.organisationId, asOf).then(() => true, () => false);
    const { offset, limit } = pageOf(page);
    const p = new Params();
    const withSql = this.subjectsSql(p, input.organisationId, input.year, asOf);
    const where = [`s.subject_kind = ${p.add(input.subjectKind)}`];
    if (!reader) where.push(`s.member_id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`);
    if (input.levels?.length) where.push(`s.level = ANY(${p.add(input.levels)}::text[])`);
    if (input.notRated === true) where.push('s.level IS NULL');
    if (input.notRated === false) where.push('s.level IS NOT NULL');
    const from = `subjects s JOIN organisation o ON o.id = s.organisation_id LEFT JOIN member mb ON mb.id = s.member_id LEFT JOIN organisation so ON so.id = s.subject_organisation_id
      WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`${withSql} SELECT count(*)::int AS total FROM ${from}`, p.values);
    const rows = await this.ds.query(
      `${withSql} SELECT s.subject_kind AS "subjectKind", s.member_id AS "memberId", s.subject_organisation_id AS "subjectOrganisationId",
              COALESCE(mb.full_name, so.name) AS name, s.organisation_id AS "organisationId", o.name AS "organisationName", s.rating_id AS "ratingId",
              s.level, s.scheme, s.raw_label AS "rawLabel", s.not_rated_reason AS "notRatedReason"
         FROM ${from}
        ORDER BY array_position(ARRAY['HTXSNV','HTTNV','HTNV','KHTNV']::text[], s.level) NULLS LAST, o.name, COALESCE(mb.name_folded, so.name), s.rating_id
        OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return { items: rows, total, offset, limit };
  }

  /**
   * The rating statistics table committees send upward (the same figures as `figures`), Vietnamese headings: one row
   * per subject kind with the count and percent of each level, "HTTNV trở lên" and "trong đó HTXSNV" (a share of
   * those HTTNV or better, the reports' convention), the not rated; then a sheet listing the subjects behind them.
   */
  async figuresWorkbook(actor: Actor, input: RatingFiguresInput, wb: ExportWorkbook): Promise<void> {
    const figures = await this.figures(actor, input);
    const [org] = await this.ds.query(`SELECT name FROM organisation WHERE id = $1`, [input.organisationId]);
    const ws = wb.addWorksheet(`Xep loai ${figures.year}`);
    const LAST_COL = 18;
    const title = ws.addRow([`BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${figures.year}`]);
    title.font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, LAST_COL);
    title.alignment = { horizontal: 'center' };
    ws.addRow([org?.name ?? '']);
    ws.addRow([`Tính theo tổ chức đảng tại ngày ${formatDateVi(figures.asOf)}; tỷ lệ (%) tính trên số được đánh giá, xếp loại (không tính số không đánh giá); "Trong đó HTXSNV" tính trên số HTTNV trở lên.`]);
    ws.addRow([]);
    // Two header rows: a group title over each level's "Số lượng" / "Tỷ lệ (%)".
    const h1 = ws.addRow(['STT', 'Đối tượng', 'Tổng số', 'Số được đánh giá, xếp loại', 'Hoàn thành xuất sắc nhiệm vụ', '', 'Hoàn thành tốt nhiệm vụ', '',
      'Hoàn thành nhiệm vụ', '', 'Không hoàn thành nhiệm vụ', '', 'Hoàn thành tốt nhiệm vụ trở lên', '', 'Trong đó HTXSNV (% so với HTTNV trở lên)',
      'HTXSNV (% so với số được đánh giá)', 'Không đánh giá, xếp loại', 'So với năm trước: HTTNV trở lên (điểm %)']);
    const h2 = ws.addRow(['', '', '', '', 'Số lượng', 'Tỷ lệ (%)', 'Số lượng', 'Tỷ lệ (%)', 'Số lượng', 'Tỷ lệ (%)', 'Số lượng', 'Tỷ lệ (%)', 'Số lượng', 'Tỷ lệ (%)', '', '', '', '']);
    const r1 = h1.number;
    for (const c of [1, 2, 3, 4, 15, 16, 17, 18]) ws.mergeCells(r1, c, r1 + 1, c);
    for (const c of [5, 7, 9, 11, 13]) ws.mergeCells(r1, c, r1, c + 1);
    for (const row of [h1, h2]) {
      row.font = { bold: true };
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    const ORDER: RatingSubjectKind[] = ['GRASSROOTS_ORGANISATION', 'SUB_COMMITTEE', 'SUBORDINATE_CELL', 'MEMBER'];
    ORDER.forEach((kind, i) => {
      const g = figures.groups.find((x) => x.subjectKind === kind)!;
      const c = g.current;
      const row = ws.addRow([
        i + 1, RATING_SUBJECT_KIND_LABELS[kind].vi, c.total, c.rated,
        ...c.levels.flatMap((l) => [l.count, l.percent ?? '']),
        c.wellCompletedOrBetter.count, c.wellCompletedOrBetter.percent ?? '',
        c.excellentOfWellCompletedOrBetter ?? '', c.excellentOfRated ?? '', c.notRated,
        g.change.wellCompletedOrBetter.points ?? '',
      ]);
      for (const col of [6, 8, 10, 12, 14, 15, 16, 18]) row.getCell(col).numFmt = '0.00';
    });
    ws.columns.forEach((c, i) => (c.width = i === 1 ? 30 : 12));
    h1.height = 45;

    // The subjects behind the figures: every subject of every kind, rated first (best level first), then the not rated.
    const list = wb.addWorksheet('Danh sach');
    list.addRow([`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${figures.year}`]).font = { bold: true, size: 13 };
    list.addRow([org?.name ?? '']);
    list.addRow([]);
    list.addRow(['STT', 'Đối tượng', 'Tên', 'Thuộc tổ chức', 'Kết quả xếp loại', 'Xếp loại theo quy định cũ (ghi như khi đánh giá)', 'Quy định áp dụng', 'Lý do không đánh giá, xếp loại']).font = { bold: true };
    const NOT_RATED: Record<string, string> = {
      ...Object.fromEntries(Object.entries(NOT_RATED_REASON_LABELS).map(([k, v]) => [k, v.vi])),
      NOT_DECIDED: 'Chưa có quyết định xếp loại',
    };
    let n = 0;
    for (const kind of ORDER) {
      for (let offset = 0; ; ) {
        const page = await this.figureRows(actor, { ...input, asOf: figures.asOf, subjectKind: kind }, { offset, limit: 500 });
        for (const r of page.items) {
          n += 1;
          list.addRow([n, RATING_SUBJECT_KIND_LABELS[kind].vi, r.name, r.organisationName, r.level ? RATING_LEVEL_LABELS[r.level].vi : '', r.rawLabel ?? '',
            r.scheme ? RATING_SCHEME_LABELS[r.scheme as RatingScheme].vi : '', r.notRatedReason ? (NOT_RATED[r.notRatedReason] ?? r.notRatedReason) : '']);
        }
        offset += page.items.length;
        if (page.items.length === 0 || offset >= page.total) break;
      }
    }
    list.columns.forEach((c, i) => (c.width = [2, 3, 5, 6].includes(i) ? 36 : 16));
  }

  /**
   * Admissions of the year up to the reference date (the as-of date capped at 31 December; default the year's
   * reference date) against the policy's target. `admitted` is admissionCounts (the definition and the list of
   * admissions(organisationId, from, to, asOf)); like that list it needs a reader of the subtree.
   */
  async admission(actor: Actor, organisationId: string, year: number, asOfArg?: string): Promise<AdmissionProgressModel> {
    if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new DomainError('VALIDATION', 'The year must be from 1900 to 9999', 'year', { reason: 'VALUE_OUT_OF_RANGE' });
    const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
    const asOf = asOfArg ? (asOfArg < yearEnd ? asOfArg : yearEnd) : ratingReferenceDate(year);
    const from = `${String(year).padStart(4, '0')}-01-01`;
    await assertOrgVisible(this.ds.manager, { ...actor, ownCellIds: [] }, organisationId, asOf).catch((e: unknown) => {
      // Only the scope refusal is re-labelled; anything else (a database error) goes to the error filter as it is.
      throw e instanceof DomainError ? new DomainError(e.code, e.message, 'organisationId') : e;
    });
    const [org] = await this.ds.query(`SELECT term_start AS "termStart" FROM organisation WHERE id = $1`, [organisationId]);
    const termStart: string = org.termStart && org.termStart <= asOf ? org.termStart : `${year}-01-01`;
    const [{ members }] = await this.ds.query(
      `SELECT count(DISTINCT ms.member_id)::int AS members
         FROM organisation_placement rp JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', '$2')}
         JOIN membership ms ON ms.organisation_id = pl.organisation_id AND ms.kind = 'PERMANENT' AND ${validAt('ms', '$2')}
        WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')}`,
      [organisationId, termStart],
    );
    const [admitted] = asOf < from ? [0] : await admissionCounts(this.ds, actor, [{ organisationId, from, to: asOf }]);
    const policy = await this.policies.forOrganisation(organisationId, asOf);
    const target = admissionTargetFor(policy, members);
    const t = policy.rating.admissionTarget;
    return {
      organisationId, year, from, to: asOf, termStart, membersAtTermStart: members, targetKind: t.kind, targetPercent: t.kind === 'percentOfTermStart' ? t.percent : null,
      ...admissionProgress(admitted, target),
    };
  }

  // ---------------------------------------------------------------- helpers

  /** FORBIDDEN unless the actor may write organisation `orgId` (the body taking the step). */
  private async assertCanAct(m: EntityManager, actor: Actor, orgId: string, d: string, message: string, field = 'ratingId'): Promise<void> {
    const p = new Params();
    const id = p.add(orgId);
    const date = p.add(d);
    const rows = await m.query(`SELECT 1 FROM organisation o WHERE o.id = ${id}::uuid AND ${orgVisibleSql(actor, 'o.id', p, date, true)}`, p.values);
    if (rows.length === 0) throw new DomainError('FORBIDDEN', message, field);
  }

  /** The rating (visible, locked) with its round; NOT_FOUND when not visible; a past rating has no steps. */
  private async lockForStep(m: EntityManager, actor: Actor, ratingId: string): Promise<{ rating: RatingRow; round: { id: string; year: number; state: RatingRoundState }; d: string }> {
    const rating = await this.getRating(actor, ratingId, m);
    await m.query(`SELECT 1 FROM rating WHERE id = $1 FOR UPDATE`, [ratingId]);
    if (!rating.roundId) throw new DomainError('RATING_ROUND_CLOSED', 'A past rating recorded without a round has no steps', 'ratingId');
    const [round] = await m.query(`SELECT id, year, state FROM rating_round WHERE id = $1`, [rating.roundId]);
    const d = ratingReferenceDate(round.year);
    if (rating.memberId) {
      // Who is rated, read when the step is taken: an exemption recorded after the self-assessment, or the committee's
      // decision not to rate the member this year (excludeFromRating), stops the rating here.
      const notRated = await this.notRatedOn(m, rating.memberId, d, round.year, await this.policies.forOrganisation(rating.organisationId, d, m));
      if (notRated === 'NOT_ACTIVE') throw new DomainError('RATING_NOT_RATED', 'The member is no longer an active member', 'ratingId');
      if (notRated) throw new DomainError('RATING_NOT_RATED', `The member is not rated (${notRated}): no step is taken further this year`, 'ratingId', { notRatedReason: notRated });
    }
    return { rating, round, d };
  }

  /**
   * The subject of a self-assessment or a past rating, checked: exactly one of memberId / organisationId; a writer of
   * the member's cell (an organisation: a writer of it), or the member themselves only when `selfService` (their own
   * self-assessment: never an official rating); inside the round's subtree; rated under the policy (RATING_NOT_RATED
   * for an exempt member).
   */
  private async resolveSubject(m: EntityManager, actor: Actor, round: RoundRow | null, memberId: string | undefined, organisationId: string | undefined, d: string, selfService: boolean): Promise<Subject> {
    if (!memberId === !organisationId) throw new DomainError('VALIDATION', 'Give either memberId or organisationId', memberId ? 'organisationId' : 'memberId');
    const inRound = async (orgId: string, field: string) => {
      if (!round) return;
      const [row] = await m.query(`SELECT position('/' || $1::text || '/' IN placement_path_at($2, $3::date)) > 0 AS inside`, [round.organisationId, orgId, d]);
      if (!row?.inside) throw new DomainError('VALIDATION', 'The subject is not under the organisation that opened the round', field);
    };
    if (memberId) {
      const [row] = isUuid(memberId)
        ? await m.query(
            `SELECT m.id, ${MEMBER_RATING_STATE('$2', '$3')},
                    (SELECT x.organisation_id FROM membership x WHERE x.member_id = m.id AND x.kind = 'PERMANENT' AND x.valid_from <= $2::date
                      ORDER BY x.valid_from DESC LIMIT 1) AS cell
               FROM member m WHERE m.id = $1`,
            [memberId, d, round?.year ?? null],
          )
        : [];
      if (!row?.cell) throw new DomainError('NOT_FOUND', 'Member not found', 'memberId');
      const self = selfService && actor.ownMemberIds.includes(memberId);
      if (!self) {
        await assertOrgVisible(m, actor, row.cell, d, true).catch(onDomainError((e) => new DomainError(e.code, e.code === 'NOT_FOUND' ? 'Member not found' : 'You may see this member but not submit for them', 'memberId')));
      }
      await inRound(row.cell, 'memberId');
      if (round) {
        const notRated = notRatedOf(row, d, await this.policies.forOrganisation(row.cell, d, m));
        if (notRated === 'NOT_ACTIVE') throw new DomainError('RATING_NOT_RATED', 'The member is no longer an active member', 'memberId');
        if (notRated) throw new DomainError('RATING_NOT_RATED', `The member is not rated (${notRated})`, 'memberId', { notRatedReason: notRated });
      }
      return { kind: 'MEMBER', memberId, subjectOrganisationId: null, organisationId: row.cell };
    }
    const orgId = organisationId!;
    await assertOrgVisible(m, actor, orgId, d, true).catch(asField('organisationId'));
    const [org] = await m.query(`SELECT kind FROM organisation WHERE id = $1`, [orgId]);
    const kind = ratingSubjectKindOf(org.kind as OrganisationKind);
    if (!kind) throw new DomainError('VALIDATION', `Organisations of kind ${org.kind} are not rated`, 'organisationId');
    await inRound(orgId, 'organisationId');
    return { kind, memberId: null, subjectOrganisationId: orgId, organisationId: orgId };
  }

  /** The organisation and its ancestors on a date, the organisation first. */
  private async chain(m: EntityManager, orgId: string, d: string): Promise<ChainLink<string>[]> {
    const rows: { id: string; kind: OrganisationKind }[] = await m.query(
      `SELECT o.id, o.kind FROM unnest(string_to_array(trim(both '/' from placement_path_at($1, $2::date)), '/')) WITH ORDINALITY AS x(id, ord)
         JOIN organisation o ON o.id = x.id::uuid ORDER BY x.ord DESC`,
      [orgId, d],
    );
    return rows;
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
      if (other) throw new DomainError('CONFLICT', `The subject already has a rating for ${round.year} in another round`, s.memberId ? 'memberId' : 'organisationId', { ratingId: other.id });
    }
    return null;
  }

  /** The quota of the rating's group for its subject kind, counting each rating at its decided (else proposed) level; null when not covered. */
  private async quotaOf(m: EntityManager, rating: RatingRow, d: string): Promise<(QuotaCheck & { groupId: string }) | null> {
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

const toFigureSet = (f: DomainFigures): RatingFigureSet => ({
  total: f.total,
  rated: f.rated,
  notRated: f.notRated,
  levels: RATING_LEVELS.map((level) => ({ level, ...f.levels[level] })),
  wellCompletedOrBetter: f.wellCompletedOrBetter,
  completedOrBetter: f.completedOrBetter,
  excellentOfWellCompletedOrBetter: f.excellentOfWellCompletedOrBetter,
  excellentOfRated: f.excellentOfRated,
});
