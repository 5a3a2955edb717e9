import { useMutation } from '@tanstack/react-query';
import type { IsoDate } from '../../../lib/api-types';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql, request } from '../../../lib/graphql-client';

const ORGANISATIONS_XLSX = graphql<{ organisationsXlsx: string }, { filter: { underId: string }; asOf: IsoDate }>(`
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
