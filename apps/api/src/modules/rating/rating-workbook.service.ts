import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  formatDateVi,
  vietnamDateOf,
  NOT_RATED_REASON_LABELS,
  RATING_LEVEL_LABELS,
  RATING_PERIOD_KIND_LABELS,
  RATING_ROUND_STATE_LABELS,
  RATING_SCHEME_LABELS,
  RATING_STAGE_LABELS,
  RATING_SUBJECT_KIND_LABELS,
  type RatingLevel,
  type RatingScheme,
  type RatingSubjectKind,
} from '@chibo/domain';
import { filteredRows, reportSheet, startReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { MAX_PAGE_SIZE } from '../../common/graphql/pagination';
import { isUuid, orgVisibleSql } from '../../common/scope/scope';
import { Params, validAt } from '../../database/sql';
import { ratingReferenceDate } from './rating.sql';
import { RatingReadService } from './rating-read.service';
import { RatingFiguresService } from './rating-figures.service';
import { type RatingFiguresInput, type RatingFilter } from './rating.model';
import { JOIN_ORGANISATION, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';

/** The rating workbooks (Vietnamese headings): a round's worklist and the statistics table with the subjects behind it. */
@Injectable()
export class RatingWorkbookService {
  constructor(
    private readonly ds: DataSource,
    private readonly read: RatingReadService,
    private readonly figureService: RatingFiguresService,
  ) {}

  /**
   * A round's worklist as an Excel workbook (Vietnamese headings): a title block (title, organisation, year,
   * deadlines, state, the filter), every rating of `list` for the round and the filter (all pages, in its order),
   * then a sheet with the subjects not self-assessed yet (`pending`, same search). NOT_FOUND outside the round's scope.
   */
  async roundWorkbook(
    actor: Actor,
    roundId: string,
    filter: RatingFilter | undefined,
    wb: ExportWorkbook,
  ): Promise<void> {
    const round = await this.read.round(actor, roundId).catch(asField('roundId'));
    const d = ratingReferenceDate(round.year);
    const f: RatingFilter = { ...filter, roundId: round.id };
    const p = new Params();
    const [names] = await this.ds.query(
      `SELECT (SELECT o.name ${ORGANISATIONS_WHERE('o', `= ${p.add(round.organisationId)}::uuid`)} AND ${orgVisibleSql(actor, 'o.id', p, p.add(d))}) AS "roundOrg",
              (SELECT o.name ${ORGANISATIONS_WHERE('o', `= ${p.add(f.organisationId && isUuid(f.organisationId) ? f.organisationId : null)}::uuid`)}
                  AND ${orgVisibleSql(actor, 'o.id', p, p.add(d))}) AS "filterOrg"`,
      p.values,
    );
    const day = (t: Date | string | null) => (t ? xlDate(vietnamDateOf(new Date(t).getTime())) : null);
    const level = (l: RatingLevel | null) => (l ? RATING_LEVEL_LABELS[l].vi : '');
    const filterText = [
      ...(f.subjectKinds ?? []).map((k) => RATING_SUBJECT_KIND_LABELS[k].vi),
      ...(f.stages ?? []).map((s) => RATING_STAGE_LABELS[s].vi),
      ...(f.levels ?? []).map((l) => `quyết định ${l}`),
      ...(f.organisationId ? [`thuộc ${names?.filterOrg ?? 'tổ chức đã chọn'}`] : []),
      ...(f.search?.trim() ? [`tên có "${f.search.trim()}"`] : []),
    ].join('; ');
    const block = [
      `Tổ chức mở đợt: ${names?.roundOrg ?? ''}`,
      `Năm ${round.year}${round.periodKind === 'YEAR' ? '' : ` — ${RATING_PERIOD_KIND_LABELS[round.periodKind].vi}${round.periodLabel ? ` ${round.periodLabel}` : ''}`}`,
      `Hạn tự đánh giá: ${formatDateVi(round.selfAssessmentDue)}; hạn đề xuất: ${formatDateVi(round.proposalDue)}; hạn quyết định: ${formatDateVi(round.decisionDue)}`,
      `Trạng thái: ${RATING_ROUND_STATE_LABELS[round.state].vi}${round.announcedAt ? ` (ngày ${formatDateVi(vietnamDateOf(new Date(round.announcedAt).getTime()))})` : ''}`,
      ...(filterText ? [`Lọc: ${filterText}`] : []),
    ];
    // The title, the block (the organisation line first), a blank row, the headings.
    const sheet = (name: string, title: string, headings: string[], widths: number[]) =>
      startReport(wb, { name, title, subtitle: block[0]!, notes: block.slice(1), headings, widths });

    const add = sheet(
      'Danh sach danh gia',
      `DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI — ${round.title.toLocaleUpperCase('vi')}`,
      [
        'STT',
        'Đối tượng',
        'Họ và tên/Tên tổ chức',
        'Thuộc tổ chức',
        'Tự đánh giá: điểm',
        'Tự đánh giá: mức',
        'Đề xuất',
        'Nhận xét khi đề xuất',
        'Quyết định',
        'Lý do khác đề xuất',
        'Lý do vượt tỷ lệ HTXSNV',
        'Trạng thái',
        'Ngày tự đánh giá',
        'Người tự đánh giá',
        'Ngày đề xuất',
        'Người đề xuất',
        'Ngày quyết định',
        'Người quyết định',
      ],
      [6, 22, 30, 30, 12, 28, 28, 30, 28, 30, 30, 16, 14, 20, 14, 20, 14, 20],
    );
    let n = 0;
    for (let offset = 0; ;) {
      const page = await this.read.list(actor, f, { offset, limit: MAX_PAGE_SIZE });
      // An organisation rated sits in itself: "thuộc" is its parent on the round's reference date (one query per page).
      const orgIds = page.items.filter((r) => r.subjectOrganisationId).map((r) => r.subjectOrganisationId!);
      // Only a parent in the caller's scope is named.
      const pp = new Params();
      const parents = new Map<string, string>(
        orgIds.length
          ? (
              await this.ds.query(
                `SELECT pl.organisation_id AS id, po.name FROM organisation_placement pl ${JOIN_ORGANISATION('po', 'pl.parent_id')}
                WHERE pl.organisation_id = ANY(${pp.add(orgIds)}::uuid[]) AND ${validAt('pl', pp.add(d))} AND ${orgVisibleSql(actor, 'po.id', pp, pp.add(d))}`,
                pp.values,
              )
            ).map((x: { id: string; name: string }) => [x.id, x.name])
          : [],
      );
      for (const r of page.items) {
        n += 1;
        add([
          n,
          RATING_SUBJECT_KIND_LABELS[r.subjectKind].vi,
          r.subjectName,
          r.subjectOrganisationId ? (parents.get(r.subjectOrganisationId) ?? '') : r.organisationName,
          r.score ?? '',
          level(r.computedLevel),
          level(r.proposedLevel),
          r.proposalNote ?? '',
          level(r.decidedLevel),
          r.decisionReason ?? '',
          r.quotaOverrideReason ?? '',
          RATING_STAGE_LABELS[r.stage].vi,
          day(r.selfAssessedAt),
          r.selfAssessedBy ?? '',
          day(r.proposedAt),
          r.proposedBy ?? '',
          day(r.decidedAt),
          r.decidedBy ?? '',
        ]);
      }
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }

    const rest = sheet(
      'Chua tu danh gia',
      `CHƯA TỰ ĐÁNH GIÁ — ${round.title.toLocaleUpperCase('vi')}`,
      ['STT', 'Đối tượng', 'Họ và tên/Tên tổ chức', 'Thuộc tổ chức'],
      [6, 22, 36, 36],
    );
    n = 0;
    for (let offset = 0; ;) {
      const page = await this.read.pending(actor, round.id, f.search, { offset, limit: MAX_PAGE_SIZE });
      for (const s of page.items) {
        n += 1;
        rest([n, RATING_SUBJECT_KIND_LABELS[s.subjectKind].vi, s.name, s.organisationName]);
      }
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
  }

  /**
   * The rating statistics table committees send upward (the same figures as `figures`), Vietnamese headings: one row
   * per subject kind with the count and percent of each level, "HTTNV trở lên" and "trong đó HTXSNV" (a share of
   * those HTTNV or better, the reports' convention), the not rated; then a sheet listing the subjects behind them.
   */
  async figuresWorkbook(actor: Actor, input: RatingFiguresInput, wb: ExportWorkbook): Promise<void> {
    const figures = await this.figureService.figures(actor, input);
    const [org] = await this.ds.query(`SELECT o.name ${ORGANISATIONS_WHERE('o', '= $1')}`, [input.organisationId]);
    // Two heading rows (rows 5 and 6): frozen under the second, which carries the auto-filter.
    const ws = reportSheet(wb, `Xep loai ${figures.year}`, 6);
    const LAST_COL = 18;
    ws.columns = Array.from({ length: LAST_COL }, (_, i) => ({ width: i === 1 ? 30 : 12 }));
    const title = ws.addRow([`BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${figures.year}`]);
    title.font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, LAST_COL);
    title.alignment = { horizontal: 'center' };
    ws.addRow([org?.name ?? '']);
    ws.addRow([
      `Tính theo tổ chức đảng tại ngày ${formatDateVi(figures.asOf)}; tỷ lệ (%) tính trên số được đánh giá, xếp loại (không tính số không đánh giá); "Trong đó HTXSNV" tính trên số HTTNV trở lên.`,
    ]);
    ws.addRow([]);
    // Two header rows: a group title over each level's "Số lượng" / "Tỷ lệ (%)".
    const h1 = ws.addRow([
      'STT',
      'Đối tượng',
      'Tổng số',
      'Số được đánh giá, xếp loại',
      'Hoàn thành xuất sắc nhiệm vụ',
      '',
      'Hoàn thành tốt nhiệm vụ',
      '',
      'Hoàn thành nhiệm vụ',
      '',
      'Không hoàn thành nhiệm vụ',
      '',
      'Hoàn thành tốt nhiệm vụ trở lên',
      '',
      'Trong đó HTXSNV (% so với HTTNV trở lên)',
      'HTXSNV (% so với số được đánh giá)',
      'Không đánh giá, xếp loại',
      'So với năm trước: HTTNV trở lên (điểm %)',
    ]);
    const h2 = ws.addRow([
      '',
      '',
      '',
      '',
      'Số lượng',
      'Tỷ lệ (%)',
      'Số lượng',
      'Tỷ lệ (%)',
      'Số lượng',
      'Tỷ lệ (%)',
      'Số lượng',
      'Tỷ lệ (%)',
      'Số lượng',
      'Tỷ lệ (%)',
      '',
      '',
      '',
      '',
    ]);
    const r1 = h1.number;
    for (const c of [1, 2, 3, 4, 15, 16, 17, 18]) ws.mergeCells(r1, c, r1 + 1, c);
    for (const c of [5, 7, 9, 11, 13]) ws.mergeCells(r1, c, r1, c + 1);
    for (const row of [h1, h2]) {
      row.font = { bold: true };
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    h1.height = 45;
    const ORDER: RatingSubjectKind[] = ['GRASSROOTS_ORGANISATION', 'SUB_COMMITTEE', 'SUBORDINATE_CELL', 'MEMBER'];
    const addFigure = filteredRows(
      ws,
      r1 + 1,
      LAST_COL,
      Object.fromEntries([6, 8, 10, 12, 14, 15, 16, 18].map((col) => [col, '0.00'])),
    );
    ORDER.forEach((kind, i) => {
      const g = figures.groups.find((x) => x.subjectKind === kind)!;
      const c = g.current;
      addFigure([
        i + 1,
        RATING_SUBJECT_KIND_LABELS[kind].vi,
        c.total,
        c.rated,
        ...c.levels.flatMap((l) => [l.count, l.percent ?? '']),
        c.wellCompletedOrBetter.count,
        c.wellCompletedOrBetter.percent ?? '',
        c.excellentOfWellCompletedOrBetter ?? '',
        c.excellentOfRated ?? '',
        c.notRated,
        g.change.wellCompletedOrBetter.points ?? '',
      ]);
    });

    // The subjects behind the figures: every subject of every kind, rated first (best level first), then the not rated.
    const list = startReport(wb, {
      name: 'Danh sach',
      title: `DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${figures.year}`,
      subtitle: org?.name ?? '',
      headings: [
        'STT',
        'Đối tượng',
        'Tên',
        'Thuộc tổ chức',
        'Kết quả xếp loại',
        'Xếp loại theo quy định cũ (ghi như khi đánh giá)',
        'Quy định áp dụng',
        'Lý do không đánh giá, xếp loại',
      ],
      widths: Array.from({ length: 8 }, (_, i) => ([2, 3, 5, 6].includes(i) ? 36 : 16)),
    });
    const NOT_RATED: Record<string, string> = {
      ...Object.fromEntries(Object.entries(NOT_RATED_REASON_LABELS).map(([k, v]) => [k, v.vi])),
      NOT_DECIDED: 'Chưa có quyết định xếp loại',
    };
    let n = 0;
    for (const kind of ORDER) {
      for (let offset = 0; ;) {
        const page = await this.figureService.figureRows(
          actor,
          { ...input, asOf: figures.asOf, subjectKind: kind },
          { offset, limit: 500 },
        );
        for (const r of page.items) {
          n += 1;
          list([
            n,
            RATING_SUBJECT_KIND_LABELS[kind].vi,
            r.name,
            r.organisationName,
            r.level ? RATING_LEVEL_LABELS[r.level].vi : '',
            r.rawLabel ?? '',
            r.scheme ? RATING_SCHEME_LABELS[r.scheme as RatingScheme].vi : '',
            r.notRatedReason ? (NOT_RATED[r.notRatedReason] ?? r.notRatedReason) : '',
          ]);
        }
        offset += page.items.length;
        if (page.items.length === 0 || offset >= page.total) break;
      }
    }
  }
}
