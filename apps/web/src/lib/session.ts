import type { SignInMutation } from '../gql/graphql';

type AuthPayload = SignInMutation['signIn'];
export type Viewer = AuthPayload['viewer'];

// The access token lives in this tab's memory only. The refresh token is the HttpOnly cookie chibo_refresh, which
// no script can read: on page load the app asks refreshSession (the browser sends the cookie) for an access token
// (restoreSession in graphql-client.ts); until that answers the session is not known yet. Nothing about the session
// is kept in localStorage (lib/offline keeps there only the id of the user whose data is kept). A sign-out reaches
// the other tabs through a BroadcastChannel.
// An offline session (offline: true) is the user kept on this device (lib/offline) after a page load that could not
// reach the server: no access token; it shows only kept data and becomes a real session at the first refresh that
// answers (or ends, when the refresh cookie is no longer valid).
export type Session = {
  accessToken: string;
  accessTokenExpiresAt: string;
  viewer: Viewer;
  offline?: true;
};

export type SessionEndReason = 'expired' | 'signedOut';

type Listener = () => void;
const listeners = new Set<Listener>();

let current: Session | null = null;
let known = false;
let lastEndReason: SessionEndReason | null = null;

const emit = () => listeners.forEach((l) => l());

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('chibo.session');

export const getSession = (): Session | null => current;

/** Whether this tab knows if it is signed in (false until the first refresh on page load has answered). */
export const isSessionKnown = (): boolean => known;

/** The first refresh answered without a session: not signed in, no reason to tell. */
export const markSessionKnown = (): void => {
  if (known) return;
  known = true;
  emit();
};

export const subscribeSession = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const saveSession = (payload: Session): Session => {
  const session: Session = {
    accessToken: payload.accessToken,
    accessTokenExpiresAt: payload.accessTokenExpiresAt,
    viewer: payload.viewer,
    ...(payload.offline ? { offline: true as const } : {}),
  };
  current = session;
  known = true;
  lastEndReason = null;
  emit();
  return session;
};

const end = (reason: SessionEndReason): void => {
  current = null;
  known = true;
  lastEndReason = reason;
  emit();
};

export const clearSession = (reason: SessionEndReason): void => {
  end(reason);
  if (reason === 'signedOut') channel?.postMessage('signedOut');
};

channel?.addEventListener('message', (e: MessageEvent) => {
  if (e.data === 'signedOut' && current) end('signedOut');
});

/** Why the last session in this tab ended (the sign-in screen explains the redirect); reset on sign-in. */
export const sessionEndReason = (): SessionEndReason | null => lastEndReason;
