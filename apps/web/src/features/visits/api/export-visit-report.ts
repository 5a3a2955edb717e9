import { useMutation } from '@tanstack/react-query';
import { downloadExport } from '../../../lib/export-download';

// A query in the schema, but run on demand (a click), so it is a mutation for TanStack Query: nothing cached.
export const useExportVisitReport = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string; month: string; fileName: string }) => {
      await downloadExport('visit-report', { input: { organisationId: v.organisationId, month: v.month } }, v.fileName);
    },
  });
