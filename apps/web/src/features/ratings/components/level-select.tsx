import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_LEVELS, type RatingLevel } from '../../../lib/domain';

export const LevelSelect = ({
  id,
  value,
  onChange,
}: {
  id: string;
  value: RatingLevel | null;
  onChange: (level: RatingLevel) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Select<RatingLevel>
      id={id}
      value={value ?? undefined}
      style={{ width: '100%' }}
      options={RATING_LEVELS.map((l) => ({ value: l, label: `${l} – ${t(`ratings.level.${l}`)}` }))}
      onChange={onChange}
    />
  );
};
