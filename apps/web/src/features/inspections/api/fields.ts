// Field lists shared by the inspection queries and mutations (static text, never values).
export const INSPECTION_LIST_FIELDS = `
  id organisationId body type title plannedFrom plannedTo startedOn concludedOn state countsTowardTarget
  organisation { id name }
  subjects { memberId }
`;

export const DISCIPLINE_FIELDS = 'id memberId form decidingBody decidedOn reason';

export const INSPECTION_DETAIL_FIELDS = `
  id organisationId planId body type title contentAreas method reviewFrom reviewTo plannedFrom plannedTo
  startedOn concludedOn state conclusion recommendation cancelledReason countsTowardTarget
  organisation { id name kind ancestors { id } }
  plan { id year organisationId }
  subjects {
    memberId selfReport strengths shortcomings violations conclusion
    member { id fullName status }
    discipline { ${DISCIPLINE_FIELDS} }
  }
  disciplines { ${DISCIPLINE_FIELDS} }
`;

export const PLAN_FIELDS = `
  id organisationId year purpose content subjectMemberIds reviewFrom reviewTo timing method adoptedOn note
  subjects { id fullName }
  inspections { id state }
`;
