import { graphql } from '../gql';
import type { RefreshSessionMutation, TypedDocumentString } from '../gql/graphql';
import { ApiError, apiErrorFromGraphQL } from './api-error';
import { clearKept, keepAnswer, keptViewer, recallAnswer, sessionStarted } from './offline/keep';
import { OFFLINE_OPERATIONS } from './offline/operations';
import { markOnline, markUnreachable, markServedOffline } from './offline/status';
import { clearSession, getSession, isSessionKnown, markSessionKnown, saveSession, subscribeSession } from './session';

const ENDPOINT = '/graphql';

// A GraphQL document written with `graphql()` from src/gql (generated from apps/api/schema.gql by `run codegen`)
// carries its result and variable types, so `request(doc, vars)` is typed. The build replaces each call by the
// document's text (vite-plugin-graphql-documents.ts): at run time a document is a plain string. Values always
// travel as variables.
export type GraphQLDocument<TData, TVariables> = TypedDocumentString<TData, TVariables>;

export type RequestOptions = {
  signal?: AbortSignal;
  /**
   * 'required' (default): send the access token; on UNAUTHENTICATED refresh once and retry, else sign out.
   * 'optional': send the token if there is one, never refresh (signOut; the refresh cookie goes along anyway).
   * 'none': public operations (signIn, refreshSession).
   */
  auth?: 'required' | 'optional' | 'none';
};

type GraphQLResponse<TData> = { data?: TData | null; errors?: unknown[] };

// No argument: the server takes the refresh token from the HttpOnly cookie chibo_refresh (Path=/graphql) that the
// browser sends with this same-origin request, and answers refreshToken: null (the new token is only in the cookie).
const REFRESH_MUTATION = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      accessTokenExpiresAt
      viewer { id username displayName isAdmin }
    }
  }
`);

// No argument: the server ends the session of the refresh cookie and clears the cookie.
const SIGN_OUT_MUTATION = graphql(`
  mutation SignOut {
    signOut
  }
`);

const operationName = (query: string): string | undefined => /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];

/** Turns one operation's result (from a single or a batched response) into its data or an ApiError. */
const settle = <TData>(body: GraphQLResponse<TData> | null, status: number): TData => {
  if (body?.errors?.length) throw apiErrorFromGraphQL(body.errors[0], status);
  if (status === 401) throw new ApiError({ code: 'UNAUTHENTICATED', status: 401 });
  if (status < 200 || status >= 300 || !body || body.data == null) {
    throw new ApiError({ code: status >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE', status });
  }
  return body.data;
};

// Read-your-writes with read replicas (docs/scaling.md#read-replicas): the answer to a write carries the primary's
// WAL position (X-Chibo-Lsn); later requests send the newest one back (X-Chibo-Read-After) for a while, so a replica
// that has not replayed the write yet does not answer them. Kept for the tab (a reload right after a write too).
const READ_AFTER_MS = 5 * 60_000;
const WRITE_POSITION_KEY = 'chibo.writePosition';
const lsnParts = (lsn: string): [number, number] | null => {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16)] : null;
};
const later = (a: string, b: string): boolean => {
  const [x, y] = [lsnParts(a), lsnParts(b)];
  if (!x || !y) return Boolean(x);
  return x[0] !== y[0] ? x[0] > y[0] : x[1] > y[1];
};
const readWritePosition = (): { lsn: string; at: number } | null => {
  try {
    const kept = JSON.parse(sessionStorage.getItem(WRITE_POSITION_KEY) ?? 'null') as {
      lsn?: unknown;
      at?: unknown;
    } | null;
    return kept && typeof kept.lsn === 'string' && typeof kept.at === 'number' && Date.now() - kept.at < READ_AFTER_MS
      ? { lsn: kept.lsn, at: kept.at }
      : null;
  } catch {
    return null;
  }
};
const keepWritePosition = (lsn: string | null) => {
  if (!lsn || !lsnParts(lsn)) return;
  const kept = readWritePosition();
  if (kept && !later(lsn, kept.lsn)) return;
  try {
    sessionStorage.setItem(WRITE_POSITION_KEY, JSON.stringify({ lsn, at: Date.now() }));
  } catch {
    // storage full or blocked: reads may then briefly come from a replica that lags
  }
};

const post = async (
  payload: unknown,
  token: string | null,
  signal?: AbortSignal,
): Promise<{ body: unknown; status: number }> => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const written = readWritePosition();
  if (written) headers['x-chibo-read-after'] = written.lsn;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify(payload), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    markUnreachable();
    throw new ApiError({ code: 'NETWORK_ERROR' });
  }
  // the server answered: whatever it said, the app is online (a proxy's 502–504 says the server is not reachable)
  if (response.status < 502 || response.status > 504) markOnline();
  keepWritePosition(response.headers.get('x-chibo-lsn'));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { body, status: response.status };
};

// Queries asked for in the same moment (a screen mounting its cards) travel in one HTTP request: the server accepts
// a JSON array of operations (at most BATCH_MAX) and answers an array in the same order. Mutations always go alone.
const BATCH_MAX = 8;
const BATCH_WINDOW_MS = 3;
type Queued = {
  payload: { query: string; variables: unknown; operationName?: string };
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
};
type Batch = { token: string | null; items: Queued[]; timer: ReturnType<typeof setTimeout> | undefined };
let queue: Batch | null = null;

const abortError = (): DOMException => new DOMException('The operation was aborted.', 'AbortError');

const flush = (batch: { token: string | null; items: Queued[] }): void => {
  const items = batch.items.filter((i) => !i.signal?.aborted);
  for (const i of batch.items) if (i.signal?.aborted) i.reject(abortError());
  if (items.length === 0) return;
  if (items.length === 1) {
    const [only] = items;
    post(only.payload, batch.token, only.signal).then(({ body, status }) => {
      try {
        only.resolve(settle(body as GraphQLResponse<unknown>, status));
      } catch (e) {
        only.reject(e);
      }
    }, only.reject);
    return;
  }
  // One signal cannot cancel the others' request: an aborted item is answered at once, the request goes on.
  post(
    items.map((i) => i.payload),
    batch.token,
  ).then(
    ({ body, status }) => {
      items.forEach((item, n) => {
        if (item.signal?.aborted) return;
        try {
          const one = Array.isArray(body)
            ? (body[n] as GraphQLResponse<unknown> | undefined)
            : (body as GraphQLResponse<unknown> | null);
          item.resolve(settle(one ?? null, status));
        } catch (e) {
          item.reject(e);
        }
      });
    },
    (e: unknown) => items.forEach((i) => i.reject(e)),
  );
};

const send = <TData>(query: string, variables: unknown, token: string | null, signal?: AbortSignal): Promise<TData> => {
  const payload = { query, variables: variables ?? {}, operationName: operationName(query) };
  if (/^\s*mutation\b/.test(query) || typeof window === 'undefined') {
    return post(payload, token, signal).then(({ body, status }) => settle(body as GraphQLResponse<TData>, status));
  }
  return new Promise<TData>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    if (queue && queue.token !== token) {
      clearTimeout(queue.timer);
      flush(queue);
      queue = null;
    }
    const item: Queued = { payload, resolve: resolve as (v: unknown) => void, reject, signal };
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
    if (!queue) {
      const batch: Batch = { token, items: [], timer: undefined };
      batch.timer = setTimeout(() => {
        if (queue === batch) queue = null;
        flush(batch);
      }, BATCH_WINDOW_MS);
      queue = batch;
    }
    queue.items.push(item);
    if (queue.items.length >= BATCH_MAX) {
      const full = queue;
      clearTimeout(full.timer);
      queue = null;
      flush(full);
    }
  });
};

// One refresh at a time: parallel queries that all hit UNAUTHENTICATED share it.
// 'ok': new access token saved; 'rejected': the refresh cookie is missing or no longer valid; 'unreachable': the
// server could not be asked (network or server failure), which must not sign the user out. A refresh token presented
// again within seconds of its exchange (another tab sharing the cookie, or this page reloaded before the answer with
// the new cookie arrived) gets a further token of the same session from the server (docs/access.md).
type RefreshOutcome = 'ok' | 'rejected' | 'unreachable';
const TRANSIENT_CODES = new Set([
  'NETWORK_ERROR',
  'SERVER_ERROR',
  'BAD_RESPONSE',
  'INTERNAL_SERVER_ERROR',
  'TOO_MANY_REQUESTS',
]);
let refreshing: Promise<RefreshOutcome> | null = null;

const refreshOnce = (): Promise<RefreshOutcome> => {
  if (refreshing) return refreshing;
  refreshing = send<RefreshSessionMutation>(String(REFRESH_MUTATION), {}, null)
    .then(
      (data): RefreshOutcome => {
        saveSession(data.refreshSession);
        return 'ok';
      },
      (error: unknown): RefreshOutcome =>
        error instanceof ApiError && TRANSIENT_CODES.has(error.code) ? 'unreachable' : 'rejected',
    )
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
};

// A sign-out that could not reach the server leaves the refresh cookie valid: the next page load finishes it (ends
// the server's session and clears the cookie) before anything else, so a shared phone does not sign back in.
const PENDING_SIGN_OUT = 'chibo.pendingSignOut';
const pendingSignOut = (value?: boolean): boolean => {
  try {
    if (value === true) window.localStorage.setItem(PENDING_SIGN_OUT, '1');
    if (value === false) window.localStorage.removeItem(PENDING_SIGN_OUT);
    return window.localStorage.getItem(PENDING_SIGN_OUT) === '1';
  } catch {
    return false;
  }
};

/**
 * Signs out on the server (best effort: the refresh cookie's session ends and the cookie is cleared), then in this tab
 * and the others, and deletes what was kept on this device for offline use.
 */
export const signOutEverywhere = async (): Promise<void> => {
  try {
    await send(String(SIGN_OUT_MUTATION), {}, getSession()?.accessToken || null);
    pendingSignOut(false);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NETWORK_ERROR') pendingSignOut(true);
  } finally {
    clearSession('signedOut');
    await clearKept();
  }
};

/** After a page load without network: the user kept on this device, without an access token (session.ts). */
const resumeOffline = async (): Promise<void> => {
  const viewer = await keptViewer();
  if (!viewer || getSession()) return;
  saveSession({ accessToken: '', accessTokenExpiresAt: new Date(0).toISOString(), viewer, offline: true });
};

/** On page load: an access token from the refresh cookie, if there is a session; either way the session is known. */
export const restoreSession = async (): Promise<void> => {
  if (!isSessionKnown()) {
    if (pendingSignOut()) {
      await send(String(SIGN_OUT_MUTATION), {}, null).then(
        () => pendingSignOut(false),
        () => undefined,
      );
    } else if ((await refreshOnce()) === 'unreachable') {
      await resumeOffline();
    }
  }
  markSessionKnown();
};

// A session the server confirmed (sign-in, refresh): the offline layer learns who is signed in.
subscribeSession(() => {
  const session = getSession();
  if (session && !session.offline) sessionStarted(session.viewer);
});

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

/**
 * Runs a GraphQL operation. The answers of the operations in lib/offline/operations.ts are kept on this device; when
 * the server cannot be reached (NETWORK_ERROR) the kept answer of the same operation and variables is returned
 * instead, and the app shows it is offline with the time that answer was read (lib/offline/status.ts).
 */
export const request = async <TData, TVariables>(
  document: GraphQLDocument<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TData> => {
  const query = String(document);
  const operation = operationName(query);
  if ((options.auth ?? 'required') !== 'required' || !operation || !OFFLINE_OPERATIONS.has(operation)) {
    return requestOnline(query, variables, options);
  }
  try {
    const data = await requestOnline<TData, TVariables>(query, variables, options);
    keepAnswer(operation, variables, data);
    return data;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'NETWORK_ERROR') throw error;
    const userId = getSession()?.viewer.id;
    const kept = userId ? await recallAnswer(operation, variables, userId) : null;
    if (!kept) throw error;
    markServedOffline(kept.readAt);
    return kept.data as TData;
  }
};

const requestOnline = async <TData, TVariables>(
  query: string,
  variables: TVariables,
  options: RequestOptions,
): Promise<TData> => {
  if (options.auth === 'none') return send<TData>(query, variables, null, options.signal);
  if (options.auth === 'optional') {
    return send<TData>(query, variables, getSession()?.accessToken ?? null, options.signal);
  }

  let session = getSession();
  if (!session && !isSessionKnown()) {
    await restoreSession();
    session = getSession();
  }
  if (!session) return expire();
  if (isExpiring(session.accessTokenExpiresAt)) {
    // refresh ahead of expiry; if that fails the request below decides (the token may still be valid)
    const outcome = await refreshOnce();
    session = getSession();
    if (!session) return expire();
    // an offline session has no token: the server is still unreachable, or its refresh cookie was refused
    if (session.offline) {
      if (outcome === 'rejected') return expire();
      throw new ApiError({ code: 'NETWORK_ERROR' });
    }
  }

  try {
    return await send<TData>(query, variables, session.accessToken, options.signal);
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
    return await send<TData>(query, variables, next.accessToken, options.signal);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return expire();
    throw error;
  }
};
