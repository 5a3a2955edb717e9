import type { AlertCode, IsoDate } from '../../../lib/domain';
import type { MemberFilter } from '../../../gql/graphql';

/** The dashboard's organisation, date and year (the DashboardInput every section is asked with). */
export type DashboardParams = { organisationId: string; asOf: IsoDate; year: number };
/** The parameters /ratings sends for a year (the tree of 31 December unless the header picks another day). */
export type RatingParams = { organisationId: string; year: number; asOf?: IsoDate };
export type AlertsParams = {
  organisationId: string;
  asOf: IsoDate;
  year: number;
  codes: AlertCode[];
  offset: number;
  limit: number;
};
/** The members list behind a figure: the organisation and the filter the figure counts with. */
export type MemberListFilter = MemberFilter & { organisationId: string };

// [feature, scope, params]; the as-of date is in every key (the tree and every deadline are judged on it).
export const dashboardKeys = {
  all: ['dashboard'] as const,
  dashboard: (params: DashboardParams) => ['dashboard', 'figures', params] as const,
  inspections: (params: DashboardParams) => ['dashboard', 'inspections', params] as const,
  ratings: (params: RatingParams) => ['dashboard', 'ratings', params] as const,
  admission: (organisationId: string, year: number, asOf: IsoDate) =>
    ['dashboard', 'admission', { organisationId, year, asOf }] as const,
  alerts: (params: AlertsParams) => ['dashboard', 'alerts', params] as const,
  alertCounts: (params: Omit<AlertsParams, 'codes' | 'offset' | 'limit'>) =>
    ['dashboard', 'alertCounts', params] as const,
  members: (filter: MemberListFilter, asOf: IsoDate, offset: number) =>
    ['dashboard', 'members', filter, { asOf, offset }] as const,
  meetings: (params: { organisationId: string; from: IsoDate; to: IsoDate; kinds: string[] }, offset: number) =>
    ['dashboard', 'meetings', params, { offset }] as const,
  visits: (params: DashboardParams) => ['dashboard', 'visits', params] as const,
};
