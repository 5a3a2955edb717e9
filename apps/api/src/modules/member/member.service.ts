import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_POLICY,
  DomainError,
  foldVietnamese,
  probationState,
  type MemberStatus,
  type Policy,
} from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import {
  type Page,
  type PageInput,
  countAndPage,
  keysetAfterSql,
  keysetColumns,
  keysetPageOf,
  keysetRows,
  type KeysetKey,
} from '../../common/graphql/pagination';
import {
  assertOrgVisible,
  inRangesSql,
  isUuid,
  listScope,
  orgVisibleSql,
  orgIdsVisibleTo,
} from '../../common/scope/scope';
import { atEvent } from './member-writes';
import { Params, today, validAt, wordStartSql, wordsStartSql } from '../../database/sql';
import { PolicyService } from '../policy/policy.service';
import { CELL_AT, EXEMPTION_AT, STATUS_AT, statusInSql } from './member.sql';
import type { MemberFilter } from './member.inputs';
import { Member, MemberEvent } from './member.model';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

const COLUMNS = `m.id, m.full_name AS "fullName", m.birth_date AS "birthDate", m.gender, m.ethnicity, m.religion,
  m.home_town AS "homeTown", m.residence, m.national_id AS "nationalId", m.card_number AS "cardNumber", m.file_number AS "fileNumber",
  m.admission_decision_date AS "admissionDecisionDate", m.ceremony_date AS "ceremonyDate", m.full_membership_date AS "fullMembershipDate",
  m.introducers, m.course_completed_on AS "courseCompletedOn", m.admission_age_approval AS "admissionAgeApproval", m.education_general AS "educationGeneral", m.education_professional AS "educationProfessional",
  m.political_theory AS "politicalTheory", m.job, m.post, m.temporarily_away AS "temporarilyAway", m.left_on AS "leftOn"`;

/** The order of `members` (folded name, then id), for keyset paging; `name` as the list's ORDER BY writes it. */
const MEMBER_KEYS = (name: string): KeysetKey[] => [
  { expr: name, cast: 'text' },
  { expr: 'm.id', cast: 'uuid' },
];

const toModel = (row: Record<string, unknown>, asOf: string): Member => Object.assign(new Member(), row, { asOf });

/**
 * Member records: who reads which member (readers of the cell's subtree on the date, a member their own record), the
 * list, the event log, and the member row locked for a write. Creating and editing a record are MemberWriteService's,
 * lifecycle events MemberEventService's, discipline DisciplineService's.
 */
@Injectable()
export class MemberService {
  constructor(
    private readonly ds: DataSource,
    private readonly policies: PolicyService,
    private readonly tree: KeptTreeReads,
  ) {}

  // ---------------------------------------------------------------- reads

  /** SQL condition: member `m` (with its cell on the date in `cell`) is readable by the actor. */
  private visibleSql(actor: Actor, p: Params, d: string, cell: string): string {
    if (actor.isAdmin) return 'TRUE';
    const parts: string[] = [];
    if (actor.readRoots.length)
      parts.push(`(${cell} IS NOT NULL AND ${orgVisibleSql({ ...actor, ownCellIds: [] }, cell, p, d)})`);
    if (actor.ownMemberIds.length) parts.push(`m.id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  async findVisible(
    actor: Actor,
    ids: readonly string[],
    asOf: string,
    m: EntityManager = this.ds.manager,
  ): Promise<Member[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const p = new Params();
    const idsP = p.add(valid);
    const d = p.add(asOf);
    const rows = await m.query(
      `SELECT ${COLUMNS}, ${EXEMPTION_AT(d)} AS exemption, ${STATUS_AT(d)} AS status, c.cell AS "organisationId"
         FROM member m CROSS JOIN LATERAL (SELECT ${CELL_AT(d)} AS cell) c
        WHERE m.id = ANY(${idsP}::uuid[]) AND ${this.visibleSql(actor, p, d, 'c.cell')}`,
      p.values,
    );
    return rows.map((r: Record<string, unknown>) => toModel(r, asOf));
  }

  async get(actor: Actor, id: string, asOf: string): Promise<Member> {
    const [member] = await this.findVisible(actor, [id], asOf);
    if (!member) throw new DomainError('NOT_FOUND', 'Member not found', 'id');
    return member;
  }

  /**
   * Members under an organisation (or the caller's scope) on a date, in one query: the permanent placements in
   * force that day joined to the tree as it stood, so a member appears under the cell (and committee) they were in.
   */
  async list(
    actor: Actor,
    filter: MemberFilter | undefined,
    page: PageInput | undefined,
    asOf: string,
  ): Promise<Page<Member>> {
    // by the name as written, or by the given name (member.name_given_first: libs/domain givenNameFirst, kept by the database)
    const nameCol = filter?.order === 'GIVEN_NAME' ? 'm.name_given_first' : 'm.name_folded';
    const { offset, limit, after } = keysetPageOf(page, 'members', MEMBER_KEYS(nameCol));
    const p = new Params();
    const d = p.add(asOf);
    const statuses = filter?.statuses?.length ? filter.statuses : (['PROBATIONARY', 'FULL'] as MemberStatus[]);
    const departed = statuses.some((s) => s !== 'PROBATIONARY' && s !== 'FULL');
    const where: string[] = [statusInSql(d, statuses, p)];

    let from: string;
    // Within a subtree the order is computed on the matching rows (a top-N sort): ordered by the bare column, the
    // planner may walk the whole name index and probe each member's membership until the page is full, which reads
    // every member of the database for a 30-member cell. Only the unfiltered administrator's list, which matches
    // everyone, is served in index order.
    let order = `(${nameCol} || ''), m.id`;
    const memberOnly = !actor.isAdmin && actor.readRoots.length === 0;
    if (memberOnly) {
      // A member sees only their own record.
      from = `member m CROSS JOIN LATERAL (SELECT ${CELL_AT(d)} AS cell) c`;
      where.push(`m.id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`);
      if (filter?.organisationId) where.push(`c.cell = ${p.add(filter.organisationId)}::uuid`);
    } else {
      // The subtrees, resolved once to constant path ranges: the planner walks the placement_path index from them.
      const ranges = await listScope(this.tree, actor, filter?.organisationId, asOf);
      if (ranges === null) order = `${nameCol}, m.id`;
      if (departed) {
        // The cell on the date is the member's last permanent cell, wherever it is now: its path on the date
        // (placement_path_at) must lie in the ranges. Such a cell has a placement in the ranges, and the member a
        // permanent membership of it, so the candidates come from the index first and the function runs on them only.
        from = `member m CROSS JOIN LATERAL (SELECT ${CELL_AT(d)} AS cell) c CROSS JOIN LATERAL (SELECT placement_path_at(c.cell, ${d}::date) AS path) pl`;
        where.push('c.cell IS NOT NULL', inRangesSql('pl', ranges, p));
        if (ranges !== null) {
          where.push(`m.id IN (SELECT cm.member_id FROM organisation_placement cp JOIN membership cm ON cm.organisation_id = cp.organisation_id
            AND cm.kind = 'PERMANENT' AND cm.valid_from <= ${d}::date WHERE ${inRangesSql('cp', ranges, p)})`);
        }
      } else {
        from = `membership ms JOIN organisation_placement pl ON pl.organisation_id = ms.organisation_id AND ${validAt('pl', d)}
                JOIN member m ON m.id = ms.member_id CROSS JOIN LATERAL (SELECT ms.organisation_id AS cell) c`;
        where.push(`ms.kind = 'PERMANENT'`, validAt('ms', d), inRangesSql('pl', ranges, p));
      }
    }
    if (filter?.search) {
      const q = filter.search.trim().replace(/[\s.]/g, '');
      if (/^\d{6,12}$/.test(q)) {
        where.push(`(m.card_number = ${p.add(q)} OR m.national_id = $${p.values.length})`);
      } else {
        // Each word must start a word of the name ("an" finds "Văn An", not "Vân"); the trigram index serves the regex.
        for (const word of foldVietnamese(filter.search).split(' ').filter(Boolean)) {
          where.push(wordStartSql('m.name_folded', word, p));
        }
      }
    }
    if (filter?.gender) where.push(`m.gender = ${p.add(filter.gender)}`);
    if (filter?.admittedFrom) where.push(`m.admission_decision_date >= ${p.add(filter.admittedFrom)}::date`);
    if (filter?.admittedTo) where.push(`m.admission_decision_date <= ${p.add(filter.admittedTo)}::date`);
    if (filter?.leftFrom) where.push(`m.left_on >= ${p.add(filter.leftFrom)}::date`);
    if (filter?.leftTo) where.push(`m.left_on <= ${p.add(filter.leftTo)}::date`);
    if (filter?.bornFrom) where.push(`m.birth_date >= ${p.add(filter.bornFrom)}::date`);
    if (filter?.bornTo) where.push(`m.birth_date <= ${p.add(filter.bornTo)}::date`);
    if (filter?.badgeDueInYear) {
      const policy = filter.organisationId
        ? await this.policies.forOrganisation(filter.organisationId, asOf)
        : DEFAULT_POLICY;
      where.push(
        `(${p.add(filter.badgeDueInYear)}::int - EXTRACT(YEAR FROM m.admission_decision_date)::int) = ANY(${p.add(policy.member.badgeMilestones)}::int[])`,
      );
    }
    if (filter?.exempt !== undefined && filter.exempt !== null)
      where.push(filter.exempt ? `${EXEMPTION_AT(d)} IS NOT NULL` : `${EXEMPTION_AT(d)} IS NULL`);
    const sql = `FROM ${from} WHERE ${where.join(' AND ')}`;
    // The order's keys as written in ORDER BY (the name expression differs by branch; its values do not).
    const keys = MEMBER_KEYS(order.startsWith('(') ? `(${nameCol} || '')` : nameCol);
    const columns = `${COLUMNS}, ${EXEMPTION_AT(d)} AS exemption, ${STATUS_AT(d)} AS status, c.cell AS "organisationId", ${keysetColumns(keys)}`;
    const select = `SELECT ${columns} ${sql} ORDER BY ${order}`;
    // Built when run: its parameters come after those of the queries run before it.
    const selectAfter = () => `SELECT ${columns} ${sql} AND ${keysetAfterSql(keys, after, p)} ORDER BY ${order}`;

    if (filter?.probation?.length) {
      // Probation states come from the domain rule (working days), so they are computed on the probationary
      // candidates, a small share of members, and paged here.
      const rows: Record<string, unknown>[] = await this.ds.query(`${select}`, p.values);
      const policies = await this.policies.forOrganisations(
        [...new Set(rows.map((r) => r.organisationId as string).filter(Boolean))],
        asOf,
      );
      const wanted = new Set(filter.probation);
      const matches = (r: Record<string, unknown>) =>
        wanted.has(
          probationState(
            { status: r.status as MemberStatus, ceremonyDate: r.ceremonyDate as string | null },
            asOf,
            policies.get(r.organisationId as string) as Policy,
          ),
        );
      const matching = rows.filter(matches);
      // After a cursor: the same rows from the cursor's position on (read again, so a row removed since is no anchor).
      const from = after
        ? ((await this.ds.query(selectAfter(), p.values)) as Record<string, unknown>[]).filter(matches)
        : matching;
      const { rows: items, nextCursor } = keysetRows(from.slice(offset, offset + limit + 1), limit, 'members', keys);
      return { items: items.map((r) => toModel(r, asOf)), total: matching.length, offset, limit, nextCursor };
    }
    const { total, rows: read } = await countAndPage(
      this.ds,
      sql,
      `${selectAfter()} OFFSET ${p.add(offset)} LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const { rows, nextCursor } = keysetRows(read, limit, 'members', keys);
    return { items: rows.map((r: Record<string, unknown>) => toModel(r, asOf)), total, offset, limit, nextCursor };
  }

  /**
   * The one search box's members: active (full and probationary) members of the caller's scope on a date (their own
   * record for a member) whose folded name has every word of `words` (each starts a word of the name), or, for a
   * single word of 6 to 12 digits, whose card or national id number it is; at most `limit`, by given name. No count:
   * the trigram index and the scope's path ranges bound the work.
   */
  async search(actor: Actor, words: readonly string[], asOf: string, limit: number): Promise<Member[]> {
    if (!words.length) return [];
    const p = new Params();
    const d = p.add(asOf);
    const where: string[] = [statusInSql(d, ['PROBATIONARY', 'FULL'], p)];
    let from: string;
    if (!actor.isAdmin && actor.readRoots.length === 0) {
      from = `member m CROSS JOIN LATERAL (SELECT ${CELL_AT(d)} AS cell) c`;
      where.push(`m.id = ANY(${p.add(actor.ownMemberIds)}::uuid[])`);
    } else {
      const ranges = await listScope(this.tree, actor, undefined, asOf);
      from = `membership ms JOIN organisation_placement pl ON pl.organisation_id = ms.organisation_id AND ${validAt('pl', d)}
              JOIN member m ON m.id = ms.member_id CROSS JOIN LATERAL (SELECT ms.organisation_id AS cell) c`;
      where.push(`ms.kind = 'PERMANENT'`, validAt('ms', d), inRangesSql('pl', ranges, p));
    }
    const number = words.length === 1 && /^\d{6,12}$/.test(words[0] ?? '') ? words[0] : undefined;
    where.push(
      number
        ? `(m.card_number = ${p.add(number)} OR m.national_id = $${p.values.length})`
        : wordsStartSql('m.name_folded', words, p),
    );
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${COLUMNS}, ${EXEMPTION_AT(d)} AS exemption, ${STATUS_AT(d)} AS status, c.cell AS "organisationId"
         FROM ${from} WHERE ${where.join(' AND ')} ORDER BY m.name_given_first, m.id LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map((r) => toModel(r, asOf));
  }

  async eventsOf(memberIds: readonly string[], asOf: string): Promise<Map<string, MemberEvent[]>> {
    const rows = await this.ds.query(
      `SELECT id, member_id AS "memberId", type, effective_on AS "effectiveOn", organisation_id AS "organisationId",
              to_organisation_id AS "toOrganisationId", external_organisation AS "externalOrganisation", reason, note,
              end_on AS "endOn", recorded_at AS "recordedAt"
         FROM member_event WHERE member_id = ANY($1::uuid[]) ORDER BY effective_on, recorded_at`,
      [memberIds],
    );
    const out = new Map<string, MemberEvent[]>(memberIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.memberId)?.push(Object.assign(new MemberEvent(), r, { asOf }));
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * For a write of another module about a member (their dues…), inside that write's transaction: locks the member row
   * and checks the caller writes the member's cell today. Answers the cell; NOT_FOUND (field memberId) when the member
   * is missing or unreadable, FORBIDDEN when readable but not writable.
   */
  async lockForWrite(m: EntityManager, actor: Actor, id: string): Promise<{ organisationId: string }> {
    const row = await this.lockWritable(m, actor, id);
    return { organisationId: row.organisationId as string };
  }

  /**
   * lockWritable for many members (rows locked in id order, the scope read in two statements): the rows by id; the
   * first member the caller may not change gives lockWritable's error, naming its place in `ids` (atEvent).
   */
  async lockWritableMany(
    m: EntityManager,
    actor: Actor,
    ids: readonly string[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const d = today();
    const valid = [...new Set(ids.filter(isUuid))];
    const rows: Record<string, unknown>[] = valid.length
      ? await m.query(
          `SELECT ${COLUMNS}, m.exemption, m.status, ${CELL_AT('$2')} AS "organisationId" FROM member m WHERE m.id = ANY($1::uuid[]) ORDER BY m.id FOR UPDATE`,
          [valid, d],
        )
      : [];
    const byId = new Map(rows.filter((r) => r.organisationId).map((r) => [r.id as string, r]));
    const readable = new Set((await this.findVisible(actor, [...byId.keys()], d, m)).map((x) => x.id));
    const writable = await orgIdsVisibleTo(
      m,
      actor,
      [...byId.values()].map((r) => r.organisationId as string),
      d,
      true,
    );
    for (const [i, id] of ids.entries()) {
      const row = byId.get(id);
      if (!row || !readable.has(id)) atEvent(i)(new DomainError('NOT_FOUND', 'Member not found', 'memberId'));
      else if (!writable.has(row.organisationId as string))
        await assertOrgVisible(m, actor, row.organisationId as string, d, true).catch(atEvent(i));
    }
    return byId;
  }

  /**
   * The member row (locked for update) if the caller may change it; NOT_FOUND / FORBIDDEN otherwise. For the member
   * module's writes (events, discipline).
   */
  async lockWritable(m: EntityManager, actor: Actor, id: string): Promise<Record<string, unknown>> {
    const [row] = isUuid(id)
      ? await m.query(
          `SELECT ${COLUMNS}, m.exemption, m.status, ${CELL_AT('$2')} AS "organisationId" FROM member m WHERE m.id = $1 FOR UPDATE`,
          [id, today()],
        )
      : [];
    if (!row || !row.organisationId) throw new DomainError('NOT_FOUND', 'Member not found', 'memberId');
    const readable = (await this.findVisible(actor, [id], today(), m)).length > 0;
    if (!readable) throw new DomainError('NOT_FOUND', 'Member not found', 'memberId');
    await assertOrgVisible(m, actor, row.organisationId, today(), true);
    return row;
  }
}
