import { useApiMutation } from '../../../lib/invalidation';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { CreateMemberInput, MemberDataInput, MemberEventInput, RecordDisciplineInput } from '../../../gql/graphql';

const CREATE = graphql(`
  mutation CreateMember($input: CreateMemberInput!) {
    createMember(input: $input) { id fullName }
  }
`);

const UPDATE = graphql(`
  mutation UpdateMember($id: ID!, $input: MemberDataInput!) {
    updateMember(id: $id, input: $input) { id fullName }
  }
`);

const EVENT = graphql(`
  mutation RecordMemberEvent($input: MemberEventInput!) {
    recordMemberEvent(input: $input) { id status }
  }
`);

const DISCIPLINE = graphql(`
  mutation RecordDiscipline($input: RecordDisciplineInput!) {
    recordDiscipline(input: $input) { id form }
  }
`);

// What each write makes stale (lists, counts, attendance sheets, rating subjects, figures): lib/invalidation.ts.
export const useCreateMember = () =>
  useApiMutation('createMember', (input: CreateMemberInput) => request(CREATE, { input }).then((d) => d.createMember));

export const useUpdateMember = () =>
  useApiMutation('updateMember', (v: { id: string; input: MemberDataInput }) =>
    request(UPDATE, v).then((d) => d.updateMember),
  );

export const useRecordMemberEvent = () =>
  useApiMutation('recordMemberEvent', (input: MemberEventInput) =>
    request(EVENT, { input }).then((d) => d.recordMemberEvent),
  );

export const useRecordDiscipline = () =>
  useApiMutation('recordDiscipline', (input: RecordDisciplineInput) =>
    request(DISCIPLINE, { input }).then((d) => d.recordDiscipline),
  );
