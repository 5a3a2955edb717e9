import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertCanBeChildOf,
  checkSplitPartition,
  DomainError,
  foldVietnamese,
  holdsMembers,
  type OrganisationKind,
} from '@chibo/domain';
import { onDomainError } from '../../common/graphql/errors';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible } from '../../common/scope/scope';
import { inSubtree, validAt } from '../../database/sql';
import type {
  DissolveOrganisationInput,
  MergeOrganisationsInput,
  MoveOrganisationInput,
  SplitOrganisationInput,
} from './organisation.inputs';
import { Organisation } from './organisation.model';
import { MemberPort } from './member-port';
import { OrganisationService } from './organisation.service';
import { recordChange } from './organisation-changes';

/**
 * Restructuring the tree over time (docs/organisation.md): move, merge, split and dissolve, each from an effective
 * date, with the change history and the members moved where a merge, split or dissolution needs it. Creating an
 * organisation and updating its record are OrganisationWriteService's.
 */
@Injectable()
export class OrganisationRestructureService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly orgs: OrganisationService,
    private readonly port: MemberPort,
  ) {}

  async move(caller: Caller, input: MoveOrganisationInput): Promise<Organisation> {
    const d = input.effectiveOn;
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.id, d, true);
      await assertOrgVisible(m, caller.actor, input.newParentId, d, true).catch(
        onDomainError(
          (e) => new DomainError(e.code, e.code === 'NOT_FOUND' ? 'New parent not found' : e.message, 'newParentId'),
        ),
      );
      const org = await this.orgs.placementAt(m, input.id, d);
      const parent = await this.orgs.placementAt(m, input.newParentId, d);
      if (!org) throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', 'id');
      if (!parent)
        throw new DomainError('ORGANISATION_DISSOLVED', 'The new parent does not exist on that date', 'newParentId');
      if (parent.path.startsWith(org.path))
        throw new DomainError('CYCLE', 'An organisation cannot move under itself or its own subtree', 'newParentId');
      if (org.parentId === parent.id)
        throw new DomainError('VALIDATION', 'The organisation is already under this parent', 'newParentId');
      assertCanBeChildOf(org.kind, parent.kind);
      await this.rehome(m, org, parent, d);
      await recordChange(m, caller, input.id, 'MOVED', d, {
        fromParentId: org.parentId,
        toParentId: parent.id,
        note: input.note,
      });
      await this.audit.record(m, caller, {
        operation: 'moveOrganisation',
        entityType: 'organisation',
        entityId: input.id,
        before: { parentId: org.parentId },
        after: { parentId: parent.id, effectiveOn: d },
      });
    });
    return this.orgs.get(caller.actor, input.id, d);
  }

  async dissolve(caller: Caller, input: DissolveOrganisationInput): Promise<Organisation> {
    const d = input.effectiveOn;
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.id, d, true);
      await this.dissolveIn(m, caller, input.id, d, input.note ?? null);
    });
    return this.orgs.get(caller.actor, input.id, d);
  }

  async merge(caller: Caller, input: MergeOrganisationsInput): Promise<Organisation> {
    const d = input.effectiveOn;
    if (input.sourceIds.includes(input.targetId))
      throw new DomainError('VALIDATION', 'The target cannot be one of the sources', 'sourceIds');
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.targetId, d, true);
      const target = await this.orgs.placementAt(m, input.targetId, d);
      if (!target)
        throw new DomainError('ORGANISATION_DISSOLVED', 'The target does not exist on that date', 'targetId');
      for (const sourceId of input.sourceIds) {
        await assertOrgVisible(m, caller.actor, sourceId, d, true);
        const source = await this.orgs.placementAt(m, sourceId, d);
        if (!source)
          throw new DomainError('ORGANISATION_DISSOLVED', 'A source does not exist on that date', 'sourceIds');
        if (target.path.startsWith(source.path))
          throw new DomainError('CYCLE', 'The target lies inside a source', 'targetId');
        for (const child of await this.childPlacements(m, sourceId, d)) {
          assertCanBeChildOf(child.kind, target.kind);
          await this.rehome(m, child, target, d);
        }
        const moved = await this.moveMembers(m, sourceId, target, d, null);
        await recordChange(m, caller, sourceId, 'MERGED_INTO', d, { relatedId: target.id, note: input.note });
        await recordChange(m, caller, target.id, 'MERGED_FROM', d, { relatedId: sourceId, note: input.note });
        await this.dissolveIn(m, caller, sourceId, d, input.note ?? null, true);
        await this.audit.record(m, caller, {
          operation: 'mergeOrganisations',
          entityType: 'organisation',
          entityId: sourceId,
          after: { targetId: target.id, effectiveOn: d, movedMembers: moved },
        });
      }
    });
    return this.orgs.get(caller.actor, input.targetId, d);
  }

  async split(caller: Caller, input: SplitOrganisationInput): Promise<Organisation[]> {
    const d = input.effectiveOn;
    const created = await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.id, d, true);
      const source = await this.orgs.placementAt(m, input.id, d);
      if (!source)
        throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', 'id');
      if (!source.parentId) throw new DomainError('VALIDATION', 'A root organisation cannot be split', 'id');
      const parent = (await this.orgs.placementAt(m, source.parentId, d))!;
      const children = await this.childPlacements(m, input.id, d);
      const members = await this.port.members.permanentMembersOn(m, input.id, d);
      // the same check the web app's split dialog runs before sending (libs/domain checkSplitPartition)
      const problems = checkSplitPartition(
        input.parts,
        { childIds: children.map((c) => c.id), memberIds: members },
        input.dissolveSource,
      );
      const [firstProblem] = problems;
      if (firstProblem) {
        throw new DomainError('VALIDATION', problems.map((e) => e.reason).join('; '), firstProblem.field, {
          errors: problems,
          reason: firstProblem.specific,
        });
      }
      const ids: string[] = [];
      for (const part of input.parts) {
        const [row] = await m.query(
          `INSERT INTO organisation (code, name, name_folded, kind, unit_served, established_on) SELECT $1,$2,$3,kind,unit_served,$4 FROM organisation WHERE id=$5 RETURNING id`,
          [part.code, part.name, foldVietnamese(part.name), d, input.id],
        );
        const newId: string = row.id;
        await m.query(
          `INSERT INTO organisation_placement (organisation_id, parent_id, path, depth, valid_from) VALUES ($1,$2,$3,$4,$5)`,
          [newId, parent.id, `${parent.path}${newId}/`, parent.depth + 1, d],
        );
        const placed = {
          id: newId,
          kind: source.kind,
          path: `${parent.path}${newId}/`,
          depth: parent.depth + 1,
          parentId: parent.id,
        };
        for (const c of children.filter((x) => part.childIds.includes(x.id))) await this.rehome(m, c, placed, d);
        if (part.memberIds.length) await this.moveMembers(m, input.id, placed, d, part.memberIds);
        await recordChange(m, caller, newId, 'SPLIT_FROM', d, {
          relatedId: input.id,
          toParentId: parent.id,
          note: input.note,
        });
        await recordChange(m, caller, input.id, 'SPLIT_INTO', d, { relatedId: newId, note: input.note });
        await this.audit.record(m, caller, {
          operation: 'splitOrganisation',
          entityType: 'organisation',
          entityId: newId,
          after: { from: input.id, ...part, effectiveOn: d },
        });
        ids.push(newId);
      }
      if (input.dissolveSource) await this.dissolveIn(m, caller, input.id, d, input.note ?? null);
      return ids;
    });
    return this.orgs.findVisible(caller.actor, created, d);
  }

  private async childPlacements(m: EntityManager, orgId: string, d: string) {
    return (await m.query(
      `SELECT pl.organisation_id AS id, o.kind, pl.path, pl.depth, pl.parent_id AS "parentId"
         FROM organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id
        WHERE pl.parent_id = $1 AND ${validAt('pl', '$2')}`,
      [orgId, d],
    )) as { id: string; kind: OrganisationKind; path: string; depth: number; parentId: string | null }[];
  }

  /**
   * Re-parents `org` (and its whole subtree) under `parent` from date d, in two set-based statements: rows that
   * start on d are rewritten in place, older rows are closed at d and continued with the new path. History before
   * d is untouched. Refused when anything in the subtree changed after d (history is append-only).
   */
  private async rehome(
    m: EntityManager,
    org: { id: string; path: string; depth: number },
    parent: { id: string; path: string; depth: number },
    d: string,
  ): Promise<void> {
    const [{ last }] = await m.query(
      `SELECT max(greatest(pl.valid_from, coalesce(pl.valid_to, pl.valid_from))) AS last
         FROM organisation_placement pl WHERE ${inSubtree('pl', '$1')}`,
      [org.path],
    );
    if (last && last > d) {
      throw new DomainError(
        'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
        `Something in this subtree changed on ${last}; a change must take effect on or after that date`,
        'effectiveOn',
        { last },
      );
    }
    const oldPrefixLen = org.path.length - (org.id.length + 1); // length of the old parent's path
    const open: { id: string; validFrom: string }[] = await m.query(
      `SELECT pl.id::text AS id, pl.valid_from AS "validFrom" FROM organisation_placement pl WHERE ${inSubtree('pl', '$1')} AND pl.valid_to IS NULL`,
      [org.path],
    );
    const older = open.filter((r) => r.validFrom < d).map((r) => r.id);
    const sameDay = open.filter((r) => r.validFrom === d).map((r) => r.id);
    const newPath = `$2 || substr(pl.path, $3 + 1)`;
    const newParent = `CASE WHEN pl.organisation_id = $5 THEN $6::uuid ELSE pl.parent_id END`;
    const args = (ids: string[]) => [
      ids,
      parent.path,
      oldPrefixLen,
      parent.depth + 1 - org.depth,
      org.id,
      parent.id,
      d,
    ];
    if (older.length) {
      await m.query(`UPDATE organisation_placement SET valid_to = $2 WHERE id = ANY($1::bigint[])`, [older, d]);
      await m.query(
        `INSERT INTO organisation_placement (organisation_id, parent_id, path, depth, valid_from)
         SELECT pl.organisation_id, ${newParent}, ${newPath}, pl.depth + $4, $7 FROM organisation_placement pl WHERE pl.id = ANY($1::bigint[])`,
        args(older),
      );
    }
    if (sameDay.length) {
      // Rows that begin on d itself (created or moved earlier the same day) are rewritten in place.
      await m.query(
        `UPDATE organisation_placement pl SET path = ${newPath}, depth = pl.depth + $4, parent_id = ${newParent}
          WHERE pl.id = ANY($1::bigint[]) AND $7::date IS NOT NULL`,
        args(sameDay),
      );
    }
  }

  /** Moves permanent memberships from one organisation to another cell from date d (all, or the given members); how many moved. */
  private async moveMembers(
    m: EntityManager,
    fromOrgId: string,
    to: { id: string; kind: OrganisationKind },
    d: string,
    memberIds: string[] | null,
  ): Promise<number> {
    const present = await this.port.members.permanentMembersOn(m, fromOrgId, d);
    const wanted = memberIds ? new Set(memberIds) : null;
    const ids = wanted ? present.filter((id) => wanted.has(id)) : present;
    if (ids.length === 0) return 0;
    if (!holdsMembers(to.kind))
      throw new DomainError('INVALID_PARENT_KIND', 'Members can only move to a cell', 'targetId');
    await this.port.members.moveMembers(m, fromOrgId, to.id, d, ids);
    return ids.length;
  }

  private async dissolveIn(
    m: EntityManager,
    caller: Caller,
    id: string,
    d: string,
    note: string | null,
    merged = false,
  ): Promise<void> {
    const org = await this.orgs.placementAt(m, id, d);
    if (!org) throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', 'id');
    const [{ children }] = await m.query(
      `SELECT count(*)::int AS children FROM organisation_placement pl WHERE pl.parent_id = $1 AND (pl.valid_to IS NULL OR pl.valid_to > $2::date)`,
      [id, d],
    );
    const members = await this.port.members.membershipsFrom(m, id, d);
    if (children > 0 || members > 0) {
      throw new DomainError(
        'CONFLICT',
        `The organisation still has ${children} child organisations and ${members} members on that date; move them first`,
        'id',
        { children, members },
      );
    }
    const [{ last }] = await m.query(
      `SELECT max(valid_from) AS last FROM organisation_placement WHERE organisation_id = $1`,
      [id],
    );
    if (last > d)
      throw new DomainError('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', `The organisation changed on ${last}`, 'effectiveOn');
    if (last === d) {
      throw new DomainError(
        'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
        'An organisation cannot be dissolved on the day it was placed',
        'effectiveOn',
      );
    }
    await m.query(`UPDATE organisation_placement SET valid_to = $2 WHERE organisation_id = $1 AND valid_to IS NULL`, [
      id,
      d,
    ]);
    await m.query(
      `UPDATE committee_seat SET valid_to = $2 WHERE organisation_id = $1 AND (valid_to IS NULL OR valid_to > $2::date) AND valid_from < $2::date`,
      [id, d],
    );
    await m.query(`UPDATE organisation SET dissolved_on = $2, updated_at = now() WHERE id = $1`, [id, d]);
    if (!merged) await recordChange(m, caller, id, 'DISSOLVED', d, { note });
    await this.audit.record(m, caller, {
      operation: merged ? 'mergeOrganisations.dissolve' : 'dissolveOrganisation',
      entityType: 'organisation',
      entityId: id,
      after: { dissolvedOn: d, note },
    });
  }
}
