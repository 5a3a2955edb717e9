// Static field lists of the visit queries.
export const VISIT_FIELDS = `
  id meetingId cellId date visitorUserId visitorName attended scores total maxTotal level selfTotal scoreGapWarning
  guidance issues followUp
`;

export const VISIT_MEETING_FIELDS = `
  id organisationId kind title date startTime endTime actualStart actualEnd place state selfTotal
  organisation { id name }
  attendanceRate { present expected percent }
`;
