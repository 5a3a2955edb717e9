import { DomainError } from '../errors';
import type { Label } from '../labels';
import { MEMBER_STATUS_LABELS, type MemberStatus } from './status';

export const DISCIPLINE_FORMS = ['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU', 'GIAI_TAN'] as const;

export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

export const DISCIPLINE_FORM_LABELS: Record<DisciplineForm, Label> = {
  KHIEN_TRACH: { vi: 'Khiển trách', en: 'Reprimand' },
  CANH_CAO: { vi: 'Cảnh cáo', en: 'Warning' },
  CACH_CHUC: { vi: 'Cách chức', en: 'Removal from post' },
  KHAI_TRU: { vi: 'Khai trừ', en: 'Expulsion' },
  GIAI_TAN: { vi: 'Giải tán', en: 'Dissolution' },
};

export type DisciplineSubject = 'ORGANISATION' | 'FULL' | 'PROBATIONARY';

const FORMS_BY_SUBJECT: Record<DisciplineSubject, readonly DisciplineForm[]> = {
  ORGANISATION: ['KHIEN_TRACH', 'CANH_CAO', 'GIAI_TAN'],
  FULL: ['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU'],
  PROBATIONARY: ['KHIEN_TRACH', 'CANH_CAO'],
};

/** Discipline forms that exist for a subject (docs/rules.md#r-discipline-forms), lightest first. */
export const disciplineFormsFor = (subject: DisciplineSubject): DisciplineForm[] => [...FORMS_BY_SUBJECT[subject]];

export const DECIDING_BODIES = [
  'CELL',
  'CELL_COMMITTEE',
  'GRASSROOTS_COMMITTEE',
  'STANDING_COMMITTEE',
  'INSPECTION_COMMISSION',
  'HIGHER_COMMITTEE',
] as const;

export type DecidingBody = (typeof DECIDING_BODIES)[number];

export const DECIDING_BODY_LABELS: Record<DecidingBody, Label> = {
  CELL: { vi: 'Chi bộ', en: 'Party cell' },
  CELL_COMMITTEE: { vi: 'Chi ủy', en: 'Cell committee' },
  GRASSROOTS_COMMITTEE: { vi: 'Đảng ủy cơ sở', en: 'Grassroots party committee' },
  STANDING_COMMITTEE: { vi: 'Ban Thường vụ', en: 'Standing committee' },
  INSPECTION_COMMISSION: { vi: 'Ủy ban Kiểm tra', en: 'Inspection commission' },
  HIGHER_COMMITTEE: { vi: 'Cấp ủy cấp trên', en: 'Higher committee' },
};

/** Which forms each body may impose; a table so that a deployment can pass its own. */
export type DisciplineAuthority = Record<DecidingBody, readonly DisciplineForm[]>;

/**
 * Default authority (docs/rules.md#r-discipline-authority; Charter art. 36):
 * - a CELL may impose KHIEN_TRACH and CANH_CAO on its own members (that the member belongs to the cell is
 *   the caller's check);
 * - a CELL_COMMITTEE (chi ủy) cannot discipline by itself: it prepares, the cell meeting decides;
 * - bodies above the cell may impose every form on members and reprimand or warn organisations, but
 *   GIAI_TAN (dissolving an organisation) is reserved to HIGHER_COMMITTEE, because the Charter has the
 *   committee two levels up decide it on the proposal of the one directly above.
 */
export const DEFAULT_DISCIPLINE_AUTHORITY: DisciplineAuthority = Object.freeze({
  CELL: ['KHIEN_TRACH', 'CANH_CAO'],
  CELL_COMMITTEE: [],
  GRASSROOTS_COMMITTEE: ['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU'],
  STANDING_COMMITTEE: ['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU'],
  INSPECTION_COMMISSION: ['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU'],
  HIGHER_COMMITTEE: ['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU', 'GIAI_TAN'],
});

/** Whether `body` may impose `form` under `authority` (default DEFAULT_DISCIPLINE_AUTHORITY). */
export const bodyMayImpose = (
  body: DecidingBody,
  form: DisciplineForm,
  authority: DisciplineAuthority = DEFAULT_DISCIPLINE_AUTHORITY,
): boolean => authority[body].includes(form);

/**
 * The forms a deciding body may impose on a member of this status (what the API enforces: the forms that exist for
 * the status, within the body's authority); empty for anyone who is not a current member. A null body: every form
 * that exists for the status.
 */
export const allowedDisciplineForms = (
  status: string | null | undefined,
  body: DecidingBody | null | undefined,
  authority: DisciplineAuthority = DEFAULT_DISCIPLINE_AUTHORITY,
): DisciplineForm[] => {
  if (status !== 'FULL' && status !== 'PROBATIONARY') return [];
  const forms = disciplineFormsFor(status);
  return body ? forms.filter((f) => bodyMayImpose(body, f, authority)) : forms;
};

const assertAuthority = (body: DecidingBody, form: DisciplineForm, authority: DisciplineAuthority): void => {
  if (bodyMayImpose(body, form, authority)) return;
  throw new DomainError(
    'DISCIPLINE_AUTHORITY',
    `${DECIDING_BODY_LABELS[body].en} may not impose ${DISCIPLINE_FORM_LABELS[form].en.toLowerCase()}`,
    'decidingBody',
    { body, form, allowed: authority[body] },
  );
};

/**
 * Checks a discipline decision against a member: the form must exist for the member's status
 * (DisciplineForm for FULL or PROBATIONARY; no member in another status can be disciplined), else
 * DomainError('DISCIPLINE_FORM_NOT_ALLOWED', …, 'form'); then the body must have the authority, else
 * DomainError('DISCIPLINE_AUTHORITY', …, 'decidingBody').
 */
export const assertDisciplineAllowed = (input: {
  memberStatus: MemberStatus;
  form: DisciplineForm;
  body: DecidingBody;
  authority?: DisciplineAuthority;
}): void => {
  const { memberStatus, form, body } = input;
  if (memberStatus !== 'FULL' && memberStatus !== 'PROBATIONARY') {
    throw new DomainError(
      'DISCIPLINE_FORM_NOT_ALLOWED',
      `A member who is ${MEMBER_STATUS_LABELS[memberStatus].en.toLowerCase()} cannot be disciplined`,
      'form',
      { memberStatus, form, allowed: [] },
    );
  }
  const allowed = FORMS_BY_SUBJECT[memberStatus];
  if (!allowed.includes(form)) {
    throw new DomainError(
      'DISCIPLINE_FORM_NOT_ALLOWED',
      `${DISCIPLINE_FORM_LABELS[form].en} is not a discipline form for a ${memberStatus === 'FULL' ? 'full' : 'probationary'} member`,
      'form',
      { memberStatus, form, allowed },
    );
  }
  assertAuthority(body, form, input.authority ?? DEFAULT_DISCIPLINE_AUTHORITY);
};

/**
 * The same check for a party organisation as the subject: forms KHIEN_TRACH, CANH_CAO, GIAI_TAN
 * (DISCIPLINE_FORM_NOT_ALLOWED, 'form'); a cell or cell committee never disciplines an organisation,
 * otherwise the authority table decides (DISCIPLINE_AUTHORITY, 'decidingBody').
 */
export const assertOrganisationDisciplineAllowed = (input: {
  form: DisciplineForm;
  body: DecidingBody;
  authority?: DisciplineAuthority;
}): void => {
  const allowed = FORMS_BY_SUBJECT.ORGANISATION;
  if (!allowed.includes(input.form)) {
    throw new DomainError(
      'DISCIPLINE_FORM_NOT_ALLOWED',
      `${DISCIPLINE_FORM_LABELS[input.form].en} is not a discipline form for an organisation`,
      'form',
      { form: input.form, allowed },
    );
  }
  // A cell has no organisations under it (a party group is not disciplined as such).
  if (input.body === 'CELL' || input.body === 'CELL_COMMITTEE') {
    throw new DomainError(
      'DISCIPLINE_AUTHORITY',
      `${DECIDING_BODY_LABELS[input.body].en} cannot discipline an organisation`,
      'decidingBody',
      {
        body: input.body,
        form: input.form,
      },
    );
  }
  assertAuthority(input.body, input.form, input.authority ?? DEFAULT_DISCIPLINE_AUTHORITY);
};
