import { useMutation } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';

const VISIT_REPORT_XLSX = graphql(`
  query VisitReportXlsx($input: VisitReportInput!) {
    visitReportXlsx(input: $input)
  }
`);

// A query in the schema, but run on demand (a click), so it is a mutation for TanStack Query: nothing cached.
export const useExportVisitReport = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string; month: string; fileName: string }) => {
      const data = await request(VISIT_REPORT_XLSX, { input: { organisationId: v.organisationId, month: v.month } });
      saveBase64File(data.visitReportXlsx, v.fileName, XLSX_TYPE);
    },
  });
