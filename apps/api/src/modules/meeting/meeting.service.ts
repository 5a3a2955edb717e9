import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_POLICY, DomainError, type Attendance } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import {
  type Page,
  type PageInput,
  countAndPage,
  keysetAfterSql,
  keysetColumns,
  keysetPageOf,
  keysetRows,
  type KeysetKey,
} from '../../common/graphql/pagination';
import { isUuid, orgVisibleSql, subtreeRange } from '../../common/scope/scope';
import { inSubtree, Params, today, validAt, wordsStartSql } from '../../database/sql';
import { JOIN_CELL_OF_MEMBERS_ON, MEMBER_NAME_FOLDED } from '../member/member.sql';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';
import { policyIntSql } from '../policy/policy.sql';
import { Meeting, MeetingAmendment, type AttendanceRecord, type MeetingFilter } from './meeting.model';
import type { MemberAttendanceEntry } from './member-attendance.model';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

const COLUMNS = `mt.id, mt.organisation_id AS "organisationId", mt.kind, mt.title, mt.meeting_date AS "date",
  to_char(mt.start_time, 'HH24:MI') AS "startTime", to_char(mt.end_time, 'HH24:MI') AS "endTime",
  to_char(mt.actual_start, 'HH24:MI') AS "actualStart", to_char(mt.actual_end, 'HH24:MI') AS "actualEnd",
  mt.place, mt.mode, mt.format, mt.format_note AS "formatNote", mt.theme, mt.topics, mt.chair_member_id AS "chairMemberId",
  mt.minute_taker_member_id AS "minuteTakerMemberId", mt.state, mt.guests, mt.minutes, mt.resolution, mt.votes_for AS "votesFor",
  mt.votes_against AS "votesAgainst", mt.votes_abstain AS "votesAbstain", mt.tasks, mt.self_assessment AS "selfAssessment",
  mt.self_total AS "selfTotal", mt.cancelled_reason AS "cancelledReason", mt.closed_at AS "closedAt", mt.version`;

/** The order of `meetings` (newest first, then start time, then id), for keyset paging. */
const MEETING_KEYS: KeysetKey[] = [
  { expr: 'mt.meeting_date', cast: 'date', desc: true },
  { expr: 'mt.start_time', cast: 'time', nullsLast: true },
  { expr: 'mt.id', cast: 'uuid' },
];

/** A meeting row with its cell's placement `pl` on the meeting date: what every meeting read selects from. */
export const MEETING_FROM = `meeting mt JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND ${validAt('pl', 'mt.meeting_date')}`;

const toModel = (row: Record<string, unknown>, asOf: string): Meeting => Object.assign(new Meeting(), row, { asOf });

/**
 * Cell meetings: who sees which, and the reads (one meeting, the list, attendance, held history, amendments). Who
 * sees a meeting: readers of the cell's subtree (on the meeting date), the visitors assigned to the cell, and the
 * cell's own members once it is published. The writes are MeetingPlanService's (plans) and MeetingWriteService's
 * (records), the bulk import MeetingImportService's, the workbook MeetingWorkbookService's.
 */
type HeldMeeting = { id: string; date: string; rows: { memberId: string; status: Attendance }[] };
type HeldRow = { cellId: string; id: string; date: string; rows: HeldMeeting['rows'] | null };

/**
 * A held meeting's attendance as one JSON value (memberId, status), for the absence-streak rule: a cell's 400 days
 * are a few dozen meetings but a thousand attendance rows, which cost far more to decode as rows than as one parsed
 * JSON value per meeting.
 */
const HELD_ROWS = `(SELECT json_agg(json_build_object('memberId', a.member_id, 'status', a.status))
    FROM meeting_attendance a WHERE a.meeting_id = mt.id) AS rows`;

/** Held meetings (in date order) grouped by cell, every cell of `cells` present. */
const heldByCell = (cells: readonly string[], rows: readonly HeldRow[]): Map<string, HeldMeeting[]> => {
  const out = new Map<string, HeldMeeting[]>(cells.map((c) => [c, []]));
  for (const r of rows) out.get(r.cellId)?.push({ id: r.id, date: r.date, rows: r.rows ?? [] });
  return out;
};

@Injectable()
export class MeetingService {
  constructor(
    private readonly ds: DataSource,
    private readonly tree: KeptTreeReads,
  ) {}

  /** SQL condition: meeting `mt` (with its placement `pl` on the meeting date) is visible to the actor. */
  visibleSql(actor: Actor, p: Params, rootPeriods?: { path: string; from: string; to: string | null }[]): string {
    if (actor.isAdmin) return 'TRUE';
    const parts: string[] = [];
    if (actor.readRoots.length && rootPeriods) {
      // The roots' placements resolved beforehand (list): the same condition with constants.
      parts.push(this.underOnMeetingDateSql(rootPeriods, p));
    } else if (actor.readRoots.length) {
      parts.push(`EXISTS (SELECT 1 FROM organisation_placement rp WHERE rp.organisation_id = ANY(${p.add(actor.readRoots)}::uuid[])
        AND ${validAt('rp', 'mt.meeting_date')} AND ${inSubtree('pl', 'rp.path')})`);
    }
    // Published: from publishDaysAhead days before the date (the cell's policy on the meeting date), Vietnam's today.
    const published = (p2: Params) =>
      `mt.meeting_date - ${policyIntSql('meeting', 'publishDaysAhead', 'pl.path', 'mt.meeting_date', `${p2.add(DEFAULT_POLICY.meeting.publishDaysAhead)}::int`)} <= ${p2.add(today())}::date`;
    if (actor.kind === 'USER' && actor.id) {
      // An assigned visitor sees the cell's meetings once published (a cancellation included, so they do not come).
      parts.push(`(EXISTS (SELECT 1 FROM visit_assignment va WHERE va.visitor_user_id = ${p.add(actor.id)}::uuid AND va.cell_id = mt.organisation_id
        AND ${validAt('va', 'mt.meeting_date')}) AND ${published(p)})`);
    }
    if (actor.ownCellIds.length) {
      parts.push(
        `(mt.organisation_id = ANY(${p.add(actor.ownCellIds)}::uuid[]) AND mt.state <> 'CANCELLED' AND ${published(p)})`,
      );
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  async findVisible(actor: Actor, ids: readonly string[], m: EntityManager = this.ds.manager): Promise<Meeting[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const p = new Params();
    const idsP = p.add(valid);
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM ${MEETING_FROM} WHERE mt.id = ANY(${idsP}::uuid[]) AND ${this.visibleSql(actor, p)}`,
      p.values,
    );
    return rows.map((r: Record<string, unknown>) => toModel(r, r.date as string));
  }

  async get(actor: Actor, id: string): Promise<Meeting> {
    const [found] = await this.findVisible(actor, [id]);
    if (!found) throw new DomainError('NOT_FOUND', 'Meeting not found', 'id');
    return found;
  }

  /**
   * The placements (every period) of the filter organisation and of the caller's read roots, in one statement:
   * "under X on the meeting date" becomes constants, one (path range, period) pair per placement of X, which the
   * planner answers from the placement_path index instead of a subquery per meeting.
   */
  async periodsOf(ids: string[]): Promise<Map<string, { path: string; from: string; to: string | null }[]>> {
    const out = new Map<string, { path: string; from: string; to: string | null }[]>(ids.map((id) => [id, []]));
    const valid = ids.filter(isUuid);
    if (!valid.length) return out;
    // Kept until the tree changes: a list of meetings reads them on every request.
    const rows: { id: string; path: string; from: string; to: string | null }[] = await this.tree.query(
      `SELECT organisation_id AS id, path, valid_from AS "from", valid_to AS "to" FROM organisation_placement WHERE organisation_id = ANY($1::uuid[]) ORDER BY valid_from`,
      [valid],
    );
    for (const r of rows) out.get(r.id)?.push(r);
    return out;
  }

  /** SQL condition: placement `pl` lies, on the meeting date, under one of the placements `periods` (constants). */
  underOnMeetingDateSql(periods: { path: string; from: string; to: string | null }[], p: Params): string {
    if (!periods.length) return 'FALSE';
    return `(${periods
      .map((x) => {
        const r = subtreeRange(x.path);
        return `(pl.path >= ${p.add(r.lo)} AND pl.path < ${p.add(r.hi)} AND mt.meeting_date >= ${p.add(x.from)}::date${x.to ? ` AND mt.meeting_date < ${p.add(x.to)}::date` : ''})`;
      })
      .join(' OR ')})`;
  }

  async list(actor: Actor, filter: MeetingFilter | undefined, page: PageInput | undefined): Promise<Page<Meeting>> {
    const { offset, limit, after } = keysetPageOf(page, 'meetings', MEETING_KEYS);
    const p = new Params();
    const filterId = filter?.organisationId ? (isUuid(filter.organisationId) ? filter.organisationId : '') : null;
    const readRoots = actor.isAdmin ? [] : actor.readRoots;
    const periods = await this.periodsOf([...new Set([...(filterId ? [filterId] : []), ...readRoots])]);
    // Visible: as visibleSql, with the readers' part (roots' placements in force on the meeting date) as constants.
    const where = [
      this.visibleSql(
        actor,
        p,
        readRoots.flatMap((id) => periods.get(id) ?? []),
      ),
    ];
    // Meetings of cells that were under this organisation on the meeting's date.
    if (filterId !== null) where.push(this.underOnMeetingDateSql(periods.get(filterId) ?? [], p));
    if (filter?.from) where.push(`mt.meeting_date >= ${p.add(filter.from)}::date`);
    if (filter?.to) where.push(`mt.meeting_date <= ${p.add(filter.to)}::date`);
    if (filter?.kinds?.length) where.push(`mt.kind = ANY(${p.add(filter.kinds)}::text[])`);
    if (filter?.states?.length) where.push(`mt.state = ANY(${p.add(filter.states)}::text[])`);
    const sql = `FROM ${MEETING_FROM} WHERE ${where.join(' AND ')}`;
    const { total, rows: read } = await countAndPage(
      this.ds,
      sql,
      `SELECT ${COLUMNS}, ${keysetColumns(MEETING_KEYS)} ${sql} AND ${keysetAfterSql(MEETING_KEYS, after, p)}
        ORDER BY mt.meeting_date DESC, mt.start_time NULLS LAST, mt.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const { rows, nextCursor } = keysetRows(read, limit, 'meetings', MEETING_KEYS);
    return {
      items: rows.map((r: Record<string, unknown>) => toModel(r, r.date as string)),
      total,
      offset,
      limit,
      nextCursor,
    };
  }

  /**
   * The one search box's meetings: those the caller sees (as `meetings`) whose folded title (meeting.title_folded,
   * kept by the database) has every word of `words`, each starting a word; at most `limit`, the newest first. The
   * title's trigram index and the readers' roots as constants bound the work.
   */
  async search(actor: Actor, words: readonly string[], limit: number): Promise<Meeting[]> {
    if (!words.length) return [];
    const readRoots = actor.isAdmin ? [] : actor.readRoots;
    const periods = await this.periodsOf(readRoots);
    const p = new Params();
    const visible = this.visibleSql(
      actor,
      p,
      readRoots.flatMap((id) => periods.get(id) ?? []),
    );
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM ${MEETING_FROM} WHERE ${visible} AND ${wordsStartSql('mt.title_folded', words, p)}
        ORDER BY mt.meeting_date DESC, mt.id LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map((r) => toModel(r, r.date as string));
  }

  async attendanceOf(
    meetingIds: readonly string[],
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, AttendanceRecord[]>> {
    const rows = await m.query(
      `SELECT a.meeting_id AS "meetingId", a.member_id AS "memberId", a.status, a.reason, a.late, a.left_early AS "leftEarly", mt.meeting_date AS "asOf"
         FROM (SELECT DISTINCT u.id FROM unnest($1::uuid[]) AS u(id)) ids JOIN meeting mt ON mt.id = ids.id JOIN meeting_attendance a ON a.meeting_id = mt.id
        -- driven from the ids (primary keys of meeting and meeting_attendance), so a page of meetings never reads the
        -- whole attendance table; the name is looked up per attendance row, never by joining the whole member table
        ORDER BY ${MEMBER_NAME_FOLDED('a.member_id')}, a.member_id`,
      [meetingIds],
    );
    const out = new Map<string, AttendanceRecord[]>(meetingIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.meetingId)?.push(r);
    return out;
  }

  /** Held meetings of cells in the 400 days up to a date, with attendance: the input of the absence-streak rule. */
  async heldHistory(
    cellIds: readonly string[],
    upTo: string,
  ): Promise<Map<string, { id: string; date: string; rows: { memberId: string; status: Attendance }[] }[]>> {
    const rows: HeldRow[] = await this.ds.query(
      `SELECT mt.organisation_id AS "cellId", mt.id, mt.meeting_date AS date, ${HELD_ROWS}
         FROM meeting mt
        WHERE mt.organisation_id = ANY($1::uuid[]) AND mt.state IN ('HELD','CLOSED') AND mt.meeting_date <= $2::date
          AND mt.meeting_date > $2::date - 400
        ORDER BY mt.meeting_date, mt.id`,
      [cellIds, upTo],
    );
    const out = heldByCell(cellIds, rows);
    return out;
  }

  /**
   * heldHistory for (cell, date) pairs (keys `${cellId}|${date}`) in one statement: each cell's held meetings over
   * the union of its windows, then cut per pair to the 400 days up to its date. For lists whose rows carry different dates.
   */
  async heldHistoryAt(
    keys: readonly { id: string; asOf: string }[],
  ): Promise<Map<string, { id: string; date: string; rows: { memberId: string; status: Attendance }[] }[]>> {
    const span = new Map<string, { from: string; to: string }>();
    for (const k of keys) {
      const s = span.get(k.id);
      span.set(k.id, { from: s && s.from < k.asOf ? s.from : k.asOf, to: s && s.to > k.asOf ? s.to : k.asOf });
    }
    const cells = [...span.keys()];
    const rows: HeldRow[] =
      cells.length === 0
        ? []
        : await this.ds.query(
            `SELECT mt.organisation_id AS "cellId", mt.id, mt.meeting_date AS date, ${HELD_ROWS}
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS w(cell, d0, d1)
         JOIN meeting mt ON mt.organisation_id = w.cell AND mt.meeting_date <= w.d1 AND mt.meeting_date > w.d0 - 400
        WHERE mt.state IN ('HELD','CLOSED')
        ORDER BY mt.meeting_date, mt.id`,
            [cells, cells.map((c) => span.get(c)!.from), cells.map((c) => span.get(c)!.to)],
          );
    const byCell = heldByCell(cells, rows);
    const dayBefore400 = (d: string) =>
      new Date(Date.parse(`${d}T00:00:00Z`) - 400 * 86_400_000).toISOString().slice(0, 10);
    return new Map(
      keys.map((k) => {
        const lower = dayBefore400(k.asOf);
        return [
          `${k.id}|${k.asOf}`,
          (byCell.get(k.id) ?? []).filter((h) => h.date <= k.asOf && h.date > lower),
        ] as const;
      }),
    );
  }

  /**
   * Members' held (or closed) meetings in [from, to]: for each member, those of the cell the member belonged to
   * (permanently, PROBATIONARY or FULL) on each meeting's date, with the member's attendance row if any, newest
   * first. One statement for all the members (a list asks it through a loader), driven by their memberships. The
   * caller already reads the members; the rows are still scoped here: a member's own record (a MEMBER grant) has all
   * of them, anyone else only the meetings they see (`visibleSql`: a member moved in from another subtree keeps the
   * earlier meetings out of a cadre's sight).
   */
  async attendanceOfMembers(
    actor: Actor,
    memberIds: readonly string[],
    from: string,
    to: string,
  ): Promise<Map<string, MemberAttendanceEntry[]>> {
    const out = new Map<string, MemberAttendanceEntry[]>();
    const ids = [...new Set(memberIds.filter(isUuid))];
    if (!ids.length) return out;
    const p = new Params();
    const members = p.add(ids);
    const own = actor.ownMemberIds.length ? `x.member_id = ANY(${p.add(actor.ownMemberIds)}::uuid[])` : 'FALSE';
    const visible = this.visibleSql(actor, p);
    const rows: (MemberAttendanceEntry & { memberId: string })[] = await this.ds.query(
      `SELECT x.member_id AS "memberId", mt.id AS "meetingId", mt.meeting_date AS date, mt.kind, mt.title, mt.state, mt.organisation_id AS "organisationId",
              CASE WHEN ${own} OR ${orgVisibleSql(actor, 'mt.organisation_id', p, 'mt.meeting_date')} THEN o.name END AS "cellName",
              a.status, a.reason, coalesce(a.late, false) AS late, coalesce(a.left_early, false) AS "leftEarly",
              ${visible} AS "canOpen"
         FROM ${MEETING_FROM}
         ${JOIN_CELL_OF_MEMBERS_ON('mt.meeting_date', members, p)}
         ${JOIN_ORGANISATION('o', 'mt.organisation_id')}
         LEFT JOIN meeting_attendance a ON a.meeting_id = mt.id AND a.member_id = x.member_id
        WHERE x.organisation_id = mt.organisation_id AND mt.state IN ('HELD','CLOSED')
          AND mt.meeting_date >= ${p.add(from)}::date AND mt.meeting_date <= ${p.add(to)}::date
          AND (${own} OR ${visible})
        ORDER BY x.member_id, mt.meeting_date DESC, mt.start_time NULLS LAST, mt.id`,
      p.values,
    );
    for (const { memberId, ...entry } of rows) {
      const list = out.get(memberId);
      if (list) list.push(entry);
      else out.set(memberId, [entry]);
    }
    return out;
  }

  async amendmentsOf(meetingIds: readonly string[]): Promise<Map<string, MeetingAmendment[]>> {
    const rows = await this.ds.query(
      `SELECT id, meeting_id AS "meetingId", reason, before, after, amended_by AS "amendedBy", amended_at AS "amendedAt"
         FROM meeting_amendment WHERE meeting_id = ANY($1::uuid[]) ORDER BY amended_at`,
      [meetingIds],
    );
    const out = new Map<string, MeetingAmendment[]>(meetingIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.meetingId)?.push(r);
    return out;
  }
}
