import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertInspectionTransition,
  bodyFitsOrganisation,
  countsTowardInspectionTarget,
  defaultDecidingBody,
  DomainError,
  isCellBody,
  throwFieldErrors,
  validateConclusion,
  validateInspectionDates,
  type CodedFieldError,
  type DecidingBody,
  type DisciplineForm,
  type InspectingBody,
  type InspectionType,
  type OrganisationKind,
} from '@chibo/domain';
import { asField, onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { assertOrgVisible, inRangesSql, isUuid, listScope, orgVisibleSql } from '../../common/scope/scope';
import { inSubtree, Params, today, validAt } from '../../database/sql';
import type { Discipline } from '../member/member.model';
import { DisciplineService } from '../member/discipline.service';
import { JOIN_MEMBERSHIP } from '../member/member.sql';
import { JOIN_ORGANISATION, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import {
  Inspection,
  InspectionPlan,
  InspectionSubject,
  type ConcludeInspectionInput,
  type CreateInspectionPlanInput,
  type InspectionFilter,
  type InspectionPlanFieldsInput,
  type InspectionPlanInput,
  type PlanInspectionInput,
  type StartInspectionInput,
  type SubjectFindingsInput,
} from './inspection.model';

/** The date an inspection is placed on (visibility, year): its conclusion, else its start, else its planned start. */
export const INSPECTION_DATE = 'coalesce(i.concluded_on, i.started_on, i.planned_from)';

const COLUMNS = `i.id, i.organisation_id AS "organisationId", i.plan_id AS "planId", i.body, i.type, i.title, i.content_areas AS "contentAreas",
  i.method, i.review_from AS "reviewFrom", i.review_to AS "reviewTo", i.planned_from AS "plannedFrom", i.planned_to AS "plannedTo",
  i.started_on AS "startedOn", i.concluded_on AS "concludedOn", i.state, i.conclusion, i.recommendation, i.cancelled_reason AS "cancelledReason",
  ${INSPECTION_DATE} AS "asOf"`;

const PLAN_COLUMNS = `p.id, p.organisation_id AS "organisationId", p.year, p.purpose, p.content, p.review_from AS "reviewFrom", p.review_to AS "reviewTo",
  p.timing, p.method, p.adopted_on AS "adoptedOn", p.note,
  coalesce((SELECT array_agg(ps.member_id::text ORDER BY ps.position) FROM inspection_plan_subject ps WHERE ps.plan_id = p.id), '{}') AS "subjectMemberIds"`;

const FIELD_COLUMNS: Record<Exclude<keyof InspectionPlanFieldsInput, 'subjectMemberIds'>, string> = {
  title: 'title', contentAreas: 'content_areas', method: 'method', reviewFrom: 'review_from', reviewTo: 'review_to', plannedFrom: 'planned_from', plannedTo: 'planned_to',
};
const PLAN_FIELD_COLUMNS: Record<Exclude<keyof InspectionPlanInput, 'subjectMemberIds'>, string> = {
  purpose: 'purpose', content: 'content', reviewFrom: 'review_from', reviewTo: 'review_to', timing: 'timing', method: 'method', adoptedOn: 'adopted_on', note: 'note',
};

const toModel = (row: Record<string, unknown>): Inspection =>
  Object.assign(new Inspection(), row, { countsTowardTarget: isCellBody(row.body as InspectingBody) && countsTowardInspectionTarget(row.type as InspectionType) });

/**
 * Inspections are not for members (MEMBER grant): reads use the caller's read roots only, never the member's own cell,
 * so a member gets NOT_FOUND here exactly as for something that does not exist.
 */
export const inspectionReader = (actor: Actor): Actor => ({ ...actor, ownCellIds: [] });

const yearBounds = (year: number): [string, string] => [`${String(year).padStart(4, '0')}-01-01`, `${String(year).padStart(4, '0')}-12-31`];

/**
 * Inspection and supervision records (docs/rules.md#r-inspection-records): yearly plans, inspections with subjects and findings, and the
 * conclusion with its discipline decisions (written through DisciplineService, in the same transaction).
 * Who reads: readers of the inspecting organisation's subtree, on the inspection's date or today (a moved cell's
 * inspections follow it to its new committee). Who writes: writers of the inspecting organisation today: committee
 * staff for any body, a cell secretary for their own cell, whose bodies are CELL and CELL_COMMITTEE only.
 */
@Injectable()
export class InspectionService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly disciplines: DisciplineService,
  ) {}

  /** SQL condition: inspection `i` is visible to the actor. */
  visibleSql(actor: Actor, p: Params): string {
    if (actor.isAdmin) return 'TRUE';
    const r = inspectionReader(actor);
    if (!r.readRoots.length) return 'FALSE';
    return `(${orgVisibleSql(r, 'i.organisation_id', p, p.add(today()))} OR ${orgVisibleSql(r, 'i.organisation_id', p, INSPECTION_DATE)})`;
  }

  async findVisible(actor: Actor, ids: readonly string[], m: EntityManager = this.ds.manager): Promise<Inspection[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const p = new Params();
    const idsP = p.add(valid);
    const rows = await m.query(`SELECT ${COLUMNS} FROM inspection i WHERE i.id = ANY(${idsP}::uuid[]) AND ${this.visibleSql(actor, p)}`, p.values);
    return rows.map(toModel);
  }

  async get(actor: Actor, id: string): Promise<Inspection> {
    const [found] = await this.findVisible(actor, [id]);
    if (!found) throw new DomainError('NOT_FOUND', 'Inspection not found', 'id');
    return found;
  }

  private async where(actor: Actor, filter: InspectionFilter | undefined, p: Params): Promise<string[]> {
    const where = [this.visibleSql(actor, p)];
    if (filter?.organisationId) {
      const d = filter.asOf ?? today();
      // Visibility checked and the organisation's path on asOf read in one statement, as a constant path range.
      const ranges = await listScope(this.ds.manager, inspectionReader(actor), filter.organisationId, d, { rule: 'valid' }).catch(asField('organisationId'));
      const dP = p.add(d);
      // The tree on asOf: inspections by organisations then under it (a moved cell's inspections follow the cell).
      where.push(`i.organisation_id IN (SELECT ip.organisation_id FROM organisation_placement ip WHERE ${validAt('ip', dP)} AND ${inRangesSql('ip', ranges, p)})`);
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
    if (filter?.memberId) where.push(`EXISTS (SELECT 1 FROM inspection_subject fs WHERE fs.inspection_id = i.id AND fs.member_id = ${p.add(isUuid(filter.memberId) ? filter.memberId : null)}::uuid)`);
    if (filter?.planId) where.push(`i.plan_id = ${p.add(isUuid(filter.planId) ? filter.planId : null)}::uuid`);
    return where;
  }

  async list(actor: Actor, filter: InspectionFilter | undefined, page: PageInput | undefined): Promise<Page<Inspection>> {
    const { offset, limit } = pageOf(page);
    return this.query(actor, filter, offset, limit);
  }

  /** The list without the page-size cap (exports). */
  async query(actor: Actor, filter: InspectionFilter | undefined, offset: number, limit: number): Promise<Page<Inspection>> {
    const p = new Params();
    const sql = `FROM inspection i WHERE ${(await this.where(actor, filter, p)).join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, p.values);
    const rows = await this.ds.query(`SELECT ${COLUMNS} ${sql} ORDER BY ${INSPECTION_DATE} DESC, i.created_at DESC, i.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`, p.values);
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

  // ---------------------------------------------------------------- plans

  /** SQL condition: plan `p` is visible (its organisation readable today or at the plan year's end). */
  private planVisibleSql(actor: Actor, q: Params): string {
    if (actor.isAdmin) return 'TRUE';
    const r = inspectionReader(actor);
    if (!r.readRoots.length) return 'FALSE';
    return `(${orgVisibleSql(r, 'p.organisation_id', q, q.add(today()))} OR ${orgVisibleSql(r, 'p.organisation_id', q, `make_date(p.year, 12, 31)`)})`;
  }

  async findPlans(actor: Actor, ids: readonly string[], m: EntityManager = this.ds.manager): Promise<InspectionPlan[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const q = new Params();
    const idsP = q.add(valid);
    const rows = await m.query(`SELECT ${PLAN_COLUMNS} FROM inspection_plan p WHERE p.id = ANY(${idsP}::uuid[]) AND ${this.planVisibleSql(actor, q)}`, q.values);
    return rows.map((r: Record<string, unknown>) => Object.assign(new InspectionPlan(), r));
  }

  async getPlan(actor: Actor, id: string): Promise<InspectionPlan> {
    const [found] = await this.findPlans(actor, [id]);
    if (!found) throw new DomainError('NOT_FOUND', 'Inspection plan not found', 'id');
    return found;
  }

  /** Plans of the organisation and everything under it (the tree on 31 December of each plan's year, or today). */
  async plans(actor: Actor, f: { organisationId?: string; year?: number }, page: PageInput | undefined): Promise<Page<InspectionPlan>> {
    const { offset, limit } = pageOf(page);
    const q = new Params();
    const where = [this.planVisibleSql(actor, q)];
    if (f.organisationId) {
      const d = f.year ? yearBounds(f.year)[1] : today();
      await assertOrgVisible(this.ds.manager, inspectionReader(actor), f.organisationId, d < today() ? d : today()).catch(asField('organisationId'));
      const dP = q.add(d < today() ? d : today());
      where.push(`EXISTS (SELECT 1 FROM organisation_placement fp JOIN organisation_placement pp ON pp.organisation_id = p.organisation_id AND ${validAt('pp', dP)}
        AND ${inSubtree('pp', 'fp.path')} WHERE fp.organisation_id = ${q.add(f.organisationId)}::uuid AND ${validAt('fp', dP)})`);
    }
    if (f.year) where.push(`p.year = ${q.add(f.year)}::int`);
    const sql = `FROM inspection_plan p ${JOIN_ORGANISATION('o', 'p.organisation_id')} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, q.values);
    const rows = await this.ds.query(`SELECT ${PLAN_COLUMNS} ${sql} ORDER BY p.year DESC, o.code, p.id OFFSET ${q.add(offset)} LIMIT ${q.add(limit)}`, q.values);
    return { items: rows.map((r: Record<string, unknown>) => Object.assign(new InspectionPlan(), r)), total, offset, limit };
  }

  async createPlan(caller: Caller, input: CreateInspectionPlanInput): Promise<InspectionPlan> {
    const id = await this.ds.transaction(async (m) => {
      const [first, last] = yearBounds(input.year);
      const t = today();
      const d = input.adoptedOn ?? (t < first ? first : t > last ? last : t);
      const kind = await this.assertWritableOrg(m, caller.actor, input.organisationId, t, 'organisationId');
      if (kind === 'PARTY_GROUP') throw new DomainError('VALIDATION', 'Plans belong to cells and committees, not to party groups', 'organisationId');
      throwFieldErrors(validateInspectionDates({ reviewFrom: input.reviewFrom, reviewTo: input.reviewTo }, t));
      const [dup] = await m.query(`SELECT id FROM inspection_plan WHERE organisation_id = $1 AND year = $2`, [input.organisationId, input.year]);
      if (dup) throw new DomainError('CONFLICT', `This organisation already has a plan for ${input.year}; change it with updateInspectionPlan`, 'year', { existingId: dup.id });
      const subjects = input.subjectMemberIds ?? [];
      await this.assertSubjects(m, input.organisationId, d, subjects, 'subjectMemberIds');
      const [row] = await m.query(
        `INSERT INTO inspection_plan (organisation_id, year, purpose, content, review_from, review_to, timing, method, adopted_on, note)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [input.organisationId, input.year, input.purpose, input.content, input.reviewFrom ?? null, input.reviewTo ?? null, input.timing ?? null,
          input.method ?? null, input.adoptedOn ?? null, input.note ?? null],
      );
      await this.setPlanSubjects(m, row.id, subjects);
      await this.audit.record(m, caller, { operation: 'createInspectionPlan', entityType: 'inspection_plan', entityId: row.id, after: input });
      return row.id as string;
    });
    return this.getPlan(caller.actor, id);
  }

  async updatePlan(caller: Caller, id: string, input: InspectionPlanInput): Promise<InspectionPlan> {
    await this.ds.transaction(async (m) => {
      const [before] = await this.findPlans(caller.actor, [id], m);
      if (!before) throw new DomainError('NOT_FOUND', 'Inspection plan not found', 'id');
      await m.query(`SELECT 1 FROM inspection_plan WHERE id = $1 FOR UPDATE`, [id]);
      const [first, last] = yearBounds(before.year);
      const t = today();
      const d = input.adoptedOn ?? before.adoptedOn ?? (t < first ? first : t > last ? last : t);
      await this.assertWritableOrg(m, caller.actor, before.organisationId, t, 'id');
      throwFieldErrors(validateInspectionDates({ reviewFrom: input.reviewFrom ?? before.reviewFrom, reviewTo: input.reviewTo ?? before.reviewTo }, t));
      if (input.subjectMemberIds) {
        await this.assertSubjects(m, before.organisationId, d, input.subjectMemberIds, 'subjectMemberIds');
        await this.setPlanSubjects(m, id, input.subjectMemberIds);
      }
      await this.setColumns(m, 'inspection_plan', id, input, PLAN_FIELD_COLUMNS);
      await this.audit.record(m, caller, { operation: 'updateInspectionPlan', entityType: 'inspection_plan', entityId: id, before, after: input });
    });
    return this.getPlan(caller.actor, id);
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

  // ---------------------------------------------------------------- inspections: writes

  async plan(caller: Caller, input: PlanInspectionInput): Promise<Inspection> {
    const id = await this.ds.transaction(async (m) => {
      const kind = await this.assertWritableOrg(m, caller.actor, input.organisationId, today(), 'organisationId');
      if (!bodyFitsOrganisation(input.body, kind)) {
        throw new DomainError('VALIDATION', isCellBody(input.body) ? 'A cell or its chi ủy inspects only as a cell: pick a cell' : 'This body belongs to a committee, not to a cell', 'body', { body: input.body, kind });
      }
      await this.assertPlacedOn(m, input.organisationId, input.plannedFrom, 'plannedFrom');
      throwFieldErrors(validateInspectionDates(input, today()));
      if (input.planId) await this.assertPlanOf(m, caller.actor, input.planId, input.organisationId);
      if (!input.subjectMemberIds.length) throw new DomainError('VALIDATION', 'An inspection needs at least one member to inspect', 'subjectMemberIds');
      await this.assertSubjects(m, input.organisationId, input.plannedFrom, input.subjectMemberIds, 'subjectMemberIds');
      const [row] = await m.query(
        `INSERT INTO inspection (organisation_id, plan_id, body, type, title, content_areas, method, review_from, review_to, planned_from, planned_to)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [input.organisationId, input.planId ?? null, input.body, input.type, input.title, JSON.stringify(input.contentAreas ?? []), input.method ?? null,
          input.reviewFrom ?? null, input.reviewTo ?? null, input.plannedFrom, input.plannedTo ?? null],
      );
      await this.setSubjects(m, row.id, input.subjectMemberIds);
      await this.audit.record(m, caller, { operation: 'planInspection', entityType: 'inspection', entityId: row.id, after: input, organisationId: input.organisationId });
      return row.id as string;
    });
    return this.get(caller.actor, id);
  }

  /** Change the plan of an inspection that is not concluded; the subjects only while it is planned. */
  async update(caller: Caller, id: string, input: InspectionPlanFieldsInput): Promise<Inspection> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      if (before.state !== 'PLANNED' && before.state !== 'IN_PROGRESS') throw new DomainError('CONFLICT', `The inspection is ${before.state.toLowerCase()}`, 'id');
      const plannedFrom = input.plannedFrom ?? before.plannedFrom;
      throwFieldErrors(
        validateInspectionDates(
          { reviewFrom: input.reviewFrom ?? before.reviewFrom, reviewTo: input.reviewTo ?? before.reviewTo, plannedFrom, plannedTo: input.plannedTo ?? before.plannedTo },
          today(),
        ),
      );
      if (input.plannedFrom && input.plannedFrom !== before.plannedFrom) await this.assertPlacedOn(m, before.organisationId, input.plannedFrom, 'plannedFrom');
      if (input.subjectMemberIds) {
        if (before.state !== 'PLANNED') throw new DomainError('CONFLICT', 'The members inspected change only while the inspection is planned', 'subjectMemberIds');
        if (!input.subjectMemberIds.length) throw new DomainError('VALIDATION', 'An inspection needs at least one member to inspect', 'subjectMemberIds');
        await this.assertSubjects(m, before.organisationId, plannedFrom, input.subjectMemberIds, 'subjectMemberIds');
        await this.setSubjects(m, id, input.subjectMemberIds);
      }
      const { subjectMemberIds: _s, ...fields } = input;
      await this.setColumns(m, 'inspection', id, { ...fields, contentAreas: input.contentAreas ? JSON.stringify(input.contentAreas) : undefined }, FIELD_COLUMNS);
      await this.audit.record(m, caller, { operation: 'updateInspection', entityType: 'inspection', entityId: id, before, after: input });
    });
    return this.get(caller.actor, id);
  }

  async start(caller: Caller, id: string, input: StartInspectionInput): Promise<Inspection> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      assertInspectionTransition(before.state, 'IN_PROGRESS');
      throwFieldErrors(validateInspectionDates({ startedOn: input.startedOn }, today()));
      const subjects = await this.subjectIdsIn(m, id);
      const findings = input.subjects ?? [];
      const errors: CodedFieldError[] = [];
      findings.forEach((s, i) => {
        if (!subjects.includes(s.memberId)) errors.push({ field: `subjects.${i}.memberId`, reason: 'not a subject of this inspection', code: 'VALIDATION' });
        if (s.discipline) errors.push({ field: `subjects.${i}.discipline`, reason: 'discipline is decided with the conclusion (concludeInspection)', code: 'VALIDATION' });
      });
      throwFieldErrors(errors);
      await m.query(`UPDATE inspection SET state = 'IN_PROGRESS', started_on = $2, updated_at = now() WHERE id = $1`, [id, input.startedOn]);
      await this.applyFindings(m, id, findings);
      await this.audit.record(m, caller, { operation: 'startInspection', entityType: 'inspection', entityId: id, before: { state: before.state }, after: input, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

  /**
   * The conclusion, the findings per member and the discipline decisions, in one transaction: every check runs first
   * (libs' validateConclusion: dates, text, subjects, forms and authority), and any failure writes nothing.
   */
  async conclude(caller: Caller, id: string, input: ConcludeInspectionInput): Promise<Inspection> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      assertInspectionTransition(before.state, 'CONCLUDED');
      const startedOn = input.startedOn ?? before.startedOn;
      const subjectIds = await this.subjectIdsIn(m, id);
      const findings = input.subjects ?? [];
      const [{ kind, parentId }] = await m.query(
        `SELECT o.kind, (SELECT pl.parent_id FROM organisation_placement pl WHERE pl.organisation_id = o.id AND ${validAt('pl', '$2')}) AS "parentId"
           ${ORGANISATIONS_WHERE('o', '= $1')}`,
        [before.organisationId, today()],
      );
      const decisions = findings.map((s) => {
        if (!s.discipline) return null;
        return {
          form: s.discipline.form as DisciplineForm,
          decidingBody: (s.discipline.decidingBody as DecidingBody | undefined) ?? defaultDecidingBody(before.body, kind as OrganisationKind),
          decidedOn: s.discipline.decidedOn ?? input.concludedOn,
          reason: s.discipline.reason,
        };
      });
      const statuses = new Map<string, string>();
      for (const d of new Set(decisions.filter((x) => x !== null).map((x) => x!.decidedOn))) {
        const ids = findings.filter((_, i) => decisions[i]?.decidedOn === d).map((s) => s.memberId);
        for (const [memberId, status] of await this.disciplines.statusesOn(ids, d, m)) statuses.set(`${memberId}|${d}`, status);
      }
      throwFieldErrors(
        validateConclusion({
          type: before.type,
          subjectIds,
          startedOn,
          concludedOn: input.concludedOn,
          conclusion: input.conclusion,
          subjects: findings.map((s, i) => {
            const d = decisions[i];
            return { memberId: s.memberId, discipline: d ? { ...d, memberStatus: (statuses.get(`${s.memberId}|${d.decidedOn}`) ?? 'FULL') as never } : null };
          }),
          today: today(),
        }),
      );
      // A decision of a body above the cell is recorded by those who may write the committee above it.
      for (const [i, d] of decisions.entries()) {
        if (!d || !isCellBody(before.body) || d.decidingBody === 'CELL' || d.decidingBody === 'CELL_COMMITTEE') continue;
        const allowed = parentId ? await assertOrgVisible(m, caller.actor, parentId, today(), true).then(() => true, () => false) : caller.actor.isAdmin;
        if (!allowed) {
          throw new DomainError('FORBIDDEN', 'A decision of a body above the cell is recorded by the committee above it', `subjects.${i}.discipline.decidingBody`);
        }
      }
      await m.query(
        `UPDATE inspection SET state = 'CONCLUDED', started_on = $2, concluded_on = $3, conclusion = $4, recommendation = coalesce($5, recommendation), updated_at = now() WHERE id = $1`,
        [id, startedOn, input.concludedOn, input.conclusion, input.recommendation ?? null],
      );
      await this.applyFindings(m, id, findings);
      for (const [i, finding] of findings.entries()) {
        const d = decisions[i];
        if (!d) continue;
        await this.disciplines.recordDisciplineIn(
          m,
          caller,
          { memberId: finding.memberId, form: d.form, decidingBody: d.decidingBody, decidedOn: d.decidedOn, reason: d.reason ?? `Theo kết luận kiểm tra: ${before.title}` },
          id,
        );
      }
      await this.audit.record(m, caller, { operation: 'concludeInspection', entityType: 'inspection', entityId: id, before, after: input, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

  async cancel(caller: Caller, id: string, reason: string): Promise<Inspection> {
    if (!reason.trim()) throw new DomainError('VALIDATION', 'Cancelling needs a reason', 'reason');
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      assertInspectionTransition(before.state, 'CANCELLED');
      await m.query(`UPDATE inspection SET state = 'CANCELLED', cancelled_reason = $2, updated_at = now() WHERE id = $1`, [id, reason]);
      await this.audit.record(m, caller, { operation: 'cancelInspection', entityType: 'inspection', entityId: id, before: { state: before.state }, after: { state: 'CANCELLED', reason }, organisationId: before.organisationId });
    });
    return this.get(caller.actor, id);
  }

  // ---------------------------------------------------------------- helpers

  /** The inspection, locked, if the caller may change it (the inspecting organisation is in their write scope today). */
  private async lock(m: EntityManager, caller: Caller, id: string): Promise<Inspection> {
    const [found] = await this.findVisible(caller.actor, [id], m);
    if (!found) throw new DomainError('NOT_FOUND', 'Inspection not found', 'id');
    await m.query(`SELECT 1 FROM inspection WHERE id = $1 FOR UPDATE`, [id]);
    await assertOrgVisible(m, inspectionReader(caller.actor), found.organisationId, today(), true).catch(onDomainError((e) => e.code === 'NOT_FOUND' ? new DomainError('FORBIDDEN', 'You may see this inspection but not change it', 'id') : e));
    return found;
  }

  /** Write access to an organisation (NOT_FOUND outside the read scope, FORBIDDEN when only readable); returns its kind. */
  private async assertWritableOrg(m: EntityManager, actor: Actor, orgId: string, d: string, field: string): Promise<OrganisationKind> {
    await assertOrgVisible(m, inspectionReader(actor), orgId, d, true).catch(asField(field));
    const [row] = await m.query(`SELECT o.kind ${ORGANISATIONS_WHERE('o', '= $1')}`, [orgId]);
    return row.kind as OrganisationKind;
  }

  private async assertPlacedOn(m: EntityManager, orgId: string, d: string, field: string): Promise<void> {
    const [row] = await m.query(`SELECT 1 FROM organisation_placement pl WHERE pl.organisation_id = $1 AND ${validAt('pl', '$2')}`, [orgId, d]);
    if (!row) throw new DomainError('ORGANISATION_DISSOLVED', `The organisation does not exist on ${d} (dissolved, or not yet established)`, field);
  }

  private async assertPlanOf(m: EntityManager, actor: Actor, planId: string, orgId: string): Promise<void> {
    const [plan] = await this.findPlans(actor, [planId], m);
    if (!plan) throw new DomainError('NOT_FOUND', 'Inspection plan not found', 'planId');
    if (plan.organisationId !== orgId) throw new DomainError('VALIDATION', 'The plan belongs to another organisation', 'planId');
  }

  /**
   * Each member must belong, on date `d`, to the inspecting cell or to a cell under the inspecting committee (a
   * permanent member or one hosted on a temporary transfer). Otherwise INSPECTION_SUBJECT_NOT_IN_CELL on
   * `<field>.<i>`, every bad one listed; the same member twice is VALIDATION.
   */
  private async assertSubjects(m: EntityManager, orgId: string, d: string, memberIds: readonly string[], field: string): Promise<void> {
    const errors: CodedFieldError[] = [];
    memberIds.forEach((id, i) => {
      if (memberIds.indexOf(id) !== i) errors.push({ field: `${field}.${i}`, reason: 'the same member is listed twice', code: 'VALIDATION' });
    });
    throwFieldErrors(errors);
    if (!memberIds.length) return;
    const rows: { memberId: string }[] = await m.query(
      `SELECT DISTINCT ms.member_id AS "memberId"
         FROM organisation_placement rp
         JOIN organisation_placement mp ON ${inSubtree('mp', 'rp.path')} AND ${validAt('mp', '$2')}
         ${JOIN_MEMBERSHIP('ms', 'ms.organisation_id = mp.organisation_id AND ms.member_id = ANY($3::uuid[])', '$2')}
        WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')}`,
      [orgId, d, memberIds.filter(isUuid)],
    );
    const ok = new Set(rows.map((r) => r.memberId));
    memberIds.forEach((id, i) => {
      if (!ok.has(id)) errors.push({ field: `${field}.${i}`, reason: `not a member of the inspecting cell (or of a cell under the inspecting committee) on ${d}`, code: 'INSPECTION_SUBJECT_NOT_IN_CELL' });
    });
    throwFieldErrors(errors, errors.length ? `Not a member of the inspecting organisation on ${d}: ${errors.map((e) => e.field).join(', ')}` : undefined);
  }

  private async subjectIdsIn(m: EntityManager, inspectionId: string): Promise<string[]> {
    const rows: { memberId: string }[] = await m.query(`SELECT member_id AS "memberId" FROM inspection_subject WHERE inspection_id = $1 ORDER BY position`, [inspectionId]);
    return rows.map((r) => r.memberId);
  }

  private async setSubjects(m: EntityManager, inspectionId: string, memberIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM inspection_subject WHERE inspection_id = $1`, [inspectionId]);
    await m.query(
      `INSERT INTO inspection_subject (inspection_id, member_id, position) SELECT $1, u.mid, u.pos FROM unnest($2::uuid[]) WITH ORDINALITY AS u(mid, pos)`,
      [inspectionId, memberIds],
    );
  }

  private async setPlanSubjects(m: EntityManager, planId: string, memberIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM inspection_plan_subject WHERE plan_id = $1`, [planId]);
    if (!memberIds.length) return;
    await m.query(
      `INSERT INTO inspection_plan_subject (plan_id, member_id, position) SELECT $1, u.mid, u.pos FROM unnest($2::uuid[]) WITH ORDINALITY AS u(mid, pos)`,
      [planId, memberIds],
    );
  }

  /** Findings per subject in one statement; omitted fields keep their value. */
  private async applyFindings(m: EntityManager, inspectionId: string, findings: readonly SubjectFindingsInput[]): Promise<void> {
    if (!findings.length) return;
    const col = (f: (s: SubjectFindingsInput) => string | undefined) => findings.map((s) => f(s) ?? null);
    await m.query(
      `UPDATE inspection_subject s SET self_report = coalesce(u.self_report, s.self_report), strengths = coalesce(u.strengths, s.strengths),
              shortcomings = coalesce(u.shortcomings, s.shortcomings), violations = coalesce(u.violations, s.violations), conclusion = coalesce(u.conclusion, s.conclusion)
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(mid, self_report, strengths, shortcomings, violations, conclusion)
        WHERE s.inspection_id = $1 AND s.member_id = u.mid`,
      [inspectionId, findings.map((s) => s.memberId), col((s) => s.selfReport), col((s) => s.strengths), col((s) => s.shortcomings), col((s) => s.violations), col((s) => s.conclusion)],
    );
  }

  private async setColumns<T extends object>(m: EntityManager, table: 'inspection' | 'inspection_plan', id: string, input: T, columns: Record<string, string>): Promise<void> {
    const entries = Object.entries(columns).filter(([k]) => (input as Record<string, unknown>)[k] !== undefined);
    if (!entries.length) return;
    const p = new Params();
    const sets = entries.map(([k, c]) => `${c} = ${p.add((input as Record<string, unknown>)[k])}`);
    await m.query(`UPDATE ${table} SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }
}
