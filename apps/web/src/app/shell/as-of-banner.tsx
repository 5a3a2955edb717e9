import { useTranslation } from 'react-i18next';
import { LightAlert } from '../../components/ui/light';
import { LightButton } from '../../components/ui/light-button';
import { useAsOf } from '../../lib/as-of';
import { formatDate } from '../../lib/format';

export const AsOfBanner = () => {
  const { t } = useTranslation();
  const { asOf, isToday, setAsOf } = useAsOf();
  if (isToday) return null;
  return (
    <LightAlert
      type="info"
      className="light-alert--banner"
      title={t('header.asOfPast', { date: formatDate(asOf) })}
      action={
        <LightButton size="small" onClick={() => setAsOf(null)}>
          {t('header.backToToday')}
        </LightButton>
      }
    />
  );
};
