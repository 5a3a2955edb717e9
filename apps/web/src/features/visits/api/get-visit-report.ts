import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-error';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { visitKeys } from './keys';
import type { VisitReportQuery } from '../../../gql/graphql';

export type VisitReportLine = VisitReportQuery['visitReport']['lines'][number];
import type { IsoDate } from '../../../lib/domain';

const VISIT_REPORT = graphql(`
  query VisitReport($input: VisitReportInput!) {
    visitReport(input: $input) {
      month
      lines {
        visitorUserId visitorName assignedCells visits scored unscored cellsNotVisited state dueOn submittedOn
        items { ...VisitFields }
      }
    }
  }
`);

/** The committee's monthly visit report (one line per visitor with assignments under the organisation). */
export const visitReportQueryOptions = (organisationId: string, month: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.report(organisationId, month, asOf),
    queryFn: ({ signal }) =>
      request(VISIT_REPORT, { input: { organisationId, month } }, { signal }).then((d) => d.visitReport),
  });

export const useVisitReport = (organisationId: string | null, month: string, asOf: IsoDate) =>
  useQuery({ ...visitReportQueryOptions(organisationId ?? '', month, asOf), enabled: Boolean(organisationId) });

/**
 * The visitor's own line of the report, read through one of their cells; null when the visitor may not
 * read that cell (the report is a committee view: a visitor without a grant there gets NOT_FOUND).
 */
export const useMyReportLine = (userId: string | undefined, cellId: string | undefined, month: string, asOf: IsoDate) =>
  useQuery({
    queryKey: [...visitKeys.report(cellId ?? '', month, asOf), { userId }] as const,
    queryFn: async ({ signal }) => {
      try {
        const report = (await request(VISIT_REPORT, { input: { organisationId: cellId ?? '', month } }, { signal }))
          .visitReport;
        return report.lines.find((l) => l.visitorUserId === userId) ?? null;
      } catch (error) {
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
        throw error;
      }
    },
    enabled: Boolean(userId && cellId),
  });
