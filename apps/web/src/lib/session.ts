import type { SignInMutation } from '../gql/graphql';

type AuthPayload = SignInMutation['signIn'];
export type Viewer = AuthPayload['viewer'];

// Access and refresh token live in localStorage under one key, so a reload keeps the user signed in
// and every tab sees the same session (the 'storage' event keeps them in step).
const STORAGE_KEY = 'chibo.session';

export type Session = {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  viewer: Viewer;
};

export type SessionEndReason = 'expired' | 'signedOut';

type Listener = () => void;
const listeners = new Set<Listener>();

const isSession = (value: unknown): value is Session => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.viewer === 'object' &&
    v.viewer !== null
  );
};

const read = (): Session | null => {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

let current: Session | null = read();
let lastEndReason: SessionEndReason | null = null;

const emit = () => listeners.forEach((l) => l());

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== STORAGE_KEY) return;
    current = read();
    emit();
  });
}

export const getSession = (): Session | null => current;

/** Re-reads the stored session (another tab may have refreshed it) and returns it. */
export const reloadSession = (): Session | null => {
  const stored = read();
  if (stored?.refreshToken !== current?.refreshToken) {
    current = stored;
    emit();
  }
  return current;
};

export const subscribeSession = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const saveSession = (payload: AuthPayload): Session => {
  const session: Session = {
    accessToken: payload.accessToken,
    accessTokenExpiresAt: payload.accessTokenExpiresAt,
    refreshToken: payload.refreshToken,
    viewer: payload.viewer,
  };
  current = session;
  lastEndReason = null;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // private mode or full storage: the session still lives in memory for this tab
  }
  emit();
  return session;
};

export const clearSession = (reason: SessionEndReason): void => {
  current = null;
  lastEndReason = reason;
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
  emit();
};

/** Why the last session in this tab ended (the sign-in screen explains the redirect); reset on sign-in. */
export const sessionEndReason = (): SessionEndReason | null => lastEndReason;
