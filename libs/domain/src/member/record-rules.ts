import { addYears, compareIsoDate, isValidIsoDate, type IsoDate } from '../dates';
import type { DomainErrorCode } from '../errors';
import type { Policy } from '../policy';
import { COURSE_CERTIFICATE_VALID_YEARS, courseCertificateValid } from './candidate';
import { admissionAgeOk, ageInMonths, probationEnd } from './dates';

/**
 * The admission and probation rules applied to a member's record as it is written (createMember, updateMember, the
 * member import), the same rules admitCandidate and recordMemberEvent apply: the age at the admission decision
 * (docs/rules.md#r-admission-age), the party-awareness course certificate (docs/rules.md#r-course-certificate) and
 * full membership not before the end of probation (docs/rules.md#r-probation-end).
 */
export type MemberRecord = {
  birthDate?: IsoDate | null;
  admissionDecisionDate?: IsoDate | null;
  ceremonyDate?: IsoDate | null;
  fullMembershipDate?: IsoDate | null;
  /** Date of the party-awareness course (lớp bồi dưỡng nhận thức về Đảng) certificate, when known. */
  courseCompletedOn?: IsoDate | null;
  /**
   * The higher committee's written approval of an admission above the maximum age (its number and date): the rules
   * let the provincial committee admit older candidates, so with it only the lower age limit applies.
   */
  admissionAgeApproval?: string | null;
};

export type MemberRecordField = keyof MemberRecord;

export type MemberRecordRule = 'ADMISSION_AGE' | 'COURSE_CERTIFICATE' | 'PROBATION_END';

/** One broken rule: the field to name, the error code and stable reason, a message, and every field the rule reads. */
export type MemberRecordProblem = {
  rule: MemberRecordRule;
  field: MemberRecordField;
  code: DomainErrorCode;
  reason: string;
  message: string;
  involves: readonly MemberRecordField[];
  details: Record<string, unknown>;
};

const RULE_FIELDS: Record<MemberRecordRule, readonly MemberRecordField[]> = {
  ADMISSION_AGE: ['birthDate', 'admissionDecisionDate', 'admissionAgeApproval'],
  COURSE_CERTIFICATE: ['courseCompletedOn', 'admissionDecisionDate'],
  PROBATION_END: ['ceremonyDate', 'fullMembershipDate'],
};

const date = (d: IsoDate | null | undefined): IsoDate | null => (d && isValidIsoDate(d) ? d : null);

/**
 * Every admission or probation rule the record breaks, under the policy in force for the member's cell (empty when
 * the record is fine; rules whose dates are missing are skipped, malformed dates are validateMemberDates' concern):
 *
 * - ADMISSION_AGE (code ADMISSION_AGE, field birthDate): the age at the admission decision, in whole months, within
 *   `member.admissionMinAgeMonths`–`admissionMaxAgeMonths` (`admissionAgeOk`); above the maximum only with
 *   `admissionAgeApproval`;
 * - COURSE_CERTIFICATE (code VALIDATION, field courseCompletedOn): the course certificate valid on the admission
 *   decision (`courseCertificateValid`, 5 years): reason COURSE_AFTER_ADMISSION for a course after the decision,
 *   COURSE_CERTIFICATE_EXPIRED for a decision more than 5 years after it;
 * - PROBATION_END (code VALIDATION, field fullMembershipDate, reason RECOGNITION_BEFORE_PROBATION_END): full
 *   membership at the end of probation (`probationEnd`, ceremony + 12 months) at the earliest. A full-membership date
 *   before the ceremony itself is an INVALID_DATE_ORDER of validateMemberDates, not reported again here.
 */
export const memberRecordProblems = (r: MemberRecord, policy: Policy): MemberRecordProblem[] => {
  const out: MemberRecordProblem[] = [];
  const push = (rule: MemberRecordRule, p: Omit<MemberRecordProblem, 'rule' | 'involves'>) =>
    out.push({ rule, involves: RULE_FIELDS[rule], ...p });
  const birth = date(r.birthDate);
  const decision = date(r.admissionDecisionDate);
  const ceremony = date(r.ceremonyDate);
  const full = date(r.fullMembershipDate);
  const course = date(r.courseCompletedOn);

  if (birth && decision && compareIsoDate(birth, decision) < 0 && !admissionAgeOk(birth, decision, policy)) {
    const months = ageInMonths(birth, decision);
    const { admissionMinAgeMonths: min, admissionMaxAgeMonths: max } = policy.member;
    const approved = months > max && !!r.admissionAgeApproval?.trim();
    if (!approved) {
      push('ADMISSION_AGE', {
        field: 'birthDate',
        code: 'ADMISSION_AGE',
        reason: 'ADMISSION_AGE',
        message:
          `Age at the admission decision (${decision}) is ${Math.floor(months / 12)} years ${months % 12} months; allowed ${min}–${max} months` +
          (months > max ? " (above the maximum: give admissionAgeApproval, the higher committee's approval)" : ''),
        details: { ageMonths: months, min, max },
      });
    }
  }

  if (course && decision && !courseCertificateValid(course, decision)) {
    const after = compareIsoDate(course, decision) > 0;
    push('COURSE_CERTIFICATE', {
      field: 'courseCompletedOn',
      code: 'VALIDATION',
      reason: after ? 'COURSE_AFTER_ADMISSION' : 'COURSE_CERTIFICATE_EXPIRED',
      message: after
        ? `The party-awareness course (${course}) is after the admission decision (${decision})`
        : `The party-awareness course certificate (${course}) expired on ${addYears(course, COURSE_CERTIFICATE_VALID_YEARS)}, before the admission decision (${decision})`,
      details: { validUntil: addYears(course, COURSE_CERTIFICATE_VALID_YEARS) },
    });
  }

  if (ceremony && full && compareIsoDate(full, ceremony) >= 0) {
    const end = probationEnd(ceremony, policy);
    if (compareIsoDate(full, end) < 0) {
      push('PROBATION_END', {
        field: 'fullMembershipDate',
        code: 'VALIDATION',
        reason: 'RECOGNITION_BEFORE_PROBATION_END',
        message: `Full membership starts at the end of probation (${end}) at the earliest, not ${full}`,
        details: { probationEnd: end },
      });
    }
  }
  return out;
};

/**
 * The problems a change to a stored record must not introduce: those of the record after the change whose rule reads
 * a field the change gives. A record already stored with a problem (written before the rule) can still be corrected
 * field by field; a change that touches the rule's fields must leave it satisfied.
 */
export const memberRecordProblemsOfChange = (
  merged: MemberRecord,
  changed: Iterable<string>,
  policy: Policy,
): MemberRecordProblem[] => {
  const given = new Set(changed);
  return memberRecordProblems(merged, policy).filter((p) => p.involves.some((f) => given.has(f)));
};
