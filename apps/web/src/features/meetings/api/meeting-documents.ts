import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveBase64File } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { meetingKeys } from './keys';
import type { AddMeetingDocumentInput } from '../../../gql/graphql';
import type { MeetingDocument } from './fields';

const ADD = graphql(`
  mutation AddMeetingDocument($meetingId: ID!, $input: AddMeetingDocumentInput!) {
    addMeetingDocument(meetingId: $meetingId, input: $input) { id kind name url mimeType sizeBytes createdAt }
  }
`);

const REMOVE = graphql(`
  mutation RemoveMeetingDocument($id: ID!) {
    removeMeetingDocument(id: $id)
  }
`);

const CONTENT = graphql(`
  query MeetingDocumentContent($id: ID!) {
    meetingDocumentContent(id: $id)
  }
`);

const useInvalidateMeetings = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: meetingKeys.all });
};

export const useAddMeetingDocument = () => {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (v: { meetingId: string; input: AddMeetingDocumentInput }) => request(ADD, v).then((d) => d.addMeetingDocument),
    onSuccess: () => invalidate(),
  });
};

export const useRemoveMeetingDocument = () => {
  const invalidate = useInvalidateMeetings();
  return useMutation({ mutationFn: (id: string) => request(REMOVE, { id }).then((d) => d.removeMeetingDocument), onSuccess: () => invalidate() });
};

// Run on a click, nothing cached: the content is fetched and handed to the browser as a download.
export const useDownloadMeetingDocument = () =>
  useMutation({
    mutationFn: async (doc: MeetingDocument) => {
      const data = await request(CONTENT, { id: doc.id });
      saveBase64File(data.meetingDocumentContent, doc.name, doc.mimeType ?? 'application/octet-stream');
    },
  });
