import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { restoreSession } from '../lib/graphql-client';
import { paths, withParams } from '../lib/paths';
import { sessionEndReason } from '../lib/session';
import { useSession, useSessionKnown } from '../lib/use-session';
import { PageLoading } from './page-loading';

export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const known = useSessionKnown();
  const location = useLocation();
  // After a page load the access token is gone (memory only): ask for one with the HttpOnly refresh cookie.
  useEffect(() => {
    if (!known) void restoreSession();
  }, [known]);
  if (!known) return <PageLoading />;
  if (!session) {
    // after an expired session come back to the same page; after signing out start afresh
    const next = sessionEndReason() === 'signedOut' ? '/' : `${location.pathname}${location.search}`;
    return <Navigate to={withParams(paths.signIn, { next: next === '/' ? null : next })} replace />;
  }
  return children;
};
