import type { OrganisationKind } from '../../../lib/domain';

/** Cells and committees inspect; a party group (tổ đảng) does not. */
export const inspectsKind = (kind: OrganisationKind | null | undefined): boolean =>
  Boolean(kind && kind !== 'PARTY_GROUP');
