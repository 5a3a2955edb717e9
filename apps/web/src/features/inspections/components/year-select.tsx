import { Select } from 'antd';
import { todayIso } from '../../../lib/as-of';

type Props = { id: string; value: number; onChange: (year: number) => void };

/** The years a tracker or a record list can show: from five years back to next year. */
export const YearSelect = ({ id, value, onChange }: Props) => {
  const current = Number(todayIso().slice(0, 4));
  const years = Array.from({ length: 7 }, (_, i) => current + 1 - i);
  if (!years.includes(value)) years.push(value);
  return <Select id={id} value={value} onChange={onChange} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: '100%' }} />;
};

/** ?year= as a number, else the current year. */
export const yearParam = (raw: string | null): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1900 && n <= 9999 ? n : Number(todayIso().slice(0, 4));
};
