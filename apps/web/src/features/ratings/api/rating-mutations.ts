import { useApiMutation } from '../../../lib/invalidation';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type {
  DecideRatingInput,
  OpenRatingRoundInput,
  ProposeRatingInput,
  ProposeRatingMutation,
  SubmitSelfAssessmentInput,
} from '../../../gql/graphql';

const OPEN = graphql(`
  mutation OpenRatingRound($input: OpenRatingRoundInput!) {
    openRatingRound(input: $input) { ...RoundFields }
  }
`);

const SELF = graphql(`
  mutation SubmitSelfAssessment($input: SubmitSelfAssessmentInput!) {
    submitSelfAssessment(input: $input) { ...RatingFields }
  }
`);

export type ProposalResult = ProposeRatingMutation['proposeRating'];

const PROPOSE = graphql(`
  mutation ProposeRating($input: ProposeRatingInput!) {
    proposeRating(input: $input) { quotaWarning quota { groupId limit excellent base breached } rating { ...RatingFields } }
  }
`);

const DECIDE = graphql(`
  mutation DecideRating($input: DecideRatingInput!) {
    decideRating(input: $input) { ...RatingFields }
  }
`);

const ANNOUNCE = graphql(`
  mutation AnnounceRatingRound($id: ID!) {
    announceRatingRound(id: $id) { ...RoundFields }
  }
`);

// What each step makes stale (the round, its list, the figures, the dashboard): lib/invalidation.ts.

export const useOpenRound = () =>
  useApiMutation('openRatingRound', (input: OpenRatingRoundInput) =>
    request(OPEN, { input }).then((d) => d.openRatingRound),
  );

export const useSubmitSelfAssessment = () =>
  useApiMutation('submitSelfAssessment', (input: SubmitSelfAssessmentInput) =>
    request(SELF, { input }).then((d) => d.submitSelfAssessment),
  );

export const useProposeRating = () =>
  useApiMutation('proposeRating', (input: ProposeRatingInput) =>
    request(PROPOSE, { input }).then((d) => d.proposeRating),
  );

export const useDecideRating = () =>
  useApiMutation('decideRating', (input: DecideRatingInput) => request(DECIDE, { input }).then((d) => d.decideRating));

export const useAnnounceRound = () =>
  useApiMutation('announceRatingRound', (id: string) => request(ANNOUNCE, { id }).then((d) => d.announceRatingRound));
