import { formatPeriod } from './period';

describe('formatPeriod', () => {
  it('writes a quarter as the screens do', () => {
    expect(formatPeriod('2026-Q1', 'vi')).toBe('Quý 1/2026');
    expect(formatPeriod('2026-Q4', 'en')).toBe('Q4/2026');
  });

  it('writes a month as mm/yyyy', () => {
    expect(formatPeriod('2026-03', 'vi')).toBe('03/2026');
    expect(formatPeriod('2026-12', 'en')).toBe('12/2026');
  });

  it('leaves any other text as it is', () => {
    expect(formatPeriod('2020–2025', 'vi')).toBe('2020–2025');
    expect(formatPeriod('2026-Q5', 'vi')).toBe('2026-Q5');
    expect(formatPeriod('2026-13', 'vi')).toBe('2026-13');
  });
});
