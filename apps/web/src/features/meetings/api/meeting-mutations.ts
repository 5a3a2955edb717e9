import { useApiMutation } from '../../../lib/invalidation';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { CreateMeetingInput, MeetingPlanInput, MeetingRecordInput } from '../../../gql/graphql';

const CREATE = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) { ...MeetingDetailFields }
  }
`);

const UPDATE = graphql(`
  mutation UpdateMeeting($id: ID!, $input: MeetingPlanInput!) {
    updateMeeting(id: $id, input: $input) { ...MeetingDetailFields }
  }
`);

const RECORD = graphql(`
  mutation RecordMeeting($id: ID!, $input: MeetingRecordInput!) {
    recordMeeting(id: $id, input: $input) { ...MeetingDetailFields }
  }
`);

const CLOSE = graphql(`
  mutation CloseMeeting($id: ID!) {
    closeMeeting(id: $id) { ...MeetingDetailFields }
  }
`);

const CANCEL = graphql(`
  mutation CancelMeeting($id: ID!, $reason: String!) {
    cancelMeeting(id: $id, reason: $reason) { ...MeetingDetailFields }
  }
`);

const AMEND = graphql(`
  mutation AmendMeeting($id: ID!, $reason: String!, $input: MeetingRecordInput!) {
    amendMeeting(id: $id, reason: $reason, input: $input) { ...MeetingDetailFields }
  }
`);

// What each write makes stale (the calendar, the meeting, compliance, the visit lists, the dashboard): lib/invalidation.ts.
export const useCreateMeeting = () =>
  useApiMutation('createMeeting', (input: CreateMeetingInput) => request(CREATE, { input }).then((d) => d.createMeeting));

export const useUpdateMeeting = () =>
  useApiMutation('updateMeeting', (v: { id: string; input: MeetingPlanInput }) => request(UPDATE, v).then((d) => d.updateMeeting));

export const useRecordMeeting = () =>
  useApiMutation('recordMeeting', (v: { id: string; input: MeetingRecordInput }) => request(RECORD, v).then((d) => d.recordMeeting));

export const useCloseMeeting = () => useApiMutation('closeMeeting', (id: string) => request(CLOSE, { id }).then((d) => d.closeMeeting));

export const useCancelMeeting = () =>
  useApiMutation('cancelMeeting', (v: { id: string; reason: string }) => request(CANCEL, v).then((d) => d.cancelMeeting));

export const useAmendMeeting = () =>
  useApiMutation('amendMeeting', (v: { id: string; reason: string; input: MeetingRecordInput }) => request(AMEND, v).then((d) => d.amendMeeting));
