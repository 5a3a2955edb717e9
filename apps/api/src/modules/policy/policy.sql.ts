// The policy's rules in SQL, once: other modules call these instead of reading policy_override themselves.

/**
 * One integer of the policy in force for an organisation on a date, inside SQL (for rules that filter rows, where
 * resolving the policy per row in code would mean a query per row): the deepest override on the organisation's
 * path (`pathExpr`, its placement path) in force on `dateExpr` that sets `section.key`, the latest of those, else
 * `fallback` (the national default). Same precedence as libs' resolvePolicy.
 */
export const policyIntSql = (
  section: string,
  key: string,
  pathExpr: string,
  dateExpr: string,
  fallback: string,
): string =>
  `COALESCE((SELECT (po."values"->'${section}'->>'${key}')::int FROM policy_override po
     WHERE po."values"->'${section}' ? '${key}' AND po.effective_from <= ${dateExpr}::date AND (po.effective_to IS NULL OR po.effective_to > ${dateExpr}::date)
       AND position('/' || po.organisation_id::text || '/' IN ${pathExpr}) > 0
     ORDER BY position('/' || po.organisation_id::text || '/' IN ${pathExpr}) DESC, po.effective_from DESC LIMIT 1), ${fallback})`;
