import { DomainError } from '../errors';
import {
  allowedDisciplineForms,
  assertDisciplineAllowed,
  assertOrganisationDisciplineAllowed,
  bodyMayImpose,
  DECIDING_BODIES,
  DECIDING_BODY_LABELS,
  DEFAULT_DISCIPLINE_AUTHORITY,
  DISCIPLINE_FORM_LABELS,
  DISCIPLINE_FORMS,
  disciplineFormsFor,
  type DecidingBody,
  type DisciplineAuthority,
  type DisciplineForm,
} from './discipline';

const codeOf = (fn: () => void): [string, string | undefined] | null => {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return [e.code, e.field];
  }
};

describe('disciplineFormsFor', () => {
  it('follows docs/rules.md#r-discipline-forms', () => {
    expect(disciplineFormsFor('ORGANISATION')).toEqual(['KHIEN_TRACH', 'CANH_CAO', 'GIAI_TAN']);
    expect(disciplineFormsFor('FULL')).toEqual(['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU']);
    expect(disciplineFormsFor('PROBATIONARY')).toEqual(['KHIEN_TRACH', 'CANH_CAO']);
  });
  it('returns a copy', () => {
    disciplineFormsFor('PROBATIONARY').push('KHAI_TRU');
    expect(disciplineFormsFor('PROBATIONARY')).toHaveLength(2);
  });
});

// The whole authority table: rows are bodies, columns the forms in DISCIPLINE_FORMS order.
const AUTHORITY: Record<DecidingBody, boolean[]> = {
  //                     KT     CC     CCHUC  KTRU   GT
  CELL: /*          */ [true, true, false, false, false],
  CELL_COMMITTEE: /**/ [false, false, false, false, false],
  GRASSROOTS_COMMITTEE: [true, true, true, true, false],
  STANDING_COMMITTEE: [true, true, true, true, false],
  INSPECTION_COMMISSION: [true, true, true, true, false],
  HIGHER_COMMITTEE: [true, true, true, true, true],
};

describe('bodyMayImpose', () => {
  it.each(DECIDING_BODIES.flatMap((b) => DISCIPLINE_FORMS.map((f, i) => [b, f, AUTHORITY[b][i]] as const)))(
    '%s imposes %s → %s',
    (b, f, ok) => expect(bodyMayImpose(b, f)).toBe(ok),
  );
  it('takes an overriding table', () => {
    const custom: DisciplineAuthority = { ...DEFAULT_DISCIPLINE_AUTHORITY, CELL_COMMITTEE: ['KHIEN_TRACH'] };
    expect(bodyMayImpose('CELL_COMMITTEE', 'KHIEN_TRACH', custom)).toBe(true);
    expect(bodyMayImpose('CELL_COMMITTEE', 'KHIEN_TRACH')).toBe(false);
  });
});

describe('assertDisciplineAllowed', () => {
  it.each([
    ['FULL', 'CANH_CAO', 'CELL', null],
    ['FULL', 'KHIEN_TRACH', 'CELL', null],
    ['PROBATIONARY', 'CANH_CAO', 'CELL', null],
    ['FULL', 'KHAI_TRU', 'GRASSROOTS_COMMITTEE', null],
    ['FULL', 'CACH_CHUC', 'INSPECTION_COMMISSION', null],
    ['FULL', 'KHAI_TRU', 'CELL', ['DISCIPLINE_AUTHORITY', 'decidingBody']],
    ['FULL', 'CACH_CHUC', 'CELL', ['DISCIPLINE_AUTHORITY', 'decidingBody']],
    ['FULL', 'KHIEN_TRACH', 'CELL_COMMITTEE', ['DISCIPLINE_AUTHORITY', 'decidingBody']],
    ['PROBATIONARY', 'CACH_CHUC', 'HIGHER_COMMITTEE', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']],
    ['PROBATIONARY', 'KHAI_TRU', 'HIGHER_COMMITTEE', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']],
    ['PROBATIONARY', 'KHAI_TRU', 'CELL', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']], // form checked first
    ['FULL', 'GIAI_TAN', 'HIGHER_COMMITTEE', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']],
    ['REMOVED', 'KHIEN_TRACH', 'HIGHER_COMMITTEE', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']],
    ['DECEASED', 'KHIEN_TRACH', 'CELL', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']],
  ] as const)('%s member, %s by %s', (memberStatus, form, body, expected) => {
    expect(codeOf(() => assertDisciplineAllowed({ memberStatus, form, body }))).toEqual(
      expected === null ? null : [...expected],
    );
  });
  it('uses a custom authority table', () => {
    const authority: DisciplineAuthority = { ...DEFAULT_DISCIPLINE_AUTHORITY, CELL: ['KHIEN_TRACH'] };
    expect(
      codeOf(() => assertDisciplineAllowed({ memberStatus: 'FULL', form: 'CANH_CAO', body: 'CELL', authority })),
    ).toEqual(['DISCIPLINE_AUTHORITY', 'decidingBody']);
  });
  it('says what is allowed', () => {
    try {
      assertDisciplineAllowed({ memberStatus: 'PROBATIONARY', form: 'KHAI_TRU', body: 'CELL' });
    } catch (e) {
      expect((e as DomainError).details).toEqual({
        memberStatus: 'PROBATIONARY',
        form: 'KHAI_TRU',
        allowed: ['KHIEN_TRACH', 'CANH_CAO'],
      });
      expect((e as DomainError).message).toBe('Expulsion is not a discipline form for a probationary member');
    }
  });
});

describe('assertOrganisationDisciplineAllowed', () => {
  it.each([
    ['GIAI_TAN', 'HIGHER_COMMITTEE', null],
    ['CANH_CAO', 'INSPECTION_COMMISSION', null],
    ['KHIEN_TRACH', 'GRASSROOTS_COMMITTEE', null],
    ['GIAI_TAN', 'GRASSROOTS_COMMITTEE', ['DISCIPLINE_AUTHORITY', 'decidingBody']],
    ['GIAI_TAN', 'STANDING_COMMITTEE', ['DISCIPLINE_AUTHORITY', 'decidingBody']],
    ['KHIEN_TRACH', 'CELL', ['DISCIPLINE_AUTHORITY', 'decidingBody']],
    ['KHIEN_TRACH', 'CELL_COMMITTEE', ['DISCIPLINE_AUTHORITY', 'decidingBody']],
    ['KHAI_TRU', 'HIGHER_COMMITTEE', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']],
    ['CACH_CHUC', 'HIGHER_COMMITTEE', ['DISCIPLINE_FORM_NOT_ALLOWED', 'form']],
  ] as const)('%s by %s', (form: DisciplineForm, body: DecidingBody, expected) => {
    expect(codeOf(() => assertOrganisationDisciplineAllowed({ form, body }))).toEqual(
      expected === null ? null : [...expected],
    );
  });
});

describe('labels', () => {
  it('forms and bodies', () => {
    expect(DISCIPLINE_FORMS.map((f) => DISCIPLINE_FORM_LABELS[f].vi)).toEqual([
      'Khiển trách',
      'Cảnh cáo',
      'Cách chức',
      'Khai trừ',
      'Giải tán',
    ]);
    expect(DECIDING_BODIES.map((b) => DECIDING_BODY_LABELS[b].vi)).toEqual([
      'Chi bộ',
      'Chi ủy',
      'Đảng ủy cơ sở',
      'Ban Thường vụ',
      'Ủy ban Kiểm tra',
      'Cấp ủy cấp trên',
    ]);
  });
});

describe('allowedDisciplineForms', () => {
  it("gives the forms that exist for the status within the body's authority", () => {
    expect(allowedDisciplineForms('PROBATIONARY', null)).toEqual(['KHIEN_TRACH', 'CANH_CAO']);
    expect(allowedDisciplineForms('FULL', 'CELL')).toEqual(['KHIEN_TRACH', 'CANH_CAO']);
    expect(allowedDisciplineForms('FULL', 'CELL_COMMITTEE')).toEqual([]);
    expect(allowedDisciplineForms('FULL', null)).toEqual(['KHIEN_TRACH', 'CANH_CAO', 'CACH_CHUC', 'KHAI_TRU']);
    expect(allowedDisciplineForms('DECEASED', 'HIGHER_COMMITTEE')).toEqual([]);
    for (const f of allowedDisciplineForms('FULL', 'GRASSROOTS_COMMITTEE'))
      expect(bodyMayImpose('GRASSROOTS_COMMITTEE', f)).toBe(true);
  });
});
