import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { clearSession, getSession } from '../../../lib/session';

const SIGN_OUT = graphql(`
  mutation SignOut($refreshToken: String!) {
    signOut(refreshToken: $refreshToken)
  }
`);

const signOut = async () => {
  const session = getSession();
  try {
    // best effort: revoke the refresh token on the server; sign out locally whatever happens
    if (session) await request(SIGN_OUT, { refreshToken: session.refreshToken }, { auth: 'optional' });
  } finally {
    clearSession('signedOut');
  }
};

export const useSignOut = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.clear(),
  });
};
