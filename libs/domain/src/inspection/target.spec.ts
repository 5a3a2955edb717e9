import { DEFAULT_POLICY, resolvePolicy, validatePolicy, validatePolicyOverride, type Policy } from '../policy';
import {
  countsTowardSupervisionCoverage,
  nextInspectionDueOn,
  inspectionPercent,
  inspectionProgressOn,
  inspectionCountsOn,
  inspectionTargetForCell,
  inspectionTargetFromCounts,
  requiredInspections,
  summariseTarget,
  supervisionCoverage,
  targetReferenceDate,
  yearElapsed,
  type InspectionFact,
} from './target';

const concluded = (on: string, type: InspectionFact['type'] = 'COMPLIANCE'): InspectionFact => ({
  type,
  state: 'CONCLUDED',
  plannedFrom: on,
  startedOn: on,
  concludedOn: on,
});
const inProgress = (from: string, type: InspectionFact['type'] = 'COMPLIANCE'): InspectionFact => ({
  type,
  state: 'IN_PROGRESS',
  plannedFrom: from,
  startedOn: from,
  concludedOn: null,
});
const planned = (from: string, type: InspectionFact['type'] = 'COMPLIANCE'): InspectionFact => ({
  type,
  state: 'PLANNED',
  plannedFrom: from,
  startedOn: null,
  concludedOn: null,
});

const cell = (
  hasCellCommittee: boolean,
  inspections: InspectionFact[],
  asOf = '2026-06-30',
  policy: Policy = DEFAULT_POLICY,
) => inspectionTargetForCell({ hasCellCommittee, inspections, year: 2026, asOf }, policy);

describe('inspection policy', () => {
  it('defaults to article 002 (2 with a chi ủy, 1 without) and Bình Định 30–50% coverage', () => {
    expect(DEFAULT_POLICY.inspection).toEqual({
      targetWithCellCommittee: 2,
      targetWithoutCellCommittee: 1,
      supervisionCoverageMinPercent: 30,
      supervisionCoverageMaxPercent: 50,
    });
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({ ok: true });
  });

  it('is overridden per subtree and date, and checked', () => {
    const layer = {
      effectiveFrom: '2027-01-01',
      effectiveTo: null,
      depth: 1,
      values: { inspection: { targetWithCellCommittee: 3 } },
    };
    expect(resolvePolicy([layer], '2026-12-31').inspection.targetWithCellCommittee).toBe(2);
    expect(resolvePolicy([layer], '2027-01-01').inspection).toMatchObject({
      targetWithCellCommittee: 3,
      targetWithoutCellCommittee: 1,
    });
    expect(
      validatePolicyOverride({ inspection: { supervisionCoverageMaxPercent: 101, targetWithoutCellCommittee: -1 } }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'inspection.supervisionCoverageMaxPercent', reason: 'must be an integer from 0 to 100' },
        { field: 'inspection.targetWithoutCellCommittee', reason: 'must be a non-negative integer' },
      ],
    });
    const inverted = resolvePolicy(
      [{ ...layer, values: { inspection: { supervisionCoverageMinPercent: 60 } } }],
      '2027-02-01',
    );
    expect(validatePolicy(inverted)).toEqual({
      ok: false,
      errors: [
        {
          field: 'inspection.supervisionCoverageMaxPercent',
          reason: 'must be >= inspection.supervisionCoverageMinPercent',
        },
      ],
    });
  });

  it('requires by committee status', () => {
    expect(requiredInspections(true, DEFAULT_POLICY)).toBe(2);
    expect(requiredInspections(false, DEFAULT_POLICY)).toBe(1);
  });
});

describe('targetReferenceDate', () => {
  it('is the as-of date, capped at 31 December; before the year starts nothing is judged', () => {
    expect(targetReferenceDate(2026, '2026-06-30')).toBe('2026-06-30');
    expect(targetReferenceDate(2025, '2026-06-30')).toBe('2025-12-31');
    expect(targetReferenceDate(2026, '2026-01-01')).toBe('2026-01-01');
    expect(() => targetReferenceDate(2026, '2025-12-31')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'asOf' }),
    );
    expect(() => targetReferenceDate(2026, '2026-02-30')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => targetReferenceDate(20.5, '2026-02-01')).toThrow(expect.objectContaining({ field: 'year' }));
  });

  it('counts elapsed days of the year', () => {
    expect(yearElapsed(2026, '2026-01-01')).toEqual({ elapsedDays: 1, daysInYear: 365 });
    expect(yearElapsed(2026, '2026-07-02')).toEqual({ elapsedDays: 183, daysInYear: 365 });
    expect(yearElapsed(2028, '2028-12-31')).toEqual({ elapsedDays: 366, daysInYear: 366 });
    expect(() => yearElapsed(2026, '2027-01-01')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('inspectionProgressOn', () => {
  it('places each inspection by what had happened on the reference date', () => {
    const late = {
      type: 'COMPLIANCE' as const,
      state: 'CONCLUDED' as const,
      plannedFrom: '2026-05-01',
      startedOn: '2026-05-10',
      concludedOn: '2026-09-01',
    };
    expect(inspectionProgressOn(late, 2026, '2026-10-01')).toBe('CONCLUDED');
    expect(inspectionProgressOn(late, 2026, '2026-06-30')).toBe('IN_PROGRESS');
    expect(inspectionProgressOn(late, 2026, '2026-05-01')).toBe('PLANNED');
    expect(
      inspectionProgressOn({ ...late, state: 'CANCELLED', startedOn: null, concludedOn: null }, 2026, '2026-10-01'),
    ).toBeNull();
  });

  it("keeps last year's conclusions out, open ones from last year in, next year's plans out", () => {
    expect(inspectionProgressOn(concluded('2025-12-20'), 2026, '2026-06-30')).toBeNull();
    expect(inspectionProgressOn(inProgress('2025-11-20'), 2026, '2026-06-30')).toBe('IN_PROGRESS');
    expect(inspectionProgressOn(planned('2025-10-01'), 2026, '2026-06-30')).toBe('PLANNED');
    expect(inspectionProgressOn(planned('2027-01-05'), 2026, '2026-06-30')).toBeNull();
    // Concluded in January of the next year: counts for that year, not this one.
    const overYear = { ...inProgress('2025-12-01'), state: 'CONCLUDED' as const, concludedOn: '2026-01-10' };
    expect(inspectionProgressOn(overYear, 2026, '2026-06-30')).toBe('CONCLUDED');
    expect(inspectionProgressOn(overYear, 2025, '2025-12-31')).toBe('IN_PROGRESS');
  });
});

describe('inspectionTargetForCell', () => {
  it('a cell with a chi ủy and one concluded inspection is behind by 1', () => {
    expect(cell(true, [concluded('2026-03-10')])).toMatchObject({ required: 2, concluded: 1, missing: 1, met: false });
  });

  it('a cell without a chi ủy meets it with one', () => {
    expect(cell(false, [concluded('2026-03-10')])).toMatchObject({
      required: 1,
      concluded: 1,
      missing: 0,
      met: true,
      onPace: true,
    });
  });

  it('counts neither planned nor in-progress inspections, nor supervisions, nor cancelled ones', () => {
    const r = cell(false, [
      planned('2026-09-01'),
      inProgress('2026-06-01'),
      concluded('2026-02-01', 'REGULAR_SUPERVISION'),
      concluded('2026-03-01', 'THEMATIC_SUPERVISION'),
      { ...planned('2026-02-01'), state: 'CANCELLED' },
    ]);
    expect(r).toMatchObject({ concluded: 0, inProgress: 1, planned: 1, missing: 1, met: false });
  });

  it('judges as of a date: an inspection concluded after it is in progress then', () => {
    const facts = [
      concluded('2026-02-10'),
      { ...inProgress('2026-06-15'), state: 'CONCLUDED' as const, concludedOn: '2026-08-20' },
    ];
    expect(cell(true, facts, '2026-06-30')).toMatchObject({
      referenceDate: '2026-06-30',
      concluded: 1,
      inProgress: 1,
      met: false,
      missing: 1,
    });
    expect(cell(true, facts, '2026-08-20')).toMatchObject({ concluded: 2, inProgress: 0, met: true, missing: 0 });
    // A past year is judged at its 31 December.
    expect(
      inspectionTargetForCell(
        { hasCellCommittee: true, inspections: facts, year: 2026, asOf: '2027-03-01' },
        DEFAULT_POLICY,
      ),
    ).toMatchObject({ referenceDate: '2026-12-31', met: true });
  });

  it('counts SIGNS_OF_VIOLATION inspections as inspections', () => {
    expect(cell(true, [concluded('2026-01-10', 'SIGNS_OF_VIOLATION'), concluded('2026-04-10')])).toMatchObject({
      concluded: 2,
      met: true,
    });
  });

  it('follows the policy (a target of 0 is always met)', () => {
    const policy = resolvePolicy(
      [
        {
          effectiveFrom: '2026-01-01',
          effectiveTo: null,
          depth: 0,
          values: { inspection: { targetWithCellCommittee: 3, targetWithoutCellCommittee: 0 } },
        },
      ],
      '2026-06-30',
    );
    expect(cell(true, [concluded('2026-01-10'), concluded('2026-02-10')], '2026-06-30', policy)).toMatchObject({
      required: 3,
      missing: 1,
      met: false,
    });
    expect(cell(false, [], '2026-06-30', policy)).toMatchObject({ required: 0, missing: 0, met: true, onPace: true });
  });

  it('projects to the year end from the pace so far, exactly', () => {
    // 2 July 2026 is day 183 of 365: 1 × 365 = 365 < 2 × 183 = 366, not yet on pace; on 1 July (day 182) it is.
    expect(cell(true, [concluded('2026-03-10')], '2026-07-02')).toMatchObject({ onPace: false, projectedConcluded: 1 });
    expect(cell(true, [concluded('2026-03-10')], '2026-07-01')).toMatchObject({ onPace: true, projectedConcluded: 2 });
    expect(cell(true, [], '2026-01-31')).toMatchObject({ onPace: false, projectedConcluded: 0 });
    expect(cell(false, [concluded('2026-01-20')], '2026-01-31')).toMatchObject({
      met: true,
      onPace: true,
      projectedConcluded: 11,
    });
    // At the year's end the projection is the actual count.
    expect(cell(true, [concluded('2026-03-10')], '2026-12-31')).toMatchObject({ onPace: false, projectedConcluded: 1 });
  });
});

describe('summariseTarget and the percentage rule', () => {
  it('gives 229 of 321 cells = 71.33% (truncated, as printed in article 002), the list split by met', () => {
    const cells = Array.from({ length: 321 }, (_, i) =>
      i < 229 ? cell(false, [concluded('2026-03-01')]) : cell(true, [concluded('2026-03-01')], '2026-06-30'),
    );
    const s = summariseTarget(cells);
    expect(s).toMatchObject({ subjectCount: 321, metCount: 229, behindCount: 92, percent: 71.33 });
    // 92 cells with a chi ủy and 1 of 2 done by 30 June (day 181 of 365): 365 >= 362, on pace.
    expect(s.projectedMetCount).toBe(321);
    expect(s.projectedPercent).toBe(100);
  });

  it('never rounds up to 100%', () => {
    expect(inspectionPercent(999, 1000)).toBe(99.9);
    expect(inspectionPercent(99999, 100000)).toBe(99.99);
    expect(inspectionPercent(2, 3)).toBe(66.66);
    expect(inspectionPercent(0, 0)).toBeNull();
    expect(summariseTarget([])).toEqual({
      subjectCount: 0,
      metCount: 0,
      behindCount: 0,
      percent: null,
      projectedMetCount: 0,
      projectedPercent: null,
    });
  });
});

describe('supervision coverage', () => {
  it('counts supervisions started in the year up to the reference date', () => {
    const sup = (state: InspectionFact['state'], startedOn: string | null): InspectionFact => ({
      type: 'REGULAR_SUPERVISION',
      state,
      plannedFrom: '2026-01-05',
      startedOn,
      concludedOn: null,
    });
    expect(countsTowardSupervisionCoverage(sup('IN_PROGRESS', '2026-02-01'), 2026, '2026-06-30')).toBe(true);
    expect(countsTowardSupervisionCoverage(sup('CONCLUDED', '2026-02-01'), 2026, '2026-06-30')).toBe(true);
    expect(countsTowardSupervisionCoverage(sup('IN_PROGRESS', '2026-07-01'), 2026, '2026-06-30')).toBe(false);
    expect(countsTowardSupervisionCoverage(sup('IN_PROGRESS', '2025-12-01'), 2026, '2026-06-30')).toBe(false);
    expect(countsTowardSupervisionCoverage(sup('PLANNED', null), 2026, '2026-06-30')).toBe(false);
    expect(countsTowardSupervisionCoverage(sup('CANCELLED', null), 2026, '2026-06-30')).toBe(false);
    expect(countsTowardSupervisionCoverage(concluded('2026-02-01'), 2026, '2026-06-30')).toBe(false);
  });

  it('compares the share with the policy range exactly', () => {
    expect(supervisionCoverage({ members: 10, supervised: 3 }, DEFAULT_POLICY)).toEqual({
      members: 10,
      supervised: 3,
      percent: 30,
      status: 'WITHIN',
      met: true,
    });
    expect(supervisionCoverage({ members: 10, supervised: 2 }, DEFAULT_POLICY)).toMatchObject({
      status: 'BELOW',
      met: false,
    });
    expect(supervisionCoverage({ members: 10, supervised: 5 }, DEFAULT_POLICY)).toMatchObject({ status: 'WITHIN' });
    expect(supervisionCoverage({ members: 10, supervised: 6 }, DEFAULT_POLICY)).toMatchObject({
      status: 'ABOVE',
      met: true,
    });
    // 2 of 7 = 28.57%: below 30 although 7 × 30% = 2.1 rounds to 2.
    expect(supervisionCoverage({ members: 7, supervised: 2 }, DEFAULT_POLICY)).toMatchObject({
      percent: 28.57,
      status: 'BELOW',
    });
    expect(supervisionCoverage({ members: 0, supervised: 0 }, DEFAULT_POLICY)).toEqual({
      members: 0,
      supervised: 0,
      percent: null,
      status: 'NO_MEMBERS',
      met: false,
    });
    expect(() => supervisionCoverage({ members: 3, supervised: 4 }, DEFAULT_POLICY)).toThrow(
      expect.objectContaining({ field: 'supervised' }),
    );
  });
});

describe('nextInspectionDueOn', () => {
  it('spreads the target evenly over the months', () => {
    expect(nextInspectionDueOn(2, 0, 2026)).toBe('2026-06-30');
    expect(nextInspectionDueOn(2, 1, 2026)).toBe('2026-12-31');
    expect(nextInspectionDueOn(1, 0, 2026)).toBe('2026-12-31');
    expect(nextInspectionDueOn(3, 1, 2024)).toBe('2024-08-31');
    expect(nextInspectionDueOn(4, 0, 2024)).toBe('2024-03-31');
  });

  it('is null once the target is met, and refuses bad counts', () => {
    expect(nextInspectionDueOn(2, 2, 2026)).toBeNull();
    expect(nextInspectionDueOn(1, 3, 2026)).toBeNull();
    expect(nextInspectionDueOn(0, 0, 2026)).toBeNull();
    expect(() => nextInspectionDueOn(-1, 0, 2026)).toThrow();
    expect(() => nextInspectionDueOn(2, 0.5, 2026)).toThrow();
  });
});

describe('inspectionCountsOn / inspectionTargetFromCounts (the kept per-cell counts)', () => {
  const facts = [
    concluded('2026-02-01'),
    concluded('2026-02-02', 'REGULAR_SUPERVISION'),
    inProgress('2026-05-01'),
    planned('2026-09-01'),
    concluded('2025-11-01'),
  ];

  it('counts only inspections, each by where it stood for the year on the reference date', () => {
    expect(inspectionCountsOn(facts, 2026, '2026-06-30')).toEqual({ concluded: 1, inProgress: 1, planned: 1 });
    expect(inspectionCountsOn(facts, 2026, '2026-01-15')).toEqual({ concluded: 0, inProgress: 0, planned: 3 });
    expect(inspectionCountsOn([], 2026, '2026-06-30')).toEqual({ concluded: 0, inProgress: 0, planned: 0 });
  });

  it('judges the counts as inspectionTargetForCell judges the inspections', () => {
    for (const hasCellCommittee of [true, false])
      for (const asOf of ['2026-01-15', '2026-06-30', '2026-12-31', '2027-03-01'])
        expect(
          inspectionTargetFromCounts(
            {
              hasCellCommittee,
              counts: inspectionCountsOn(facts, 2026, targetReferenceDate(2026, asOf)),
              year: 2026,
              asOf,
            },
            DEFAULT_POLICY,
          ),
        ).toEqual(cell(hasCellCommittee, facts, asOf));
  });

  it('meets the target at exactly the required count: 2 with a chi ủy, 1 without', () => {
    const judge = (hasCellCommittee: boolean, done: number) =>
      inspectionTargetFromCounts(
        { hasCellCommittee, counts: { concluded: done, inProgress: 0, planned: 0 }, year: 2026, asOf: '2026-12-31' },
        DEFAULT_POLICY,
      );
    expect(judge(true, 1).met).toBe(false);
    expect(judge(true, 2).met).toBe(true);
    expect(judge(false, 0).met).toBe(false);
    expect(judge(false, 1).met).toBe(true);
  });
});
