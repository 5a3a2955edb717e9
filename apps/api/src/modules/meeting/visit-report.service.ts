import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lastDayOfMonth, visitReportDueOn, visitReportState } from '@chibo/domain';
import { writeReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { assertOrgVisible } from '../../common/scope/scope';
import { inSubtree, today, validAt } from '../../database/sql';
import { JOIN_USER } from '../auth/auth.sql';
import { ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import type { VisitReport, VisitReportInput, VisitReportLine } from './visit.model';
import { ALL_ROWS, VisitService } from './visit.service';

/** The committee's monthly visit report (docs/rules.md#visits), compiled from the records, and its workbook. */
@Injectable()
export class VisitReportService {
  constructor(
    private readonly ds: DataSource,
    private readonly policies: PolicyService,
    private readonly orgs: OrganisationService,
    private readonly reads: VisitService,
  ) {}
  /** The committee's monthly report: a line per visitor assigned to cells under the organisation that month. */
  async report(actor: Actor, input: VisitReportInput): Promise<VisitReport> {
    const first = `${input.month}-01`;
    const last = lastDayOfMonth(input.month);
    // A report on the visitors: for readers of the subtree (a member's own-cell access is not enough).
    await assertOrgVisible(this.ds.manager, { ...actor, ownCellIds: [] }, input.organisationId, last).catch(
      asField('organisationId'),
    );
    const assignments: { visitorUserId: string; visitorName: string; cellId: string; submittedOn: string | null }[] =
      await this.ds.query(
        `SELECT va.visitor_user_id AS "visitorUserId", u.display_name AS "visitorName", va.cell_id AS "cellId", vr.submitted_on AS "submittedOn"
         FROM visit_assignment va ${JOIN_USER('u', 'va.visitor_user_id')}
         JOIN organisation_placement pl ON pl.organisation_id = va.cell_id AND ${validAt('pl', '$3')}
         JOIN organisation_placement rp ON rp.organisation_id = $1 AND ${validAt('rp', '$3')} AND ${inSubtree('pl', 'rp.path')}
         LEFT JOIN visit_report vr ON vr.visitor_user_id = va.visitor_user_id AND vr.month = $4
        WHERE va.valid_from <= $3::date AND (va.valid_to IS NULL OR va.valid_to > $2::date)`,
        [input.organisationId, first, last, input.month],
      );
    const held: { cellId: string }[] = await this.ds.query(
      `SELECT DISTINCT organisation_id AS "cellId" FROM meeting WHERE organisation_id = ANY($1::uuid[]) AND meeting_date BETWEEN $2::date AND $3::date AND state IN ('HELD','CLOSED')`,
      [[...new Set(assignments.map((a) => a.cellId))], first, last],
    );
    const heldCells = new Set(held.map((h) => h.cellId));
    const visits = (
      await this.reads.visits(actor, { organisationId: input.organisationId, from: first, to: last }, ALL_ROWS)
    ).items;
    const policy = await this.policies.forOrganisation(input.organisationId, last);
    const byVisitor = new Map<string, VisitReportLine>();
    for (const a of assignments) {
      let line = byVisitor.get(a.visitorUserId);
      if (!line) {
        const mine = visits.filter((v) => v.visitorUserId === a.visitorUserId);
        line = {
          visitorUserId: a.visitorUserId,
          visitorName: a.visitorName,
          assignedCells: 0,
          visits: mine.length,
          scored: mine.filter((v) => v.total !== null).length,
          unscored: mine.filter((v) => v.attended && v.total === null).length,
          cellsNotVisited: [],
          dueOn: visitReportDueOn(input.month, policy),
          submittedOn: a.submittedOn,
          state: visitReportState({ month: input.month, submittedOn: a.submittedOn, asOf: today() }, policy),
          items: mine,
        };
        byVisitor.set(a.visitorUserId, line);
      }
      line.assignedCells++;
      if (heldCells.has(a.cellId) && !line.items.some((v) => v.cellId === a.cellId))
        line.cellsNotVisited.push(a.cellId);
    }
    return {
      month: input.month,
      lines: [...byVisitor.values()].sort((x, y) => x.visitorName.localeCompare(y.visitorName, 'vi')),
    };
  }

  /** The monthly report as an xlsx workbook (the same figures as `report`), Vietnamese headings. */
  async reportWorkbook(actor: Actor, input: VisitReportInput, wb: ExportWorkbook): Promise<void> {
    const report = await this.report(actor, input);
    const orgLine = await this.orgs.exportLine(actor, lastDayOfMonth(input.month), input.organisationId);
    const [y, mo] = input.month.split('-');
    const STATE: Record<string, string> = {
      NOT_DUE: 'Chưa đến hạn',
      DUE: 'Đến hạn',
      SUBMITTED: 'Đã nộp',
      LATE: 'Quá hạn',
      SUBMITTED_LATE: 'Nộp muộn',
    };
    const codes = new Map<string, string>(
      (
        await this.ds.query(`SELECT o.id, o.code ${ORGANISATIONS_WHERE('o', '= ANY($1::uuid[])')}`, [
          [...new Set(report.lines.flatMap((l) => l.items.map((v) => v.cellId)))],
        ])
      ).map((o: { id: string; code: string }) => [o.id, o.code]),
    );
    const title = `BÁO CÁO KẾT QUẢ DỰ SINH HOẠT CHI BỘ THÁNG ${mo}/${y}`;
    writeReport(
      wb,
      {
        name: `Bao cao T${Number(mo)}-${y}`,
        title,
        subtitle: orgLine,
        headings: [
          'STT',
          'Họ và tên',
          'Số chi bộ được phân công',
          'Số lần dự',
          'Có chấm điểm',
          'Dự nhưng chưa chấm điểm',
          'Chi bộ chưa dự',
          'Hạn báo cáo',
          'Ngày nộp',
          'Tình trạng',
        ],
        widths: [6, 28, 20, 20, 20, 20, 20, 20, 20, 20],
        rows: report.lines.map((l, i) => [
          i + 1,
          l.visitorName,
          l.assignedCells,
          l.visits,
          l.scored,
          l.unscored,
          l.cellsNotVisited.length,
          xlDate(l.dueOn),
          xlDate(l.submittedOn),
          STATE[l.state] ?? l.state,
        ]),
      },
      {
        name: 'Chi tiet',
        title: `${title}: CHI TIẾT`,
        subtitle: orgLine,
        headings: [
          'Người dự',
          'Ngày sinh hoạt',
          'Chi bộ (mã)',
          'Có mặt',
          'Tổng điểm',
          'Điểm tối đa',
          'Xếp loại',
          'Chi bộ tự chấm',
          'Chênh lệch lớn',
          'Nội dung chỉ đạo',
        ],
        widths: Array(10).fill(20),
        rows: report.lines.flatMap((l) =>
          l.items.map((v) => [
            l.visitorName,
            xlDate(v.date),
            codes.get(v.cellId) ?? '',
            v.attended ? 'Có' : 'Không',
            v.total ?? '',
            v.maxTotal ?? '',
            v.level ?? '',
            v.selfTotal ?? '',
            v.scoreGapWarning ? 'Có' : '',
            v.guidance ?? '',
          ]),
        ),
      },
    );
  }
}
