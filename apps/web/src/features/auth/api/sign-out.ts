import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signOutEverywhere } from '../../../lib/graphql-client';

// Ends the session on the server (the HttpOnly cookie; finished at the next page load when offline), signs out the
// other tabs, and deletes the data kept on this device for offline use (lib/offline).
export const useSignOut = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutEverywhere,
    // offline too: nothing waits for the network
    networkMode: 'always',
    onSettled: () => queryClient.clear(),
  });
};
