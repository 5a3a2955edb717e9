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
export const admissionsSql = (actor: Actor, p: Params, windows: readonly AdmissionWindow[]): string => {
  const roots = p.add(windows.map((w) => w.organisationId));
  const froms = p.add(windows.map((w) => w.from));
  const tos = p.add(windows.map((w) => w.to));
  const first = p.add(windows.reduce((d, w) => (w.from < d ? w.from : d), windows[0]?.from ?? '9999-12-31'));
  const last = p.add(windows.reduce((d, w) => (w.to > d ? w.to : d), windows[0]?.to ?? '0001-01-01'));
  const visible = actor.isAdmin
    ? 'TRUE'
    : actor.readRoots.length
      ? `EXISTS (SELECT 1 FROM unnest(${p.add(actor.readRoots)}::uuid[]) AS sr(id) WHERE position('/' || sr.id::text || '/' IN a.path) > 0)`
      : 'FALSE';
  // The period's admissions with their cell's path on the decision date, once each (the placement valid that day,
  // else placement_path_at's fallback: the first or last placement), then matched to the windows whose root is on
  // that path: the path lists the ids of the cell's ancestors by depth, so its ids down to the deepest window root
  // are joined to the windows' roots (a hash join on the id, not a test per admission and window).
  return `WITH a AS MATERIALIZED (
      SELECT m.id AS member_id, c.cell_id, m.admission_decision_date AS admitted_on,
             COALESCE(pl.path, placement_path_at(c.cell_id, m.admission_decision_date)) AS path
        FROM member m
        JOIN member_event e ON e.member_id = m.id AND e.type = 'ADMITTED'
        CROSS JOIN LATERAL (SELECT COALESCE(e.to_organisation_id, e.organisation_id) AS cell_id) c
        LEFT JOIN organisation_placement pl ON pl.organisation_id = c.cell_id AND ${validAt('pl', 'm.admission_decision_date')}
       WHERE m.admission_decision_date >= ${first}::date AND m.admission_decision_date <= ${last}::date
         -- the indexed expression (member_event_admitted_cell), against the cells as an array
         AND COALESCE(e.to_organisation_id, e.organisation_id) = ANY(ARRAY(
               SELECT sp.organisation_id FROM organisation_placement rp JOIN organisation_placement sp ON ${inSubtree('sp', 'rp.path')}
                WHERE rp.organisation_id = ANY(${roots}::uuid[]))))
    SELECT w.n::int AS n, a.member_id, a.cell_id, a.admitted_on
      FROM a CROSS JOIN LATERAL unnest((string_to_array(a.path, '/'))[2:(SELECT max(depth) + 2 FROM organisation_placement WHERE organisation_id = ANY(${roots}::uuid[]))]) AS anc(id)
      JOIN unnest(${roots}::uuid[], ${froms}::date[], ${tos}::date[]) WITH ORDINALITY AS w(root_id, date_from, date_to, n)
        ON w.root_id::text = anc.id AND a.admitted_on >= w.date_from AND a.admitted_on <= w.date_to
     WHERE ${visible}`;
};

/** The number of admissions of each window (admissionsSql), in the windows' order: one query. */
export const admissionCounts = async (
  q: Queryable,
  actor: Actor,
  windows: readonly AdmissionWindow[],
): Promise<number[]> => {
  if (windows.length === 0) return [];
  const p = new Params();
  const rows = (await q.query(
    `SELECT x.n, count(*)::int AS count FROM (${admissionsSql(actor, p, windows)}) x GROUP BY x.n`,
    p.values,
  )) as { n: number; count: number }[];
  const byWindow = new Map(rows.map((r) => [Number(r.n), r.count] as const));
  return windows.map((_, i) => byWindow.get(i + 1) ?? 0);
};
