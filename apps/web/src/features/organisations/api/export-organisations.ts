import { useMutation } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { IsoDate } from '../../../lib/domain';

const ORGANISATIONS_XLSX = graphql(`
  query OrganisationsXlsx($filter: OrganisationFilter, $asOf: Date) {
    organisationsXlsx(filter: $filter, asOf: $asOf)
  }
`);

// Run on a click, nothing cached: the organisation and every organisation under it (all pages) as a workbook.
export const useExportOrganisations = () =>
  useMutation({
    mutationFn: async (v: { underId: string; asOf: IsoDate; fileName: string }) => {
      const data = await request(ORGANISATIONS_XLSX, { filter: { underId: v.underId }, asOf: v.asOf });
      saveBase64File(data.organisationsXlsx, v.fileName, XLSX_TYPE);
    },
  });
