import { useMutation } from '@tanstack/react-query';
import { downloadExport } from '../../../lib/export-download';
import type { IsoDate } from '../../../lib/domain';

// Run on a click, nothing cached: the organisation and every organisation under it (all pages) as a workbook.
export const useExportOrganisations = () =>
  useMutation({
    mutationFn: async (v: { underId: string; asOf: IsoDate; fileName: string }) => {
      await downloadExport('organisations', { filter: { underId: v.underId }, asOf: v.asOf }, v.fileName);
    },
  });
