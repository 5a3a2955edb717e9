import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { paths, withParams } from '../lib/paths';
import { sessionEndReason } from '../lib/session';
import { useSession } from '../lib/use-session';

export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    // after an expired session come back to the same page; after signing out start afresh
    const next = sessionEndReason() === 'signedOut' ? '/' : `${location.pathname}${location.search}`;
    return <Navigate to={withParams(paths.signIn, { next: next === '/' ? null : next })} replace />;
  }
  return children;
};
