import { useMutation } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { toFilter, type MembersParams } from './get-members';

const MEMBERS_XLSX = graphql(`
  query MembersXlsx($filter: MemberFilter, $asOf: Date) {
    membersXlsx(filter: $filter, asOf: $asOf)
  }
`);

// Run on a click, nothing cached: every member matching the list's filter (all pages) as a workbook.
export const useExportMembers = () =>
  useMutation({
    mutationFn: async (v: { params: MembersParams; fileName: string }) => {
      const data = await request(MEMBERS_XLSX, { filter: toFilter(v.params), asOf: v.params.asOf });
      saveBase64File(data.membersXlsx, v.fileName, XLSX_TYPE);
    },
  });
