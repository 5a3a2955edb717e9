import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_POLICY,
  DomainError,
  durationMinutes,
  elementAt,
  holdsMembers,
  MEETING_KIND_LABELS,
  MEETING_STATE_LABELS,
  meetingCloseProblems,
  scoreMeeting,
  type Attendance,
  type OrganisationKind,
} from '@chibo/domain';
import { asField, onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, recordAuditRows, type Caller } from '../../common/audit/audit.service';
import { viDate, writeReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { MAX_PAGE_SIZE, type Page, type PageInput, keysetAfterSql, keysetColumns, keysetPageOf, keysetRows, type KeysetKey } from '../../common/graphql/pagination';
import { assertOrgVisible, isUuid, orgVisibleSql, subtreeRange } from '../../common/scope/scope';
import { inSubtree, Params, today, validAt } from '../../database/sql';
import { JOIN_USER } from '../auth/auth.sql';
import { IS_MEMBER_OF_CELL_ON, MEMBER_NAME_FOLDED, MEMBERS_OF_CELL_AMONG } from '../member/member.sql';
import { IS_CELL, JOIN_ORGANISATION, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import { PolicyService } from '../policy/policy.service';
import { policyIntSql } from '../policy/policy.sql';
import { Meeting, MeetingAmendment, type AttendanceRecord, type CreateMeetingInput, type MeetingFilter, type MeetingPlanInput, type MeetingRecordInput } from './meeting.model';

const COLUMNS = `mt.id, mt.organisation_id AS "organisationId", mt.kind, mt.title, mt.meeting_date AS "date",
  to_char(mt.start_time, 'HH24:MI') AS "startTime", to_char(mt.end_time, 'HH24:MI') AS "endTime",
  to_char(mt.actual_start, 'HH24:MI') AS "actualStart", to_char(mt.actual_end, 'HH24:MI') AS "actualEnd",
  mt.place, mt.mode, mt.format, mt.format_note AS "formatNote", mt.theme, mt.topics, mt.chair_member_id AS "chairMemberId",
  mt.minute_taker_member_id AS "minuteTakerMemberId", mt.state, mt.guests, mt.minutes, mt.resolution, mt.votes_for AS "votesFor",
  mt.votes_against AS "votesAgainst", mt.votes_abstain AS "votesAbstain", mt.tasks, mt.self_assessment AS "selfAssessment",
  mt.self_total AS "selfTotal", mt.cancelled_reason AS "cancelledReason", mt.closed_at AS "closedAt", mt.version`;

const PLAN_COLUMNS: Record<keyof MeetingPlanInput, string> = {
  kind: 'kind', title: 'title', date: 'meeting_date', startTime: 'start_time', endTime: 'end_time', place: 'place', mode: 'mode', format: 'format',
  formatNote: 'format_note', theme: 'theme', topics: 'topics', chairMemberId: 'chair_member_id', minuteTakerMemberId: 'minute_taker_member_id',
};
const RECORD_COLUMNS: Record<Exclude<keyof MeetingRecordInput, 'attendance' | 'selfAssessment'>, string> = {
  actualStart: 'actual_start', actualEnd: 'actual_end', guests: 'guests', minutes: 'minutes', resolution: 'resolution', votesFor: 'votes_for',
  votesAgainst: 'votes_against', votesAbstain: 'votes_abstain', tasks: 'tasks',
};

/** The order of `meetings` (newest first, then start time, then id), for keyset paging. */
const MEETING_KEYS: KeysetKey[] = [
  { expr: 'mt.meeting_date', cast: 'date', desc: true },
  { expr: 'mt.start_time', cast: 'time', nullsLast: true },
  { expr: 'mt.id', cast: 'uuid' },
];

/** One past meeting for importHistory. */
export type MeetingHistoryRow = {
  cellId: string; kind: string; title: string; date: string; startTime?: string; endTime?: string; place?: string; format?: string; theme?: string;
  state: 'HELD' | 'CLOSED'; minutes?: string; resolution?: string; votesFor?: number; votesAgainst?: number; votesAbstain?: number;
  selfAssessment?: Record<string, number>; selfTotal?: number;
  attendance: { memberId: string; status: string; reason?: string }[];
};

/** Who an idempotency key belongs to: keys are per user or API token. */
const actorKey = (a: Actor): string => `${a.kind}:${a.id ?? a.name}`;

const toModel = (row: Record<string, unknown>, asOf: string): Meeting => Object.assign(new Meeting(), row, { asOf });

/**
 * Cell meetings. Who sees a meeting: readers of the cell's subtree (on the meeting date), the visitors assigned to
 * the cell, and the cell's own members once it is published. Who changes it: writers of the cell (its secretary,
 * the committee office), through plan → record → close; after closing only amendments with a reason.
 */
@Injectable()
export class MeetingService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
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
      parts.push(`(mt.organisation_id = ANY(${p.add(actor.ownCellIds)}::uuid[]) AND mt.state <> 'CANCELLED' AND ${published(p)})`);
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  private from = `meeting mt JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND ${validAt('pl', 'mt.meeting_date')}`;

  async findVisible(actor: Actor, ids: readonly string[], m: EntityManager = this.ds.manager): Promise<Meeting[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const p = new Params();
    const idsP = p.add(valid);
    const rows = await m.query(`SELECT ${COLUMNS} FROM ${this.from} WHERE mt.id = ANY(${idsP}::uuid[]) AND ${this.visibleSql(actor, p)}`, p.values);
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
    const rows: { id: string; path: string; from: string; to: string | null }[] = await this.ds.query(
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
    const where = [this.visibleSql(actor, p, readRoots.flatMap((id) => periods.get(id) ?? []))];
    // Meetings of cells that were under this organisation on the meeting's date.
    if (filterId !== null) where.push(this.underOnMeetingDateSql(periods.get(filterId) ?? [], p));
    if (filter?.from) where.push(`mt.meeting_date >= ${p.add(filter.from)}::date`);
    if (filter?.to) where.push(`mt.meeting_date <= ${p.add(filter.to)}::date`);
    if (filter?.kinds?.length) where.push(`mt.kind = ANY(${p.add(filter.kinds)}::text[])`);
    if (filter?.states?.length) where.push(`mt.state = ANY(${p.add(filter.states)}::text[])`);
    const sql = `FROM ${this.from} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, p.values);
    const read = await this.ds.query(
      `SELECT ${COLUMNS}, ${keysetColumns(MEETING_KEYS)} ${sql} AND ${keysetAfterSql(MEETING_KEYS, after, p)}
        ORDER BY mt.meeting_date DESC, mt.start_time NULLS LAST, mt.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const { rows, nextCursor } = keysetRows(read, limit, 'meetings', MEETING_KEYS);
    return { items: rows.map((r: Record<string, unknown>) => toModel(r, r.date as string)), total, offset, limit, nextCursor };
  }

  /**
   * The meetings of `list` for the filter (all pages, at most 50,000, newest first) as an Excel workbook with
   * Vietnamese headings: cell, date, time, kind, subject, state, present/expected, minutes, resolution and the
   * committee members who attended (recorded visits). One extra query per page of 500 for the cell names (as the
   * `organisation` field: blank outside your scope), the attendance totals and the visitors.
   */
  async listWorkbook(actor: Actor, filter: MeetingFilter | undefined, wb: ExportWorkbook, orgLine: string): Promise<void> {
    const items: Meeting[] = [];
    const extra = new Map<string, { cellName: string | null; present: number; expected: number; visitors: string | null }>();
    for (let offset = 0; offset < 50_000; offset += MAX_PAGE_SIZE) {
      const page = await this.list(actor, filter, { offset, limit: MAX_PAGE_SIZE });
      if (page.items.length) {
        const p = new Params();
        const ids = p.add(page.items.map((m) => m.id));
        // Visitors are named as `Meeting.visitRecords` shows them: to the committee's readers, and each to themselves.
        const visitorsVisible = actor.isAdmin ? 'TRUE' : `(v.visitor_user_id = ${p.add(actor.id)}::uuid OR ${this.visibleSql({ ...actor, ownCellIds: [] }, p)})`;
        const rows = await this.ds.query(
          `SELECT mt.id, CASE WHEN ${orgVisibleSql(actor, 'mt.organisation_id', p, 'mt.meeting_date')} THEN o.name END AS "cellName",
                  mt.attendance_present AS present, mt.attendance_expected AS expected,
                  (SELECT string_agg(u.display_name, ', ' ORDER BY u.display_name) FROM visit v ${JOIN_USER('u', 'v.visitor_user_id')}
                    WHERE v.meeting_id = mt.id AND v.attended AND ${visitorsVisible}) AS visitors
             FROM ${this.from} ${JOIN_ORGANISATION('o', 'mt.organisation_id')} WHERE mt.id = ANY(${ids}::uuid[])`,
          p.values,
        );
        for (const r of rows) extra.set(r.id, r);
      }
      items.push(...page.items);
      if (page.items.length < MAX_PAGE_SIZE) break;
    }
    const period = filter?.from && filter.to ? ` TỪ ${viDate(filter.from)} ĐẾN ${viDate(filter.to)}` : filter?.from ? ` TỪ ${viDate(filter.from)}` : filter?.to ? ` ĐẾN ${viDate(filter.to)}` : '';
    const narrowed = [...(filter?.kinds ?? []).map((k) => MEETING_KIND_LABELS[k].vi), ...(filter?.states ?? []).map((s) => MEETING_STATE_LABELS[s].vi)];
    const held = (m: Meeting) => m.state === 'HELD' || m.state === 'CLOSED';
    const span = (a: string | null, b: string | null) => (a && b ? `${a}–${b}` : a ?? '');
    writeReport(wb, {
      name: 'Sinh hoat chi bo',
      title: `DANH SÁCH BUỔI SINH HOẠT CHI BỘ${period}`,
      subtitle: [orgLine, `${items.length} buổi`, ...(narrowed.length ? [`lọc: ${narrowed.join(', ')}`] : [])].filter(Boolean).join(' — '),
      headings: ['STT', 'Chi bộ', 'Ngày', 'Giờ', 'Loại sinh hoạt', 'Chủ đề', 'Trạng thái', 'Có mặt/Phải dự', 'Biên bản', 'Nghị quyết', 'Cấp ủy viên dự'],
      widths: [6, 30, 12, 13, 26, 44, 16, 14, 10, 10, 36],
      rows: items.map((m, i) => {
        const x = extra.get(m.id);
        return [
          i + 1, x?.cellName ?? '', xlDate(m.date), held(m) && m.actualStart ? span(m.actualStart, m.actualEnd) : span(m.startTime, m.endTime), MEETING_KIND_LABELS[m.kind].vi,
          [m.title, m.theme].filter(Boolean).join(' — '), MEETING_STATE_LABELS[m.state].vi, held(m) && x ? `${x.present}/${x.expected}` : '',
          held(m) ? (m.minutes?.trim() ? 'Có' : 'Chưa có') : '', held(m) ? (m.resolution?.trim() ? 'Có' : 'Chưa có') : '', x?.visitors ?? '',
        ];
      }),
    });
  }

  async attendanceOf(meetingIds: readonly string[], m: EntityManager = this.ds.manager): Promise<Map<string, AttendanceRecord[]>> {
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
  async heldHistory(cellIds: readonly string[], upTo: string): Promise<Map<string, { id: string; date: string; rows: { memberId: string; status: Attendance }[] }[]>> {
    const rows: { cellId: string; id: string; date: string; memberId: string | null; status: Attendance | null }[] = await this.ds.query(
      `SELECT mt.organisation_id AS "cellId", mt.id, mt.meeting_date AS date, a.member_id AS "memberId", a.status
         FROM meeting mt LEFT JOIN meeting_attendance a ON a.meeting_id = mt.id
        WHERE mt.organisation_id = ANY($1::uuid[]) AND mt.state IN ('HELD','CLOSED') AND mt.meeting_date <= $2::date
          AND mt.meeting_date > $2::date - 400
        ORDER BY mt.meeting_date, mt.id`,
      [cellIds, upTo],
    );
    const out = new Map<string, { id: string; date: string; rows: { memberId: string; status: Attendance }[] }[]>(cellIds.map((c) => [c, []]));
    for (const r of rows) {
      const list = out.get(r.cellId)!;
      let meeting = list[list.length - 1];
      if (!meeting || meeting.id !== r.id) list.push((meeting = { id: r.id, date: r.date, rows: [] }));
      if (r.memberId && r.status) meeting.rows.push({ memberId: r.memberId, status: r.status });
    }
    return out;
  }

  /**
   * heldHistory for (cell, date) pairs (keys `${cellId}|${date}`) in one statement: each cell's held meetings over
   * the union of its windows, then cut per pair to the 400 days up to its date. For lists whose rows carry different dates.
   */
  async heldHistoryAt(keys: readonly { id: string; asOf: string }[]): Promise<Map<string, { id: string; date: string; rows: { memberId: string; status: Attendance }[] }[]>> {
    const span = new Map<string, { from: string; to: string }>();
    for (const k of keys) {
      const s = span.get(k.id);
      span.set(k.id, { from: s && s.from < k.asOf ? s.from : k.asOf, to: s && s.to > k.asOf ? s.to : k.asOf });
    }
    const cells = [...span.keys()];
    const rows: { cellId: string; id: string; date: string; memberId: string | null; status: Attendance | null }[] = cells.length === 0 ? [] : await this.ds.query(
      `SELECT mt.organisation_id AS "cellId", mt.id, mt.meeting_date AS date, a.member_id AS "memberId", a.status
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS w(cell, d0, d1)
         JOIN meeting mt ON mt.organisation_id = w.cell AND mt.meeting_date <= w.d1 AND mt.meeting_date > w.d0 - 400
         LEFT JOIN meeting_attendance a ON a.meeting_id = mt.id
        WHERE mt.state IN ('HELD','CLOSED')
        ORDER BY mt.meeting_date, mt.id`,
      [cells, cells.map((c) => span.get(c)!.from), cells.map((c) => span.get(c)!.to)],
    );
    const byCell = new Map<string, { id: string; date: string; rows: { memberId: string; status: Attendance }[] }[]>(cells.map((c) => [c, []]));
    for (const r of rows) {
      const list = byCell.get(r.cellId)!;
      let meeting = list[list.length - 1];
      if (!meeting || meeting.id !== r.id) list.push((meeting = { id: r.id, date: r.date, rows: [] }));
      if (r.memberId && r.status) meeting.rows.push({ memberId: r.memberId, status: r.status });
    }
    const dayBefore400 = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 400 * 86_400_000).toISOString().slice(0, 10);
    return new Map(keys.map((k) => {
      const lower = dayBefore400(k.asOf);
      return [`${k.id}|${k.asOf}`, (byCell.get(k.id) ?? []).filter((h) => h.date <= k.asOf && h.date > lower)] as const;
    }));
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

  // ---------------------------------------------------------------- writes

  async create(caller: Caller, input: CreateMeetingInput): Promise<Meeting> {
    const id = await this.ds.transaction(async (m) => {
      await this.assertCell(m, caller.actor, input.organisationId, input.date);
      this.checkTimes(input.startTime, input.endTime, 'endTime');
      await this.assertMembersOfCell(m, input.organisationId, input.date, [
        ['chairMemberId', input.chairMemberId], ['minuteTakerMemberId', input.minuteTakerMemberId],
      ]);
      const cols = Object.entries(PLAN_COLUMNS).filter(([k]) => input[k as keyof MeetingPlanInput] !== undefined);
      const p = new Params();
      const values = cols.map(([k]) => p.add(k === 'topics' ? JSON.stringify(input.topics) : input[k as keyof MeetingPlanInput]));
      const [row] = await m.query(
        `INSERT INTO meeting (organisation_id, ${cols.map(([, c]) => c).join(', ')}) VALUES (${p.add(input.organisationId)}, ${values.join(', ')}) RETURNING id`,
        p.values,
      );
      await this.audit.record(m, caller, { operation: 'createMeeting', entityType: 'meeting', entityId: row.id, after: input, organisationId: input.organisationId });
      return row.id as string;
    });
    return this.get(caller.actor, id);
  }

  async updatePlan(caller: Caller, id: string, input: MeetingPlanInput): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      if (before.state === 'CLOSED' || before.state === 'CANCELLED') {
        throw new DomainError('CONFLICT', `The meeting is ${before.state.toLowerCase()}; a closed meeting changes only through amendMeeting`, 'id', { reason: before.state === 'CLOSED' ? 'MEETING_CLOSED' : 'MEETING_CANCELLED' });
      }
      const date = input.date ?? before.date;
      if (input.date && input.date !== before.date) await this.assertCell(m, caller.actor, before.organisationId, input.date);
      this.checkTimes(input.startTime ?? before.startTime, input.endTime ?? before.endTime, 'endTime');
      await this.assertMembersOfCell(m, before.organisationId, date, [['chairMemberId', input.chairMemberId], ['minuteTakerMemberId', input.minuteTakerMemberId]]);
      await this.setColumns(m, id, input, PLAN_COLUMNS);
      await this.audit.record(m, caller, { operation: 'updateMeeting', entityType: 'meeting', entityId: id, before, after: input, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

  /** Records what happened (attendance, minutes, resolution, tasks, self-assessment); the meeting becomes HELD. */
  async record(caller: Caller, id: string, input: MeetingRecordInput, opts: { expectedVersion?: number | null; clientKey?: string | null } = {}): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      if (opts.clientKey && (await this.seenClientWrite(m, caller, opts.clientKey, 'recordMeeting', id))) return;
      if (before.state === 'CLOSED') throw new DomainError('CONFLICT', 'The meeting is closed; corrections go through amendMeeting with a reason', 'id', { reason: 'MEETING_CLOSED' });
      if (before.state === 'CANCELLED') throw new DomainError('CONFLICT', 'The meeting was cancelled', 'id', { reason: 'MEETING_CANCELLED' });
      if (before.date > today()) throw new DomainError('VALIDATION', 'A meeting is recorded on or after its date', 'date', { reason: 'MEETING_IN_FUTURE' });
      if (opts.expectedVersion != null && opts.expectedVersion !== before.version) {
        throw new DomainError('CONFLICT', `The meeting changed since version ${opts.expectedVersion} was read (now ${before.version}); read it again and choose what to keep`, 'expectedVersion', { reason: 'MEETING_CHANGED', version: before.version });
      }
      await this.applyRecord(m, before, input, { state: 'HELD' });
      if (opts.clientKey) await this.keepClientWrite(m, caller, opts.clientKey, 'recordMeeting', id);
      await this.audit.record(m, caller, { operation: 'recordMeeting', entityType: 'meeting', entityId: id, before, after: input, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

  async close(caller: Caller, id: string): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      if (before.state !== 'HELD') throw new DomainError('CONFLICT', 'Only a held (recorded) meeting can be closed', 'id', { reason: 'MEETING_NOT_HELD' });
      const [sheet] = await m.query(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE status = 'PRESENT')::int AS present FROM meeting_attendance WHERE meeting_id = $1`,
        [id],
      );
      const problems = meetingCloseProblems({ ...before, attendanceRows: sheet.rows, present: sheet.present });
      const [firstProblem] = problems;
      if (firstProblem) {
        throw new DomainError('VALIDATION', `The meeting cannot be closed: ${problems.map((p) => p.message.toLowerCase()).join('; ')}`, firstProblem.field, {
          reason: 'MEETING_INCOMPLETE',
          errors: problems.map((p) => ({ field: p.field, code: p.code, reason: p.message })),
        });
      }
      await m.query(`UPDATE meeting SET state = 'CLOSED', version = version + 1, closed_at = now(), closed_by = $2, updated_at = now() WHERE id = $1`, [id, caller.actor.id]);
      await this.audit.record(m, caller, { operation: 'closeMeeting', entityType: 'meeting', entityId: id, before: { state: before.state }, after: { state: 'CLOSED' }, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

  async cancel(caller: Caller, id: string, reason: string): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      if (before.state !== 'PLANNED') throw new DomainError('CONFLICT', 'Only a planned meeting can be cancelled', 'id', { reason: 'MEETING_NOT_PLANNED' });
      await m.query(`UPDATE meeting SET state = 'CANCELLED', cancelled_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, reason]);
      await this.audit.record(m, caller, { operation: 'cancelMeeting', entityType: 'meeting', entityId: id, after: { reason }, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

  /** A correction to a closed meeting: applied, and kept with who, when, why and the fields before and after. */
  async amend(caller: Caller, id: string, reason: string, input: MeetingRecordInput): Promise<Meeting> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      if (before.state !== 'CLOSED') throw new DomainError('CONFLICT', 'Amendments are for closed meetings; change an open one directly', 'id', { reason: 'MEETING_NOT_CLOSED' });
      const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
      if (!changed.length) throw new DomainError('VALIDATION', 'Nothing to amend', 'input');
      const beforeAttendance = changed.includes('attendance') ? (await this.attendanceOf([id], m)).get(id) : undefined;
      await this.applyRecord(m, before, input);
      const snapshot = (src: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, src[k] ?? null]));
      await m.query(
        `INSERT INTO meeting_amendment (meeting_id, reason, before, after, amended_by) VALUES ($1,$2,$3,$4,$5)`,
        [id, reason, JSON.stringify(snapshot({ ...before, attendance: beforeAttendance } as Record<string, unknown>)), JSON.stringify(snapshot(input as Record<string, unknown>)), caller.actor.name],
      );
      await this.audit.record(m, caller, { operation: 'amendMeeting', entityType: 'meeting', entityId: id, before: snapshot(before as unknown as Record<string, unknown>), after: { reason, ...input }, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

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
        if (r.startTime && r.endTime && r.endTime <= r.startTime) problems.push({ row: i + 1, column: 'endTime', reason: 'must be after startTime' });
      });
      // Every (cell, date) must be in the tree, and every attendee a member of that cell on that date.
      const placed: { cellId: string; date: string }[] = await m.query(
        `SELECT DISTINCT u.cell AS "cellId", u.d AS date FROM unnest($1::uuid[], $2::date[]) AS u(cell, d)
           JOIN organisation_placement pl ON pl.organisation_id = u.cell AND ${validAt('pl', 'u.d')}`,
        [rows.map((r) => r.cellId), rows.map((r) => r.date)],
      );
      const placedKey = new Set(placed.map((x) => `${x.cellId}|${x.date}`));
      rows.forEach((r, i) => {
        if (!placedKey.has(`${r.cellId}|${r.date}`)) problems.push({ row: i + 1, column: 'date', reason: 'the cell does not exist on this date' });
      });
      const att = rows.flatMap((r, i) => r.attendance.map((a) => ({ i, cell: r.cellId, date: r.date, ...a })));
      const members: { k: number }[] = await m.query(
        `SELECT u.k FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::date[]) AS u(k, cell, mid, d)
          WHERE ${IS_MEMBER_OF_CELL_ON('u.mid', 'u.cell', 'u.d')}`,
        [att.map((_, k) => k), att.map((a) => a.cell), att.map((a) => a.memberId), att.map((a) => a.date)],
      );
      const okAtt = new Set(members.map((x) => x.k));
      att.forEach((a, k) => {
        if (!okAtt.has(k)) problems.push({ row: a.i + 1, column: 'attendance.memberId', reason: `${a.memberId} is not a member of the cell on ${a.date}` });
      });
      const [firstProblem] = problems;
      if (firstProblem) {
        throw new DomainError('IMPORT_INVALID', `${problems.length} problem(s); nothing was imported. First: row ${firstProblem.row}, ${firstProblem.column}: ${firstProblem.reason}`, firstProblem.column, { rows: problems });
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
        [ids, col((r) => r.cellId), col((r) => r.kind), col((r) => r.title), col((r) => r.date), col((r) => r.startTime ?? null), col((r) => r.endTime ?? null),
          col((r) => r.place ?? null), col((r) => r.format ?? 'STANDARD'), col((r) => r.theme ?? null), col((r) => r.state), col((r) => r.minutes ?? null),
          col((r) => r.resolution ?? null), col((r) => r.votesFor ?? null), col((r) => r.votesAgainst ?? null), col((r) => r.votesAbstain ?? null),
          col((r) => (r.selfAssessment ? JSON.stringify(r.selfAssessment) : null)), col((r) => r.selfTotal ?? null)],
      );
      await m.query(
        `INSERT INTO meeting_attendance (meeting_id, member_id, status, reason) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])`,
        [att.map((a) => idOf(a.i)), att.map((a) => a.memberId), att.map((a) => a.status), att.map((a) => a.reason ?? null)],
      );
      await recordAuditRows(m, caller, 'importMeetingHistory', 'meeting', rows.map((r, i) => ({ entityId: idOf(i), after: { cellId: r.cellId, kind: r.kind, date: r.date, state: r.state } })));
      return ids.length;
    });
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Writes a record (recordMeeting) or a correction (amendMeeting): the attendance list, then the meeting row in one
   * UPDATE (the record's columns, the scored self-assessment, `extra` columns such as the state), which raises the
   * version once.
   */
  private async applyRecord(m: EntityManager, before: Meeting, input: MeetingRecordInput, extra: Record<string, unknown> = {}): Promise<void> {
    this.checkTimes(input.actualStart ?? before.actualStart, input.actualEnd ?? before.actualEnd, 'actualEnd');
    if (input.attendance) {
      const seen = new Set<string>();
      input.attendance.forEach((a, i) => {
        if (seen.has(a.memberId)) throw new DomainError('VALIDATION', 'The same member is listed twice', `attendance.${i}.memberId`);
        seen.add(a.memberId);
        if (a.status === 'ABSENT_EXCUSED' && !a.reason) throw new DomainError('VALIDATION', 'An excused absence needs its reason', `attendance.${i}.reason`);
      });
      await this.assertMembersOfCell(m, before.organisationId, before.date, input.attendance.map((a, i) => [`attendance.${i}.memberId`, a.memberId]));
      await m.query(`DELETE FROM meeting_attendance WHERE meeting_id = $1`, [before.id]);
      await m.query(
        `INSERT INTO meeting_attendance (meeting_id, member_id, status, reason, late, left_early)
         SELECT $1, u.mid, u.st, u.reason, u.late, u.early FROM unnest($2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::boolean[]) AS u(mid, st, reason, late, early)`,
        [before.id, input.attendance.map((a) => a.memberId), input.attendance.map((a) => a.status), input.attendance.map((a) => a.reason ?? null),
          input.attendance.map((a) => !!a.late), input.attendance.map((a) => !!a.leftEarly)],
      );
    }
    if (input.tasks) {
      await this.assertMembersOfCell(m, before.organisationId, before.date, input.tasks.map((t, i) => [`tasks.${i}.assigneeMemberId`, t.assigneeMemberId]));
    }
    if (input.selfAssessment) {
      const policy = await this.policies.forOrganisation(before.organisationId, before.date, m);
      const scored = scoreMeeting(policy.scoreSheet, input.selfAssessment);
      extra = { ...extra, self_assessment: JSON.stringify(input.selfAssessment), self_total: scored.total };
    }
    const { attendance: _a, selfAssessment: _s, ...rest } = input;
    await this.setColumns(m, before.id, { ...rest, tasks: input.tasks?.map((t) => ({ text: t.text, assigneeMemberId: t.assigneeMemberId ?? null, dueOn: t.dueOn ?? null })) }, RECORD_COLUMNS, extra, true);
  }

  /**
   * The one UPDATE of a meeting write: the given fields of `input` (by `columns`), the `extra` columns (column →
   * value), and the version raised once. Nothing is written when nothing is given, unless `always` (a record or
   * an amendment changes the meeting even when only its attendance list changed).
   */
  private async setColumns<T extends object>(m: EntityManager, id: string, input: T, columns: Record<string, string>, extra: Record<string, unknown> = {}, always = false): Promise<void> {
    const given = Object.entries(columns).filter(([k]) => (input as Record<string, unknown>)[k] !== undefined).map(([k, c]) => [c, (input as Record<string, unknown>)[k]] as const);
    const entries = [...given, ...Object.entries(extra)];
    if (!entries.length && !always) return;
    const p = new Params();
    const sets = entries.map(([c, v]) => `${c} = ${p.add(Array.isArray(v) ? JSON.stringify(v) : v)}, `);
    await m.query(`UPDATE meeting SET ${sets.join('')}version = version + 1, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  private checkTimes(start: string | null | undefined, end: string | null | undefined, field: string): void {
    if (start && end) {
      try {
        durationMinutes(start, end);
      } catch (e) {
        if (e instanceof DomainError) throw new DomainError(e.code, e.message, field);
        throw e;
      }
    }
  }

  /** The meeting row, locked, if the caller may change it (the cell is in their write scope on the meeting date). */
  /**
   * True when this caller already made this write with this idempotency key (a retry whose first answer was lost): the
   * caller gets the current record and nothing is written again. The same key for another write is refused.
   */
  private async seenClientWrite(m: EntityManager, caller: Caller, key: string, operation: string, targetId: string): Promise<boolean> {
    const [seen] = await m.query(`SELECT operation, target_id AS "targetId" FROM client_write WHERE actor = $1 AND client_key = $2`, [actorKey(caller.actor), key]);
    if (!seen) return false;
    if (seen.operation !== operation || seen.targetId !== targetId) {
      throw new DomainError('CONFLICT', 'This client key was already used for another change', 'clientKey', { reason: 'CLIENT_KEY_REUSED' });
    }
    return true;
  }

  /** Keeps the key of a write made now (same transaction); the caller's keys older than 30 days go. */
  private async keepClientWrite(m: EntityManager, caller: Caller, key: string, operation: string, targetId: string): Promise<void> {
    const actor = actorKey(caller.actor);
    await m.query(`DELETE FROM client_write WHERE actor = $1 AND created_at < now() - interval '30 days'`, [actor]);
    const rows = await m.query(
      `INSERT INTO client_write (actor, client_key, operation, target_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [actor, key, operation, targetId],
    );
    if (!rows.length) throw new DomainError('CONFLICT', 'This client key was already used for another change', 'clientKey', { reason: 'CLIENT_KEY_REUSED' });
  }

  private async lock(m: EntityManager, caller: Caller, id: string): Promise<Meeting> {
    const [found] = await this.findVisible(caller.actor, [id], m);
    if (!found) throw new DomainError('NOT_FOUND', 'Meeting not found', 'id');
    await m.query(`SELECT 1 FROM meeting WHERE id = $1 FOR UPDATE`, [id]);
    await assertOrgVisible(m, caller.actor, found.organisationId, found.date, true).catch(onDomainError((e) => e.code === 'NOT_FOUND' ? new DomainError('FORBIDDEN', 'You may see this meeting but not change it', 'id') : e));
    return found;
  }

  private async assertCell(m: EntityManager, actor: Actor, cellId: string, date: string): Promise<void> {
    await assertOrgVisible(m, actor, cellId, date, true).catch(asField('organisationId'));
    const [row] = await m.query(
      `SELECT o.kind FROM organisation_placement pl ${JOIN_ORGANISATION('o', 'pl.organisation_id')} WHERE pl.organisation_id = $1 AND ${validAt('pl', '$2')}`,
      [cellId, date],
    );
    if (!row) throw new DomainError('ORGANISATION_DISSOLVED', 'The cell does not exist on the meeting date (dissolved, or not yet established)', 'date');
    if (!holdsMembers(row.kind as OrganisationKind)) throw new DomainError('VALIDATION', 'Meetings are held by cells (chi bộ)', 'organisationId');
  }

  /** Each given member must belong to the cell on the date (permanently or on a temporary transfer). */
  private async assertMembersOfCell(m: EntityManager, cellId: string, date: string, members: [string, string | undefined | null][]): Promise<void> {
    const wanted = members.filter((x): x is [string, string] => !!x[1]);
    if (!wanted.length) return;
    const rows: { memberId: string }[] = await m.query(
      MEMBERS_OF_CELL_AMONG('$1', '$2', '$3'),
      [cellId, date, wanted.map(([, id]) => id).filter(isUuid)],
    );
    const ok = new Set(rows.map((r) => r.memberId));
    const bad = wanted.filter(([, id]) => !ok.has(id));
    const [firstBad] = bad;
    if (firstBad) {
      throw new DomainError('VALIDATION', `Not a member of this cell on ${date}: ${bad.map(([f]) => f).join(', ')}`, firstBad[0], {
        fields: bad.map(([field]) => ({ field, reason: 'NOT_A_MEMBER_OF_CELL', message: `not a member of this cell on ${date}` })),
      });
    }
  }
}
