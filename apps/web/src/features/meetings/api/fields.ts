import { graphql } from '../../../gql';
import type { MeetingDetailFieldsFragment, MeetingListFieldsFragment } from '../../../gql/graphql';

export type MeetingListItem = MeetingListFieldsFragment;
export type MeetingFlag = MeetingListItem['flags'][number];
export type MeetingDetail = MeetingDetailFieldsFragment;
export type MeetingAmendment = MeetingDetail['amendments'][number];
export type MeetingVisit = MeetingDetail['visitRecords'][number];
export type MeetingDocument = MeetingDetail['documentList'][number];

// Fragments shared by the meeting queries and mutations (static text, never values).
export const MEETING_LIST_FIELDS = graphql(`
  fragment MeetingListFields on Meeting {
    id organisationId kind title date startTime endTime actualStart actualEnd place state
    organisation { id name }
    attendanceRate { present expected percent }
    flags { code severity message messageEn }
  }
`);

export const MEETING_DETAIL_FIELDS = graphql(`
  fragment MeetingDetailFields on Meeting {
    ...MeetingListFields
    mode format formatNote theme topics chairMemberId minuteTakerMemberId
    guests minutes resolution votesFor votesAgainst votesAbstain
    tasks { text assigneeMemberId dueOn }
    selfAssessment selfTotal cancelledReason closedAt version
    attendance { memberId status reason late leftEarly }
    amendments { id reason amendedAt amendedBy before after }
    documentList { id kind name url mimeType sizeBytes createdAt }
    visitRecords { id visitorUserId visitorName attended total maxTotal level selfTotal scoreGapWarning guidance issues followUp }
  }
`);
