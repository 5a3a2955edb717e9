import type { RatingFigureRowsInput, RatingFiguresInput, RatingFilter } from '../../../gql/graphql';

/** The organisation and year of the figures (the tree of 31 December unless the header picks another day). */
export type FiguresParams = RatingFiguresInput;
/** Which list lies behind a number: the subject kind, and either some decided levels, the not rated, the rated, or all. */
export type FigureFilter = Pick<RatingFigureRowsInput, 'subjectKind' | 'levels' | 'notRated'>;
export type RatingFilterInput = RatingFilter;

// [feature, scope, params]. What each rating step makes stale is decided in lib/invalidation.ts.
export const ratingKeys = {
  all: ['ratings'] as const,
  figures: (params: FiguresParams) => ['ratings', 'figures', params] as const,
  figureRows: (params: FiguresParams, filter: FigureFilter, page: number) =>
    ['ratings', 'figureRows', { ...params, ...filter, page }] as const,
  admission: (organisationId: string, year: number) => ['ratings', 'admission', { organisationId, year }] as const,
  rounds: (organisationId: string | null, year: number | null) =>
    ['ratings', 'rounds', { organisationId, year }] as const,
  round: (id: string) => ['ratings', 'round', { id }] as const,
  roundStages: (id: string) => ['ratings', 'roundStages', { id }] as const,
  list: (filter: RatingFilterInput, page: number, pageSize: number) =>
    ['ratings', 'list', { ...filter, page, pageSize }] as const,
  pending: (roundId: string, search: string, page: number, pageSize: number) =>
    ['ratings', 'pending', { roundId, search, page, pageSize }] as const,
  quotaGroup: (roundId: string, groupId: string, kind: string | null) =>
    ['ratings', 'quotaGroup', { roundId, groupId, kind }] as const,
};
