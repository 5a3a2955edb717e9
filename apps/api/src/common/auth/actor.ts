export type GrantRole = 'SYSTEM_ADMIN' | 'COMMITTEE_READ' | 'COMMITTEE_WRITE' | 'CELL_SECRETARY' | 'MEMBER';

export type GrantInfo = { id: string; role: GrantRole; organisationId: string | null; memberId: string | null };

/**
 * Who is calling, and what they may reach. Scope is a set of subtree roots; every query puts it in its SQL.
 * - readRoots / writeRoots: organisations whose whole subtree may be read / written.
 * - ownMemberIds / ownCellIds: a member's own record and the single cell it belongs to (MEMBER grant).
 */
export type Actor = {
  kind: 'USER' | 'API_TOKEN' | 'SYSTEM';
  id: string | null;
  name: string;
  isAdmin: boolean;
  readRoots: string[];
  writeRoots: string[];
  ownMemberIds: string[];
  ownCellIds: string[];
  grants: GrantInfo[];
};

export const SYSTEM_ACTOR: Actor = {
  kind: 'SYSTEM',
  id: null,
  name: 'system',
  isAdmin: true,
  readRoots: [],
  writeRoots: [],
  ownMemberIds: [],
  ownCellIds: [],
  grants: [],
};

export const actorFromGrants = (
  base: Pick<Actor, 'kind' | 'id' | 'name'>,
  grants: GrantInfo[],
  ownCellIds: string[] = [],
): Actor => {
  const isAdmin = grants.some((g) => g.role === 'SYSTEM_ADMIN');
  const readRoots = grants
    .filter((g) => g.organisationId && g.role !== 'MEMBER')
    .map((g) => g.organisationId as string);
  const writeRoots = grants
    .filter((g) => g.organisationId && (g.role === 'COMMITTEE_WRITE' || g.role === 'CELL_SECRETARY'))
    .map((g) => g.organisationId as string);
  const ownMemberIds = grants.filter((g) => g.role === 'MEMBER' && g.memberId).map((g) => g.memberId as string);
  return {
    ...base,
    isAdmin,
    readRoots: [...new Set(readRoots)],
    writeRoots: [...new Set(writeRoots)],
    ownMemberIds,
    ownCellIds,
    grants,
  };
};
