import { graphql } from '../../../gql';
import type { FiguresFieldsFragment, RatingFieldsFragment, RoundFieldsFragment } from '../../../gql/graphql';

export type RatingRound = RoundFieldsFragment;
export type Rating = RatingFieldsFragment;
export type RatingFigureGroup = FiguresFieldsFragment['groups'][number];

// Fragments of the rating queries and mutations (static text, never values).
export const ROUND_FIELDS = graphql(`
  fragment RoundFields on RatingRound {
    id organisationId year periodKind periodLabel title selfAssessmentDue proposalDue decisionDue state openedAt openedBy
    announcedAt ratingCount decidedCount
  }
`);

export const RATING_FIELDS = graphql(`
  fragment RatingFields on Rating {
    id roundId year subjectKind memberId subjectOrganisationId subjectName organisationId organisationName proposerId
    deciderId quotaGroupId scheme rawLabel score computedLevel blockReasons proposedLevel proposalNote decidedLevel
    decisionReason quotaOverrideReason stage selfAssessedAt
    selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed note }
  }
`);

export const FIGURE_SET_FIELDS = graphql(`
  fragment FigureSetFields on RatingFigureSet {
    total rated notRated levels { level count percent } wellCompletedOrBetter { count percent }
    excellentOfWellCompletedOrBetter excellentOfRated
  }
`);

export const FIGURES_FIELDS = graphql(`
  fragment FiguresFields on RatingFigures {
    organisationId year asOf
    groups {
      subjectKind
      current { ...FigureSetFields }
      previous { ...FigureSetFields }
      change {
        rated levels { level count points } wellCompletedOrBetter { count points } excellentOfWellCompletedOrBetter
        excellentOfRated
      }
    }
  }
`);
