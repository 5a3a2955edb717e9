import { Select } from 'antd';

type Props = {
  id: string;
  value: number;
  latest: number;
  onChange: (year: number) => void;
  /** The name when no form label names it. */
  ariaLabel?: string;
  /** focused and open at once (it replaces a light field) */
  autoFocus?: boolean;
};

/** The year filter of the reports: `latest` and the six years before it (and `value` when it is older). */
export const YearSelect = ({ id, value, latest, onChange, ariaLabel, autoFocus }: Props) => {
  const years = Array.from({ length: 7 }, (_, i) => latest - i);
  if (!years.includes(value)) years.push(value);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: String(y) }))}
      style={{ width: '100%' }}
      autoFocus={autoFocus}
      defaultOpen={autoFocus}
    />
  );
};
