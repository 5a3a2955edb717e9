import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { SignInInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql-client';
import { saveSession } from '../../../lib/session';

const SIGN_IN = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
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
