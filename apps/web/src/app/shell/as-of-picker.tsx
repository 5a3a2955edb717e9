import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LightField } from '../../components/ui/light-field';
import { useAsOf } from '../../lib/as-of';
import { lazyWithAntd, loadAntdTheme } from '../antd-lazy';

const loadPicker = () => import('./as-of-date-picker');
const AsOfDatePicker = lazyWithAntd(() => loadPicker().then((m) => m.AsOfDatePicker));

// YYYY-MM-DD → DD/MM/YYYY, the date picker's display format
const display = (iso: string) => iso.split('-').reverse().join('/');

/** "Xem tại ngày" of the header: a light field until first used, then antd's date picker (its own chunk). */
export const AsOfPicker = () => {
  const { t } = useTranslation();
  const { asOf, setAsOf } = useAsOf();
  const [active, setActive] = useState(false);
  const light = (
    <LightField
      id="as-of-date"
      text={display(asOf)}
      icon="date"
      style={{ width: 130 }}
      onPrefetch={() => void Promise.all([loadPicker(), loadAntdTheme()]).catch(() => undefined)}
      onActivate={() => setActive(true)}
    />
  );
  return (
    <div className="app-header__field">
      <label htmlFor="as-of-date">{t('header.asOf')}</label>
      {active ? (
        <Suspense fallback={light}>
          <AsOfDatePicker asOf={asOf} onChange={setAsOf} />
        </Suspense>
      ) : (
        light
      )}
    </div>
  );
};
