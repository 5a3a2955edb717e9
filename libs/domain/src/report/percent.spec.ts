import { DomainError } from '../errors';
import { formatNumberVi, formatPercentVi, percent } from './percent';

describe('percent', () => {
  it('reproduces the source articles exactly', () => {
    expect(percent(229, 321)).toBe(71.34); // 0.713395… half-up
    expect(percent(229, 321, 2, { rounding: 'truncate' })).toBe(71.33); // as printed
    expect(percent(68, 72)).toBe(94.44);
    expect(percent(16, 68)).toBe(23.53);
    expect(percent(16, 68, 1)).toBe(23.5);
    expect(percent(3, 23)).toBe(13.04);
    expect(String(percent(229, 321))).toBe('71.34');
  });

  it('returns null for a zero denominator', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(5, 0)).toBeNull();
  });

  it.each([
    [0, 5, 2, 0],
    [5, 5, 2, 100],
    [1, 3, 2, 33.33],
    [2, 3, 2, 66.67],
    [1, 8, 2, 12.5],
    [1, 16, 1, 6.3], // 6.25 → half away from zero
    [1, 16, 2, 6.25],
    [1, 200, 0, 1], // 0.5 → 1
    [1, 201, 0, 0], // 0.4975… → 0
    [201, 20000, 2, 1.01], // 1.005 exactly: naive Math.round(1.005 * 100) / 100 gives 1
    [7, 3, 2, 233.33],
    [-1, 16, 1, -6.3],
    [1, -16, 1, -6.3],
    [-1, -16, 1, 6.3],
    [-1, 1000, 0, 0],
  ])('%i/%i with %i decimals → %d', (n, d, dec, r) => expect(percent(n, d, dec)).toBe(r));

  it.each([
    [2, 3, 2, 66.66],
    [1, 16, 1, 6.2],
    [-1, 16, 1, -6.2],
    [1, 200, 0, 0],
    [229, 321, 1, 71.3],
  ])('truncates %i/%i (%i decimals) → %d', (n, d, dec, r) =>
    expect(percent(n, d, dec, { rounding: 'truncate' })).toBe(r),
  );

  it('is within half a unit of the exact value, and prints as its own rounding (random)', () => {
    let seed = 7;
    const rand = (m: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % m;
    };
    for (let i = 0; i < 3000; i += 1) {
      const d = 1 + rand(10000);
      const n = rand(d + 1);
      const v = percent(n, d) as number;
      expect(Math.abs(v - (n * 100) / d)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(String(v)).toMatch(/^\d+(\.\d{1,2})?$/);
      const t = percent(n, d, 2, { rounding: 'truncate' }) as number;
      expect(t).toBeLessThanOrEqual((n * 100) / d + 1e-9);
      expect(v - t).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });

  it('rejects non-integer counts and bad decimals', () => {
    const codeOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (e) {
        return e instanceof DomainError ? `${e.code}:${e.field}` : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => percent(1.5, 3))).toBe('VALIDATION:numerator');
    expect(codeOf(() => percent(1, Number.NaN))).toBe('VALIDATION:denominator');
    expect(codeOf(() => percent(1, 3, -1))).toBe('VALIDATION:decimals');
    expect(codeOf(() => percent(1, 3, 1.5))).toBe('VALIDATION:decimals');
    expect(codeOf(() => percent(1, 3, 11))).toBe('VALIDATION:decimals');
  });
});

describe('formatNumberVi', () => {
  it.each([
    [5110, undefined, '5.110'],
    [36607, undefined, '36.607'],
    [5600000, undefined, '5.600.000'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [0, undefined, '0'],
    [-1234.5, undefined, '-1.234,5'],
    [71.34, undefined, '71,34'],
    [0.0000001, undefined, '0,0000001'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [1.005, 2, '1,01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [9.995, 2, '10,00'],
    [23.5, 2, '23,50'],
    [-0.001, 2, '0,00'],
    [1234567.891, 1, '1.234.567,9'],
    [12, 0, '12'],
  ])('%d (%p decimals) → %s', (v, dec, s) => expect(formatNumberVi(v, dec)).toBe(s));

  it('passes through non-finite values and rejects bad decimals', () => {
    expect(formatNumberVi(Number.NaN)).toBe('NaN');
    expect(() => formatNumberVi(1, -1)).toThrow(DomainError);
  });
});

describe('formatPercentVi', () => {
  it('uses the decimal comma', () => {
    expect(formatPercentVi(percent(229, 321))).toBe('71,34%');
    expect(formatPercentVi(94.44)).toBe('94,44%');
    expect(formatPercentVi(23.5, 2)).toBe('23,50%');
    expect(formatPercentVi(100)).toBe('100%');
    expect(formatPercentVi(1234.5)).toBe('1.234,5%');
    expect(formatPercentVi(null)).toBe('–');
  });
});
