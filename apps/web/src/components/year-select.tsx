import { Select } from 'antd';

type Props = { id: string; value: number; latest: number; onChange: (year: number) => void };

/** The year filter of the reports: `latest` and the six years before it (and `value` when it is older). */
export const YearSelect = ({ id, value, latest, onChange }: Props) => {
  const years = Array.from({ length: 7 }, (_, i) => latest - i);
  if (!years.includes(value)) years.push(value);
  return <Select id={id} value={value} onChange={onChange} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: '100%' }} />;
};
