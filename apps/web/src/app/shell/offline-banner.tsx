import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LightAlert } from '../../components/ui/light';
import { getOfflineStatus, useOfflineStatus } from '../../lib/offline/status';

const pad = (n: number) => String(n).padStart(2, '0');
/** HH:mm dd/mm/yyyy in the device's time, the way the banner says when the data shown was read. */
export const formatReadAt = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
};

/**
 * "Đang ngoại tuyến – dữ liệu tính đến HH:mm dd/mm/yyyy" while the server cannot be reached and the screen shows data
 * kept on this device (the oldest read among them). When the browser is back online the page's queries run again;
 * the first answer from the server takes the banner away.
 */
export const OfflineBanner = () => {
  const { t } = useTranslation();
  const status = useOfflineStatus();
  const queryClient = useQueryClient();
  useEffect(() => {
    const back = () => {
      if (getOfflineStatus().offline) void queryClient.invalidateQueries({ refetchType: 'active' });
    };
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [queryClient]);
  if (!status.offline) return null;
  return (
    <LightAlert
      type="warning"
      className="light-alert--banner"
      testId="offline-banner"
      title={
        status.dataAsOf === null
          ? t('app.offline.noData')
          : t('app.offline.banner', { at: formatReadAt(status.dataAsOf) })
      }
      description={t('app.offline.hint')}
    />
  );
};
