import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { AlertCountsQuery, AlertsQuery } from '../../../gql/graphql';
import type { AlertCode } from '../../../lib/domain';
import { downloadExport } from '../../../lib/export-download';
import { request } from '../../../lib/graphql-client';
import { dashboardKeys, type AlertsParams } from './keys';

export type AlertList = AlertsQuery['alerts'];
export type AlertItem = AlertList['items'][number];
export type AlertSummary = AlertCountsQuery['alerts'];

const ALERTS = graphql(`
  query Alerts($input: AlertsInput!) {
    alerts(input: $input) {
      asOf year total offset limit
      countsByCode { code severity count }
      countsBySeverity { severity count }
      items {
        code severity entity message messageEn dueOn memberId memberName meetingId visitId
        organisation { id code name }
      }
    }
  }
`);

const COUNTS = graphql(`
  query AlertCounts($input: AlertsInput!) {
    alerts(input: $input) {
      total
      countsByCode { code severity count }
      countsBySeverity { severity count }
    }
  }
`);

const alertsQueryOptions = (p: AlertsParams) =>
  queryOptions({
    queryKey: dashboardKeys.alerts(p),
    queryFn: ({ signal }) =>
      request(
        ALERTS,
        {
          input: {
            organisationId: p.organisationId,
            asOf: p.asOf,
            year: p.year,
            ...(p.codes.length ? { codes: p.codes } : {}),
            page: { offset: p.offset, limit: p.limit },
          },
        },
        { signal },
      ).then((d) => d.alerts),
  });

/** One page of the sorted list, narrowed to `codes` (the API narrows the counts too). */
export const useAlerts = (params: AlertsParams | null) =>
  useQuery({
    ...alertsQueryOptions(params ?? { organisationId: '', asOf: '', year: 0, codes: [], offset: 0, limit: 0 }),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

type CountsParams = Omit<AlertsParams, 'codes' | 'offset' | 'limit'>;

const countsQueryOptions = (p: CountsParams) =>
  queryOptions({
    queryKey: dashboardKeys.alertCounts(p),
    queryFn: ({ signal }) =>
      request(COUNTS, { input: { ...p, page: { offset: 0, limit: 1 } } }, { signal }).then((d) => d.alerts),
  });

/** The counts of every code, whatever the filter: the filter chips and their numbers. */
export const useAlertCounts = (params: CountsParams | null) =>
  useQuery({
    ...countsQueryOptions(params ?? { organisationId: '', asOf: '', year: 0 }),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

// Run on a click, nothing cached: every alert of the current filter (all pages) as a workbook.
export const useExportAlerts = () =>
  useMutation({
    mutationFn: async (v: {
      organisationId: string;
      asOf: string;
      year: number;
      codes: AlertCode[];
      fileName: string;
    }) => {
      await downloadExport(
        'alerts',
        {
          input: {
            organisationId: v.organisationId,
            asOf: v.asOf,
            year: v.year,
            ...(v.codes.length ? { codes: v.codes } : {}),
          },
        },
        v.fileName,
      );
    },
  });
