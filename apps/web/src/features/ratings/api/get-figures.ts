import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import type { RatingFigureRowsQuery } from '../../../gql/graphql';
import { ratingKeys, type FigureFilter, type FiguresParams } from './keys';

export type FigureRow = RatingFigureRowsQuery['ratingFigureRows']['items'][number];

const FIGURES = graphql(`
  query RatingFigures($input: RatingFiguresInput!) {
    ratingFigures(input: $input) { ...FiguresFields }
  }
`);

export const figuresQueryOptions = (params: FiguresParams) =>
  queryOptions({
    queryKey: ratingKeys.figures(params),
    queryFn: ({ signal }) => request(FIGURES, { input: params }, { signal }).then((d) => d.ratingFigures),
  });

export const useRatingFigures = (params: FiguresParams | null) =>
  useQuery({
    ...figuresQueryOptions(params ?? { organisationId: '', year: 0 }),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

const ROWS = graphql(`
  query RatingFigureRows($input: RatingFigureRowsInput!, $page: PageInput) {
    ratingFigureRows(input: $input, page: $page) {
      total
      items { subjectKind memberId subjectOrganisationId name organisationId organisationName ratingId level scheme rawLabel notRatedReason }
    }
  }
`);

export const FIGURE_ROWS_PAGE_SIZE = 50;

/** The list behind one number of the figures (the same filter the number counts). */
export const useFigureRows = (params: FiguresParams | null, filter: FigureFilter | null, page: number) =>
  useQuery({
    queryKey: ratingKeys.figureRows(
      params ?? { organisationId: '', year: 0 },
      filter ?? { subjectKind: 'MEMBER' },
      page,
    ),
    queryFn: ({ signal }) =>
      request(
        ROWS,
        {
          input: { ...params!, ...filter! },
          page: { offset: (page - 1) * FIGURE_ROWS_PAGE_SIZE, limit: FIGURE_ROWS_PAGE_SIZE },
        },
        { signal },
      ).then((d) => d.ratingFigureRows),
    // no placeholder: a total shown must be the total of the list asked for
    enabled: Boolean(params && filter),
  });

const ADMISSION = graphql(`
  query AdmissionProgress($organisationId: ID!, $year: Int!) {
    admissionProgress(organisationId: $organisationId, year: $year) {
      from to targetKind targetPercent termStart membersAtTermStart target admitted percent met remaining
    }
  }
`);

export const useAdmissionProgress = (organisationId: string | null, year: number) =>
  useQuery({
    queryKey: ratingKeys.admission(organisationId ?? '', year),
    queryFn: ({ signal }) =>
      request(ADMISSION, { organisationId: organisationId!, year }, { signal }).then((d) => d.admissionProgress),
    enabled: Boolean(organisationId),
  });
