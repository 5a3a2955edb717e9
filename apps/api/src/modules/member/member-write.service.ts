import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertCardNumberAllowed,
  DomainError,
  first,
  foldVietnamese,
  memberRecordProblems,
  memberRecordProblemsOfChange,
  validateMemberDates,
  type MemberEventType,
  type MemberRecordProblem,
  type MemberStatus,
} from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { Params, today } from '../../database/sql';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import type { CreateMemberInput, MemberDataInput } from './member.inputs';
import type { Member } from './member.model';
import { MemberService } from './member.service';
import { assertMemberCell, insertMemberEvent } from './member-writes';

const DATA_COLUMNS: Record<keyof MemberDataInput, string> = {
  fullName: 'full_name',
  birthDate: 'birth_date',
  gender: 'gender',
  ethnicity: 'ethnicity',
  religion: 'religion',
  homeTown: 'home_town',
  residence: 'residence',
  nationalId: 'national_id',
  cardNumber: 'card_number',
  fileNumber: 'file_number',
  admissionDecisionDate: 'admission_decision_date',
  ceremonyDate: 'ceremony_date',
  fullMembershipDate: 'full_membership_date',
  introducers: 'introducers',
  courseCompletedOn: 'course_completed_on',
  admissionAgeApproval: 'admission_age_approval',
  educationGeneral: 'education_general',
  educationProfessional: 'education_professional',
  politicalTheory: 'political_theory',
  job: 'job',
  post: 'post',
};

const fieldErrors = (errors: { field: string; reason: string; code: string }[]): DomainError => {
  const head = first(errors, 'field error');
  return new DomainError(
    head.code as 'VALIDATION',
    errors.map((e) => `${e.field} ${e.reason}`).join('; '),
    head.field,
    {
      fields: errors.map((e) => ({ field: e.field, reason: e.code, message: e.reason })),
    },
  );
};

/**
 * The admission and probation rules a record breaks (docs/rules.md#r-admission-age, #r-course-certificate,
 * #r-probation-end), as one error naming every field: the first problem's code and reason, each field with its own.
 */
export const recordRuleErrors = (problems: readonly MemberRecordProblem[]): DomainError => {
  const head = first(problems, 'record problem');
  return new DomainError(head.code, problems.map((p) => p.message).join('; '), head.field, {
    ...head.details,
    reason: head.reason,
    fields: problems.map((p) => ({ field: p.field, reason: p.reason, message: p.message })),
  });
};

/**
 * Member records written: a member created (admitted or transferred in; also inside a caller's transaction, for
 * candidate admission) and a record edited, each within the admission and probation rules. Reads and the member row
 * locked for a write are MemberService's, lifecycle events MemberEventService's.
 */
@Injectable()
export class MemberWriteService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
    private readonly orgs: OrganisationService,
    private readonly members: MemberService,
  ) {}

  async create(caller: Caller, input: CreateMemberInput): Promise<Member> {
    const id = await this.ds.transaction((m) => this.createIn(m, caller, input));
    return this.members.get(caller.actor, id, today());
  }

  /** Creates a member inside the caller's transaction (used by create and by candidate admission). */
  async createIn(m: EntityManager, caller: Caller, input: CreateMemberInput): Promise<string> {
    const joinedOn = input.joinedOn ?? input.ceremonyDate ?? today();
    const fullOn = input.fullMembershipDate ?? null;
    const status: MemberStatus = fullOn && fullOn <= today() ? 'FULL' : 'PROBATIONARY';
    const errors = validateMemberDates(input);
    if (errors.length) throw fieldErrors(errors);
    assertCardNumberAllowed(status, input.cardNumber);
    if (!input.transferredFrom && !input.ceremonyDate) {
      throw new DomainError('VALIDATION', 'An admitted member needs the ceremony date', 'ceremonyDate');
    }
    await assertMemberCell(m, this.orgs, caller.actor, input.organisationId, joinedOn, 'organisationId');
    // The cell's policy when the member was admitted (the rules' thresholds then).
    const policy = await this.policies.forOrganisation(
      input.organisationId,
      input.admissionDecisionDate ?? input.ceremonyDate ?? joinedOn,
      m,
    );
    const problems = memberRecordProblems(input, policy);
    if (problems.length) throw recordRuleErrors(problems);
    const cols = Object.entries(DATA_COLUMNS).filter(([k]) => input[k as keyof MemberDataInput] !== undefined);
    const p = new Params();
    const sqlValues = cols.map(([k]) => p.add(input[k as keyof MemberDataInput]));
    const [row] = await m.query(
      `INSERT INTO member (${cols.map(([, c]) => c).join(', ')}, name_folded, status)
       VALUES (${sqlValues.join(', ')}, ${p.add(foldVietnamese(input.fullName))}, ${p.add(status)}) RETURNING id`,
      p.values,
    );
    await m.query(
      `INSERT INTO membership (member_id, organisation_id, kind, valid_from) VALUES ($1,$2,'PERMANENT',$3)`,
      [row.id, input.organisationId, joinedOn],
    );
    const type: MemberEventType = input.transferredFrom ? 'TRANSFER_IN' : 'ADMITTED';
    await insertMemberEvent(m, caller, row.id, {
      type,
      effectiveOn: joinedOn,
      toOrganisationId: input.organisationId,
      externalOrganisation: input.transferredFrom ?? null,
    });
    if (!input.transferredFrom && status === 'FULL' && fullOn)
      await insertMemberEvent(m, caller, row.id, {
        type: 'RECOGNISED_FULL',
        effectiveOn: fullOn,
        organisationId: input.organisationId,
      });
    await this.audit.record(m, caller, {
      operation: 'createMember',
      entityType: 'member',
      entityId: row.id,
      after: input,
      organisationId: input.organisationId,
    });
    return row.id as string;
  }

  async update(caller: Caller, id: string, input: MemberDataInput): Promise<Member> {
    await this.ds.transaction(async (m) => {
      const before = await this.members.lockWritable(m, caller.actor, id);
      // Only the fields given: the input object may carry absent fields as own `undefined` properties, which a plain
      // spread would copy over the stored values (and the date checks below would then skip them).
      const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      const errors = validateMemberDates(merged);
      if (errors.length) throw fieldErrors(errors);
      assertCardNumberAllowed(before.status as MemberStatus, merged.cardNumber as string | null);
      const cols = Object.entries(DATA_COLUMNS).filter(([k]) => input[k as keyof MemberDataInput] !== undefined);
      if (cols.length === 0) return;
      // A change that touches an admission or probation rule's fields must leave the record within the rule.
      const admitted = (merged.admissionDecisionDate ?? merged.ceremonyDate ?? today()) as string;
      const policy = await this.policies.forOrganisation(before.organisationId as string, admitted, m);
      const problems = memberRecordProblemsOfChange(
        merged,
        cols.map(([k]) => k),
        policy,
      );
      if (problems.length) throw recordRuleErrors(problems);
      const p = new Params();
      const sets = cols.map(([k, c]) => `${c} = ${p.add(input[k as keyof MemberDataInput])}`);
      if (input.fullName) sets.push(`name_folded = ${p.add(foldVietnamese(input.fullName))}`);
      await m.query(`UPDATE member SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
      await this.audit.record(m, caller, {
        operation: 'updateMember',
        entityType: 'member',
        entityId: id,
        before,
        after: input,
        organisationId: before.organisationId as string,
      });
    });
    return this.members.get(caller.actor, id, today());
  }
}
