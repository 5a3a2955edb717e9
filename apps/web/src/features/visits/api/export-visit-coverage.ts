import { useMutation } from '@tanstack/react-query';
import { downloadExport } from '../../../lib/export-download';
import type { IsoDate } from '../../../lib/domain';

// Run on a click, nothing cached: the year's visit coverage under an organisation (every assignment, and the
// cells with no visitor on a second sheet) as a workbook.
export const useExportVisitCoverage = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string; year: number; asOf: IsoDate; fileName: string }) => {
      await downloadExport(
        'visit-coverage',
        { input: { organisationId: v.organisationId, year: v.year, asOf: v.asOf } },
        v.fileName,
      );
    },
  });
