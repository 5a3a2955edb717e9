import '../locale';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import type { DuesMemberYear, DuesMonth } from '../api/get-dues';

/** How a member's month reads on the dues sheet and the meeting attendance sheet. */
export type DuesMonthState = 'paid' | 'short' | 'unpaid' | 'open' | 'exempt' | 'unknown' | 'deferred' | 'none';

/** How a month reads: paid in full, short, unpaid (an ended month the arrears rule counts), still open, exempt… */
export const duesMonthState = (y: DuesMemberYear, m: DuesMonth): DuesMonthState => {
  if (m.reason === null) return m.paid > 0 ? 'paid' : 'none';
  if (m.deferred && m.paid === 0) return 'deferred';
  // no basis recorded: the amount owed is not known, ended month or not (never shown as 0)
  if (m.due === null) return m.paid > 0 ? 'paid' : 'unknown';
  if (m.due === 0) return 'exempt';
  if (m.paid >= m.due) return 'paid';
  if (y.unpaidMonths.includes(m.month)) return 'unpaid';
  if (y.shortMonths.includes(m.month)) return 'short';
  return 'open';
};

/** Whether a payment can be recorded for a month in this state (not for a month exempt or outside the cell). */
export const duesMonthCollectable = (state: DuesMonthState): boolean => state !== 'none' && state !== 'exempt';

/** A month as the sheet shows it: its state, the short text of its cell and the sentence that says it in words. */
export type DuesMonthView = { state: DuesMonthState; text: string; title: string };

/** Reads a member's month (the dues sheet's texts, numbers the current language's way: 148.000). */
export const useDuesMonthView = (): ((y: DuesMemberYear, m: DuesMonth) => DuesMonthView) => {
  const { t } = useTranslation();
  const f = useFormat();
  return useCallback(
    (y, m) => {
      const state = duesMonthState(y, m);
      const text =
        state === 'paid' || state === 'short'
          ? f.number(m.paid)
          : state === 'exempt'
            ? t('dues.sheet.exempt')
            : state === 'none'
              ? '·'
              : state === 'unknown'
                ? '?'
                : f.number(m.due ?? 0);
      return {
        state,
        text,
        title: t(`dues.sheet.state.${state}`, { paid: f.number(m.paid), due: f.number(m.due ?? 0) }),
      };
    },
    [t, f],
  );
};
