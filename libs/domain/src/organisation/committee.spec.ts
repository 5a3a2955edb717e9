import { DEFAULT_POLICY, resolvePolicy } from '../policy';
import {
  activeSeatHolders,
  activeSeats,
  CELL_COMMITTEE_MAX_SIZE,
  COMMITTEE_ROLE_LABELS,
  COMMITTEE_ROLES,
  committeeRolesFor,
  hasCellCommittee,
  validateCommitteeSeats,
  type CommitteeRole,
  type CommitteeSeat,
} from './committee';

const seat = (memberId: string, role: CommitteeRole, from = '2020-07-01', to: string | null = null): CommitteeSeat => ({
  memberId,
  role,
  from,
  to,
});

describe('COMMITTEE_ROLES', () => {
  it('has four roles with labels', () => {
    expect(COMMITTEE_ROLES).toEqual(['SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER', 'COMMITTEE_MEMBER']);
    expect(COMMITTEE_ROLE_LABELS.SECRETARY.vi).toBe('Bí thư');
    expect(COMMITTEE_ROLE_LABELS.DEPUTY_SECRETARY.vi).toBe('Phó Bí thư');
    expect(COMMITTEE_ROLE_LABELS.STANDING_MEMBER.vi).toBe('Ủy viên Ban Thường vụ');
    expect(COMMITTEE_ROLE_LABELS.COMMITTEE_MEMBER.vi).toBe('Cấp ủy viên');
  });
});

describe('activeSeats', () => {
  const s = seat('a', 'SECRETARY', '2020-07-01', '2025-07-01');
  it.each([
    ['2020-06-30', 0],
    ['2020-07-01', 1],
    ['2025-06-30', 1],
    ['2025-07-01', 0],
  ])('on %s → %i', (d, n) => expect(activeSeats([s], d)).toHaveLength(n));
  it('keeps open seats', () => {
    expect(activeSeats([seat('a', 'SECRETARY', '2020-07-01', null)], '2099-01-01')).toHaveLength(1);
  });
  it('counts each member once', () => {
    expect(
      activeSeatHolders(
        [seat('a', 'SECRETARY'), seat('a', 'STANDING_MEMBER'), seat('b', 'COMMITTEE_MEMBER')],
        '2021-01-01',
      ),
    ).toEqual(['a', 'b']);
  });
});

describe('hasCellCommittee', () => {
  it('needs at least 3 distinct seat holders (secretary + deputy alone is not a chi ủy)', () => {
    const two = [seat('a', 'SECRETARY'), seat('b', 'DEPUTY_SECRETARY')];
    expect(hasCellCommittee(two, '2021-01-01', DEFAULT_POLICY)).toBe(false);
    expect(hasCellCommittee([...two, seat('c', 'COMMITTEE_MEMBER')], '2021-01-01', DEFAULT_POLICY)).toBe(true);
  });
  it('does not count the same member twice', () => {
    const seats = [seat('a', 'SECRETARY'), seat('a', 'COMMITTEE_MEMBER'), seat('b', 'DEPUTY_SECRETARY')];
    expect(hasCellCommittee(seats, '2021-01-01', DEFAULT_POLICY)).toBe(false);
  });
  it('ignores ended and future seats', () => {
    const seats = [
      seat('a', 'SECRETARY'),
      seat('b', 'DEPUTY_SECRETARY'),
      seat('c', 'COMMITTEE_MEMBER', '2020-07-01', '2022-01-01'),
    ];
    expect(hasCellCommittee(seats, '2021-12-31', DEFAULT_POLICY)).toBe(true);
    expect(hasCellCommittee(seats, '2022-01-01', DEFAULT_POLICY)).toBe(false);
    expect(hasCellCommittee(seats, '2020-06-30', DEFAULT_POLICY)).toBe(false);
  });
  it('reads the minimum size from the policy', () => {
    const p = resolvePolicy(
      [
        {
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
          depth: 0,
          values: { organisation: { cellCommitteeMinSize: 2 } },
        },
      ],
      '2021-01-01',
    );
    expect(hasCellCommittee([seat('a', 'SECRETARY'), seat('b', 'DEPUTY_SECRETARY')], '2021-01-01', p)).toBe(true);
  });
});

describe('validateCommitteeSeats', () => {
  it('accepts a clean history with a same-day handover', () => {
    const seats = [
      seat('a', 'SECRETARY', '2015-07-01', '2020-07-01'),
      seat('b', 'SECRETARY', '2020-07-01', null),
      seat('c', 'DEPUTY_SECRETARY', '2020-07-01', null),
      seat('d', 'COMMITTEE_MEMBER', '2020-07-01', '2020-07-01'), // from == to is allowed (empty)
    ];
    expect(validateCommitteeSeats(seats, 'SUBORDINATE_CELL')).toEqual([]);
    expect(validateCommitteeSeats([])).toEqual([]);
  });

  it('rejects bad dates and to before from', () => {
    expect(
      validateCommitteeSeats([
        seat('a', 'SECRETARY', '2020-02-30'),
        seat('b', 'COMMITTEE_MEMBER', '2020-07-01', '2020-13-01'),
        seat('c', 'COMMITTEE_MEMBER', '2020-07-01', '2020-06-30'),
      ]),
    ).toEqual([
      { field: 'seats[0].from', reason: 'must be a date YYYY-MM-DD' },
      { field: 'seats[1].to', reason: 'must be a date YYYY-MM-DD or null' },
      { field: 'seats[2].to', reason: 'must not be before from' },
    ]);
  });

  it('allows one secretary at a time', () => {
    expect(
      validateCommitteeSeats([
        seat('a', 'SECRETARY', '2015-07-01', '2020-07-02'),
        seat('b', 'SECRETARY', '2020-07-01'),
      ]),
    ).toEqual([{ field: 'seats[1].from', reason: 'overlaps the secretary seat seats[0]' }]);
    expect(
      validateCommitteeSeats([
        seat('a', 'SECRETARY', '2015-07-01'),
        seat('b', 'SECRETARY', '2020-07-01', '2021-01-01'),
      ]),
    ).toEqual([{ field: 'seats[1].from', reason: 'overlaps the secretary seat seats[0]' }]);
  });

  it('allows several deputies and standing members outside cells', () => {
    const seats = [
      seat('a', 'SECRETARY'),
      seat('b', 'DEPUTY_SECRETARY'),
      seat('c', 'DEPUTY_SECRETARY'),
      seat('d', 'STANDING_MEMBER'),
    ];
    expect(validateCommitteeSeats(seats, 'GRASSROOTS_COMMITTEE')).toEqual([]);
    expect(validateCommitteeSeats(seats)).toEqual([]);
  });

  it('in a cell: one deputy, no standing committee', () => {
    const seats = [
      seat('a', 'SECRETARY'),
      seat('b', 'DEPUTY_SECRETARY'),
      seat('c', 'DEPUTY_SECRETARY'),
      seat('d', 'STANDING_MEMBER'),
    ];
    expect(validateCommitteeSeats(seats, 'GRASSROOTS_CELL')).toEqual([
      { field: 'seats[2].from', reason: 'overlaps the deputy secretary seat seats[1]' },
      { field: 'seats[3].role', reason: 'a cell has no standing committee' },
    ]);
  });

  it('in a cell: at most 7 members at once (7 ok, 8 not)', () => {
    expect(CELL_COMMITTEE_MAX_SIZE).toBe(7);
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) =>
      seat(id, i === 0 ? 'SECRETARY' : 'COMMITTEE_MEMBER'),
    );
    expect(validateCommitteeSeats(seven, 'SUBORDINATE_CELL')).toEqual([]);
    // the same member with two seats still counts once
    expect(validateCommitteeSeats([...seven, seat('a', 'COMMITTEE_MEMBER')], 'SUBORDINATE_CELL')).toEqual([]);
    const eight = [...seven, seat('h', 'COMMITTEE_MEMBER', '2022-01-01')];
    expect(validateCommitteeSeats(eight, 'SUBORDINATE_CELL')).toEqual([
      { field: 'seats', reason: 'a cell committee has at most 7 members (8 on 2022-01-01)' },
    ]);
    expect(validateCommitteeSeats(eight, 'GRASSROOTS_COMMITTEE')).toEqual([]);
    expect(validateCommitteeSeats(eight, 'SUBORDINATE_CELL', 8)).toEqual([]);
  });

  it('in a cell: 8 over time is fine when they do not overlap', () => {
    const seats = [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => seat(id, 'COMMITTEE_MEMBER')),
      seat('g', 'COMMITTEE_MEMBER', '2020-07-01', '2022-01-01'),
      seat('h', 'COMMITTEE_MEMBER', '2022-01-01'),
    ];
    expect(validateCommitteeSeats(seats, 'GRASSROOTS_CELL')).toEqual([]);
  });
});

describe('committeeRolesFor', () => {
  it('offers no standing committee seat on a cell', () => {
    expect(committeeRolesFor('GRASSROOTS_CELL')).toEqual(['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER']);
    expect(committeeRolesFor('SUBORDINATE_CELL')).not.toContain('STANDING_MEMBER');
    expect(committeeRolesFor('GRASSROOTS_COMMITTEE')).toEqual([...COMMITTEE_ROLES]);
    // every role offered passes the seat rule for that kind
    for (const kind of ['GRASSROOTS_CELL', 'COMMITTEE'] as const) {
      for (const role of committeeRolesFor(kind))
        expect(validateCommitteeSeats([{ memberId: 'm', role, from: '2026-01-01', to: null }], kind)).toEqual([]);
    }
  });
});
