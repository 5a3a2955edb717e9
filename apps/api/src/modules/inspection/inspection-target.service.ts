import { Injectable } from '@nestjs/common';
import { writeReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { DataSource } from 'typeorm';
import {
  formatDateVi,
  formatPercentVi,
  hasCellCommittee,
  inspectionPercent,
  inspectionTargetFromCounts,
  INSPECTING_BODY_LABELS,
  INSPECTION_STATE_LABELS,
  INSPECTION_TYPE_LABELS,
  DISCIPLINE_FORM_LABELS,
  DECIDING_BODY_LABELS,
  summariseTarget,
  supervisionCoverage,
  targetReferenceDate,
  type CommitteeSeat,
  type DecidingBody,
  type DisciplineForm,
} from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { assertOrgVisible } from '../../common/scope/scope';
import { inSubtree, today, validAt } from '../../database/sql';
import type { Organisation } from '../organisation/organisation.model';
import { OrganisationService, type OrgModelLoader } from '../organisation/organisation.service';
import { JOIN_MEMBER, JOIN_MEMBERSHIP, MEMBERS_WHERE } from '../member/member.sql';
import { JOIN_COMMITTEE_SEATS, JOIN_ORGANISATION, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import { PolicyService } from '../policy/policy.service';
import type {
  InspectionFilter,
  InspectionTarget,
  InspectionTargetCell,
  InspectionTargetInput,
  SupervisionCoverage,
  SupervisionCoverageCell,
} from './inspection.model';
import { inspectionReader, InspectionService } from './inspection.service';

// The cells under an organisation on the reference date ($2): the organisation itself when it is a cell.
const CELLS_CTE = `cells AS (
  SELECT pl.organisation_id AS id, pl.parent_id AS "parentId"
    FROM organisation_placement rp
    JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', '$2')}
    ${JOIN_ORGANISATION('o', 'pl.organisation_id', true)}
   WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')})`;

type TargetRow = {
  id: string;
  parentId: string | null;
  since: string;
  holders: string[];
  concluded: number;
  inProgress: number;
  planned: number;
};
type CoverageRow = { id: string; members: number; supervised: number };

/**
 * The yearly inspection target and the supervision coverage of a subtree (docs/rules.md#r-inspection-target, #r-supervision-coverage). Set-based: one statement
 * gathers every cell under the organisation on the reference date with its chi ủy seat holders and its inspections'
 * kept counts on that date, one the policies, one the organisations; the rules are libs' inspectionTargetFromCounts
 * (inspectionTargetForCell's rule on the counts) and supervisionCoverage. Members (MEMBER grant) see none of it.
 */
@Injectable()
export class InspectionTargetService {
  constructor(
    private readonly ds: DataSource,
    private readonly orgs: OrganisationService,
    private readonly policies: PolicyService,
    private readonly inspections: InspectionService,
  ) {}

  async target(
    actor: Actor,
    input: InspectionTargetInput,
    models: OrgModelLoader = (a, ids, d) => this.orgs.findVisible(a, ids, d),
  ): Promise<InspectionTarget> {
    const asOf = input.asOf ?? today();
    const ref = targetReferenceDate(input.year, asOf);
    const reader = inspectionReader(actor);
    await assertOrgVisible(this.ds.manager, reader, input.organisationId, ref).catch(asField('organisationId'));
    const first = `${String(input.year).padStart(4, '0')}-01-01`;
    // Each cell's inspections as they stood on the reference date: one row of the kept per-cell counts
    // (cell_inspection_count, migration 1796660000000; libs' inspectionProgressOn kept by triggers on inspection),
    // the first ending after the date, instead of every inspection of the subtree with its dates.
    const rows: TargetRow[] = await this.ds.query(
      `WITH ${CELLS_CTE},
       since AS (SELECT x.organisation_id AS id, min(x.valid_from) AS since FROM organisation_placement x JOIN cells c ON c.id = x.organisation_id GROUP BY 1),
       seats AS (SELECT c.id, array_agg(s.member_id::text) AS holders FROM cells c ${JOIN_COMMITTEE_SEATS('s', 'c.id', '$2')} GROUP BY 1)
       SELECT c.id, c."parentId", sn.since, coalesce(st.holders, '{}') AS holders, coalesce(k.concluded, 0) AS concluded,
              coalesce(k.in_progress, 0) AS "inProgress", coalesce(k.planned, 0) AS planned
         FROM cells c LEFT JOIN since sn ON sn.id = c.id LEFT JOIN seats st ON st.id = c.id
         LEFT JOIN LATERAL (SELECT k.concluded, k.in_progress, k.planned FROM cell_inspection_count k
                             WHERE k.organisation_id = c.id AND k.valid_to > $2::date AND k.valid_from <= $2::date
                             ORDER BY k.valid_to LIMIT 1) k ON true`,
      [input.organisationId, ref],
    );
    const ids = rows.map((r) => r.id);
    const policies = await this.policies.forOrganisations(ids, ref);
    const orgModels = await this.orgMap(
      reader,
      [input.organisationId, ...ids, ...rows.map((r) => r.parentId).filter((x): x is string => !!x)],
      ref,
      models,
    );
    const cells: InspectionTargetCell[] = rows
      .filter((r) => orgModels.has(r.id))
      .map((r) => {
        const policy = policies.get(r.id)!;
        const seats: CommitteeSeat[] = r.holders.map((memberId) => ({
          memberId,
          role: 'COMMITTEE_MEMBER',
          from: ref,
          to: null,
        }));
        const withCommittee = hasCellCommittee(seats, ref, policy);
        const result = inspectionTargetFromCounts(
          {
            hasCellCommittee: withCommittee,
            counts: { concluded: r.concluded, inProgress: r.inProgress, planned: r.planned },
            year: input.year,
            asOf,
          },
          policy,
        );
        return {
          organisation: orgModels.get(r.id)!,
          parent: r.parentId ? (orgModels.get(r.parentId) ?? null) : null,
          hasCellCommittee: withCommittee,
          required: result.required,
          concluded: result.concluded,
          inProgress: result.inProgress,
          planned: result.planned,
          missing: result.missing,
          met: result.met,
          onPace: result.onPace,
          projectedConcluded: result.projectedConcluded,
          joinedDuringYear: r.since >= first,
        };
      })
      .sort(
        (a, b) =>
          Number(a.met) - Number(b.met) ||
          b.missing - a.missing ||
          a.organisation.code.localeCompare(b.organisation.code),
      );
    const summary = summariseTarget(cells);
    return {
      organisation: orgModels.get(input.organisationId)!,
      year: input.year,
      asOf,
      referenceDate: ref,
      ...summary,
      percentText: formatPercentVi(summary.percent, 2),
      concludedTotal: cells.reduce((s, c) => s + c.concluded, 0),
      allCells: cells,
    };
  }

  async coverage(actor: Actor, input: InspectionTargetInput): Promise<SupervisionCoverage> {
    const asOf = input.asOf ?? today();
    const ref = targetReferenceDate(input.year, asOf);
    const reader = inspectionReader(actor);
    await assertOrgVisible(this.ds.manager, reader, input.organisationId, ref).catch(asField('organisationId'));
    const first = `${String(input.year).padStart(4, '0')}-01-01`;
    // Members: the cell's own (permanent) members on the reference date. Supervised: those of them who were subjects of a
    // supervision by the cell started in the year up to the reference date (libs' countsTowardSupervisionCoverage).
    const rows: CoverageRow[] = await this.ds.query(
      `WITH ${CELLS_CTE},
       mem AS (SELECT c.id, count(DISTINCT ms.member_id)::int AS n FROM cells c ${JOIN_MEMBERSHIP('ms', 'ms.organisation_id = c.id', '$2', 'PERMANENT')} GROUP BY 1),
       sup AS (SELECT i.organisation_id AS id, count(DISTINCT s.member_id)::int AS n
                 FROM inspection i JOIN cells c ON c.id = i.organisation_id
                 JOIN inspection_subject s ON s.inspection_id = i.id
                 ${JOIN_MEMBERSHIP('ms', 'ms.member_id = s.member_id AND ms.organisation_id = i.organisation_id', '$2', 'PERMANENT')}
                WHERE i.type IN ('REGULAR_SUPERVISION','THEMATIC_SUPERVISION') AND i.state IN ('IN_PROGRESS','CONCLUDED')
                  AND i.started_on BETWEEN $3::date AND $2::date
                GROUP BY 1)
       SELECT c.id, coalesce(mem.n, 0) AS members, coalesce(sup.n, 0) AS supervised FROM cells c LEFT JOIN mem ON mem.id = c.id LEFT JOIN sup ON sup.id = c.id`,
      [input.organisationId, ref, first],
    );
    const ids = rows.map((r) => r.id);
    const policies = await this.policies.forOrganisations([input.organisationId, ...ids], ref);
    const orgModels = await this.orgMap(reader, [input.organisationId, ...ids], ref);
    const cells: SupervisionCoverageCell[] = rows
      .filter((r) => orgModels.has(r.id))
      .map((r) => ({
        organisation: orgModels.get(r.id)!,
        ...supervisionCoverage({ members: r.members, supervised: r.supervised }, policies.get(r.id)!),
      }))
      .sort(
        (a, b) =>
          Number(a.met) - Number(b.met) ||
          (a.percent ?? -1) - (b.percent ?? -1) ||
          a.organisation.code.localeCompare(b.organisation.code),
      );
    const own = policies.get(input.organisationId)!;
    const members = cells.reduce((s, c) => s + c.members, 0);
    const supervised = cells.reduce((s, c) => s + c.supervised, 0);
    const metCount = cells.filter((c) => c.met).length;
    return {
      organisation: orgModels.get(input.organisationId)!,
      year: input.year,
      referenceDate: ref,
      minPercent: own.inspection.supervisionCoverageMinPercent,
      maxPercent: own.inspection.supervisionCoverageMaxPercent,
      cellCount: cells.length,
      metCount,
      metPercent: inspectionPercent(metCount, cells.length),
      members,
      supervised,
      percent: inspectionPercent(supervised, members),
      allCells: cells,
    };
  }

  private async orgMap(
    reader: Actor,
    ids: string[],
    d: string,
    models: OrgModelLoader = (a, x, at) => this.orgs.findVisible(a, x, at),
  ): Promise<Map<string, Organisation>> {
    return new Map((await models(reader, [...new Set(ids)], d)).map((o) => [o.id, o] as const));
  }

  // ---------------------------------------------------------------- Excel

  /** The tracker as an xlsx workbook with Vietnamese headings: the figure, then one row per cell (behind first). */
  async targetWorkbook(actor: Actor, input: InspectionTargetInput, wb: ExportWorkbook): Promise<void> {
    const t = await this.target(actor, input);
    writeReport(wb, {
      name: `Chi tieu kiem tra ${t.year}`,
      title: `KẾT QUẢ THỰC HIỆN CHỈ TIÊU KIỂM TRA ĐẢNG VIÊN NĂM ${t.year}`,
      subtitle: t.organisation.name,
      notes: [
        `Tính đến ngày ${formatDateVi(t.referenceDate)}`,
        `${t.metCount}/${t.subjectCount} chi bộ hoàn thành chỉ tiêu, đạt ${t.percentText} kế hoạch; dự kiến đến cuối năm: ${t.projectedMetCount}/${t.subjectCount} chi bộ (${formatPercentVi(t.projectedPercent, 2)}).`,
        'Chỉ tiêu: chi bộ có chi ủy thực hiện ít nhất 2 cuộc kiểm tra, chi bộ không có chi ủy ít nhất 1 cuộc (theo chính sách đang áp dụng); chỉ tính các cuộc kiểm tra đã kết luận, không tính giám sát. Tỷ lệ lấy 2 chữ số thập phân, không làm tròn lên.',
      ],
      headings: [
        'STT',
        'Mã',
        'Chi bộ',
        'Trực thuộc',
        'Có chi ủy',
        'Chỉ tiêu (cuộc)',
        'Đã kết luận',
        'Đang tiến hành',
        'Theo kế hoạch',
        'Còn thiếu',
        'Hoàn thành',
        'Dự kiến hoàn thành',
      ],
      widths: Array.from({ length: 12 }, (_, i) => (i === 2 || i === 3 ? 40 : 14)),
      rows: t.allCells.map((c, i) => [
        i + 1,
        c.organisation.code,
        c.organisation.name,
        c.parent?.name ?? '',
        c.hasCellCommittee ? 'Có' : 'Không',
        c.required,
        c.concluded,
        c.inProgress,
        c.planned,
        c.missing,
        c.met ? 'Đạt' : 'Chưa đạt',
        c.onPace ? 'Có' : 'Không',
      ]),
    });
  }

  /** Inspection records as an xlsx workbook with Vietnamese headings (the list's filter; at most 10,000 rows). */
  async recordsWorkbook(actor: Actor, filter: InspectionFilter | undefined, wb: ExportWorkbook): Promise<void> {
    const page = await this.inspections.query(actor, filter, 0, 10000);
    const ids = page.items.map((i) => i.id);
    const subjects: { inspectionId: string; name: string }[] = await this.ds.query(
      `SELECT s.inspection_id AS "inspectionId", m.full_name AS name FROM inspection_subject s ${JOIN_MEMBER('m', 's.member_id')}
        WHERE s.inspection_id = ANY($1::uuid[]) ORDER BY s.position`,
      [ids],
    );
    const names = new Map<string, string[]>();
    for (const s of subjects) names.set(s.inspectionId, [...(names.get(s.inspectionId) ?? []), s.name]);
    const disciplines = await this.inspections.disciplinesOf(ids);
    const memberNames = new Map<string, string>(
      (
        await this.ds.query(`SELECT m.id, m.full_name AS name ${MEMBERS_WHERE('m', '= ANY($1::uuid[])')}`, [
          [...disciplines.values()].flat().map((d) => d.memberId),
        ])
      ).map((r: { id: string; name: string }) => [r.id, r.name]),
    );
    const orgs = new Map<string, { code: string; name: string }>(
      (
        await this.ds.query(`SELECT o.id, o.code, o.name ${ORGANISATIONS_WHERE('o', '= ANY($1::uuid[])')}`, [
          [...new Set(page.items.map((i) => i.organisationId))],
        ])
      ).map((o: { id: string; code: string; name: string }) => [o.id, o]),
    );
    const d = (x: string | null) => (x ? formatDateVi(x) : '');
    writeReport(wb, {
      name: 'Kiem tra giam sat',
      title: 'DANH SÁCH CÁC CUỘC KIỂM TRA, GIÁM SÁT ĐẢNG VIÊN',
      subtitle: `${await this.orgs.exportLine(actor, today(), filter?.organisationId)} — xuất ngày ${formatDateVi(today())}; ${page.total} cuộc`,
      headings: [
        'STT',
        'Mã tổ chức',
        'Tổ chức đảng',
        'Chủ thể',
        'Loại',
        'Tên cuộc kiểm tra, giám sát',
        'Nội dung',
        'Đối tượng',
        'Thời kỳ kiểm tra',
        'Kế hoạch từ',
        'Kế hoạch đến',
        'Ngày bắt đầu',
        'Ngày kết luận',
        'Tình trạng',
        'Tính vào chỉ tiêu',
        'Kết luận',
        'Kiến nghị',
        'Kỷ luật',
      ],
      widths: Array.from({ length: 18 }, (_, i) => ([2, 5, 6, 7, 15, 16, 17].includes(i) ? 36 : 14)),
      rows: page.items.map((i, n) => {
        const org = orgs.get(i.organisationId);
        const disc = (disciplines.get(i.id) ?? [])
          .map(
            (x) =>
              `${memberNames.get(x.memberId ?? '') ?? ''}: ${DISCIPLINE_FORM_LABELS[x.form as DisciplineForm]?.vi ?? x.form} (${DECIDING_BODY_LABELS[x.decidingBody as DecidingBody]?.vi ?? x.decidingBody}, ${d(x.decidedOn)})`,
          )
          .join('; ');
        return [
          n + 1,
          org?.code ?? '',
          org?.name ?? '',
          INSPECTING_BODY_LABELS[i.body].vi,
          INSPECTION_TYPE_LABELS[i.type].vi,
          i.title,
          i.contentAreas.join('; '),
          (names.get(i.id) ?? []).join(', '),
          i.reviewFrom || i.reviewTo ? `${d(i.reviewFrom)} – ${d(i.reviewTo)}` : '',
          xlDate(i.plannedFrom),
          xlDate(i.plannedTo),
          xlDate(i.startedOn),
          xlDate(i.concludedOn),
          INSPECTION_STATE_LABELS[i.state].vi,
          i.countsTowardTarget ? 'Có' : 'Không',
          i.conclusion ?? '',
          i.recommendation ?? '',
          disc,
        ];
      }),
    });
  }
}
