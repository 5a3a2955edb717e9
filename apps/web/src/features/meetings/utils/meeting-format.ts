import { durationMinutes, isCell, type IsoDate, type OrganisationKind } from '../../../lib/domain';
import type { Language } from '../../../lib/i18n';

/** Whether an organisation is a cell (meetings are planned for cells). */
export const isCellKind = (kind: OrganisationKind | null | undefined): boolean => Boolean(kind && isCell(kind));

/** 'YYYY-MM' of an ISO date. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

export { formatMonth } from '../../../lib/format';

/** Weekday name of an ISO date in the UI language ("Thứ Bảy", "Saturday"). */
export const weekdayOf = (date: IsoDate, lng: Language): string => {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  const name = new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    d,
  );
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** '14:00–16:00', '14:00', or '' (times are HH:MM strings from the API). */
export const timeRange = (start: string | null | undefined, end: string | null | undefined): string =>
  start && end ? `${start}–${end}` : (start ?? end ?? '');

/** Minutes between two HH:MM times, or null when either is missing or the end is not after the start. */
export const safeDuration = (start: string | null | undefined, end: string | null | undefined): number | null => {
  if (!start || !end) return null;
  try {
    return durationMinutes(start, end);
  } catch {
    return null;
  }
};

/** A blank string is "no value" for the API (which refuses empty strings on optional text fields). */
export const textOrNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** The first day of the current year and its last day (the calendar's default period). */
export const currentYearRange = (today: IsoDate): { from: IsoDate; to: IsoDate } => ({
  from: `${today.slice(0, 4)}-01-01`,
  to: `${today.slice(0, 4)}-12-31`,
});
