export const ROUND_FIELDS = `id organisationId year periodKind periodLabel title selfAssessmentDue proposalDue decisionDue state openedAt openedBy announcedAt ratingCount decidedCount`;

export const RATING_FIELDS = `id roundId year subjectKind memberId subjectOrganisationId subjectName organisationId organisationName proposerId deciderId quotaGroupId
  scheme rawLabel score computedLevel blockReasons proposedLevel proposalNote decidedLevel decisionReason quotaOverrideReason stage selfAssessedAt
  selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed note }`;

const SET = `total rated notRated levels { level count percent } wellCompletedOrBetter { count percent } excellentOfWellCompletedOrBetter excellentOfRated`;

export const FIGURES_FIELDS = `organisationId year asOf groups { subjectKind current { ${SET} } previous { ${SET} }
  change { rated levels { level count points } wellCompletedOrBetter { count points } excellentOfWellCompletedOrBetter excellentOfRated } }`;
