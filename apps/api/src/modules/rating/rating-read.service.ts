import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import {
  pageOf,
  type Page,
  type PageInput,
  countAndPage,
  keysetAfterSql,
  keysetColumns,
  keysetPageOf,
  keysetRows,
} from '../../common/graphql/pagination';
import { inRangesSql, isUuid, orgVisibleSetSql, orgVisibleSql, subtreeRange } from '../../common/scope/scope';
import { inSubtree, Params, validAt } from '../../database/sql';
import { EXEMPTION_AT, JOIN_MEMBER, JOIN_MEMBERSHIP } from '../member/member.sql';
import { PolicyService } from '../policy/policy.service';
import {
  RATING_COLUMNS,
  RATING_FROM,
  RATING_KEYS,
  REF_DATE_SQL,
  ROUND_COLUMNS,
  SUBJECT_KIND_SQL,
  nameSearchSql,
  ratingReferenceDate,
  toRating,
  toRound,
} from './rating.sql';
import { Rating, RatingRound, type RatingFilter, type RatingPendingSubject } from './rating.model';
import { JOIN_ORGANISATION, LEFT_JOIN_ORGANISATION } from '../organisation/organisation.sql';

/**
 * The years that have ratings, in order, without reading every rating: the yearly ratings' years by a loose scan of
 * rating_year_org (year first: one index probe per year), the other periods' from their partial index
 * (migration 1796700000000-RatingYears). Same answer as SELECT DISTINCT year FROM rating ORDER BY year.
 */
export const RATING_YEARS_SQL = `
  WITH RECURSIVE y AS (
    SELECT min(year) AS year FROM rating WHERE period_kind = 'YEAR'
    UNION ALL
    SELECT (SELECT min(r.year) FROM rating r WHERE r.period_kind = 'YEAR' AND r.year > y.year) FROM y WHERE y.year IS NOT NULL)
  SELECT year FROM y WHERE year IS NOT NULL
  UNION
  SELECT year FROM rating WHERE period_kind <> 'YEAR'
  ORDER BY year`;

/**
 * A ratings list of one year limited to a subtree of at most this many organisations resolves each rating's path per
 * row; a larger one (or none) reads the readable organisations as one set, which costs ~0.1 s for a province reader
 * (×30: a cell 11 ms per row; a district of 421 organisations 0.49 s per row).
 */
const RATINGS_PER_ROW_MAX = 64;

/**
 * Reads of the annual quality rating (docs/rules.md#ratings): rounds, ratings and the subjects of a round not rated
 * yet. A rating is visible to readers of the organisation it sits in (a member's cell, or the organisation rated) and
 * to the member rated; a round to readers of its committee and to those below it.
 */
@Injectable()
export class RatingReadService {
  constructor(
    private readonly ds: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /** SQL condition: round `rr` is visible: its committee is readable, or one of the caller's roots (or own cell) lies under it. */
  private roundVisibleSql(actor: Actor, p: Params): string {
    const d = REF_DATE_SQL('rr.year', p);
    const parts = [orgVisibleSql(actor, 'rr.organisation_id', p, d)];
    const below = [...new Set([...actor.readRoots, ...actor.ownCellIds])];
    if (below.length) {
      parts.push(`EXISTS (SELECT 1 FROM unnest(${p.add(below)}::uuid[]) c(id)
        WHERE position('/' || rr.organisation_id::text || '/' IN placement_path_at(c.id, ${d})) > 0)`);
    }
    return `(${parts.join(' OR ')})`;
  }

  async rounds(
    actor: Actor,
    filter: { organisationId?: string; year?: number },
    m: EntityManager = this.ds.manager,
  ): Promise<RatingRound[]> {
    const p = new Params();
    const where = [this.roundVisibleSql(actor, p)];
    if (filter.organisationId)
      where.push(`rr.organisation_id = ${p.add(isUuid(filter.organisationId) ? filter.organisationId : null)}::uuid`);
    if (filter.year) where.push(`rr.year = ${p.add(filter.year)}::int`);
    const rows = await m.query(
      `SELECT ${ROUND_COLUMNS} FROM rating_round rr WHERE ${where.join(' AND ')} ORDER BY rr.year DESC, rr.opened_at DESC LIMIT 500`,
      p.values,
    );
    return rows.map(toRound);
  }

  async round(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<RatingRound> {
    if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'Rating round not found', 'id');
    const p = new Params();
    const idP = p.add(id);
    const [row] = await m.query(
      `SELECT ${ROUND_COLUMNS} FROM rating_round rr WHERE rr.id = ${idP}::uuid AND ${this.roundVisibleSql(actor, p)}`,
      p.values,
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Rating round not found', 'id');
    return toRound(row);
  }

  /**
   * SQL condition: rating `r` is visible: its organisation readable on the rating's reference date (by a read grant:
   * a member's own cell does not show the cell's other ratings), or it is the caller's own.
   */
  private ratingVisibleSql(actor: Actor, p: Params, path?: { expr: string; date: string }): string {
    const parts = [
      path
        ? orgVisibleSql({ ...actor, ownCellIds: [] }, 'r.organisation_id', p, path.date, false, path.expr)
        : orgVisibleSql({ ...actor, ownCellIds: [] }, 'r.organisation_id', p, REF_DATE_SQL('r.year', p)),
    ];
    if (actor.ownMemberIds.length) parts.push(`r.member_id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`);
    return `(${parts.join(' OR ')})`;
  }

  async getRating(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<Rating> {
    if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'Rating not found', 'ratingId');
    const p = new Params();
    const idP = p.add(id);
    const [row] = await m.query(
      `SELECT ${RATING_COLUMNS} FROM ${RATING_FROM} WHERE r.id = ${idP}::uuid AND ${this.ratingVisibleSql(actor, p)}`,
      p.values,
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Rating not found', 'ratingId');
    return toRating(row);
  }

  async list(actor: Actor, filter: RatingFilter | undefined, page: PageInput | undefined): Promise<Page<Rating>> {
    const { offset, limit, after } = keysetPageOf(page, 'ratings', RATING_KEYS);
    const p = new Params();
    const uuidOrNull = (s: string) => (isUuid(s) ? s : null);
    const orgId = filter?.organisationId ? uuidOrNull(filter.organisationId) : undefined;
    // A path through the filter organisation starts with one of its own paths: the organisations placed under any of
    // them come from the placement_path index first (constant ranges), and the exact test runs on those only. `size`:
    // the organisations under them, counted up to RATINGS_PER_ROW_MAX + 1.
    const own: { path: string; size: number }[] = orgId
      ? await this.ds.query(
          `SELECT x.path, (SELECT count(*)::int FROM (SELECT 1 FROM organisation_placement c WHERE ${inSubtree('c', 'x.path')}
                LIMIT ${RATINGS_PER_ROW_MAX + 1}) s) AS size
             FROM (SELECT DISTINCT path FROM organisation_placement WHERE organisation_id = $1) x`,
          [orgId],
        )
      : [];
    const ownRanges = own.map((x) => subtreeRange(x.path));
    // Not limited to a small subtree (a committee's ratings): within one year every rating's reference date is the
    // same constant (31 December, or today while the year runs), so the organisations readable then and those under
    // the filter organisation then are each one set built once per statement, instead of each rating's path resolved
    // per row (×30, the root's ratings of a year: 157,931 look-ups). Without a year, one such set per year present.
    // Members, whose own ratings are readable besides, keep the per-row form, as do lists narrowed to a round or a
    // member (a round page of one cell: a few rows, where building the reader's whole scope per year would cost more).
    const bySets =
      !actor.ownMemberIds.length &&
      !filter?.roundId &&
      !filter?.memberId &&
      !(orgId !== undefined && own.every((x) => x.size <= RATINGS_PER_ROW_MAX));
    const years: number[] | null = !bySets
      ? null
      : filter?.year
        ? filter.year >= 1930 && filter.year <= 2200
          ? [filter.year]
          : null
        : (await this.ds.query(RATING_YEARS_SQL)).map((r: { year: number }) => r.year);
    const where: string[] = [];
    let from: string;
    if (years) {
      // a cell's readers read ratings through their committee roots only, as ratingVisibleSql
      const committee = { ...actor, ownCellIds: [] };
      const under = filter?.organisationId
        ? { ranges: inRangesSql('x', ownRanges, p), id: p.add(orgId ?? null) }
        : null;
      const readableOn = (refP: string): string =>
        under
          ? `r.organisation_id IN (SELECT x.organisation_id FROM organisation_placement x
              WHERE ${under.ranges} AND x.path = placement_path_at(x.organisation_id, ${refP}::date)
                AND position('/' || ${under.id}::text || '/' IN x.path) > 0
                AND ${orgVisibleSetSql(committee, 'x.organisation_id', p, refP)})`
          : orgVisibleSetSql(committee, 'r.organisation_id', p, refP);
      where.push(
        filter?.year
          ? readableOn(p.add(ratingReferenceDate(filter.year)))
          : years.length
            ? `(${years.map((y) => `(r.year = ${p.add(y)}::int AND ${readableOn(p.add(ratingReferenceDate(y)))})`).join(' OR ')})`
            : 'FALSE',
      );
      from = `FROM ${RATING_FROM}`;
    } else {
      // The rating's organisation's path on its reference date, computed once per row (rating_path) for the scope and
      // the organisation filter, which each called placement_path_at for it again.
      const refDate = REF_DATE_SQL('r.year', p);
      where.push(this.ratingVisibleSql(actor, p, { expr: 'rating_path.path', date: refDate }));
      if (filter?.organisationId) {
        where.push(`position('/' || ${p.add(orgId ?? null)}::text || '/' IN rating_path.path) > 0`);
        where.push(
          `r.organisation_id IN (SELECT cp.organisation_id FROM organisation_placement cp WHERE ${inRangesSql('cp', ownRanges, p)})`,
        );
      }
      from = `FROM ${RATING_FROM} CROSS JOIN LATERAL (SELECT placement_path_at(r.organisation_id, ${refDate}::date) AS path) rating_path`;
    }
    if (filter?.roundId) where.push(`r.round_id = ${p.add(uuidOrNull(filter.roundId))}::uuid`);
    if (filter?.memberId) where.push(`r.member_id = ${p.add(uuidOrNull(filter.memberId))}::uuid`);
    if (filter?.year) where.push(`r.year = ${p.add(filter.year)}::int`);
    if (filter?.subjectKinds?.length) where.push(`r.subject_kind = ANY(${p.add(filter.subjectKinds)}::text[])`);
    if (filter?.levels?.length) where.push(`r.decided_level = ANY(${p.add(filter.levels)}::text[])`);
    if (filter?.stages?.length) {
      where.push(`(CASE WHEN r.announced_at IS NOT NULL THEN 'ANNOUNCED' WHEN r.decided_at IS NOT NULL THEN 'DECIDED' WHEN r.proposed_at IS NOT NULL THEN 'PROPOSED'
        WHEN r.self_assessed_at IS NOT NULL THEN 'SELF_ASSESSED' ELSE 'PENDING' END) = ANY(${p.add(filter.stages)}::text[])`);
    }
    if (filter?.search?.trim())
      where.push(...nameSearchSql('COALESCE(mb.name_folded, so.name_folded)', filter.search, p));
    const sql = `${from} WHERE ${where.join(' AND ')}`;
    const { total, rows: read } = await countAndPage(
      this.ds,
      sql,
      `SELECT ${RATING_COLUMNS}, ${keysetColumns(RATING_KEYS)} ${sql} AND ${keysetAfterSql(RATING_KEYS, after, p)}
        ORDER BY r.year DESC, r.subject_kind, o.name, COALESCE(mb.name_folded, so.name), r.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const { rows, nextCursor } = keysetRows(read, limit, 'ratings', RATING_KEYS);
    return { items: rows.map(toRating), total, offset, limit, nextCursor };
  }

  /**
   * The subjects of a round with no rating in it yet (not self-assessed): members of the round's subtree on its
   * reference date who are rated under the policy (exempt members are "not rated", not pending; active members only),
   * and the rated organisations of the subtree (grassroots organisations, sub-committees, subordinate cells). A subject
   * already holding a yearly rating of that year in another round is not pending either. NOT_FOUND outside the round's
   * scope; the rows are those the caller may see (their readable organisations, or themselves).
   */
  async pending(
    actor: Actor,
    roundId: string,
    search: string | undefined,
    page: PageInput | 'all' | undefined,
    m: EntityManager = this.ds.manager,
  ): Promise<Page<RatingPendingSubject>> {
    const round = await this.round(actor, roundId, m).catch(asField('roundId'));
    const asOf = ratingReferenceDate(round.year);
    const policy = await this.policies.forOrganisation(round.organisationId, asOf, m);
    // 'all': every pending subject in one statement (the notice job's reminders; no count, no page)
    const { offset, limit } = page === 'all' ? { offset: 0, limit: 0 } : pageOf(page);
    const p = new Params();
    const d = p.add(asOf);
    const root = p.add(round.organisationId);
    const rid = p.add(round.id);
    const year = p.add(round.year);
    const yearly = p.add(round.periodKind === 'YEAR');
    const exemptOut: string[] = [];
    if (policy.rating.exemptNotRated) exemptOut.push('PERMANENT');
    if (policy.rating.temporarilyExemptNotRated) exemptOut.push('TEMPORARY');
    const exemptP = p.add(exemptOut);
    const hasRating = (cond: string) =>
      `EXISTS (SELECT 1 FROM rating r WHERE ${cond} AND (r.round_id = ${rid}::uuid OR (${yearly}::boolean AND r.period_kind = 'YEAR' AND r.year = ${year}::int)))`;
    const withSql = `WITH root AS (SELECT rp.path FROM organisation_placement rp WHERE rp.organisation_id = ${root}::uuid AND ${validAt('rp', d)}),
      tree AS (SELECT pl.organisation_id AS id, pl.parent_id, o.kind, o.name, o.name_folded
                 FROM root JOIN organisation_placement pl ON ${inSubtree('pl', 'root.path')} AND ${validAt('pl', d)} ${JOIN_ORGANISATION('o', 'pl.organisation_id')}),
      subjects AS (
        SELECT 'MEMBER' AS subject_kind, m.id AS member_id, NULL::uuid AS organisation_id, m.full_name AS name, m.name_folded, t.id AS parent_id, t.name AS parent_name
          FROM tree t ${JOIN_MEMBERSHIP('ms', 'ms.organisation_id = t.id', d, 'PERMANENT')} ${JOIN_MEMBER('m', 'ms.member_id')}
         WHERE m.status IN ('FULL','PROBATIONARY') AND (m.left_on IS NULL OR m.left_on > ${d}::date)
           AND COALESCE(${EXEMPTION_AT(d)} <> ALL(${exemptP}::text[]), true)
           AND NOT EXISTS (SELECT 1 FROM rating_exclusion x WHERE x.member_id = m.id AND x.year = ${year}::int)
           AND NOT ${hasRating('r.member_id = m.id')}
        UNION ALL
        SELECT ${SUBJECT_KIND_SQL('t.kind')}, NULL::uuid, t.id, t.name, t.name_folded, t.parent_id, po.name
          FROM tree t ${LEFT_JOIN_ORGANISATION('po', 't.parent_id')}
         WHERE t.kind IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL','SUB_COMMITTEE','SUBORDINATE_CELL')
           AND NOT ${hasRating('r.subject_organisation_id = t.id')})`;
    const where = [
      `(${[orgVisibleSql({ ...actor, ownCellIds: [] }, 'COALESCE(s.organisation_id, s.parent_id)', p, d), ...(actor.ownMemberIds.length ? [`s.member_id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`] : [])].join(' OR ')})`,
    ];
    if (search?.trim()) where.push(...nameSearchSql('s.name_folded', search, p));
    const from = `subjects s WHERE ${where.join(' AND ')}`;
    const [{ total }] =
      page === 'all'
        ? [{ total: -1 }]
        : await m.query(`${withSql} SELECT count(*)::int AS total FROM ${from}`, p.values);
    const rows = await m.query(
      `${withSql} SELECT s.subject_kind AS "subjectKind", s.member_id AS "memberId", s.organisation_id AS "organisationId", s.name,
              s.parent_id AS "parentOrganisationId",
              CASE WHEN ${orgVisibleSql(actor, 's.parent_id', p, d)} THEN COALESCE(s.parent_name, '') ELSE '' END AS "organisationName"
         FROM ${from}
        ORDER BY (s.member_id IS NOT NULL), s.parent_name NULLS FIRST, s.name_folded, COALESCE(s.member_id, s.organisation_id)
        ${page === 'all' ? '' : `OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`}`,
      p.values,
    );
    return page === 'all'
      ? { items: rows, total: rows.length, offset: 0, limit: rows.length }
      : { items: rows, total, offset, limit };
  }
}
