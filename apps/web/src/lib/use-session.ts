import { useSyncExternalStore } from 'react';
import { getSession, isSessionKnown, subscribeSession, type Session } from './session';

export const useSession = (): Session | null => useSyncExternalStore(subscribeSession, getSession, getSession);

/** False until the page-load refresh (the HttpOnly cookie) has told whether this tab is signed in. */
export const useSessionKnown = (): boolean => useSyncExternalStore(subscribeSession, isSessionKnown, isSessionKnown);
