import { YearSelect as ReportYearSelect } from '../../../components/year-select';
import { todayIso } from '../../../lib/as-of';

type Props = { id: string; value: number; onChange: (year: number) => void };

/** The years a tracker or a record list can show: from five years back to next year. */
export const YearSelect = (props: Props) => <ReportYearSelect {...props} latest={Number(todayIso().slice(0, 4)) + 1} />;

/** ?year= as a number, else the current year. */
export const yearParam = (raw: string | null): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1900 && n <= 9999 ? n : Number(todayIso().slice(0, 4));
};
