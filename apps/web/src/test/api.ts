import { vi } from 'vitest';
import { ApiError, type ApiErrorField } from '../lib/api-error';
import { request } from '../lib/graphql-client';

// The API as a test sees it: request() of lib/graphql-client is a mock (setup.ts). `answer` says what each operation
// returns, by operation name; `sent` lists the variables each call of an operation carried.

/** What an operation answers: its data, or a function of the variables (which may throw an ApiError). */
export type Answer = unknown | ((variables: Record<string, unknown>) => unknown);

const OPERATION = /\b(?:query|mutation)\s+(\w+)/;
const operationOf = (document: unknown): string => OPERATION.exec(String(document))?.[1] ?? '?';

export const answer = (answers: Record<string, Answer>): void => {
  vi.mocked(request).mockImplementation(async (document, variables) => {
    const name = operationOf(document);
    if (!(name in answers)) throw new ApiError({ code: 'UNEXPECTED_OPERATION', message: `no answer for ${name}` });
    const a = answers[name];
    return (typeof a === 'function' ? a(variables as Record<string, unknown>) : a) as never;
  });
};

/** The variables of every call of `operation`, in order. */
export const sent = (operation: string): Record<string, unknown>[] =>
  vi
    .mocked(request)
    .mock.calls.filter(([document]) => operationOf(document) === operation)
    .map(([, variables]) => variables as Record<string, unknown>);

/** The names of every operation sent, in order. */
export const operationsSent = (): string[] => vi.mocked(request).mock.calls.map(([document]) => operationOf(document));

/** A refusal of the server with field errors, as lib/api-error builds it from a GraphQL error. */
export const validationError = (...fields: [field: string, reason: string][]): ApiError =>
  new ApiError({
    code: 'BAD_USER_INPUT',
    reason: 'VALIDATION',
    fields: fields.map(([field, reason]): ApiErrorField => ({ field, reason })),
  });

/** No connection: what request() throws when fetch fails. */
export const networkError = (): ApiError => new ApiError({ code: 'NETWORK_ERROR' });
