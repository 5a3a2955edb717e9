import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, daysBetween, DEFAULT_POLICY, minIsoDate } from '@chibo/domain';
import type { Caller } from '../common/audit/audit.service';
import { withDeferredChecks } from '../database/bulk';
import { today } from '../database/sql';
import { DisciplineService } from '../modules/member/discipline.service';
import { progress } from './context';

type Rng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
};

const AREAS = [
  'Chấp hành Điều lệ Đảng, nghị quyết, chỉ thị của Đảng',
  'Thực hiện nhiệm vụ đảng viên và chức trách, nhiệm vụ được giao',
  'Giữ gìn phẩm chất đạo đức, lối sống; thực hiện những điều đảng viên không được làm',
  'Thực hiện Quy định về trách nhiệm nêu gương của cán bộ, đảng viên',
  'Sinh hoạt đảng, đóng đảng phí và giữ mối liên hệ với chi ủy, đảng ủy nơi cư trú',
  'Kê khai tài sản, thu nhập theo quy định',
] as const;
const STRENGTHS = [
  'Chấp hành nghiêm chủ trương, đường lối của Đảng; hoàn thành tốt nhiệm vụ được giao.',
  'Gương mẫu, có tinh thần trách nhiệm, đoàn kết nội bộ.',
];
const SHORTCOMINGS = [
  'Có lúc chưa mạnh dạn đấu tranh phê bình.',
  'Việc nghiên cứu, học tập nghị quyết có lúc chưa thường xuyên.',
  'Tham gia sinh hoạt nơi cư trú chưa đều.',
];

type Row = {
  id: string;
  cellId: string;
  planId: string | null;
  body: string;
  type: string;
  title: string;
  areas: string[];
  plannedFrom: string;
  plannedTo: string | null;
  startedOn: string | null;
  concludedOn: string | null;
  state: string;
  conclusion: string | null;
  recommendation: string | null;
  subjects: string[];
};

/**
 * A year's plans, inspections and supervisions for 2025 (almost all concluded) and 2026 up to today, with realistic
 * progress in 2026: most cells have met the target, some cells with a chi ủy have one of their two inspections,
 * some only have inspections in progress or planned, a few nothing yet; every cell runs a regular supervision covering
 * about 30–50% of its members (some fewer). A few committees' inspection commissions inspect on signs of violation,
 * and a few conclusions lead to a reprimand through DisciplineService. Written set-based (one INSERT per table per batch),
 * deterministic for a given seed and day.
 */
export const seedInspections = async (
  app: INestApplicationContext,
  caller: Caller,
  r: Rng,
  cellIds: string[],
  log: (s: string) => void,
): Promise<{ plans: number; inspections: number }> => {
  const ds = app.get(DataSource);
  const now = today();
  const roster: { cellId: string; memberId: string; from: string; to: string | null; full: boolean }[] = await ds.query(
    `SELECT ms.organisation_id AS "cellId", ms.member_id AS "memberId", ms.valid_from AS "from", ms.valid_to AS "to", m.full_membership_date IS NOT NULL AS full
       FROM membership ms JOIN member m ON m.id = ms.member_id WHERE ms.kind = 'PERMANENT' AND ms.organisation_id = ANY($1::uuid[]) ORDER BY ms.organisation_id, m.national_id`,
    [cellIds],
  );
  const byCell = new Map<string, typeof roster>();
  for (const x of roster) byCell.set(x.cellId, [...(byCell.get(x.cellId) ?? []), x]);
  const seats = new Map<string, number>(
    (
      await ds.query(
        `SELECT organisation_id AS id, count(DISTINCT member_id)::int AS n FROM committee_seat WHERE organisation_id = ANY($1::uuid[]) AND valid_to IS NULL GROUP BY 1`,
        [cellIds],
      )
    ).map((x: { id: string; n: number }) => [x.id, x.n]),
  );
  const withCommittee = (cellId: string) =>
    (seats.get(cellId) ?? 0) >= DEFAULT_POLICY.organisation.cellCommitteeMinSize;
  const members = (cellId: string, from: string, to: string) =>
    (byCell.get(cellId) ?? []).filter((x) => x.from <= from && (!x.to || x.to > to));
  const sample = <T>(xs: T[], n: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(...pool.splice(r.int(0, pool.length - 1), 1));
    return out;
  };

  const plans: { id: string; cellId: string; year: number; subjects: string[] }[] = [];
  const rows: Row[] = [];
  const years = [2025, 2026].filter((y) => `${y}-01-20` < now);
  for (const year of years) {
    const last = `${year}-12-31`;
    const yearOver = last < now;
    const horizon = minIsoDate(addDays(now, -2), `${year}-12-20`);
    for (const cellId of cellIds) {
      const required = withCommittee(cellId)
        ? DEFAULT_POLICY.inspection.targetWithCellCommittee
        : DEFAULT_POLICY.inspection.targetWithoutCellCommittee;
      const people = members(cellId, `${year}-01-10`, minIsoDate(now, last));
      if (!people.length) continue;
      const planId = randomUUID();
      const inspected = sample(people, Math.min(people.length, required + (r.chance(0.3) ? 1 : 0)));
      plans.push({ id: planId, cellId, year, subjects: inspected.map((x) => x.memberId) });
      // How far this cell has got: last year almost everyone finished; this year a spread.
      const roll = r.next();
      const outcome = yearOver
        ? roll < 0.9
          ? 'MET'
          : roll < 0.96
            ? 'SHORT'
            : 'NONE'
        : roll < 0.66
          ? 'MET'
          : roll < 0.78
            ? 'SHORT'
            : roll < 0.88
              ? 'IN_PROGRESS'
              : roll < 0.95
                ? 'PLANNED'
                : 'NONE';
      inspected.forEach((subject, k) => {
        const start = addDays(
          `${year}-02-01`,
          r.int(0, Math.max(0, Math.min(300, daysBetween(`${year}-02-01`, horizon) - 30))),
        );
        const done = (outcome === 'MET' || (outcome === 'SHORT' && k === 0 && required > 1)) && start < horizon;
        const open =
          !done && (outcome === 'IN_PROGRESS' || outcome === 'PLANNED' || outcome === 'SHORT') && k < required;
        const base: Omit<
          Row,
          'plannedFrom' | 'plannedTo' | 'startedOn' | 'concludedOn' | 'state' | 'conclusion' | 'recommendation'
        > = {
          id: randomUUID(),
          cellId,
          planId,
          body: r.chance(0.2) && withCommittee(cellId) ? 'CELL_COMMITTEE' : 'CELL',
          type: 'COMPLIANCE',
          title: `Kiểm tra đảng viên chấp hành năm ${year}`,
          areas: sample([...AREAS], r.int(1, 3)),
          subjects: [subject.memberId],
        };
        if (done) {
          const end = minIsoDate(addDays(start, r.int(7, 25)), horizon);
          rows.push({
            ...base,
            plannedFrom: addDays(start, -r.int(0, 10)),
            plannedTo: addDays(start, 30),
            startedOn: start,
            concludedOn: end < start ? start : end,
            state: 'CONCLUDED',
            conclusion:
              'Đồng chí chấp hành tốt Điều lệ Đảng, nghị quyết, chỉ thị của Đảng; hoàn thành tốt nhiệm vụ được giao.',
            recommendation: r.chance(0.4) ? r.pick(SHORTCOMINGS).replace('.', '; cần khắc phục.') : null,
          });
        } else if (open && outcome === 'IN_PROGRESS' && !yearOver) {
          const started = addDays(now, -r.int(5, 40));
          rows.push({
            ...base,
            plannedFrom: started,
            plannedTo: addDays(started, 30),
            startedOn: started,
            concludedOn: null,
            state: 'IN_PROGRESS',
            conclusion: null,
            recommendation: null,
          });
        } else if (open) {
          const from = yearOver
            ? `${year}-11-${String(r.int(10, 28)).padStart(2, '0')}`
            : minIsoDate(addDays(now, r.int(7, 35)), `${year}-12-15`);
          rows.push({
            ...base,
            plannedFrom: from,
            plannedTo: addDays(from, 20),
            startedOn: null,
            concludedOn: null,
            state: 'PLANNED',
            conclusion: null,
            recommendation: null,
          });
        }
      });
      // Regular supervision of about 30–50% of the members (a few cells fewer, a few more), all year.
      const share = r.chance(0.15) ? r.int(5, 25) : r.chance(0.1) ? r.int(55, 70) : r.int(30, 50);
      const supervised = sample(people, Math.max(1, Math.round((people.length * share) / 100)));
      const supStart = `${year}-01-${String(r.int(10, 28)).padStart(2, '0')}`;
      rows.push({
        id: randomUUID(),
        cellId,
        planId,
        body: 'CELL',
        type: 'REGULAR_SUPERVISION',
        title: `Giám sát thường xuyên đảng viên năm ${year}`,
        areas: [AREAS[1], AREAS[2]],
        plannedFrom: supStart,
        plannedTo: last,
        startedOn: supStart,
        concludedOn: yearOver ? last : null,
        state: yearOver ? 'CONCLUDED' : 'IN_PROGRESS',
        conclusion: yearOver ? 'Các đồng chí được giám sát chấp hành tốt; không có dấu hiệu vi phạm.' : null,
        recommendation: null,
        subjects: supervised.map((x) => x.memberId),
      });
      if (r.chance(0.15)) {
        const start = addDays(`${year}-03-01`, r.int(0, 120));
        if (start < horizon) {
          rows.push({
            id: randomUUID(),
            cellId,
            planId,
            body: 'CELL',
            type: 'THEMATIC_SUPERVISION',
            title: 'Giám sát chuyên đề việc thực hiện trách nhiệm nêu gương',
            areas: [AREAS[3]],
            plannedFrom: start,
            plannedTo: addDays(start, 30),
            startedOn: start,
            concludedOn: minIsoDate(addDays(start, 20), horizon),
            state: 'CONCLUDED',
            conclusion: 'Các đồng chí thực hiện tốt trách nhiệm nêu gương.',
            recommendation: null,
            subjects: sample(people, Math.min(2, people.length)).map((x) => x.memberId),
          });
        }
      }
    }
  }

  // Inspection commissions of a few grassroots committees, on signs of violation, of a member of one of their cells.
  const committees: { id: string; cellId: string }[] = await ds.query(
    // ordered by codes, not ids (random), so the same seed value gives the same committees and cells
    `SELECT DISTINCT ON (o.code) g.organisation_id AS id, c.organisation_id AS "cellId"
       FROM organisation_placement g JOIN organisation o ON o.id = g.organisation_id AND o.kind = 'GRASSROOTS_COMMITTEE'
       JOIN organisation_placement c ON c.path > g.path AND c.path < left(g.path, -1) || '0' AND c.valid_to IS NULL AND c.organisation_id = ANY($1::uuid[])
       JOIN organisation co ON co.id = c.organisation_id
      WHERE g.valid_to IS NULL ORDER BY o.code, co.code`,
    [cellIds],
  );
  for (const g of committees) {
    if (!r.chance(0.08) || years.length === 0) continue;
    const year = years[years.length - 1];
    const people = members(g.cellId, `${year}-01-10`, now);
    if (!people.length) continue;
    const start = addDays(`${year}-03-01`, r.int(0, 150));
    if (start >= addDays(now, -30)) continue;
    rows.push({
      id: randomUUID(),
      cellId: g.id,
      planId: null,
      body: 'INSPECTION_COMMISSION',
      type: 'SIGNS_OF_VIOLATION',
      title: 'Kiểm tra đảng viên khi có dấu hiệu vi phạm',
      areas: [AREAS[4]],
      plannedFrom: start,
      plannedTo: addDays(start, 45),
      startedOn: start,
      concludedOn: addDays(start, 25),
      state: 'CONCLUDED',
      conclusion:
        'Đảng viên có vi phạm quy định về sinh hoạt đảng nhưng chưa đến mức phải xem xét kỷ luật; yêu cầu kiểm điểm, rút kinh nghiệm.',
      recommendation: 'Chi bộ tăng cường quản lý, giáo dục đảng viên.',
      subjects: [r.pick(people).memberId],
    });
  }

  const bar = progress('Kiểm tra / inspections', rows.length);
  // One transaction: the four tables' foreign keys checked once, their indexes built after the load (but the primary
  // keys of plans and inspections, which other tables reference), the kept counts' insert trigger off and the counts
  // of the cells written rebuilt once (withDeferredChecks); the tables are locked until it commits.
  await ds.transaction(async (m) => {
    await withDeferredChecks(
      m,
      {
        tables: ['inspection_plan', 'inspection_plan_subject', 'inspection', 'inspection_subject'],
        triggers: [['inspection', 'cell_inspection_count_ins']],
        rebuildAllIndexes: ['inspection_plan', 'inspection_plan_subject', 'inspection', 'inspection_subject'],
      },
      async () => {
        for (let i = 0; i < plans.length; i += 2000) {
          const batch = plans.slice(i, i + 2000);
          await m.query(
            `INSERT INTO inspection_plan (id, organisation_id, year, purpose, content, timing, method, adopted_on)
           SELECT u.id, u.org, u.y, $3, $4, $5, $6, make_date(u.y, 1, 15) FROM unnest($1::uuid[], $2::uuid[], $7::int[]) AS u(id, org, y)`,
            [
              batch.map((p) => p.id),
              batch.map((p) => p.cellId),
              'Nâng cao ý thức chấp hành Điều lệ Đảng, phát hiện và khắc phục kịp thời hạn chế, khuyết điểm của đảng viên.',
              'Kiểm tra đảng viên chấp hành Điều lệ Đảng, nghị quyết, chỉ thị và thực hiện nhiệm vụ đảng viên; giám sát thường xuyên đảng viên trong chi bộ.',
              'Quý II và quý III',
              'Đảng viên tự kiểm tra, báo cáo; chi bộ xem xét, kết luận tại cuộc họp chi bộ.',
              batch.map((p) => p.year),
            ],
          );
          const ps = batch.flatMap((p) => p.subjects.map((m, k) => ({ plan: p.id, m, k })));
          await m.query(
            `INSERT INTO inspection_plan_subject (plan_id, member_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
            [ps.map((x) => x.plan), ps.map((x) => x.m), ps.map((x) => x.k)],
          );
        }
        for (let i = 0; i < rows.length; i += 3000) {
          const batch = rows.slice(i, i + 3000);
          const col = <T>(f: (x: Row) => T) => batch.map(f);
          await m.query(
            `INSERT INTO inspection (id, organisation_id, plan_id, body, type, title, content_areas, planned_from, planned_to, started_on, concluded_on, state, conclusion, recommendation)
           SELECT u.id, u.org, u.plan, u.body, u.type, u.title, u.areas::jsonb, u.pf, u.pt, u.st, u.co, u.state, u.conclusion, u.rec
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[], $10::date[], $11::date[], $12::text[], $13::text[], $14::text[])
               AS u(id, org, plan, body, type, title, areas, pf, pt, st, co, state, conclusion, rec)`,
            [
              col((x) => x.id),
              col((x) => x.cellId),
              col((x) => x.planId),
              col((x) => x.body),
              col((x) => x.type),
              col((x) => x.title),
              col((x) => JSON.stringify(x.areas)),
              col((x) => x.plannedFrom),
              col((x) => x.plannedTo),
              col((x) => x.startedOn),
              col((x) => x.concludedOn),
              col((x) => x.state),
              col((x) => x.conclusion),
              col((x) => x.recommendation),
            ],
          );
          const subjects = batch.flatMap((x) =>
            x.subjects.map((m, k) => ({
              id: x.id,
              m,
              k,
              concluded: x.state === 'CONCLUDED',
              supervision: x.type.endsWith('SUPERVISION'),
            })),
          );
          await m.query(
            `INSERT INTO inspection_subject (inspection_id, member_id, position, self_report, strengths, shortcomings, conclusion)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])`,
            [
              subjects.map((s) => s.id),
              subjects.map((s) => s.m),
              subjects.map((s) => s.k),
              subjects.map((s) =>
                s.concluded && !s.supervision
                  ? 'Bản tự kiểm tra của đảng viên về việc chấp hành Điều lệ Đảng và thực hiện nhiệm vụ được giao.'
                  : null,
              ),
              subjects.map((s) => (s.concluded ? r.pick(STRENGTHS) : null)),
              subjects.map((s) => (s.concluded && r.chance(0.6) ? r.pick(SHORTCOMINGS) : null)),
              subjects.map((s) => (s.concluded ? 'Chấp hành tốt.' : null)),
            ],
          );
          await m.query(
            `INSERT INTO audit_log (actor_type, actor_id, actor_name, operation, entity_type, entity_id, after, request_id)
           SELECT $1, $2, $3, 'seedInspection', 'inspection', u.id, u.after::jsonb, $6 FROM unnest($4::text[], $5::text[]) AS u(id, after)`,
            [
              caller.actor.kind,
              caller.actor.id,
              caller.actor.name,
              col((x) => x.id),
              col((x) => JSON.stringify({ organisationId: x.cellId, type: x.type, state: x.state })),
              caller.requestId,
            ],
          );
          bar.tick(batch.length);
        }
        bar.end();
      },
    );
    await m.query(`SELECT cell_inspection_count_rebuild($1::uuid[])`, [[...new Set(rows.map((x) => x.cellId))]]);
  });

  // A few conclusions lead to a reprimand by the cell, through the member module (event, audit, link to the inspection).
  const disciplines = app.get(DisciplineService);
  const candidates = rows.filter(
    (x) =>
      x.state === 'CONCLUDED' && x.type === 'COMPLIANCE' && x.body === 'CELL' && x.concludedOn! < addDays(now, -10),
  );
  const full = new Set(roster.filter((x) => x.full).map((x) => x.memberId));
  let disciplined = 0;
  for (const x of sample(candidates, Math.min(3, candidates.length))) {
    const [memberId] = x.subjects;
    if (memberId === undefined || !full.has(memberId)) continue;
    await ds.transaction(async (m) => {
      await m.query(`UPDATE inspection SET conclusion = $2 WHERE id = $1`, [
        x.id,
        'Đồng chí vi phạm quy định về sinh hoạt đảng (vắng sinh hoạt nhiều lần không có lý do).',
      ]);
      await m.query(
        `UPDATE inspection_subject SET violations = $3, conclusion = $4 WHERE inspection_id = $1 AND member_id = $2`,
        [
          x.id,
          memberId,
          'Vắng sinh hoạt chi bộ 3 lần không có lý do chính đáng.',
          'Có vi phạm, đến mức phải xem xét kỷ luật.',
        ],
      );
      await disciplines.recordDisciplineIn(
        m,
        caller,
        {
          memberId,
          form: 'KHIEN_TRACH',
          decidingBody: 'CELL',
          decidedOn: addDays(x.concludedOn!, 5),
          reason: 'Vi phạm quy định về sinh hoạt đảng (minh họa)',
        },
        x.id,
      );
    });
    disciplined++;
  }
  log(
    `Seeded ${plans.length} inspection plans, ${rows.length} inspections and supervisions, ${disciplined} discipline decisions from conclusions.`,
  );
  return { plans: plans.length, inspections: rows.length };
};
