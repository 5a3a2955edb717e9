import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertCanBeChildOf,
  DomainError,
  foldVietnamese,
  holdsMembers,
  validateCommitteeSeats,
  type CommitteeRole,
  type OrganisationKind,
} from '@chibo/domain';
import { onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { assertOrgVisible, inRangesSql, isUuid, listScope, orgVisibleSql, subtreeRange, underRootsSql } from '../../common/scope/scope';
import { inSubtree, Params, today, validAt } from '../../database/sql';
import type {
  AssignCommitteeSeatInput,
  CreateOrganisationInput,
  DissolveOrganisationInput,
  EndCommitteeSeatInput,
  MergeOrganisationsInput,
  MoveOrganisationInput,
  OrganisationFilter,
  SplitOrganisationInput,
  UpdateOrganisationInput,
} from './organisation.inputs';
import { CommitteeSeat, Organisation, OrganisationChange, type SubtreeCounts } from './organisation.model';
import { ORG_COLUMNS, type OrgRow } from './organisation.sql';

const toModel = (row: OrgRow, asOf: string): Organisation => Object.assign(new Organisation(), row, { asOf });

/**
 * Loads the organisation models of `ids` the actor may see, as on `asOf` (OrganisationService.findVisible by
 * default). Services that build reports over a subtree take one, so that a caller who has the models already (the
 * dashboard, for the whole subtree) lends them instead of having them read again.
 */
export type OrgModelLoader = (actor: Actor, ids: readonly string[], asOf: string) => Promise<Organisation[]>;

/** The placement an organisation has on a date, with the same fallback as placement_path_at(). */
export const PLACEMENT_AT = (org: string, d: string) => `(SELECT x.* FROM organisation_placement x WHERE x.organisation_id = ${org}
  ORDER BY (x.valid_from <= ${d}::date AND (x.valid_to IS NULL OR x.valid_to > ${d}::date)) DESC,
           CASE WHEN x.valid_from <= ${d}::date THEN x.valid_from END DESC NULLS LAST, x.valid_from ASC LIMIT 1)`;

@Injectable()
export class OrganisationService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------- reads

  /** Organisations by id as of a date, only those the actor may read (batch; used by the DataLoader). */
  async findVisible(actor: Actor, ids: readonly string[], asOf: string, m: EntityManager = this.ds.manager): Promise<Organisation[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const p = new Params();
    const idsP = p.add(valid);
    const d = p.add(asOf);
    const rows: OrgRow[] = await m.query(
      `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth
         FROM organisation o CROSS JOIN LATERAL ${PLACEMENT_AT('o.id', d)} pl
        WHERE o.id = ANY(${idsP}::uuid[]) AND ${orgVisibleSql(actor, 'o.id', p, d)}`,
      p.values,
    );
    return rows.map((r) => toModel(r, asOf));
  }

  /**
   * Organisations by (id, date) pairs, each as of its own date, only those the actor may read then: one statement
   * for a whole list whose rows carry different dates (a meeting's cell as it stood on the meeting date).
   * Keyed by `${id}|${date}`.
   */
  async findVisibleAt(actor: Actor, keys: readonly { id: string; asOf: string }[]): Promise<Map<string, Organisation>> {
    const valid = keys.filter((k) => isUuid(k.id));
    if (valid.length === 0) return new Map();
    const p = new Params();
    const ids = p.add(valid.map((k) => k.id));
    const dates = p.add(valid.map((k) => k.asOf));
    const rows: (OrgRow & { asOf: string })[] = await this.ds.query(
      `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth, k.d::text AS "asOf"
         FROM (SELECT DISTINCT * FROM unnest(${ids}::uuid[], ${dates}::date[]) AS u(id, d)) k
         JOIN organisation o ON o.id = k.id CROSS JOIN LATERAL ${PLACEMENT_AT('o.id', 'k.d')} pl
        WHERE ${orgVisibleSql(actor, 'o.id', p, 'k.d')}`,
      p.values,
    );
    return new Map(rows.map((r) => [`${r.id}|${r.asOf}`, toModel(r, r.asOf)] as const));
  }

  async get(actor: Actor, id: string, asOf: string): Promise<Organisation> {
    const [org] = await this.findVisible(actor, [id], asOf);
    if (!org) throw new DomainError('NOT_FOUND', 'Organisation not found', 'id');
    return org;
  }

  /** The top organisations of the actor's scope on a date (roots of the tree for an administrator). */
  async scopeRoots(actor: Actor, asOf: string): Promise<Organisation[]> {
    const p = new Params();
    const d = p.add(asOf);
    if (actor.isAdmin) {
      const rows: OrgRow[] = await this.ds.query(
        `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth
           FROM organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id
          WHERE pl.parent_id IS NULL AND ${validAt('pl', d)} ORDER BY o.code`,
        p.values,
      );
      return rows.map((r) => toModel(r, asOf));
    }
    const ids = [...new Set([...actor.readRoots, ...actor.ownCellIds])];
    const orgs = await this.findVisible(actor, ids, asOf);
    // A root nested inside another root is not a root of the scope.
    return orgs
      .filter((o) => !orgs.some((other) => other.id !== o.id && o.path.startsWith(other.path)))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  async list(actor: Actor, filter: OrganisationFilter | undefined, page: PageInput | undefined, asOf: string): Promise<Page<Organisation>> {
    const { offset, limit } = pageOf(page);
    // The subtrees as constant path ranges (roots by their placement in force on the date), resolved once.
    const ranges = await listScope(this.ds.manager, actor, filter?.underId, asOf, { rule: 'valid' });
    const p = new Params();
    const d = p.add(asOf);
    const where: string[] = [];
    let from: string;
    if (filter?.includeDissolved) {
      from = `organisation o CROSS JOIN LATERAL ${PLACEMENT_AT('o.id', d)} pl`;
      where.push(`o.established_on <= ${d}::date`);
      // The placement on the date lies in a range only if one of the organisation's placements does: the index first.
      if (ranges !== null) where.push(`o.id IN (SELECT cp.organisation_id FROM organisation_placement cp WHERE ${inRangesSql('cp', ranges, p)})`);
    } else {
      from = `organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id`;
      where.push(validAt('pl', d));
    }
    where.push(inRangesSql('pl', ranges, p));
    if (filter?.kinds?.length) where.push(`o.kind = ANY(${p.add(filter.kinds)}::text[])`);
    if (filter?.search) {
      const q = p.add(`%${foldVietnamese(filter.search)}%`);
      where.push(`(o.name_folded LIKE ${q} OR lower(o.code) LIKE ${q})`);
    }
    const sql = `FROM ${from} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, p.values);
    const rows: OrgRow[] = await this.ds.query(
      `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth ${sql} ORDER BY pl.depth, o.code OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return { items: rows.map((r) => toModel(r, asOf)), total, offset, limit };
  }

  /** Children of several organisations on a date, ordered by code (batch). */
  async childrenOf(actor: Actor, parentIds: readonly string[], asOf: string): Promise<Map<string, Organisation[]>> {
    const p = new Params();
    const ids = p.add(parentIds);
    const d = p.add(asOf);
    const rows: OrgRow[] = await this.ds.query(
      `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth
         FROM organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id
        WHERE pl.parent_id = ANY(${ids}::uuid[]) AND ${validAt('pl', d)} AND ${this.visibleByPath(actor, 'pl', p, d)}
        ORDER BY o.code`,
      p.values,
    );
    const out = new Map<string, Organisation[]>(parentIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.parentId as string)?.push(toModel(r, asOf));
    return out;
  }

  /**
   * Counts for several subtrees on a date: organisations by kind and members by status. The roots' paths are read
   * first (one small statement) and put in the counting statements as constant ranges, so that the planner estimates
   * the subtrees from the placement_path statistics: an index walk for 30 cells, a hash join for a province.
   */
  async subtreeCounts(actor: Actor, rootIds: readonly string[], asOf: string): Promise<Map<string, SubtreeCounts>> {
    const roots: { id: string; path: string }[] = rootIds.filter(isUuid).length
      ? await this.ds.query(
          `SELECT rp.organisation_id AS id, rp.path FROM organisation_placement rp WHERE rp.organisation_id = ANY($1::uuid[]) AND ${validAt('rp', '$2')}`,
          [rootIds.filter(isUuid), asOf],
        )
      : [];
    const p = new Params();
    const d = p.add(asOf);
    const ranges = roots.map((r) => subtreeRange(r.path));
    // Each placement is matched to every root whose range holds it (roots may be nested); the WHERE holds the same
    // ranges as constants for the estimate and the index.
    const rootsSql = `(SELECT * FROM unnest(${p.add(roots.map((r) => r.id))}::uuid[], ${p.add(ranges.map((r) => r.lo))}::text[], ${p.add(ranges.map((r) => r.hi))}::text[]) AS x(id, lo, hi))`;
    const inRoots = `${inRangesSql('pl', ranges, p)} AND ${validAt('pl', d)}`;
    const [orgRows, memberRows]: [{ rootId: string; kind: OrganisationKind; count: number }[], { rootId: string; members: number; full: number }[]] = roots.length
      ? [
          await this.ds.query(
            `SELECT r.id AS "rootId", o.kind, count(*)::int AS count
               FROM organisation_placement pl JOIN ${rootsSql} r ON pl.path >= r.lo COLLATE "C" AND pl.path < r.hi COLLATE "C"
               JOIN organisation o ON o.id = pl.organisation_id
              WHERE ${inRoots}
              GROUP BY r.id, o.kind`,
            p.values,
          ),
          await this.ds.query(
            `SELECT r.id AS "rootId", count(*)::int AS members,
                    count(*) FILTER (WHERE m.full_membership_date IS NOT NULL AND m.full_membership_date <= ${d}::date)::int AS full
               FROM organisation_placement pl JOIN ${rootsSql} r ON pl.path >= r.lo COLLATE "C" AND pl.path < r.hi COLLATE "C"
               JOIN membership ms ON ms.organisation_id = pl.organisation_id AND ms.kind = 'PERMANENT' AND ${validAt('ms', d)}
               JOIN member m ON m.id = ms.member_id
              WHERE ${inRoots}
              GROUP BY r.id`,
            p.values,
          ),
        ]
      : [[], []];
    void actor; // the roots were resolved through the scoped loader; their subtrees are in scope by construction
    const out = new Map<string, SubtreeCounts>();
    for (const id of rootIds) out.set(id, { organisations: 0, byKind: [], members: 0, fullMembers: 0, probationaryMembers: 0 });
    for (const r of orgRows) {
      const c = out.get(r.rootId)!;
      c.organisations += r.count;
      c.byKind.push({ kind: r.kind, count: r.count });
    }
    for (const r of memberRows) {
      const c = out.get(r.rootId)!;
      c.members = r.members;
      c.fullMembers = r.full;
      c.probationaryMembers = r.members - r.full;
    }
    return out;
  }

  /** Committee seats in force on a date for several organisations (batch). */
  async seatsOf(orgIds: readonly string[], asOf: string): Promise<Map<string, CommitteeSeat[]>> {
    const rows: CommitteeSeat[] = await this.ds.query(
      `SELECT id, organisation_id AS "organisationId", member_id AS "memberId", role, valid_from AS "from", valid_to AS "to"
         FROM committee_seat s WHERE s.organisation_id = ANY($1::uuid[]) AND ${validAt('s', '$2')}
        ORDER BY array_position(ARRAY['SECRETARY','DEPUTY_SECRETARY','STANDING_MEMBER','COMMITTEE_MEMBER']::varchar[], s.role), s.valid_from`,
      [orgIds, asOf],
    );
    const out = new Map<string, CommitteeSeat[]>(orgIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.organisationId)?.push(Object.assign(new CommitteeSeat(), r, { asOf }));
    return out;
  }

  /** All seats ever held on these organisations' committees (for rules that look at a period). */
  async allSeatsOf(orgIds: readonly string[], m: EntityManager = this.ds.manager): Promise<Map<string, { memberId: string; role: CommitteeRole; from: string; to: string | null }[]>> {
    const rows: { organisationId: string; memberId: string; role: CommitteeRole; from: string; to: string | null }[] = await m.query(
      `SELECT organisation_id AS "organisationId", member_id AS "memberId", role, valid_from AS "from", valid_to AS "to"
         FROM committee_seat WHERE organisation_id = ANY($1::uuid[])`,
      [orgIds],
    );
    const out = new Map<string, { memberId: string; role: CommitteeRole; from: string; to: string | null }[]>(orgIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.organisationId)?.push(r);
    return out;
  }

  async historyOf(orgIds: readonly string[], asOf: string): Promise<Map<string, OrganisationChange[]>> {
    const rows: (OrganisationChange & { organisationId: string })[] = await this.ds.query(
      `SELECT id, organisation_id AS "organisationId", type, effective_on AS "effectiveOn", from_parent_id AS "fromParentId",
              to_parent_id AS "toParentId", related_id AS "relatedId", note, recorded_at AS "recordedAt"
         FROM organisation_change WHERE organisation_id = ANY($1::uuid[]) ORDER BY effective_on, recorded_at`,
      [orgIds],
    );
    const out = new Map<string, OrganisationChange[]>(orgIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.organisationId)?.push(Object.assign(new OrganisationChange(), r, { asOf }));
    return out;
  }

  /** For a member-only actor an organisation's children are not visible; for subtree readers they are. */
  private visibleByPath(actor: Actor, pl: string, p: Params, d: string): string {
    if (actor.isAdmin) return 'TRUE';
    if (actor.readRoots.length === 0) return 'FALSE';
    return underRootsSql(pl, actor.readRoots, p, d);
  }

  // ---------------------------------------------------------------- writes

  async create(caller: Caller, input: CreateOrganisationInput): Promise<Organisation> {
    const established = input.establishedOn ?? today();
    const id = await this.ds.transaction((m) => this.createIn(m, caller, input));
    return this.get(caller.actor, id, established);
  }

  /** Creates an organisation inside the caller's transaction (used by create and by imports). */
  async createIn(m: EntityManager, caller: Caller, input: CreateOrganisationInput): Promise<string> {
    const established = input.establishedOn ?? today();
    let parent: { id: string; kind: OrganisationKind; path: string; depth: number } | null = null;
    if (input.parentId) {
      await assertOrgVisible(m, caller.actor, input.parentId, established, true);
      parent = await this.placementAt(m, input.parentId, established);
      if (!parent) throw new DomainError('ORGANISATION_DISSOLVED', 'The parent does not exist on the establishment date', 'parentId');
    } else if (!caller.actor.isAdmin) {
      throw new DomainError('FORBIDDEN', 'Only administrators create root organisations', 'parentId');
    }
    assertCanBeChildOf(input.kind, parent?.kind ?? null);
    this.checkTerm(input.termStart, input.termEnd);
    const [row] = await m.query(
      `INSERT INTO organisation (code, name, name_folded, kind, level_name, unit_served, established_on, term_start, term_end, term_type)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [input.code, input.name, foldVietnamese(input.name), input.kind, input.levelName ?? null, input.unitServed ?? null, established,
        input.termStart ?? null, input.termEnd ?? null, input.termType ?? null],
    );
    const newId: string = row.id;
    await m.query(
      `INSERT INTO organisation_placement (organisation_id, parent_id, path, depth, valid_from) VALUES ($1,$2,$3,$4,$5)`,
      [newId, parent?.id ?? null, `${parent?.path ?? '/'}${newId}/`, parent ? parent.depth + 1 : 0, established],
    );
    await this.change(m, caller, newId, 'CREATED', established, { toParentId: parent?.id ?? null });
    await this.audit.record(m, caller, { operation: 'createOrganisation', entityType: 'organisation', entityId: newId, after: input });
    return newId;
  }

  async update(caller: Caller, id: string, input: UpdateOrganisationInput): Promise<Organisation> {
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, id, today(), true);
      const [before] = await m.query(`SELECT ${ORG_COLUMNS} FROM organisation o WHERE o.id = $1 FOR UPDATE`, [id]);
      const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      this.checkTerm(next.termStart, next.termEnd);
      await m.query(
        `UPDATE organisation SET code=$2, name=$3, name_folded=$4, level_name=$5, unit_served=$6, term_start=$7, term_end=$8, term_type=$9, updated_at=now()
          WHERE id=$1`,
        [id, next.code, next.name, foldVietnamese(next.name), next.levelName, next.unitServed, next.termStart, next.termEnd, next.termType],
      );
      await this.change(m, caller, id, 'UPDATED', today(), {});
      await this.audit.record(m, caller, { operation: 'updateOrganisation', entityType: 'organisation', entityId: id, before, after: next });
    });
    return this.get(caller.actor, id, today());
  }

  async move(caller: Caller, input: MoveOrganisationInput): Promise<Organisation> {
    const d = input.effectiveOn;
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.id, d, true);
      await assertOrgVisible(m, caller.actor, input.newParentId, d, true).catch(onDomainError((e) => new DomainError(e.code, e.code === 'NOT_FOUND' ? 'New parent not found' : e.message, 'newParentId')));
      const org = await this.placementAt(m, input.id, d);
      const parent = await this.placementAt(m, input.newParentId, d);
      if (!org) throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', 'id');
      if (!parent) throw new DomainError('ORGANISATION_DISSOLVED', 'The new parent does not exist on that date', 'newParentId');
      if (parent.path.startsWith(org.path)) throw new DomainError('CYCLE', 'An organisation cannot move under itself or its own subtree', 'newParentId');
      if (org.parentId === parent.id) throw new DomainError('VALIDATION', 'The organisation is already under this parent', 'newParentId');
      assertCanBeChildOf(org.kind, parent.kind);
      await this.rehome(m, org, parent, d);
      await this.change(m, caller, input.id, 'MOVED', d, { fromParentId: org.parentId, toParentId: parent.id, note: input.note });
      await this.audit.record(m, caller, {
        operation: 'moveOrganisation', entityType: 'organisation', entityId: input.id,
        before: { parentId: org.parentId }, after: { parentId: parent.id, effectiveOn: d },
      });
    });
    return this.get(caller.actor, input.id, d);
  }

  async dissolve(caller: Caller, input: DissolveOrganisationInput): Promise<Organisation> {
    const d = input.effectiveOn;
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.id, d, true);
      await this.dissolveIn(m, caller, input.id, d, input.note ?? null);
    });
    return this.get(caller.actor, input.id, d);
  }

  async merge(caller: Caller, input: MergeOrganisationsInput): Promise<Organisation> {
    const d = input.effectiveOn;
    if (input.sourceIds.includes(input.targetId)) throw new DomainError('VALIDATION', 'The target cannot be one of the sources', 'sourceIds');
    await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.targetId, d, true);
      const target = await this.placementAt(m, input.targetId, d);
      if (!target) throw new DomainError('ORGANISATION_DISSOLVED', 'The target does not exist on that date', 'targetId');
      for (const sourceId of input.sourceIds) {
        await assertOrgVisible(m, caller.actor, sourceId, d, true);
        const source = await this.placementAt(m, sourceId, d);
        if (!source) throw new DomainError('ORGANISATION_DISSOLVED', 'A source does not exist on that date', 'sourceIds');
        if (target.path.startsWith(source.path)) throw new DomainError('CYCLE', 'The target lies inside a source', 'targetId');
        for (const child of await this.childPlacements(m, sourceId, d)) {
          assertCanBeChildOf(child.kind, target.kind);
          await this.rehome(m, child, target, d);
        }
        const moved = await this.moveMembers(m, sourceId, target, d, null);
        await this.change(m, caller, sourceId, 'MERGED_INTO', d, { relatedId: target.id, note: input.note });
        await this.change(m, caller, target.id, 'MERGED_FROM', d, { relatedId: sourceId, note: input.note });
        await this.dissolveIn(m, caller, sourceId, d, input.note ?? null, true);
        await this.audit.record(m, caller, {
          operation: 'mergeOrganisations', entityType: 'organisation', entityId: sourceId,
          after: { targetId: target.id, effectiveOn: d, movedMembers: moved },
        });
      }
    });
    return this.get(caller.actor, input.targetId, d);
  }

  async split(caller: Caller, input: SplitOrganisationInput): Promise<Organisation[]> {
    const d = input.effectiveOn;
    const created = await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.id, d, true);
      const source = await this.placementAt(m, input.id, d);
      if (!source) throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', 'id');
      if (!source.parentId) throw new DomainError('VALIDATION', 'A root organisation cannot be split', 'id');
      const parent = (await this.placementAt(m, source.parentId, d))!;
      const children = await this.childPlacements(m, input.id, d);
      const members: { memberId: string }[] = await m.query(
        `SELECT member_id AS "memberId" FROM membership ms WHERE ms.organisation_id = $1 AND ms.kind = 'PERMANENT' AND ${validAt('ms', '$2')}`,
        [input.id, d],
      );
      const childIds = new Set(children.map((c) => c.id));
      const memberIds = new Set(members.map((x) => x.memberId));
      const seen = new Set<string>();
      input.parts.forEach((part, i) => {
        for (const c of part.childIds) {
          if (!childIds.has(c)) throw new DomainError('VALIDATION', `Child ${c} is not under the organisation on that date`, `parts.${i}.childIds`);
          if (seen.has(c)) throw new DomainError('VALIDATION', `Child ${c} is given to two parts`, `parts.${i}.childIds`);
          seen.add(c);
        }
        for (const mem of part.memberIds) {
          if (!memberIds.has(mem)) throw new DomainError('VALIDATION', `Member ${mem} does not belong to the organisation on that date`, `parts.${i}.memberIds`);
          if (seen.has(mem)) throw new DomainError('VALIDATION', `Member ${mem} is given to two parts`, `parts.${i}.memberIds`);
          seen.add(mem);
        }
      });
      if (input.dissolveSource && seen.size !== childIds.size + memberIds.size) {
        throw new DomainError('VALIDATION', 'To dissolve the original, every member and child must go to one of the parts', 'parts');
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
        const placed = { id: newId, kind: source.kind, path: `${parent.path}${newId}/`, depth: parent.depth + 1, parentId: parent.id };
        for (const c of children.filter((x) => part.childIds.includes(x.id))) await this.rehome(m, c, placed, d);
        if (part.memberIds.length) await this.moveMembers(m, input.id, placed, d, part.memberIds);
        await this.change(m, caller, newId, 'SPLIT_FROM', d, { relatedId: input.id, toParentId: parent.id, note: input.note });
        await this.change(m, caller, input.id, 'SPLIT_INTO', d, { relatedId: newId, note: input.note });
        await this.audit.record(m, caller, { operation: 'splitOrganisation', entityType: 'organisation', entityId: newId, after: { from: input.id, ...part, effectiveOn: d } });
        ids.push(newId);
      }
      if (input.dissolveSource) await this.dissolveIn(m, caller, input.id, d, input.note ?? null);
      return ids;
    });
    return this.findVisible(caller.actor, created, d);
  }

  async assignSeat(caller: Caller, input: AssignCommitteeSeatInput): Promise<CommitteeSeat> {
    const seatId = await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.organisationId, input.from, true);
      if (input.to && input.to <= input.from) throw new DomainError('INVALID_DATE_ORDER', 'The seat must end after it starts', 'to');
      const org = await this.placementAt(m, input.organisationId, input.from);
      if (!org) throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', 'organisationId');
      // The member must belong to the organisation's subtree on the first day.
      if (!isUuid(input.memberId)) throw new DomainError('VALIDATION', 'The member does not belong to this organisation on that date', 'memberId');
      const inTree = await m.query(
        `SELECT 1 FROM membership ms JOIN organisation_placement pl ON pl.organisation_id = ms.organisation_id AND ${validAt('pl', '$3')}
          WHERE ms.member_id = $1 AND ${validAt('ms', '$3')} AND ${inSubtree('pl', '$2')}`,
        [input.memberId, org.path, input.from],
      );
      if (!isUuid(input.memberId) || inTree.length === 0) {
        throw new DomainError('VALIDATION', 'The member does not belong to this organisation on that date', 'memberId');
      }
      const existing = [...((await this.allSeatsOf([input.organisationId], m)).get(input.organisationId) ?? [])];
      const errors = validateCommitteeSeats([...existing, { memberId: input.memberId, role: input.role, from: input.from, to: input.to ?? null }], org.kind);
      if (errors.length) {
        // The rule speaks of the whole seat list; the caller sees it as a conflict of the seat being added.
        const message = errors.map((e) => e.reason).join('; ');
        throw new DomainError('CONFLICT', `The seat conflicts with the committee's other seats: ${message}`, 'role', { fields: [{ field: 'role', reason: 'SEAT_CONFLICT', message }] });
      }
      const [row] = await m.query(
        `INSERT INTO committee_seat (organisation_id, member_id, role, valid_from, valid_to) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [input.organisationId, input.memberId, input.role, input.from, input.to ?? null],
      );
      await this.audit.record(m, caller, { operation: 'assignCommitteeSeat', entityType: 'committee_seat', entityId: row.id, after: input });
      return row.id as string;
    });
    return this.seat(seatId, input.from);
  }

  async endSeat(caller: Caller, input: EndCommitteeSeatInput): Promise<CommitteeSeat> {
    const seat = await this.seat(input.seatId, today()).catch(() => null);
    if (!seat) throw new DomainError('NOT_FOUND', 'Seat not found', 'seatId');
    await this.ds.transaction(async (m) => {
      // Outside the scope is answered exactly like a seat that does not exist.
      await assertOrgVisible(m, caller.actor, seat.organisationId, today(), true).catch(onDomainError((e) => e.code === 'NOT_FOUND' ? new DomainError('NOT_FOUND', 'Seat not found', 'seatId') : new DomainError(e.code, e.message, 'seatId')));
      if (input.to <= seat.from) throw new DomainError('INVALID_DATE_ORDER', 'The seat must end after it starts', 'to');
      await m.query(`UPDATE committee_seat SET valid_to = $2 WHERE id = $1`, [input.seatId, input.to]);
      await this.audit.record(m, caller, { operation: 'endCommitteeSeat', entityType: 'committee_seat', entityId: input.seatId, before: seat, after: { to: input.to } });
    });
    return this.seat(input.seatId, input.to);
  }

  private async seat(id: string, asOf: string): Promise<CommitteeSeat> {
    if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'Seat not found', 'seatId');
    const [row] = await this.ds.query(
      `SELECT id, organisation_id AS "organisationId", member_id AS "memberId", role, valid_from AS "from", valid_to AS "to" FROM committee_seat WHERE id = $1`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Seat not found', 'seatId');
    return Object.assign(new CommitteeSeat(), row, { asOf });
  }

  // ---------------------------------------------------------------- tree mechanics

  private checkTerm(start?: string | null, end?: string | null): void {
    if (start && end && end <= start) throw new DomainError('INVALID_DATE_ORDER', 'The term must end after it starts', 'termEnd');
  }

  private async placementAt(m: EntityManager, orgId: string, d: string) {
    const [row] = await m.query(
      `SELECT pl.organisation_id AS id, o.kind, pl.path, pl.depth, pl.parent_id AS "parentId"
         FROM organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id
        WHERE pl.organisation_id = $1 AND ${validAt('pl', '$2')}`,
      [orgId, d],
    );
    return (row ?? null) as { id: string; kind: OrganisationKind; path: string; depth: number; parentId: string | null } | null;
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
      throw new DomainError('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', `Something in this subtree changed on ${last}; a change must take effect on or after that date`, 'effectiveOn', { last });
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
    const args = (ids: string[]) => [ids, parent.path, oldPrefixLen, parent.depth + 1 - org.depth, org.id, parent.id, d];
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

  /** Moves permanent memberships from one organisation to another from date d (all, or the given members). */
  private async moveMembers(m: EntityManager, fromOrgId: string, to: { id: string; kind: OrganisationKind }, d: string, memberIds: string[] | null): Promise<number> {
    const rows: { memberId: string }[] = await m.query(
      `SELECT ms.member_id AS "memberId" FROM membership ms
        WHERE ms.organisation_id = $1 AND ms.kind = 'PERMANENT' AND ${validAt('ms', '$2')} AND ($3::uuid[] IS NULL OR ms.member_id = ANY($3::uuid[]))`,
      [fromOrgId, d, memberIds],
    );
    if (rows.length === 0) return 0;
    if (!holdsMembers(to.kind)) throw new DomainError('INVALID_PARENT_KIND', 'Members can only move to a cell', 'targetId');
    const ids = rows.map((r) => r.memberId);
    await m.query(
      `DELETE FROM membership WHERE organisation_id = $1 AND kind = 'PERMANENT' AND member_id = ANY($3::uuid[]) AND valid_from = $2::date`,
      [fromOrgId, d, ids],
    );
    await m.query(
      `UPDATE membership SET valid_to = $2 WHERE organisation_id = $1 AND kind = 'PERMANENT' AND member_id = ANY($3::uuid[]) AND valid_from < $2::date AND (valid_to IS NULL OR valid_to > $2::date)`,
      [fromOrgId, d, ids],
    );
    await m.query(`INSERT INTO membership (member_id, organisation_id, kind, valid_from) SELECT unnest($1::uuid[]), $2, 'PERMANENT', $3`, [ids, to.id, d]);
    await m.query(
      `INSERT INTO member_event (member_id, type, effective_on, organisation_id, to_organisation_id, note)
       SELECT unnest($1::uuid[]), 'TRANSFER_INTERNAL', $2, $3, $4, 'Theo quyết định sáp nhập/chia tách tổ chức'`,
      [ids, d, fromOrgId, to.id],
    );
    return ids.length;
  }

  private async dissolveIn(m: EntityManager, caller: Caller, id: string, d: string, note: string | null, merged = false): Promise<void> {
    const org = await this.placementAt(m, id, d);
    if (!org) throw new DomainError('ORGANISATION_DISSOLVED', 'The organisation does not exist on that date', 'id');
    const [{ children }] = await m.query(
      `SELECT count(*)::int AS children FROM organisation_placement pl WHERE pl.parent_id = $1 AND (pl.valid_to IS NULL OR pl.valid_to > $2::date)`,
      [id, d],
    );
    const [{ members }] = await m.query(
      `SELECT count(*)::int AS members FROM membership ms WHERE ms.organisation_id = $1 AND (ms.valid_to IS NULL OR ms.valid_to > $2::date)`,
      [id, d],
    );
    if (children > 0 || members > 0) {
      throw new DomainError('CONFLICT', `The organisation still has ${children} child organisations and ${members} members on that date; move them first`, 'id', { children, members });
    }
    const [{ last }] = await m.query(`SELECT max(valid_from) AS last FROM organisation_placement WHERE organisation_id = $1`, [id]);
    if (last > d) throw new DomainError('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', `The organisation changed on ${last}`, 'effectiveOn');
    if (last === d) {
      throw new DomainError('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', 'An organisation cannot be dissolved on the day it was placed', 'effectiveOn');
    }
    await m.query(`UPDATE organisation_placement SET valid_to = $2 WHERE organisation_id = $1 AND valid_to IS NULL`, [id, d]);
    await m.query(`UPDATE committee_seat SET valid_to = $2 WHERE organisation_id = $1 AND (valid_to IS NULL OR valid_to > $2::date) AND valid_from < $2::date`, [id, d]);
    await m.query(`UPDATE organisation SET dissolved_on = $2, updated_at = now() WHERE id = $1`, [id, d]);
    if (!merged) await this.change(m, caller, id, 'DISSOLVED', d, { note });
    await this.audit.record(m, caller, { operation: merged ? 'mergeOrganisations.dissolve' : 'dissolveOrganisation', entityType: 'organisation', entityId: id, after: { dissolvedOn: d, note } });
  }

  private async change(
    m: EntityManager,
    caller: Caller,
    orgId: string,
    type: string,
    effectiveOn: string,
    x: { fromParentId?: string | null; toParentId?: string | null; relatedId?: string | null; note?: string | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO organisation_change (organisation_id, type, effective_on, from_parent_id, to_parent_id, related_id, note, recorded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [orgId, type, effectiveOn, x.fromParentId ?? null, x.toParentId ?? null, x.relatedId ?? null, x.note ?? null, caller.actor.kind === 'USER' ? caller.actor.id : null],
    );
  }
}
