// The member rules written in SQL, once: a member's exemption, status and cell on a date. Other modules (rating,
// dashboard) call these instead of naming the member tables themselves. Each expects the member row as `m`.
import { inSubtree, type Params, validAt } from '../../database/sql';

/** Exemption on a date, from the member's EXEMPTED / EXEMPTION_ENDED events (the member row holds only today's). */
export const EXEMPTION_AT = (d: string) => `(SELECT CASE WHEN e.type = 'EXEMPTED' THEN e.reason END FROM member_event e
  WHERE e.member_id = m.id AND e.type IN ('EXEMPTED','EXEMPTION_ENDED') AND e.effective_on <= ${d}::date
  ORDER BY e.effective_on DESC, e.recorded_at DESC LIMIT 1)`;

/** Status on a date, derived from the member's dates (terminal statuses from the day they left). */
export const STATUS_AT = (d: string) => `CASE WHEN m.left_on IS NOT NULL AND m.left_on <= ${d}::date THEN m.status
  WHEN m.full_membership_date IS NOT NULL AND m.full_membership_date <= ${d}::date THEN 'FULL' ELSE 'PROBATIONARY' END`;

/**
 * SQL condition equal to `STATUS_AT(d) = ANY(statuses)`, written without the CASE so that the planner estimates
 * it from the columns' statistics (a CASE in WHERE is estimated at a fixed fraction: 51 rows for 5,080 at ×30).
 * Status on d is the stored status once the member has left (left_on <= d), else FULL or PROBATIONARY by the date.
 */
export const statusInSql = (d: string, statuses: readonly string[], p: Params): string => {
  const full = statuses.includes('FULL');
  const probationary = statuses.includes('PROBATIONARY');
  const staying =
    full && probationary
      ? 'TRUE'
      : full
        ? `m.full_membership_date <= ${d}::date`
        : probationary
          ? `(m.full_membership_date IS NULL OR m.full_membership_date > ${d}::date)`
          : null;
  const left = `m.status = ANY(${p.add(statuses)}::text[])`;
  if (staying === null) return `(m.left_on <= ${d}::date AND ${left})`;
  // Not left on d (any stored status), or left with one of the statuses; for both FULL and PROBATIONARY the second
  // part is implied whenever the first is false, so the condition reads "left_on IS NULL OR left_on > d OR status ∈ S".
  if (staying === 'TRUE') return `(m.left_on IS NULL OR m.left_on > ${d}::date OR ${left})`;
  return `(((m.left_on IS NULL OR m.left_on > ${d}::date) AND ${staying}) OR (m.left_on <= ${d}::date AND ${left}))`;
};

/** The member's permanent cell on a date, or the last one before it (members who left). */
export const CELL_AT = (
  d: string,
) => `(SELECT x.organisation_id FROM membership x WHERE x.member_id = m.id AND x.kind = 'PERMANENT' AND x.valid_from <= ${d}::date
  ORDER BY x.valid_from DESC LIMIT 1)`;

/**
 * Joins the members a cell counts on a day: `cell` and `day` are SQL expressions of the rows joined to (a cell id, a
 * date); a permanent placement in force that day, PROBATIONARY or FULL that day (docs/rules.md#r-membership-count).
 * Exposes the member row as `m`. Driven by the membership's organisation index.
 */
export const JOIN_MEMBERS_OF_CELL_ON = (
  cell: string,
  day: string,
  p: Params,
) => `JOIN membership x ON x.organisation_id = ${cell} AND x.kind = 'PERMANENT'
    AND x.valid_from <= ${day} AND (x.valid_to IS NULL OR x.valid_to > ${day})
  JOIN member m ON m.id = x.member_id AND ${statusInSql(day, ['PROBATIONARY', 'FULL'], p)}`;

/**
 * Joins one member's permanent cell on a day (`day`: a date expression of the rows joined to) while PROBATIONARY or
 * FULL: no row for a day the member was not a member. Exposes the member row as `m` and the cell as `x.organisation_id`.
 */
export const JOIN_CELL_OF_MEMBER_ON = (day: string, memberParam: string, p: Params) =>
  joinCellOf(`= ${memberParam}::uuid`, day, p);

/** JOIN_CELL_OF_MEMBER_ON for several members at once (`membersParam`: a uuid[] parameter). */
export const JOIN_CELL_OF_MEMBERS_ON = (day: string, membersParam: string, p: Params) =>
  joinCellOf(`= ANY(${membersParam}::uuid[])`, day, p);

const joinCellOf = (
  memberCondition: string,
  day: string,
  p: Params,
) => `JOIN membership x ON x.member_id ${memberCondition} AND x.kind = 'PERMANENT'
    AND x.valid_from <= ${day} AND (x.valid_to IS NULL OR x.valid_to > ${day})
  JOIN member m ON m.id = x.member_id AND ${statusInSql(day, ['PROBATIONARY', 'FULL'], p)}`;

/**
 * Joins the permanent memberships of a cell in force on some day of [from, to] (`cell`, `from`, `to`: SQL
 * expressions), as `x` (x.member_id): everyone a cell may count in a period, a superset of those it counts on each day.
 */
export const JOIN_MEMBERSHIPS_OF_CELL_DURING = (
  cell: string,
  from: string,
  to: string,
) => `JOIN membership x ON x.organisation_id = ${cell} AND x.kind = 'PERMANENT'
    AND x.valid_from <= ${to}::date AND (x.valid_to IS NULL OR x.valid_to > ${from}::date)`;

/**
 * Joins (laterally) the kept member counts of the organisation `orgExpr` on the date `d` as `alias` (columns members,
 * full_members, exempt; no row: none): the permanent memberships in force on d, those of them with a full-membership
 * date on or before d, and those exempted on d (EXEMPTION_AT with a reason) — kept per cell by the database
 * (cell_member_count, migration 1796541000000), so a subtree's counts read one row per organisation.
 */
export const MEMBER_COUNTS_JOIN = (alias: string, orgExpr: string, d: string) =>
  // the organisation's row of the date: the first ending after it, if it has begun (one index probe)
  `CROSS JOIN LATERAL (SELECT k.members, k.full_members, k.exempt FROM cell_member_count k
     WHERE k.organisation_id = ${orgExpr} AND k.valid_to > ${d}::date AND k.valid_from <= ${d}::date ORDER BY k.valid_to LIMIT 1) ${alias}`;

/**
 * The members with one of the national IDs ($nat, text[]) or party card numbers ($cards, text[]) whose cell on `d`
 * (their latest permanent placement begun by then) satisfies `cellOk` (a condition on the SQL expression of the
 * cell: the caller's write scope), locked for the write: id, nationalId, cardNumber. One statement for a whole file.
 */
export const MEMBERS_BY_NUMBER_FOR_UPDATE = (nat: string, cards: string, d: string, cellOk: (cell: string) => string) =>
  `SELECT m.id, m.national_id AS "nationalId", m.card_number AS "cardNumber"
     FROM member m CROSS JOIN LATERAL (SELECT ${CELL_AT(d)} AS cell) c
    WHERE (m.national_id = ANY(${nat}::text[]) OR m.card_number = ANY(${cards}::text[])) AND c.cell IS NOT NULL AND ${cellOk('c.cell')}
    ORDER BY m.id FOR UPDATE OF m`;

/** The folded name of the member `memberExpr` (a scalar subquery by primary key: for ordering a page's rows by name). */
export const MEMBER_NAME_FOLDED = (memberExpr: string) =>
  `(SELECT m.name_folded FROM member m WHERE m.id = ${memberExpr})`;

/** True when the member `memberExpr` belongs to the cell `cellExpr` on `day` (any membership kind: permanent or temporary). */
export const IS_MEMBER_OF_CELL_ON = (memberExpr: string, cellExpr: string, day: string) =>
  `EXISTS (SELECT 1 FROM membership ms WHERE ms.member_id = ${memberExpr} AND ms.organisation_id = ${cellExpr} AND ${validAt('ms', day)})`;

/** The members among `membersParam` (uuid[]) who belong to the cell `cellParam` on `day` (any kind), as "memberId". */
export const MEMBERS_OF_CELL_AMONG = (cellParam: string, day: string, membersParam: string) =>
  `SELECT DISTINCT ms.member_id AS "memberId" FROM membership ms WHERE ms.organisation_id = ${cellParam} AND ${validAt('ms', day)} AND ms.member_id = ANY(${membersParam}::uuid[])`;

/**
 * Joins the memberships as `alias` that satisfy `on` (a condition on the alias and the rows joined to) and are in force
 * on `day`; `kind`: only those of that kind (PERMANENT: a member's own cell, not a temporary transfer).
 */
export const JOIN_MEMBERSHIP = (alias: string, on: string, day: string, kind?: 'PERMANENT' | 'TEMPORARY') =>
  `JOIN membership ${alias} ON ${on}${kind ? ` AND ${alias}.kind = '${kind}'` : ''} AND ${validAt(alias, day)}`;

/** Joins the member row of `memberExpr` (an SQL expression) as `alias` (alias.full_name, alias.name_folded…). */
export const JOIN_MEMBER = (alias: string, memberExpr: string) => `JOIN member ${alias} ON ${alias}.id = ${memberExpr}`;

/** `FROM` the member rows as `alias` whose id satisfies `idCondition` (e.g. `= ANY($1::uuid[])`). */
export const MEMBERS_WHERE = (alias: string, idCondition: string) =>
  `FROM member ${alias} WHERE ${alias}.id ${idCondition}`;

/**
 * The members who left in [from, to] counted by their status on `asOf` (one of `statuses`, a text[] expression), in
 * their last cell (CELL_AT `asOf`) placed under the subtree of `rootPath` on `asOf`: rows (status, count). The
 * definition of members(filter: { statuses, leftFrom, leftTo }, asOf), for the dashboard's leavers.
 */
export const LEAVERS_BY_STATUS = (rootPath: string, asOf: string, from: string, to: string, statuses: string) =>
  `SELECT ${STATUS_AT(asOf)} AS status, count(*)::int AS count
     FROM member m CROSS JOIN LATERAL (SELECT ${CELL_AT(asOf)} AS cell) c
     CROSS JOIN LATERAL (SELECT placement_path_at(c.cell, ${asOf}::date) AS path) pl
    WHERE m.left_on >= ${from}::date AND m.left_on <= ${to}::date AND c.cell IS NOT NULL AND ${inSubtree('pl', rootPath)}
      AND (${STATUS_AT(asOf)}) = ANY(${statuses}::text[])
    GROUP BY 1`;

/**
 * The members of the cells under `rootPath` on `asOf` who are PROBATIONARY then or were admitted in one of `years`
 * (an int[] expression), by permanent membership: in force on `asOf` ("placed"), or the first one when it begins
 * after `asOf` for a member admitted by then who has not left. Rows: id, fullName, admissionDecisionDate,
 * ceremonyDate, status (on `asOf`), cellId, placed. The dashboard's probation and party-badge alerts.
 */
export const PROBATION_AND_BADGE_CANDIDATES = (rootPath: string, asOf: string, years: string) =>
  `SELECT m.id, m.full_name AS "fullName", m.admission_decision_date AS "admissionDecisionDate", m.ceremony_date AS "ceremonyDate",
          ${STATUS_AT(asOf)} AS status, ms.organisation_id AS "cellId", ${validAt('ms', asOf)} AS placed
     FROM organisation_placement pl
     JOIN membership ms ON ms.organisation_id = pl.organisation_id AND ms.kind = 'PERMANENT'
     JOIN member m ON m.id = ms.member_id
    WHERE ${inSubtree('pl', rootPath)} AND ${validAt('pl', asOf)}
      AND (${validAt('ms', asOf)}
           OR (ms.valid_from > ${asOf}::date AND m.left_on IS NULL AND m.admission_decision_date <= ${asOf}::date
               AND NOT EXISTS (SELECT 1 FROM membership e WHERE e.member_id = m.id AND e.kind = 'PERMANENT' AND e.valid_from < ms.valid_from)))
      AND ((${STATUS_AT(asOf)}) = 'PROBATIONARY' OR extract(year FROM m.admission_decision_date)::int = ANY(${years}::int[]))`;

/** The cells (any membership kind) of the members `membersParam` (uuid[]) on `day`, as "organisationId", once each. */
export const CELLS_OF_MEMBERS = (membersParam: string, day: string) =>
  `SELECT DISTINCT organisation_id AS "organisationId" FROM membership ms WHERE ms.member_id = ANY(${membersParam}::uuid[]) AND ${validAt('ms', day)}`;

/** LEFT JOIN_MEMBER: the member row of `memberExpr` as `alias`, or nulls (an optional member). */
export const LEFT_JOIN_MEMBER = (alias: string, memberExpr: string) => `LEFT ${JOIN_MEMBER(alias, memberExpr)}`;

/** A scalar subquery: the SQL expression `expr` over the member row `m` of `memberExpr` (e.g. EXEMPTION_AT). */
export const OF_MEMBER = (memberExpr: string, expr: string) =>
  `(SELECT ${expr} FROM member m WHERE m.id = ${memberExpr})`;

/**
 * The discipline decided in [from, to] (date expressions), as a derived table to name with an alias:
 * `FROM ${DISCIPLINE_BETWEEN(a, b)} dc` (columns of discipline: member_id, organisation_id, form, decided_on…).
 */
export const DISCIPLINE_BETWEEN = (from: string, to: string) =>
  `(SELECT * FROM discipline WHERE decided_on BETWEEN ${from}::date AND ${to}::date)`;
