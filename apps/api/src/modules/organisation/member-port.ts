import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What restructuring and committee seats need of the member registry, which the member module owns: the permanent
 * members of an organisation on a date, whether a member belongs to a subtree (a seat's holder), and moving members
 * to another cell (memberships and the members' TRANSFER_INTERNAL events).
 * Member sits above organisation (it imports it), so it implements this port and registers itself here, and the
 * dependency keeps running one way (member → organisation, docs/architecture.md).
 */
export interface MemberRegistry {
  /** Ids of the members whose permanent membership in `orgId` is valid on `d`. */
  permanentMembersOn(m: EntityManager, orgId: string, d: string): Promise<string[]>;
  /** Whether the member has a membership (permanent or temporary) valid on `d` in an organisation placed under `rootPath` then. */
  isMemberUnder(m: EntityManager, memberId: string, rootPath: string, d: string): Promise<boolean>;
  /** Memberships of `orgId` (permanent or temporary) valid on `d` or starting later: what keeps it from dissolving. */
  membershipsFrom(m: EntityManager, orgId: string, d: string): Promise<number>;
  /**
   * Moves the permanent memberships of `memberIds` from `fromOrgId` to `toOrgId` from date `d` (closing the old ones,
   * replacing one that starts on `d`), with a TRANSFER_INTERNAL event per member; in the caller's transaction.
   */
  moveMembers(
    m: EntityManager,
    fromOrgId: string,
    toOrgId: string,
    d: string,
    memberIds: readonly string[],
  ): Promise<void>;
}

/** Holds the member module's MemberRegistry for the restructuring service (registered when the app starts). */
@Injectable()
export class MemberPort {
  private registry: MemberRegistry | null = null;

  register(registry: MemberRegistry): void {
    this.registry = registry;
  }

  get members(): MemberRegistry {
    if (!this.registry)
      throw new Error('No member registry registered: the MemberModule must be part of the application');
    return this.registry;
  }
}
