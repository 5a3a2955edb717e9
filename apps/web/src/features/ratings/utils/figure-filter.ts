import type { RatingLevel, RatingSubjectKind } from '../../../lib/domain';
import type { FigureFilter } from '../api/keys';

// The list behind each number of the figures, as a ratingFigureRows filter, and its place in the URL
// (?list=MEMBER:HTXSNV+HTTNV, MEMBER:notRated, MEMBER:rated, MEMBER:all; &listYear= for the previous year's numbers).

export type FigureListKey = 'all' | 'rated' | 'notRated' | RatingLevel[];

export const figureFilter = (subjectKind: RatingSubjectKind, key: FigureListKey): FigureFilter =>
  key === 'all'
    ? { subjectKind }
    : key === 'rated'
      ? { subjectKind, notRated: false }
      : key === 'notRated'
        ? { subjectKind, notRated: true }
        : { subjectKind, levels: key };

export const encodeFigureList = (subjectKind: RatingSubjectKind, key: FigureListKey): string =>
  `${subjectKind}:${Array.isArray(key) ? key.join('+') : key}`;

const KINDS = ['MEMBER', 'GRASSROOTS_ORGANISATION', 'SUB_COMMITTEE', 'SUBORDINATE_CELL'];
const LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

export const decodeFigureList = (raw: string | null): { subjectKind: RatingSubjectKind; key: FigureListKey } | null => {
  if (!raw) return null;
  const [kind, rest = ''] = raw.split(':');
  if (!KINDS.includes(kind)) return null;
  const subjectKind = kind as RatingSubjectKind;
  if (rest === 'all' || rest === 'rated' || rest === 'notRated') return { subjectKind, key: rest };
  const levels = rest.split(/[+ ]/).filter((l) => LEVELS.includes(l)) as RatingLevel[];
  return levels.length ? { subjectKind, key: levels } : null;
};
