import { useMutation } from '@tanstack/react-query';
import { downloadExport } from '../../../lib/export-download';
import type { RatingFilterInput } from './keys';

// Run on a click, nothing cached: the round's ratings matching the page's filter (all pages) and the subjects not
// self-assessed yet, as a workbook.
export const useExportRound = () =>
  useMutation({
    mutationFn: async (v: { roundId: string; filter: RatingFilterInput; fileName: string }) => {
      await downloadExport('rating-round', { roundId: v.roundId, filter: v.filter }, v.fileName);
    },
  });
