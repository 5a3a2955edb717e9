import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { clearSession } from '../../../lib/session';

// No argument: the server ends the session of the HttpOnly refresh cookie and clears the cookie.
const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

const signOut = async () => {
  try {
    // best effort: end the session on the server (the cookie); sign out locally whatever happens
    await request(SIGN_OUT, {}, { auth: 'optional' });
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
