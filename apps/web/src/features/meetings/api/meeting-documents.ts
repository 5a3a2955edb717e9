import { useMutation } from '@tanstack/react-query';
import { useApiMutation } from '../../../lib/invalidation';
import { saveBase64File } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
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

export const useAddMeetingDocument = () =>
  useApiMutation('addMeetingDocument', (v: { meetingId: string; input: AddMeetingDocumentInput }) =>
    request(ADD, v).then((d) => d.addMeetingDocument),
  );

export const useRemoveMeetingDocument = () =>
  useApiMutation('removeMeetingDocument', (id: string) => request(REMOVE, { id }).then((d) => d.removeMeetingDocument));

// Run on a click, nothing cached: the content is fetched and handed to the browser as a download.
export const useDownloadMeetingDocument = () =>
  useMutation({
    mutationFn: async (doc: MeetingDocument) => {
      const data = await request(CONTENT, { id: doc.id });
      saveBase64File(data.meetingDocumentContent, doc.name, doc.mimeType ?? 'application/octet-stream');
    },
  });
