import { formatNumberVi, formatPercentVi } from './domain';
import type { Language } from './i18n';

// Dates are shown DD/MM/YYYY in both languages (the Vietnamese convention; the app serves Vietnam).
// Numbers follow the language: vi 5.110 / 71,34% (the domain library's formatter, as in the API's
// reports), en 5,110 / 71.34%.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export const formatDate = (value: string | null | undefined): string => {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
};

export const formatDateTime = (value: string | null | undefined, lng: Language): string => {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const time = d.toLocaleTimeString(lng === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${time}`;
};

const locale = (lng: Language) => (lng === 'vi' ? 'vi-VN' : 'en-US');

const numberFormats = new Map<string, Intl.NumberFormat>();
const getFormat = (key: string, make: () => Intl.NumberFormat) => {
  let f = numberFormats.get(key);
  if (!f) {
    f = make();
    numberFormats.set(key, f);
  }
  return f;
};

export const formatNumber = (value: number | null | undefined, lng: Language): string => {
  if (value == null) return '';
  if (lng === 'vi') return formatNumberVi(value);
  return getFormat('n:en', () => new Intl.NumberFormat(locale(lng))).format(value);
};

/** `value` is a percentage (0–100), e.g. from the domain's `percent()`: 71.34 → "71,34%" (vi). */
export const formatPercent = (value: number | null | undefined, lng: Language): string => {
  if (value == null) return '';
  if (lng === 'vi') return formatPercentVi(value);
  return `${getFormat('p:en', () => new Intl.NumberFormat(locale(lng), { maximumFractionDigits: 2 })).format(value)}%`;
};

/** '2026-11' → '11/2026'. */
export const formatMonth = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
