import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAsOf } from '../../lib/as-of';
import { formatDate } from '../../lib/format';

export const AsOfBanner = () => {
  const { t } = useTranslation();
  const { asOf, isToday, setAsOf } = useAsOf();
  if (isToday) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('header.asOfPast', { date: formatDate(asOf) })}
      action={
        <Button size="small" onClick={() => setAsOf(null)}>
          {t('header.backToToday')}
        </Button>
      }
    />
  );
};
