import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The codes of organisations by id, read in the caller's transaction (ids without a row are left out). */
export type OrganisationCodeLookup = (m: EntityManager, ids: readonly string[]) => Promise<Map<string, string>>;

/**
 * What the policy module needs of the organisation registry, which the organisation module owns: the codes of the
 * organisations an inconsistent override would reach, for the error. Organisation sits above policy (it imports it),
 * so it registers its lookup here when the app starts, and the dependency keeps running one way (organisation →
 * policy, docs/architecture.md).
 */
@Injectable()
export class OrganisationCodePort {
  private lookup: OrganisationCodeLookup | null = null;

  register(lookup: OrganisationCodeLookup): void {
    this.lookup = lookup;
  }

  codesOf(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (!this.lookup)
      throw new Error('No organisation code lookup registered: the OrganisationModule must be part of the application');
    return this.lookup(m, ids);
  }
}
