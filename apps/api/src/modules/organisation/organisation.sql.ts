// Column lists shared by the organisation queries (one place, so every query returns the same shape).
import { validAt } from '../../database/sql';
export const ORG_COLUMNS = `
  o.id, o.code, o.name, o.kind, o.level_name AS "levelName", o.unit_served AS "unitServed",
  o.established_on AS "establishedOn", o.dissolved_on AS "dissolvedOn", o.term_start AS "termStart",
  o.term_end AS "termEnd", o.term_type AS "termType"`;

export type OrgRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  levelName: string | null;
  unitServed: string | null;
  establishedOn: string;
  dissolvedOn: string | null;
  termStart: string | null;
  termEnd: string | null;
  termType: string | null;
  parentId: string | null;
  path: string;
  depth: number;
};

// The organisation row in other modules' SQL: they read its columns (o.name, o.kind, o.code…) through these, never by
// naming the table (apps/api/boundaries.cjs).

/** The organisation kinds that hold members (cells): a condition on the organisation row `alias`. */
export const IS_CELL = (alias: string) => `${alias}.kind IN ('GRASSROOTS_CELL','SUBORDINATE_CELL')`;

/** Joins the organisation row of `idExpr` (an SQL expression) as `alias`; `cellsOnly`: no row unless it is a cell. */
export const JOIN_ORGANISATION = (alias: string, idExpr: string, cellsOnly = false) =>
  `JOIN organisation ${alias} ON ${alias}.id = ${idExpr}${cellsOnly ? ` AND ${IS_CELL(alias)}` : ''}`;

/** `FROM` the organisation rows as `alias` whose id satisfies `idCondition` (e.g. `= $1`, `= ANY($1::uuid[])`). */
export const ORGANISATIONS_WHERE = (alias: string, idCondition: string) =>
  `FROM organisation ${alias} WHERE ${alias}.id ${idCondition}`;

/** Joins the committee seats as `alias` of the organisation `orgExpr` held on `day` (alias.member_id, alias.role). */
export const JOIN_COMMITTEE_SEATS = (alias: string, orgExpr: string, day: string) =>
  `JOIN committee_seat ${alias} ON ${alias}.organisation_id = ${orgExpr} AND ${validAt(alias, day)}`;

/** `FROM` the organisation rows as `alias` whose code is one of `codes` (a text[] expression). */
export const ORGANISATIONS_WITH_CODES = (alias: string, codes: string) =>
  `FROM organisation ${alias} WHERE ${alias}.code = ANY(${codes})`;

/** LEFT JOIN_ORGANISATION: the organisation row of `idExpr` as `alias`, or nulls (an optional organisation). */
export const LEFT_JOIN_ORGANISATION = (alias: string, idExpr: string) => `LEFT ${JOIN_ORGANISATION(alias, idExpr)}`;

/**
 * The committee seats held on some day of [from, to] (date expressions), as a derived table to name with an alias:
 * `FROM ${SEATS_DURING(a, b)} cs` (columns of committee_seat: member_id, organisation_id, role, valid_from, valid_to).
 */
export const SEATS_DURING = (from: string, to: string) =>
  `(SELECT * FROM committee_seat WHERE valid_from <= ${to}::date AND (valid_to IS NULL OR valid_to > ${from}::date))`;
