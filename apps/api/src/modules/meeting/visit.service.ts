import { Injectable } from '@nestjs/common';
import { writeReport, xlDate, type ExportWorkbook } from '../../common/export/workbook';
import { DataSource } from 'typeorm';
import {
  DomainError,
  first,
  foldVietnamese,
  lastDayOfMonth,
  percent,
  scoreGap,
  scoreMeeting,
  visitCoverage,
  visitReportDueOn,
  visitReportState,
  type Policy,
} from '@chibo/domain';
import { asField, onDomainError } from '../../common/graphql/errors';
import type { Actor } from '../../common/auth/actor';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { pageOf, type Page, type PageInput } from '../../common/graphql/pagination';
import { assertOrgVisible, inRangesSql, isUuid, listScope, orgVisibleSql, rootRanges } from '../../common/scope/scope';
import { inSubtree, Params, returning, today, validAt } from '../../database/sql';
import { ACTIVE_USER, ACTIVE_USERS, JOIN_USER } from '../auth/auth.sql';
import { JOIN_ORGANISATION, ORGANISATIONS_WHERE } from '../organisation/organisation.sql';
import { holdsCommitteeGrantInSql } from '../auth/grant.sql';
import { PolicyService } from '../policy/policy.service';
import { MeetingService } from './meeting.service';
import type {
  AssignableVisitor,
  AssignVisitorInput,
  RecordVisitInput,
  Visit,
  VisitAssignment,
  VisitCoverageInput,
  VisitCoverageLine,
  VisitCoverageReport,
  VisitReport,
  VisitReportInput,
  VisitReportLine,
} from './visit.model';
import { OrganisationService, type OrgModelLoader } from '../organisation/organisation.service';

/** Internal reads that compile a report take every row (the 500-row cap is for API pages). */
export const ALL_ROWS = { offset: 0, limit: 1_000_000 };

const VISIT_COLUMNS = `v.id, v.meeting_id AS "meetingId", mt.organisation_id AS "cellId", mt.meeting_date AS date, v.visitor_user_id AS "visitorUserId",
  u.display_name AS "visitorName", v.attended, v.scores, v.total, v.max_total AS "maxTotal", v.level, mt.self_total AS "selfTotal",
  v.guidance, v.issues, v.follow_up AS "followUp"`;

/**
 * Committee members' visits to cell meetings (docs/rules.md#visits): assignments, the visit with its score on the policy's
 * sheet, and the monthly report. Only the assigned visitor records (and scores) a visit, for a meeting of a cell
 * assigned to them on that date.
 */
@Injectable()
export class VisitService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    private readonly policies: PolicyService,
    private readonly orgs: OrganisationService,
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

  async assign(caller: Caller, input: AssignVisitorInput): Promise<VisitAssignment> {
    if (input.to && input.to <= input.from)
      throw new DomainError('INVALID_DATE_ORDER', 'The assignment must end after it starts', 'to');
    const id = await this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.cellId, input.from, true).catch(asField('cellId'));
      const [cell] = await m.query(`SELECT o.kind ${ORGANISATIONS_WHERE('o', '= $1')}`, [input.cellId]);
      if (!['GRASSROOTS_CELL', 'SUBORDINATE_CELL'].includes(cell.kind))
        throw new DomainError('VALIDATION', 'Visitors are assigned to cells', 'cellId');
      const [user] = isUuid(input.visitorUserId) ? await m.query(ACTIVE_USER('$1'), [input.visitorUserId]) : [];
      if (!user) throw new DomainError('NOT_FOUND', 'Visitor not found', 'visitorUserId');
      const [row] = await m.query(
        `INSERT INTO visit_assignment (visitor_user_id, cell_id, valid_from, valid_to, required_per_year) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [input.visitorUserId, input.cellId, input.from, input.to ?? null, input.requiredPerYear ?? null],
      );
      await this.audit.record(m, caller, {
        operation: 'assignVisitor',
        entityType: 'visit_assignment',
        entityId: row.id,
        after: input,
      });
      return row.id as string;
    });
    return first(await this.assignments(caller.actor, { ids: [id] }), 'visit assignment');
  }

  async endAssignment(caller: Caller, id: string, to: string): Promise<VisitAssignment> {
    const [a] = await this.assignments(caller.actor, { ids: [id] });
    if (!a) throw new DomainError('NOT_FOUND', 'Assignment not found', 'id');
    if (to <= a.from) throw new DomainError('INVALID_DATE_ORDER', 'The assignment must end after it starts', 'to');
    await this.ds.transaction(async (m) => {
      // The caller sees the assignment (their own, or on a cell they read): changing it without write access is FORBIDDEN.
      await assertOrgVisible(m, caller.actor, a.cellId, a.from, true).catch(
        onDomainError(
          (e) =>
            new DomainError(
              'FORBIDDEN',
              e.code === 'FORBIDDEN' ? e.message : 'You may see this assignment but not end it',
              'id',
            ),
        ),
      );
      await returning(m, `UPDATE visit_assignment SET valid_to = $2 WHERE id = $1 RETURNING id`, [id, to]);
      await this.audit.record(m, caller, {
        operation: 'endVisitAssignment',
        entityType: 'visit_assignment',
        entityId: id,
        before: a,
        after: { to },
      });
    });
    return first(await this.assignments(caller.actor, { ids: [id] }), 'visit assignment');
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
      (await listScope(this.ds.manager, actor, organisationId, asOf, { write: true }).catch(
        asField('organisationId'),
      )) ?? [];
    // The caller's write subtrees above (or at) the organisation; an administrator's is the whole tree.
    const ranges = actor.isAdmin
      ? null
      : target
        ? (await rootRanges(this.ds.manager, actor.writeRoots, asOf)).filter(
            (r) => target.lo >= r.lo && target.lo < r.hi,
          )
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

  async record(caller: Caller, input: RecordVisitInput): Promise<Visit> {
    const id = await this.ds.transaction(async (m) => {
      const [meeting] = await this.meetings.findVisible(caller.actor, [input.meetingId], m);
      if (!meeting) throw new DomainError('NOT_FOUND', 'Meeting not found', 'meetingId');
      const [assignment] =
        caller.actor.kind === 'USER' && caller.actor.id
          ? await m.query(
              `SELECT id FROM visit_assignment va WHERE va.visitor_user_id = $1 AND va.cell_id = $2 AND ${validAt('va', '$3')}`,
              [caller.actor.id, meeting.organisationId, meeting.date],
            )
          : [];
      if (!assignment)
        throw new DomainError(
          'FORBIDDEN',
          'Only a visitor assigned to this cell on the meeting date may record and score the visit',
          'meetingId',
        );
      if (meeting.state !== 'HELD' && meeting.state !== 'CLOSED')
        throw new DomainError('CONFLICT', 'The meeting has not been held yet', 'meetingId', {
          reason: 'MEETING_NOT_HELD',
        });
      let scored: { total: number; max: number; level: string } | null = null;
      if (input.scores) {
        if (!input.attended)
          throw new DomainError('VALIDATION', 'Only a visitor who attended can score the meeting', 'scores');
        const policy = await this.policies.forOrganisation(meeting.organisationId, meeting.date, m);
        scored = scoreMeeting(policy.scoreSheet, input.scores);
      }
      const [row] = await m.query(
        `INSERT INTO visit (meeting_id, visitor_user_id, assignment_id, attended, scores, total, max_total, level, guidance, issues, follow_up)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
         ON CONFLICT (meeting_id, visitor_user_id) DO UPDATE SET attended = EXCLUDED.attended, scores = EXCLUDED.scores, total = EXCLUDED.total,
           max_total = EXCLUDED.max_total, level = EXCLUDED.level, guidance = EXCLUDED.guidance, issues = EXCLUDED.issues, follow_up = EXCLUDED.follow_up,
           recorded_at = now()
         RETURNING id`,
        [
          input.meetingId,
          caller.actor.id,
          assignment.id,
          input.attended,
          input.scores ? JSON.stringify(input.scores) : null,
          scored?.total ?? null,
          scored?.max ?? null,
          scored?.level ?? null,
          input.guidance ?? null,
          input.issues ?? null,
          input.followUp ?? null,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'recordVisit',
        entityType: 'visit',
        entityId: row.id,
        after: input,
        organisationId: meeting.organisationId,
      });
      return row.id as string;
    });
    return first((await this.visits(caller.actor, { ids: [id] }, undefined)).items, 'recorded visit');
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
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, p.values);
    const rows: Omit<Visit, 'scoreGapWarning'>[] = await this.ds.query(
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

  /** The visitor submits their month's report; `submittedOn` (default today) is for loading past reports. */
  async submitReport(
    caller: Caller,
    month: string,
    note: string | undefined,
    submittedOn: string = today(),
  ): Promise<boolean> {
    if (caller.actor.kind !== 'USER' || !caller.actor.id)
      throw new DomainError('FORBIDDEN', 'Reports are submitted by the visitor', 'month');
    const lastDay = lastDayOfMonth(month);
    if (submittedOn < lastDay)
      throw new DomainError(
        'VALIDATION',
        `The report for ${month} can be submitted from its last day (${lastDay})`,
        'month',
      );
    await this.ds.transaction(async (m) => {
      // Only a visitor with an assignment in force during that month reports on it.
      const [assigned] = await m.query(
        `SELECT 1 FROM visit_assignment va WHERE va.visitor_user_id = $1 AND va.valid_from <= $3::date AND (va.valid_to IS NULL OR va.valid_to > $2::date) LIMIT 1`,
        [caller.actor.id, `${month}-01`, lastDay],
      );
      if (!assigned)
        throw new DomainError(
          'FORBIDDEN',
          `Only a visitor assigned to a cell during ${month} submits its visit report`,
          'month',
        );
      await m.query(
        `INSERT INTO visit_report (visitor_user_id, month, submitted_on, note) VALUES ($1,$2,$3,$4)
         ON CONFLICT (visitor_user_id, month) DO UPDATE SET note = EXCLUDED.note`,
        [caller.actor.id, month, submittedOn, note ?? null],
      );
      await this.audit.record(m, caller, {
        operation: 'submitVisitReport',
        entityType: 'visit_report',
        entityId: `${caller.actor.id}:${month}`,
        after: { month, note },
      });
    });
    return true;
  }

  /** The committee's monthly report: a line per visitor assigned to cells under the organisation that month. */
  async report(actor: Actor, input: VisitReportInput): Promise<VisitReport> {
    const first = `${input.month}-01`;
    const last = lastDayOfMonth(input.month);
    // A report on the visitors: for readers of the subtree (a member's own-cell access is not enough).
    await assertOrgVisible(this.ds.manager, { ...actor, ownCellIds: [] }, input.organisationId, last).catch(
      asField('organisationId'),
    );
    const assignments: { visitorUserId: string; visitorName: string; cellId: string; submittedOn: string | null }[] =
      await this.ds.query(
        `SELECT va.visitor_user_id AS "visitorUserId", u.display_name AS "visitorName", va.cell_id AS "cellId", vr.submitted_on AS "submittedOn"
         FROM visit_assignment va ${JOIN_USER('u', 'va.visitor_user_id')}
         JOIN organisation_placement pl ON pl.organisation_id = va.cell_id AND ${validAt('pl', '$3')}
         JOIN organisation_placement rp ON rp.organisation_id = $1 AND ${validAt('rp', '$3')} AND ${inSubtree('pl', 'rp.path')}
         LEFT JOIN visit_report vr ON vr.visitor_user_id = va.visitor_user_id AND vr.month = $4
        WHERE va.valid_from <= $3::date AND (va.valid_to IS NULL OR va.valid_to > $2::date)`,
        [input.organisationId, first, last, input.month],
      );
    const held: { cellId: string }[] = await this.ds.query(
      `SELECT DISTINCT organisation_id AS "cellId" FROM meeting WHERE organisation_id = ANY($1::uuid[]) AND meeting_date BETWEEN $2::date AND $3::date AND state IN ('HELD','CLOSED')`,
      [[...new Set(assignments.map((a) => a.cellId))], first, last],
    );
    const heldCells = new Set(held.map((h) => h.cellId));
    const visits = (await this.visits(actor, { organisationId: input.organisationId, from: first, to: last }, ALL_ROWS))
      .items;
    const policy = await this.policies.forOrganisation(input.organisationId, last);
    const byVisitor = new Map<string, VisitReportLine>();
    for (const a of assignments) {
      let line = byVisitor.get(a.visitorUserId);
      if (!line) {
        const mine = visits.filter((v) => v.visitorUserId === a.visitorUserId);
        line = {
          visitorUserId: a.visitorUserId,
          visitorName: a.visitorName,
          assignedCells: 0,
          visits: mine.length,
          scored: mine.filter((v) => v.total !== null).length,
          unscored: mine.filter((v) => v.attended && v.total === null).length,
          cellsNotVisited: [],
          dueOn: visitReportDueOn(input.month, policy),
          submittedOn: a.submittedOn,
          state: visitReportState({ month: input.month, submittedOn: a.submittedOn, asOf: today() }, policy),
          items: mine,
        };
        byVisitor.set(a.visitorUserId, line);
      }
      line.assignedCells++;
      if (heldCells.has(a.cellId) && !line.items.some((v) => v.cellId === a.cellId))
        line.cellsNotVisited.push(a.cellId);
    }
    return {
      month: input.month,
      lines: [...byVisitor.values()].sort((x, y) => x.visitorName.localeCompare(y.visitorName, 'vi')),
    };
  }

  /** The monthly report as an xlsx workbook (the same figures as `report`), Vietnamese headings. */
  async reportWorkbook(actor: Actor, input: VisitReportInput, wb: ExportWorkbook): Promise<void> {
    const report = await this.report(actor, input);
    const orgLine = await this.orgs.exportLine(actor, lastDayOfMonth(input.month), input.organisationId);
    const [y, mo] = input.month.split('-');
    const STATE: Record<string, string> = {
      NOT_DUE: 'Chưa đến hạn',
      DUE: 'Đến hạn',
      SUBMITTED: 'Đã nộp',
      LATE: 'Quá hạn',
      SUBMITTED_LATE: 'Nộp muộn',
    };
    const codes = new Map<string, string>(
      (
        await this.ds.query(`SELECT o.id, o.code ${ORGANISATIONS_WHERE('o', '= ANY($1::uuid[])')}`, [
          [...new Set(report.lines.flatMap((l) => l.items.map((v) => v.cellId)))],
        ])
      ).map((o: { id: string; code: string }) => [o.id, o.code]),
    );
    const title = `BÁO CÁO KẾT QUẢ DỰ SINH HOẠT CHI BỘ THÁNG ${mo}/${y}`;
    writeReport(
      wb,
      {
        name: `Bao cao T${Number(mo)}-${y}`,
        title,
        subtitle: orgLine,
        headings: [
          'STT',
          'Họ và tên',
          'Số chi bộ được phân công',
          'Số lần dự',
          'Có chấm điểm',
          'Dự nhưng chưa chấm điểm',
          'Chi bộ chưa dự',
          'Hạn báo cáo',
          'Ngày nộp',
          'Tình trạng',
        ],
        widths: [6, 28, 20, 20, 20, 20, 20, 20, 20, 20],
        rows: report.lines.map((l, i) => [
          i + 1,
          l.visitorName,
          l.assignedCells,
          l.visits,
          l.scored,
          l.unscored,
          l.cellsNotVisited.length,
          xlDate(l.dueOn),
          xlDate(l.submittedOn),
          STATE[l.state] ?? l.state,
        ]),
      },
      {
        name: 'Chi tiet',
        title: `${title}: CHI TIẾT`,
        subtitle: orgLine,
        headings: [
          'Người dự',
          'Ngày sinh hoạt',
          'Chi bộ (mã)',
          'Có mặt',
          'Tổng điểm',
          'Điểm tối đa',
          'Xếp loại',
          'Chi bộ tự chấm',
          'Chênh lệch lớn',
          'Nội dung chỉ đạo',
        ],
        widths: Array(10).fill(20),
        rows: report.lines.flatMap((l) =>
          l.items.map((v) => [
            l.visitorName,
            xlDate(v.date),
            codes.get(v.cellId) ?? '',
            v.attended ? 'Có' : 'Không',
            v.total ?? '',
            v.maxTotal ?? '',
            v.level ?? '',
            v.selfTotal ?? '',
            v.scoreGapWarning ? 'Có' : '',
            v.guidance ?? '',
          ]),
        ),
      },
    );
  }
}
