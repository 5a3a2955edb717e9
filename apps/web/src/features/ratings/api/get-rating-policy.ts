import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-error';
import { DEFAULT_POLICY, type Policy, type IsoDate } from '../../../lib/domain';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';

const POLICY = graphql(`
  query RatingPolicy($organisationId: ID!, $asOf: Date) {
    policy(organisationId: $organisationId, asOf: $asOf)
  }
`);

export type RatingPolicyView = { policy: Policy; fromServer: boolean };

// The policy in force for the subject (the rating thresholds, score sheet maxima and quota), over the national
// defaults. A member who may not read their cell's policy gets the defaults; the server applies the real one anyway.
const toPolicy = (raw: unknown): Policy => {
  const r = (typeof raw === 'object' && raw !== null ? (raw as { rating?: unknown }).rating : undefined) ?? {};
  return { ...DEFAULT_POLICY, rating: { ...DEFAULT_POLICY.rating, ...(typeof r === 'object' ? r : {}) } };
};

export const ratingPolicyQueryOptions = (organisationId: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: ['ratings', 'policy', { organisationId, asOf }] as const,
    queryFn: async ({ signal }): Promise<RatingPolicyView> => {
      try {
        return {
          policy: toPolicy((await request(POLICY, { organisationId, asOf }, { signal })).policy),
          fromServer: true,
        };
      } catch (error) {
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))
          return { policy: DEFAULT_POLICY, fromServer: false };
        throw error;
      }
    },
    staleTime: 10 * 60_000,
  });

export const useRatingPolicy = (organisationId: string | null | undefined, asOf: IsoDate) =>
  useQuery({ ...ratingPolicyQueryOptions(organisationId ?? '', asOf), enabled: Boolean(organisationId) });
