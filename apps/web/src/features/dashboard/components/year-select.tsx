import { Select } from 'antd';

type Props = { id: string; value: number; latest: number; onChange: (year: number) => void };

/** The years the dashboard can show: the as-of date's year (the API refuses a later one) and six before it. */
export const YearSelect = ({ id, value, latest, onChange }: Props) => {
  const years = Array.from({ length: 7 }, (_, i) => latest - i);
  if (!years.includes(value)) years.push(value);
  return <Select id={id} value={value} onChange={onChange} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: '100%' }} />;
};

/** ?year= as a number, else the as-of date's year; never after it. */
export const dashboardYear = (raw: string | null, latest: number): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1930 && n <= latest ? n : latest;
};
