import { useMutation } from '@tanstack/react-query';
import { downloadExport } from '../../../lib/export-download';
import type { FiguresParams } from './keys';

// A query in the schema, but run on demand (a click), so it is a mutation for TanStack Query: nothing cached.
export const useExportRatingFigures = () =>
  useMutation({
    mutationFn: async (v: { params: FiguresParams; fileName: string }) => {
      await downloadExport('rating-figures', { input: v.params }, v.fileName);
    },
  });
