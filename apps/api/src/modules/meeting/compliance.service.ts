import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { complianceForCell, DomainError, percent, type MeetingKind, type MeetingState } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { assertOrgVisible } from '../../common/scope/scope';
import { inSubtree, today, validAt } from '../../database/sql';
import { OrganisationService, type OrgModelLoader } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import type { CellCompliance, ComplianceInput, MeetingCompliance } from './compliance.model';

/**
 * Which cells under an organisation are behind on their meetings over a period. Set-based: one query for the cells,
 * one for their meetings, one for attendance, one for the counts by kind; the rule itself is libs' complianceForCell.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly ds: DataSource,
    private readonly orgs: OrganisationService,
    private readonly policies: PolicyService,
  ) {}

  async compliance(actor: Actor, input: ComplianceInput, models: OrgModelLoader = (a, ids, d) => this.orgs.findVisible(a, ids, d)): Promise<MeetingCompliance> {
    const asOf = input.asOf ?? today();
    if (input.to < input.from) throw new DomainError('INVALID_DATE_ORDER', 'The period must end after it starts', 'to');
    const d = input.to < asOf ? input.to : asOf;
    await assertOrgVisible(this.ds.manager, actor, input.organisationId, d);
    const cells: { id: string; establishedOn: string; dissolvedOn: string | null; since: string }[] = await this.ds.query(
      `SELECT o.id, o.established_on AS "establishedOn", o.dissolved_on AS "dissolvedOn",
              (SELECT min(x.valid_from) FROM organisation_placement x WHERE x.organisation_id = o.id) AS since
         FROM organisation_placement rp
         JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', '$2')}
         JOIN organisation o ON o.id = pl.organisation_id AND o.kind IN ('GRASSROOTS_CELL','SUBORDINATE_CELL')
        WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')}`,
      [input.organisationId, d],
    );
    const ids = cells.map((c) => c.id);
    const meetings: { cellId: string; date: string; kind: MeetingKind; state: MeetingState }[] = await this.ds.query(
      `SELECT organisation_id AS "cellId", meeting_date AS date, kind, state FROM meeting
        WHERE organisation_id = ANY($1::uuid[]) AND meeting_date BETWEEN $2::date AND $3::date AND state IN ('HELD','CLOSED')`,
      [ids, input.from, input.to],
    );
    // Totals kept on each meeting row by triggers on meeting_attendance (migration 1764200000000).
    const attendance: { cellId: string | null; present: number; expected: number }[] = await this.ds.query(
      `SELECT GROUPING(mt.organisation_id) AS g, mt.organisation_id AS "cellId",
              coalesce(sum(mt.attendance_present), 0)::int AS present, coalesce(sum(mt.attendance_expected), 0)::int AS expected
         FROM meeting mt
        WHERE mt.organisation_id = ANY($1::uuid[]) AND mt.meeting_date BETWEEN $2::date AND $3::date AND mt.state IN ('HELD','CLOSED')
        GROUP BY ROLLUP (mt.organisation_id)`,
      [ids, input.from, input.to],
    );
    // Counts by kind over the subtree as it stood on each meeting's date (cells since moved away or dissolved included).
    const counts: { kind: MeetingKind; count: number }[] = await this.ds.query(
      `SELECT mt.kind, count(*)::int AS count
         FROM meeting mt
         JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND ${validAt('pl', 'mt.meeting_date')}
         JOIN organisation_placement rp ON rp.organisation_id = $1 AND ${validAt('rp', 'mt.meeting_date')} AND ${inSubtree('pl', 'rp.path')}
        WHERE mt.meeting_date BETWEEN $2::date AND $3::date AND mt.state IN ('HELD','CLOSED')
        GROUP BY mt.kind ORDER BY mt.kind`,
      [input.organisationId, input.from, input.to],
    );
    const policies = await this.policies.forOrganisations(ids, d);
    const orgModels = new Map((await models(actor, ids, d)).map((o) => [o.id, o]));
    const byCell = new Map<string, { date: string; kind: MeetingKind; state: MeetingState }[]>(ids.map((id) => [id, []]));
    for (const mt of meetings) byCell.get(mt.cellId)?.push(mt);
    const att = new Map(attendance.filter((a) => a.cellId).map((a) => [a.cellId as string, a]));
    const total = attendance.find((a) => !a.cellId);

    const rows: CellCompliance[] = cells
      .filter((c) => orgModels.has(c.id))
      .map((c) => {
        const result = complianceForCell(
          { meetings: byCell.get(c.id)!, from: input.from, to: input.to, asOf, activeFrom: c.since > c.establishedOn ? c.since : c.establishedOn, activeTo: c.dissolvedOn },
          policies.get(c.id)!,
        );
        const a = att.get(c.id);
        return {
          organisation: orgModels.get(c.id)!,
          behind: result.behind,
          missing: result.missing,
          regularHeld: result.regularHeld,
          thematicHeld: result.thematicHeld,
          attendancePercent: a ? percent(a.present, a.expected) : null,
        };
      })
      .sort((x, y) => Number(y.behind) - Number(x.behind) || x.organisation.code.localeCompare(y.organisation.code));
    const behindCount = rows.filter((r) => r.behind).length;
    return {
      cellCount: rows.length,
      behindCount,
      behindPercent: percent(behindCount, rows.length),
      cells: rows,
      counts,
      attendancePercent: total ? percent(total.present, total.expected) : null,
    };
  }
}
