import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { COMMITTEE_ROLES, DomainError, foldVietnamese, type CommitteeRole, type OrganisationKind } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { AuditService } from '../../common/audit/audit.service';
import { countAndPage, pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { inRangesSql, isUuid, listScope, orgVisibleSql, subtreeRange, underRootsSql } from '../../common/scope/scope';
import { likeLiteral, Params, validAt, wordsStartSql } from '../../database/sql';
import type { OrganisationFilter } from './organisation.inputs';
import { CommitteeSeat, Organisation, OrganisationChange, type SubtreeCounts } from './organisation.model';
import { OrganisationCodePort } from '../policy/organisation-code-port';
import { ORG_COLUMNS, type OrgRow } from './organisation.sql';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

const toModel = (row: OrgRow, asOf: string): Organisation => Object.assign(new Organisation(), row, { asOf });

/**
 * Loads the organisation models of `ids` the actor may see, as on `asOf` (OrganisationService.findVisible by
 * default). Services that build reports over a subtree take one, so that a caller who has the models already (the
 * dashboard, for the whole subtree) lends them instead of having them read again.
 */
export type OrgModelLoader = (actor: Actor, ids: readonly string[], asOf: string) => Promise<Organisation[]>;

/** The placement an organisation has on a date, with the same fallback as placement_path_at(). */
export const PLACEMENT_AT = (
  org: string,
  d: string,
) => `(SELECT x.* FROM organisation_placement x WHERE x.organisation_id = ${org}
  ORDER BY (x.valid_from <= ${d}::date AND (x.valid_to IS NULL OR x.valid_to > ${d}::date)) DESC,
           CASE WHEN x.valid_from <= ${d}::date THEN x.valid_from END DESC NULLS LAST, x.valid_from ASC LIMIT 1)`;

@Injectable()
export class OrganisationService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    codes: OrganisationCodePort,
    private readonly tree: KeptTreeReads,
  ) {
    // the policy module names the organisations an inconsistent override would reach by their codes
    codes.register(async (m, ids) => {
      const rows: { id: string; code: string }[] = await m.query(
        `SELECT o.id, o.code FROM organisation o WHERE o.id = ANY($1::uuid[])`,
        [ids],
      );
      return new Map(rows.map((r) => [r.id, r.code]));
    });
  }

  // ---------------------------------------------------------------- reads

  /** Organisations by id as of a date, only those the actor may read (batch; used by the DataLoader). */
  async findVisible(
    actor: Actor,
    ids: readonly string[],
    asOf: string,
    m: EntityManager = this.ds.manager,
  ): Promise<Organisation[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const p = new Params();
    const idsP = p.add(valid);
    const d = p.add(asOf);
    // Outside a transaction, kept until an organisation or the tree changes (KeptTreeReads).
    const rows: OrgRow[] = await (m === this.ds.manager ? this.tree : m).query(
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
    const rows: (OrgRow & { asOf: string })[] = await this.tree.query(
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

  /**
   * The organisation line of an export: the name of the organisation it is about (when given and visible), else the
   * names of the top organisations of the caller's scope on the date ('; ' between them).
   */
  async exportLine(actor: Actor, asOf: string, id?: string | null): Promise<string> {
    const [org] = id && isUuid(id) ? await this.findVisible(actor, [id], asOf) : [];
    return org ? org.name : (await this.scopeRoots(actor, asOf)).map((o) => o.name).join('; ');
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

  async list(
    actor: Actor,
    filter: OrganisationFilter | undefined,
    page: PageInput | undefined,
    asOf: string,
  ): Promise<Page<Organisation>> {
    const { offset, limit } = pageOf(page);
    // The subtrees as constant path ranges (roots by their placement in force on the date), resolved once.
    const ranges = await listScope(this.tree, actor, filter?.underId, asOf, { rule: 'valid' });
    const p = new Params();
    const d = p.add(asOf);
    const where: string[] = [];
    let from: string;
    if (filter?.includeDissolved) {
      from = `organisation o CROSS JOIN LATERAL ${PLACEMENT_AT('o.id', d)} pl`;
      where.push(`o.established_on <= ${d}::date`);
      // The placement on the date lies in a range only if one of the organisation's placements does: the index first.
      if (ranges !== null)
        where.push(
          `o.id IN (SELECT cp.organisation_id FROM organisation_placement cp WHERE ${inRangesSql('cp', ranges, p)})`,
        );
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
    const { total, rows } = await countAndPage<OrgRow>(
      this.ds,
      sql,
      `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth ${sql} ORDER BY pl.depth, o.code OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    return { items: rows.map((r) => toModel(r, asOf)), total, offset, limit };
  }

  /**
   * The one search box's organisations: those of the caller's scope on a date (their own cell for a member) whose
   * folded name has every word of `words` (each starts a word of the name), or whose code starts with `code`
   * (case ignored); at most `limit`, the highest in the tree first, then by code. Indexed: the name's trigram index,
   * the scope's path ranges.
   */
  async search(
    actor: Actor,
    words: readonly string[],
    code: string,
    asOf: string,
    limit: number,
  ): Promise<Organisation[]> {
    if (!words.length) return [];
    const ranges =
      actor.isAdmin || actor.readRoots.length
        ? await listScope(this.tree, actor, undefined, asOf, { rule: 'valid' })
        : [];
    const p = new Params();
    const d = p.add(asOf);
    const scope = [inRangesSql('pl', ranges, p)];
    if (!actor.isAdmin && actor.ownCellIds.length) scope.push(`o.id = ANY(${p.add(actor.ownCellIds)}::uuid[])`);
    const codeMatch = code ? ` OR lower(o.code) LIKE ${p.add(`${likeLiteral(code.toLowerCase())}%`)}` : '';
    const rows: OrgRow[] = await this.ds.query(
      `SELECT ${ORG_COLUMNS}, pl.parent_id AS "parentId", pl.path, pl.depth
         FROM organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id
        WHERE ${validAt('pl', d)} AND (${scope.join(' OR ')}) AND (${wordsStartSql('o.name_folded', words, p)}${codeMatch})
        ORDER BY pl.depth, o.code LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map((r) => toModel(r, asOf));
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
      ? await this.tree.query(
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
    const [orgRows, memberRows]: [
      { rootId: string; kind: OrganisationKind; count: number }[],
      { rootId: string; members: number; full: number }[],
    ] = roots.length
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
            // the member counts the database keeps per organisation and date (cell_member_count, as member.sql.ts's
            // MEMBER_COUNTS_JOIN): one row per organisation, not every membership and member
            `SELECT r.id AS "rootId", sum(k.members)::int AS members, sum(k.full_members)::int AS full
               FROM organisation_placement pl JOIN ${rootsSql} r ON pl.path >= r.lo COLLATE "C" AND pl.path < r.hi COLLATE "C"
               JOIN cell_member_count k ON k.organisation_id = pl.organisation_id AND k.valid_to > ${d}::date AND k.valid_from <= ${d}::date
              WHERE ${inRoots}
              GROUP BY r.id`,
            p.values,
          ),
        ]
      : [[], []];
    void actor; // the roots were resolved through the scoped loader; their subtrees are in scope by construction
    const out = new Map<string, SubtreeCounts>();
    for (const id of rootIds)
      out.set(id, { organisations: 0, byKind: [], members: 0, fullMembers: 0, probationaryMembers: 0 });
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

  /**
   * Committee seats in force on a date for several organisations (batch), each organisation's in role order
   * (COMMITTEE_ROLES), then by start. The order is made per organisation here, not by the statement: the dashboard
   * asks for every cell of a subtree (×30: 36,758 seats of 10,980 cells), which the database sorted as one list,
   * on disk with the default work_mem.
   */
  async seatsOf(orgIds: readonly string[], asOf: string): Promise<Map<string, CommitteeSeat[]>> {
    const rows: CommitteeSeat[] = await this.ds.query(
      `SELECT id, organisation_id AS "organisationId", member_id AS "memberId", role, valid_from AS "from", valid_to AS "to"
         FROM committee_seat s WHERE s.organisation_id = ANY($1::uuid[]) AND ${validAt('s', '$2')}`,
      [orgIds, asOf],
    );
    const out = new Map<string, CommitteeSeat[]>(orgIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.organisationId)?.push(Object.assign(new CommitteeSeat(), r, { asOf }));
    const rank = (role: CommitteeRole) => COMMITTEE_ROLES.indexOf(role);
    for (const seats of out.values())
      if (seats.length > 1)
        seats.sort((a, b) => rank(a.role) - rank(b.role) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    return out;
  }

  /** All seats ever held on these organisations' committees (for rules that look at a period). */
  async allSeatsOf(
    orgIds: readonly string[],
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, { memberId: string; role: CommitteeRole; from: string; to: string | null }[]>> {
    const rows: { organisationId: string; memberId: string; role: CommitteeRole; from: string; to: string | null }[] =
      await m.query(
        `SELECT organisation_id AS "organisationId", member_id AS "memberId", role, valid_from AS "from", valid_to AS "to"
         FROM committee_seat WHERE organisation_id = ANY($1::uuid[])`,
        [orgIds],
      );
    const out = new Map<string, { memberId: string; role: CommitteeRole; from: string; to: string | null }[]>(
      orgIds.map((id) => [id, []]),
    );
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

  /** The kind of each organisation placed in the tree on its date (placementAt for many, one statement), keyed `id|date`. */
  async kindsAt(m: EntityManager, pairs: { orgId: string; d: string }[]): Promise<Map<string, OrganisationKind>> {
    if (!pairs.length) return new Map();
    const rows: { key: string; kind: OrganisationKind }[] = await m.query(
      `SELECT x.id::text || '|' || x.d::text AS key, o.kind
         FROM unnest($1::uuid[], $2::date[]) AS x(id, d)
         JOIN organisation_placement pl ON pl.organisation_id = x.id AND ${validAt('pl', 'x.d')}
         JOIN organisation o ON o.id = pl.organisation_id`,
      [pairs.map((t) => t.orgId), pairs.map((t) => t.d)],
    );
    return new Map(rows.map((r) => [r.key, r.kind]));
  }

  /** The placement of an organisation on a date (its kind, path, depth, parent), read in the caller's transaction; null when it does not exist then. */
  async placementAt(m: EntityManager, orgId: string, d: string) {
    const [row] = await m.query(
      `SELECT pl.organisation_id AS id, o.kind, pl.path, pl.depth, pl.parent_id AS "parentId"
         FROM organisation_placement pl JOIN organisation o ON o.id = pl.organisation_id
        WHERE pl.organisation_id = $1 AND ${validAt('pl', '$2')}`,
      [orgId, d],
    );
    return (row ?? null) as {
      id: string;
      kind: OrganisationKind;
      path: string;
      depth: number;
      parentId: string | null;
    } | null;
  }
}
