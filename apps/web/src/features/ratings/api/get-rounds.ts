import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RatingStage, RatingSubjectKind } from '../../../lib/domain';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { RatingRoundPendingQuery } from '../../../gql/graphql';
import { ratingKeys, type RatingFilterInput } from './keys';

/** A subject of a round not self-assessed yet (ratingRoundPending). */
export type PendingSubject = RatingRoundPendingQuery['ratingRoundPending']['items'][number];

const ROUNDS = graphql(`
  query RatingRounds($organisationId: ID, $year: Int) {
    ratingRounds(organisationId: $organisationId, year: $year) { ...RoundFields }
  }
`);

export const roundsQueryOptions = (organisationId: string | null, year: number | null) =>
  queryOptions({
    queryKey: ratingKeys.rounds(organisationId, year),
    queryFn: ({ signal }) => request(ROUNDS, { organisationId, year }, { signal }).then((d) => d.ratingRounds),
  });

export const useRatingRounds = (organisationId: string | null, year: number | null, enabled = true) =>
  useQuery({ ...roundsQueryOptions(organisationId, year), enabled, placeholderData: keepPreviousData });

const ROUND = graphql(`
  query RatingRound($id: ID!) {
    ratingRound(id: $id) { ...RoundFields }
  }
`);

export const roundQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ratingKeys.round(id),
    queryFn: ({ signal }) => request(ROUND, { id }, { signal }).then((d) => d.ratingRound),
  });

export const useRatingRound = (id: string) => useQuery(roundQueryOptions(id));

// One request: the number of the round's ratings at each step (aliases over the same list with a stage filter).
const STAGES = graphql(`
  query RatingRoundStages($id: ID!) {
    SELF_ASSESSED: ratings(filter: { roundId: $id, stages: [SELF_ASSESSED] }, page: { limit: 1 }) { total }
    PROPOSED: ratings(filter: { roundId: $id, stages: [PROPOSED] }, page: { limit: 1 }) { total }
    DECIDED: ratings(filter: { roundId: $id, stages: [DECIDED] }, page: { limit: 1 }) { total }
    ANNOUNCED: ratings(filter: { roundId: $id, stages: [ANNOUNCED] }, page: { limit: 1 }) { total }
  }
`);

export type StageCounts = Record<Exclude<RatingStage, 'PENDING'>, number>;

export const useRoundStages = (id: string) =>
  useQuery({
    queryKey: ratingKeys.roundStages(id),
    queryFn: ({ signal }) =>
      request(STAGES, { id }, { signal }).then((d): StageCounts => ({
        SELF_ASSESSED: d.SELF_ASSESSED.total,
        PROPOSED: d.PROPOSED.total,
        DECIDED: d.DECIDED.total,
        ANNOUNCED: d.ANNOUNCED.total,
      })),
  });

const RATINGS = graphql(`
  query Ratings($filter: RatingFilter, $page: PageInput) {
    ratings(filter: $filter, page: $page) { total items { ...RatingFields } }
  }
`);

export const ratingsQueryOptions = (filter: RatingFilterInput, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ratingKeys.list(filter, page, pageSize),
    queryFn: ({ signal }) =>
      request(RATINGS, { filter, page: { offset: (page - 1) * pageSize, limit: pageSize } }, { signal }).then(
        (d) => d.ratings,
      ),
  });

export const useRatings = (filter: RatingFilterInput | null, page = 1, pageSize = 50) =>
  useQuery({
    ...ratingsQueryOptions(filter ?? {}, page, pageSize),
    enabled: Boolean(filter),
    placeholderData: keepPreviousData,
  });

/**
 * The ratings counted in one quota group for the quota preview while proposing: the round's ratings of that kind under
 * the group (a grassroots organisation). null when there are more than one page holds (the server's check still runs).
 */
export const useQuotaGroupRatings = (roundId: string | null, groupId: string | null, kind: RatingSubjectKind | null) =>
  useQuery({
    queryKey: ratingKeys.quotaGroup(roundId ?? '', groupId ?? '', kind ?? ''),
    queryFn: ({ signal }) =>
      request(
        RATINGS,
        {
          filter: { roundId: roundId!, organisationId: groupId!, subjectKinds: [kind!] },
          page: { offset: 0, limit: 500 },
        },
        { signal },
      ).then((d) => (d.ratings.total > d.ratings.items.length ? null : d.ratings.items)),
    enabled: Boolean(roundId && groupId && kind),
  });

const PENDING = graphql(`
  query RatingRoundPending($roundId: ID!, $search: String, $page: PageInput) {
    ratingRoundPending(roundId: $roundId, search: $search, page: $page) {
      total items { subjectKind memberId organisationId name parentOrganisationId organisationName }
    }
  }
`);

/** The round's subjects not self-assessed yet (members rated under the policy, rated organisations), the caller's visible ones. */
export const useRoundPending = (roundId: string | null, search: string, page = 1, pageSize = 50) =>
  useQuery<RatingRoundPendingQuery['ratingRoundPending']>({
    queryKey: ratingKeys.pending(roundId ?? '', search, page, pageSize),
    queryFn: ({ signal }) =>
      request(
        PENDING,
        { roundId: roundId!, search: search || null, page: { offset: (page - 1) * pageSize, limit: pageSize } },
        { signal },
      ).then((d) => d.ratingRoundPending),
    enabled: Boolean(roundId),
    placeholderData: keepPreviousData,
  });
