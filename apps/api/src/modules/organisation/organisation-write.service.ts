import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanBeChildOf, DomainError, foldVietnamese, type OrganisationKind } from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible } from '../../common/scope/scope';
import { today } from '../../database/sql';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.inputs';
import { Organisation } from './organisation.model';
import { ORG_COLUMNS } from './organisation.sql';
import { OrganisationService } from './organisation.service';
import { recordChange } from './organisation-changes';
import { recordTerm } from './organisation-terms';

/**
 * An organisation's own record (docs/organisation.md): created under its parent on its establishment date, and its
 * code, name and term updated, with the change history. Moving, merging, splitting and dissolving are
 * OrganisationRestructureService's.
 */
@Injectable()
export class OrganisationWriteService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly orgs: OrganisationService,
  ) {}

  async create(caller: Caller, input: CreateOrganisationInput): Promise<Organisation> {
    const established = input.establishedOn ?? today();
    const id = await this.ds.transaction((m) => this.createIn(m, caller, input));
    return this.orgs.get(caller.actor, id, established);
  }

  /** Creates an organisation inside the caller's transaction (used by create and by imports). */
  async createIn(m: EntityManager, caller: Caller, input: CreateOrganisationInput): Promise<string> {
    const established = input.establishedOn ?? today();
    let parent: { id: string; kind: OrganisationKind; path: string; depth: number } | null = null;
    if (input.parentId) {
      await assertOrgVisible(m, caller.actor, input.parentId, established, true);
      parent = await this.orgs.placementAt(m, input.parentId, established);
      if (!parent)
        throw new DomainError(
          'ORGANISATION_DISSOLVED',
          'The parent does not exist on the establishment date',
          'parentId',
        );
    } else if (!caller.actor.isAdmin) {
      throw new DomainError('FORBIDDEN', 'Only administrators create root organisations', 'parentId');
    }
    assertCanBeChildOf(input.kind, parent?.kind ?? null);
    this.checkTerm(input.termStart, input.termEnd);
    const [row] = await m.query(
      `INSERT INTO organisation (code, name, name_folded, kind, level_name, unit_served, established_on, term_start, term_end, term_type)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [
        input.code,
        input.name,
        foldVietnamese(input.name),
        input.kind,
        input.levelName ?? null,
        input.unitServed ?? null,
        established,
        input.termStart ?? null,
        input.termEnd ?? null,
        input.termType ?? null,
      ],
    );
    const newId: string = row.id;
    await recordTerm(m, newId, {
      termStart: input.termStart ?? null,
      termEnd: input.termEnd ?? null,
      termType: input.termType ?? null,
    });
    await m.query(
      `INSERT INTO organisation_placement (organisation_id, parent_id, path, depth, valid_from) VALUES ($1,$2,$3,$4,$5)`,
      [newId, parent?.id ?? null, `${parent?.path ?? '/'}${newId}/`, parent ? parent.depth + 1 : 0, established],
    );
    await recordChange(m, caller, newId, 'CREATED', established, { toParentId: parent?.id ?? null });
    await this.audit.record(m, caller, {
      operation: 'createOrganisation',
      entityType: 'organisation',
      entityId: newId,
      after: input,
    });
    return newId;
  }

  async update(caller: Caller, id: string, input: UpdateOrganisationInput): Promise<Organisation> {
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, id, today(), true);
      const [before] = await m.query(`SELECT ${ORG_COLUMNS} FROM organisation o WHERE o.id = $1 FOR UPDATE`, [id]);
      const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      this.checkTerm(next.termStart, next.termEnd);
      // a later start records a new term; the same or an earlier one corrects the current term (TERM_OVERLAP)
      const term = await recordTerm(m, id, next);
      await m.query(
        `UPDATE organisation SET code=$2, name=$3, name_folded=$4, level_name=$5, unit_served=$6, term_start=$7, term_end=$8, term_type=$9, updated_at=now()
          WHERE id=$1`,
        [
          id,
          next.code,
          next.name,
          foldVietnamese(next.name),
          next.levelName,
          next.unitServed,
          next.termStart,
          next.termEnd,
          next.termType,
        ],
      );
      await recordChange(m, caller, id, 'UPDATED', today(), {});
      await this.audit.record(m, caller, {
        operation: 'updateOrganisation',
        entityType: 'organisation',
        entityId: id,
        before,
        after: { ...next, termHistory: term },
      });
    });
    return this.orgs.get(caller.actor, id, today());
  }

  private checkTerm(start?: string | null, end?: string | null): void {
    if (start && end && end <= start)
      throw new DomainError('INVALID_DATE_ORDER', 'The term must end after it starts', 'termEnd');
  }
}
