import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAsOf } from '../../lib/as-of';

const DISPLAY_FORMAT = 'DD/MM/YYYY';

export const AsOfPicker = () => {
  const { t } = useTranslation();
  const { asOf, setAsOf } = useAsOf();
  return (
    <div className="app-header__field">
      <label htmlFor="as-of-date">{t('header.asOf')}</label>
      <DatePicker
        id="as-of-date"
        value={dayjs(asOf)}
        format={DISPLAY_FORMAT}
        allowClear={false}
        style={{ width: 130 }}
        onChange={(value) => {
          if (value) setAsOf(value.format('YYYY-MM-DD'));
        }}
      />
    </div>
  );
};
