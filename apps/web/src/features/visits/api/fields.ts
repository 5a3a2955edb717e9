import { graphql } from '../../../gql';
import type { VisitFieldsFragment, VisitMeetingFieldsFragment } from '../../../gql/graphql';

export type Visit = VisitFieldsFragment;
export type VisitMeeting = VisitMeetingFieldsFragment;

// Fragments of the visit queries (static text, never values).
export const VISIT_FIELDS = graphql(`
  fragment VisitFields on Visit {
    id meetingId cellId date visitorUserId visitorName attended scores total maxTotal level selfTotal scoreGapWarning
    guidance issues followUp
  }
`);

export const VISIT_MEETING_FIELDS = graphql(`
  fragment VisitMeetingFields on Meeting {
    id organisationId kind title date startTime endTime actualStart actualEnd place state selfTotal
    organisation { id name }
    attendanceRate { present expected percent }
  }
`);
