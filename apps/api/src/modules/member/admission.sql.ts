import type { Actor } from '../../common/auth/actor';
import { inSubtree, Params, validAt } from '../../database/sql';

/** An organisation's subtree over a period (both days included), for counting its admissions. */
export type AdmissionWindow = { organisationId: string; from: string; to: string };

type Queryable = { query: (sql: string, params?: unknown[]) => Promise<unknown> };

/**
 * The one definition of a subtree's admissions in a period (kết nạp, docs/rules.md#r-admission-target; docs/member.md "Admissions"),
 * shared by the list (admissions), the dashboard (members.admissions, each child's, the trend) and admissionProgress.
 * A member is counted where and when they were admitted: their ADMITTED event names the admitting cell, which must lie
 * in the window's subtree on the admission decision date (its path on that date, placement_path_at), and that date must
 * fall in the window. So a member admitted here and since transferred out still counts; a member transferred in after
 * being admitted elsewhere does not (no ADMITTED event here); a member with no admission decision date is not counted.
 * Rows whose admitting cell was outside the caller's read roots on that date are left out, so that a figure and its
 * list agree for every caller (a cell is under a root on a date when the root's id is on its path of that date).
 *
 * Returns SQL giving one row per (window, member): n (the window's 1-based position), member_id, cell_id (the admitting
 * cell), admitted_on (the admission decision date). Set-based, one statement: the ADMITTED events of the cells ever
 * placed under a window's root (partial index member_event_admitted_cell; the cells as an array, so that a cell's or a
 * committee's few events are read by index) joined to the members whose decision date is in the windows (index
 * member_admission_decision).
 */
export const admissionsSql = (actor: Actor, p: Params, windows: readonly AdmissionWindow[]): string =>
  inWindows(
    actor,
    p,
    windows,
    ({ first, last, cells }) => `
      SELECT m.id AS member_id, c.cell_id, m.admission_decision_date AS admitted_on, ${PATH_ON('c.cell_id', 'm.admission_decision_date')}
        FROM member m
        JOIN member_event e ON e.member_id = m.id AND e.type = 'ADMITTED'
        CROSS JOIN LATERAL (SELECT COALESCE(e.to_organisation_id, e.organisation_id) AS cell_id) c
        ${PLACEMENT_ON('c.cell_id', 'm.admission_decision_date')}
       WHERE m.admission_decision_date >= ${first}::date AND m.admission_decision_date <= ${last}::date
         -- the indexed expression (member_event_admitted_cell), against the cells as an array
         AND COALESCE(e.to_organisation_id, e.organisation_id) = ANY(ARRAY(${cells}))`,
    'each',
  );

// The admitting cell's path on the decision date: the placement valid that day (PLACEMENT_ON), else
// placement_path_at's fallback (the first or last placement).
const PLACEMENT_ON = (cell: string, day: string): string =>
  `LEFT JOIN organisation_placement pl ON pl.organisation_id = ${cell} AND ${validAt('pl', day)}`;
const PATH_ON = (cell: string, day: string): string => `COALESCE(pl.path, placement_path_at(${cell}, ${day})) AS path`;

/**
 * The rows of `source` (a cell_id, an admitted_on date and the cell's path on that date) matched to the windows whose
 * root is on that path and whose days include the date; rows outside the caller's read roots on their date are left
 * out. `source` reads the days from `first` to `last` of the cells ever placed under a window's root (`cells`, a
 * query of their ids). `each`: one row per (window, source row) with n (the window's 1-based position), member_id,
 * cell_id and admitted_on; `summed`: the source's `admissions` added up per ancestor and day first (a subtree's
 * figure then matches a few rows per day to the windows, not every cell's), one row per (window, ancestor, day)
 * with n and admissions.
 */
const inWindows = (
  actor: Actor,
  p: Params,
  windows: readonly AdmissionWindow[],
  source: (r: { first: string; last: string; cells: string }) => string,
  rows: 'each' | 'summed',
): string => {
  const roots = p.add(windows.map((w) => w.organisationId));
  const froms = p.add(windows.map((w) => w.from));
  const tos = p.add(windows.map((w) => w.to));
  const first = p.add(windows.reduce((d, w) => (w.from < d ? w.from : d), windows[0]?.from ?? '9999-12-31'));
  const last = p.add(windows.reduce((d, w) => (w.to > d ? w.to : d), windows[0]?.to ?? '0001-01-01'));
  const cells = `SELECT sp.organisation_id FROM organisation_placement rp JOIN organisation_placement sp ON ${inSubtree('sp', 'rp.path')}
                  WHERE rp.organisation_id = ANY(${roots}::uuid[])`;
  const visible = actor.isAdmin
    ? 'TRUE'
    : actor.readRoots.length
      ? `EXISTS (SELECT 1 FROM unnest(${p.add(actor.readRoots)}::uuid[]) AS sr(id) WHERE position('/' || sr.id::text || '/' IN a.path) > 0)`
      : 'FALSE';
  // The period's rows with their cell's path on their date, once each, then matched to the windows whose root is on
  // that path: the path lists the ids of the cell's ancestors by depth, so its ids down to the deepest window root
  // are joined to the windows' roots (a hash join on the id, not a test per row and window).
  const ancestors = `a CROSS JOIN LATERAL unnest((string_to_array(a.path, '/'))[2:(SELECT max(depth) + 2 FROM organisation_placement WHERE organisation_id = ANY(${roots}::uuid[]))]) AS anc(id)`;
  const d =
    rows === 'each'
      ? `SELECT a.member_id, a.cell_id, a.admitted_on, anc.id FROM ${ancestors} WHERE ${visible}`
      : `SELECT anc.id, a.admitted_on, sum(a.admissions)::int AS admissions FROM ${ancestors} WHERE ${visible} GROUP BY 1, 2`;
  return `WITH a AS MATERIALIZED (${source({ first, last, cells })}), d AS (${d})
    SELECT w.n::int AS n, ${rows === 'each' ? 'd.member_id, d.cell_id, d.admitted_on' : 'd.admissions'}
      FROM d JOIN unnest(${roots}::uuid[], ${froms}::date[], ${tos}::date[]) WITH ORDINALITY AS w(root_id, date_from, date_to, n)
        ON w.root_id::text = d.id AND d.admitted_on >= w.date_from AND d.admitted_on <= w.date_to`;
};

/**
 * The number of admissions of each window (admissionsSql's rows), in the windows' order: one query. It counts the
 * same rows as the list from the admissions kept per admitting cell and decision date (cell_admission_count, kept by
 * triggers on member_event and member): each kept row is placed in the tree of its date and matched to the windows
 * as the list's rows are, so the figures equal the list's length while reading only the windows' days.
 */
export const admissionCounts = async (
  q: Queryable,
  actor: Actor,
  windows: readonly AdmissionWindow[],
): Promise<number[]> => {
  if (windows.length === 0) return [];
  const p = new Params();
  const kept = inWindows(
    actor,
    p,
    windows,
    ({ first, last, cells }) => `
      SELECT k.organisation_id AS cell_id, k.admitted_on, k.admissions, ${PATH_ON('k.organisation_id', 'k.admitted_on')}
        FROM (SELECT DISTINCT organisation_id FROM (${cells}) s) c
        JOIN cell_admission_count k ON k.organisation_id = c.organisation_id
        ${PLACEMENT_ON('k.organisation_id', 'k.admitted_on')}
       WHERE k.admitted_on >= ${first}::date AND k.admitted_on <= ${last}::date`,
    'summed',
  );
  const rows = (await q.query(
    `SELECT x.n, sum(x.admissions)::int AS count FROM (${kept}) x GROUP BY x.n`,
    p.values,
  )) as { n: number; count: number }[];
  const byWindow = new Map(rows.map((r) => [Number(r.n), r.count] as const));
  return windows.map((_, i) => byWindow.get(i + 1) ?? 0);
};
