import { useMutation } from '@tanstack/react-query';
import { graphql, request } from '../../../lib/graphql-client';

const VISIT_REPORT_XLSX = graphql<{ visitReportXlsx: string }, { input: { organisationId: string; month: string } }>(`
  query VisitReportXlsx($input: VisitReportInput!) {
    visitReportXlsx(input: $input)
  }
`);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Decodes the API's base64 workbook and hands it to the browser as a download. */
const download = (base64: string, fileName: string) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

// A query in the schema, but run on demand (a click), so it is a mutation for TanStack Query: nothing cached.
export const useExportVisitReport = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string; month: string; fileName: string }) => {
      const data = await request(VISIT_REPORT_XLSX, { input: { organisationId: v.organisationId, month: v.month } });
      download(data.visitReportXlsx, v.fileName);
    },
  });
