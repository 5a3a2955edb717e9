import { first } from '../arrays';
import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import { formatFlag, ORGANISATION_FLAG_LABELS, organisationFlags, type OrganisationFlagInput } from './flags';

const input = (over: Partial<OrganisationFlagInput>): OrganisationFlagInput => ({
  kind: 'SUBORDINATE_CELL',
  memberCount: 10,
  fullMemberCount: 5,
  hasCellCommittee: false,
  termEnd: null,
  asOf: '2025-06-01',
  ...over,
});
const codes = (over: Partial<OrganisationFlagInput>, policy = DEFAULT_POLICY): string[] =>
  organisationFlags(input(over), policy).map((f) => f.code);

describe('organisationFlags', () => {
  it('flags nothing for a healthy cell', () => {
    expect(organisationFlags(input({}), DEFAULT_POLICY)).toEqual([]);
  });

  it('grassroots cell: 29 members fine, 30 should become a grassroots committee', () => {
    expect(codes({ kind: 'GRASSROOTS_CELL', memberCount: 29, fullMemberCount: 5 })).toEqual([]);
    expect(
      organisationFlags(input({ kind: 'GRASSROOTS_CELL', memberCount: 30, fullMemberCount: 5 }), DEFAULT_POLICY),
    ).toEqual([{ code: 'GRASSROOTS_CELL_TOO_LARGE', severity: 'warning', params: { memberCount: 30, limit: 30 } }]);
  });

  it('subordinate cell: 30 members fine, 31 should be split', () => {
    expect(codes({ memberCount: 30 })).toEqual([]);
    expect(organisationFlags(input({ memberCount: 31 }), DEFAULT_POLICY)).toEqual([
      { code: 'SUBORDINATE_CELL_TOO_LARGE', severity: 'warning', params: { memberCount: 31, limit: 30 } },
    ]);
  });

  it('size flags apply to their own kind only', () => {
    expect(codes({ kind: 'GRASSROOTS_COMMITTEE', memberCount: 500, fullMemberCount: 400 })).toEqual([]);
    expect(codes({ kind: 'COMMITTEE', memberCount: 5000, fullMemberCount: 4000 })).toEqual([]);
    expect(codes({ kind: 'SUB_COMMITTEE', memberCount: 80, fullMemberCount: 70 })).toEqual([]);
  });

  it('fewer than 3 full members is an error for grassroots organisations and cells', () => {
    for (const kind of ['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL', 'SUBORDINATE_CELL'] as const) {
      expect(codes({ kind, fullMemberCount: 3 })).toEqual([]);
      expect(organisationFlags(input({ kind, fullMemberCount: 2 }), DEFAULT_POLICY)).toEqual([
        { code: 'TOO_FEW_FULL_MEMBERS', severity: 'error', params: { fullMemberCount: 2, minimum: 3 } },
      ]);
    }
    for (const kind of ['COMMITTEE', 'SUB_COMMITTEE', 'PARTY_GROUP'] as const)
      expect(codes({ kind, fullMemberCount: 0 })).toEqual([]);
  });

  it('a cell with 9 full members and no chi ủy', () => {
    expect(codes({ fullMemberCount: 8 })).toEqual([]);
    expect(organisationFlags(input({ fullMemberCount: 9 }), DEFAULT_POLICY)).toEqual([
      { code: 'CELL_COMMITTEE_REQUIRED', severity: 'warning', params: { fullMemberCount: 9, threshold: 9 } },
    ]);
    expect(codes({ fullMemberCount: 9, hasCellCommittee: true })).toEqual([]);
    expect(codes({ kind: 'GRASSROOTS_CELL', fullMemberCount: 12 })).toEqual(['CELL_COMMITTEE_REQUIRED']);
    expect(codes({ kind: 'GRASSROOTS_COMMITTEE', fullMemberCount: 12 })).toEqual([]);
  });

  it('terms: ended before asOf, ending within 90 days', () => {
    expect(organisationFlags(input({ termEnd: '2025-05-31' }), DEFAULT_POLICY)).toEqual([
      { code: 'TERM_ENDED', severity: 'error', params: { termEnd: '2025-05-31', daysAgo: 1 } },
    ]);
    expect(organisationFlags(input({ termEnd: '2025-06-01' }), DEFAULT_POLICY)).toEqual([
      { code: 'TERM_ENDING', severity: 'warning', params: { termEnd: '2025-06-01', daysLeft: 0 } },
    ]);
    expect(codes({ termEnd: '2025-08-30' })).toEqual(['TERM_ENDING']); // 90 days
    expect(codes({ termEnd: '2025-08-31' })).toEqual([]); // 91 days
    expect(codes({ termEnd: null })).toEqual([]);
    expect(codes({ kind: 'COMMITTEE', termEnd: '2025-01-01', fullMemberCount: 0 })).toEqual(['TERM_ENDED']);
  });

  it('reports several flags in a fixed order', () => {
    expect(codes({ kind: 'GRASSROOTS_CELL', memberCount: 35, fullMemberCount: 2, termEnd: '2025-07-01' })).toEqual([
      'GRASSROOTS_CELL_TOO_LARGE',
      'TOO_FEW_FULL_MEMBERS',
      'TERM_ENDING',
    ]);
  });

  it('a dissolved organisation has no flags', () => {
    expect(
      codes({ kind: 'GRASSROOTS_CELL', memberCount: 35, fullMemberCount: 2, termEnd: '2020-01-01', dissolved: true }),
    ).toEqual([]);
    expect(codes({ fullMemberCount: 2, dissolved: false })).toEqual(['TOO_FEW_FULL_MEMBERS']);
  });

  it('reads thresholds from the policy', () => {
    const p = resolvePolicy(
      [
        {
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
          depth: 0,
          values: { organisation: { subordinateCellWarnAbove: 25, termEndingWarnDays: 10 } },
        },
      ],
      '2025-06-01',
    );
    expect(codes({ memberCount: 26 }, p)).toEqual(['SUBORDINATE_CELL_TOO_LARGE']);
    expect(codes({ termEnd: '2025-06-12' }, p)).toEqual([]);
    expect(codes({ termEnd: '2025-06-11' }, p)).toEqual(['TERM_ENDING']);
  });
});

describe('formatFlag', () => {
  it('fills the templates in both languages', () => {
    const flag = first(organisationFlags(input({ termEnd: '2025-06-30' }), DEFAULT_POLICY), 'flag');
    expect(formatFlag(flag, 'vi')).toBe('Nhiệm kỳ kết thúc ngày 30/06/2025 (còn 29 ngày)');
    expect(formatFlag(flag, 'en')).toBe('Term ends on 2025-06-30 (29 days left)');
  });
  it('groups thousands in Vietnamese', () => {
    const flag = {
      code: 'SUBORDINATE_CELL_TOO_LARGE',
      severity: 'warning',
      params: { memberCount: 1234, limit: 30 },
    } as const;
    expect(formatFlag(flag, 'vi')).toBe(
      'Chi bộ trực thuộc có 1.234 đảng viên (trên 30): cần xem xét tách chi bộ hoặc lập đảng bộ bộ phận',
    );
    expect(formatFlag(flag, 'en')).toBe(
      'Subordinate cell has 1234 members (more than 30): consider splitting it or forming a sub-committee',
    );
  });
  it('leaves unknown placeholders alone', () => {
    expect(formatFlag({ code: 'TOO_FEW_FULL_MEMBERS', severity: 'error', params: { fullMemberCount: 1 } }, 'en')).toBe(
      'Only 1 full members (minimum {minimum})',
    );
  });
  it('every flag the rules produce formats completely', () => {
    const all = [
      ...organisationFlags(
        input({ kind: 'GRASSROOTS_CELL', memberCount: 31, fullMemberCount: 2, termEnd: '2025-01-01' }),
        DEFAULT_POLICY,
      ),
      ...organisationFlags(input({ memberCount: 31, fullMemberCount: 9, termEnd: '2025-06-02' }), DEFAULT_POLICY),
    ];
    expect(new Set(all.map((f) => f.code))).toEqual(new Set(Object.keys(ORGANISATION_FLAG_LABELS)));
    for (const f of all) for (const lang of ['vi', 'en'] as const) expect(formatFlag(f, lang)).not.toMatch(/[{}]/);
  });
});
