import { useApiMutation } from '../../../lib/invalidation';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { sendOrQueue } from '../../../lib/offline/keep';
import type { QueuedChange } from '../../../lib/offline/outbox-status';
import type { CreateMeetingInput, MeetingPlanInput, MeetingRecordInput } from '../../../gql/graphql';
import { recordValuesOf } from '../utils/record-values';
import type { MeetingDetail } from './fields';

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
  mutation RecordMeeting($id: ID!, $input: MeetingRecordInput!, $expectedVersion: Int, $clientKey: String) {
    recordMeeting(id: $id, input: $input, expectedVersion: $expectedVersion, clientKey: $clientKey) { ...MeetingDetailFields }
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
  useApiMutation('createMeeting', (input: CreateMeetingInput) =>
    request(CREATE, { input }).then((d) => d.createMeeting),
  );

export const useUpdateMeeting = () =>
  useApiMutation('updateMeeting', (v: { id: string; input: MeetingPlanInput }) =>
    request(UPDATE, v).then((d) => d.updateMeeting),
  );

/**
 * Records the meeting as `meeting` (the version the form was filled from) plus `input`. The server refuses it
 * (CONFLICT / MEETING_CHANGED) when the meeting changed since; `expectedVersion` overrides the version (a decided
 * conflict). Without a connection, for a user who keeps data on this device, the change is queued instead and the
 * answer is `{ queued }` (lib/offline/keep.ts sendOrQueue).
 */
export const useRecordMeeting = () =>
  useApiMutation(
    'recordMeeting',
    (v: {
      meeting: MeetingDetail;
      input: MeetingRecordInput;
      expectedVersion?: number;
    }): Promise<MeetingDetail | QueuedChange> => {
      const clientKey = crypto.randomUUID();
      const variables = {
        id: v.meeting.id,
        input: v.input,
        expectedVersion: v.expectedVersion ?? v.meeting.version,
        clientKey,
      };
      return sendOrQueue(
        () => request(RECORD, variables).then((d) => d.recordMeeting),
        () => ({
          kind: 'recordMeeting',
          target: v.meeting.id,
          label: { title: v.meeting.title, date: v.meeting.date },
          query: String(RECORD),
          variables,
          clientKey,
          base: recordValuesOf(v.meeting),
          baseVersion: variables.expectedVersion,
        }),
      );
    },
  );

/** The mutation a queued meeting record is sent with (the sync page sends a decided conflict with it). */
export const RECORD_MEETING_DOCUMENT = String(RECORD);

export const useCloseMeeting = () =>
  useApiMutation('closeMeeting', (id: string) => request(CLOSE, { id }).then((d) => d.closeMeeting));

export const useCancelMeeting = () =>
  useApiMutation('cancelMeeting', (v: { id: string; reason: string }) =>
    request(CANCEL, v).then((d) => d.cancelMeeting),
  );

export const useAmendMeeting = () =>
  useApiMutation('amendMeeting', (v: { id: string; reason: string; input: MeetingRecordInput }) =>
    request(AMEND, v).then((d) => d.amendMeeting),
  );
