import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql, request } from '../../../lib/graphql-client';
import { RATING_FIELDS, ROUND_FIELDS } from './fields';
import { ratingKeys } from './keys';
import type { DecideInput, OpenRoundInput, ProposeInput, QuotaResult, Rating, RatingRound, SelfAssessmentInput } from './types';

const OPEN = graphql<{ openRatingRound: RatingRound }, { input: OpenRoundInput }>(`
  mutation OpenRatingRound($input: OpenRatingRoundInput!) {
    openRatingRound(input: $input) { ${ROUND_FIELDS} }
  }
`);

const SELF = graphql<{ submitSelfAssessment: Rating }, { input: SelfAssessmentInput }>(`
  mutation SubmitSelfAssessment($input: SubmitSelfAssessmentInput!) {
    submitSelfAssessment(input: $input) { ${RATING_FIELDS} }
  }
`);

export type ProposalResult = { rating: Rating; quota: QuotaResult | null; quotaWarning: boolean };

const PROPOSE = graphql<{ proposeRating: ProposalResult }, { input: ProposeInput }>(`
  mutation ProposeRating($input: ProposeRatingInput!) {
    proposeRating(input: $input) { quotaWarning quota { groupId limit excellent base breached } rating { ${RATING_FIELDS} } }
  }
`);

const DECIDE = graphql<{ decideRating: Rating }, { input: DecideInput }>(`
  mutation DecideRating($input: DecideRatingInput!) {
    decideRating(input: $input) { ${RATING_FIELDS} }
  }
`);

const ANNOUNCE = graphql<{ announceRatingRound: RatingRound }, { id: string }>(`
  mutation AnnounceRatingRound($id: ID!) {
    announceRatingRound(id: $id) { ${ROUND_FIELDS} }
  }
`);

// Every step moves the round's progress, its list and the figures (all under ['ratings']).
const useRatingMutation = <V, R>(fn: (vars: V) => Promise<R>) => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ratingKeys.all }) });
};

export const useOpenRound = () => useRatingMutation((input: OpenRoundInput) => request(OPEN, { input }).then((d) => d.openRatingRound));

export const useSubmitSelfAssessment = () =>
  useRatingMutation((input: SelfAssessmentInput) => request(SELF, { input }).then((d) => d.submitSelfAssessment));

export const useProposeRating = () => useRatingMutation((input: ProposeInput) => request(PROPOSE, { input }).then((d) => d.proposeRating));

export const useDecideRating = () => useRatingMutation((input: DecideInput) => request(DECIDE, { input }).then((d) => d.decideRating));

export const useAnnounceRound = () => useRatingMutation((id: string) => request(ANNOUNCE, { id }).then((d) => d.announceRatingRound));
