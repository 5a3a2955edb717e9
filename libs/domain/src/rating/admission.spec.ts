import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { admissionProgress, admissionTargetFor } from './admission';

const withTarget = (
  admissionTarget: { kind: 'percentOfTermStart'; percent: number } | { kind: 'absolute'; count: number },
) =>
  resolvePolicy(
    [{ effectiveFrom: '2020-01-01', effectiveTo: null, depth: 0, values: { rating: { admissionTarget } } }],
    '2026-01-01',
  );

describe('admissionTargetFor', () => {
  it.each([
    [5356, 161], // article 003: 3% of 5,356 = 160.68, at least → 161
    [100, 3],
    [101, 4],
    [25, 1],
    [0, 0],
  ])('3%% of %i members at the start of the term → %i', (members, target) =>
    expect(admissionTargetFor(DEFAULT_POLICY, members)).toBe(target),
  );

  it('takes an absolute target as is (Quảng Nam bloc 2024: 155)', () => {
    expect(admissionTargetFor(withTarget({ kind: 'absolute', count: 155 }), 4000)).toBe(155);
  });

  it('uses another percentage', () => {
    expect(admissionTargetFor(withTarget({ kind: 'percentOfTermStart', percent: 5 }), 5356)).toBe(268);
  });

  it('refuses a bad member count', () => {
    expect(() => admissionTargetFor(DEFAULT_POLICY, -1)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'membersAtTermStart' }),
    );
  });
});

describe('admissionProgress', () => {
  it('compares admissions with the target', () => {
    expect(admissionProgress(100, 161)).toEqual({
      admitted: 100,
      target: 161,
      percent: 62.11,
      met: false,
      remaining: 61,
    });
    expect(admissionProgress(170, 161)).toEqual({
      admitted: 170,
      target: 161,
      percent: 105.59,
      met: true,
      remaining: 0,
    });
    expect(admissionProgress(0, 0)).toEqual({ admitted: 0, target: 0, percent: null, met: true, remaining: 0 });
  });

  it('refuses bad counts', () => {
    expect(() => admissionProgress(-1, 3)).toThrow(expect.objectContaining({ field: 'admitted' }));
    expect(() => admissionProgress(1, 2.5)).toThrow(expect.objectContaining({ field: 'target' }));
  });
});
