// The user row in other modules' SQL (a visitor's name, a user who must be active): through these, never by naming
// the table (apps/api/boundaries.cjs).

/** Joins the user `userExpr` (an SQL expression) as `alias` (alias.display_name, alias.is_active). */
export const JOIN_USER = (alias: string, userExpr: string) => `JOIN app_user ${alias} ON ${alias}.id = ${userExpr}`;

/** The id of the user `userParam` if active: one row or none. */
export const ACTIVE_USER = (userParam: string) => `SELECT id FROM app_user WHERE id = ${userParam} AND is_active`;

/** The active users as a row source `alias` (id, username, display_name): the users another module may list. */
export const ACTIVE_USERS = (alias: string) =>
  `(SELECT id, username, display_name FROM app_user WHERE is_active) ${alias}`;
