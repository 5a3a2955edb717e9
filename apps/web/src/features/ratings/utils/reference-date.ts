import { todayIso } from '../../../lib/as-of';
import type { IsoDate } from '../../../lib/domain';

/** The date whose tree and policy a year's rating uses: 31 December, or today while the year runs (as the API does). */
export const ratingReferenceDate = (year: number): IsoDate => {
  const end = `${String(year).padStart(4, '0')}-12-31`;
  const now = todayIso();
  return now < end ? now : end;
};
