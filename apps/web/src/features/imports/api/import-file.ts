import { graphql } from '../../../gql';
import type { ImportDuesPaymentsInput, ImportFileInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql-client';
import { useApiMutation } from '../../../lib/invalidation';

const MEMBERS = graphql(`
  mutation ImportMembers($input: ImportFileInput!) {
    importMembers(input: $input) { created updated skipped problems { row column reason } }
  }
`);

const ORGANISATIONS = graphql(`
  mutation ImportOrganisations($input: ImportFileInput!) {
    importOrganisations(input: $input) { created updated skipped problems { row column reason } }
  }
`);

const DUES = graphql(`
  mutation ImportDuesPayments($input: ImportDuesPaymentsInput!) {
    importDuesPayments(input: $input) {
      dryRun rows created amount duplicates skipped
      problems { row column reason code }
      payments { row memberId fullName month amount paidOn channel reference }
    }
  }
`);

/** A browser File as base64 (without the data: prefix). */
export const fileToBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

// An import moves every list and figure of the organisations it wrote: lib/invalidation.ts.
export const useImportMembers = () =>
  useApiMutation('importMembers', (input: ImportFileInput) => request(MEMBERS, { input }).then((d) => d.importMembers));
export const useImportOrganisations = () =>
  useApiMutation('importOrganisations', (input: ImportFileInput) =>
    request(ORGANISATIONS, { input }).then((d) => d.importOrganisations),
  );
// A dry run writes nothing (its answer is what would be written); only a real import moves the dues figures.
export const useImportDuesPayments = () =>
  useApiMutation('importDuesPayments', (input: ImportDuesPaymentsInput) =>
    request(DUES, { input }).then((d) => d.importDuesPayments),
  );
