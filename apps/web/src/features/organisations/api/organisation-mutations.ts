import { useApiMutation } from '../../../lib/invalidation';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type {
  AssignCommitteeSeatInput,
  CreateOrganisationInput,
  DissolveOrganisationInput,
  EndCommitteeSeatInput,
  MergeOrganisationsInput,
  MoveOrganisationInput,
  SplitOrganisationInput,
  UpdateOrganisationInput,
} from '../../../gql/graphql';

const CREATE = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) { id name }
  }
`);

const UPDATE = graphql(`
  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) { id name }
  }
`);

const MOVE = graphql(`
  mutation MoveOrganisation($input: MoveOrganisationInput!) {
    moveOrganisation(input: $input) { id name }
  }
`);

const DISSOLVE = graphql(`
  mutation DissolveOrganisation($input: DissolveOrganisationInput!) {
    dissolveOrganisation(input: $input) { id name }
  }
`);

const MERGE = graphql(`
  mutation MergeOrganisations($input: MergeOrganisationsInput!) {
    mergeOrganisations(input: $input) { id name }
  }
`);

const SPLIT = graphql(`
  mutation SplitOrganisation($input: SplitOrganisationInput!) {
    splitOrganisation(input: $input) { id name }
  }
`);

const ASSIGN_SEAT = graphql(`
  mutation AssignCommitteeSeat($input: AssignCommitteeSeatInput!) {
    assignCommitteeSeat(input: $input) { id }
  }
`);

const END_SEAT = graphql(`
  mutation EndCommitteeSeat($input: EndCommitteeSeatInput!) {
    endCommitteeSeat(input: $input) { id }
  }
`);

// What each write makes stale (a change to the tree moves every subtree figure): lib/invalidation.ts.
export const useCreateOrganisation = () =>
  useApiMutation('createOrganisation', (input: CreateOrganisationInput) =>
    request(CREATE, { input }).then((d) => d.createOrganisation),
  );

export const useUpdateOrganisation = () =>
  useApiMutation('updateOrganisation', (v: { id: string; input: UpdateOrganisationInput }) =>
    request(UPDATE, v).then((d) => d.updateOrganisation),
  );

export const useMoveOrganisation = () =>
  useApiMutation('moveOrganisation', (input: MoveOrganisationInput) =>
    request(MOVE, { input }).then((d) => d.moveOrganisation),
  );

export const useDissolveOrganisation = () =>
  useApiMutation('dissolveOrganisation', (input: DissolveOrganisationInput) =>
    request(DISSOLVE, { input }).then((d) => d.dissolveOrganisation),
  );

export const useMergeOrganisations = () =>
  useApiMutation('mergeOrganisations', (input: MergeOrganisationsInput) =>
    request(MERGE, { input }).then((d) => d.mergeOrganisations),
  );

export const useSplitOrganisation = () =>
  useApiMutation('splitOrganisation', (input: SplitOrganisationInput) =>
    request(SPLIT, { input }).then((d) => d.splitOrganisation),
  );

export const useAssignCommitteeSeat = () =>
  useApiMutation('assignCommitteeSeat', (input: AssignCommitteeSeatInput) =>
    request(ASSIGN_SEAT, { input }).then((d) => d.assignCommitteeSeat),
  );

export const useEndCommitteeSeat = () =>
  useApiMutation('endCommitteeSeat', (input: EndCommitteeSeatInput) =>
    request(END_SEAT, { input }).then((d) => d.endCommitteeSeat),
  );
