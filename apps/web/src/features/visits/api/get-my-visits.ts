import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { visitKeys } from './keys';
import type { IsoDate } from '../../../lib/domain';

const MY_VISITS = graphql(`
  query MyVisits($userId: ID, $from: Date, $to: Date) {
    visits(visitorUserId: $userId, from: $from, to: $to, page: { offset: 0, limit: 500 }) {
      total
      items { ...VisitFields }
    }
  }
`);

/** The visitor's own visits to meetings dated in [from, to]. */
export const myVisitsQueryOptions = (userId: string, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.myVisits(userId, from, to, asOf),
    queryFn: ({ signal }) => request(MY_VISITS, { userId, from, to }, { signal }).then((d) => d.visits.items),
  });

export const useMyVisits = (userId: string | undefined, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
  useQuery({ ...myVisitsQueryOptions(userId ?? '', from, to, asOf), enabled: Boolean(userId) });
