import { todayIso } from '../../../lib/as-of';
import type { RatingFigureGroup } from '../api/fields';

/** The subject kinds the figures show, in the reports' order. */
export const SHOWN_KINDS = ['GRASSROOTS_ORGANISATION', 'SUB_COMMITTEE', 'SUBORDINATE_CELL', 'MEMBER'] as const;

/**
 * The groups of ratingFigures the screen and its printed table show, in that order: a sub-committee row only
 * where there are sub-committees (this year or last).
 */
export const shownGroups = (groups: readonly RatingFigureGroup[]): RatingFigureGroup[] =>
  groups
    .filter((g) => SHOWN_KINDS.includes(g.subjectKind))
    .sort((a, b) => SHOWN_KINDS.indexOf(a.subjectKind) - SHOWN_KINDS.indexOf(b.subjectKind))
    .filter((g) => g.subjectKind !== 'SUB_COMMITTEE' || g.current.total + g.previous.total > 0);

/** ?year= as a year of the figures, or null when it is not one. */
export const figuresYearParam = (raw: string | null): number | null => {
  const n = Number(raw);
  return raw !== null && Number.isInteger(n) && n >= 1930 && n <= 2200 ? n : null;
};

/** ?year= as a year of the figures, else the current year. */
export const figuresYear = (raw: string | null): number => figuresYearParam(raw) ?? Number(todayIso().slice(0, 4));

/**
 * The year the figures open on without ?year=: the current year once its yearly rating rounds (those the user sees)
 * are all announced, else the year before, whose results are the latest decided ones (as the dashboard does): in
 * December the current year is mostly undecided, and its figures would read as a collapse.
 */
export const defaultFiguresYear = (
  currentYear: number,
  roundsOfCurrentYear: readonly { state: string; periodKind: string }[],
): number => {
  const yearly = roundsOfCurrentYear.filter((r) => r.periodKind === 'YEAR');
  return yearly.length > 0 && yearly.every((r) => r.state === 'ANNOUNCED') ? currentYear : currentYear - 1;
};
