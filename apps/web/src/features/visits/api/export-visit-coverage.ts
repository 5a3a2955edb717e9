import { useMutation } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql, request } from '../../../lib/graphql-client';

const VISIT_COVERAGE_XLSX = graphql<{ visitCoverageXlsx: string }, { input: { organisationId: string; year: number; asOf: IsoDate } }>(`
  query VisitCoverageXlsx($input: VisitCoverageInput!) {
    visitCoverageXlsx(input: $input)
  }
`);

// Run on a click, nothing cached: the year's visit coverage under an organisation (every assignment, and the
// cells with no visitor on a second sheet) as a workbook.
export const useExportVisitCoverage = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string; year: number; asOf: IsoDate; fileName: string }) => {
      const data = await request(VISIT_COVERAGE_XLSX, { input: { organisationId: v.organisationId, year: v.year, asOf: v.asOf } });
      saveBase64File(data.visitCoverageXlsx, v.fileName, XLSX_TYPE);
    },
  });
