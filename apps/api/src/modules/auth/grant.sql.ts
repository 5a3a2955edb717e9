import { inRangesSql, type PathRange } from '../../common/scope/scope';
import { validAt, type Params } from '../../database/sql';

/** The grants that make a user part of a committee's work (not SYSTEM_ADMIN, which has no organisation; not MEMBER). */
export const COMMITTEE_GRANT_ROLES = ['COMMITTEE_READ', 'COMMITTEE_WRITE', 'CELL_SECRETARY'] as const;

/**
 * SQL condition: user `userExpr` holds a committee grant on an organisation placed, on date parameter `d`, inside
 * `ranges` (null = anywhere). The one way another module asks "who works on this subtree" of the grants table.
 */
export const holdsCommitteeGrantInSql = (userExpr: string, ranges: PathRange[] | null, p: Params, d: string): string =>
  `EXISTS (SELECT 1 FROM access_grant g
     JOIN organisation_placement gp ON gp.organisation_id = g.organisation_id AND ${validAt('gp', d)} AND ${inRangesSql('gp', ranges, p)}
    WHERE g.user_id = ${userExpr} AND g.role = ANY(${p.add([...COMMITTEE_GRANT_ROLES])}::text[]))`;
