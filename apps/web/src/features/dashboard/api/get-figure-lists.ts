import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { DashboardMeetingsQuery, DashboardMembersQuery, DashboardVisitCoverageQuery } from '../../../gql/graphql';
import type { IsoDate, MeetingKind } from '../../../lib/domain';
import { request } from '../../../lib/graphql-client';
import { dashboardKeys, type DashboardParams, type MemberListFilter } from './keys';

export type MemberRow = DashboardMembersQuery['members']['items'][number];
export type MeetingRow = DashboardMeetingsQuery['meetingList']['items'][number];
export type VisitCoverageLine = DashboardVisitCoverageQuery['visitCoverage']['lines'][number];

// The lists behind the figures that no screen lists yet, each from the query the figure's description names
// (docs/dashboard.md), with the same parameters, so the drawer's total is the figure.

export const LIST_PAGE_SIZE = 50;

const MEMBERS = graphql(`
  query DashboardMembers($filter: MemberFilter, $asOf: Date, $page: PageInput) {
    members(filter: $filter, asOf: $asOf, page: $page) {
      total
      items { id fullName status organisation { id name } }
    }
  }
`);

export const useFigureMembers = (filter: MemberListFilter | null, asOf: IsoDate, page: number) =>
  useQuery({
    queryKey: dashboardKeys.members(filter ?? { organisationId: '' }, asOf, page),
    queryFn: ({ signal }) =>
      request(
        MEMBERS,
        { filter: filter!, asOf, page: { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE } },
        { signal },
      ).then((d) => d.members),
    // no placeholder: a total shown must be the total of the list asked for
    enabled: Boolean(filter),
  });

const MEETINGS = graphql(`
  query DashboardMeetings($filter: MeetingFilter, $page: PageInput) {
    meetingList(filter: $filter, page: $page) {
      total
      items { id title date kind state organisation { id name } }
    }
  }
`);

export type HeldMeetingsParams = { organisationId: string; from: IsoDate; to: IsoDate; kinds: MeetingKind[] };

/** Held (or closed) meetings of the period, of some kinds (all when none). */
export const useHeldMeetings = (params: HeldMeetingsParams | null, page: number) =>
  useQuery({
    queryKey: dashboardKeys.meetings(params ?? { organisationId: '', from: '', to: '', kinds: [] }, page),
    queryFn: ({ signal }) => {
      const p = params!;
      return request(
        MEETINGS,
        {
          filter: {
            organisationId: p.organisationId,
            from: p.from,
            to: p.to,
            ...(p.kinds.length ? { kinds: p.kinds } : {}),
            states: ['HELD', 'CLOSED'],
          },
          page: { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE },
        },
        { signal },
      ).then((d) => d.meetingList);
    },
    enabled: Boolean(params),
  });

const COVERAGE = graphql(`
  query DashboardVisitCoverage($input: VisitCoverageInput!) {
    visitCoverage(input: $input) {
      asOf
      lines {
        behind required dueSoFar done scored unscored
        cell { id name parent { id name } }
        assignment { id visitorName }
      }
      unassignedCells { id name parent { id name } }
    }
  }
`);

export const useVisitCoverage = (params: DashboardParams | null) =>
  useQuery({
    queryKey: dashboardKeys.visits(params ?? { organisationId: '', asOf: '', year: 0 }),
    queryFn: ({ signal }) => request(COVERAGE, { input: params! }, { signal }).then((d) => d.visitCoverage),
    enabled: Boolean(params),
  });
