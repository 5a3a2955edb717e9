import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { CreateMeetingInput, MeetingPlanInput, MeetingRecordInput } from '../../../gql/graphql';
import type { MeetingDetail } from './fields';
import { meetingKeys } from './keys';

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

// Every change can move the calendar, the meeting, the compliance figures and the visit report.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: meetingKeys.all }),
      qc.invalidateQueries({ queryKey: ['compliance'] }),
      qc.invalidateQueries({ queryKey: ['visits'] }),
    ]);
};

const useMeetingMutation = <V,>(fn: (vars: V) => Promise<MeetingDetail>) => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
};

export const useCreateMeeting = () => useMeetingMutation((input: CreateMeetingInput) => request(CREATE, { input }).then((d) => d.createMeeting));

export const useUpdateMeeting = () =>
  useMeetingMutation((v: { id: string; input: MeetingPlanInput }) => request(UPDATE, v).then((d) => d.updateMeeting));

export const useRecordMeeting = () =>
  useMeetingMutation((v: { id: string; input: MeetingRecordInput }) => request(RECORD, v).then((d) => d.recordMeeting));

export const useCloseMeeting = () => useMeetingMutation((id: string) => request(CLOSE, { id }).then((d) => d.closeMeeting));

export const useCancelMeeting = () =>
  useMeetingMutation((v: { id: string; reason: string }) => request(CANCEL, v).then((d) => d.cancelMeeting));

export const useAmendMeeting = () =>
  useMeetingMutation((v: { id: string; reason: string; input: MeetingRecordInput }) => request(AMEND, v).then((d) => d.amendMeeting));
