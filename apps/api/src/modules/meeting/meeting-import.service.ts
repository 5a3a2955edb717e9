import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, elementAt } from '@chibo/domain';
import { recordAuditRows, type Caller } from '../../common/audit/audit.service';
import { orgVisibleSql } from '../../common/scope/scope';
import { Params, today, validAt } from '../../database/sql';
import { IS_MEMBER_OF_CELL_ON } from '../member/member.sql';
import { IS_CELL, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';

/** One past meeting for importHistory. */
export type MeetingHistoryRow = {
  cellId: string;
  kind: string;
  title: string;
  date: string;
  startTime?: string;
  endTime?: string;
  place?: string;
  format?: string;
  theme?: string;
  state: 'HELD' | 'CLOSED';
  minutes?: string;
  resolution?: string;
  votesFor?: number;
  votesAgainst?: number;
  votesAbstain?: number;
  selfAssessment?: Record<string, number>;
  selfTotal?: number;
  attendance: { memberId: string; status: string; reason?: string }[];
};

/** Past meetings in bulk: history from spreadsheets, or the demo seed. */
@Injectable()
export class MeetingImportService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Past meetings in bulk (history from spreadsheets, or the demo seed): validated set-based (cells writable and
   * existing on each date, attendees members of the cell on that date), then inserted in one statement per table.
   * All-or-nothing: any bad row fails the whole batch with every problem listed.
   */
  async importHistory(caller: Caller, rows: MeetingHistoryRow[]): Promise<number> {
    if (!rows.length) return 0;
    return this.ds.transaction(async (m) => {
      const p = new Params();
      const cellIds = [...new Set(rows.map((r) => r.cellId))];
      const cells: { id: string }[] = await m.query(
        `SELECT o.id ${ORGANISATIONS_WHERE('o', `= ANY(${p.add(cellIds)}::uuid[])`)} AND ${IS_CELL('o')}
           AND ${orgVisibleSql(caller.actor, 'o.id', p, p.add(today()), true)}`,
        p.values,
      );
      const okCells = new Set(cells.map((c) => c.id));
      const problems: { row: number; column: string; reason: string }[] = [];
      rows.forEach((r, i) => {
        if (!okCells.has(r.cellId)) problems.push({ row: i + 1, column: 'cellId', reason: 'not a cell you may write' });
        if (r.startTime && r.endTime && r.endTime <= r.startTime)
          problems.push({ row: i + 1, column: 'endTime', reason: 'must be after startTime' });
      });
      // Every (cell, date) must be in the tree, and every attendee a member of that cell on that date.
      const placed: { cellId: string; date: string }[] = await m.query(
        `SELECT DISTINCT u.cell AS "cellId", u.d AS date FROM unnest($1::uuid[], $2::date[]) AS u(cell, d)
           JOIN organisation_placement pl ON pl.organisation_id = u.cell AND ${validAt('pl', 'u.d')}`,
        [rows.map((r) => r.cellId), rows.map((r) => r.date)],
      );
      const placedKey = new Set(placed.map((x) => `${x.cellId}|${x.date}`));
      rows.forEach((r, i) => {
        if (!placedKey.has(`${r.cellId}|${r.date}`))
          problems.push({ row: i + 1, column: 'date', reason: 'the cell does not exist on this date' });
      });
      const att = rows.flatMap((r, i) => r.attendance.map((a) => ({ i, cell: r.cellId, date: r.date, ...a })));
      const members: { k: number }[] = await m.query(
        `SELECT u.k FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::date[]) AS u(k, cell, mid, d)
          WHERE ${IS_MEMBER_OF_CELL_ON('u.mid', 'u.cell', 'u.d')}`,
        [att.map((_, k) => k), att.map((a) => a.cell), att.map((a) => a.memberId), att.map((a) => a.date)],
      );
      const okAtt = new Set(members.map((x) => x.k));
      att.forEach((a, k) => {
        if (!okAtt.has(k))
          problems.push({
            row: a.i + 1,
            column: 'attendance.memberId',
            reason: `${a.memberId} is not a member of the cell on ${a.date}`,
          });
      });
      const [firstProblem] = problems;
      if (firstProblem) {
        throw new DomainError(
          'IMPORT_INVALID',
          `${problems.length} problem(s); nothing was imported. First: row ${firstProblem.row}, ${firstProblem.column}: ${firstProblem.reason}`,
          firstProblem.column,
          { rows: problems },
        );
      }
      const ids = rows.map(() => randomUUID());
      const idOf = (i: number): string => elementAt(ids, i, 'meeting id');
      const col = <T>(f: (r: MeetingHistoryRow) => T) => rows.map(f);
      await m.query(
        `INSERT INTO meeting (id, organisation_id, kind, title, meeting_date, start_time, end_time, actual_start, actual_end, place, format, theme, state,
                              minutes, resolution, votes_for, votes_against, votes_abstain, self_assessment, self_total, closed_at)
         SELECT u.id, u.cell, u.kind, u.title, u.d, u.st::time, u.en::time, u.st::time, u.en::time, u.place, u.format, u.theme, u.state, u.minutes, u.resolution,
                u.vf, u.va, u.vb, u.self::jsonb, u.total, CASE WHEN u.state = 'CLOSED' THEN now() END
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                       $12::text[], $13::text[], $14::int[], $15::int[], $16::int[], $17::text[], $18::int[])
             AS u(id, cell, kind, title, d, st, en, place, format, theme, state, minutes, resolution, vf, va, vb, self, total)`,
        [
          ids,
          col((r) => r.cellId),
          col((r) => r.kind),
          col((r) => r.title),
          col((r) => r.date),
          col((r) => r.startTime ?? null),
          col((r) => r.endTime ?? null),
          col((r) => r.place ?? null),
          col((r) => r.format ?? 'STANDARD'),
          col((r) => r.theme ?? null),
          col((r) => r.state),
          col((r) => r.minutes ?? null),
          col((r) => r.resolution ?? null),
          col((r) => r.votesFor ?? null),
          col((r) => r.votesAgainst ?? null),
          col((r) => r.votesAbstain ?? null),
          col((r) => (r.selfAssessment ? JSON.stringify(r.selfAssessment) : null)),
          col((r) => r.selfTotal ?? null),
        ],
      );
      await m.query(
        `INSERT INTO meeting_attendance (meeting_id, member_id, status, reason) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])`,
        [
          att.map((a) => idOf(a.i)),
          att.map((a) => a.memberId),
          att.map((a) => a.status),
          att.map((a) => a.reason ?? null),
        ],
      );
      await recordAuditRows(
        m,
        caller,
        'importMeetingHistory',
        'meeting',
        rows.map((r, i) => ({
          entityId: idOf(i),
          after: { cellId: r.cellId, kind: r.kind, date: r.date, state: r.state },
        })),
      );
      return ids.length;
    });
  }
}
