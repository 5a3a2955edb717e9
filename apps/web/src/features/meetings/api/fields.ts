// Field lists shared by the meeting queries and mutations (static text, never values).
export const MEETING_LIST_FIELDS = `
  id organisationId kind title date startTime endTime actualStart actualEnd place state
  organisation { id name }
  attendanceRate { present expected percent }
  flags { code severity message messageEn }
`;

export const MEETING_DETAIL_FIELDS = `
  ${MEETING_LIST_FIELDS}
  mode format formatNote theme topics chairMemberId minuteTakerMemberId
  guests minutes resolution votesFor votesAgainst votesAbstain
  tasks { text assigneeMemberId dueOn }
  selfAssessment selfTotal cancelledReason closedAt
  attendance { memberId status reason late leftEarly }
  amendments { id reason amendedAt amendedBy before after }
  documentList { id kind name url mimeType sizeBytes createdAt }
  visitRecords { id visitorUserId visitorName attended total maxTotal level selfTotal scoreGapWarning guidance issues followUp }
`;
