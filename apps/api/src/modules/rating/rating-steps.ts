import type { EntityManager } from 'typeorm';
import {
  assertLevelWithinCap,
  computeRatingLevel,
  emptyLevelCounts,
  ratingLevelCap,
  type DisciplineForm,
  type LevelCap,
  type RatingConditions,
  type RatingLevel,
  type RatingSubjectKind,
  type TaskCounts,
} from '@chibo/domain';
import { validAt } from '../../database/sql';
import type { PolicyService } from '../policy/policy.service';
import { DISCIPLINE_BETWEEN } from '../member/member.sql';
import { SEATS_DURING } from '../organisation/organisation.sql';

/**
 * The level rule as a guard on the rating's writes (issue: rules computed for display only). The facts the rule reads
 * besides the self-assessment (discipline in the year, the leadership's and the subordinates', the members' levels)
 * are read from the records as they are when a step is taken, so a discipline recorded after the self-assessment
 * caps the proposal and the decision, and the stored computed level is refreshed with them.
 */

/** A round, or `id: null` for a past rating recorded outside rounds (its collective's members counted from the year's decided ratings). */
type RoundRef = { id: string | null; year: number };
type SubjectRef = { memberId: string | null; subjectOrganisationId: string | null };

/** A rating as the steps see it. */
export type RatingForStep = SubjectRef & {
  id: string;
  subjectKind: RatingSubjectKind;
  organisationId: string;
  score: number | null;
  selfAssessment: { tasks?: TaskCounts; shortcomingsFixed?: boolean | null } | null;
};

export type RatingFacts = {
  disciplined: boolean;
  leadershipForms: DisciplineForm[] | undefined;
  subordinates: { total: number; disciplined: number } | undefined;
  constituents: Record<RatingLevel, number> | undefined;
};

/** What the level rule needs besides the self-assessment: discipline in the year, the leadership's and subordinates', members' levels. */
export const ratingFacts = async (
  m: EntityManager,
  round: RoundRef,
  s: SubjectRef,
  d: string,
): Promise<RatingFacts> => {
  const from = `${round.year}-01-01`;
  const to = `${round.year}-12-31`;
  if (s.memberId) {
    const [row] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM ${DISCIPLINE_BETWEEN('$2', '$3')} dc WHERE dc.member_id = $1) AS disciplined`,
      [s.memberId, from, to],
    );
    return {
      disciplined: !!row.disciplined,
      leadershipForms: undefined,
      subordinates: undefined,
      constituents: undefined,
    };
  }
  const orgId = s.subjectOrganisationId!;
  const [facts] = await m.query(
    `SELECT
       EXISTS (SELECT 1 FROM ${DISCIPLINE_BETWEEN('$2', '$3')} dc WHERE dc.organisation_id = $1) AS disciplined,
       COALESCE((SELECT array_agg(dc.form) FROM ${DISCIPLINE_BETWEEN('$2', '$3')} dc
                   JOIN ${SEATS_DURING('$2', '$3')} cs ON cs.member_id = dc.member_id AND cs.organisation_id = $1), '{}') AS "leadershipForms",
       (SELECT count(*)::int FROM organisation_placement c WHERE c.parent_id = $1 AND ${validAt('c', '$4')}) AS "subTotal",
       (SELECT count(*)::int FROM organisation_placement c WHERE c.parent_id = $1 AND ${validAt('c', '$4')}
           AND EXISTS (SELECT 1 FROM ${DISCIPLINE_BETWEEN('$2', '$3')} dc WHERE dc.organisation_id = c.organisation_id)) AS "subDisciplined"`,
    [orgId, from, to, d],
  );
  // HD 21: a cell's members, a committee's subordinate organisations, by their level in this round (decided, else proposed,
  // else computed); outside a round, by the year's decided yearly ratings.
  const constituents: { level: RatingLevel; n: number }[] = await m.query(
    `SELECT COALESCE(r.decided_level, r.proposed_level, r.computed_level) AS level, count(*)::int AS n
       FROM rating r
      WHERE (r.round_id = $1::uuid OR ($1::uuid IS NULL AND r.period_kind = 'YEAR' AND r.year = $4::int AND r.decided_at IS NOT NULL))
        AND COALESCE(r.decided_level, r.proposed_level, r.computed_level) IS NOT NULL
        AND ((r.member_id IS NOT NULL AND r.organisation_id = $2)
          OR (r.subject_organisation_id IS NOT NULL AND r.subject_organisation_id IN (SELECT c.organisation_id FROM organisation_placement c WHERE c.parent_id = $2 AND ${validAt('c', '$3')})))
      GROUP BY 1`,
    [round.id, orgId, d, round.year],
  );
  const counts = emptyLevelCounts();
  for (const c of constituents) counts[c.level] += c.n;
  return {
    disciplined: !!facts.disciplined,
    leadershipForms: facts.leadershipForms as DisciplineForm[],
    subordinates: { total: facts.subTotal as number, disciplined: facts.subDisciplined as number },
    constituents: constituents.length ? counts : undefined,
  };
};

const NO_TASKS: TaskCounts = { assigned: 0, completed: 0, onTime: 0, exceeded: 0 };

/** The level rule's conditions for a rating: its stored self-assessment (tasks, shortcomings) and the facts now. */
export const conditionsOf = (rating: RatingForStep, facts: RatingFacts): RatingConditions => ({
  subjectKind: rating.subjectKind,
  tasks: rating.selfAssessment?.tasks ?? NO_TASKS,
  disciplinedInYear: facts.disciplined,
  shortcomingsFixed: rating.selfAssessment?.shortcomingsFixed ?? true,
  leadershipDisciplineForms: facts.leadershipForms,
  subordinates: facts.subordinates,
  constituentLevels: facts.constituents,
});

/**
 * Before a proposal or a decision at `level`: reads the facts as they are now, stores the fresh computed level and
 * block reasons on the rating (inside the caller's transaction: undone with it when refused), and refuses a level
 * above the cap (VALIDATION / RATING_LEVEL_ABOVE_CAP, field `level`). The rules have no body that may lift a cap
 * (unlike the quota), so there is no override. Returns the cap.
 */
export const enforceLevelCap = async (
  m: EntityManager,
  policies: PolicyService,
  rating: RatingForStep,
  round: RoundRef,
  d: string,
  level: RatingLevel,
): Promise<LevelCap> => {
  const policy = await policies.forOrganisation(rating.organisationId, d, m);
  const conditions = conditionsOf(rating, await ratingFacts(m, round, rating, d));
  if (rating.score !== null) {
    const outcome = computeRatingLevel({ ...conditions, score: Number(rating.score) }, policy);
    await m.query(`UPDATE rating SET computed_level = $2, block_reasons = $3, updated_at = now() WHERE id = $1`, [
      rating.id,
      outcome.level,
      outcome.caps.map((c) => c.reason),
    ]);
  }
  const cap = ratingLevelCap(conditions, policy);
  assertLevelWithinCap(level, cap, 'level');
  return cap;
};

/**
 * After a discipline decision for a member: the ratings of that year not announced yet whose level the decision can
 * change — the member's own (OWN_DISCIPLINE) and those of the organisations on whose committee the member sat during
 * the year (LEADERSHIP_DISCIPLINE) — get their computed level again from the facts as they now are (shown fresh on read).
 */
export const refreshAfterDiscipline = async (
  m: EntityManager,
  policies: PolicyService,
  memberId: string,
  year: number,
  today: string,
): Promise<void> => {
  const rows: (RatingForStep & { roundId: string; year: number })[] = await m.query(
    `SELECT r.id, r.round_id AS "roundId", r.year, r.subject_kind AS "subjectKind", r.member_id AS "memberId", r.subject_organisation_id AS "subjectOrganisationId",
            r.organisation_id AS "organisationId", r.score::float8 AS score, r.self_scores AS "selfAssessment"
       FROM rating r
      WHERE r.year = $2 AND r.round_id IS NOT NULL AND r.self_assessed_at IS NOT NULL AND r.announced_at IS NULL AND r.score IS NOT NULL
        AND (r.member_id = $1 OR r.subject_organisation_id IN (
              SELECT cs.organisation_id FROM ${SEATS_DURING('make_date($2, 1, 1)', 'make_date($2, 12, 31)')} cs WHERE cs.member_id = $1))`,
    [memberId, year],
  );
  for (const r of rows) {
    const end = `${String(r.year).padStart(4, '0')}-12-31`;
    const d = today < end ? today : end;
    const policy = await policies.forOrganisation(r.organisationId, d, m);
    const facts = await ratingFacts(m, { id: r.roundId, year: r.year }, r, d);
    const outcome = computeRatingLevel({ ...conditionsOf(r, facts), score: Number(r.score) }, policy);
    await m.query(`UPDATE rating SET computed_level = $2, block_reasons = $3, updated_at = now() WHERE id = $1`, [
      r.id,
      outcome.level,
      outcome.caps.map((c) => c.reason),
    ]);
  }
};
