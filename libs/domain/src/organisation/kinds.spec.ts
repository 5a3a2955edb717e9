import { DomainError } from '../errors';
import {
  allowedChildKinds,
  assertCanBeChildOf,
  canBeChildOf,
  holdsMembers,
  isCell,
  isGrassroots,
  isOrganisationKind,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from './kinds';

// Rows: child; columns: parent (null = root). The full 6 × 7 matrix, written out by hand.
const C = 'COMMITTEE';
const GC = 'GRASSROOTS_COMMITTEE';
const GCELL = 'GRASSROOTS_CELL';
const SUB = 'SUB_COMMITTEE';
const SCELL = 'SUBORDINATE_CELL';
const PG = 'PARTY_GROUP';
const PARENTS: (OrganisationKind | null)[] = [null, C, GC, GCELL, SUB, SCELL, PG];
const MATRIX: Record<OrganisationKind, boolean[]> = {
  //                  null   C      GC     GCELL  SUB    SCELL  PG
  COMMITTEE: /*       */ [true, true, false, false, false, false, false],
  GRASSROOTS_COMMITTEE: [false, true, false, false, false, false, false],
  GRASSROOTS_CELL: /* */ [false, true, false, false, false, false, false],
  SUB_COMMITTEE: /*   */ [false, false, true, false, false, false, false],
  SUBORDINATE_CELL: /**/ [false, false, true, false, true, false, false],
  PARTY_GROUP: /*     */ [false, false, false, true, false, true, false],
};
const cases = ORGANISATION_KINDS.flatMap((child) =>
  PARENTS.map((parent, i) => [child, parent, MATRIX[child][i]] as const),
);

describe('canBeChildOf', () => {
  it.each(cases)('%s under %s → %s', (child, parent, expected) => {
    expect(canBeChildOf(child, parent)).toBe(expected);
  });
});

describe('assertCanBeChildOf', () => {
  it.each(cases)('%s under %s', (child, parent, expected) => {
    if (expected) {
      expect(() => assertCanBeChildOf(child, parent)).not.toThrow();
      return;
    }
    try {
      assertCanBeChildOf(child, parent);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_PARENT_KIND');
      expect((e as DomainError).field).toBe('parentId');
      expect((e as DomainError).details).toMatchObject({ child, parent });
    }
  });
  it('explains a bad root', () => {
    expect(() => assertCanBeChildOf('GRASSROOTS_CELL', null)).toThrow(
      'Grassroots party cell (GRASSROOTS_CELL) cannot be placed at the root',
    );
  });
});

describe('allowedChildKinds', () => {
  it('lists the kinds allowed under each parent', () => {
    expect(allowedChildKinds(null)).toEqual([C]);
    expect(allowedChildKinds(C)).toEqual([C, GC, GCELL]);
    expect(allowedChildKinds(GC)).toEqual([SUB, SCELL]);
    expect(allowedChildKinds(SUB)).toEqual([SCELL]);
    expect(allowedChildKinds(GCELL)).toEqual([PG]);
    expect(allowedChildKinds(SCELL)).toEqual([PG]);
    expect(allowedChildKinds(PG)).toEqual([]);
  });
});

describe('kind predicates', () => {
  it.each([
    [C, false, false, false],
    [GC, false, true, false],
    [GCELL, true, true, true],
    [SUB, false, false, false],
    [SCELL, true, false, true],
    [PG, false, false, false],
  ] as const)('%s: cell %s, grassroots %s, holds members %s', (kind, cell, grassroots, holds) => {
    expect(isCell(kind)).toBe(cell);
    expect(isGrassroots(kind)).toBe(grassroots);
    expect(holdsMembers(kind)).toBe(holds);
  });
  it('guards untrusted strings', () => {
    expect(isOrganisationKind('SUB_COMMITTEE')).toBe(true);
    expect(isOrganisationKind('sub_committee')).toBe(false);
    expect(isOrganisationKind('KHOI')).toBe(false);
    expect(isOrganisationKind(null)).toBe(false);
  });
});

describe('ORGANISATION_KIND_LABELS', () => {
  it('has the Vietnamese names with diacritics', () => {
    expect(ORGANISATION_KIND_LABELS).toEqual({
      COMMITTEE: { vi: 'Cấp ủy cấp trên cơ sở', en: 'Committee above the grassroots' },
      GRASSROOTS_COMMITTEE: { vi: 'Đảng bộ cơ sở', en: 'Grassroots party committee' },
      GRASSROOTS_CELL: { vi: 'Chi bộ cơ sở', en: 'Grassroots party cell' },
      SUB_COMMITTEE: { vi: 'Đảng bộ bộ phận', en: 'Sub-committee' },
      SUBORDINATE_CELL: { vi: 'Chi bộ trực thuộc', en: 'Subordinate cell' },
      PARTY_GROUP: { vi: 'Tổ đảng', en: 'Party group' },
    });
  });
  it('stores labels in NFC', () => {
    for (const l of Object.values(ORGANISATION_KIND_LABELS)) expect(l.vi.normalize('NFC')).toBe(l.vi);
  });
});
