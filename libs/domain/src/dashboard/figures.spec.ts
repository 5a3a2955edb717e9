import { resolvePolicy, DEFAULT_POLICY } from '../policy';
import { badgeAtNextOccasion, childOnPath, dashboardPeriod, trendDates } from './figures';

describe('dashboardPeriod', () => {
  it('runs from 1 January to the as-of date, or to 31 December for a past year', () => {
    expect(dashboardPeriod(2026, '2026-05-10')).toEqual({ year: 2026, from: '2026-01-01', to: '2026-05-10' });
    expect(dashboardPeriod(2025, '2026-05-10')).toEqual({ year: 2025, from: '2025-01-01', to: '2025-12-31' });
    expect(dashboardPeriod(2026, '2026-01-01')).toEqual({ year: 2026, from: '2026-01-01', to: '2026-01-01' });
  });

  it('refuses a year that has not started, or that is not a year', () => {
    expect(() => dashboardPeriod(2027, '2026-12-31')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'year' }),
    );
    expect(() => dashboardPeriod(2026.5, '2026-12-31')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'year' }),
    );
    expect(() => dashboardPeriod(2026, '2026-13-01')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('trendDates', () => {
  it('gives 31 December of the last five years, the as-of date for the current one', () => {
    expect(trendDates(2026, '2026-05-10')).toEqual([
      { year: 2022, date: '2022-12-31' },
      { year: 2023, date: '2023-12-31' },
      { year: 2024, date: '2024-12-31' },
      { year: 2025, date: '2025-12-31' },
      { year: 2026, date: '2026-05-10' },
    ]);
    expect(trendDates(2024, '2026-05-10', 2)).toEqual([
      { year: 2023, date: '2023-12-31' },
      { year: 2024, date: '2024-12-31' },
    ]);
  });

  it('leaves out years after the as-of date, and checks the count', () => {
    expect(trendDates(2027, '2026-05-10', 2)).toEqual([{ year: 2026, date: '2026-05-10' }]);
    expect(() => trendDates(2026, '2026-05-10', 0)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('badgeAtNextOccasion', () => {
  const P = DEFAULT_POLICY;
  it('finds the milestone presented at the next occasion, reached before or after the as-of date', () => {
    // 30 years on 1 April 2026; the next occasion after 10 April is 19 May.
    expect(badgeAtNextOccasion('1996-04-01', '2026-04-10', P)).toEqual({
      milestone: 30,
      reachedOn: '2026-04-01',
      awardOn: '2026-05-19',
    });
    // Reached on 1 May, still before the occasion.
    expect(badgeAtNextOccasion('1996-05-01', '2026-04-10', P)).toEqual({
      milestone: 30,
      reachedOn: '2026-05-01',
      awardOn: '2026-05-19',
    });
    // Reached on 20 May: presented on 2 September, not at the next occasion.
    expect(badgeAtNextOccasion('1996-05-20', '2026-04-10', P)).toBeNull();
    // Reached on 1 March: the 3/2 occasion is already past, so 19 May.
    expect(badgeAtNextOccasion('1996-03-01', '2026-04-10', P)).toEqual({
      milestone: 30,
      reachedOn: '2026-03-01',
      awardOn: '2026-05-19',
    });
    // Reached on 10 February: presented on 19 May too (the 3/2 occasion had passed).
    expect(badgeAtNextOccasion('1996-02-10', '2026-04-10', P)?.awardOn).toBe('2026-05-19');
    // Reached on 1 February: presented on 3 February, already past.
    expect(badgeAtNextOccasion('1996-02-01', '2026-04-10', P)).toBeNull();
    // Not a milestone year.
    expect(badgeAtNextOccasion('1997-04-01', '2026-04-10', P)).toBeNull();
  });

  it('looks into the previous year for a December milestone presented at 3 February', () => {
    expect(badgeAtNextOccasion('1995-12-20', '2026-01-05', P)).toEqual({
      milestone: 30,
      reachedOn: '2025-12-20',
      awardOn: '2026-02-03',
    });
  });

  it('counts the occasion day itself as the next occasion', () => {
    expect(badgeAtNextOccasion('1986-09-01', '2026-09-02', P)).toEqual({
      milestone: 40,
      reachedOn: '2026-09-01',
      awardOn: '2026-09-02',
    });
  });

  it("follows the policy's occasions and milestones", () => {
    const p = resolvePolicy(
      [
        {
          effectiveFrom: '2000-01-01',
          effectiveTo: null,
          depth: 0,
          values: { member: { badgeOccasions: [], badgeMilestones: [30] } },
        },
      ],
      '2026-01-01',
    );
    expect(badgeAtNextOccasion('1996-04-01', '2026-04-10', p)).toBeNull();
  });
});

describe('childOnPath', () => {
  it('names the direct child on a path under the root', () => {
    expect(childOnPath('/r/a/b/', '/r/')).toBe('a');
    expect(childOnPath('/r/a/', '/r/')).toBe('a');
  });

  it('is null for the root itself or a path elsewhere', () => {
    expect(childOnPath('/r/', '/r/')).toBeNull();
    expect(childOnPath('/s/a/', '/r/')).toBeNull();
    expect(childOnPath('/r/a', '/r/')).toBeNull();
  });
});
