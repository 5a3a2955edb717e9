import {
  defaultSchemeForYear,
  equivalentLevel,
  isAtLeast,
  isCollectiveSubject,
  isRatingLevel,
  isRatingScheme,
  isRatingSubjectKind,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_SCHEME_LABELS,
  RATING_SCHEMES,
  RATING_SUBJECT_KIND_LABELS,
  RATING_SUBJECT_KINDS,
  ratingRank,
  ratingSubjectKindOf,
  worseLevel,
} from './kinds';

describe('rating levels', () => {
  it('are ordered best first, with the Vietnamese names', () => {
    expect(RATING_LEVELS.map(ratingRank)).toEqual([0, 1, 2, 3]);
    expect(RATING_LEVEL_LABELS.HTXSNV.vi).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(RATING_LEVEL_LABELS.HTTNV.vi).toBe('Hoàn thành tốt nhiệm vụ');
    expect(RATING_LEVEL_LABELS.HTNV.vi).toBe('Hoàn thành nhiệm vụ');
    expect(RATING_LEVEL_LABELS.KHTNV.vi).toBe('Không hoàn thành nhiệm vụ');
  });

  it('compares', () => {
    expect(worseLevel('HTXSNV', 'HTNV')).toBe('HTNV');
    expect(worseLevel('KHTNV', 'HTTNV')).toBe('KHTNV');
    expect(isAtLeast('HTXSNV', 'HTTNV')).toBe(true);
    expect(isAtLeast('HTTNV', 'HTTNV')).toBe(true);
    expect(isAtLeast('HTNV', 'HTTNV')).toBe(false);
  });

  it('guards untrusted input', () => {
    expect(isRatingLevel('HTNV')).toBe(true);
    expect(isRatingLevel('htnv')).toBe(false);
    expect(isRatingSubjectKind('MEMBER')).toBe(true);
    expect(isRatingSubjectKind('CELL')).toBe(false);
    expect(isRatingScheme('TSVM_2008')).toBe(true);
    expect(isRatingScheme(3)).toBe(false);
  });
});

describe('subject kinds', () => {
  it('map organisation kinds: grassroots committees and cells are grassroots organisations', () => {
    expect(ratingSubjectKindOf('GRASSROOTS_COMMITTEE')).toBe('GRASSROOTS_ORGANISATION');
    expect(ratingSubjectKindOf('GRASSROOTS_CELL')).toBe('GRASSROOTS_ORGANISATION');
    expect(ratingSubjectKindOf('SUB_COMMITTEE')).toBe('SUB_COMMITTEE');
    expect(ratingSubjectKindOf('SUBORDINATE_CELL')).toBe('SUBORDINATE_CELL');
    expect(ratingSubjectKindOf('COMMITTEE')).toBeNull();
    expect(ratingSubjectKindOf('PARTY_GROUP')).toBeNull();
  });

  it('are labelled; only members are individuals', () => {
    for (const k of RATING_SUBJECT_KINDS) expect(RATING_SUBJECT_KIND_LABELS[k].vi).toBeTruthy();
    expect(RATING_SUBJECT_KINDS.filter((k) => !isCollectiveSubject(k))).toEqual(['MEMBER']);
  });
});

describe('schemes', () => {
  it('are labelled', () => {
    for (const s of RATING_SCHEMES) expect(RATING_SCHEME_LABELS[s].vi).toBeTruthy();
  });

  it.each([
    [2026, 'QD366_2025'],
    [2025, 'QD366_2025'],
    [2024, 'QD124_2023'],
    [2023, 'QD124_2023'],
    [2022, 'QD132_2018'],
    [2018, 'QD132_2018'],
    [2017, 'TSVM_2008'],
    [2008, 'TSVM_2008'],
  ] as const)('%i → %s', (year, scheme) => expect(defaultSchemeForYear(year)).toBe(scheme));

  it('reads old "clean and strong" labels as-is, ignoring case and spaces', () => {
    expect(equivalentLevel('TSVM_2008', 'Trong sạch vững mạnh')).toBe('HTTNV');
    expect(equivalentLevel('TSVM_2008', '  trong sạch  vững mạnh tiêu biểu ')).toBe('HTXSNV');
    expect(equivalentLevel('TSVM_2008', 'Yếu kém')).toBe('KHTNV');
    expect(equivalentLevel('TSVM_2008', 'Vi phạm tư cách')).toBe('KHTNV');
    expect(equivalentLevel('TSVM_2008', 'Khá')).toBeNull();
  });

  it('reads the four level names of the schemes since 2018', () => {
    expect(equivalentLevel('QD132_2018', 'Hoàn thành tốt nhiệm vụ')).toBe('HTTNV');
    expect(equivalentLevel('QD366_2025', 'HTXSNV')).toBe('HTXSNV');
    expect(equivalentLevel('QD124_2023', 'Không hoàn thành nhiệm vụ')).toBe('KHTNV');
    expect(equivalentLevel('QD124_2023', 'Trong sạch vững mạnh')).toBeNull();
  });
});
