import type { IsoDate } from '../../../lib/api-types';
import type { AlertsParams, DashboardParams, MemberListFilter, RatingParams } from './types';

// [feature, scope, params]; the as-of date is in every key (the tree and every deadline are judged on it).
export const dashboardKeys = {
  all: ['dashboard'] as const,
  dashboard: (params: DashboardParams) => ['dashboard', 'figures', params] as const,
  inspections: (params: DashboardParams) => ['dashboard', 'inspections', params] as const,
  ratings: (params: RatingParams) => ['dashboard', 'ratings', params] as const,
  admission: (organisationId: string, year: number, asOf: IsoDate) => ['dashboard', 'admission', { organisationId, year, asOf }] as const,
  alerts: (params: AlertsParams) => ['dashboard', 'alerts', params] as const,
  alertCounts: (params: Omit<AlertsParams, 'codes' | 'offset' | 'limit'>) => ['dashboard', 'alertCounts', params] as const,
  members: (filter: MemberListFilter, asOf: IsoDate, offset: number) => ['dashboard', 'members', filter, { asOf, offset }] as const,
  meetings: (params: { organisationId: string; from: IsoDate; to: IsoDate; kinds: string[] }, offset: number) =>
    ['dashboard', 'meetings', params, { offset }] as const,
  visits: (params: DashboardParams) => ['dashboard', 'visits', params] as const,
};
