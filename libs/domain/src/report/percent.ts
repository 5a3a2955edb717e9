import { DomainError } from '../errors';

export type PercentRounding = 'half-up' | 'truncate';

const assertCount = (n: number, field: string): void => {
  if (!Number.isSafeInteger(n)) throw new DomainError('VALIDATION', `Expected an integer count, got ${n}`, field);
};

/**
 * `numerator / denominator` as a percentage with `decimals` places, or null when the denominator is 0.
 * Computed exactly on integers (BigInt), so 229/321 gives 71.34, never 71.33999….
 * 'half-up' (default) rounds half away from zero; 'truncate' cuts towards zero, which is what some
 * printed reports did (229/321 printed as 71.33). Inputs are counts and must be integers.
 */
export const percent = (
  numerator: number,
  denominator: number,
  decimals = 2,
  options: { rounding?: PercentRounding } = {},
): number | null => {
  assertCount(numerator, 'numerator');
  assertCount(denominator, 'denominator');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new DomainError('VALIDATION', `decimals must be an integer from 0 to 10, got ${decimals}`, 'decimals');
  }
  if (denominator === 0) return null;
  const scale = 10n ** BigInt(decimals);
  let num = BigInt(numerator) * 100n * scale;
  let den = BigInt(denominator);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  const r = abs % den;
  if ((options.rounding ?? 'half-up') === 'half-up' && 2n * r >= den) q += 1n;
  // q / 10^decimals in floating point is the double nearest the exact decimal, i.e. the literal 71.34.
  const value = Number(q) / Number(scale);
  return negative && value !== 0 ? -value : value;
};

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

// The shortest decimal text of a non-negative finite number, without exponent notation (1e-7 → '0.0000001').
const toPlainDecimal = (abs: number): string => {
  const s = String(abs);
  if (!/e/i.test(s)) return s;
  const [mantissa = '', exp] = s.toLowerCase().split('e'); // String() of a number with an 'e' has both parts
  const [i = '', f = ''] = mantissa.split('.');
  const digits = i + f;
  const point = i.length + Number(exp);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
};

// Rounds decimal text half away from zero on its digits (so 1.005 → '1.01', as the reader expects).
const roundDecimalText = (text: string, decimals: number): string => {
  const [i = '', f = ''] = text.split('.');
  if (f.length <= decimals) return decimals === 0 ? i : `${i}.${f.padEnd(decimals, '0')}`;
  let n = BigInt(i + f.slice(0, decimals));
  if ((f[decimals] ?? '0') >= '5') n += 1n;
  const digits = n.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
};

/**
 * Vietnamese number format: '.' groups thousands, ',' marks decimals (5110 → '5.110', 1234.5 → '1.234,5').
 * With `decimals`, the value is rounded half away from zero and padded to that many places.
 */
export const formatNumberVi = (value: number, decimals?: number): string => {
  if (!Number.isFinite(value)) return String(value);
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)) {
    throw new DomainError('VALIDATION', `decimals must be an integer from 0 to 20, got ${decimals}`, 'decimals');
  }
  const plain = toPlainDecimal(Math.abs(value));
  const text = decimals === undefined ? plain : roundDecimalText(plain, decimals);
  const [int = '', frac] = text.split('.');
  const sign = value < 0 && /[1-9]/.test(text) ? '-' : '';
  return `${sign}${groupThousands(int)}${frac ? `,${frac}` : ''}`;
};

/** A percentage in Vietnamese style: 71.34 → '71,34%'; null (no denominator) → '–'. */
export const formatPercentVi = (value: number | null, decimals?: number): string =>
  value === null ? '–' : `${formatNumberVi(value, decimals)}%`;
