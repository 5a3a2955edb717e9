import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, foldVietnamese, percent, scoreGap, visitCoverage, type Policy } from '@chibo/domain';
import { asField } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { countAndPage, pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { assertOrgVisible, inRangesSql, isUuid, listScope, orgVisibleSql, rootRanges } from '../../common/scope/scope';
import { inSubtree, Params, today, validAt } from '../../database/sql';
import { ACTIVE_USERS, JOIN_USER } from '../auth/auth.sql';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';
import { holdsCommitteeGrantInSql } from '../auth/grant.sql';
import { PolicyService } from '../policy/policy.service';
import { MeetingService } from './meeting.service';
import type {
  AssignableVisitor,
  Visit,
  VisitAssignment,
  VisitCoverageInput,
  VisitCoverageLine,
  VisitCoverageReport,
} from './visit.model';
import { OrganisationService, type OrgModelLoader } from '../organisation/organisation.service';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

/** Internal reads that compile a report take every row (the 500-row cap is for API pages). */
export const ALL_ROWS = { offset: 0, limit: 1_000_000 };

const VISIT_COLUMNS = `v.id, v.meeting_id AS "meetingId", mt.organisation_id AS "cellId", mt.meeting_date AS date, v.visitor_user_id AS "visitorUserId",
  u.display_name AS "visitorName", v.attended, v.scores, v.total, v.max_total AS "maxTotal", v.level, mt.self_total AS "selfTotal",
  v.guidance, v.issues, v.follow_up AS "followUp"`;

/**
 * Committee members' visits to cell meetings (docs/rules.md#visits), the reads: assignments, visits with their
 * scores, the users a writer may assign and the yearly coverage. The writes are VisitWriteService's, the monthly
 * report VisitReportService's.
 */
@Injectable()
export class VisitService {
  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingService,
    private readonly policies: PolicyService,
    private readonly orgs: OrganisationService,
    private readonly tree: KeptTreeReads,
  ) {}

  /**
   * Yearly visit coverage under an organisation: per assignment in force during the year on a cell under it (the
   * tree as of min(asOf, 31 December)), the visits required (policy, pro rata), due so far, done, scored, and
   * whether the visitor is behind; plus the cells with no visitor assigned at all. Three set-based queries.
   */
  async coverage(
    actor: Actor,
    input: VisitCoverageInput,
    models: OrgModelLoader = (a, ids, d) => this.orgs.findVisible(a, ids, d),
  ): Promise<VisitCoverageReport> {
    const asOf = input.asOf ?? today();
    const yearEnd = `${input.year}-12-31`;
    const d = asOf < yearEnd ? asOf : yearEnd;
    if (d < `${input.year}-01-01`)
      throw new DomainError('INVALID_DATE_ORDER', 'The as-of date is before the year', 'asOf');
    // A report on the visitors: for readers of the subtree (a member's own-cell access is not enough).
    await assertOrgVisible(this.ds.manager, { ...actor, ownCellIds: [] }, input.organisationId, d).catch(
      asField('organisationId'),
    );
    const cells: { id: string }[] = await this.ds.query(
      `SELECT o.id FROM organisation_placement rp
         JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', '$2')}
         ${JOIN_ORGANISATION('o', 'pl.organisation_id', true)}
        WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')}`,
      [input.organisationId, d],
    );
    const ids = cells.map((c) => c.id);
    const assignments: (VisitAssignment & { to: string | null })[] = await this.ds.query(
      `SELECT va.id, va.visitor_user_id AS "visitorUserId", u.display_name AS "visitorName", va.cell_id AS "cellId", va.valid_from AS "from",
              va.valid_to AS "to", va.required_per_year AS "requiredPerYear"
         FROM visit_assignment va ${JOIN_USER('u', 'va.visitor_user_id')}
        WHERE va.cell_id = ANY($1::uuid[]) AND va.valid_from <= $3::date AND (va.valid_to IS NULL OR va.valid_to > $2::date)
        ORDER BY u.display_name, va.valid_from, va.id`,
      [ids, `${input.year}-01-01`, yearEnd],
    );
    const visits: { id: string; meetingId: string; assignmentId: string; date: string; scored: boolean }[] =
      await this.ds.query(
        `SELECT v.id, v.meeting_id AS "meetingId", v.assignment_id AS "assignmentId", mt.meeting_date AS date, (v.total IS NOT NULL) AS scored
         FROM visit v JOIN meeting mt ON mt.id = v.meeting_id
        WHERE v.assignment_id = ANY($1::uuid[]) AND v.attended AND mt.meeting_date BETWEEN $2::date AND $3::date`,
        [assignments.map((a) => a.id), `${input.year}-01-01`, d],
      );
    const byAssignment = new Map<string, { id: string; meetingId: string; date: string; scored: boolean }[]>(
      assignments.map((a) => [a.id, []]),
    );
    for (const v of visits) byAssignment.get(v.assignmentId)?.push(v);
    const policies = await this.policies.forOrganisations(ids, d);
    const orgModels = new Map((await models(actor, ids, d)).map((o) => [o.id, o]));
    const lines: VisitCoverageLine[] = assignments
      .filter((a) => orgModels.has(a.cellId))
      .map((a) => {
        const c = visitCoverage(
          {
            assignment: {
              visitorId: a.visitorUserId,
              cellId: a.cellId,
              from: a.from,
              to: a.to,
              requiredPerYear: a.requiredPerYear,
            },
            visits: byAssignment.get(a.id)!,
            year: input.year,
            asOf: d,
          },
          policies.get(a.cellId)!,
        );
        return { assignment: a, cell: orgModels.get(a.cellId)!, ...c };
      })
      .sort(
        (x, y) =>
          Number(y.behind) - Number(x.behind) || x.assignment.visitorName.localeCompare(y.assignment.visitorName, 'vi'),
      );
    const assigned = new Set(lines.map((l) => l.cell.id));
    const unassignedCells = ids
      .filter((id) => orgModels.has(id) && !assigned.has(id))
      .map((id) => orgModels.get(id)!)
      .sort((x, y) => x.code.localeCompare(y.code));
    const behindCount = lines.filter((l) => l.behind).length;
    // The visits behind `unscored` (for the dashboard's alerts): those the rule itself counts as unscored, one at a time.
    const unscoredVisits = lines.flatMap((l) => {
      const a = l.assignment;
      const assignment = {
        visitorId: a.visitorUserId,
        cellId: a.cellId,
        from: a.from,
        to: a.to,
        requiredPerYear: a.requiredPerYear,
      };
      return byAssignment
        .get(a.id)!
        .filter(
          (v) =>
            visitCoverage({ assignment, visits: [v], year: input.year, asOf: d }, policies.get(a.cellId)!).unscored ===
            1,
        )
        .map((v) => ({ visitId: v.id, meetingId: v.meetingId, date: v.date, assignment: a, cell: l.cell }));
    });
    return {
      unscoredVisits,
      year: input.year,
      asOf: d,
      assignmentCount: lines.length,
      behindCount,
      behindPercent: percent(behindCount, lines.length),
      required: lines.reduce((n, l) => n + l.required, 0),
      done: lines.reduce((n, l) => n + l.done, 0),
      scored: lines.reduce((n, l) => n + l.scored, 0),
      unscored: lines.reduce((n, l) => n + l.unscored, 0),
      cellCount: orgModels.size,
      unassignedCells,
      lines,
    };
  }

  /**
   * The users the caller may assign to follow the cells of `organisationId` (docs/meeting.md#visits), for a writer of
   * it (NOT_FOUND outside the caller's scope, as a missing organisation; FORBIDDEN for one the caller only reads):
   * active users with a committee grant (COMMITTEE_READ, COMMITTEE_WRITE, CELL_SECRETARY) on an organisation, or a
   * visit assignment to a cell, inside the caller's write subtrees that hold the organisation on `asOf`. An
   * administrator may assign any active user. Scoped in the query itself: nothing outside those subtrees is read.
   */
  async assignableVisitors(actor: Actor, organisationId: string, asOf: string = today()): Promise<AssignableVisitor[]> {
    const [target] =
      (await listScope(this.tree, actor, organisationId, asOf, { write: true }).catch(asField('organisationId'))) ?? [];
    // The caller's write subtrees above (or at) the organisation; an administrator's is the whole tree.
    const ranges = actor.isAdmin
      ? null
      : target
        ? (await rootRanges(this.tree, actor.writeRoots, asOf)).filter((r) => target.lo >= r.lo && target.lo < r.hi)
        : [];
    const p = new Params();
    const d = p.add(asOf);
    const placed = (alias: string, orgExpr: string) =>
      `JOIN organisation_placement ${alias} ON ${alias}.organisation_id = ${orgExpr} AND ${validAt(alias, d)} AND ${inRangesSql(alias, ranges, p)}`;
    const reachable =
      ranges === null
        ? 'TRUE'
        : `(${holdsCommitteeGrantInSql('u.id', ranges, p, d)}
        OR EXISTS (SELECT 1 FROM visit_assignment va ${placed('ap', 'va.cell_id')} WHERE va.visitor_user_id = u.id))`;
    const rows: AssignableVisitor[] = await this.ds.query(
      `SELECT u.id, u.username, u.display_name AS "displayName",
              (SELECT count(DISTINCT va.cell_id)::int FROM visit_assignment va ${placed('fp', 'va.cell_id')}
                WHERE va.visitor_user_id = u.id AND ${validAt('va', d)}) AS "followsCells"
         FROM ${ACTIVE_USERS('u')}
        WHERE ${reachable}`,
      p.values,
    );
    // By name as a Vietnamese reader orders it (Đ with D, tones ignored), whatever the database's collation.
    const key = new Map(rows.map((r) => [r.id, foldVietnamese(r.displayName)]));
    return rows.sort((x, y) => key.get(x.id)!.localeCompare(key.get(y.id)!) || x.username.localeCompare(y.username));
  }

  /** Assignments visible to the actor: their own, and those on cells in their read scope. */
  async assignments(
    actor: Actor,
    f: { ids?: string[]; cellId?: string; visitorUserId?: string; asOf?: string },
  ): Promise<VisitAssignment[]> {
    const p = new Params();
    const where = [
      `(${p.add(f.ids?.filter(isUuid) ?? null)}::uuid[] IS NULL OR va.id = ANY($1::uuid[]))`,
      `(${p.add(f.cellId && isUuid(f.cellId) ? f.cellId : null)}::uuid IS NULL OR va.cell_id = $2)`,
      `(${p.add(f.visitorUserId && isUuid(f.visitorUserId) ? f.visitorUserId : null)}::uuid IS NULL OR va.visitor_user_id = $3)`,
      `(${p.add(f.asOf ?? null)}::date IS NULL OR ${validAt('va', '$4')})`,
    ];
    // Visible: the actor's own assignments, and those on cells in the actor's read scope (on the first day); not to a
    // member through their own cell (who visits is the committee's).
    if (!actor.isAdmin)
      where.push(
        `(va.visitor_user_id = ${p.add(actor.id)}::uuid OR ${orgVisibleSql({ ...actor, ownCellIds: [] }, 'va.cell_id', p, 'va.valid_from')})`,
      );
    return this.ds.query(
      `SELECT va.id, va.visitor_user_id AS "visitorUserId", u.display_name AS "visitorName", va.cell_id AS "cellId", va.valid_from AS "from",
              va.valid_to AS "to", va.required_per_year AS "requiredPerYear"
         FROM visit_assignment va ${JOIN_USER('u', 'va.visitor_user_id')}
        WHERE ${where.join(' AND ')} ORDER BY va.valid_from, va.id`,
      p.values,
    );
  }

  async visits(
    actor: Actor,
    f: {
      ids?: string[];
      meetingIds?: readonly string[];
      organisationId?: string;
      visitorUserId?: string;
      from?: string;
      to?: string;
    },
    page: PageInput | undefined,
  ): Promise<Page<Visit>> {
    const { offset, limit } = pageOf(page);
    const where = [
      `($1::uuid[] IS NULL OR v.id = ANY($1::uuid[]))`,
      `($2::uuid IS NULL OR v.visitor_user_id = $2)`,
      `($3::date IS NULL OR mt.meeting_date >= $3)`,
      `($4::date IS NULL OR mt.meeting_date <= $4)`,
    ];
    const params: unknown[] = [
      f.ids?.filter(isUuid) ?? null,
      f.visitorUserId && isUuid(f.visitorUserId) ? f.visitorUserId : null,
      f.from ?? null,
      f.to ?? null,
    ];
    if (f.meetingIds) {
      params.push(f.meetingIds.filter(isUuid));
      where.push(`v.meeting_id = ANY($${params.length}::uuid[])`);
    }
    const p = new Params();
    p.values.push(...params);
    if (f.organisationId) {
      // Under the organisation on the meeting date: its placements resolved once, as constant path ranges and periods.
      const id = isUuid(f.organisationId) ? f.organisationId : '';
      where.push(this.meetings.underOnMeetingDateSql((await this.meetings.periodsOf([id])).get(id) ?? [], p));
    }
    // Visible: the actor's own visits, and visits to meetings the actor may see through a read grant. Visitors'
    // records and scores are not shown through a member's own-cell access.
    const visible = actor.isAdmin
      ? 'TRUE'
      : `(v.visitor_user_id = ${p.add(actor.id)}::uuid OR ${this.meetings.visibleSql({ ...actor, ownCellIds: [] }, p)})`;
    const sql = `FROM visit v JOIN meeting mt ON mt.id = v.meeting_id ${JOIN_USER('u', 'v.visitor_user_id')}
      JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND ${validAt('pl', 'mt.meeting_date')}
      WHERE ${[...where, visible].join(' AND ')}`;
    const { total, rows } = await countAndPage<Omit<Visit, 'scoreGapWarning'>>(
      this.ds,
      sql,
      `SELECT ${VISIT_COLUMNS} ${sql} ORDER BY mt.meeting_date DESC, v.id OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}`,
      p.values,
    );
    const policies = await this.policies.forOrganisations([...new Set(rows.map((r) => r.cellId))], today());
    const items = rows.map((r) => ({
      ...r,
      scoreGapWarning:
        r.total !== null &&
        r.selfTotal !== null &&
        r.maxTotal !== null &&
        scoreGap(r.total, Math.min(r.selfTotal, r.maxTotal), r.maxTotal, policies.get(r.cellId) as Policy),
    }));
    return { items, total, offset, limit };
  }
}
