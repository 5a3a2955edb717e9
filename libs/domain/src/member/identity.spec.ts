import { DomainError } from '../errors';
import {
  assertCardNumberAllowed,
  decodeNationalId,
  normaliseCardNumber,
  normaliseNationalId,
  validateCardNumber,
  validateMemberDates,
  validateNationalId,
} from './identity';

describe('national ID', () => {
  it('normalises separators', () => {
    expect(normaliseNationalId(' 001 085.012-345 ')).toBe('001085012345');
    expect(normaliseNationalId('001085012345')).toBe('001085012345');
  });
  it.each([
    ['001085012345', true],
    ['001 085 012 345', true],
    ['079301001234', true],
    ['00108501234', false],
    ['0010850123456', false],
    ['00108501234A', false],
    ['', false],
    ['０01085012345', false], // full-width digit
  ])('%j → %s', (s, ok) => expect(validateNationalId(s)).toBe(ok));

  it('decodes province, gender and birth year', () => {
    expect(decodeNationalId('001085012345')).toEqual({ provinceCode: '001', gender: 'MALE', birthYear: 1985 });
    expect(decodeNationalId('079301001234')).toEqual({ provinceCode: '079', gender: 'FEMALE', birthYear: 2001 });
    expect(decodeNationalId('001 185 012345')).toEqual({ provinceCode: '001', gender: 'FEMALE', birthYear: 1985 });
    expect(decodeNationalId('001205012345')).toEqual({ provinceCode: '001', gender: 'MALE', birthYear: 2005 });
    expect(decodeNationalId('00108501234')).toBeNull();
  });
});

describe('card number', () => {
  it.each([
    ['12345', false],
    ['123456', true],
    ['12.345.678', true],
    ['123456789012', true],
    ['1234567890123', false],
    ['AB123456', false],
  ])('%j → %s', (s, ok) => expect(validateCardNumber(s)).toBe(ok));
  it('normalises', () => expect(normaliseCardNumber('12 345.678')).toBe('12345678'));

  it('probationary members hold no card', () => {
    expect(() => assertCardNumberAllowed('FULL', '12345678')).not.toThrow();
    expect(() => assertCardNumberAllowed('PROBATIONARY', null)).not.toThrow();
    expect(() => assertCardNumberAllowed('PROBATIONARY', '  ')).not.toThrow();
    expect(() => assertCardNumberAllowed('PROBATIONARY', undefined)).not.toThrow();
    try {
      assertCardNumberAllowed('PROBATIONARY', '12345678');
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CARD_NUMBER_PROBATIONARY');
      expect((e as DomainError).field).toBe('cardNumber');
    }
  });
});

describe('validateMemberDates', () => {
  const ok = {
    birthDate: '1990-01-15',
    admissionDecisionDate: '2020-05-10',
    ceremonyDate: '2020-05-19',
    fullMembershipDate: '2021-05-19',
  };

  it('accepts a consistent record, equal party dates and missing dates', () => {
    expect(validateMemberDates(ok)).toEqual([]);
    expect(validateMemberDates({ ...ok, ceremonyDate: '2020-05-10', fullMembershipDate: '2020-05-10' })).toEqual([]);
    expect(validateMemberDates({ birthDate: '1990-01-15' })).toEqual([]);
    expect(
      validateMemberDates({
        birthDate: null,
        admissionDecisionDate: null,
        ceremonyDate: null,
        fullMembershipDate: null,
      }),
    ).toEqual([]);
    expect(validateMemberDates({})).toEqual([]);
  });

  it('full membership before probationEnd is allowed', () => {
    expect(validateMemberDates({ ...ok, fullMembershipDate: '2020-06-01' })).toEqual([]);
  });

  it('birth must be strictly before the decision', () => {
    expect(validateMemberDates({ ...ok, birthDate: '2020-05-10' })).toEqual([
      { field: 'admissionDecisionDate', reason: 'must be after birthDate (2020-05-10)', code: 'INVALID_DATE_ORDER' },
    ]);
    expect(validateMemberDates({ ...ok, birthDate: '2020-05-09' })).toEqual([]);
    expect(validateMemberDates({ ...ok, birthDate: '2021-06-01' })).toEqual([
      { field: 'admissionDecisionDate', reason: 'must be after birthDate (2021-06-01)', code: 'INVALID_DATE_ORDER' },
      { field: 'ceremonyDate', reason: 'must be after birthDate (2021-06-01)', code: 'INVALID_DATE_ORDER' },
      { field: 'fullMembershipDate', reason: 'must be after birthDate (2021-06-01)', code: 'INVALID_DATE_ORDER' },
    ]);
  });

  it('ceremony before the decision', () => {
    expect(validateMemberDates({ ...ok, ceremonyDate: '2020-05-09' })).toEqual([
      {
        field: 'ceremonyDate',
        reason: 'must not be before admissionDecisionDate (2020-05-10)',
        code: 'INVALID_DATE_ORDER',
      },
    ]);
  });

  it('full membership before the ceremony', () => {
    expect(validateMemberDates({ ...ok, fullMembershipDate: '2020-05-18' })).toEqual([
      {
        field: 'fullMembershipDate',
        reason: 'must not be before ceremonyDate (2020-05-19)',
        code: 'INVALID_DATE_ORDER',
      },
    ]);
  });

  it('compares across a missing date', () => {
    expect(
      validateMemberDates({
        admissionDecisionDate: '2020-05-10',
        ceremonyDate: null,
        fullMembershipDate: '2020-05-01',
      }),
    ).toEqual([
      {
        field: 'fullMembershipDate',
        reason: 'must not be before admissionDecisionDate (2020-05-10)',
        code: 'INVALID_DATE_ORDER',
      },
    ]);
  });

  it('reports invalid dates as VALIDATION and skips them in comparisons', () => {
    expect(validateMemberDates({ ...ok, ceremonyDate: '2020-02-30' })).toEqual([
      { field: 'ceremonyDate', reason: 'must be a date YYYY-MM-DD', code: 'VALIDATION' },
    ]);
  });
});
