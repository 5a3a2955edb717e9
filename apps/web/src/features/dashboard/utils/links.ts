import { useMemo } from 'react';
import type { AlertCode, AlertSeverity, IsoDate, MemberStatus } from '../../../lib/domain';
import { paths, useAppHref, withParams } from '../../../lib/paths';

// Where each figure's rows are listed, with the parameters that make the list count what the figure counts
// (the header's as-of date travels with every link).

export type DashboardScope = { organisationId: string; year: number; from: IsoDate; to: IsoDate };

export const useDashboardLinks = ({ organisationId: org, year, from, to }: DashboardScope) => {
  const href = useAppHref();
  return useMemo(
    () => ({
      dashboard: (id: string, list?: string) =>
        withParams(href(paths.dashboard), { org: id, year: String(year), list }),
      members: (status?: MemberStatus, id = org) => withParams(href(paths.members), { org: id, status }),
      compliance: (all: boolean, id = org) =>
        withParams(href(paths.compliance), { org: id, from, to, all: all ? '1' : null }),
      inspections: (cells: 'MET' | 'ALL' | 'BEHIND' | 'ON_PACE') =>
        withParams(href(paths.inspections), { org, year: String(year), cells }),
      ratings: (ratingYear: number, list: string) =>
        withParams(href(paths.ratings), { org, year: String(ratingYear), list }),
      alerts: (filter: { codes?: AlertCode[]; severity?: AlertSeverity } = {}, id = org) =>
        withParams(href(paths.alerts), {
          org: id,
          year: String(year),
          codes: filter.codes?.join(','),
          severity: filter.severity,
        }),
    }),
    [href, org, year, from, to],
  );
};

export type DashboardLinks = ReturnType<typeof useDashboardLinks>;
