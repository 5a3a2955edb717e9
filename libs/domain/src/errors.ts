// String codes (not classes) so they survive the trip to the API filter and the web client.
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'DUPLICATE_NATIONAL_ID'
  | 'DUPLICATE_CARD_NUMBER'
  | 'DUPLICATE_CODE'
  | 'INVALID_PARENT_KIND'
  | 'ORGANISATION_DISSOLVED'
  | 'EFFECTIVE_DATE_BEFORE_LAST_CHANGE'
  | 'INVALID_DATE_ORDER'
  | 'INVALID_STATUS_TRANSITION'
  | 'DISCIPLINE_FORM_NOT_ALLOWED'
  | 'DISCIPLINE_AUTHORITY'
  | 'CARD_NUMBER_PROBATIONARY'
  | 'ADMISSION_AGE'
  | 'CYCLE'
  | 'RATE_LIMITED'
  | 'IMPORT_INVALID'
  | 'INSPECTION_SUBJECT_NOT_IN_CELL'
  | 'RATING_QUOTA_EXCEEDED'
  | 'RATING_STEP_ORDER'
  | 'RATING_REASON_REQUIRED'
  | 'RATING_ROUND_CLOSED'
  | 'RATING_NOT_RATED';

// A Record, so the compiler rejects a missing or unknown code; its keys give the list at run time.
const ALL_CODES: Record<DomainErrorCode, true> = {
  NOT_FOUND: true,
  FORBIDDEN: true,
  UNAUTHENTICATED: true,
  VALIDATION: true,
  CONFLICT: true,
  DUPLICATE_NATIONAL_ID: true,
  DUPLICATE_CARD_NUMBER: true,
  DUPLICATE_CODE: true,
  INVALID_PARENT_KIND: true,
  ORGANISATION_DISSOLVED: true,
  EFFECTIVE_DATE_BEFORE_LAST_CHANGE: true,
  INVALID_DATE_ORDER: true,
  INVALID_STATUS_TRANSITION: true,
  DISCIPLINE_FORM_NOT_ALLOWED: true,
  DISCIPLINE_AUTHORITY: true,
  CARD_NUMBER_PROBATIONARY: true,
  ADMISSION_AGE: true,
  CYCLE: true,
  RATE_LIMITED: true,
  IMPORT_INVALID: true,
  INSPECTION_SUBJECT_NOT_IN_CELL: true,
  RATING_QUOTA_EXCEEDED: true,
  RATING_STEP_ORDER: true,
  RATING_REASON_REQUIRED: true,
  RATING_ROUND_CLOSED: true,
  RATING_NOT_RATED: true,
};

/** Every DomainErrorCode, for iteration (e.g. building translation files). */
export const DOMAIN_ERROR_CODES: readonly DomainErrorCode[] = Object.freeze(
  Object.keys(ALL_CODES) as DomainErrorCode[],
);

/** Type guard for codes arriving from outside (e.g. a GraphQL error extension). */
export const isDomainErrorCode = (s: unknown): s is DomainErrorCode =>
  typeof s === 'string' && Object.prototype.hasOwnProperty.call(ALL_CODES, s);

/** One problem with one input field; `field` is a dotted/indexed path such as `member.badgeMilestones[2]`. */
export type FieldError = { field: string; reason: string };

/**
 * A field problem that also says which domain error it would raise and, optionally, a stable reason more specific
 * than the code (e.g. `DATE_IN_FUTURE` under VALIDATION) that clients translate.
 */
export type CodedFieldError = FieldError & { code: DomainErrorCode; specific?: string };

/** The stable reason of a date of a fact (a decision, a start, a conclusion) given after today. */
export const DATE_IN_FUTURE = 'DATE_IN_FUTURE';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
    // Down-levelled `extends Error` loses the prototype; restore it so `instanceof DomainError` works.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** True when `e` is a DomainError (optionally with the given code). */
export const isDomainError = (e: unknown, code?: DomainErrorCode): e is DomainError =>
  e instanceof DomainError && (code === undefined || e.code === code);

/** Exhaustiveness guard for `switch` statements: compile error if a case is missing, throws if reached at run time. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
