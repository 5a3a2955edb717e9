import { vietnamHolidaySet } from '../dates';
import { DomainError } from '../errors';
import { DEFAULT_POLICY, resolvePolicy, type Policy, type PolicyLayer } from '../policy';
import {
  admissionAgeOk,
  ageInMonths,
  assertAdmissionAge,
  badgeDue,
  ceremonyDeadline,
  ceremonyState,
  nextBadge,
  nextBadgeOccasion,
  partyAge,
  presentDeadline,
  probationEnd,
  probationState,
  recognitionDateProblem,
  recognitionDeadline,
  transferDeadline,
} from './dates';

const P = DEFAULT_POLICY;
const withPolicy = (values: PolicyLayer['values']): Policy =>
  resolvePolicy([{ effectiveFrom: '2000-01-01', effectiveTo: null, depth: 0, values }], '2025-01-01');
const TET_2025 = new Set(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);

describe('probation', () => {
  it('ends 12 months after the ceremony (clamped)', () => {
    expect(probationEnd('2024-03-15', P)).toBe('2025-03-15');
    expect(probationEnd('2024-02-29', P)).toBe('2025-02-28');
    expect(probationEnd('2024-03-15', withPolicy({ member: { probationMonths: 18 } }))).toBe('2025-09-15');
  });

  it('recognition is due within 30 working days after probationEnd', () => {
    // probationEnd Sat 2025-03-15 → day 1 Mon 17 March → day 30 Fri 25 April
    expect(recognitionDeadline('2024-03-15', P)).toBe('2025-04-25');
    // Hùng Kings' day 2025 (10/3 lunar = Mon 7 April) moves it to Monday 28 April
    expect(recognitionDeadline('2024-03-15', P, new Set(['2025-04-07']))).toBe('2025-04-28');
  });

  const m = { status: 'PROBATIONARY' as const, ceremonyDate: '2024-03-15' };
  it.each([
    ['2024-03-14', 'NONE'],
    ['2024-03-15', 'IN_PROBATION'],
    ['2025-03-14', 'IN_PROBATION'],
    ['2025-03-15', 'DUE'],
    ['2025-04-25', 'DUE'],
    ['2025-04-26', 'OVERDUE'],
    ['2025-04-28', 'OVERDUE'],
  ])('on %s → %s', (asOf, state) => expect(probationState(m, asOf, P)).toBe(state));

  it('holidays extend DUE', () => {
    expect(probationState(m, '2025-04-28', P, new Set(['2025-04-07']))).toBe('DUE');
    expect(probationState(m, '2025-04-29', P, new Set(['2025-04-07']))).toBe('OVERDUE');
  });

  it('is NONE for full members or without a ceremony date', () => {
    expect(probationState({ status: 'FULL', ceremonyDate: '2024-03-15' }, '2025-05-01', P)).toBe('NONE');
    expect(probationState({ status: 'PROBATIONARY', ceremonyDate: null }, '2025-05-01', P)).toBe('NONE');
    expect(probationState({ status: null, ceremonyDate: '2024-03-15' }, '2025-05-01', P)).toBe('NONE');
  });
});

describe('ceremony', () => {
  it('must be held within 30 working days of the decision', () => {
    // Fri 25 April 2025: 6 full weeks → Fri 6 June; 30/4 and 1/5 push it to Tue 10 June
    expect(ceremonyDeadline('2025-04-25', P)).toBe('2025-06-06');
    expect(ceremonyDeadline('2025-04-25', P, vietnamHolidaySet(2025, 2025))).toBe('2025-06-10');
  });

  const m = { status: 'PROBATIONARY' as const, admissionDecisionDate: '2025-04-25', ceremonyDate: null };
  it.each([
    ['2025-04-24', 'NONE'],
    ['2025-04-25', 'PENDING'],
    ['2025-06-06', 'PENDING'],
    ['2025-06-07', 'OVERDUE'],
  ])('without a ceremony, on %s → %s', (asOf, state) => expect(ceremonyState(m, asOf, P)).toBe(state));

  it('a held ceremony clears it; a planned one does not', () => {
    expect(ceremonyState({ ...m, ceremonyDate: '2025-05-19' }, '2025-05-19', P)).toBe('NONE');
    expect(ceremonyState({ ...m, ceremonyDate: '2025-05-19' }, '2025-05-18', P)).toBe('PENDING');
    expect(ceremonyState({ ...m, ceremonyDate: '2025-07-01' }, '2025-06-30', P)).toBe('OVERDUE');
  });

  it('is NONE without a decision or for other statuses', () => {
    expect(ceremonyState({ ...m, admissionDecisionDate: null }, '2025-07-01', P)).toBe('NONE');
    expect(ceremonyState({ ...m, status: 'FULL' }, '2025-07-01', P)).toBe('NONE');
  });
});

describe('partyAge', () => {
  it.each([
    ['1995-06-10', '2025-06-09', 29, 11],
    ['1995-06-10', '2025-06-10', 30, 0],
    ['1995-06-10', '1995-06-10', 0, 0],
    ['1995-06-10', '1995-06-09', 0, 0],
    ['2000-01-31', '2000-02-28', 0, 0],
    ['2000-01-31', '2000-02-29', 0, 1],
    ['2024-02-29', '2025-02-28', 1, 0],
  ])('decision %s on %s → %i y %i m', (d, asOf, years, months) => expect(partyAge(d, asOf)).toEqual({ years, months }));
});

describe('badges', () => {
  it('nextBadgeOccasion rolls to the next year', () => {
    expect(nextBadgeOccasion('2025-06-10', P)).toBe('2025-09-02');
    expect(nextBadgeOccasion('2025-09-02', P)).toBe('2025-09-02');
    expect(nextBadgeOccasion('2025-11-08', P)).toBe('2026-02-03');
    expect(nextBadgeOccasion('2025-01-01', P)).toBe('2025-02-03');
    expect(nextBadgeOccasion('2025-01-01', withPolicy({ member: { badgeOccasions: [] } }))).toBeNull();
  });

  it('skips 29 February occasions in common years', () => {
    const p = withPolicy({ member: { badgeOccasions: ['02-29'] } });
    expect(nextBadgeOccasion('2025-01-01', p)).toBe('2028-02-29');
    expect(nextBadgeOccasion('2024-01-01', p)).toBe('2024-02-29');
  });

  it('badgeDue finds the milestone reached in a calendar year', () => {
    expect(badgeDue('1995-06-10', 2025, P)).toEqual({ milestone: 30, reachedOn: '2025-06-10', awardOn: '2025-09-02' });
    expect(badgeDue('1995-06-10', 2024, P)).toBeNull();
    expect(badgeDue('1995-06-10', 2026, P)).toBeNull();
    expect(badgeDue('1995-06-10', 2035, P)).toEqual({ milestone: 40, reachedOn: '2035-06-10', awardOn: '2035-09-02' });
    expect(badgeDue('1995-06-10', 2040, P)?.milestone).toBe(45);
    expect(badgeDue('1935-06-10', 2025, P)?.milestone).toBe(90);
    expect(badgeDue('1930-06-10', 2025, P)).toBeNull();
  });

  it('awards on the occasion itself or the next one', () => {
    expect(badgeDue('1995-05-19', 2025, P)?.awardOn).toBe('2025-05-19');
    expect(badgeDue('1995-05-20', 2025, P)?.awardOn).toBe('2025-09-02');
    expect(badgeDue('1995-11-07', 2025, P)?.awardOn).toBe('2025-11-07');
    expect(badgeDue('1995-11-08', 2025, P)).toEqual({ milestone: 30, reachedOn: '2025-11-08', awardOn: '2026-02-03' });
    expect(badgeDue('1976-02-29', 2026, P)).toEqual({ milestone: 50, reachedOn: '2026-02-28', awardOn: '2026-05-19' });
  });

  it('badgeDue is null when there is no occasion at all', () => {
    expect(badgeDue('1995-06-10', 2025, withPolicy({ member: { badgeOccasions: [] } }))).toBeNull();
  });

  it('nextBadge is the first milestone after asOf', () => {
    expect(nextBadge('1995-06-10', '2025-06-09', P)).toEqual({
      milestone: 30,
      reachedOn: '2025-06-10',
      awardOn: '2025-09-02',
    });
    expect(nextBadge('1995-06-10', '2025-06-10', P)?.milestone).toBe(40);
    expect(nextBadge('1995-06-10', '1990-01-01', P)?.milestone).toBe(30);
    expect(nextBadge('1930-02-03', '2025-01-01', P)).toBeNull();
    expect(
      nextBadge('1995-06-10', '2025-01-01', withPolicy({ member: { badgeMilestones: [25, 35] } }))?.milestone,
    ).toBe(35);
  });
});

describe('transfers', () => {
  it('60 working days to transfer, 30 to present the letter', () => {
    expect(transferDeadline('2025-01-02', P)).toBe('2025-03-27');
    expect(transferDeadline('2025-01-02', P, TET_2025)).toBe('2025-04-03');
    expect(presentDeadline('2025-01-02', P)).toBe('2025-02-13');
    expect(presentDeadline('2025-01-02', P, TET_2025)).toBe('2025-02-20');
    expect(presentDeadline('2025-01-02', withPolicy({ member: { transferPresentWorkingDays: 10 } }))).toBe(
      '2025-01-16',
    );
  });
});

describe('admission age', () => {
  it.each([
    ['2007-05-20', '2025-05-19', false], // 215 months
    ['2007-05-20', '2025-05-20', true], // 216
    ['2007-01-31', '2025-01-30', false],
    ['2007-01-31', '2025-01-31', true],
    ['2008-02-29', '2026-02-27', false],
    ['2008-02-29', '2026-02-28', true], // the birthday is clamped to 28 February
    ['1965-05-20', '2025-05-20', true], // 720
    ['1965-05-20', '2025-06-19', true], // still 720
    ['1965-05-20', '2025-06-20', false], // 721
  ])('born %s, vote %s → %s', (birth, vote, ok) => expect(admissionAgeOk(birth, vote, P)).toBe(ok));

  it('rejects a birth date after the vote and honours the policy', () => {
    expect(admissionAgeOk('2030-01-01', '2025-01-01', withPolicy({ member: { admissionMinAgeMonths: 0 } }))).toBe(
      false,
    );
    expect(admissionAgeOk('1955-01-01', '2025-01-01', withPolicy({ member: { admissionMaxAgeMonths: 900 } }))).toBe(
      true,
    );
    expect(ageInMonths('2007-05-20', '2025-05-20')).toBe(216);
  });

  it('assertAdmissionAge throws ADMISSION_AGE on birthDate', () => {
    expect(() => assertAdmissionAge('2007-05-20', '2025-05-20', P)).not.toThrow();
    try {
      assertAdmissionAge('2007-05-20', '2025-05-19', P);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('ADMISSION_AGE');
      expect((e as DomainError).field).toBe('birthDate');
      expect((e as DomainError).details).toEqual({ ageMonths: 215, min: 216, max: 720 });
      expect((e as DomainError).message).toContain('17 years 11 months');
    }
  });
});

describe('recognitionDateProblem', () => {
  it('refuses recognition effective before the end of probation, accepts it from that day', () => {
    expect(recognitionDateProblem('2026-06-01', '2026-12-01', DEFAULT_POLICY)).toMatchObject({
      probationEnd: '2027-06-01',
    });
    expect(recognitionDateProblem('2026-06-01', '2027-05-31', DEFAULT_POLICY)?.message).toContain('2027-06-01');
    expect(recognitionDateProblem('2026-06-01', '2027-06-01', DEFAULT_POLICY)).toBeNull();
    expect(recognitionDateProblem('2026-06-01', '2027-07-01', DEFAULT_POLICY)).toBeNull();
  });
  it('has nothing to check without a ceremony date (a member transferred in)', () => {
    expect(recognitionDateProblem(null, '2026-01-01', DEFAULT_POLICY)).toBeNull();
  });
});
