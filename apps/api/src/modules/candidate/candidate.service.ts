import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  advanceCandidate,
  courseCertificateValid,
  DomainError,
  foldVietnamese,
  memberRecordProblems,
  type CandidateStage,
} from '@chibo/domain';
import { onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { countAndPage, pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { assertOrgVisible, inRangesSql, isUuid, listScope } from '../../common/scope/scope';
import { Params, today, validAt } from '../../database/sql';
import { MemberService } from '../member/member.service';
import { MemberWriteService } from '../member/member-write.service';
import { PolicyService } from '../policy/policy.service';
import type {
  AdmitCandidateInput,
  AdvanceCandidateInput,
  Candidate,
  CandidateFilter,
  CreateCandidateInput,
} from './candidate.model';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

const COLUMNS = `c.id, c.organisation_id AS "organisationId", c.full_name AS "fullName", c.birth_date AS "birthDate", c.gender, c.national_id AS "nationalId",
  c.stage, c.promising_on AS "promisingOn", c.sympathiser_on AS "sympathiserOn", c.course_completed_on AS "courseCompletedOn", c.admitted_on AS "admittedOn",
  c.dropped_on AS "droppedOn", c.helper_member_id AS "helperMemberId", c.member_id AS "memberId", c.note`;

const STAGE_COLUMN: Partial<Record<CandidateStage, string>> = {
  SYMPATHISER: 'sympathiser_on',
  COURSE_COMPLETED: 'course_completed_on',
  DROPPED: 'dropped_on',
};

/** The admission pipeline (docs/rules.md#r-candidate-stages): stages checked by the libs rule; admission creates the member in the same transaction. */
@Injectable()
export class CandidateService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly members: MemberService,
    private readonly memberWrites: MemberWriteService,
    private readonly policies: PolicyService,
    private readonly tree: KeptTreeReads,
  ) {}

  async list(actor: Actor, filter: CandidateFilter | undefined, page: PageInput | undefined): Promise<Page<Candidate>> {
    const { offset, limit } = pageOf(page);
    const d = today();
    // The subtrees as constant path ranges (roots by their placement in force today), resolved once.
    const ranges =
      actor.readRoots.length || actor.isAdmin
        ? await listScope(this.tree, actor, filter?.organisationId, d, { rule: 'valid' })
        : [];
    const p = new Params();
    const dp = p.add(d);
    const where = [validAt('pl', dp), inRangesSql('pl', ranges, p)];
    if (filter?.stages?.length) where.push(`c.stage = ANY(${p.add(filter.stages)}::text[])`);
    const sql = `FROM candidate c JOIN organisation_placement pl ON pl.organisation_id = c.organisation_id WHERE ${where.join(' AND ')}`;
    const { total, rows: items } = await countAndPage<Candidate & Record<string, unknown>>(
      this.ds,
      sql,
      `SELECT ${COLUMNS} ${sql} ORDER BY c.name_folded OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return { items, total, offset, limit };
  }

  async create(caller: Caller, input: CreateCandidateInput): Promise<Candidate> {
    const id = await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.organisationId, input.promisingOn, true);
      if (input.helperMemberId) {
        const [helper] = await this.members.findVisible(caller.actor, [input.helperMemberId], input.promisingOn, m);
        if (!helper || helper.organisationId !== input.organisationId) {
          throw new DomainError('VALIDATION', 'The helper must be a member of the same cell', 'helperMemberId');
        }
      }
      const [row] = await m.query(
        `INSERT INTO candidate (organisation_id, full_name, name_folded, birth_date, gender, national_id, stage, promising_on, helper_member_id, note)
         VALUES ($1,$2,$3,$4,$5,$6,'PROMISING',$7,$8,$9) RETURNING id`,
        [
          input.organisationId,
          input.fullName,
          foldVietnamese(input.fullName),
          input.birthDate ?? null,
          input.gender ?? null,
          input.nationalId ?? null,
          input.promisingOn,
          input.helperMemberId && isUuid(input.helperMemberId) ? input.helperMemberId : null,
          input.note ?? null,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'createCandidate',
        entityType: 'candidate',
        entityId: row.id,
        after: input,
      });
      return row.id as string;
    });
    return this.get(caller.actor, id);
  }

  async advance(caller: Caller, input: AdvanceCandidateInput): Promise<Candidate> {
    await this.ds.transaction(async (m) => {
      const c = await this.lock(m, caller, input.id);
      const next = advanceCandidate(c.stage, input.stage);
      await m.query(`UPDATE candidate SET stage = $2, ${STAGE_COLUMN[next]} = $3 WHERE id = $1`, [
        input.id,
        next,
        input.on,
      ]);
      await this.audit.record(m, caller, {
        operation: 'advanceCandidate',
        entityType: 'candidate',
        entityId: input.id,
        before: { stage: c.stage },
        after: input,
      });
    });
    return this.get(caller.actor, input.id);
  }

  async admit(caller: Caller, input: AdmitCandidateInput): Promise<Candidate> {
    await this.ds.transaction(async (m) => {
      const c = await this.lock(m, caller, input.id);
      advanceCandidate(c.stage, 'ADMITTED');
      if (c.courseCompletedOn && !courseCertificateValid(c.courseCompletedOn, input.admissionDecisionDate)) {
        throw new DomainError(
          'VALIDATION',
          'The party-awareness course certificate has expired (5 years)',
          'admissionDecisionDate',
          { reason: 'COURSE_CERTIFICATE_EXPIRED' },
        );
      }
      const policy = await this.policies.forOrganisation(c.organisationId, input.admissionDecisionDate, m);
      // The age at the vote (the decision date), the same rule createMember applies to the member's record.
      const age = memberRecordProblems(
        {
          birthDate: c.birthDate,
          admissionDecisionDate: input.admissionDecisionDate,
          admissionAgeApproval: input.admissionAgeApproval,
        },
        policy,
      ).find((p) => p.rule === 'ADMISSION_AGE');
      if (age) throw new DomainError('ADMISSION_AGE', age.message, 'birthDate', age.details);
      const memberId = await this.memberWrites.createIn(m, caller, {
        organisationId: c.organisationId,
        fullName: c.fullName,
        birthDate: c.birthDate ?? undefined,
        gender: c.gender ?? undefined,
        nationalId: c.nationalId ?? undefined,
        admissionDecisionDate: input.admissionDecisionDate,
        ceremonyDate: input.ceremonyDate,
        introducers: input.introducers,
        courseCompletedOn: c.courseCompletedOn ?? undefined,
        admissionAgeApproval: input.admissionAgeApproval,
      });
      await m.query(`UPDATE candidate SET stage = 'ADMITTED', admitted_on = $2, member_id = $3 WHERE id = $1`, [
        input.id,
        input.admissionDecisionDate,
        memberId,
      ]);
      await this.audit.record(m, caller, {
        operation: 'admitCandidate',
        entityType: 'candidate',
        entityId: input.id,
        after: { ...input, memberId },
      });
    });
    return this.get(caller.actor, input.id);
  }

  private async lock(m: import('typeorm').EntityManager, caller: Caller, id: string): Promise<Candidate> {
    const [c] = isUuid(id) ? await m.query(`SELECT ${COLUMNS} FROM candidate c WHERE c.id = $1 FOR UPDATE`, [id]) : [];
    if (!c) throw new DomainError('NOT_FOUND', 'Candidate not found', 'id');
    // Outside the scope is answered exactly like a candidate that does not exist.
    await assertOrgVisible(m, caller.actor, c.organisationId, today(), true).catch(
      onDomainError((e) =>
        e.code === 'NOT_FOUND'
          ? new DomainError('NOT_FOUND', 'Candidate not found', 'id')
          : new DomainError(e.code, e.message, 'id'),
      ),
    );
    return c;
  }

  async get(actor: Actor, id: string): Promise<Candidate> {
    const [c] = isUuid(id) ? await this.ds.query(`SELECT ${COLUMNS} FROM candidate c WHERE c.id = $1`, [id]) : [];
    if (!c) throw new DomainError('NOT_FOUND', 'Candidate not found', 'id');
    await assertOrgVisible(this.ds.manager, actor, c.organisationId, today()).catch(
      onDomainError((e) => (e.code === 'NOT_FOUND' ? new DomainError('NOT_FOUND', 'Candidate not found', 'id') : e)),
    );
    return c;
  }
}
