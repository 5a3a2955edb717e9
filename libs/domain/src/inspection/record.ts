import { compareIsoDate, isValidIsoDate, type IsoDate } from '../dates';
import { DATE_IN_FUTURE, DomainError, isDomainError, type CodedFieldError } from '../errors';
import {
  assertDisciplineAllowed,
  type DecidingBody,
  type DisciplineAuthority,
  type DisciplineForm,
} from '../member/discipline';
import type { MemberStatus } from '../member/status';
import { isSupervision, type InspectionState, type InspectionType } from './kinds';

/** The dates of an inspection record; absent or null = not set. */
export type InspectionDates = {
  reviewFrom?: IsoDate | null;
  reviewTo?: IsoDate | null;
  plannedFrom?: IsoDate | null;
  plannedTo?: IsoDate | null;
  startedOn?: IsoDate | null;
  concludedOn?: IsoDate | null;
};

const present = (d: IsoDate | null | undefined): d is IsoDate => d !== null && d !== undefined;

/**
 * Checks the dates of an inspection (or a plan's period under review): each a real date; the period under review
 * (reviewTo >= reviewFrom), the planned period (plannedTo >= plannedFrom) and the conclusion (concludedOn >=
 * startedOn, INVALID_DATE_ORDER) in order; nothing started or concluded after `today` (VALIDATION, DATE_IN_FUTURE). Returns
 * every problem with its field; empty when all is well.
 */
export const validateInspectionDates = (d: InspectionDates, today: IsoDate): CodedFieldError[] => {
  const errors: CodedFieldError[] = [];
  const fields = ['reviewFrom', 'reviewTo', 'plannedFrom', 'plannedTo', 'startedOn', 'concludedOn'] as const;
  for (const f of fields) {
    if (present(d[f]) && !isValidIsoDate(d[f]))
      errors.push({ field: f, reason: 'must be a date YYYY-MM-DD', code: 'VALIDATION' });
  }
  if (errors.length) return errors;
  const order = (
    from: IsoDate | null | undefined,
    to: IsoDate | null | undefined,
    field: string,
    reason: string,
  ): void => {
    if (present(from) && present(to) && compareIsoDate(to, from) < 0)
      errors.push({ field, reason, code: 'INVALID_DATE_ORDER' });
  };
  order(d.reviewFrom, d.reviewTo, 'reviewTo', 'the period under review must not end before it starts');
  order(d.plannedFrom, d.plannedTo, 'plannedTo', 'the planned period must not end before it starts');
  order(
    d.startedOn,
    d.concludedOn,
    'concludedOn',
    'the conclusion must not be dated before the start of the inspection',
  );
  if (present(d.startedOn) && compareIsoDate(d.startedOn, today) > 0)
    errors.push({
      field: 'startedOn',
      reason: 'must not be after today',
      code: 'VALIDATION',
      specific: DATE_IN_FUTURE,
    });
  if (present(d.concludedOn) && compareIsoDate(d.concludedOn, today) > 0)
    errors.push({
      field: 'concludedOn',
      reason: 'must not be after today',
      code: 'VALIDATION',
      specific: DATE_IN_FUTURE,
    });
  return errors;
};

// The lifecycle: PLANNED → IN_PROGRESS → CONCLUDED; a planned inspection may be concluded directly (recorded after
// the fact, with its start date) or cancelled. A concluded or cancelled one is final.
const TRANSITIONS: Record<InspectionState, readonly InspectionState[]> = {
  PLANNED: ['IN_PROGRESS', 'CONCLUDED', 'CANCELLED'],
  IN_PROGRESS: ['CONCLUDED'],
  CONCLUDED: [],
  CANCELLED: [],
};

/** Whether an inspection in state `from` may move to `to`. */
export const canMoveInspection = (from: InspectionState, to: InspectionState): boolean =>
  TRANSITIONS[from].includes(to);

/** Throws DomainError('CONFLICT', …, 'id') unless `canMoveInspection(from, to)`. */
export const assertInspectionTransition = (from: InspectionState, to: InspectionState): void => {
  if (!canMoveInspection(from, to)) {
    throw new DomainError(
      'CONFLICT',
      `An inspection that is ${from.toLowerCase().replace('_', ' ')} cannot become ${to.toLowerCase().replace('_', ' ')}`,
      'id',
      { from, to },
    );
  }
};

/** A discipline decision proposed in a conclusion, with the member's status on the decision date (from the data). */
export type ConclusionDiscipline = {
  form: DisciplineForm;
  decidingBody: DecidingBody;
  decidedOn: IsoDate;
  memberStatus: MemberStatus;
};

export type ConclusionInput = {
  type: InspectionType;
  /** The inspection's subjects (members), as recorded. */
  subjectIds: readonly string[];
  startedOn: IsoDate | null;
  concludedOn: IsoDate;
  conclusion: string | null | undefined;
  /** Per-subject findings; `discipline` when the conclusion decides one. */
  subjects: readonly { memberId: string; discipline?: ConclusionDiscipline | null }[];
  today: IsoDate;
  authority?: DisciplineAuthority;
};

/**
 * Checks a conclusion before anything is written; returns every problem with its field:
 * - the start date is known (startedOn, VALIDATION) and the dates are in order (`validateInspectionDates`:
 *   a conclusion before the start is INVALID_DATE_ORDER on `concludedOn`);
 * - the conclusion text is not blank (`conclusion`, VALIDATION);
 * - each `subjects[i].memberId` is one of the inspection's subjects, listed once (VALIDATION);
 * - a discipline only follows an inspection, not a supervision (`subjects[i].discipline`, VALIDATION); it is
 *   decided on or after the conclusion and not in the future (`subjects[i].discipline.decidedOn`); its form
 *   exists for the member's status on the decision date (a probationary member only KHIEN_TRACH or CANH_CAO:
 *   DISCIPLINE_FORM_NOT_ALLOWED on `subjects[i].discipline.form`) and lies within the deciding body's authority
 *   (a cell: KHIEN_TRACH or CANH_CAO, Charter art. 36: DISCIPLINE_AUTHORITY on `subjects[i].discipline.decidingBody`).
 */
export const validateConclusion = (input: ConclusionInput): CodedFieldError[] => {
  const errors: CodedFieldError[] = [];
  if (!input.startedOn)
    errors.push({
      field: 'startedOn',
      reason: 'the start date of the inspection is required to conclude it',
      code: 'VALIDATION',
    });
  errors.push(...validateInspectionDates({ startedOn: input.startedOn, concludedOn: input.concludedOn }, input.today));
  if (!input.conclusion || !input.conclusion.trim())
    errors.push({ field: 'conclusion', reason: 'a concluded inspection needs its conclusion', code: 'VALIDATION' });
  const known = new Set(input.subjectIds);
  const seen = new Set<string>();
  input.subjects.forEach((s, i) => {
    if (!known.has(s.memberId))
      errors.push({ field: `subjects.${i}.memberId`, reason: 'not a subject of this inspection', code: 'VALIDATION' });
    else if (seen.has(s.memberId))
      errors.push({ field: `subjects.${i}.memberId`, reason: 'the same member is listed twice', code: 'VALIDATION' });
    seen.add(s.memberId);
    const d = s.discipline;
    if (!d) return;
    const at = `subjects.${i}.discipline`;
    if (isSupervision(input.type)) {
      errors.push({
        field: at,
        reason: 'discipline follows an inspection, not a supervision: open an inspection first',
        code: 'VALIDATION',
      });
      return;
    }
    if (!isValidIsoDate(d.decidedOn))
      errors.push({ field: `${at}.decidedOn`, reason: 'must be a date YYYY-MM-DD', code: 'VALIDATION' });
    else if (isValidIsoDate(input.concludedOn) && compareIsoDate(d.decidedOn, input.concludedOn) < 0) {
      errors.push({
        field: `${at}.decidedOn`,
        reason: 'a discipline decision must not be dated before the conclusion',
        code: 'INVALID_DATE_ORDER',
      });
    } else if (compareIsoDate(d.decidedOn, input.today) > 0)
      errors.push({
        field: `${at}.decidedOn`,
        reason: 'must not be after today',
        code: 'VALIDATION',
        specific: DATE_IN_FUTURE,
      });
    try {
      assertDisciplineAllowed({
        memberStatus: d.memberStatus,
        form: d.form,
        body: d.decidingBody,
        authority: input.authority,
      });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      errors.push({ field: `${at}.${e.field ?? 'form'}`, reason: e.message, code: e.code });
    }
  });
  return errors;
};

/**
 * Throws the first problem as a DomainError carrying all of them (details.errors), or returns when there are none.
 * When every problem has the same specific reason (e.g. DATE_IN_FUTURE), it becomes the error's reason too.
 */
export const throwFieldErrors = (errors: readonly CodedFieldError[], message?: string): void => {
  const [first] = errors;
  if (!first) return;
  const shared = first.specific && errors.every((e) => e.specific === first.specific) ? { reason: first.specific } : {};
  throw new DomainError(first.code, message ?? `${first.field}: ${first.reason}`, first.field, { errors, ...shared });
};
