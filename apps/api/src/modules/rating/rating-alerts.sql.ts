// The rating module's SQL the dashboard runs for its rating alerts (docs/rules.md#r-rating-quota,
// #r-khtnv-two-years): the rating table is read here, the member and organisation rows through their owners' SQL.
import { inSubtree, validAt } from '../../database/sql';
import { JOIN_MEMBER, JOIN_MEMBERSHIP } from '../member/member.sql';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';

/**
 * The yearly ratings of rounds of `year` by quota group (placed under `rootPath` on `asOf`), subject kind and level
 * (decided, else proposed): groupId, code (the group's), kind, level, n. The count decideRating's quota check makes.
 * The rating conditions are the predicate of the partial index rating_year_quota (migration 1796685000000), word for
 * word, so the year's ratings are an index-only scan; keep the two in step.
 */
export const QUOTA_COUNTS = (rootPath: string, asOf: string, year: string) =>
  `SELECT r.quota_group_id AS "groupId", o.code, r.subject_kind AS kind, COALESCE(r.decided_level, r.proposed_level) AS level, count(*)::int AS n
     FROM rating r
     JOIN organisation_placement pl ON pl.organisation_id = r.quota_group_id AND ${validAt('pl', asOf)}
     ${JOIN_ORGANISATION('o', 'r.quota_group_id')}
    WHERE r.round_id IS NOT NULL AND r.period_kind = 'YEAR' AND r.year = ${year} AND ${inSubtree('pl', rootPath)}
      AND COALESCE(r.decided_level, r.proposed_level) IS NOT NULL
    GROUP BY 1, 2, 3, 4`;

/**
 * Members still PROBATIONARY or FULL, in a cell under `rootPath` on `asOf`, rated KHTNV (decided) two years running,
 * the later of the two `year` or the one before: memberId, memberName, cellId, code (the cell's), y1, y2.
 * `a`'s conditions imply the predicate of the partial index rating_year_khtnv (migration 1796685000000).
 */
export const KHTNV_TWO_YEARS = (rootPath: string, asOf: string, year: string) =>
  `SELECT DISTINCT ON (m.id) m.id AS "memberId", m.full_name AS "memberName", ms.organisation_id AS "cellId", o.code, b.year AS y1, a.year AS y2
     FROM rating a
     JOIN rating b ON b.member_id = a.member_id AND b.year = a.year - 1 AND b.period_kind = 'YEAR' AND b.decided_level = 'KHTNV'
     ${JOIN_MEMBER('m', 'a.member_id')}
     ${JOIN_MEMBERSHIP('ms', 'ms.member_id = m.id', asOf, 'PERMANENT')}
     JOIN organisation_placement pl ON pl.organisation_id = ms.organisation_id AND ${validAt('pl', asOf)} AND ${inSubtree('pl', rootPath)}
     ${JOIN_ORGANISATION('o', 'ms.organisation_id')}
    WHERE a.subject_kind = 'MEMBER' AND a.period_kind = 'YEAR' AND a.decided_level = 'KHTNV' AND a.year IN (${year}::int, ${year}::int - 1)
      AND m.status IN ('PROBATIONARY', 'FULL')
    ORDER BY m.id, a.year DESC`;
