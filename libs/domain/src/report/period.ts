import type { Lang } from '../labels';

/**
 * A period code as screens and reports write it: '2026-Q2' → 'Quý 2/2026' (en 'Q2/2026'), '2026-05' → '05/2026';
 * any other text is returned as it is. One definition for the web app and the Excel exports.
 */
export const formatPeriod = (period: string, lang: Lang): string => {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return lang === 'vi' ? `Quý ${q[2]}/${q[1]}` : `Q${q[2]}/${q[1]}`;
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  return m ? `${m[2]}/${m[1]}` : period;
};
