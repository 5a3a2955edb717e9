import { useMutation } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { RatingFilterInput } from './keys';

const ROUND_XLSX = graphql(`
  query RatingRoundXlsx($roundId: ID!, $filter: RatingFilter) {
    ratingRoundXlsx(roundId: $roundId, filter: $filter)
  }
`);

// Run on a click, nothing cached: the round's ratings matching the page's filter (all pages) and the subjects not
// self-assessed yet, as a workbook.
export const useExportRound = () =>
  useMutation({
    mutationFn: async (v: { roundId: string; filter: RatingFilterInput; fileName: string }) => {
      const data = await request(ROUND_XLSX, { roundId: v.roundId, filter: v.filter });
      saveBase64File(data.ratingRoundXlsx, v.fileName, XLSX_TYPE);
    },
  });
