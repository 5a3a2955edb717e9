import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AS_OF_PARAM } from './as-of';

// Route paths (ASCII) and builders. Links keep the current ?asOf= so the whole app stays on one date.

export const paths = {
  signIn: '/login',
  home: '/',
  dashboard: '/dashboard',
  alerts: '/alerts',
  organisations: '/organisations',
  organisation: (id: string) => `/organisations/${encodeURIComponent(id)}`,
  members: '/members',
  member: (id: string) => `/members/${encodeURIComponent(id)}`,
  meetings: '/meetings',
  meeting: (id: string) => `/meetings/${encodeURIComponent(id)}`,
  meetingPrint: (id: string) => `/meetings/${encodeURIComponent(id)}/print`,
  meetingVisit: (id: string) => `/meetings/${encodeURIComponent(id)}/visit`,
  visits: '/visits',
  myVisitReport: '/visits/report',
  compliance: '/compliance',
  visitReport: '/visit-report',
  visitReportPrint: '/visit-report/print',
  inspections: '/inspections',
  dues: '/dues',
  inspectionTrackerPrint: '/inspections/tracker/print',
  inspectionRecords: '/inspections/records',
  inspection: (id: string) => `/inspections/${encodeURIComponent(id)}`,
  ratings: '/ratings',
  ratingFiguresPrint: '/ratings/figures/print',
  ratingRounds: '/ratings/rounds',
  ratingRound: (id: string) => `/ratings/rounds/${encodeURIComponent(id)}`,
  myRatings: '/ratings/mine',
  admin: '/admin',
  import: '/import',
  notices: '/thong-bao',
  /** The one search box's page: members, organisations and meetings matching ?q= (features/search). */
  search: '/tim-kiem',
  /** Changes made offline that wait to be sent, with their conflicts and refusals (lib/offline). */
  sync: '/sync',
} as const;

export const withParams = (path: string, params: Record<string, string | null | undefined>): string => {
  const [base, query = ''] = path.split('?');
  const p = new URLSearchParams(query);
  for (const [k, v] of Object.entries(params)) {
    if (v) p.set(k, v);
    else p.delete(k);
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
};

/** Returns a function that adds the current asOf parameter (if any) to a path. */
export const useAppHref = () => {
  const [params] = useSearchParams();
  const asOf = params.get(AS_OF_PARAM);
  return useCallback((path: string) => withParams(path, { [AS_OF_PARAM]: asOf }), [asOf]);
};
