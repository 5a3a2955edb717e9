// The meeting module's SQL other modules run: the dashboard's statements over the meeting table.
import { inSubtree, validAt } from '../../database/sql';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';

/**
 * Held or closed meetings in [from, to] (and before `asOf`) of the cells under the organisation `rootId` on `to`
 * whose minutes or resolution is blank: id, cellId, cellCode, date, kind, state, title, minutesPresent,
 * resolutionPresent. The dashboard's minutes alerts (libs meetingFlags judges them).
 * The WHERE repeats the predicate of the partial index meeting_paperwork_missing (migration 1796542000000) word for
 * word: keep them equal, or the planner reads every held meeting of the year.
 */
export const MEETINGS_WITHOUT_PAPERWORK = (rootId: string, from: string, to: string, asOf: string) =>
  `SELECT mt.id, mt.organisation_id AS "cellId", o.code AS "cellCode", mt.meeting_date AS date, mt.kind, mt.state, mt.title,
          coalesce(mt.minutes ~ '[^[:space:]]', false) AS "minutesPresent", coalesce(mt.resolution ~ '[^[:space:]]', false) AS "resolutionPresent"
     FROM (SELECT placement_path_at(${rootId}, ${to}::date) AS path) rp
     JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', to)}
     ${JOIN_ORGANISATION('o', 'pl.organisation_id')}
     JOIN meeting mt ON mt.organisation_id = pl.organisation_id
    WHERE mt.state IN ('HELD','CLOSED') AND mt.meeting_date >= ${from}::date AND mt.meeting_date <= ${to}::date AND mt.meeting_date < ${asOf}::date
      AND NOT (coalesce(mt.minutes ~ '[^[:space:]]', false) AND coalesce(mt.resolution ~ '[^[:space:]]', false))`;
