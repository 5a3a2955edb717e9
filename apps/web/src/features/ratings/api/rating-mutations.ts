import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type {
  DecideRatingInput,
  OpenRatingRoundInput,
  ProposeRatingInput,
  ProposeRatingMutation,
  SubmitSelfAssessmentInput,
} from '../../../gql/graphql';
import { ratingKeys } from './keys';

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

// Every step moves the round's progress, its list and the figures (all under ['ratings']).
const useRatingMutation = <V, R>(fn: (vars: V) => Promise<R>) => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ratingKeys.all }) });
};

export const useOpenRound = () => useRatingMutation((input: OpenRatingRoundInput) => request(OPEN, { input }).then((d) => d.openRatingRound));

export const useSubmitSelfAssessment = () =>
  useRatingMutation((input: SubmitSelfAssessmentInput) => request(SELF, { input }).then((d) => d.submitSelfAssessment));

export const useProposeRating = () => useRatingMutation((input: ProposeRatingInput) => request(PROPOSE, { input }).then((d) => d.proposeRating));

export const useDecideRating = () => useRatingMutation((input: DecideRatingInput) => request(DECIDE, { input }).then((d) => d.decideRating));

export const useAnnounceRound = () => useRatingMutation((id: string) => request(ANNOUNCE, { id }).then((d) => d.announceRatingRound));
