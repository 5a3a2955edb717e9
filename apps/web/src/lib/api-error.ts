import type { TFunction } from 'i18next';

// `code` is the GraphQL extensions.code (UNAUTHENTICATED, NOT_FOUND, ...) or a client-side code
// (NETWORK_ERROR, BAD_RESPONSE); `reason` is the stable domain code the UI translates.
export type ApiErrorField = { field: string; reason: string; message?: string };
/** One refused cell of an imported file (extensions.rows of IMPORT_INVALID). */
export type ApiErrorRow = { row: number; column: string; reason: string; code?: string | null };

export class ApiError extends Error {
  readonly code: string;
  readonly reason: string;
  readonly fields: ApiErrorField[];
  readonly status: number | undefined;
  readonly rows: ApiErrorRow[];

  constructor(init: {
    code: string;
    reason?: string;
    fields?: ApiErrorField[];
    message?: string;
    status?: number;
    rows?: ApiErrorRow[];
  }) {
    super(init.message ?? init.reason ?? init.code);
    this.name = 'ApiError';
    this.code = init.code;
    this.reason = init.reason ?? init.code;
    this.fields = init.fields ?? [];
    this.status = init.status;
    this.rows = init.rows ?? [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const toField = (value: unknown): ApiErrorField | null => {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.field !== 'string') return null;
  return {
    field: v.field,
    reason: typeof v.reason === 'string' ? v.reason : 'VALIDATION',
    message: typeof v.message === 'string' ? v.message : undefined,
  };
};

/** Builds an ApiError from one entry of a GraphQL `errors` array. */
export const apiErrorFromGraphQL = (error: unknown, status?: number): ApiError => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const ext = (typeof e.extensions === 'object' && e.extensions !== null ? e.extensions : {}) as Record<
    string,
    unknown
  >;
  const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
  const reason = typeof ext.reason === 'string' ? ext.reason : code;
  const fields = Array.isArray(ext.fields) ? ext.fields.map(toField).filter((f): f is ApiErrorField => f !== null) : [];
  const rows = Array.isArray(ext.rows)
    ? ext.rows.filter(
        (r): r is ApiErrorRow =>
          typeof r === 'object' &&
          r !== null &&
          typeof (r as ApiErrorRow).row === 'number' &&
          typeof (r as ApiErrorRow).reason === 'string',
      )
    : [];
  return new ApiError({
    code,
    reason,
    fields,
    message: typeof e.message === 'string' ? e.message : undefined,
    status,
    rows,
  });
};

const toApiError = (error: unknown): ApiError =>
  isApiError(error)
    ? error
    : new ApiError({ code: 'UNKNOWN', message: error instanceof Error ? error.message : undefined });

/**
 * The translated message for an error: `errors.<reason>`, then `errors.<code>`, then the generic text.
 * The server's own (English) message is never shown.
 */
export const translateApiError = (t: TFunction, i18nExists: (key: string) => boolean, error: unknown): string => {
  const e = toApiError(error);
  for (const key of [`errors.${e.reason}`, `errors.${e.code}`]) {
    if (i18nExists(key)) return t(key as 'errors.GENERIC');
  }
  return t('errors.GENERIC');
};

/** Field-level messages, keyed by field name, translated by their reason. */
export const translateFieldErrors = (
  t: TFunction,
  i18nExists: (key: string) => boolean,
  error: unknown,
): Record<string, string> => {
  const e = toApiError(error);
  const out: Record<string, string> = {};
  for (const f of e.fields) {
    const key = `errors.${f.reason}`;
    out[f.field] = i18nExists(key) ? t(key as 'errors.GENERIC') : t('errors.VALIDATION');
  }
  return out;
};
