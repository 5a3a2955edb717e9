import type { Dayjs } from 'dayjs';

/** How the inspection forms show a date. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** A picked date as 'YYYY-MM-DD', or undefined when none (omitted fields keep their value on the API). */
export const iso = (d: Dayjs | null | undefined): string | undefined =>
  d?.isValid() ? d.format('YYYY-MM-DD') : undefined;
