import {
  assertNever,
  DOMAIN_ERROR_CODES,
  DomainError,
  isDomainError,
  isDomainErrorCode,
  type DomainErrorCode,
} from './errors';

describe('DomainError', () => {
  it('carries code, message, field and details', () => {
    const e = new DomainError('INVALID_PARENT_KIND', 'bad parent', 'parentId', { parent: 'PARTY_GROUP' });
    expect(e.code).toBe('INVALID_PARENT_KIND');
    expect(e.message).toBe('bad parent');
    expect(e.field).toBe('parentId');
    expect(e.details).toEqual({ parent: 'PARTY_GROUP' });
    expect(e.name).toBe('DomainError');
    expect(typeof e.stack).toBe('string');
  });

  it('works with instanceof after transpilation', () => {
    const e: unknown = new DomainError('NOT_FOUND', 'Member 1');
    expect(e instanceof DomainError).toBe(true);
    expect(e instanceof Error).toBe(true);
    expect(Object.getPrototypeOf(e)).toBe(DomainError.prototype);
  });

  it('leaves field and details undefined when not given', () => {
    const e = new DomainError('CONFLICT', 'x');
    expect(e.field).toBeUndefined();
    expect(e.details).toBeUndefined();
  });

  it('is recognised by isDomainError, optionally by code', () => {
    const e = new DomainError('CYCLE', 'loop');
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(e, 'CYCLE')).toBe(true);
    expect(isDomainError(e, 'CONFLICT')).toBe(false);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'CYCLE' })).toBe(false);
  });
});

describe('DOMAIN_ERROR_CODES', () => {
  it('lists the 26 codes once each', () => {
    expect(DOMAIN_ERROR_CODES).toHaveLength(26);
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(26);
    expect(DOMAIN_ERROR_CODES).toContain('IMPORT_INVALID');
    expect(DOMAIN_ERROR_CODES).toContain('EFFECTIVE_DATE_BEFORE_LAST_CHANGE');
  });

  it('supports an exhaustive switch with assertNever', () => {
    const toHttp = (code: DomainErrorCode): number => {
      switch (code) {
        case 'NOT_FOUND':
          return 404;
        case 'FORBIDDEN':
          return 403;
        case 'UNAUTHENTICATED':
          return 401;
        case 'RATE_LIMITED':
          return 429;
        case 'CONFLICT':
        case 'DUPLICATE_NATIONAL_ID':
        case 'DUPLICATE_CARD_NUMBER':
        case 'DUPLICATE_CODE':
        case 'EFFECTIVE_DATE_BEFORE_LAST_CHANGE':
        case 'ORGANISATION_DISSOLVED':
        case 'CYCLE':
          return 409;
        case 'VALIDATION':
        case 'INVALID_PARENT_KIND':
        case 'INVALID_DATE_ORDER':
        case 'INVALID_STATUS_TRANSITION':
        case 'DISCIPLINE_FORM_NOT_ALLOWED':
        case 'DISCIPLINE_AUTHORITY':
        case 'CARD_NUMBER_PROBATIONARY':
        case 'ADMISSION_AGE':
        case 'IMPORT_INVALID':
        case 'INSPECTION_SUBJECT_NOT_IN_CELL':
        case 'RATING_QUOTA_EXCEEDED':
        case 'RATING_REASON_REQUIRED':
        case 'RATING_NOT_RATED':
          return 400;
        case 'RATING_STEP_ORDER':
        case 'RATING_ROUND_CLOSED':
          return 409;
        default:
          return assertNever(code);
      }
    };
    expect(DOMAIN_ERROR_CODES.map(toHttp).every((s) => s >= 400)).toBe(true);
  });

  it('isDomainErrorCode accepts only known codes', () => {
    expect(isDomainErrorCode('CYCLE')).toBe(true);
    expect(isDomainErrorCode('cycle')).toBe(false);
    expect(isDomainErrorCode('toString')).toBe(false);
    expect(isDomainErrorCode(3)).toBe(false);
  });
});

describe('assertNever', () => {
  it('throws with the unexpected value', () => {
    expect(() => assertNever('BOGUS' as never)).toThrow('Unexpected value: "BOGUS"');
  });
});
