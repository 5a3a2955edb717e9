import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, throwFieldErrors, validateInspectionDates } from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { countAndPage, pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';
import { inRangesSql, isUuid, listScope } from '../../common/scope/scope';
import { Params, today, validAt } from '../../database/sql';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';
import { InspectionPlan, type CreateInspectionPlanInput, type InspectionPlanInput } from './inspection.model';
import { inspectionReader, readableTodayOrOnSql, yearBounds } from './inspection.service';
import { assertSubjects, assertWritableOrg, setColumns } from './inspection-writes';

const PLAN_COLUMNS = `p.id, p.organisation_id AS "organisationId", p.year, p.purpose, p.content, p.review_from AS "reviewFrom", p.review_to AS "reviewTo",
  p.timing, p.method, p.adopted_on AS "adoptedOn", p.note,
  coalesce((SELECT array_agg(ps.member_id::text ORDER BY ps.position) FROM inspection_plan_subject ps WHERE ps.plan_id = p.id), '{}') AS "subjectMemberIds"`;

const PLAN_FIELD_COLUMNS: Record<Exclude<keyof InspectionPlanInput, 'subjectMemberIds'>, string> = {
  purpose: 'purpose',
  content: 'content',
  reviewFrom: 'review_from',
  reviewTo: 'review_to',
  timing: 'timing',
  method: 'method',
  adoptedOn: 'adopted_on',
  note: 'note',
};

/**
 * Yearly inspection and supervision plans of cells and committees (docs/rules.md#r-inspection-records): read by the
 * readers of the organisation today or at the plan year's end, written by its writers today; one plan per year.
 */
@Injectable()
export class InspectionPlanService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly tree: KeptTreeReads,
  ) {}

  /** SQL condition: plan `p` is visible (readable today or on 31 December of its year; `many`: readableTodayOrOnSql). */
  private planVisibleSql(actor: Actor, q: Params, many = false): string {
    return readableTodayOrOnSql(actor, 'p.organisation_id', q, 'make_date(p.year, 12, 31)', many);
  }

  async findPlans(actor: Actor, ids: readonly string[], m: EntityManager = this.ds.manager): Promise<InspectionPlan[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const q = new Params();
    const idsP = q.add(valid);
    const rows = await m.query(
      `SELECT ${PLAN_COLUMNS} FROM inspection_plan p WHERE p.id = ANY(${idsP}::uuid[]) AND ${this.planVisibleSql(actor, q)}`,
      q.values,
    );
    return rows.map((r: Record<string, unknown>) => Object.assign(new InspectionPlan(), r));
  }

  async getPlan(actor: Actor, id: string): Promise<InspectionPlan> {
    const [found] = await this.findPlans(actor, [id]);
    if (!found) throw new DomainError('NOT_FOUND', 'Inspection plan not found', 'id');
    return found;
  }

  /** Plans of the organisation and everything under it (the tree on 31 December of each plan's year, or today). */
  async plans(
    actor: Actor,
    f: { organisationId?: string; year?: number },
    page: PageInput | undefined,
  ): Promise<Page<InspectionPlan>> {
    const { offset, limit } = pageOf(page);
    const q = new Params();
    const where: string[] = [];
    let small = false;
    if (f.organisationId) {
      const end = f.year ? yearBounds(f.year)[1] : today();
      const d = end < today() ? end : today();
      // Visibility checked and the organisation's path on d read in one statement, as a constant path range; the
      // plans of the organisations placed in it on d.
      const ranges = await listScope(this.tree, inspectionReader(actor), f.organisationId, d, { rule: 'valid' }).catch(
        asField('organisationId'),
      );
      small = !!ranges?.every((r) => r.small);
      where.push(
        `p.organisation_id IN (SELECT pp.organisation_id FROM organisation_placement pp WHERE ${validAt('pp', q.add(d))} AND ${inRangesSql('pp', ranges, q)})`,
      );
    }
    where.unshift(this.planVisibleSql(actor, q, !small));
    if (f.year) where.push(`p.year = ${q.add(f.year)}::int`);
    const sql = `FROM inspection_plan p ${JOIN_ORGANISATION('o', 'p.organisation_id')} WHERE ${where.join(' AND ')}`;
    const { total, rows } = await countAndPage(
      this.ds,
      sql,
      `SELECT ${PLAN_COLUMNS} ${sql} ORDER BY p.year DESC, o.code, p.id OFFSET ${q.add(offset)} LIMIT ${q.add(limit)}`,
      q.values,
    );
    return {
      items: rows.map((r: Record<string, unknown>) => Object.assign(new InspectionPlan(), r)),
      total,
      offset,
      limit,
    };
  }

  async createPlan(caller: Caller, input: CreateInspectionPlanInput): Promise<InspectionPlan> {
    const id = await this.ds.transaction(async (m) => {
      const [first, last] = yearBounds(input.year);
      const t = today();
      const d = input.adoptedOn ?? (t < first ? first : t > last ? last : t);
      const kind = await assertWritableOrg(m, caller.actor, input.organisationId, t, 'organisationId');
      if (kind === 'PARTY_GROUP')
        throw new DomainError(
          'VALIDATION',
          'Plans belong to cells and committees, not to party groups',
          'organisationId',
        );
      throwFieldErrors(validateInspectionDates({ reviewFrom: input.reviewFrom, reviewTo: input.reviewTo }, t));
      const [dup] = await m.query(`SELECT id FROM inspection_plan WHERE organisation_id = $1 AND year = $2`, [
        input.organisationId,
        input.year,
      ]);
      if (dup)
        throw new DomainError(
          'CONFLICT',
          `This organisation already has a plan for ${input.year}; change it with updateInspectionPlan`,
          'year',
          { existingId: dup.id },
        );
      const subjects = input.subjectMemberIds ?? [];
      await assertSubjects(m, input.organisationId, d, subjects, 'subjectMemberIds');
      const [row] = await m.query(
        `INSERT INTO inspection_plan (organisation_id, year, purpose, content, review_from, review_to, timing, method, adopted_on, note)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [
          input.organisationId,
          input.year,
          input.purpose,
          input.content,
          input.reviewFrom ?? null,
          input.reviewTo ?? null,
          input.timing ?? null,
          input.method ?? null,
          input.adoptedOn ?? null,
          input.note ?? null,
        ],
      );
      await this.setPlanSubjects(m, row.id, subjects);
      await this.audit.record(m, caller, {
        operation: 'createInspectionPlan',
        entityType: 'inspection_plan',
        entityId: row.id,
        after: input,
      });
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
      await assertWritableOrg(m, caller.actor, before.organisationId, t, 'id');
      throwFieldErrors(
        validateInspectionDates(
          { reviewFrom: input.reviewFrom ?? before.reviewFrom, reviewTo: input.reviewTo ?? before.reviewTo },
          t,
        ),
      );
      if (input.subjectMemberIds) {
        await assertSubjects(m, before.organisationId, d, input.subjectMemberIds, 'subjectMemberIds');
        await this.setPlanSubjects(m, id, input.subjectMemberIds);
      }
      await setColumns(m, 'inspection_plan', id, input, PLAN_FIELD_COLUMNS);
      await this.audit.record(m, caller, {
        operation: 'updateInspectionPlan',
        entityType: 'inspection_plan',
        entityId: id,
        before,
        after: input,
      });
    });
    return this.getPlan(caller.actor, id);
  }

  private async setPlanSubjects(m: EntityManager, planId: string, memberIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM inspection_plan_subject WHERE plan_id = $1`, [planId]);
    if (!memberIds.length) return;
    await m.query(
      `INSERT INTO inspection_plan_subject (plan_id, member_id, position) SELECT $1, u.mid, u.pos FROM unnest($2::uuid[]) WITH ORDINALITY AS u(mid, pos)`,
      [planId, memberIds],
    );
  }
}
