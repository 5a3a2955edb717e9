import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { viDate, writeReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { MAX_PAGE_SIZE } from '../../common/graphql/pagination';
import { orgVisibleSql } from '../../common/scope/scope';
import { Params } from '../../database/sql';
import { JOIN_USER } from '../auth/auth.sql';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';
import type { Meeting, MeetingFilter } from './meeting.model';
import { MEETING_FROM, MeetingService } from './meeting.service';

/** The meetings export (GET /exports/meetings.xlsx, meetingsXlsx): the list of `meetingList` as a workbook. */
@Injectable()
export class MeetingWorkbookService {
  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingService,
  ) {}

  /**
   * The meetings of `list` for the filter (all pages, at most 50,000, newest first) as an Excel workbook with
   * Vietnamese headings: cell, date, time, kind, subject, state, present/expected, minutes, resolution and the
   * committee members who attended (recorded visits). One extra query per page of 500 for the cell names (as the
   * `organisation` field: blank outside your scope), the attendance totals and the visitors.
   */
  async listWorkbook(
    actor: Actor,
    filter: MeetingFilter | undefined,
    wb: ExportWorkbook,
    orgLine: string,
  ): Promise<void> {
    const items: Meeting[] = [];
    const extra = new Map<
      string,
      { cellName: string | null; present: number; expected: number; visitors: string | null }
    >();
    for (let offset = 0; offset < 50_000; offset += MAX_PAGE_SIZE) {
      const page = await this.meetings.list(actor, filter, { offset, limit: MAX_PAGE_SIZE });
      if (page.items.length) {
        const p = new Params();
        const ids = p.add(page.items.map((m) => m.id));
        // Visitors are named as `Meeting.visitRecords` shows them: to the committee's readers, and each to themselves.
        const visitorsVisible = actor.isAdmin
          ? 'TRUE'
          : `(v.visitor_user_id = ${p.add(actor.id)}::uuid OR ${this.meetings.visibleSql({ ...actor, ownCellIds: [] }, p)})`;
        const rows = await this.ds.query(
          `SELECT mt.id, CASE WHEN ${orgVisibleSql(actor, 'mt.organisation_id', p, 'mt.meeting_date')} THEN o.name END AS "cellName",
                  mt.attendance_present AS present, mt.attendance_expected AS expected,
                  (SELECT string_agg(u.display_name, ', ' ORDER BY u.display_name) FROM visit v ${JOIN_USER('u', 'v.visitor_user_id')}
                    WHERE v.meeting_id = mt.id AND v.attended AND ${visitorsVisible}) AS visitors
             FROM ${MEETING_FROM} ${JOIN_ORGANISATION('o', 'mt.organisation_id')} WHERE mt.id = ANY(${ids}::uuid[])`,
          p.values,
        );
        for (const r of rows) extra.set(r.id, r);
      }
      items.push(...page.items);
      if (page.items.length < MAX_PAGE_SIZE) break;
    }
    const period =
      filter?.from && filter.to
        ? ` TỪ ${viDate(filter.from)} ĐẾN ${viDate(filter.to)}`
        : filter?.from
          ? ` TỪ ${viDate(filter.from)}`
          : filter?.to
            ? ` ĐẾN ${viDate(filter.to)}`
            : '';
    const narrowed = [
      ...(filter?.kinds ?? []).map((k) => MEETING_KIND_LABELS[k].vi),
      ...(filter?.states ?? []).map((s) => MEETING_STATE_LABELS[s].vi),
    ];
    const held = (m: Meeting) => m.state === 'HELD' || m.state === 'CLOSED';
    const span = (a: string | null, b: string | null) => (a && b ? `${a}–${b}` : (a ?? ''));
    writeReport(wb, {
      name: 'Sinh hoat chi bo',
      title: `DANH SÁCH BUỔI SINH HOẠT CHI BỘ${period}`,
      subtitle: [orgLine, `${items.length} buổi`, ...(narrowed.length ? [`lọc: ${narrowed.join(', ')}`] : [])]
        .filter(Boolean)
        .join(' — '),
      headings: [
        'STT',
        'Chi bộ',
        'Ngày',
        'Giờ',
        'Loại sinh hoạt',
        'Chủ đề',
        'Trạng thái',
        'Có mặt/Phải dự',
        'Biên bản',
        'Nghị quyết',
        'Cấp ủy viên dự',
      ],
      widths: [6, 30, 12, 13, 26, 44, 16, 14, 10, 10, 36],
      rows: items.map((m, i) => {
        const x = extra.get(m.id);
        return [
          i + 1,
          x?.cellName ?? '',
          xlDate(m.date),
          held(m) && m.actualStart ? span(m.actualStart, m.actualEnd) : span(m.startTime, m.endTime),
          MEETING_KIND_LABELS[m.kind].vi,
          [m.title, m.theme].filter(Boolean).join(' — '),
          MEETING_STATE_LABELS[m.state].vi,
          held(m) && x ? `${x.present}/${x.expected}` : '',
          held(m) ? (m.minutes?.trim() ? 'Có' : 'Chưa có') : '',
          held(m) ? (m.resolution?.trim() ? 'Có' : 'Chưa có') : '',
          x?.visitors ?? '',
        ];
      }),
    });
  }
}
