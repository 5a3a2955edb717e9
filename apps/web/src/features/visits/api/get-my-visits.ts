import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { VISIT_FIELDS } from './fields';
import { visitKeys } from './keys';
import type { Visit } from './types';

const MY_VISITS = graphql<{ visits: { total: number; items: Visit[] } }, { userId: string; from: IsoDate; to: IsoDate }>(`
  query MyVisits($userId: ID, $from: Date, $to: Date) {
    visits(visitorUserId: $userId, from: $from, to: $to, page: { offset: 0, limit: 500 }) {
      total
      items { ${VISIT_FIELDS} }
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
