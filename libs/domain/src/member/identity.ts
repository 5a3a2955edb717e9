import { compareIsoDate, isValidIsoDate, type IsoDate } from '../dates';
import { DomainError, type CodedFieldError } from '../errors';
import type { MemberStatus } from './status';

// People type IDs with spaces, dots or dashes ("001 085 012345"); we store digits only.
const SEPARATORS = /[\s.-]/g;

/** Strips spaces, dots and dashes from a national ID as typed; store the result. */
export const normaliseNationalId = (s: string): string => s.replace(SEPARATORS, '');

/** A personal identification number (số định danh cá nhân, on the căn cước card): exactly 12 digits after normalising. */
export const validateNationalId = (s: string): boolean => /^\d{12}$/.test(normaliseNationalId(s));

export type NationalIdInfo = { provinceCode: string; gender: 'MALE' | 'FEMALE'; birthYear: number };

/**
 * Reads the structured part of a 12-digit ID (Circular 59/2021/TT-BCA): digits 1–3 the province of
 * birth registration, digit 4 century and gender (0/1 = 1900s male/female, 2/3 = 2000s, … up to 8/9),
 * digits 5–6 the last two digits of the birth year. Null if the ID is not valid. Useful to cross-check
 * an import against the birth date; province codes are not checked (they may change after the 2025 mergers).
 */
export const decodeNationalId = (s: string): NationalIdInfo | null => {
  if (!validateNationalId(s)) return null;
  const id = normaliseNationalId(s);
  const code = Number(id[3]);
  return {
    provinceCode: id.slice(0, 3),
    gender: code % 2 === 0 ? 'MALE' : 'FEMALE',
    birthYear: 1900 + Math.floor(code / 2) * 100 + Number(id.slice(4, 6)),
  };
};

/** Strips spaces, dots and dashes from a party card number as typed. */
export const normaliseCardNumber = (s: string): string => s.replace(SEPARATORS, '');

/**
 * A party card number: 6 to 12 digits after normalising. ASSUMPTION: the number format of the cards
 * reissued under Chỉ thị 51 (2025) is UNCONFIRMED (docs/rules.md#r-identity-formats), so this accepts the older 6–8-digit
 * numbers and leaves room for longer ones; tighten it when the format is known.
 */
export const validateCardNumber = (s: string): boolean => /^\d{6,12}$/.test(normaliseCardNumber(s));

/** Only full members hold a card (docs/rules.md#r-party-card): throws DomainError('CARD_NUMBER_PROBATIONARY', …, 'cardNumber') for a probationary member with a card number. */
export const assertCardNumberAllowed = (status: MemberStatus | null, cardNumber: string | null | undefined): void => {
  if (cardNumber === null || cardNumber === undefined || cardNumber.trim() === '') return;
  if (status === 'PROBATIONARY') {
    throw new DomainError('CARD_NUMBER_PROBATIONARY', 'Only full members hold a party card', 'cardNumber', { status });
  }
};

export type MemberDates = {
  birthDate?: IsoDate | null;
  admissionDecisionDate?: IsoDate | null;
  ceremonyDate?: IsoDate | null;
  fullMembershipDate?: IsoDate | null;
};

const DATE_FIELDS = ['birthDate', 'admissionDecisionDate', 'ceremonyDate', 'fullMembershipDate'] as const;

/**
 * Checks a member's key dates, skipping absent ones: each must be a valid date (code VALIDATION), and
 * birthDate < admissionDecisionDate <= ceremonyDate <= fullMembershipDate (code INVALID_DATE_ORDER,
 * reported once on the later field). Full membership before the ceremony is an error here; before the end of
 * probation it is a rule of its own (`memberRecordProblems`, RECOGNITION_BEFORE_PROBATION_END).
 */
export const validateMemberDates = (dates: MemberDates): CodedFieldError[] => {
  const errors: CodedFieldError[] = [];
  const known: { field: (typeof DATE_FIELDS)[number]; date: IsoDate }[] = [];
  for (const field of DATE_FIELDS) {
    const date = dates[field];
    if (date === null || date === undefined) continue;
    if (!isValidIsoDate(date)) {
      errors.push({ field, reason: 'must be a date YYYY-MM-DD', code: 'VALIDATION' });
      continue;
    }
    // Birth must be strictly earlier; the party dates may fall on the same day.
    const clash = known.find((k) => {
      const c = compareIsoDate(k.date, date);
      return k.field === 'birthDate' ? c >= 0 : c > 0;
    });
    if (clash) {
      const relation = clash.field === 'birthDate' ? 'be after' : 'not be before';
      errors.push({ field, reason: `must ${relation} ${clash.field} (${clash.date})`, code: 'INVALID_DATE_ORDER' });
    }
    known.push({ field, date });
  }
  return errors;
};
