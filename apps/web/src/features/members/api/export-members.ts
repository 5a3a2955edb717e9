import { useMutation } from '@tanstack/react-query';
import { downloadExport } from '../../../lib/export-download';
import { toFilter, type MembersParams } from './get-members';

// Run on a click, nothing cached: every member matching the list's filter (all pages) as a workbook.
export const useExportMembers = () =>
  useMutation({
    mutationFn: async (v: { params: MembersParams; fileName: string }) => {
      await downloadExport('members', { filter: toFilter(v.params), asOf: v.params.asOf }, v.fileName);
    },
  });
