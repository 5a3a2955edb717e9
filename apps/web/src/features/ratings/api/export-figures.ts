import { useMutation } from '@tanstack/react-query';
import { saveBase64File, XLSX_TYPE } from '../../../lib/download';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { FiguresParams } from './keys';

const FIGURES_XLSX = graphql(`
  query RatingFiguresXlsx($input: RatingFiguresInput!) {
    ratingFiguresXlsx(input: $input)
  }
`);

// A query in the schema, but run on demand (a click), so it is a mutation for TanStack Query: nothing cached.
export const useExportRatingFigures = () =>
  useMutation({
    mutationFn: async (v: { params: FiguresParams; fileName: string }) => {
      const data = await request(FIGURES_XLSX, { input: v.params });
      saveBase64File(data.ratingFiguresXlsx, v.fileName, XLSX_TYPE);
    },
  });
