// The rating module's SQL: the columns of rounds and ratings, their order, the reference date of a year, the
// not-rated rule's inputs; shared by the rating services.
import {
  foldVietnamese,
  ratingStage,
  whoIsNotRated,
  type NotRatedReason,
  type Policy,
  type RatingSubjectKind,
} from '@chibo/domain';
import type { KeysetKey } from '../../common/graphql/pagination';
import { Params, today, wordStartSql } from '../../database/sql';
import { EXEMPTION_AT, LEFT_JOIN_MEMBER } from '../member/member.sql';
import { Rating, RatingRound } from './rating.model';
import { JOIN_ORGANISATION, LEFT_JOIN_ORGANISATION } from '../organisation/organisation.sql';

export const ROUND_COLUMNS = `rr.id, rr.organisation_id AS "organisationId", rr.year, rr.period_kind AS "periodKind", rr.period_label AS "periodLabel",
  rr.title, rr.self_assessment_due AS "selfAssessmentDue", rr.proposal_due AS "proposalDue", rr.decision_due AS "decisionDue", rr.state,
  rr.opened_at AS "openedAt", rr.opened_by AS "openedBy", rr.announced_at AS "announcedAt", rr.announced_by AS "announcedBy",
  (SELECT count(*)::int FROM rating x WHERE x.round_id = rr.id) AS "ratingCount",
  (SELECT count(*)::int FROM rating x WHERE x.round_id = rr.id AND x.decided_at IS NOT NULL) AS "decidedCount"`;

export const RATING_COLUMNS = `r.id, r.round_id AS "roundId", r.year, r.period_kind AS "periodKind", r.subject_kind AS "subjectKind", r.member_id AS "memberId",
  r.subject_organisation_id AS "subjectOrganisationId", COALESCE(mb.full_name, so.name) AS "subjectName", r.organisation_id AS "organisationId",
  o.name AS "organisationName", r.proposer_id AS "proposerId", r.decider_id AS "deciderId", r.quota_group_id AS "quotaGroupId", r.scheme,
  r.raw_label AS "rawLabel", r.score::float8 AS score, r.self_scores AS "selfAssessment", r.self_assessed_at AS "selfAssessedAt",
  r.self_assessed_by AS "selfAssessedBy", r.computed_level AS "computedLevel", r.block_reasons AS "blockReasons", r.proposed_level AS "proposedLevel",
  r.proposal_note AS "proposalNote", r.proposed_at AS "proposedAt", r.proposed_by AS "proposedBy", r.decided_level AS "decidedLevel",
  r.decision_reason AS "decisionReason", r.quota_override_reason AS "quotaOverrideReason", r.decided_at AS "decidedAt", r.decided_by AS "decidedBy",
  r.announced_at AS "announcedAt", r.override_reason AS "overrideReason", r.overridden_rules AS "overriddenRules"`;

export const RATING_FROM = `rating r ${JOIN_ORGANISATION('o', 'r.organisation_id')} ${LEFT_JOIN_MEMBER('mb', 'r.member_id')}
  ${LEFT_JOIN_ORGANISATION('so', 'r.subject_organisation_id')}`;

/** The order of `ratings` (newest year, subject kind, organisation, subject name, id), for keyset paging. */
export const RATING_KEYS: KeysetKey[] = [
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
export const REF_DATE_SQL = (yearExpr: string, p: Params): string =>
  `LEAST(${p.add(today())}::date, make_date(${yearExpr}, 12, 31))`;

export const SUBJECT_KIND_SQL = (
  kindExpr: string,
) => `CASE ${kindExpr} WHEN 'GRASSROOTS_COMMITTEE' THEN 'GRASSROOTS_ORGANISATION' WHEN 'GRASSROOTS_CELL' THEN 'GRASSROOTS_ORGANISATION'
  WHEN 'SUB_COMMITTEE' THEN 'SUB_COMMITTEE' WHEN 'SUBORDINATE_CELL' THEN 'SUBORDINATE_CELL' END`;

/** What the not-rated rule reads of a member on a date: the stored status, when they left, the exemption then, the committee's exclusion. */
export type MemberRatingState = {
  status: string;
  leftOn: string | null;
  exemption: 'TEMPORARY' | 'PERMANENT' | null;
  excluded: boolean;
};

export const MEMBER_RATING_STATE = (
  d: string,
  year: string,
) => `m.status, m.left_on AS "leftOn", ${EXEMPTION_AT(d)} AS exemption,
  EXISTS (SELECT 1 FROM rating_exclusion x WHERE x.member_id = m.id AND x.year = ${year}::int) AS excluded`;

/**
 * Whether a member is a rating subject on date `d` (docs/rules.md#r-rating-not-rated), read fresh at every step: the
 * reason they are not rated (exempt then, temporarily exempt, excluded by the committee), NOT_ACTIVE when they had left
 * by `d`, else null. The rule itself is `whoIsNotRated`.
 */
export const notRatedOf = (s: MemberRatingState, d: string, policy: Policy): NotRatedReason | 'NOT_ACTIVE' | null => {
  const active = s.leftOn ? s.leftOn > d : s.status === 'FULL' || s.status === 'PROBATIONARY';
  const split = whoIsNotRated(
    [
      {
        id: 0,
        state: {
          status: active ? 'FULL' : 'REMOVED',
          exempt: s.exemption ?? null,
          temporarilyAway: false,
          temporaryGuest: false,
        },
        excluded: !!s.excluded,
      },
    ],
    policy,
  );
  if (split.outside.length) return 'NOT_ACTIVE';
  return split.notRated[0]?.reason ?? null;
};

/** SQL conditions: each word of `search`, folded, starts a word of the folded name `expr` (as the member search; the trigram index serves the regex). */
export const nameSearchSql = (expr: string, search: string, p: Params): string[] =>
  foldVietnamese(search)
    .split(' ')
    .filter(Boolean)
    .map((word) => wordStartSql(expr, word, p));

export type RoundRow = RatingRound;
export type RatingRow = Omit<Rating, 'stage'>;

export const toRound = (row: Record<string, unknown>): RatingRound => Object.assign(new RatingRound(), row);
export const toRating = (row: Record<string, unknown>): Rating =>
  Object.assign(new Rating(), row, { stage: ratingStage(row) });

export type Subject = {
  kind: RatingSubjectKind;
  memberId: string | null;
  subjectOrganisationId: string | null;
  /** The member's cell on the reference date, or the organisation itself. */
  organisationId: string;
};
