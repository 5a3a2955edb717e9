// The facts the database keeps about meetings, recomputed from scratch: the SQL that checks the triggers' work (the
// cell_meeting_month integration test) and that rebuilds them after a bulk load with the triggers off (the seed).

const KINDS = ['REGULAR', 'THEMATIC', 'COMBINED', 'IDEOLOGICAL', 'EXTRAORDINARY', 'CONGRESS'] as const;
const COUNTS = [...KINDS.map((k) => k.toLowerCase()), 'attendance_present', 'attendance_expected'];

/**
 * The per-cell, per-month meeting facts (the columns of cell_meeting_month) recomputed from the held and closed
 * meetings of the cells matched by `cellCondition` (SQL on `organisation_id`); months without such a meeting give no row.
 */
export const recomputedCellMeetingMonthSql = (cellCondition: string): string => `
  SELECT organisation_id, date_trunc('month', meeting_date)::date AS month,
         ${KINDS.map((k) => `count(*) FILTER (WHERE kind = '${k}')::int AS ${k.toLowerCase()}`).join(', ')},
         sum(attendance_present)::int AS attendance_present, sum(attendance_expected)::int AS attendance_expected
    FROM meeting WHERE state IN ('HELD','CLOSED') AND ${cellCondition} GROUP BY 1, 2`;

/**
 * One statement that makes cell_meeting_month of the cells `cellIds` (an SQL uuid[] expression, e.g. a parameter)
 * equal to the recomputation (rows without a recomputed counterpart removed: a zero row means the same as none).
 */
export const rebuildCellMeetingMonthSql = (cellIds: string): string => `
  WITH fresh AS (${recomputedCellMeetingMonthSql(`organisation_id = ANY(${cellIds})`)}),
       gone AS (DELETE FROM cell_meeting_month c WHERE c.organisation_id = ANY(${cellIds})
                  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.organisation_id = c.organisation_id AND f.month = c.month))
  INSERT INTO cell_meeting_month AS c (organisation_id, month, ${COUNTS.join(', ')})
  SELECT organisation_id, month, ${COUNTS.join(', ')} FROM fresh
  ON CONFLICT (organisation_id, month) DO UPDATE SET ${COUNTS.map((x) => `${x} = excluded.${x}`).join(', ')}`;
