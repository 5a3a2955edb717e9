import { useMutation } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { GrantDuesReliefInput, RecordDuesPaymentInput, SetDuesBasisInput } from '../../../gql/graphql';
import { downloadExport } from '../../../lib/export-download';
import { request } from '../../../lib/graphql-client';
import { useApiMutation } from '../../../lib/invalidation';
import { sendOrQueue } from '../../../lib/offline/keep';

const RECORD = graphql(`
  mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {
    recordDuesPayment(input: $input) { id month amount paidOn channel }
  }
`);

const CANCEL = graphql(`
  mutation CancelDuesPayment($id: ID!, $reason: String!) {
    cancelDuesPayment(id: $id, reason: $reason) { id cancelledAt cancelReason }
  }
`);

const SET_BASIS = graphql(`
  mutation SetDuesBasis($input: SetDuesBasisInput!) {
    setDuesBasis(input: $input) { id from to basis amount }
  }
`);

const GRANT_RELIEF = graphql(`
  mutation GrantDuesRelief($input: GrantDuesReliefInput!) {
    grantDuesRelief(input: $input) { id kind percent from to }
  }
`);

// What each write makes stale (the dues page and the member's dues): lib/invalidation.ts.

/**
 * Records a payment (its clientKey makes a retry write once). Without a connection, for a cell secretary who keeps
 * data on this device, it is queued and sent later (`{ queued }`); `label` names it in the list of waiting changes.
 */
export const useRecordDuesPayment = () =>
  useApiMutation(
    'recordDuesPayment',
    (v: { input: RecordDuesPaymentInput & { clientKey: string }; label: { title: string; detail: string } }) =>
      sendOrQueue(
        () => request(RECORD, { input: v.input }).then((d) => d.recordDuesPayment),
        () => ({
          kind: 'recordDuesPayment',
          target: `${v.input.memberId}|${v.input.month}`,
          label: v.label,
          query: String(RECORD),
          variables: { input: v.input },
          clientKey: v.input.clientKey,
        }),
      ),
  );

export const useCancelDuesPayment = () =>
  useApiMutation('cancelDuesPayment', (v: { id: string; reason: string }) =>
    request(CANCEL, v).then((d) => d.cancelDuesPayment),
  );

export const useSetDuesBasis = () =>
  useApiMutation('setDuesBasis', (input: SetDuesBasisInput) =>
    request(SET_BASIS, { input }).then((d) => d.setDuesBasis),
  );

export const useGrantDuesRelief = () =>
  useApiMutation('grantDuesRelief', (input: GrantDuesReliefInput) =>
    request(GRANT_RELIEF, { input }).then((d) => d.grantDuesRelief),
  );

// A query run on demand (a click): nothing cached.
export const useExportDues = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string; year: number; fileName: string }) => {
      await downloadExport('dues', { input: { organisationId: v.organisationId, year: v.year } }, v.fileName);
    },
  });
