import {
  ATTENDANCE,
  ATTENDANCE_LABELS,
  countsAsRegular,
  countsAsThematic,
  regularMeetingsInMonth,
  isAttendance,
  isHeldState,
  isMeetingKind,
  MEETING_FORMAT_LABELS,
  MEETING_FORMATS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_MODE_LABELS,
  MEETING_MODES,
  MEETING_STATE_LABELS,
  MEETING_STATES,
  QUALITY_CRITERIA,
  QUALITY_CRITERION_LABELS,
  QUALITY_CRITERION_TEXTS,
} from './kinds';
import type { Label } from '../labels';

const complete = (codes: readonly string[], table: Record<string, Label>): void => {
  expect(Object.keys(table).sort()).toEqual([...codes].sort());
  for (const code of codes) {
    expect(table[code]?.vi.trim()).not.toBe('');
    expect(table[code]?.en.trim()).not.toBe('');
    expect(table[code]?.vi).toBe(table[code]?.vi.normalize('NFC'));
  }
};

describe('meeting enumerations', () => {
  it('has the codes the API stores, in order', () => {
    expect(MEETING_KINDS).toEqual(['REGULAR', 'THEMATIC', 'COMBINED', 'IDEOLOGICAL', 'EXTRAORDINARY', 'CONGRESS']);
    expect(MEETING_MODES).toEqual(['IN_PERSON', 'ONLINE', 'HYBRID']);
    expect(MEETING_FORMATS).toEqual([
      'STANDARD',
      'SKIT',
      'ROUND_TABLE',
      'HISTORIC_SITE_VISIT',
      'DOCUMENTARY',
      'SLIDES_LEAD_REPORT',
      'STORIES',
      'OTHER',
    ]);
    expect(MEETING_STATES).toEqual(['PLANNED', 'HELD', 'CLOSED', 'CANCELLED']);
    expect(ATTENDANCE).toEqual(['PRESENT', 'ABSENT_EXCUSED', 'ABSENT_UNEXCUSED', 'EXEMPT']);
    expect(QUALITY_CRITERIA).toEqual(['ATTENDANCE', 'PREPARATION', 'CONDUCT', 'PRINCIPLES', 'RESOLUTION_RESULTS']);
  });

  it('labels every code in both languages', () => {
    complete(MEETING_KINDS, MEETING_KIND_LABELS);
    complete(MEETING_MODES, MEETING_MODE_LABELS);
    complete(MEETING_FORMATS, MEETING_FORMAT_LABELS);
    complete(MEETING_STATES, MEETING_STATE_LABELS);
    complete(ATTENDANCE, ATTENDANCE_LABELS);
    complete(QUALITY_CRITERIA, QUALITY_CRITERION_LABELS);
    complete(QUALITY_CRITERIA, QUALITY_CRITERION_TEXTS);
  });

  it('names the kinds as the guidance does', () => {
    expect(Object.fromEntries(MEETING_KINDS.map((k) => [k, MEETING_KIND_LABELS[k].vi]))).toEqual({
      REGULAR: 'Sinh hoạt thường kỳ',
      THEMATIC: 'Sinh hoạt chuyên đề',
      COMBINED: 'Sinh hoạt thường kỳ kết hợp chuyên đề',
      IDEOLOGICAL: 'Sinh hoạt tư tưởng',
      EXTRAORDINARY: 'Sinh hoạt bất thường',
      CONGRESS: 'Đại hội',
    });
    expect(MEETING_FORMAT_LABELS.SKIT.vi).toBe('Trình bày tiểu phẩm');
    expect(MEETING_FORMAT_LABELS.ROUND_TABLE.vi).toBe('Tọa đàm');
    expect(ATTENDANCE_LABELS.ABSENT_UNEXCUSED.vi).toBe('Vắng không có lý do');
  });

  it('letters the HD 12 criteria a–e and keeps the 85% and 90-minute figures in the text', () => {
    expect(QUALITY_CRITERIA.map((c) => QUALITY_CRITERION_TEXTS[c].vi.slice(0, 2))).toEqual([
      'a)',
      'b)',
      'c)',
      'd)',
      'e)',
    ]);
    expect(QUALITY_CRITERIA.map((c) => QUALITY_CRITERION_TEXTS[c].en.slice(0, 2))).toEqual([
      'a)',
      'b)',
      'c)',
      'd)',
      'e)',
    ]);
    expect(QUALITY_CRITERION_TEXTS.ATTENDANCE.vi).toContain('trên 85%');
    expect(QUALITY_CRITERION_TEXTS.CONDUCT.vi).toContain('90 phút');
  });
});

describe('countsAsRegular / countsAsThematic', () => {
  it.each([
    ['REGULAR', true, false],
    ['THEMATIC', false, true],
    ['COMBINED', true, true],
    ['IDEOLOGICAL', false, false],
    ['EXTRAORDINARY', false, false],
    ['CONGRESS', false, false],
  ] as const)('%s → regular %s, thematic %s', (kind, regular, thematic) => {
    expect(countsAsRegular(kind)).toBe(regular);
    expect(countsAsThematic(kind)).toBe(thematic);
  });
});

describe('guards', () => {
  it('isMeetingKind', () => {
    for (const k of MEETING_KINDS) expect(isMeetingKind(k)).toBe(true);
    for (const v of ['regular', 'THUONG_KY', '', null, 3]) expect(isMeetingKind(v)).toBe(false);
  });
  it('isAttendance', () => {
    for (const a of ATTENDANCE) expect(isAttendance(a)).toBe(true);
    for (const v of ['ABSENT', 'present', undefined]) expect(isAttendance(v)).toBe(false);
  });
  it('isHeldState: HELD and CLOSED only', () => {
    expect(MEETING_STATES.filter(isHeldState)).toEqual(['HELD', 'CLOSED']);
  });
});

describe('regularMeetingsInMonth: one regular meeting a month', () => {
  const march = [
    { id: 'a', kind: 'REGULAR', state: 'HELD', date: '2025-03-05' },
    { id: 'b', kind: 'THEMATIC', state: 'PLANNED', date: '2025-03-20' },
    { id: 'c', kind: 'COMBINED', state: 'CANCELLED', date: '2025-03-25' },
    { id: 'd', kind: 'REGULAR', state: 'PLANNED', date: '2025-04-01' },
    { id: 'e', kind: 'REGULAR', state: 'HELD', date: '2024-03-10' },
  ] as const;

  it('finds the regular meeting already in the month of a new regular or combined one', () => {
    expect(regularMeetingsInMonth('REGULAR', '2025-03-31', march).map((m) => m.id)).toEqual(['a']);
    expect(regularMeetingsInMonth('COMBINED', '2025-03-01', march).map((m) => m.id)).toEqual(['a']);
    expect(regularMeetingsInMonth('REGULAR', '2025-04-15', march).map((m) => m.id)).toEqual(['d']);
  });

  it('ignores cancelled and non-regular meetings, other years, and the meeting being edited', () => {
    expect(regularMeetingsInMonth('REGULAR', '2025-03-10', march, 'a')).toEqual([]);
    expect(regularMeetingsInMonth('REGULAR', '2025-05-10', march)).toEqual([]);
    expect(regularMeetingsInMonth('REGULAR', '2024-03-31', march).map((m) => m.id)).toEqual(['e']);
    expect(regularMeetingsInMonth('REGULAR', '2025-03-10', [march[1], march[2]])).toEqual([]);
  });

  it('asks nothing for a meeting that is not regular, or without a valid date', () => {
    for (const kind of ['THEMATIC', 'IDEOLOGICAL', 'EXTRAORDINARY', 'CONGRESS'] as const)
      expect(regularMeetingsInMonth(kind, '2025-03-10', march)).toEqual([]);
    expect(regularMeetingsInMonth('REGULAR', '2025-13-01', march)).toEqual([]);
  });
});
