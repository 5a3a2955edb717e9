import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_POLICY, defaultSchemeForYear, elementAt, type RatingLevel } from '@chibo/domain';
import { bulkInsert, withDeferredChecks, type BulkColumn } from '../database/bulk';
import { inSubtree, today, validAt } from '../database/sql';

type Rng = { next: () => number; int: (lo: number, hi: number) => number; chance: (p: number) => boolean };

type Org = { id: string; kind: string; parentId: string | null };

const SCORE: Record<RatingLevel, [number, number]> = {
  HTXSNV: [90, 98],
  HTTNV: [72, 89],
  HTNV: [52, 69],
  KHTNV: [38, 49],
};

const RATING_COLUMNS: readonly BulkColumn[] = [
  ['round_id', 'uuid'],
  ['year', 'int'],
  ['subject_kind', 'text'],
  ['member_id', 'uuid'],
  ['subject_organisation_id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['proposer_id', 'uuid'],
  ['decider_id', 'uuid'],
  ['quota_group_id', 'uuid'],
  ['scheme', 'text'],
  ['score', 'numeric'],
  ['self_scores', 'jsonb'],
  ['self_assessed_at', 'timestamptz'],
  ['self_assessed_by', 'text'],
  ['computed_level', 'text'],
  ['proposed_level', 'text'],
  ['proposed_at', 'timestamptz'],
  ['proposed_by', 'text'],
  ['decided_level', 'text'],
  ['decided_at', 'timestamptz'],
  ['decided_by', 'text'],
  ['announced_at', 'timestamptz'],
];

/**
 * Ratings for the demo: 2024 and 2025 decided and announced, and the 2026 round open with some self-assessments and
 * proposals. One round per committee directly above grassroots organisations. Members: about 15% HTXSNV (kept within
 * the 20%-of-HTTNV quota of each grassroots organisation), ~83% HTTNV, a few HTNV and KHTNV; every member disciplined
 * in the year is KHTNV; exempt members are not rated. Cells and committees: about 22% HTXSNV, a cell with a KHTNV
 * member at most HTNV (HD 21). Computed in memory from one roster query per year, written by COPY.
 */
export const seedRatings = async (
  app: INestApplicationContext,
  r: Rng,
  log: (s: string) => void,
  rootId: string,
): Promise<{ ratings: number }> => {
  const now = today();
  let total = 0;
  // One transaction; the rating rows' seven foreign keys checked once for the whole load, and its indexes (the primary
  // key, the unique constraints, the partial indexes of the lists and alerts: thirteen) built once after it
  // (withDeferredChecks).
  await app.get(DataSource).transaction((ds) =>
    withDeferredChecks(ds, { tables: ['rating'], rebuildAllIndexes: ['rating'] }, async () => {
      for (const year of [2024, 2025, 2026]) {
        const d = year === 2026 ? now : `${year}-12-31`;
        const orgs: Org[] = await ds.query(
          // the demo committee's subtree only (the database may hold other trees, e.g. the tests')
          `SELECT pl.organisation_id AS id, o.kind, pl.parent_id AS "parentId"
           FROM organisation_placement rp
           JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', '$1')}
           JOIN organisation o ON o.id = pl.organisation_id
          WHERE rp.organisation_id = $2 AND ${validAt('rp', '$1')} ORDER BY o.code`,
          [d, rootId],
        );
        const byId = new Map(orgs.map((o) => [o.id, o]));
        const grassrootsOf = (id: string): Org | null => {
          for (let o = byId.get(id); o; o = o.parentId ? byId.get(o.parentId) : undefined)
            if (o.kind === 'GRASSROOTS_COMMITTEE' || o.kind === 'GRASSROOTS_CELL') return o;
          return null;
        };
        const openers = [
          ...new Set(
            orgs
              .filter((o) => (o.kind === 'GRASSROOTS_COMMITTEE' || o.kind === 'GRASSROOTS_CELL') && o.parentId)
              .map((o) => o.parentId!),
          ),
        ];
        if (!openers.length) continue;
        const announced = year < 2026;
        const rounds: { id: string; organisation_id: string }[] = await ds.query(
          `INSERT INTO rating_round (organisation_id, year, title, self_assessment_due, proposal_due, decision_due, state, opened_at, opened_by, announced_at, announced_by)
         SELECT u.id, $2::int, 'Đánh giá, xếp loại chất lượng năm ' || $2::int, make_date($2::int, 12, 5), make_date($2::int, 12, 15), make_date($2::int, 12, 25),
                $3::text, make_date($2::int, 11, 15)::timestamptz, 'seed', CASE WHEN $3::text = 'ANNOUNCED' THEN make_date($2::int, 12, 30)::timestamptz END,
                CASE WHEN $3::text = 'ANNOUNCED' THEN 'seed' END
           FROM unnest($1::uuid[]) u(id) RETURNING id, organisation_id`,
          [openers, year, announced ? 'ANNOUNCED' : 'OPEN'],
        );
        const roundOf = new Map(rounds.map((x) => [x.organisation_id, x.id]));
        const roundFor = (orgId: string): string | null => {
          for (let o = byId.get(orgId); o; o = o.parentId ? byId.get(o.parentId) : undefined)
            if (roundOf.has(o.id)) return roundOf.get(o.id)!;
          return null;
        };

        const roster: { memberId: string; cellId: string; exempt: boolean; disciplined: boolean }[] = await ds.query(
          `SELECT ms.member_id AS "memberId", ms.organisation_id AS "cellId",
                (SELECT e.type = 'EXEMPTED' FROM member_event e WHERE e.member_id = ms.member_id AND e.type IN ('EXEMPTED','EXEMPTION_ENDED') AND e.effective_on <= $1::date
                  ORDER BY e.effective_on DESC LIMIT 1) IS TRUE AS exempt,
                EXISTS (SELECT 1 FROM discipline dc WHERE dc.member_id = ms.member_id AND dc.decided_on BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31)) AS disciplined
           FROM membership ms JOIN member m ON m.id = ms.member_id JOIN organisation oc ON oc.id = ms.organisation_id
          WHERE ms.kind = 'PERMANENT' AND ms.valid_from <= $1::date AND (ms.valid_to IS NULL OR ms.valid_to > $1::date)
            AND ms.organisation_id = ANY($3::uuid[])
          ORDER BY oc.code, m.national_id, m.full_name`,
          [d, year, orgs.map((o) => o.id)],
        );

        type Out = {
          subjectKind: string;
          memberId: string | null;
          orgId: string | null;
          at: string;
          roundId: string;
          proposer: string;
          decider: string;
          group: string;
          level: RatingLevel;
          // set with the steps below
          score: number;
          general: number;
          stage: number;
        };
        const out: Out[] = [];
        const draw = (weights: [RatingLevel, number][]): RatingLevel => {
          let x = r.next();
          for (const [l, w] of weights) if ((x -= w) < 0) return l;
          return elementAt(weights, weights.length - 1, 'weight')[0];
        };
        // Members, grouped by grassroots organisation for the quota.
        const groups = new Map<string, Out[]>();
        for (const m of roster) {
          const g = grassrootsOf(m.cellId);
          const roundId = roundFor(m.cellId);
          if (!g || !roundId || m.exempt) continue;
          const level: RatingLevel = m.disciplined
            ? 'KHTNV'
            : draw([
                ['HTXSNV', 0.155],
                ['HTTNV', 0.825],
                ['HTNV', 0.017],
                ['KHTNV', 0.003],
              ]);
          const row: Out = {
            subjectKind: 'MEMBER',
            memberId: m.memberId,
            orgId: null,
            at: m.cellId,
            roundId,
            proposer: m.cellId,
            decider: g.id,
            group: g.id,
            level,
            score: 0,
            general: 0,
            stage: 0,
          };
          out.push(row);
          const group = groups.get(g.id);
          if (group) group.push(row);
          else groups.set(g.id, [row]);
        }
        for (const rows of groups.values()) {
          const base = rows.filter((x) => x.level === 'HTTNV').length;
          let extra =
            rows.filter((x) => x.level === 'HTXSNV').length -
            Math.floor((base * DEFAULT_POLICY.rating.quotaPercent) / 100);
          for (const x of rows) {
            if (extra <= 0) break;
            if (x.level !== 'HTXSNV') continue;
            x.level = 'HTTNV';
            extra--;
          }
        }
        // Organisations; a cell with a KHTNV member is at most HTNV (HD 21: 100% of members HTNV or better).
        const weakCells = new Set(out.filter((x) => x.level === 'KHTNV').map((x) => x.at));
        for (const o of orgs) {
          const kind =
            o.kind === 'SUBORDINATE_CELL'
              ? 'SUBORDINATE_CELL'
              : o.kind === 'SUB_COMMITTEE'
                ? 'SUB_COMMITTEE'
                : o.kind === 'GRASSROOTS_COMMITTEE' || o.kind === 'GRASSROOTS_CELL'
                  ? 'GRASSROOTS_ORGANISATION'
                  : null;
          const roundId = roundFor(o.id);
          if (!kind || !roundId || !o.parentId) continue;
          const g = grassrootsOf(o.id)!;
          let level = draw([
            ['HTXSNV', 0.22],
            ['HTTNV', 0.75],
            ['HTNV', 0.025],
            ['KHTNV', 0.005],
          ]);
          if (weakCells.has(o.id) && (level === 'HTXSNV' || level === 'HTTNV')) level = 'HTNV';
          const own = kind === 'GRASSROOTS_ORGANISATION';
          out.push({
            subjectKind: kind,
            memberId: null,
            orgId: o.id,
            at: o.id,
            roundId,
            proposer: o.parentId,
            decider: own ? o.parentId : g.id,
            group: own ? o.parentId : g.id,
            level,
            score: 0,
            general: 0,
            stage: 0,
          });
        }

        // Steps: past years decided and announced; 2026 partly self-assessed, some of those proposed.
        for (const x of out) {
          const [lo, hi] = SCORE[x.level];
          x.score = r.int(lo * 2, hi * 2) / 2;
          x.general = Math.min(30, Math.round(x.score * 0.3 * 2) / 2);
          x.stage = announced ? 3 : r.chance(0.6) ? (r.chance(0.3) ? 2 : 1) : 0;
        }
        const step = out.filter((x) => x.stage > 0);
        const at = (day: number) => `${year}-12-${String(day).padStart(2, '0')}T09:00:00+07:00`;
        const ts = (x: { stage: number }, min: number, day: number) =>
          x.stage >= min ? (year === 2026 ? `${now}T08:00:00+07:00` : at(day)) : null;
        // Sent by COPY (unnest on the embedded database) as the server takes them. self_scores as the statement that
        // wrote them before made them: numeric differences keep the scale of their terms (78.5 − 23.5 is 55.0).
        const selfScores = (x: (typeof step)[number]) => {
          const scale = Number.isInteger(x.score) && Number.isInteger(x.general) ? 0 : 1;
          return `{"generalPoints": ${x.general}, "taskPoints": ${(x.score - x.general).toFixed(scale)}, "tasks": {"assigned": 10, "completed": 10, "onTime": 10, "exceeded": ${x.level === 'HTXSNV' ? 4 : 2}}, "shortcomingsFixed": true, "note": null}`;
        };
        const scheme = defaultSchemeForYear(year);
        const announcedAt = announced ? at(30) : null;
        await bulkInsert(
          ds,
          'rating',
          RATING_COLUMNS,
          (function* () {
            for (const x of step) {
              const proposedAt = ts(x, 2, 12);
              const decidedAt = ts(x, 3, 22);
              yield [
                x.roundId,
                year,
                x.subjectKind,
                x.memberId,
                x.orgId,
                x.at,
                x.proposer,
                x.decider,
                x.group,
                scheme,
                x.score,
                selfScores(x),
                ts(x, 1, 3),
                'seed',
                x.level,
                proposedAt && x.level,
                proposedAt,
                proposedAt && 'seed',
                decidedAt && x.level,
                decidedAt,
                decidedAt && 'seed',
                announcedAt,
              ];
            }
          })(),
        );
        total += step.length;
      }
    }),
  );
  log(`Seeded ${total} ratings (2024 and 2025 announced, 2026 open).`);
  return { ratings: total };
};
