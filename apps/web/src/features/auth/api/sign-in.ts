import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthPayload } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { saveSession } from '../../../lib/session';

export type SignInInput = { username: string; password: string };

const SIGN_IN = graphql<{ signIn: AuthPayload }, { input: SignInInput }>(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      viewer { id username displayName isAdmin }
    }
  }
`);

export const signIn = (input: SignInInput) => request(SIGN_IN, { input }, { auth: 'none' });

export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (data) => {
      // nothing cached from a previous user may leak into this session
      queryClient.clear();
      saveSession(data.signIn);
    },
  });
};
