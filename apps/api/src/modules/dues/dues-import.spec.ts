import { parseDuesAmount, parseDuesMonth } from './dues-import.service';

describe('dues file cells', () => {
  it('reads a month as YYYY-MM, MM/YYYY or a date cell, and leaves anything else as written', () => {
    expect(
      ['2026-03', '2026-3', '03/2026', '3/2026', '3.2026', '2026-03-01', '01/03/2026'].map(parseDuesMonth),
    ).toEqual(Array(7).fill('2026-03'));
    expect(['13/2026', 'tháng 3', '2026'].map(parseDuesMonth)).toEqual(['2026-13', 'tháng 3', '2026']);
  });

  it('reads whole đồng with Vietnamese, English or spaced grouping; letters, decimals and bad grouping stay text', () => {
    expect(['148000', '148.000', '148,000', '148 000', '1.000.000', '0'].map(parseDuesAmount)).toEqual([
      148_000, 148_000, 148_000, 148_000, 1_000_000, 0,
    ]);
    expect(['148k', '148.000,50', '14.80', '1.0000', '-5000', '148.000 đ'].map(parseDuesAmount)).toEqual([
      '148k',
      '148.000,50',
      '14.80',
      '1.0000',
      '-5000',
      '148.000 đ',
    ]);
  });
});
