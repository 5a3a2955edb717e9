import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { meetingKeys } from './keys';
import type { MeetingCellMembersQuery } from '../../../gql/graphql';

export type CellMember = MeetingCellMembersQuery['members']['items'][number];
import type { IsoDate } from '../../../lib/domain';

// The cell's members (full and probationary) on the meeting date: the attendance sheet, chair, minute-taker
// and task assignees are picked from them (the API refuses anyone else: NOT_A_MEMBER_OF_CELL).
const CELL_MEMBERS = graphql(`
  query MeetingCellMembers($organisationId: ID!, $asOf: Date) {
    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {
      total
      items { id fullName status exemption }
    }
  }
`);

export const cellMembersQueryOptions = (cellId: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: meetingKeys.cellMembers(cellId, asOf),
    queryFn: ({ signal }) =>
      request(CELL_MEMBERS, { organisationId: cellId, asOf }, { signal }).then((d) => d.members.items),
    retry: false,
  });

export const useCellMembers = (cellId: string | null | undefined, asOf: IsoDate | null | undefined) =>
  useQuery({ ...cellMembersQueryOptions(cellId ?? '', asOf ?? ''), enabled: Boolean(cellId && asOf) });
