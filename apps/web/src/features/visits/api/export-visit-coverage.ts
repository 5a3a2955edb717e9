import { useMutation } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { IsoDate } from '../../../lib/domain';

const VISIT_COVERAGE_XLSX = graphql(`
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
