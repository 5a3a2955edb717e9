import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type {
  DashboardAdmissionProgressQuery,
  DashboardInspectionTargetQuery,
  DashboardQuery,
  DashboardRatingFiguresQuery,
} from '../../../gql/graphql';
import type { IsoDate } from '../../../lib/domain';
import { request } from '../../../lib/graphql-client';
import { dashboardKeys, type DashboardParams, type RatingParams } from './keys';

export type Dashboard = DashboardQuery['dashboard'];
export type MembersSection = Dashboard['members'];
export type TrendPoint = MembersSection['trend'][number];
export type MeetingsSection = Dashboard['meetings'];
export type VisitsSection = Dashboard['visits'];
export type ChildFigures = Dashboard['children'][number];
export type InspectionTargetFigures = DashboardInspectionTargetQuery['inspectionTarget'];
export type RatingFigures = DashboardRatingFiguresQuery['ratingFigures'];
export type AdmissionProgress = DashboardAdmissionProgressQuery['admissionProgress'];

// The dashboard of an organisation's subtree (docs/dashboard.md): every section in one request. The organisations
// section is not asked for (its flags are alerts, shown with them).
const DASHBOARD = graphql(`
  query Dashboard($input: DashboardInput!) {
    dashboard(input: $input) {
      asOf year from to
      organisation { id name kind ancestors { id name } }
      members {
        members fullMembers probationaryMembers exemptMembers admissions yearStart membersAtYearStart
        leftInPeriod { status count }
        trend { year date members fullMembers probationaryMembers admissions }
      }
      meetings { from to cells cellsBehind behindPercent attendancePercent regularHeld thematicHeld held byKind { kind count } }
      visits { asOf assignments assignmentsBehind behindPercent required done scored unscored cells cellsWithoutVisitor }
      children {
        organisation { id code name kind }
        members cells cellsBehind behindPercent visitAssignments visitAssignmentsBehind alerts alertErrors
      }
      alerts { total countsByCode { code severity count } countsBySeverity { severity count } }
    }
  }
`);

export const dashboardQueryOptions = (params: DashboardParams) =>
  queryOptions({
    queryKey: dashboardKeys.dashboard(params),
    queryFn: ({ signal }) => request(DASHBOARD, { input: params }, { signal }).then((d) => d.dashboard),
  });

export const useDashboard = (params: DashboardParams | null) =>
  useQuery({
    ...dashboardQueryOptions(params ?? { organisationId: '', asOf: '', year: 0 }),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

// Inspections: the yearly target of the cells, the same call /inspections makes (so the numbers match its lists).
const TARGET = graphql(`
  query DashboardInspectionTarget($input: InspectionTargetInput!) {
    inspectionTarget(input: $input) { referenceDate subjectCount metCount behindCount percent projectedMetCount projectedPercent }
  }
`);

const inspectionsQueryOptions = (params: DashboardParams) =>
  queryOptions({
    queryKey: dashboardKeys.inspections(params),
    queryFn: ({ signal }) => request(TARGET, { input: params }, { signal }).then((d) => d.inspectionTarget),
  });

export const useDashboardInspections = (params: DashboardParams | null) =>
  useQuery({
    ...inspectionsQueryOptions(params ?? { organisationId: '', asOf: '', year: 0 }),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

// Ratings: the figures of one year with the parameters /ratings sends for it.
const RATINGS = graphql(`
  query DashboardRatingFigures($input: RatingFiguresInput!) {
    ratingFigures(input: $input) {
      asOf year
      groups {
        subjectKind
        current {
          total rated notRated excellentOfWellCompletedOrBetter
          wellCompletedOrBetter { count percent }
          levels { level count percent }
        }
      }
    }
  }
`);

const ratingsQuery = (params: RatingParams) =>
  queryOptions({
    queryKey: dashboardKeys.ratings(params),
    queryFn: ({ signal }) => request(RATINGS, { input: params }, { signal }).then((d) => d.ratingFigures),
  });

const ROUNDS = graphql(`
  query DashboardRatingRounds($year: Int) {
    ratingRounds(year: $year) { state periodKind }
  }
`);

const anyRated = (f: RatingFigures | undefined) => Boolean(f?.groups.some((g) => g.current.rated > 0));

/**
 * The last decided year's ratings: the dashboard's year once its yearly rounds are all announced and it has
 * decisions, else the year before (a round still open has only part of its decisions; most of the year the last
 * decided one is the previous). The rounds are those the caller may see.
 */
export const useLastDecidedRatings = (organisationId: string | null, year: number, asOf: IsoDate | null) => {
  const params = (y: number): RatingParams => ({
    organisationId: organisationId ?? '',
    year: y,
    ...(asOf ? { asOf } : {}),
  });
  const rounds = useQuery({
    queryKey: [...dashboardKeys.all, 'ratingRounds', { year }] as const,
    queryFn: ({ signal }) =>
      request(ROUNDS, { year }, { signal }).then((d) => d.ratingRounds.filter((r) => r.periodKind === 'YEAR')),
    enabled: Boolean(organisationId),
  });
  const announced = Boolean(rounds.data?.length && rounds.data.every((r) => r.state === 'ANNOUNCED'));
  const current = useQuery({ ...ratingsQuery(params(year)), enabled: Boolean(organisationId) && announced });
  const fallback = rounds.isSuccess && (!announced || (current.isSuccess && !anyRated(current.data)));
  // asked for together with the rounds (same request), not after them: most of the year it is the one shown, and
  // waiting for the rounds first would add a round trip to the dashboard
  const previous = useQuery({ ...ratingsQuery(params(year - 1)), enabled: Boolean(organisationId) });
  if (rounds.isError) return { data: undefined, error: rounds.error, refetch: rounds.refetch };
  return fallback
    ? { data: previous.data, error: previous.error, refetch: previous.refetch }
    : { data: current.data, error: current.error, refetch: current.refetch };
};

const ADMISSION = graphql(`
  query DashboardAdmissionProgress($organisationId: ID!, $year: Int!, $asOf: Date) {
    admissionProgress(organisationId: $organisationId, year: $year, asOf: $asOf) {
      from to admitted target percent met remaining targetKind targetPercent membersAtTermStart termStart
    }
  }
`);

/** Admissions against the target, counted up to the dashboard's date (its `admitted` is members.admissions). */
export const useDashboardAdmission = (organisationId: string | null, year: number, asOf: IsoDate) =>
  useQuery({
    queryKey: dashboardKeys.admission(organisationId ?? '', year, asOf),
    queryFn: ({ signal }) =>
      request(ADMISSION, { organisationId: organisationId!, year, asOf }, { signal }).then((d) => d.admissionProgress),
    enabled: Boolean(organisationId),
  });
