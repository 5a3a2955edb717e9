import type { IsoDate } from '../../../lib/domain';

/** The date the tracker judges a year on: the as-of date, or 1 January when it is earlier (the API refuses such a date). */
export const judgedOn = (year: number, asOf: IsoDate): IsoDate => (asOf < `${year}-01-01` ? `${year}-01-01` : asOf);
