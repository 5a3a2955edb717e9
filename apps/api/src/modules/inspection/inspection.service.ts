import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  countsTowardInspectionTarget,
  DomainError,
  isCellBody,
  type InspectingBody,
  type InspectionType,
} from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { countAndPage, pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { inRangesSql, isUuid, listScope, orgVisibleSetSql, orgVisibleSql } from '../../common/scope/scope';
import { Params, today, validAt } from '../../database/sql';
import { DisciplineService } from '../member/discipline.service';
import type { Discipline } from '../member/member.model';
import { Inspection, InspectionSubject, type InspectionFilter } from './inspection.model';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

/** The date an inspection is placed on (visibility, year): its conclusion, else its start, else its planned start. */
export const INSPECTION_DATE = 'coalesce(i.concluded_on, i.started_on, i.planned_from)';

const COLUMNS = `i.id, i.organisation_id AS "organisationId", i.plan_id AS "planId", i.body, i.type, i.title, i.content_areas AS "contentAreas",
  i.method, i.review_from AS "reviewFrom", i.review_to AS "reviewTo", i.planned_from AS "plannedFrom", i.planned_to AS "plannedTo",
  i.started_on AS "startedOn", i.concluded_on AS "concludedOn", i.state, i.conclusion, i.recommendation, i.cancelled_reason AS "cancelledReason",
  ${INSPECTION_DATE} AS "asOf"`;

const toModel = (row: Record<string, unknown>): Inspection =>
  Object.assign(new Inspection(), row, {
    countsTowardTarget:
      isCellBody(row.body as InspectingBody) && countsTowardInspectionTarget(row.type as InspectionType),
  });

/**
 * Inspections are not for members (MEMBER grant): reads use the caller's read roots only, never the member's own cell,
 * so a member gets NOT_FOUND here exactly as for something that does not exist.
 */
export const inspectionReader = (actor: Actor): Actor => ({ ...actor, ownCellIds: [] });

/** The first and last day of a year, as dates. */
export const yearBounds = (year: number): [string, string] => [
  `${String(year).padStart(4, '0')}-01-01`,
  `${String(year).padStart(4, '0')}-12-31`,
];

/**
 * SQL condition: organisation `orgExpr` is readable by the actor as an inspection reader today or on the date
 * expression `on` (a record's own date: a moved cell's records follow it). `many`: the statement tests many rows (a
 * list not limited to a small subtree), so today's part is one set built once (orgVisibleSetSql) instead of a look-up
 * per row; it comes first, and PostgreSQL evaluates an OR's arms in order, so the per-row look-up on `on` runs only
 * for the rows not readable today. ×30, the root's inspections: 2.6 s → 0.3 s.
 */
export const readableTodayOrOnSql = (actor: Actor, orgExpr: string, p: Params, on: string, many: boolean): string => {
  if (actor.isAdmin) return 'TRUE';
  const r = inspectionReader(actor);
  if (!r.readRoots.length) return 'FALSE';
  const now = p.add(today());
  const todays = many ? orgVisibleSetSql(r, orgExpr, p, now) : orgVisibleSql(r, orgExpr, p, now);
  return `(${todays} OR ${orgVisibleSql(r, orgExpr, p, on)})`;
};

/**
 * Inspection and supervision records (docs/rules.md#r-inspection-records): who reads which inspection, and the reads
 * (one, the list, subjects with findings, discipline decided on them, the inspections of plans). Who reads: readers
 * of the inspecting organisation's subtree, on the inspection's date or today (a moved cell's inspections follow it
 * to its new committee). The writes are InspectionWriteService's, the yearly plans InspectionPlanService's.
 */
@Injectable()
export class InspectionService {
  constructor(
    private readonly ds: DataSource,
    private readonly disciplines: DisciplineService,
    private readonly tree: KeptTreeReads,
  ) {}

  /** SQL condition: inspection `i` is visible to the actor (`many`: see readableTodayOrOnSql). */
  visibleSql(actor: Actor, p: Params, many = false): string {
    return readableTodayOrOnSql(actor, 'i.organisation_id', p, INSPECTION_DATE, many);
  }

  async findVisible(actor: Actor, ids: readonly string[], m: EntityManager = this.ds.manager): Promise<Inspection[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const p = new Params();
    const idsP = p.add(valid);
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM inspection i WHERE i.id = ANY(${idsP}::uuid[]) AND ${this.visibleSql(actor, p)}`,
      p.values,
    );
    return rows.map(toModel);
  }

  async get(actor: Actor, id: string): Promise<Inspection> {
    const [found] = await this.findVisible(actor, [id]);
    if (!found) throw new DomainError('NOT_FOUND', 'Inspection not found', 'id');
    return found;
  }

  private async where(actor: Actor, filter: InspectionFilter | undefined, p: Params): Promise<string[]> {
    const where: string[] = [];
    let small = false;
    if (filter?.organisationId) {
      const d = filter.asOf ?? today();
      // Visibility checked and the organisation's path on asOf read in one statement, as a constant path range.
      const ranges = await listScope(this.tree, inspectionReader(actor), filter.organisationId, d, {
        rule: 'valid',
      }).catch(asField('organisationId'));
      small = !!ranges?.every((r) => r.small);
      const dP = p.add(d);
      // The tree on asOf: inspections by organisations then under it (a moved cell's inspections follow the cell).
      where.push(
        `i.organisation_id IN (SELECT ip.organisation_id FROM organisation_placement ip WHERE ${validAt('ip', dP)} AND ${inRangesSql('ip', ranges, p)})`,
      );
    }
    if (filter?.year) {
      const [first, last] = yearBounds(filter.year);
      where.push(`${INSPECTION_DATE} BETWEEN ${p.add(first)}::date AND ${p.add(last)}::date`);
    }
    if (filter?.from) where.push(`${INSPECTION_DATE} >= ${p.add(filter.from)}::date`);
    if (filter?.to) where.push(`${INSPECTION_DATE} <= ${p.add(filter.to)}::date`);
    if (filter?.states?.length) where.push(`i.state = ANY(${p.add(filter.states)}::text[])`);
    if (filter?.types?.length) where.push(`i.type = ANY(${p.add(filter.types)}::text[])`);
    if (filter?.bodies?.length) where.push(`i.body = ANY(${p.add(filter.bodies)}::text[])`);
    if (filter?.memberId)
      where.push(
        `EXISTS (SELECT 1 FROM inspection_subject fs WHERE fs.inspection_id = i.id AND fs.member_id = ${p.add(isUuid(filter.memberId) ? filter.memberId : null)}::uuid)`,
      );
    if (filter?.planId) where.push(`i.plan_id = ${p.add(isUuid(filter.planId) ? filter.planId : null)}::uuid`);
    return [this.visibleSql(actor, p, !small), ...where];
  }

  async list(
    actor: Actor,
    filter: InspectionFilter | undefined,
    page: PageInput | undefined,
  ): Promise<Page<Inspection>> {
    const { offset, limit } = pageOf(page);
    return this.query(actor, filter, offset, limit);
  }

  /** The list without the page-size cap (exports). */
  async query(
    actor: Actor,
    filter: InspectionFilter | undefined,
    offset: number,
    limit: number,
  ): Promise<Page<Inspection>> {
    const p = new Params();
    const sql = `FROM inspection i WHERE ${(await this.where(actor, filter, p)).join(' AND ')}`;
    const { total, rows } = await countAndPage(
      this.ds,
      sql,
      `SELECT ${COLUMNS} ${sql} ORDER BY ${INSPECTION_DATE} DESC, i.created_at DESC, i.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return { items: rows.map(toModel), total, offset, limit };
  }

  async subjectsOf(inspectionIds: readonly string[]): Promise<Map<string, InspectionSubject[]>> {
    const rows = await this.ds.query(
      `SELECT s.inspection_id AS "inspectionId", s.member_id AS "memberId", s.self_report AS "selfReport", s.strengths, s.shortcomings, s.violations,
              s.conclusion, ${INSPECTION_DATE} AS "asOf"
         FROM inspection_subject s JOIN inspection i ON i.id = s.inspection_id WHERE s.inspection_id = ANY($1::uuid[]) ORDER BY s.position, s.member_id`,
      [inspectionIds.filter(isUuid)],
    );
    const out = new Map<string, InspectionSubject[]>(inspectionIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.inspectionId)?.push(Object.assign(new InspectionSubject(), r));
    return out;
  }

  /** Discipline decisions taken on these inspections' conclusions. */
  disciplinesOf(inspectionIds: readonly string[]): Promise<Map<string, Discipline[]>> {
    return this.disciplines.disciplinesOfInspections(inspectionIds);
  }

  /** Inspections of these plans that the actor may see. */
  async inspectionsOfPlans(actor: Actor, planIds: readonly string[]): Promise<Map<string, Inspection[]>> {
    const p = new Params();
    const idsP = p.add(planIds.filter(isUuid));
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM inspection i WHERE i.plan_id = ANY(${idsP}::uuid[]) AND ${this.visibleSql(actor, p)} ORDER BY i.planned_from, i.id`,
      p.values,
    );
    const out = new Map<string, Inspection[]>(planIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.planId)?.push(toModel(r));
    return out;
  }
}
