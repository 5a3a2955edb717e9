import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { assertNever, DomainError, type DomainErrorCode } from '@chibo/domain';

export type GqlCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

/** Every domain code maps to one GraphQL code; a new code fails to compile until it is mapped here. */
export const toGqlCode = (code: DomainErrorCode): GqlCode => {
  switch (code) {
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'RATE_LIMITED':
      return 'TOO_MANY_REQUESTS';
    case 'CONFLICT':
    case 'DUPLICATE_NATIONAL_ID':
    case 'DUPLICATE_CARD_NUMBER':
    case 'DUPLICATE_CODE':
    case 'EFFECTIVE_DATE_BEFORE_LAST_CHANGE':
    case 'ORGANISATION_DISSOLVED':
    case 'INVALID_STATUS_TRANSITION':
    case 'RATING_STEP_ORDER':
    case 'RATING_ROUND_CLOSED':
      return 'CONFLICT';
    case 'VALIDATION':
    case 'INVALID_PARENT_KIND':
    case 'INVALID_DATE_ORDER':
    case 'DISCIPLINE_FORM_NOT_ALLOWED':
    case 'DISCIPLINE_AUTHORITY':
    case 'CARD_NUMBER_PROBATIONARY':
    case 'ADMISSION_AGE':
    case 'CYCLE':
    case 'IMPORT_INVALID':
    case 'INSPECTION_SUBJECT_NOT_IN_CELL':
    case 'RATING_QUOTA_EXCEEDED':
    case 'RATING_REASON_REQUIRED':
    case 'RATING_NOT_RATED':
      return 'BAD_USER_INPUT';
    default:
      return assertNever(code);
  }
};

export type FieldError = { field: string; reason: string; message: string };

/**
 * The stable reason clients translate: a more specific one when the service gave it (`details.reason`, e.g.
 * MEETING_CLOSED under the general CONFLICT), else the domain code.
 */
const specificReason = (e: DomainError): string => (typeof e.details?.reason === 'string' ? e.details.reason : e.code);

export const domainToGraphQLError = (e: DomainError): GraphQLError => {
  // Domain rules report several problems as details.errors [{ field, reason }]; the API's own code as details.fields.
  const listed = Array.isArray(e.details?.errors)
    ? (e.details.errors as { field: string; reason: string; code?: string; specific?: string }[]).map((x) => ({
        field: x.field,
        reason: x.specific ?? x.code ?? e.code,
        message: x.reason,
      }))
    : null;
  const fields: FieldError[] = Array.isArray(e.details?.fields)
    ? (e.details.fields as FieldError[])
    : listed
      ? listed
      : e.field
        ? [{ field: e.field, reason: specificReason(e), message: e.message }]
        : [];
  return new GraphQLError(e.message, {
    extensions: {
      code: toGqlCode(e.code),
      reason: specificReason(e),
      fields,
      ...(e.details?.rows ? { rows: e.details.rows } : {}),
      ...(typeof e.details?.notRatedReason === 'string' ? { notRatedReason: e.details.notRatedReason } : {}),
      ...(e.details?.counts && typeof e.details.counts === 'object' ? { counts: e.details.counts } : {}),
      ...(typeof e.details?.version === 'number' ? { version: e.details.version } : {}),
    },
  });
};

// Unique-constraint names in the database → the domain code and field a client can act on.
const UNIQUE_CONSTRAINTS: Record<string, { code: DomainErrorCode; field: string; message: string }> = {
  member_national_id_key: {
    code: 'DUPLICATE_NATIONAL_ID',
    field: 'nationalId',
    message: 'Another member already has this national ID',
  },
  member_card_number_key: {
    code: 'DUPLICATE_CARD_NUMBER',
    field: 'cardNumber',
    message: 'Another member already has this party card number',
  },
  organisation_code_key: {
    code: 'DUPLICATE_CODE',
    field: 'code',
    message: 'Another organisation already has this code',
  },
  app_user_username_key: { code: 'CONFLICT', field: 'username', message: 'This username is taken' },
  grant_unique: { code: 'CONFLICT', field: 'role', message: 'The user already holds this grant' },
  inspection_plan_once: {
    code: 'CONFLICT',
    field: 'year',
    message: 'This organisation already has an inspection plan for that year',
  },
};

/** Turns a PostgreSQL constraint violation into a DomainError with the field, or returns null. */
/**
 * For `.catch` after a check: a DomainError it threw is answered as `map(e)` (another field, message or code);
 * anything else, such as a database error, is rethrown as it is, so it is still mapped like one (fromDatabaseError)
 * and never turned into a DomainError whose code is a SQLSTATE.
 */
export const onDomainError =
  (map: (e: DomainError) => Error) =>
  (e: unknown): never => {
    throw e instanceof DomainError ? map(e) : e;
  };

/** For `.catch` after a check: its DomainError, naming `field` (the caller's input) instead of the check's own. */
export const asField = (field: string) => onDomainError((e) => new DomainError(e.code, e.message, field));

export const fromDatabaseError = (e: unknown): DomainError | null => {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  if (code === '23505' && constraint && UNIQUE_CONSTRAINTS[constraint]) {
    const u = UNIQUE_CONSTRAINTS[constraint];
    return new DomainError(u.code, u.message, u.field);
  }
  if (code === '23P01' && constraint === 'organisation_term_no_overlap')
    return new DomainError('CONFLICT', 'The term overlaps another term of the organisation', 'termStart', {
      reason: 'TERM_OVERLAP',
    });
  if (code === '23P01')
    return new DomainError('CONFLICT', `Overlapping periods (${constraint ?? 'exclusion constraint'})`);
  if (code === '23514')
    return new DomainError('VALIDATION', `A value breaks the rule ${constraint ?? 'check constraint'}`);
  if (code === '23503') return new DomainError('VALIDATION', 'A referenced record does not exist');
  // Class 22, data exceptions: a value PostgreSQL cannot take (a date or number out of range, a NUL character).
  // The caller's input, answered without the database's message or code.
  if (code === '22021' || code === '22P05')
    return new DomainError(
      'VALIDATION',
      'A text contains a character that cannot be stored (NUL or another control character)',
      undefined,
      { reason: 'INVALID_CHARACTER' },
    );
  if (code === '57014')
    return new DomainError(
      'VALIDATION',
      'The request ran too long in the database and was cancelled; ask for less (a smaller page, a narrower filter or period)',
      undefined,
      { reason: 'QUERY_TIMEOUT' },
    );
  if (code && /^22[0-9A-Z]{3}$/.test(code))
    return new DomainError(
      'VALIDATION',
      'A value is out of range or malformed (for example a year or date PostgreSQL cannot represent)',
      undefined,
      { reason: 'VALUE_OUT_OF_RANGE' },
    );
  return null;
};

// Connection-level failures (network codes, PostgreSQL classes 08 and 57P, too many connections, a database that
// refuses new connections: ALLOW_CONNECTIONS false, 55000 at connect, what `db-fault` does): the database is
// unavailable, the request may be retried.
const UNAVAILABLE_NET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);
export const isDatabaseUnavailable = (e: unknown): boolean => {
  const err = e as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = err?.driverError?.code ?? err?.code;
  const message = err?.driverError?.message ?? err?.message ?? '';
  if (code && (UNAVAILABLE_NET.has(code) || /^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300'))
    return true;
  if (code === '55000' && /is not currently accepting connections/.test(message)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
};

export const serviceUnavailable = (): GraphQLError =>
  new GraphQLError('The database is unavailable; try again in a few seconds', {
    extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', retryable: true },
  });

@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, _host: ArgumentsHost): GraphQLError {
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainError) {
      return domainToGraphQLError(exception);
    }
    const db = fromDatabaseError(exception);
    if (db) return domainToGraphQLError(db);
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error)?.message ?? String(exception)}`);
      return serviceUnavailable();
    }
    if (exception instanceof HttpException && exception.getStatus() === 429) {
      return new GraphQLError('Too many requests', {
        extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' },
      });
    }
    // Other client errors of the HTTP layer (an unknown path: Nest's NotFoundException, answered 404 by the router) are
    // the client's mistake, not the server's: no error log.
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      return new GraphQLError(exception.message, {
        extensions: { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', reason: `HTTP_${status}` },
      });
    }
    // Unknown (including database errors of codes not mapped above): logged once here with the database code
    // (message and stack, no request data), answered with a masked error that carries neither.
    const err = exception as Error & { code?: string; driverError?: { code?: string } };
    const dbCode = err?.driverError?.code ?? (typeof err?.code === 'string' ? err.code : undefined);
    this.logger.error(`${dbCode ? `[${dbCode}] ` : ''}${err?.message ?? String(exception)}`, err?.stack);
    return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

const MALFORMED_REQUEST: [RegExp, string][] = [
  [/^Too many errors processing variables, error limit reached/, 'INVALID_VARIABLES'],
  [/^provided sha does not match query$/, 'PERSISTED_QUERY_MISMATCH'],
];
const TOKEN_LIMIT = /Document contains more th(?:an|at) (\d+) tokens/;

/** Apollo's last word on every error: no stack traces outside development; the parser's token limit is QUERY_TOO_COMPLEX. */
const formatLogger = new Logger('GraphQL');

export const formatError =
  (production: boolean) =>
  (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    // A field whose value is a promise of a plain object (not a @ResolveField) rejects outside Nest's exception filter:
    // Apollo then labels even a DomainError internal and passes its message on. Map it here as the filter would, and
    // mask anything else that is not a GraphQLError of our own.
    const original = error === undefined ? undefined : unwrapResolverError(error);
    if (original instanceof DomainError) {
      const mapped = domainToGraphQLError(original);
      return {
        message: mapped.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: mapped.extensions,
      };
    }
    if (
      formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' &&
      formatted.path &&
      original instanceof Error &&
      !(original instanceof GraphQLError)
    ) {
      const db = fromDatabaseError(original);
      if (db) {
        const mapped = domainToGraphQLError(db);
        return {
          message: mapped.message,
          ...(formatted.locations ? { locations: formatted.locations } : {}),
          path: formatted.path,
          extensions: mapped.extensions,
        };
      }
      formatLogger.error(original.message, original.stack);
      return {
        message: 'Internal server error',
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
    if (tokens) {
      return {
        message: `The query is too complex: more than ${tokens[1]} tokens`,
        extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: Number(tokens[1]) },
      };
    }
    // graphql-js and Apollo answer some malformed requests without a code, which Apollo then labels internal: the
    // variables of a request with more than 50 bad values, and an automatic persisted query whose hash does not match.
    const malformed =
      formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && !formatted.path
        ? MALFORMED_REQUEST.find(([re]) => re.test(formatted.message))
        : undefined;
    if (malformed) return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT', reason: malformed[1] } };
    if (!production) return formatted;
    const { stacktrace: _s, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  };
