import { ApiError, apiErrorFromGraphQL } from './api-error';
import type { AuthPayload } from './api-types';
import { clearSession, getSession, reloadSession, saveSession } from './session';

const ENDPOINT = '/graphql';

// A GraphQL document carrying its result and variable types (phantom properties), so
// `request(doc, vars)` is typed without a code generator. Values always travel as variables.
export type GraphQLDocument<TData, TVariables> = string & {
  readonly __data?: TData;
  readonly __variables?: TVariables;
};

export type NoVariables = Record<string, never>;

export const graphql = <TData, TVariables = NoVariables>(source: string): GraphQLDocument<TData, TVariables> =>
  source as GraphQLDocument<TData, TVariables>;

export type RequestOptions = {
  signal?: AbortSignal;
  /**
   * 'required' (default): send the access token; on UNAUTHENTICATED refresh once and retry, else sign out.
   * 'optional': send the token if there is one, never refresh (signOut).
   * 'none': public operations (signIn, refreshSession).
   */
  auth?: 'required' | 'optional' | 'none';
};

type GraphQLResponse<TData> = { data?: TData | null; errors?: unknown[] };

const REFRESH_MUTATION = graphql<{ refreshSession: AuthPayload }, { refreshToken: string }>(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      viewer { id username displayName isAdmin }
    }
  }
`);

const operationName = (query: string): string | undefined => /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];

const send = async <TData>(
  query: string,
  variables: unknown,
  token: string | null,
  signal?: AbortSignal,
): Promise<TData> => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: variables ?? {}, operationName: operationName(query) }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ code: 'NETWORK_ERROR' });
  }

  let body: GraphQLResponse<TData> | null;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    body = null;
  }
  if (body?.errors?.length) throw apiErrorFromGraphQL(body.errors[0], response.status);
  if (response.status === 401) throw new ApiError({ code: 'UNAUTHENTICATED', status: 401 });
  if (!response.ok || !body || body.data == null) {
    throw new ApiError({ code: response.status >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE', status: response.status });
  }
  return body.data;
};

// One refresh at a time: parallel queries that all hit UNAUTHENTICATED share it.
// 'ok': new tokens saved; 'rejected': the refresh token is no longer valid; 'unreachable': the
// server could not be asked (network or server failure), which must not sign the user out.
type RefreshOutcome = 'ok' | 'rejected' | 'unreachable';
const TRANSIENT_CODES = new Set(['NETWORK_ERROR', 'SERVER_ERROR', 'BAD_RESPONSE', 'INTERNAL_SERVER_ERROR', 'TOO_MANY_REQUESTS']);
let refreshing: Promise<RefreshOutcome> | null = null;

const refreshOnce = (): Promise<RefreshOutcome> => {
  if (refreshing) return refreshing;
  const session = getSession();
  if (!session) return Promise.resolve('rejected');
  const used = session.refreshToken;
  refreshing = send<{ refreshSession: AuthPayload }>(REFRESH_MUTATION, { refreshToken: used }, null)
    .then((data): RefreshOutcome => {
      saveSession(data.refreshSession);
      return 'ok';
    })
    .catch((error: unknown): RefreshOutcome => {
      // refresh tokens are single use: if another tab refreshed first, adopt its session
      const latest = reloadSession();
      if (latest !== null && latest.refreshToken !== used) return 'ok';
      return error instanceof ApiError && TRANSIENT_CODES.has(error.code) ? 'unreachable' : 'rejected';
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
};

const EXPIRY_MARGIN_MS = 20_000;

const isExpiring = (expiresAt: string): boolean => {
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) && at - Date.now() < EXPIRY_MARGIN_MS;
};

const expire = (): never => {
  // Clearing the session makes the route guard send the user to the sign-in screen.
  clearSession('expired');
  throw new ApiError({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
};

export const request = async <TData, TVariables>(
  document: GraphQLDocument<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TData> => {
  if (options.auth === 'none') return send<TData>(document, variables, null, options.signal);
  if (options.auth === 'optional') {
    return send<TData>(document, variables, getSession()?.accessToken ?? null, options.signal);
  }

  let session = getSession();
  if (!session) return expire();
  if (isExpiring(session.accessTokenExpiresAt)) {
    // refresh ahead of expiry; if that fails the request below decides (the token may still be valid)
    await refreshOnce();
    session = getSession();
    if (!session) return expire();
  }

  try {
    return await send<TData>(document, variables, session.accessToken, options.signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') throw error;
  }

  // The token was rejected: refresh once, retry once, otherwise back to sign-in.
  const before = getSession();
  const outcome = before && before.accessToken !== session.accessToken ? 'ok' : await refreshOnce();
  if (outcome === 'unreachable') throw new ApiError({ code: 'NETWORK_ERROR' });
  const next = getSession();
  if (outcome === 'rejected' || !next) return expire();
  try {
    return await send<TData>(document, variables, next.accessToken, options.signal);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return expire();
    throw error;
  }
};
