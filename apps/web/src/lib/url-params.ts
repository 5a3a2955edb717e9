import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isIsoDate } from './as-of';
import type { IsoDate } from './domain';

/** Whether a value read from the URL is one of a list of codes. */
export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Report pages keep their filters in the URL; `update` sets or removes several parameters at once. */
export const useUrlParams = () => {
  const [params, setParams] = useSearchParams();
  // The base is the address bar, not React Router's `prev`: that is the search of the last render, so a second
  // change made before the page re-renders (choose a cell, then at once a year) would drop the first one.
  const update = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(() => {
        const next = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      }),
    [setParams],
  );
  const date = useCallback(
    (name: string, fallback: IsoDate): IsoDate => {
      const raw = params.get(name);
      return isIsoDate(raw) ? raw : fallback;
    },
    [params],
  );
  return { params, update, date };
};

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonthKey = (v: string | null | undefined): v is string => Boolean(v && MONTH_RE.test(v));

/** Last day of a 'YYYY-MM' month. */
export const lastDayOfMonth = (month: string): IsoDate => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
};
