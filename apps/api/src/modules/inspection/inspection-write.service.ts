import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertInspectionTransition,
  bodyFitsOrganisation,
  defaultDecidingBody,
  DomainError,
  isCellBody,
  throwFieldErrors,
  validateConclusion,
  validateInspectionDates,
  type CodedFieldError,
  type DecidingBody,
  type DisciplineForm,
  type OrganisationKind,
} from '@chibo/domain';
import { onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible } from '../../common/scope/scope';
import { today, validAt } from '../../database/sql';
import { DisciplineService } from '../member/discipline.service';
import { ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import type {
  ConcludeInspectionInput,
  Inspection,
  InspectionPlanFieldsInput,
  PlanInspectionInput,
  StartInspectionInput,
  SubjectFindingsInput,
} from './inspection.model';
import { InspectionPlanService } from './inspection-plan.service';
import { inspectionReader, InspectionService } from './inspection.service';
import { assertSubjects, assertWritableOrg, setColumns } from './inspection-writes';

const FIELD_COLUMNS: Record<Exclude<keyof InspectionPlanFieldsInput, 'subjectMemberIds'>, string> = {
  title: 'title',
  contentAreas: 'content_areas',
  method: 'method',
  reviewFrom: 'review_from',
  reviewTo: 'review_to',
  plannedFrom: 'planned_from',
  plannedTo: 'planned_to',
};

/**
 * Inspection writes: writers of the inspecting organisation today plan an inspection, change it, start it, conclude
 * it with the findings per member and the discipline decisions (written through DisciplineService, in the same
 * transaction), or cancel it. Committee staff write for any body, a cell secretary for their own cell, whose bodies
 * are CELL and CELL_COMMITTEE only.
 */
@Injectable()
export class InspectionWriteService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly inspections: InspectionService,
    private readonly plans: InspectionPlanService,
    private readonly disciplines: DisciplineService,
  ) {}

  async plan(caller: Caller, input: PlanInspectionInput): Promise<Inspection> {
    const id = await this.ds.transaction(async (m) => {
      const kind = await assertWritableOrg(m, caller.actor, input.organisationId, today(), 'organisationId');
      if (!bodyFitsOrganisation(input.body, kind)) {
        throw new DomainError(
          'VALIDATION',
          isCellBody(input.body)
            ? 'A cell or its chi ủy inspects only as a cell: pick a cell'
            : 'This body belongs to a committee, not to a cell',
          'body',
          { body: input.body, kind },
        );
      }
      await this.assertPlacedOn(m, input.organisationId, input.plannedFrom, 'plannedFrom');
      throwFieldErrors(validateInspectionDates(input, today()));
      if (input.planId) await this.assertPlanOf(m, caller.actor, input.planId, input.organisationId);
      if (!input.subjectMemberIds.length)
        throw new DomainError('VALIDATION', 'An inspection needs at least one member to inspect', 'subjectMemberIds');
      await assertSubjects(m, input.organisationId, input.plannedFrom, input.subjectMemberIds, 'subjectMemberIds');
      const [row] = await m.query(
        `INSERT INTO inspection (organisation_id, plan_id, body, type, title, content_areas, method, review_from, review_to, planned_from, planned_to)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [
          input.organisationId,
          input.planId ?? null,
          input.body,
          input.type,
          input.title,
          JSON.stringify(input.contentAreas ?? []),
          input.method ?? null,
          input.reviewFrom ?? null,
          input.reviewTo ?? null,
          input.plannedFrom,
          input.plannedTo ?? null,
        ],
      );
      await this.setSubjects(m, row.id, input.subjectMemberIds);
      await this.audit.record(m, caller, {
        operation: 'planInspection',
        entityType: 'inspection',
        entityId: row.id,
        after: input,
        organisationId: input.organisationId,
      });
      return row.id as string;
    });
    return this.inspections.get(caller.actor, id);
  }

  /** Change the plan of an inspection that is not concluded; the subjects only while it is planned. */
  async update(caller: Caller, id: string, input: InspectionPlanFieldsInput): Promise<Inspection> {
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      if (before.state !== 'PLANNED' && before.state !== 'IN_PROGRESS')
        throw new DomainError('CONFLICT', `The inspection is ${before.state.toLowerCase()}`, 'id');
      const plannedFrom = input.plannedFrom ?? before.plannedFrom;
      throwFieldErrors(
        validateInspectionDates(
          {
            reviewFrom: input.reviewFrom ?? before.reviewFrom,
            reviewTo: input.reviewTo ?? before.reviewTo,
            plannedFrom,
            plannedTo: input.plannedTo ?? before.plannedTo,
          },
          today(),
        ),
      );
      if (input.plannedFrom && input.plannedFrom !== before.plannedFrom)
        await this.assertPlacedOn(m, before.organisationId, input.plannedFrom, 'plannedFrom');
      if (input.subjectMemberIds) {
        if (before.state !== 'PLANNED')
          throw new DomainError(
            'CONFLICT',
            'The members inspected change only while the inspection is planned',
            'subjectMemberIds',
          );
        if (!input.subjectMemberIds.length)
          throw new DomainError('VALIDATION', 'An inspection needs at least one member to inspect', 'subjectMemberIds');
        await assertSubjects(m, before.organisationId, plannedFrom, input.subjectMemberIds, 'subjectMemberIds');
        await this.setSubjects(m, id, input.subjectMemberIds);
      }
      const { subjectMemberIds: _s, ...fields } = input;
      await setColumns(
        m,
        'inspection',
        id,
        { ...fields, contentAreas: input.contentAreas ? JSON.stringify(input.contentAreas) : undefined },
        FIELD_COLUMNS,
      );
      await this.audit.record(m, caller, {
        operation: 'updateInspection',
        entityType: 'inspection',
        entityId: id,
        before,
        after: input,
      });
    });
    return this.inspections.get(caller.actor, id);
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
        if (!subjects.includes(s.memberId))
          errors.push({
            field: `subjects.${i}.memberId`,
            reason: 'not a subject of this inspection',
            code: 'VALIDATION',
          });
        if (s.discipline)
          errors.push({
            field: `subjects.${i}.discipline`,
            reason: 'discipline is decided with the conclusion (concludeInspection)',
            code: 'VALIDATION',
          });
      });
      throwFieldErrors(errors);
      await m.query(`UPDATE inspection SET state = 'IN_PROGRESS', started_on = $2, updated_at = now() WHERE id = $1`, [
        id,
        input.startedOn,
      ]);
      await this.applyFindings(m, id, findings);
      await this.audit.record(m, caller, {
        operation: 'startInspection',
        entityType: 'inspection',
        entityId: id,
        before: { state: before.state },
        after: input,
        organisationId: before.organisationId,
      });
    });
    return this.inspections.get(caller.actor, id);
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
          decidingBody:
            (s.discipline.decidingBody as DecidingBody | undefined) ??
            defaultDecidingBody(before.body, kind as OrganisationKind),
          decidedOn: s.discipline.decidedOn ?? input.concludedOn,
          reason: s.discipline.reason,
        };
      });
      const statuses = new Map<string, string>();
      for (const d of new Set(decisions.filter((x) => x !== null).map((x) => x!.decidedOn))) {
        const ids = findings.filter((_, i) => decisions[i]?.decidedOn === d).map((s) => s.memberId);
        for (const [memberId, status] of await this.disciplines.statusesOn(ids, d, m))
          statuses.set(`${memberId}|${d}`, status);
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
            return {
              memberId: s.memberId,
              discipline: d
                ? { ...d, memberStatus: (statuses.get(`${s.memberId}|${d.decidedOn}`) ?? 'FULL') as never }
                : null,
            };
          }),
          today: today(),
        }),
      );
      // A decision of a body above the cell is recorded by those who may write the committee above it.
      for (const [i, d] of decisions.entries()) {
        if (!d || !isCellBody(before.body) || d.decidingBody === 'CELL' || d.decidingBody === 'CELL_COMMITTEE')
          continue;
        const allowed = parentId
          ? await assertOrgVisible(m, caller.actor, parentId, today(), true).then(
              () => true,
              () => false,
            )
          : caller.actor.isAdmin;
        if (!allowed) {
          throw new DomainError(
            'FORBIDDEN',
            'A decision of a body above the cell is recorded by the committee above it',
            `subjects.${i}.discipline.decidingBody`,
          );
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
          {
            memberId: finding.memberId,
            form: d.form,
            decidingBody: d.decidingBody,
            decidedOn: d.decidedOn,
            reason: d.reason ?? `Theo kết luận kiểm tra: ${before.title}`,
          },
          id,
        );
      }
      await this.audit.record(m, caller, {
        operation: 'concludeInspection',
        entityType: 'inspection',
        entityId: id,
        before,
        after: input,
        organisationId: before.organisationId,
      });
    });
    return this.inspections.get(caller.actor, id);
  }

  async cancel(caller: Caller, id: string, reason: string): Promise<Inspection> {
    if (!reason.trim()) throw new DomainError('VALIDATION', 'Cancelling needs a reason', 'reason');
    await this.ds.transaction(async (m) => {
      const before = await this.lock(m, caller, id);
      assertInspectionTransition(before.state, 'CANCELLED');
      await m.query(
        `UPDATE inspection SET state = 'CANCELLED', cancelled_reason = $2, updated_at = now() WHERE id = $1`,
        [id, reason],
      );
      await this.audit.record(m, caller, {
        operation: 'cancelInspection',
        entityType: 'inspection',
        entityId: id,
        before: { state: before.state },
        after: { state: 'CANCELLED', reason },
        organisationId: before.organisationId,
      });
    });
    return this.inspections.get(caller.actor, id);
  }

  /** The inspection, locked, if the caller may change it (the inspecting organisation is in their write scope today). */
  private async lock(m: EntityManager, caller: Caller, id: string): Promise<Inspection> {
    const [found] = await this.inspections.findVisible(caller.actor, [id], m);
    if (!found) throw new DomainError('NOT_FOUND', 'Inspection not found', 'id');
    await m.query(`SELECT 1 FROM inspection WHERE id = $1 FOR UPDATE`, [id]);
    await assertOrgVisible(m, inspectionReader(caller.actor), found.organisationId, today(), true).catch(
      onDomainError((e) =>
        e.code === 'NOT_FOUND'
          ? new DomainError('FORBIDDEN', 'You may see this inspection but not change it', 'id')
          : e,
      ),
    );
    return found;
  }

  private async assertPlacedOn(m: EntityManager, orgId: string, d: string, field: string): Promise<void> {
    const [row] = await m.query(
      `SELECT 1 FROM organisation_placement pl WHERE pl.organisation_id = $1 AND ${validAt('pl', '$2')}`,
      [orgId, d],
    );
    if (!row)
      throw new DomainError(
        'ORGANISATION_DISSOLVED',
        `The organisation does not exist on ${d} (dissolved, or not yet established)`,
        field,
      );
  }

  private async assertPlanOf(m: EntityManager, actor: Actor, planId: string, orgId: string): Promise<void> {
    const [plan] = await this.plans.findPlans(actor, [planId], m);
    if (!plan) throw new DomainError('NOT_FOUND', 'Inspection plan not found', 'planId');
    if (plan.organisationId !== orgId)
      throw new DomainError('VALIDATION', 'The plan belongs to another organisation', 'planId');
  }

  private async subjectIdsIn(m: EntityManager, inspectionId: string): Promise<string[]> {
    const rows: { memberId: string }[] = await m.query(
      `SELECT member_id AS "memberId" FROM inspection_subject WHERE inspection_id = $1 ORDER BY position`,
      [inspectionId],
    );
    return rows.map((r) => r.memberId);
  }

  private async setSubjects(m: EntityManager, inspectionId: string, memberIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM inspection_subject WHERE inspection_id = $1`, [inspectionId]);
    await m.query(
      `INSERT INTO inspection_subject (inspection_id, member_id, position) SELECT $1, u.mid, u.pos FROM unnest($2::uuid[]) WITH ORDINALITY AS u(mid, pos)`,
      [inspectionId, memberIds],
    );
  }

  /** Findings per subject in one statement; omitted fields keep their value. */
  private async applyFindings(
    m: EntityManager,
    inspectionId: string,
    findings: readonly SubjectFindingsInput[],
  ): Promise<void> {
    if (!findings.length) return;
    const col = (f: (s: SubjectFindingsInput) => string | undefined) => findings.map((s) => f(s) ?? null);
    await m.query(
      `UPDATE inspection_subject s SET self_report = coalesce(u.self_report, s.self_report), strengths = coalesce(u.strengths, s.strengths),
              shortcomings = coalesce(u.shortcomings, s.shortcomings), violations = coalesce(u.violations, s.violations), conclusion = coalesce(u.conclusion, s.conclusion)
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(mid, self_report, strengths, shortcomings, violations, conclusion)
        WHERE s.inspection_id = $1 AND s.member_id = u.mid`,
      [
        inspectionId,
        findings.map((s) => s.memberId),
        col((s) => s.selfReport),
        col((s) => s.strengths),
        col((s) => s.shortcomings),
        col((s) => s.violations),
        col((s) => s.conclusion),
      ],
    );
  }
}
