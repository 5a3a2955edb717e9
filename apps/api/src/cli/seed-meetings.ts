import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, addMonths, DEFAULT_SCORE_SHEET } from '@chibo/domain';
import type { Caller } from '../common/audit/audit.service';
import { today } from '../database/sql';
import { AdminService } from '../modules/auth/admin.service';
import { AuthService } from '../modules/auth/auth.service';
import type { MeetingHistoryRow } from '../modules/meeting/meeting-import.service';
import { MeetingPlanService } from '../modules/meeting/meeting-plan.service';
import { VisitWriteService } from '../modules/meeting/visit-write.service';
import { progress } from './context';
import { insertMeetingHistory, KEPT_BY_TRIGGERS } from './seed-bulk';
import { withDeferredChecks } from '../database/bulk';
import { rebuildCellMeetingMonthSql } from '../modules/meeting/kept-facts';

type Rng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
};

const THEMES = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Chuyển đổi số trong cơ quan',
  'Phòng, chống tham nhũng, tiêu cực',
  'Nêu gương của cán bộ, đảng viên',
  'Thực hành tiết kiệm, chống lãng phí',
];
const FORMATS = [
  'STANDARD',
  'STANDARD',
  'STANDARD',
  'ROUND_TABLE',
  'SLIDES_LEAD_REPORT',
  'DOCUMENTARY',
  'STORIES',
  'SKIT',
  'HISTORIC_SITE_VISIT',
];
const REASONS = ['Đi công tác', 'Ốm', 'Việc gia đình', 'Đi học', 'Trực cơ quan'];

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

/** Scores on the default sheet close to a target percentage (each criterion within its maximum). */
const scoresNear = (r: Rng, pct: number): Record<string, number> =>
  Object.fromEntries(
    DEFAULT_SCORE_SHEET.criteria.map((c) => [
      c.code,
      Math.max(0, Math.min(c.maxPoints, Math.round((c.maxPoints * (pct + r.int(-8, 8))) / 100))),
    ]),
  );

/**
 * Two years of cell meetings with attendance (the rows MeetingImportService.importHistory writes for past records,
 * loaded in bulk), with realistic gaps: some cells skip months or a quarter's thematic meeting, some recent meetings
 * lack minutes; plus visitors assigned to cells of the first committee who visit, mostly with a score.
 */
export const seedMeetings = async (
  app: INestApplicationContext,
  caller: Caller,
  r: Rng,
  cellIds: string[],
  firstCommitteeCells: string[],
  log: (s: string) => void,
  mark: (step: string, rows?: number) => void = () => undefined,
): Promise<{ meetings: number; visits: number; attendance: number }> => {
  const ds = app.get(DataSource);
  const meetings = app.get(MeetingPlanService);
  const now = today();
  const firstMonth = addMonths(monthStart(now), -23);
  const roster: { cellId: string; memberId: string; from: string; to: string | null; exempt: boolean }[] =
    await ds.query(
      `SELECT ms.organisation_id AS "cellId", ms.member_id AS "memberId", ms.valid_from AS "from", ms.valid_to AS "to", m.exemption IS NOT NULL AS exempt
       FROM membership ms JOIN member m ON m.id = ms.member_id WHERE ms.kind = 'PERMANENT' AND ms.organisation_id = ANY($1::uuid[])
      ORDER BY ms.id`, // the order they were recorded in, not the table's physical order (which updates change)
      [cellIds],
    );
  const byCell = new Map<string, typeof roster>();
  for (const x of roster) byCell.set(x.cellId, [...(byCell.get(x.cellId) ?? []), x]);
  const established = new Map<string, string>(
    (
      await ds.query(
        `SELECT organisation_id AS id, min(valid_from) AS "from", max(coalesce(valid_to, '9999-12-31')) AS "to" FROM organisation_placement WHERE organisation_id = ANY($1::uuid[]) GROUP BY organisation_id`,
        [cellIds],
      )
    ).map((x: { id: string; from: string; to: string }) => [x.id, `${x.from}|${x.to}`]),
  );
  const bar = progress('Sinh hoạt / meetings', cellIds.length);
  let count = 0;
  let attended = 0;
  const loadStarted = Date.now();
  // One transaction: rows of CELLS_PER_LOAD cells generated, then written with COPY (or unnest on the embedded
  // database); foreign keys checked once at the end; every index of both tables built once after the load (but the
  // meetings' primary key, which other tables' foreign keys reference); the attendance-totals and cell_meeting_month
  // triggers off during the load: each meeting row carries its attendance totals, and cell_meeting_month is rebuilt
  // afterwards by one statement (the SQL the tests recompute it with).
  const CELLS_PER_LOAD = 200;
  await ds.transaction((m) =>
    withDeferredChecks(
      m,
      {
        tables: ['meeting', 'meeting_attendance'],
        triggers: KEPT_BY_TRIGGERS,
        rebuildAllIndexes: ['meeting', 'meeting_attendance'],
      },
      async () => {
        for (let i = 0; i < cellIds.length; i += CELLS_PER_LOAD) {
          const batch: MeetingHistoryRow[] = [];
          for (const cellId of cellIds.slice(i, i + CELLS_PER_LOAD)) {
            const [from = '0000-01-01', to = '9999-12-31'] = (established.get(cellId) ?? '0000-01-01|9999-12-31').split(
              '|',
            );
            const laggard = r.chance(0.07);
            const skipThematic = r.chance(0.1);
            for (let k = 0; k < 24; k++) {
              const month = addMonths(firstMonth, k);
              const date = addDays(month, r.int(7, 19));
              if (date >= now || date < from || date >= to) continue;
              const quarterEnd = [2, 5, 8, 11].includes(Number(month.slice(5, 7)) - 1);
              if (laggard && r.chance(0.25)) continue;
              const combined = quarterEnd && !skipThematic && r.chance(0.5);
              const kinds = combined ? ['COMBINED'] : ['REGULAR'];
              if (quarterEnd && !combined && !(skipThematic && r.chance(0.6))) kinds.push('THEMATIC');
              if (r.chance(0.15)) kinds.push('IDEOLOGICAL');
              for (const [n, kind] of kinds.entries()) {
                const day = n === 0 ? date : addDays(date, n * 3);
                if (day >= now || day >= to) continue;
                const members = (byCell.get(cellId) ?? []).filter((x) => x.from <= day && (!x.to || x.to > day));
                if (!members.length) continue;
                const attendance = members.map((x) => {
                  if (x.exempt) return { memberId: x.memberId, status: 'EXEMPT' };
                  const roll = r.next();
                  if (roll < 0.9) return { memberId: x.memberId, status: 'PRESENT' };
                  if (roll < 0.985) return { memberId: x.memberId, status: 'ABSENT_EXCUSED', reason: r.pick(REASONS) };
                  return { memberId: x.memberId, status: 'ABSENT_UNEXCUSED' };
                });
                const present = attendance.filter((a) => a.status === 'PRESENT').length;
                const recent = day > addDays(now, -40);
                const short = r.chance(0.08);
                const self = scoresNear(r, r.int(72, 95));
                batch.push({
                  cellId,
                  kind,
                  date: day,
                  state: day < addDays(now, -30) ? 'CLOSED' : 'HELD',
                  title:
                    kind === 'REGULAR'
                      ? `Sinh hoạt chi bộ thường kỳ tháng ${day.slice(5, 7)}/${day.slice(0, 4)}`
                      : kind === 'COMBINED'
                        ? `Sinh hoạt thường kỳ kết hợp chuyên đề tháng ${day.slice(5, 7)}/${day.slice(0, 4)}`
                        : kind === 'THEMATIC'
                          ? `Sinh hoạt chuyên đề: ${r.pick(THEMES)}`
                          : `Sinh hoạt tư tưởng tháng ${day.slice(5, 7)}/${day.slice(0, 4)}`,
                  startTime: '14:00',
                  endTime: short ? '15:10' : kind === 'COMBINED' ? '16:30' : '16:00',
                  place: 'Phòng họp cơ quan',
                  format: kind === 'THEMATIC' || kind === 'COMBINED' ? r.pick(FORMATS) : 'STANDARD',
                  theme: kind === 'REGULAR' ? undefined : r.pick(THEMES),
                  minutes:
                    recent && r.chance(0.08)
                      ? undefined
                      : `Chi bộ đánh giá kết quả thực hiện nhiệm vụ tháng, quán triệt văn bản của cấp trên, thảo luận và thống nhất nhiệm vụ tháng tới.`,
                  resolution:
                    recent && r.chance(0.1) ? undefined : `Chi bộ thống nhất các nhiệm vụ trọng tâm tháng tới.`,
                  votesFor: present,
                  votesAgainst: 0,
                  votesAbstain: 0,
                  selfAssessment: self,
                  selfTotal: Object.values(self).reduce((a, b) => a + b, 0),
                  attendance,
                });
              }
            }
          }
          count += await insertMeetingHistory(m, caller, batch);
          attended += batch.reduce((a, x) => a + x.attendance.length, 0);
          bar.tick(Math.min(CELLS_PER_LOAD, cellIds.length - i));
        }
        await m.query(rebuildCellMeetingMonthSql('$1::uuid[]'), [cellIds]);
      },
    ),
  );
  bar.end();
  mark('meetings', count + attended);
  log(
    `Loaded ${count} meetings and ${attended} attendance rows in ${((Date.now() - loadStarted) / 1000).toFixed(2)} s.`,
  );

  // Planned meetings for next month in the first committee's cells (visible to members two days ahead).
  const next = addDays(addMonths(monthStart(now), 1), 9);
  for (const cellId of firstCommitteeCells.slice(0, 40)) {
    await meetings.create(caller, {
      organisationId: cellId,
      kind: 'REGULAR',
      title: `Sinh hoạt chi bộ thường kỳ tháng ${next.slice(5, 7)}/${next.slice(0, 4)}`,
      date: next,
      startTime: '14:00',
      endTime: '16:00',
      place: 'Phòng họp cơ quan',
    });
  }

  // Visitors: standing-committee members following cells, visiting about half of the meetings, mostly with a score.
  const admin = app.get(AdminService);
  const auth = app.get(AuthService);
  const visits = app.get(VisitWriteService);
  const visitorNames = [
    'Nguyễn Thanh Hải',
    'Trần Thị Thu Hà',
    'Lê Quốc Dũng',
    'Phạm Minh Khoa',
    'Võ Thị Ngọc Lan',
    'Đặng Văn Long',
  ];
  let visitCount = 0;
  const [bithuCell] = await ds.query(
    `SELECT o.id FROM organisation o JOIN committee_seat s ON s.organisation_id = o.id AND s.role = 'SECRETARY'
      WHERE o.kind = 'SUBORDINATE_CELL' AND o.dissolved_on IS NULL ORDER BY o.code LIMIT 1`,
  );
  const pool = firstCommitteeCells.filter((c) => c !== bithuCell?.id);
  for (const [n, name] of visitorNames.entries()) {
    const username = n === 0 ? 'giamsat' : `uvbtv${n}`;
    const [existing] = await ds.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
    if (existing) continue;
    const user = await admin.createUser(caller, { username, displayName: name, password: 'Chibo@2026' });
    const [root] = await ds.query(
      `SELECT organisation_id AS id FROM organisation_placement WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY valid_from LIMIT 1`,
    );
    await admin.addGrant(caller, { userId: user.id, role: 'COMMITTEE_READ', organisationId: root.id });
    const cells = [...(n === 0 && bithuCell ? [bithuCell.id] : []), ...pool.slice(n * 7, n * 7 + 7)];
    const visitor: Caller = { actor: await auth.actorForUser(user.id), requestId: caller.requestId };
    for (const cellId of cells) {
      await visits.assign(caller, {
        visitorUserId: user.id,
        cellId,
        from: addMonths(firstMonth, 12),
        requiredPerYear: 6,
      });
      const held: { id: string; date: string }[] = await ds.query(
        `SELECT id, meeting_date AS date FROM meeting WHERE organisation_id = $1 AND state IN ('HELD','CLOSED') AND meeting_date >= $2 AND kind IN ('REGULAR','COMBINED') ORDER BY meeting_date`,
        [cellId, addMonths(firstMonth, 12)],
      );
      for (const mt of held) {
        if (!r.chance(0.5)) continue;
        const scored = r.chance(0.8);
        await visits.record(visitor, {
          meetingId: mt.id,
          attended: true,
          scores: scored ? scoresNear(r, r.int(65, 92)) : undefined,
          guidance: 'Đề nghị chi bộ đổi mới nội dung, hình thức sinh hoạt.',
        });
        visitCount++;
      }
    }
    // Only a visitor with an assignment in the month submits its report (a small tree leaves some visitors without
    // cells); the random draw is made either way so the rest of the demo data stays the same.
    for (let k = 12; k < 23; k++) {
      const month = addMonths(firstMonth, k).slice(0, 7);
      if (r.chance(0.85)) {
        const submittedOn = addDays(`${addMonths(`${month}-01`, 1).slice(0, 7)}-01`, r.int(1, 8));
        if (cells.length > 0) await visits.submitReport(visitor, month, undefined, submittedOn);
      }
    }
  }
  log(`Seeded ${count} meetings and ${visitCount} visits.`);
  return { meetings: count, visits: visitCount, attendance: attended };
};
