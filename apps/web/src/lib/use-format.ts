import { useMemo } from 'react';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format';
import { useLanguage } from './use-language';

/** Formatting helpers bound to the current language. */
export const useFormat = () => {
  const lng = useLanguage();
  return useMemo(
    () => ({
      lng,
      date: formatDate,
      dateTime: (v: string | null | undefined) => formatDateTime(v, lng),
      number: (v: number | null | undefined) => formatNumber(v, lng),
      percent: (v: number | null | undefined) => formatPercent(v, lng),
    }),
    [lng],
  );
};
