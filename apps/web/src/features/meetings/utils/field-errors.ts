import { isApiError } from '../../../lib/api-error';

/**
 * Splits an API error's field messages (already translated, keyed by the API's field path such as
 * `attendance.3.reason`) into those a form can show next to an input and the rest.
 */
export const fieldPath = (field: string): (string | number)[] =>
  field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

export const hasFieldErrors = (error: unknown): boolean => isApiError(error) && error.fields.length > 0;
