import { useMutation } from '@tanstack/react-query';
import { downloadExport } from '../../../lib/export-download';
import type { IsoDate } from '../../../lib/domain';

// Run on a click, nothing cached: every meeting of the calendar's filter (all pages) as a workbook.
export const useExportMeetings = () =>
  useMutation({
    mutationFn: async (v: { organisationId: string | null; from: IsoDate; to: IsoDate; fileName: string }) => {
      await downloadExport(
        'meetings',
        { filter: { ...(v.organisationId ? { organisationId: v.organisationId } : {}), from: v.from, to: v.to } },
        v.fileName,
      );
    },
  });
