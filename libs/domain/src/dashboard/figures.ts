import { compareIsoDate, formatIsoDate, minIsoDate, parseIsoDate, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import { badgeDue, nextBadgeOccasion, type BadgeDue } from '../member/dates';
import type { Policy } from '../policy';

// Date arithmetic of the dashboard's figures, so that the API and the web app name the same periods.

export type DashboardPeriod = { year: number; from: IsoDate; to: IsoDate };

/**
 * The period a year's figures cover as of a date: from 1 January of `year` to the as-of date, or to 31 December
 * when the as-of date is later (a past year is shown whole). Throws VALIDATION ('year') when the year has not
 * started on the as-of date, or is not a year from 1 to 9999.
 */
export const dashboardPeriod = (year: number, asOf: IsoDate): DashboardPeriod => {
  parseIsoDate(asOf, 'asOf');
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    throw new DomainError('VALIDATION', `Not a valid year: ${year}`, 'year');
  const from = formatIsoDate({ year, month: 1, day: 1 });
  if (compareIsoDate(asOf, from) < 0)
    throw new DomainError('VALIDATION', `The year ${year} has not started on ${asOf}`, 'year', { year, asOf });
  return { year, from, to: minIsoDate(asOf, formatIsoDate({ year, month: 12, day: 31 })) };
};

/**
 * The dates of a membership trend: for each of the `years` years ending with `year` (oldest first), 31 December,
 * or the as-of date for a year not over yet. Years after the as-of date's year are left out.
 */
export const trendDates = (year: number, asOf: IsoDate, years = 5): { year: number; date: IsoDate }[] => {
  parseIsoDate(asOf, 'asOf');
  if (!Number.isInteger(years) || years < 1 || years > 50)
    throw new DomainError('VALIDATION', `years must be 1 to 50, got ${years}`, 'years');
  const out: { year: number; date: IsoDate }[] = [];
  for (let y = year - years + 1; y <= year; y += 1) {
    if (y < 1) continue;
    const end = formatIsoDate({ year: y, month: 12, day: 31 });
    if (compareIsoDate(asOf, formatIsoDate({ year: y, month: 1, day: 1 })) < 0) continue;
    out.push({ year: y, date: minIsoDate(end, asOf) });
  }
  return out;
};

/**
 * The badge presented at the next occasion on or after `asOf` (3/2, 19/5, 2/9, 7/11 by default): the milestone
 * (see `badgeDue`) whose first occasion on or after the day it is reached is that occasion, or null. A milestone
 * reached in December is presented at next year's first occasion, so the previous year is looked at too.
 */
export const badgeAtNextOccasion = (admissionDecisionDate: IsoDate, asOf: IsoDate, policy: Policy): BadgeDue | null => {
  const occasion = nextBadgeOccasion(asOf, policy);
  if (occasion === null) return null;
  const { year } = parseIsoDate(occasion);
  for (const y of [year - 1, year]) {
    const due = badgeDue(admissionDecisionDate, y, policy);
    if (due !== null && due.awardOn === occasion) return due;
  }
  return null;
};

/**
 * The direct child of the organisation with materialised path `rootPath` ('/a/b/') on whose branch `path` lies
 * ('/a/b/c/d/' → 'c'), or null when `path` is the root itself or not under it.
 */
export const childOnPath = (path: string, rootPath: string): string | null => {
  if (!path.startsWith(rootPath) || path.length <= rootPath.length) return null;
  const rest = path.slice(rootPath.length);
  const end = rest.indexOf('/');
  return end <= 0 ? null : rest.slice(0, end);
};
