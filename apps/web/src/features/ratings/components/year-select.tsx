import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/as-of';

type Props = { id: string; value: number | null; onChange: (year: number | null) => void; allowAll?: boolean };

/** The current year and the ten before it (ratings are yearly); optionally "all years". */
export const YearSelect = ({ id, value, onChange, allowAll = false }: Props) => {
  const { t } = useTranslation();
  const current = Number(todayIso().slice(0, 4));
  const years = Array.from({ length: 11 }, (_, i) => current - i);
  return (
    <Select<number>
      id={id}
      value={value ?? (allowAll ? 0 : current)}
      style={{ width: '100%' }}
      options={[
        ...(allowAll ? [{ value: 0, label: t('ratings.rounds.allYears') }] : []),
        ...years.map((y) => ({ value: y, label: String(y) })),
      ]}
      onChange={(v) => onChange(v === 0 ? null : v)}
    />
  );
};
