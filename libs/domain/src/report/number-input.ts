/**
 * Reading numbers and times as Vietnamese users type them. Vietnamese writes a decimal comma and groups thousands
 * with dots ("27,5"; "1.234,5"); users also type a decimal point ("27.5") on keyboards set to English. Shared by
 * the web app's number and time inputs (the API receives numbers and HH:MM strings).
 */

/**
 * The number typed in `text`, or null when it is empty, or NaN when it is not a number. A comma is the decimal
 * separator; a dot is one too, unless it groups thousands ("1.000", "12.345.678", or any dot before a comma).
 * Spaces (also non-breaking) are ignored; a leading minus is kept.
 */
export const parseNumberInput = (text: string | null | undefined): number | null => {
  const s = (text ?? '').replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  const m = /^(-?)([\d.,]+)$/.exec(s);
  if (!m) return Number.NaN;
  const [, sign = '', body = ''] = m; // both groups always take part in a match
  let normal: string;
  if (body.includes(',')) {
    const [intPart = '', ...rest] = body.split(',');
    const [fraction] = rest;
    if (rest.length !== 1 || fraction === undefined || !/^\d+$/.test(fraction)) return Number.NaN;
    if (intPart.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(intPart)) return Number.NaN;
    normal = `${intPart.replace(/\./g, '')}.${fraction}`;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(body)) {
    normal = body.replace(/\./g, '');
  } else if (/^\d*\.?\d+$|^\d+\.$/.test(body)) {
    normal = body;
  } else {
    return Number.NaN;
  }
  const n = Number(`${sign}${normal}`);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** `value` written for an input in `lang`: a decimal comma in Vietnamese, no grouping (what the user can type back). */
export const formatNumberInput = (value: number | null | undefined, lang: 'vi' | 'en'): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const s = String(value);
  return lang === 'vi' ? s.replace('.', ',') : s;
};

const TIME_24 = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A time typed in 24-hour form as 'HH:MM', or null when it cannot be one. Accepts "14:00", "9:05", "14h", "14h30",
 * "14.30", "1430" and "930"; refuses 12-hour forms ("2:00 PM") and impossible times ("24:00", "12:60").
 */
export const parseTimeInput = (text: string | null | undefined): string | null => {
  const s = (text ?? '').trim().toLowerCase().replace(/\s/g, '');
  if (s === '') return null;
  let m = /^(\d{1,2})(?:[:.h](\d{2})?)?$/.exec(s);
  if (!m && /^\d{3,4}$/.test(s)) m = /^(\d{1,2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [, hours = '', minutes = '00'] = m;
  const out = `${hours.padStart(2, '0')}:${minutes}`;
  return TIME_24.test(out) ? out : null;
};
