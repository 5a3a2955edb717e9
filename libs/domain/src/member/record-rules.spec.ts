import { first } from '../arrays';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { memberRecordProblems, memberRecordProblemsOfChange, type MemberRecord } from './record-rules';

const ok: MemberRecord = {
  birthDate: '1990-03-04',
  admissionDecisionDate: '2015-05-01',
  ceremonyDate: '2015-05-19',
  fullMembershipDate: '2016-05-19',
  courseCompletedOn: '2014-10-01',
};
const rules = (r: MemberRecord, policy = DEFAULT_POLICY) =>
  memberRecordProblems(r, policy).map((p) => [p.rule, p.field, p.code, p.reason]);

describe('memberRecordProblems', () => {
  it('accepts a record that keeps every rule, and skips rules whose dates are missing', () => {
    expect(memberRecordProblems(ok, DEFAULT_POLICY)).toEqual([]);
    expect(memberRecordProblems({}, DEFAULT_POLICY)).toEqual([]);
    expect(memberRecordProblems({ birthDate: '2010-01-01' }, DEFAULT_POLICY)).toEqual([]);
    expect(memberRecordProblems({ ceremonyDate: '2015-05-19' }, DEFAULT_POLICY)).toEqual([]);
  });

  it("ADMISSION_AGE: the age at the admission decision within 18–60 years in whole months (the policy's range)", () => {
    expect(rules({ birthDate: '2000-01-02', admissionDecisionDate: '2018-01-01' })).toEqual([
      ['ADMISSION_AGE', 'birthDate', 'ADMISSION_AGE', 'ADMISSION_AGE'],
    ]);
    expect(rules({ birthDate: '2000-01-01', admissionDecisionDate: '2018-01-01' })).toEqual([]);
    // "aged 60" still qualifies until 60 years and 1 month
    expect(rules({ birthDate: '1950-01-01', admissionDecisionDate: '2010-01-31' })).toEqual([]);
    expect(rules({ birthDate: '1950-01-01', admissionDecisionDate: '2010-02-01' })).toEqual([
      ['ADMISSION_AGE', 'birthDate', 'ADMISSION_AGE', 'ADMISSION_AGE'],
    ]);
    const p = first(
      memberRecordProblems({ birthDate: '1950-01-01', admissionDecisionDate: '2010-02-01' }, DEFAULT_POLICY),
      'problem',
    );
    expect(p.details).toEqual({ ageMonths: 721, min: 216, max: 720 });
    expect(p.message).toContain('admissionAgeApproval');
    expect(p.involves).toEqual(['birthDate', 'admissionDecisionDate', 'admissionAgeApproval']);
    // the policy sets the range
    const older = resolvePolicy(
      [
        {
          effectiveFrom: '2000-01-01',
          effectiveTo: null,
          depth: 0,
          values: { member: { admissionMaxAgeMonths: 780 } },
        },
      ],
      '2010-02-01',
    );
    expect(rules({ birthDate: '1950-01-01', admissionDecisionDate: '2010-02-01' }, older)).toEqual([]);
  });

  it("ADMISSION_AGE: the higher committee's approval lifts the upper limit only", () => {
    expect(
      rules({
        birthDate: '1950-01-01',
        admissionDecisionDate: '2012-01-01',
        admissionAgeApproval: 'QĐ 12-QĐ/TU ngày 2/12/2011',
      }),
    ).toEqual([]);
    expect(
      rules({ birthDate: '1950-01-01', admissionDecisionDate: '2012-01-01', admissionAgeApproval: '  ' }),
    ).toHaveLength(1);
    expect(
      rules({ birthDate: '2000-01-02', admissionDecisionDate: '2018-01-01', admissionAgeApproval: 'QĐ 12' }),
    ).toEqual([['ADMISSION_AGE', 'birthDate', 'ADMISSION_AGE', 'ADMISSION_AGE']]);
  });

  it('COURSE_CERTIFICATE: the course certificate valid on the admission decision (5 years, not after it)', () => {
    expect(rules({ courseCompletedOn: '2010-05-01', admissionDecisionDate: '2015-05-01' })).toEqual([]);
    expect(rules({ courseCompletedOn: '2010-05-01', admissionDecisionDate: '2015-05-02' })).toEqual([
      ['COURSE_CERTIFICATE', 'courseCompletedOn', 'VALIDATION', 'COURSE_CERTIFICATE_EXPIRED'],
    ]);
    expect(rules({ courseCompletedOn: '2015-05-02', admissionDecisionDate: '2015-05-01' })).toEqual([
      ['COURSE_CERTIFICATE', 'courseCompletedOn', 'VALIDATION', 'COURSE_AFTER_ADMISSION'],
    ]);
    expect(
      memberRecordProblems({ courseCompletedOn: '2010-05-01', admissionDecisionDate: '2016-01-01' }, DEFAULT_POLICY)[0]
        ?.details,
    ).toEqual({ validUntil: '2015-05-01' });
  });

  it("PROBATION_END: full membership at ceremony + 12 months at the earliest (the policy's months)", () => {
    expect(rules({ ceremonyDate: '2026-06-01', fullMembershipDate: '2026-12-01' })).toEqual([
      ['PROBATION_END', 'fullMembershipDate', 'VALIDATION', 'RECOGNITION_BEFORE_PROBATION_END'],
    ]);
    expect(
      memberRecordProblems({ ceremonyDate: '2026-06-01', fullMembershipDate: '2026-12-01' }, DEFAULT_POLICY)[0]
        ?.details,
    ).toEqual({ probationEnd: '2027-06-01' });
    expect(rules({ ceremonyDate: '2026-06-01', fullMembershipDate: '2027-06-01' })).toEqual([]);
    expect(rules({ ceremonyDate: '2024-02-29', fullMembershipDate: '2025-02-28' })).toEqual([]);
    // before the ceremony is validateMemberDates' INVALID_DATE_ORDER, not repeated here
    expect(rules({ ceremonyDate: '2026-06-01', fullMembershipDate: '2026-05-01' })).toEqual([]);
    const six = resolvePolicy(
      [{ effectiveFrom: '2000-01-01', effectiveTo: null, depth: 0, values: { member: { probationMonths: 6 } } }],
      '2026-06-01',
    );
    expect(rules({ ceremonyDate: '2026-06-01', fullMembershipDate: '2026-12-01' }, six)).toEqual([]);
  });

  it('reports every rule broken, ignores malformed dates (validateMemberDates reports them)', () => {
    expect(
      rules({
        birthDate: '2000-01-02',
        admissionDecisionDate: '2018-01-01',
        courseCompletedOn: '2019-01-01',
        ceremonyDate: '2018-01-10',
        fullMembershipDate: '2018-06-01',
      }).map((r) => r[0]),
    ).toEqual(['ADMISSION_AGE', 'COURSE_CERTIFICATE', 'PROBATION_END']);
    expect(
      memberRecordProblems({ birthDate: '2000-02-30', admissionDecisionDate: '2018-01-01' }, DEFAULT_POLICY),
    ).toEqual([]);
  });
});

describe('memberRecordProblemsOfChange', () => {
  const legacy: MemberRecord = {
    ceremonyDate: '2001-01-10',
    fullMembershipDate: '2001-07-10',
    birthDate: '1960-01-01',
    admissionDecisionDate: '2000-12-20',
  };
  it('lets a record stored before the rule be corrected field by field, not a change that touches the broken rule', () => {
    expect(memberRecordProblemsOfChange(legacy, ['fullName', 'job'], DEFAULT_POLICY)).toEqual([]);
    expect(memberRecordProblemsOfChange(legacy, ['fullMembershipDate'], DEFAULT_POLICY).map((p) => p.reason)).toEqual([
      'RECOGNITION_BEFORE_PROBATION_END',
    ]);
    expect(
      memberRecordProblemsOfChange(
        { ...legacy, fullMembershipDate: '2002-01-10' },
        ['fullMembershipDate'],
        DEFAULT_POLICY,
      ),
    ).toEqual([]);
    expect(
      memberRecordProblemsOfChange({ ...legacy, birthDate: '1940-01-01' }, ['birthDate'], DEFAULT_POLICY).map(
        (p) => p.rule,
      ),
    ).toEqual(['ADMISSION_AGE']);
  });
});
