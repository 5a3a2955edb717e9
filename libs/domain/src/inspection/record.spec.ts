import type { CodedFieldError } from '../errors';
import {
  assertInspectionTransition,
  canMoveInspection,
  throwFieldErrors,
  validateConclusion,
  validateInspectionDates,
  type ConclusionInput,
} from './record';

const TODAY = '2026-11-22';

describe('validateInspectionDates', () => {
  it('accepts ordered dates and refuses each disorder with its field', () => {
    expect(
      validateInspectionDates(
        {
          reviewFrom: '2025-01-01',
          reviewTo: '2025-12-31',
          plannedFrom: '2026-03-01',
          plannedTo: '2026-03-31',
          startedOn: '2026-03-02',
          concludedOn: '2026-03-02',
        },
        TODAY,
      ),
    ).toEqual([]);
    expect(
      validateInspectionDates(
        {
          reviewFrom: '2025-12-31',
          reviewTo: '2025-01-01',
          plannedFrom: '2026-03-31',
          plannedTo: '2026-03-01',
          startedOn: '2026-03-10',
          concludedOn: '2026-03-09',
        },
        TODAY,
      ),
    ).toEqual([
      {
        field: 'reviewTo',
        reason: 'the period under review must not end before it starts',
        code: 'INVALID_DATE_ORDER',
      },
      { field: 'plannedTo', reason: 'the planned period must not end before it starts', code: 'INVALID_DATE_ORDER' },
      {
        field: 'concludedOn',
        reason: 'the conclusion must not be dated before the start of the inspection',
        code: 'INVALID_DATE_ORDER',
      },
    ]);
  });

  it('refuses invalid dates and events in the future', () => {
    expect(validateInspectionDates({ startedOn: '2026-02-30' }, TODAY)).toEqual([
      { field: 'startedOn', reason: 'must be a date YYYY-MM-DD', code: 'VALIDATION' },
    ]);
    expect(
      validateInspectionDates(
        { startedOn: '2026-11-23', concludedOn: '2026-11-24', plannedFrom: '2027-01-01' },
        TODAY,
      ).map((e) => e.field),
    ).toEqual(['startedOn', 'concludedOn']);
    expect(validateInspectionDates({ startedOn: '2026-11-23' }, TODAY)).toEqual([
      { field: 'startedOn', reason: 'must not be after today', code: 'VALIDATION', specific: 'DATE_IN_FUTURE' },
    ]);
  });
});

describe('inspection lifecycle', () => {
  it('allows planned → in progress → concluded, planned → concluded or cancelled, nothing after the end', () => {
    expect(canMoveInspection('PLANNED', 'IN_PROGRESS')).toBe(true);
    expect(canMoveInspection('PLANNED', 'CONCLUDED')).toBe(true);
    expect(canMoveInspection('PLANNED', 'CANCELLED')).toBe(true);
    expect(canMoveInspection('IN_PROGRESS', 'CONCLUDED')).toBe(true);
    expect(canMoveInspection('IN_PROGRESS', 'CANCELLED')).toBe(false);
    expect(canMoveInspection('CONCLUDED', 'IN_PROGRESS')).toBe(false);
    expect(() => assertInspectionTransition('CONCLUDED', 'CONCLUDED')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', field: 'id' }),
    );
    expect(() => assertInspectionTransition('CANCELLED', 'IN_PROGRESS')).toThrow(
      'An inspection that is cancelled cannot become in progress',
    );
  });
});

describe('validateConclusion', () => {
  const base: ConclusionInput = {
    type: 'COMPLIANCE',
    subjectIds: ['m1', 'm2'],
    startedOn: '2026-05-04',
    concludedOn: '2026-05-28',
    conclusion: 'Đồng chí chấp hành tốt Điều lệ Đảng.',
    subjects: [{ memberId: 'm1' }, { memberId: 'm2' }],
    today: TODAY,
  };
  const discipline = (over: Partial<NonNullable<ConclusionInput['subjects'][number]['discipline']>> = {}) => ({
    form: 'KHIEN_TRACH' as const,
    decidingBody: 'CELL' as const,
    decidedOn: '2026-06-10',
    memberStatus: 'FULL' as const,
    ...over,
  });

  it('accepts a proper conclusion, with a cell reprimand', () => {
    expect(validateConclusion(base)).toEqual([]);
    expect(validateConclusion({ ...base, subjects: [{ memberId: 'm1', discipline: discipline() }] })).toEqual([]);
  });

  it('refuses a conclusion before the start, without text, or without a start date', () => {
    expect(validateConclusion({ ...base, concludedOn: '2026-05-03' })).toEqual([
      {
        field: 'concludedOn',
        reason: 'the conclusion must not be dated before the start of the inspection',
        code: 'INVALID_DATE_ORDER',
      },
    ]);
    expect(validateConclusion({ ...base, conclusion: '  ' }).map((e) => e.field)).toEqual(['conclusion']);
    expect(validateConclusion({ ...base, startedOn: null }).map((e) => e.field)).toEqual(['startedOn']);
  });

  it('refuses findings for someone who is not a subject, or twice the same', () => {
    expect(
      validateConclusion({ ...base, subjects: [{ memberId: 'm3' }, { memberId: 'm1' }, { memberId: 'm1' }] }),
    ).toEqual([
      { field: 'subjects.0.memberId', reason: 'not a subject of this inspection', code: 'VALIDATION' },
      { field: 'subjects.2.memberId', reason: 'the same member is listed twice', code: 'VALIDATION' },
    ]);
  });

  it('refuses a form reserved for full members for a probationary member', () => {
    const errors = validateConclusion({
      ...base,
      subjects: [
        {
          memberId: 'm1',
          discipline: discipline({
            form: 'CACH_CHUC',
            decidingBody: 'GRASSROOTS_COMMITTEE',
            memberStatus: 'PROBATIONARY',
          }),
        },
      ],
    });
    expect(errors).toEqual([
      {
        field: 'subjects.0.discipline.form',
        reason: 'Removal from post is not a discipline form for a probationary member',
        code: 'DISCIPLINE_FORM_NOT_ALLOWED',
      },
    ]);
  });

  it("refuses a form beyond the deciding body's authority (a cell cannot expel; a chi ủy cannot discipline)", () => {
    expect(
      validateConclusion({ ...base, subjects: [{ memberId: 'm1', discipline: discipline({ form: 'KHAI_TRU' }) }] }),
    ).toEqual([
      {
        field: 'subjects.0.discipline.decidingBody',
        reason: 'Party cell may not impose expulsion',
        code: 'DISCIPLINE_AUTHORITY',
      },
    ]);
    expect(
      validateConclusion({
        ...base,
        subjects: [{ memberId: 'm1', discipline: discipline({ decidingBody: 'CELL_COMMITTEE' }) }],
      })[0]?.code,
    ).toBe('DISCIPLINE_AUTHORITY');
    expect(
      validateConclusion({
        ...base,
        subjects: [
          { memberId: 'm1', discipline: discipline({ form: 'KHAI_TRU', decidingBody: 'GRASSROOTS_COMMITTEE' }) },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses discipline dated before the conclusion or in the future, and discipline from a supervision', () => {
    expect(
      validateConclusion({
        ...base,
        subjects: [{ memberId: 'm1', discipline: discipline({ decidedOn: '2026-05-20' }) }],
      })[0],
    ).toMatchObject({ field: 'subjects.0.discipline.decidedOn', code: 'INVALID_DATE_ORDER' });
    expect(
      validateConclusion({
        ...base,
        subjects: [{ memberId: 'm1', discipline: discipline({ decidedOn: '2026-12-01' }) }],
      })[0],
    ).toMatchObject({ field: 'subjects.0.discipline.decidedOn', code: 'VALIDATION' });
    expect(
      validateConclusion({
        ...base,
        type: 'REGULAR_SUPERVISION',
        subjects: [{ memberId: 'm1', discipline: discipline() }],
      })[0],
    ).toMatchObject({ field: 'subjects.0.discipline', code: 'VALIDATION' });
  });

  it('throws all problems at once, the first one as the error', () => {
    expect(() => throwFieldErrors([])).not.toThrow();
    const errors: [CodedFieldError, CodedFieldError] = [
      { field: 'a', reason: 'x', code: 'INVALID_DATE_ORDER' as const },
      { field: 'b', reason: 'y', code: 'VALIDATION' as const },
    ];
    expect(() => throwFieldErrors(errors)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE_ORDER', field: 'a', details: { errors } }),
    );
    const future: [CodedFieldError, CodedFieldError] = [
      { field: 'a', reason: 'x', code: 'VALIDATION' as const, specific: 'DATE_IN_FUTURE' },
      { field: 'b', reason: 'y', code: 'VALIDATION' as const, specific: 'DATE_IN_FUTURE' },
    ];
    expect(() => throwFieldErrors(future)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: { errors: future, reason: 'DATE_IN_FUTURE' } }),
    );
    expect(() => throwFieldErrors([future[0], errors[1]])).toThrow(
      expect.objectContaining({ details: { errors: [future[0], errors[1]] } }),
    );
  });
});
