import { formatNumberInput, parseNumberInput, parseTimeInput } from './number-input';

describe('parseNumberInput', () => {
  it('reads a decimal comma as Vietnamese write it, and a decimal point as typed on English keyboards', () => {
    expect(parseNumberInput('27,5')).toBe(27.5);
    expect(parseNumberInput('27.5')).toBe(27.5);
    expect(parseNumberInput(' 27 ')).toBe(27);
    expect(parseNumberInput('0,25')).toBe(0.25);
    expect(parseNumberInput('-3,5')).toBe(-3.5);
  });
  it('reads dots that group thousands', () => {
    expect(parseNumberInput('1.000')).toBe(1000);
    expect(parseNumberInput('12.345.678')).toBe(12345678);
    expect(parseNumberInput('1.234,5')).toBe(1234.5);
    expect(parseNumberInput('1 234,5')).toBe(1234.5);
  });
  it('is null when empty and NaN for anything else', () => {
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('   ')).toBeNull();
    expect(parseNumberInput(null)).toBeNull();
    for (const bad of ['abc', '27,5,1', '1,2.3', '12.34.5', '--1', '27,', '1e5', '٣'])
      expect(parseNumberInput(bad)).toBeNaN();
  });
});

describe('formatNumberInput', () => {
  it('writes a decimal comma in Vietnamese and a point in English, nothing for no value', () => {
    expect(formatNumberInput(27.5, 'vi')).toBe('27,5');
    expect(formatNumberInput(27.5, 'en')).toBe('27.5');
    expect(formatNumberInput(1000, 'vi')).toBe('1000');
    expect(formatNumberInput(null, 'vi')).toBe('');
    expect(formatNumberInput(Number.NaN, 'vi')).toBe('');
  });
});

describe('parseTimeInput', () => {
  it('reads the 24-hour forms people type', () => {
    expect(parseTimeInput('14:00')).toBe('14:00');
    expect(parseTimeInput('9:05')).toBe('09:05');
    expect(parseTimeInput('14h')).toBe('14:00');
    expect(parseTimeInput('14h30')).toBe('14:30');
    expect(parseTimeInput('14.30')).toBe('14:30');
    expect(parseTimeInput('1430')).toBe('14:30');
    expect(parseTimeInput('930')).toBe('09:30');
    expect(parseTimeInput('7')).toBe('07:00');
    expect(parseTimeInput('00:00')).toBe('00:00');
    expect(parseTimeInput('23:59')).toBe('23:59');
  });
  it('refuses 12-hour forms and impossible times', () => {
    for (const bad of ['2:00 PM', '24:00', '12:60', '25', '1:5', 'abc', '14:000', '-1:00'])
      expect(parseTimeInput(bad)).toBeNull();
    expect(parseTimeInput('')).toBeNull();
  });
});
