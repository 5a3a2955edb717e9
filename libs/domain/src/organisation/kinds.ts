import { DomainError } from '../errors';
import type { Label } from '../labels';

// Only the grassroots and below are fixed kinds. Everything above the grassroots is one kind,
// COMMITTEE, whose level name ("Đảng bộ tỉnh", "Đảng bộ xã", …) is data (docs/rules.md#r-org-kinds).
export const ORGANISATION_KINDS = [
  'COMMITTEE',
  'GRASSROOTS_COMMITTEE',
  'GRASSROOTS_CELL',
  'SUB_COMMITTEE',
  'SUBORDINATE_CELL',
  'PARTY_GROUP',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, Label> = {
  COMMITTEE: { vi: 'Cấp ủy cấp trên cơ sở', en: 'Committee above the grassroots' },
  GRASSROOTS_COMMITTEE: { vi: 'Đảng bộ cơ sở', en: 'Grassroots party committee' },
  GRASSROOTS_CELL: { vi: 'Chi bộ cơ sở', en: 'Grassroots party cell' },
  SUB_COMMITTEE: { vi: 'Đảng bộ bộ phận', en: 'Sub-committee' },
  SUBORDINATE_CELL: { vi: 'Chi bộ trực thuộc', en: 'Subordinate cell' },
  PARTY_GROUP: { vi: 'Tổ đảng', en: 'Party group' },
};

// Allowed parents per kind; null stands for "no parent" (the root of the tree).
const ALLOWED_PARENTS: Record<OrganisationKind, readonly (OrganisationKind | null)[]> = {
  COMMITTEE: [null, 'COMMITTEE'],
  GRASSROOTS_COMMITTEE: ['COMMITTEE'],
  GRASSROOTS_CELL: ['COMMITTEE'],
  SUB_COMMITTEE: ['GRASSROOTS_COMMITTEE'],
  SUBORDINATE_CELL: ['GRASSROOTS_COMMITTEE', 'SUB_COMMITTEE'],
  PARTY_GROUP: ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'],
};

/** Type guard for untrusted input (CSV imports, query strings). */
export const isOrganisationKind = (s: unknown): s is OrganisationKind =>
  typeof s === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(s);

/**
 * Whether an organisation of kind `child` may sit directly under `parent` (null = it is the root).
 * The root is a COMMITTEE; committees nest; grassroots organisations sit under a committee; a
 * sub-committee under a grassroots committee; a subordinate cell under a grassroots committee or a
 * sub-committee; a party group inside a cell (docs/rules.md#r-org-kinds).
 */
export const canBeChildOf = (child: OrganisationKind, parent: OrganisationKind | null): boolean =>
  ALLOWED_PARENTS[child].includes(parent);

/** Throws DomainError('INVALID_PARENT_KIND', …, 'parentId') unless `canBeChildOf(child, parent)`. */
export const assertCanBeChildOf = (child: OrganisationKind, parent: OrganisationKind | null): void => {
  if (canBeChildOf(child, parent)) return;
  const where = parent === null ? 'at the root' : `under ${ORGANISATION_KIND_LABELS[parent].en} (${parent})`;
  throw new DomainError(
    'INVALID_PARENT_KIND',
    `${ORGANISATION_KIND_LABELS[child].en} (${child}) cannot be placed ${where}`,
    'parentId',
    { child, parent, allowedParents: ALLOWED_PARENTS[child] },
  );
};

/** Kinds allowed directly under `parent` (null = the root), in ORGANISATION_KINDS order; for pickers. */
export const allowedChildKinds = (parent: OrganisationKind | null): OrganisationKind[] =>
  ORGANISATION_KINDS.filter((k) => canBeChildOf(k, parent));

/** A party cell (chi bộ): grassroots cell or subordinate cell. */
export const isCell = (kind: OrganisationKind): boolean => kind === 'GRASSROOTS_CELL' || kind === 'SUBORDINATE_CELL';

/** A grassroots party organisation (TCCSĐ): grassroots committee or grassroots cell. */
export const isGrassroots = (kind: OrganisationKind): boolean =>
  kind === 'GRASSROOTS_COMMITTEE' || kind === 'GRASSROOTS_CELL';

/**
 * Whether members are attached directly to this kind. Members belong to cells only; committees count
 * them through their cells, and a party group is a sub-grouping inside a cell, not a member's home.
 */
export const holdsMembers = (kind: OrganisationKind): boolean => isCell(kind);
