import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { vietnamToday, type IsoDate } from './domain';

// The "as of" date (Xem tại ngày) lives in the URL (?asOf=2024-06-30) so views of the past can be
// shared and bookmarked. Without the parameter every query uses today's date in Vietnam.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Vietnam (UTC+7), the same day the API takes as today, whatever the browser's time zone. */
export const todayIso = (): IsoDate => vietnamToday();

export const isIsoDate = (value: string | null | undefined): value is IsoDate => {
  if (!value || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
};

export const AS_OF_PARAM = 'asOf';

export const useAsOf = () => {
  const [params, setParams] = useSearchParams();
  const raw = params.get(AS_OF_PARAM);
  const explicit = isIsoDate(raw) ? raw : null;
  const asOf = explicit ?? todayIso();

  const setAsOf = useCallback(
    (next: IsoDate | null) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next && next !== todayIso()) p.set(AS_OF_PARAM, next);
          else p.delete(AS_OF_PARAM);
          return p;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  return useMemo(
    () => ({ asOf, isToday: explicit === null || explicit === todayIso(), setAsOf }),
    [asOf, explicit, setAsOf],
  );
};
