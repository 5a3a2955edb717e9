import { addMonths, compareIsoDate, isValidIsoDate, lastDayOfMonth, type IsoDate } from '../dates';
import type { CodedFieldError } from '../errors';
import { partyAge } from '../member/dates';
import type { Policy } from '../policy';

// Party dues (đảng phí) under QĐ 01-QĐ/TW of 3/2/2026, in force from 1/2/2026 (docs/rules.md#r-dues). Amounts are
// whole đồng; rates are parts per ten thousand so that 0.5% stays an integer (50).

/** What a member's monthly dues are computed from (the income the member reports to the cell). */
export const DUES_BASES = [
  'INSURED_SALARY',
  'SICKNESS_MATERNITY',
  'PENSION',
  'SOCIAL_PENSION',
  'STUDENT',
  'OTHER',
] as const;
export type DuesBasis = (typeof DUES_BASES)[number];

/** Bases with an amount of income; the others (a fixed amount, an exemption) take none. */
export const DUES_BASES_WITH_AMOUNT: readonly DuesBasis[] = [
  'INSURED_SALARY',
  'SICKNESS_MATERNITY',
  'PENSION',
  'OTHER',
];

/**
 * Relief granted by the cell on application, for at most `policy.dues.reliefMaxMonths` months: EXEMPT (hardship: poor or
 * near-poor household, grave illness), REDUCE by one of `policy.dues.reductionPercents`, DEFER (a member temporarily
 * exempt from party activity who cannot pay monthly: the months are paid later and are not arrears meanwhile).
 */
export const DUES_RELIEF_KINDS = ['EXEMPT', 'REDUCE', 'DEFER'] as const;
export type DuesReliefKind = (typeof DUES_RELIEF_KINDS)[number];

/** How dues were paid: cash to the cell, or through the National Public Service Portal (imported from its file). */
export const DUES_CHANNELS = ['CASH', 'PORTAL'] as const;
export type DuesChannel = (typeof DUES_CHANNELS)[number];

/** Why a month's amount is what it is. */
export const DUES_DUE_REASONS = [
  'STANDARD',
  'REDUCED',
  'EXEMPT_PARTY_AGE',
  'EXEMPT_SOCIAL_PENSION',
  'EXEMPT_ON_APPLICATION',
  'NO_BASIS',
] as const;
export type DuesDueReason = (typeof DUES_DUE_REASONS)[number];

/** A month as 'YYYY-MM'. */
export type DuesMonth = string;

const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** True for a month 'YYYY-MM' of years 1900–9999. */
export const isDuesMonth = (s: unknown): s is DuesMonth => {
  if (typeof s !== 'string') return false;
  const m = MONTH_RE.exec(s);
  return !!m && Number(m[1]) >= 1900 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
};

/** The first day of a month. */
export const duesMonthStart = (month: DuesMonth): IsoDate => `${month}-01`;

/** The month a date falls in. */
export const duesMonthOf = (date: IsoDate): DuesMonth => date.slice(0, 7);

/** The months from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export const duesMonthsBetween = (from: DuesMonth, to: DuesMonth): DuesMonth[] => {
  const out: DuesMonth[] = [];
  for (let d = duesMonthStart(from); compareIsoDate(d, duesMonthStart(to)) <= 0; d = addMonths(d, 1))
    out.push(duesMonthOf(d));
  return out;
};

/** The twelve months of a year. */
export const duesMonthsOfYear = (year: number): DuesMonth[] =>
  duesMonthsBetween(`${String(year).padStart(4, '0')}-01`, `${String(year).padStart(4, '0')}-12`);

export type DuesBasisRecord = { basis: DuesBasis; amount: number | null };
export type DuesReliefRecord = { kind: DuesReliefKind; percent: number | null };

export type DuesDueInput = {
  month: DuesMonth;
  /** The admission decision's date, from which party age counts (null: not known, no party-age exemption). */
  admissionDecisionDate: IsoDate | null;
  /** The basis the member reported for that month (null: none reported yet). */
  basis: DuesBasisRecord | null;
  /** A relief in force that month, if any. */
  relief: DuesReliefRecord | null;
};

export type DuesDue = {
  /** What the member owes for the month in đồng; null when no basis is known (the cell must record one). */
  amount: number | null;
  /** The amount before a reduction (equal to `amount` without one). */
  standard: number | null;
  reason: DuesDueReason;
  /** The month is deferred: owed, but not counted as unpaid until the deferral ends. */
  deferred: boolean;
};

const ofRate = (amount: number, perTenThousand: number): number => Math.round((amount * perTenThousand) / 10_000);

/** The standard monthly amount for a basis, before exemptions and relief (null: the basis needs an amount and has none). */
export const duesStandardAmount = (basis: DuesBasisRecord, policy: Policy): number | null => {
  const d = policy.dues;
  switch (basis.basis) {
    case 'STUDENT':
      return d.studentAmount;
    case 'SOCIAL_PENSION':
      return 0;
    case 'INSURED_SALARY':
      return basis.amount === null ? null : ofRate(basis.amount, d.insuredSalaryPerTenThousand);
    case 'SICKNESS_MATERNITY':
      return basis.amount === null ? null : ofRate(basis.amount, d.sicknessMaternityPerTenThousand);
    case 'PENSION':
      return basis.amount === null ? null : ofRate(basis.amount, d.pensionPerTenThousand);
    case 'OTHER':
      return basis.amount === null ? null : ofRate(basis.amount, d.otherIncomePerTenThousand);
  }
};

/**
 * What a member owes for one month (docs/rules.md#r-dues). In order: 50 full years of party age by the month's last day
 * exempts (from the month the milestone is reached); a social pension (trợ cấp hưu trí xã hội) exempts; a relief EXEMPT
 * exempts; otherwise the standard amount of the basis, reduced by a relief REDUCE (rounded to the đồng). A DEFER relief
 * leaves the amount owed but marks the month deferred. No basis: amount unknown (NO_BASIS), never a guessed zero.
 */
export const duesDue = (input: DuesDueInput, policy: Policy): DuesDue => {
  const exempt = (reason: DuesDueReason): DuesDue => ({ amount: 0, standard: 0, reason, deferred: false });
  const last = lastDayOfMonth(input.month);
  if (
    input.admissionDecisionDate !== null &&
    compareIsoDate(input.admissionDecisionDate, last) <= 0 &&
    partyAge(input.admissionDecisionDate, last).years >= policy.dues.exemptPartyAgeYears
  ) {
    return exempt('EXEMPT_PARTY_AGE');
  }
  if (input.basis?.basis === 'SOCIAL_PENSION') return exempt('EXEMPT_SOCIAL_PENSION');
  if (input.relief?.kind === 'EXEMPT') return exempt('EXEMPT_ON_APPLICATION');
  const standard = input.basis ? duesStandardAmount(input.basis, policy) : null;
  const deferred = input.relief?.kind === 'DEFER';
  if (standard === null) return { amount: null, standard: null, reason: 'NO_BASIS', deferred };
  if (input.relief?.kind === 'REDUCE' && input.relief.percent !== null) {
    return {
      amount: Math.round((standard * (100 - input.relief.percent)) / 100),
      standard,
      reason: 'REDUCED',
      deferred,
    };
  }
  return { amount: standard, standard, reason: 'STANDARD', deferred };
};

export type DuesMonthStatus = { month: DuesMonth; due: DuesDue; paid: number };

export type DuesArrears = {
  /** Ended months of the year with something owed, nothing paid and no deferral: the months that count. */
  unpaidMonths: DuesMonth[];
  /** Ended months paid in part. */
  shortMonths: DuesMonth[];
  /** Ended months whose amount is unknown (no basis recorded): the cell must record one before it can judge. */
  unknownMonths: DuesMonth[];
  /** Owed minus paid over the ended, not deferred months (never below 0 per month), in đồng. */
  outstanding: number;
  /** `unpaidMonths` reaches `policy.dues.arrearsMonthsPerYear`: the cell considers proposing removal from the list. */
  inArrears: boolean;
};

/**
 * A member's dues arrears in a year as of a date (docs/rules.md#r-dues): QĐ 01-QĐ/TW has the cell consider removal from
 * the list for a member who does not pay for three months in a year without a valid reason. A month counts once it has
 * ended (its last day is before `asOf`); a deferred month does not count; a month paid in part is short, not unpaid.
 * Months outside `year` in `months` are ignored.
 */
export const duesArrears = (
  months: readonly DuesMonthStatus[],
  year: number,
  asOf: IsoDate,
  policy: Policy,
): DuesArrears => {
  const out: DuesArrears = { unpaidMonths: [], shortMonths: [], unknownMonths: [], outstanding: 0, inArrears: false };
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const m of [...months].sort((a, b) => a.month.localeCompare(b.month))) {
    if (!m.month.startsWith(prefix) || compareIsoDate(lastDayOfMonth(m.month), asOf) >= 0 || m.due.deferred) continue;
    if (m.due.amount === null) {
      if (m.paid === 0) out.unknownMonths.push(m.month);
      continue;
    }
    if (m.due.amount === 0) continue;
    if (m.paid === 0) out.unpaidMonths.push(m.month);
    else if (m.paid < m.due.amount) out.shortMonths.push(m.month);
    out.outstanding += Math.max(0, m.due.amount - m.paid);
  }
  out.inArrears = out.unpaidMonths.length >= policy.dues.arrearsMonthsPerYear;
  return out;
};

/** Largest amount accepted for one payment or one month's basis, in đồng (a typing error guard, not a rule). */
export const DUES_MAX_AMOUNT = 1_000_000_000;

const amountError = (field: string, value: unknown, allowZero: boolean): CodedFieldError | null =>
  typeof value === 'number' &&
  Number.isSafeInteger(value) &&
  (allowZero ? value >= 0 : value > 0) &&
  value <= DUES_MAX_AMOUNT
    ? null
    : {
        field,
        code: 'VALIDATION',
        reason: `must be a whole number of đồng from ${allowZero ? 0 : 1} to ${DUES_MAX_AMOUNT}`,
      };

/** A payment: an existing month at most 12 months ahead of today (paying in advance), a positive amount, a paid-on date not after today. */
export const validateDuesPayment = (
  input: { month: unknown; amount: unknown; paidOn: unknown },
  today: IsoDate,
): CodedFieldError[] => {
  const errors: CodedFieldError[] = [];
  if (!isDuesMonth(input.month))
    errors.push({ field: 'month', code: 'VALIDATION', reason: "must be a month 'YYYY-MM'" });
  else if (compareIsoDate(duesMonthStart(input.month), addMonths(duesMonthStart(duesMonthOf(today)), 12)) > 0) {
    errors.push({ field: 'month', code: 'VALIDATION', reason: 'must be at most 12 months after the current month' });
  }
  const amount = amountError('amount', input.amount, false);
  if (amount) errors.push(amount);
  if (!isValidIsoDate(input.paidOn))
    errors.push({ field: 'paidOn', code: 'VALIDATION', reason: 'must be a date YYYY-MM-DD' });
  else if (compareIsoDate(input.paidOn, today) > 0)
    errors.push({ field: 'paidOn', code: 'VALIDATION', reason: 'must not be after today', specific: 'DATE_IN_FUTURE' });
  return errors;
};

/** A basis: an amount for the bases computed from income, none for a fixed amount or an exemption; from an existing month. */
export const validateDuesBasis = (input: { basis: unknown; amount: unknown; from: unknown }): CodedFieldError[] => {
  const errors: CodedFieldError[] = [];
  if (!isDuesMonth(input.from)) errors.push({ field: 'from', code: 'VALIDATION', reason: "must be a month 'YYYY-MM'" });
  if (!DUES_BASES.includes(input.basis as DuesBasis)) {
    errors.push({ field: 'basis', code: 'VALIDATION', reason: `must be one of ${DUES_BASES.join(', ')}` });
    return errors;
  }
  if (DUES_BASES_WITH_AMOUNT.includes(input.basis as DuesBasis)) {
    const amount = amountError('amount', input.amount, true);
    if (amount) errors.push(amount);
  } else if (input.amount !== null && input.amount !== undefined) {
    errors.push({ field: 'amount', code: 'VALIDATION', reason: `must be empty for ${String(input.basis)}` });
  }
  return errors;
};

/** A relief: a known kind, a percent exactly when reducing (one the policy allows), from ≤ to, at most reliefMaxMonths months. */
export const validateDuesRelief = (
  input: { kind: unknown; percent: unknown; from: unknown; to: unknown },
  policy: Policy,
): CodedFieldError[] => {
  const errors: CodedFieldError[] = [];
  if (!DUES_RELIEF_KINDS.includes(input.kind as DuesReliefKind))
    errors.push({ field: 'kind', code: 'VALIDATION', reason: `must be one of ${DUES_RELIEF_KINDS.join(', ')}` });
  else if (input.kind === 'REDUCE') {
    if (!policy.dues.reductionPercents.includes(input.percent as number)) {
      errors.push({
        field: 'percent',
        code: 'VALIDATION',
        reason: `must be one of ${policy.dues.reductionPercents.join(', ')}`,
      });
    }
  } else if (input.percent !== null && input.percent !== undefined)
    errors.push({ field: 'percent', code: 'VALIDATION', reason: 'must be empty unless reducing' });
  const fromOk = isDuesMonth(input.from);
  const toOk = isDuesMonth(input.to);
  if (!fromOk) errors.push({ field: 'from', code: 'VALIDATION', reason: "must be a month 'YYYY-MM'" });
  if (!toOk) errors.push({ field: 'to', code: 'VALIDATION', reason: "must be a month 'YYYY-MM'" });
  if (fromOk && toOk) {
    const n = duesMonthsBetween(input.from as string, input.to as string).length;
    if (n === 0) errors.push({ field: 'to', code: 'INVALID_DATE_ORDER', reason: 'must not be before from' });
    else if (n > policy.dues.reliefMaxMonths)
      errors.push({
        field: 'to',
        code: 'VALIDATION',
        reason: `a relief lasts at most ${policy.dues.reliefMaxMonths} months`,
      });
  }
  return errors;
};
