import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-error';
import type { IsoDate } from '../../../lib/api-types';
import { graphql, request } from '../../../lib/graphql-client';
import { VISIT_FIELDS } from './fields';
import { visitKeys } from './keys';
import type { VisitReport } from './types';

const VISIT_REPORT = graphql<{ visitReport: VisitReport }, { input: { organisationId: string; month: string } }>(`
  query VisitReport($input: VisitReportInput!) {
    visitReport(input: $input) {
      month
      lines {
        visitorUserId visitorName assignedCells visits scored unscored cellsNotVisited state dueOn submittedOn
        items { ${VISIT_FIELDS} }
      }
    }
  }
`);

/** The committee's monthly visit report (one line per visitor with assignments under the organisation). */
export const visitReportQueryOptions = (organisationId: string, month: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: visitKeys.report(organisationId, month, asOf),
    queryFn: ({ signal }) => request(VISIT_REPORT, { input: { organisationId, month } }, { signal }).then((d) => d.visitReport),
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
        const report = (await request(VISIT_REPORT, { input: { organisationId: cellId ?? '', month } }, { signal })).visitReport;
        return report.lines.find((l) => l.visitorUserId === userId) ?? null;
      } catch (error) {
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
        throw error;
      }
    },
    enabled: Boolean(userId && cellId),
  });
