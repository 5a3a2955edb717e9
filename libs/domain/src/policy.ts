import { isStrictlyAscending } from './arrays';
import { compareIsoDate, daysInMonth, type IsoDate } from './dates';
import type { FieldError } from './errors';
import { DEFAULT_SCORE_SHEET, validateScoreSheet, type ScoreSheet } from './meeting/score-sheet';
import { DISCIPLINE_FORMS, type DisciplineForm } from './member/discipline';
import {
  QUOTA_BASES,
  QUOTA_SCOPES,
  RATING_LEVELS,
  type AdmissionTarget,
  type QuotaBase,
  type QuotaScope,
  type RatingLevel,
} from './rating/kinds';

// Every numeric rule reads its thresholds from a Policy (docs/rules.md#r-policy): national
// defaults here, overridden per subtree and per date range by PolicyLayers stored with organisations.
export type Policy = {
  organisation: {
    /** A grassroots cell with at least this many members should become a grassroots committee. */
    grassrootsCellMaxMembers: number;
    /** A subordinate cell with more than this many members should be split (warning only). */
    subordinateCellWarnAbove: number;
    /** Minimum full members of a grassroots organisation or a cell. */
    minFullMembers: number;
    /** From this many full members a cell must elect a cell committee (chi ủy). */
    cellCommitteeRequiredFullMembers: number;
    /** Distinct office-holders needed before a cell counts as having a chi ủy. */
    cellCommitteeMinSize: number;
    /** Warn this many calendar days before a term ends. */
    termEndingWarnDays: number;
  };
  member: {
    probationMonths: number;
    /** Working days after the end of probation for the cell to consider recognition. */
    recognitionWorkingDays: number;
    /** Working days after the admission decision to hold the ceremony. */
    ceremonyWorkingDays: number;
    /** Working days after a job/retirement/residence decision takes effect to transfer membership. */
    transferWorkingDays: number;
    /** Working days to present the introduction letter at the new cell. */
    transferPresentWorkingDays: number;
    /** Minimum age at the cell's admission vote, in whole months (18 years). */
    admissionMinAgeMonths: number;
    /** Maximum age at the cell's admission vote, in whole months (60 years). */
    admissionMaxAgeMonths: number;
    /** Party-age milestones (years) for the Party badge, ascending. */
    badgeMilestones: number[];
    /** Badge presentation occasions as 'MM-DD', ascending. */
    badgeOccasions: string[];
  };
  meeting: {
    /** Regular meetings (REGULAR or COMBINED) a cell must hold each calendar month. */
    regularPerMonth: number;
    /** Thematic meetings (THEMATIC or COMBINED) a cell must hold each calendar quarter. */
    thematicPerQuarter: number;
    /**
     * Day of the month by which the month's regular meeting is due, clamped to the month's last day
     * (31 = by the end of the month). The quarter's thematic meeting is due on this day of its last month. 1–31.
     */
    dueDayOfMonth: number;
    /**
     * Attendance target in percent (HD 12 "above 85%"). A meeting is below target when present × 100 <
     * minAttendancePercent × expected, i.e. exactly 85.00% passes. 0–100.
     */
    minAttendancePercent: number;
    /** A member absent (with or without a reason) from this many consecutive meetings is flagged. At least 1. */
    absenceStreakLimit: number;
    /** Minimum duration of a meeting in minutes (HD 42: 90). */
    minDurationMinutes: number;
    /** Minimum duration of a combined regular + thematic meeting (HD 42: 120). */
    minCombinedDurationMinutes: number;
    /** Minutes and resolution still missing this many days after the meeting date are flagged. */
    minutesDueDays: number;
    /** A planned meeting is visible to members and visitors this many days before its date. */
    publishDaysAhead: number;
    /** The monthly visit report for month M is due on this day of month M+1 (clamped to its last day). 1–31. */
    visitReportDueDay: number;
    /**
     * Visits a committee member owes an assigned cell per year when the assignment sets none. No national
     * minimum exists (docs/rules.md#r-visits-required); Kon Tum uses 2 (provincial members) or 6 (district/commune members).
     */
    visitsPerYear: number;
    /** Warn when a visitor's score and the cell's self-assessment differ by at least this many points out of 100. 0–100. */
    scoreGapWarn: number;
  };
  /** Inspection and supervision of members (docs/rules.md#inspections); targets are set locally, so every figure is here. */
  inspection: {
    /** Concluded inspections (kiểm tra, not giám sát) a year for a cell with a chi ủy (article 002: 2). */
    targetWithCellCommittee: number;
    /** Concluded inspections a year for a cell without a chi ủy (article 002: 1). */
    targetWithoutCellCommittee: number;
    /** Share of a cell's members to supervise each year, lower bound in percent (Bình Định 2019: 30). 0–100. */
    supervisionCoverageMinPercent: number;
    /** Upper bound of that share in percent (Bình Định 2019: 50); at least the lower bound. 0–100. */
    supervisionCoverageMaxPercent: number;
  };
  /** Annual quality rating (docs/rules.md#ratings): QĐ 366 levels, HD 21 defaults for the collective and quota rules. */
  rating: {
    /** Maximum points of the general criteria (QĐ 366: 30). */
    generalMaxPoints: number;
    /** Maximum points of the task results (QĐ 366: 70). */
    tasksMaxPoints: number;
    /** Minimum score for HTXSNV (90); at least wellCompletedMinScore, at most the sheet's total. */
    excellentMinScore: number;
    /** Minimum score for HTTNV (70); at least completedMinScore. */
    wellCompletedMinScore: number;
    /** Minimum score for HTNV (50). */
    completedMinScore: number;
    /** HTXSNV needs at least this share of the tasks exceeded, in percent (30). 0–100. */
    exceedMinPercent: number;
    /** HTNV for a collective allows at most this share of the tasks done late, in percent (20). 0–100. */
    lateMaxPercent: number;
    /** HTXSNV may be at most this share of `quotaBase`, counted per grassroots organisation (HD 21: 20). 0–100. */
    quotaPercent: number;
    /** What the quota is a share of: HTTNV (HD 21) or HTTNV + HTXSNV. */
    quotaBase: QuotaBase;
    /** Whom the quota covers: members only (HD 21), or organisations too. */
    quotaScope: QuotaScope;
    /**
     * HD 21: a collective may be HTTNV or better only when at least this share of its members (for a cell) or
     * of its subordinate organisations (for a committee) is HTNV or better (100). 0–100; 0 with
     * mixWellCompletedPercent 0 switches the rule off.
     */
    mixCompletedPercent: number;
    /** …and at least this share HTTNV or better (HD 21: 50). 0–100. */
    mixWellCompletedPercent: number;
    /** Best level for a member or organisation disciplined during the year (HD 21, QĐ 124: KHTNV). */
    ownDisciplineCeiling: RatingLevel;
    /**
     * Best level for a collective one of whose leadership was disciplined during the year with
     * `leadershipSevereForm` or heavier (HD 21: cảnh cáo → KHTNV). A lighter discipline still rules out HTXSNV (QĐ 366).
     */
    leadershipDisciplineCeiling: RatingLevel;
    /** The lightest discipline form that triggers `leadershipDisciplineCeiling` (CANH_CAO). */
    leadershipSevereForm: DisciplineForm;
    /**
     * A collective with more than this share of its subordinate units disciplined during the year is KHTNV
     * (QĐ 124: 20). Any subordinate unit disciplined rules out HTXSNV (QĐ 366). 0–100.
     */
    subordinatesDisciplinedMaxPercent: number;
    /** Members exempt from party work and meetings are not rated. */
    exemptNotRated: boolean;
    /** Members temporarily exempt are not rated. */
    temporarilyExemptNotRated: boolean;
    /** Yearly admission target (docs/rules.md#r-admission-target); replaced whole by an override. */
    admissionTarget: AdmissionTarget;
  };
  /** The meeting score template (criteria, maximum points, bands); set per province (docs/rules.md#r-meeting-score-sheet). */
  scoreSheet: ScoreSheet;
  /** Party dues (docs/rules.md#r-dues): QĐ 01-QĐ/TW (2026). Rates in parts per ten thousand (1% = 100), amounts in đồng. */
  dues: {
    /** Members in compulsory social insurance: of the previous month's insured salary (1% = 100). */
    insuredSalaryPerTenThousand: number;
    /** On sickness or maternity leave paid by social insurance: of that benefit (1% = 100). */
    sicknessMaternityPerTenThousand: number;
    /** Members on a pension, outside compulsory insurance: of the pension (0.5% = 50). */
    pensionPerTenThousand: number;
    /** Pupils and students: a fixed amount a month (5,000 đồng). */
    studentAmount: number;
    /** Other members: of the monthly income they report to the cell (product default 1% = 100). */
    otherIncomePerTenThousand: number;
    /** Exempt from the month in which party age reaches this many full years (50). */
    exemptPartyAgeYears: number;
    /** Reductions a cell may grant on application, in percent, ascending (30, 50, 70). */
    reductionPercents: number[];
    /** An exemption, reduction or deferral on application lasts at most this many months (12). */
    reliefMaxMonths: number;
    /** Months of a year with nothing paid, without a valid reason, from which the cell considers removal (3). */
    arrearsMonthsPerYear: number;
  };
};

/** Objects become optional all the way down; arrays are replaced whole, so they stay as they are. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/**
 * National defaults; docs/rules.md gives each rule with its source. Organisations (cell/grassroots sizes per Charter art. 21, the >30
 * subordinate-cell warning from article 003, QĐ 294 cell committee at 9 full members), members (QĐ 294 date
 * rules: 12 months' probation, 30 working days for ceremony and recognition; 6.3.1 transfers 60/30
 * working days; admission age 18–60 in months; badge milestones and occasions from HD 01/2021) and
 * the alerts. `cellCommitteeMinSize` 3 and `termEndingWarnDays` 90 are product choices.
 * Meetings: one regular meeting a month and one thematic a quarter (Charter art. 24; Nghệ An/Đô
 * Lương practice), attendance above 85% and no absence streak of 3 (HD 12, 2018), 90/120 minutes (HD 42,
 * 2025). Product choices: due by the end of the month (31), minutes and resolution within 3 days, plans
 * published 2 days ahead, visit reports due on the 5th of the next month, 2 visits a year per assignment
 * (Kon Tum's lower figure; no national minimum), a 15-point score gap, and DEFAULT_SCORE_SHEET (not a national scale).
 * Inspections: 2 concluded inspections a year for a cell with a chi ủy, 1 without (article 002, Hậu Giang
 * 2022); supervise 30–50% of a cell's members a year (Bình Định bloc 2019). Both are local rules, not national ones.
 * Ratings: QĐ 366 scale 30 + 70 and levels 90/70/50 with 30% exceeded and at most 20% late; HD 21 (2019)
 * for the quota (HTXSNV <= 20% of HTTNV, members only, per grassroots organisation), the cell's member mix
 * (100% HTNV+, 50% HTTNV+) and discipline (own → KHTNV, leadership cảnh cáo+ → KHTNV); QĐ 124 (2023) for subordinate
 * units (> 20% disciplined → KHTNV). Exempt members are not rated (product default). Admissions: 3% a year of the
 * membership at the start of the term (article 003, Thái Nguyên). Dues: QĐ 01-QĐ/TW (2026): 1% of the insured salary or
 * of a sickness/maternity benefit, 0.5% of a pension, 5,000 đồng for students, exempt at 50 years of party age, reductions
 * of 30/50/70% and reliefs of at most 12 months, removal considered after 3 unpaid months in a year; 1% of reported income
 * for other members is a product default (the rate for them was not confirmed).
 * Frozen: copy it (resolvePolicy does) rather than mutate it.
 */
export const DEFAULT_POLICY: Policy = deepFreeze({
  organisation: {
    grassrootsCellMaxMembers: 30,
    subordinateCellWarnAbove: 30,
    minFullMembers: 3,
    cellCommitteeRequiredFullMembers: 9,
    cellCommitteeMinSize: 3,
    termEndingWarnDays: 90,
  },
  member: {
    probationMonths: 12,
    recognitionWorkingDays: 30,
    ceremonyWorkingDays: 30,
    transferWorkingDays: 60,
    transferPresentWorkingDays: 30,
    admissionMinAgeMonths: 216,
    admissionMaxAgeMonths: 720,
    badgeMilestones: [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
    badgeOccasions: ['02-03', '05-19', '09-02', '11-07'],
  },
  meeting: {
    regularPerMonth: 1,
    thematicPerQuarter: 1,
    dueDayOfMonth: 31,
    minAttendancePercent: 85,
    absenceStreakLimit: 3,
    minDurationMinutes: 90,
    minCombinedDurationMinutes: 120,
    minutesDueDays: 3,
    publishDaysAhead: 2,
    visitReportDueDay: 5,
    visitsPerYear: 2,
    scoreGapWarn: 15,
  },
  inspection: {
    targetWithCellCommittee: 2,
    targetWithoutCellCommittee: 1,
    supervisionCoverageMinPercent: 30,
    supervisionCoverageMaxPercent: 50,
  },
  rating: {
    generalMaxPoints: 30,
    tasksMaxPoints: 70,
    excellentMinScore: 90,
    wellCompletedMinScore: 70,
    completedMinScore: 50,
    exceedMinPercent: 30,
    lateMaxPercent: 20,
    quotaPercent: 20,
    quotaBase: 'WELL_COMPLETED',
    quotaScope: 'MEMBERS',
    mixCompletedPercent: 100,
    mixWellCompletedPercent: 50,
    ownDisciplineCeiling: 'KHTNV',
    leadershipDisciplineCeiling: 'KHTNV',
    leadershipSevereForm: 'CANH_CAO',
    subordinatesDisciplinedMaxPercent: 20,
    exemptNotRated: true,
    temporarilyExemptNotRated: true,
    admissionTarget: { kind: 'percentOfTermStart', percent: 3 },
  },
  scoreSheet: DEFAULT_SCORE_SHEET,
  dues: {
    insuredSalaryPerTenThousand: 100,
    sicknessMaternityPerTenThousand: 100,
    pensionPerTenThousand: 50,
    studentAmount: 5000,
    otherIncomePerTenThousand: 100,
    exemptPartyAgeYears: 50,
    reductionPercents: [30, 50, 70],
    reliefMaxMonths: 12,
    arrearsMonthsPerYear: 3,
  },
});

/** A policy override attached to an organisation at `depth` (root = 0), in force on [effectiveFrom, effectiveTo). */
export type PolicyLayer = {
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  depth: number;
  values: DeepPartial<Policy>;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// Only keys that exist in `base` are taken, so a stray key in stored JSON cannot leak into a Policy.
const mergeInto = (base: unknown, patch: unknown): unknown => {
  if (patch === undefined) return clone(base);
  // An object with a `kind` is a tagged union (e.g. rating.admissionTarget): its keys depend on the kind, so it is replaced whole.
  if (isPlainObject(base) && !('kind' in base)) {
    if (!isPlainObject(patch)) return clone(base);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(base)) out[key] = mergeInto(base[key], patch[key]);
    return out;
  }
  return clone(patch);
};

const clone = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(clone);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
};

/** True when `layer` is in force on `asOf`: effectiveFrom <= asOf < effectiveTo (null = open-ended). */
export const layerInForce = (layer: Pick<PolicyLayer, 'effectiveFrom' | 'effectiveTo'>, asOf: IsoDate): boolean =>
  compareIsoDate(layer.effectiveFrom, asOf) <= 0 &&
  (layer.effectiveTo === null || compareIsoDate(asOf, layer.effectiveTo) < 0);

/**
 * The policy in force on `asOf` for an organisation, given the layers attached to it and its ancestors.
 * Layers in force are applied over `base` by increasing depth (root first, the nearest ancestor last);
 * at equal depth the later `effectiveFrom` wins (then the later position in `layers`). Objects are
 * deep-merged, arrays replaced, unknown keys ignored. Returns a fresh object; inputs are not mutated.
 */
export const resolvePolicy = (layers: PolicyLayer[], asOf: IsoDate, base: Policy = DEFAULT_POLICY): Policy => {
  const inForce = layers
    .map((layer, index) => ({ layer, index }))
    .filter(({ layer }) => layerInForce(layer, asOf))
    .sort(
      (a, b) =>
        a.layer.depth - b.layer.depth ||
        compareIsoDate(a.layer.effectiveFrom, b.layer.effectiveFrom) ||
        a.index - b.index,
    );
  return inForce.reduce<Policy>((acc, { layer }) => mergeInto(acc, layer.values) as Policy, clone(base) as Policy);
};

// Number rules: 'int' non-negative integer, 'posint' >= 1, 'day' a day of the month 1–31, 'pct' 0–100.
type NumberRule = 'int' | 'posint' | 'day' | 'pct';
// Enumerations and tagged unions are leaves too: 'bool', one value of a list, or a whole admission target.
type EnumRule = 'level' | 'quotaBase' | 'quotaScope' | 'disciplineForm';
type LeafKind = NumberRule | 'int[]' | 'mmdd[]' | 'scoreSheet' | 'bool' | EnumRule | 'admissionTarget';
type Schema<T> = {
  [K in keyof T]: T[K] extends number
    ? NumberRule
    : T[K] extends number[]
      ? 'int[]'
      : T[K] extends string[]
        ? 'mmdd[]'
        : T[K] extends ScoreSheet
          ? 'scoreSheet'
          : T[K] extends boolean
            ? 'bool'
            : T[K] extends RatingLevel
              ? 'level'
              : T[K] extends QuotaBase
                ? 'quotaBase'
                : T[K] extends QuotaScope
                  ? 'quotaScope'
                  : T[K] extends DisciplineForm
                    ? 'disciplineForm'
                    : T[K] extends AdmissionTarget
                      ? 'admissionTarget'
                      : Schema<T[K]>;
};

// The type makes the compiler check that every Policy key has a validation rule.
const POLICY_SCHEMA: Schema<Policy> = {
  organisation: {
    grassrootsCellMaxMembers: 'int',
    subordinateCellWarnAbove: 'int',
    minFullMembers: 'int',
    cellCommitteeRequiredFullMembers: 'int',
    cellCommitteeMinSize: 'int',
    termEndingWarnDays: 'int',
  },
  member: {
    probationMonths: 'int',
    recognitionWorkingDays: 'int',
    ceremonyWorkingDays: 'int',
    transferWorkingDays: 'int',
    transferPresentWorkingDays: 'int',
    admissionMinAgeMonths: 'int',
    admissionMaxAgeMonths: 'int',
    badgeMilestones: 'int[]',
    badgeOccasions: 'mmdd[]',
  },
  meeting: {
    regularPerMonth: 'int',
    thematicPerQuarter: 'int',
    dueDayOfMonth: 'day',
    minAttendancePercent: 'pct',
    absenceStreakLimit: 'posint',
    minDurationMinutes: 'int',
    minCombinedDurationMinutes: 'int',
    minutesDueDays: 'int',
    publishDaysAhead: 'int',
    visitReportDueDay: 'day',
    visitsPerYear: 'int',
    scoreGapWarn: 'pct',
  },
  inspection: {
    targetWithCellCommittee: 'int',
    targetWithoutCellCommittee: 'int',
    supervisionCoverageMinPercent: 'pct',
    supervisionCoverageMaxPercent: 'pct',
  },
  rating: {
    generalMaxPoints: 'posint',
    tasksMaxPoints: 'posint',
    excellentMinScore: 'int',
    wellCompletedMinScore: 'int',
    completedMinScore: 'int',
    exceedMinPercent: 'pct',
    lateMaxPercent: 'pct',
    quotaPercent: 'pct',
    quotaBase: 'quotaBase',
    quotaScope: 'quotaScope',
    mixCompletedPercent: 'pct',
    mixWellCompletedPercent: 'pct',
    ownDisciplineCeiling: 'level',
    leadershipDisciplineCeiling: 'level',
    leadershipSevereForm: 'disciplineForm',
    subordinatesDisciplinedMaxPercent: 'pct',
    exemptNotRated: 'bool',
    temporarilyExemptNotRated: 'bool',
    admissionTarget: 'admissionTarget',
  },
  scoreSheet: 'scoreSheet',
  dues: {
    insuredSalaryPerTenThousand: 'int',
    sicknessMaternityPerTenThousand: 'int',
    pensionPerTenThousand: 'int',
    studentAmount: 'int',
    otherIncomePerTenThousand: 'int',
    exemptPartyAgeYears: 'posint',
    reductionPercents: 'int[]',
    reliefMaxMonths: 'posint',
    arrearsMonthsPerYear: 'posint',
  },
};

const isNonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const MMDD_RE = /^(\d{2})-(\d{2})$/;
/** True for a month-day 'MM-DD' that exists in some year (02-29 allowed). */
export const isValidMonthDay = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  const m = MMDD_RE.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
};

const NUMBER_RULES: Record<NumberRule, { ok: (v: number) => boolean; reason: string }> = {
  int: { ok: () => true, reason: 'must be a non-negative integer' },
  posint: { ok: (v) => v >= 1, reason: 'must be a positive integer' },
  day: { ok: (v) => v >= 1 && v <= 31, reason: 'must be an integer from 1 to 31' },
  pct: { ok: (v) => v <= 100, reason: 'must be an integer from 0 to 100' },
};

const ENUM_RULES: Record<EnumRule, readonly string[]> = {
  level: RATING_LEVELS,
  quotaBase: QUOTA_BASES,
  quotaScope: QUOTA_SCOPES,
  disciplineForm: DISCIPLINE_FORMS,
};

// { kind: 'percentOfTermStart', percent: 0–100 } or { kind: 'absolute', count: integer >= 0 }, nothing else.
const checkAdmissionTarget = (value: unknown, path: string, errors: FieldError[]): void => {
  if (!isPlainObject(value)) {
    errors.push({ field: path, reason: 'must be an object' });
    return;
  }
  const numberKey = value.kind === 'percentOfTermStart' ? 'percent' : value.kind === 'absolute' ? 'count' : null;
  if (numberKey === null) {
    errors.push({ field: `${path}.kind`, reason: "must be 'percentOfTermStart' or 'absolute'" });
    return;
  }
  const n = value[numberKey];
  if (!isNonNegativeInt(n) || (numberKey === 'percent' && n > 100)) {
    errors.push({
      field: `${path}.${numberKey}`,
      reason: numberKey === 'percent' ? 'must be an integer from 0 to 100' : 'must be a non-negative integer',
    });
  }
  for (const key of Object.keys(value))
    if (key !== 'kind' && key !== numberKey) errors.push({ field: `${path}.${key}`, reason: 'unknown key' });
};

const checkLeaf = (kind: LeafKind, value: unknown, path: string, errors: FieldError[]): void => {
  if (kind === 'bool') {
    if (typeof value !== 'boolean') errors.push({ field: path, reason: 'must be true or false' });
    return;
  }
  if (kind in ENUM_RULES) {
    const allowed = ENUM_RULES[kind as EnumRule];
    if (typeof value !== 'string' || !allowed.includes(value))
      errors.push({ field: path, reason: `must be one of ${allowed.join(', ')}` });
    return;
  }
  if (kind === 'admissionTarget') {
    checkAdmissionTarget(value, path, errors);
    return;
  }
  if (kind === 'scoreSheet') {
    // A score sheet is replaced whole: criteria and bands only make sense together.
    errors.push(...validateScoreSheet(value, path));
    return;
  }
  if (kind === 'int' || kind === 'posint' || kind === 'day' || kind === 'pct') {
    const rule = NUMBER_RULES[kind];
    if (!isNonNegativeInt(value) || !rule.ok(value)) errors.push({ field: path, reason: rule.reason });
    return;
  }
  if (!Array.isArray(value)) {
    errors.push({ field: path, reason: 'must be an array' });
    return;
  }
  const items: unknown[] = value;
  const ok = kind === 'int[]' ? isNonNegativeInt : isValidMonthDay;
  const what = kind === 'int[]' ? 'a non-negative integer' : "a month-day 'MM-DD'";
  items.forEach((item, i) => {
    if (!ok(item)) errors.push({ field: `${path}[${i}]`, reason: `must be ${what}` });
  });
  if (!items.every((item) => ok(item))) return;
  // 'MM-DD' is zero-padded, so string order is calendar order.
  const ascending = kind === 'int[]' ? isStrictlyAscending(items as number[]) : isStrictlyAscending(items as string[]);
  if (!ascending) errors.push({ field: path, reason: 'must be strictly ascending' });
};

const checkObject = (schema: Record<string, unknown>, value: unknown, path: string, errors: FieldError[]): void => {
  if (!isPlainObject(value)) {
    errors.push({ field: path || 'values', reason: 'must be an object' });
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      errors.push({ field, reason: 'unknown key' });
      continue;
    }
    if (v === undefined) continue;
    const rule = schema[key];
    if (typeof rule === 'string') checkLeaf(rule as LeafKind, v, field, errors);
    else checkObject(rule as Record<string, unknown>, v, field, errors);
  }
};

/**
 * Checks an admin-entered override (a `PolicyLayer.values`, e.g. parsed JSON): only known keys, integers
 * non-negative (days of the month 1–31, percentages 0–100, the absence streak limit at least 1), integer
 * arrays strictly ascending, occasions valid 'MM-DD' strictly ascending. A `scoreSheet`, when given, must be
 * complete and valid (`validateScoreSheet`): it replaces the inherited sheet whole.
 * Absent keys are fine (they are inherited). Cross-field consistency is checked by `validatePolicy`.
 */
export const validatePolicyOverride = (values: unknown): { ok: true } | { ok: false; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  checkObject(POLICY_SCHEMA, values, '', errors);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
};

/**
 * Checks a complete policy (typically the result of `resolvePolicy`): everything `validatePolicyOverride`
 * checks, that every key is present, that the admission age range is not empty, and that a combined
 * meeting's minimum duration is not shorter than a single meeting's.
 */
export const validatePolicy = (policy: unknown): { ok: true } | { ok: false; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  checkObject(POLICY_SCHEMA, policy, '', errors);
  const missing = (schema: Record<string, unknown>, value: unknown, path: string): void => {
    if (!isPlainObject(value)) return;
    for (const [key, rule] of Object.entries(schema)) {
      const field = path ? `${path}.${key}` : key;
      if (value[key] === undefined) errors.push({ field, reason: 'is required' });
      else if (typeof rule !== 'string') missing(rule as Record<string, unknown>, value[key], field);
    }
  };
  missing(POLICY_SCHEMA, policy, '');
  if (errors.length === 0) {
    const p = policy as Policy;
    if (p.member.admissionMinAgeMonths > p.member.admissionMaxAgeMonths) {
      errors.push({ field: 'member.admissionMaxAgeMonths', reason: 'must be >= member.admissionMinAgeMonths' });
    }
    if (p.meeting.minCombinedDurationMinutes < p.meeting.minDurationMinutes) {
      errors.push({ field: 'meeting.minCombinedDurationMinutes', reason: 'must be >= meeting.minDurationMinutes' });
    }
    if (p.inspection.supervisionCoverageMaxPercent < p.inspection.supervisionCoverageMinPercent) {
      errors.push({
        field: 'inspection.supervisionCoverageMaxPercent',
        reason: 'must be >= inspection.supervisionCoverageMinPercent',
      });
    }
    const r = p.rating;
    if (r.wellCompletedMinScore < r.completedMinScore)
      errors.push({ field: 'rating.wellCompletedMinScore', reason: 'must be >= rating.completedMinScore' });
    if (r.excellentMinScore < r.wellCompletedMinScore)
      errors.push({ field: 'rating.excellentMinScore', reason: 'must be >= rating.wellCompletedMinScore' });
    if (r.excellentMinScore > r.generalMaxPoints + r.tasksMaxPoints) {
      errors.push({
        field: 'rating.excellentMinScore',
        reason: 'must be <= rating.generalMaxPoints + rating.tasksMaxPoints',
      });
    }
    p.dues.reductionPercents.forEach((pct, i) => {
      if (pct < 1 || pct > 99)
        errors.push({
          field: `dues.reductionPercents[${i}]`,
          reason: 'must be a percent from 1 to 99 (100% is an exemption)',
        });
    });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
};

/**
 * The dates from `from` (inclusive) to `to` (exclusive; null = open) on which the layers in force can change: `from`
 * itself and every layer's effectiveFrom and effectiveTo inside the period, ascending. The merged policy is the same
 * between two consecutive dates, so checking it on these dates (`validatePolicy(resolvePolicy(layers, d))`) checks
 * it on every day of the period.
 */
export const policyChangeDates = (
  layers: readonly Pick<PolicyLayer, 'effectiveFrom' | 'effectiveTo'>[],
  from: IsoDate,
  to: IsoDate | null,
): IsoDate[] => {
  const inside = (d: IsoDate) => compareIsoDate(from, d) < 0 && (to === null || compareIsoDate(d, to) < 0);
  const dates = new Set<IsoDate>([from]);
  for (const l of layers) {
    if (inside(l.effectiveFrom)) dates.add(l.effectiveFrom);
    if (l.effectiveTo !== null && inside(l.effectiveTo)) dates.add(l.effectiveTo);
  }
  return [...dates].sort(compareIsoDate);
};
