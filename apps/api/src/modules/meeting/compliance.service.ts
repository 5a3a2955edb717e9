import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  complianceForCell,
  DomainError,
  MEETING_KINDS,
  percent,
  type MeetingFact,
  type MeetingKind,
} from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { assertOrgVisible } from '../../common/scope/scope';
import { inSubtree, today, validAt } from '../../database/sql';
import { OrganisationService, type OrgModelLoader } from '../organisation/organisation.service';
import { JOIN_ORGANISATION } from '../organisation/organisation.sql';
import { PolicyService } from '../policy/policy.service';
import type { CellCompliance, ComplianceInput, MeetingCompliance } from './compliance.model';

type Lower = 'regular' | 'thematic' | 'combined' | 'ideological' | 'extraordinary' | 'congress';
/** The kept columns of cell_meeting_month, one per meeting kind, in MEETING_KINDS order. */
const KIND_COLUMNS = MEETING_KINDS.map((k) => k.toLowerCase() as Lower);

const pad2 = (n: number): string => String(n).padStart(2, '0');
/**
 * The whole calendar months of [from, to] as [wholeFrom, wholeTo) (first days of months); when none, both are
 * `from` (an empty range, and the whole period is read from the meetings).
 */
export const wholeMonths = (from: string, to: string): { wholeFrom: string; wholeTo: string } => {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const first = (y: number, m: number): string =>
    m > 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${pad2(m)}-01`;
  const wholeFrom = fd === 1 ? first(fy, fm) : first(fy, fm + 1);
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const wholeTo = td === lastDay ? first(ty, tm + 1) : first(ty, tm);
  return wholeFrom < wholeTo ? { wholeFrom, wholeTo } : { wholeFrom: from, wholeTo: from };
};

/**
 * The meetings of the cells $1 (uuid[]) held or closed from `from` to `to` (`op`: '<' or '<=' on `to`), in the columns
 * of the kept months. One date range per branch: with the period's two cut months as an OR of two ranges, the
 * range was only a filter on meeting_org_date_cover and the scan read every meeting of every cell (×30, the root:
 * 322,000 index entries for none, 0.11 s).
 */
const CUT_DAYS = (from: string, to: string, op: '<' | '<=') => `
  SELECT mt.organisation_id, mt.meeting_date, ${KIND_COLUMNS.map((c, i) => `(mt.kind = '${MEETING_KINDS[i]}')::int`).join(', ')}, mt.attendance_present, mt.attendance_expected
    FROM meeting mt
   WHERE mt.organisation_id = ANY($1::uuid[]) AND mt.state IN ('HELD','CLOSED') AND mt.meeting_date >= ${from} AND mt.meeting_date ${op} ${to}`;

/**
 * Which cells under an organisation are behind on their meetings over a period. Set-based: one query for the cells,
 * one for their kept monthly facts (and the meetings of months cut by the period), one for the counts by kind; the
 * rule itself is libs' complianceForCell, fed the monthly counts as counted facts.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly ds: DataSource,
    private readonly orgs: OrganisationService,
    private readonly policies: PolicyService,
  ) {}

  async compliance(
    actor: Actor,
    input: ComplianceInput,
    models: OrgModelLoader = (a, ids, d) => this.orgs.findVisible(a, ids, d),
  ): Promise<MeetingCompliance> {
    const asOf = input.asOf ?? today();
    if (input.to < input.from) throw new DomainError('INVALID_DATE_ORDER', 'The period must end after it starts', 'to');
    const d = input.to < asOf ? input.to : asOf;
    await assertOrgVisible(this.ds.manager, actor, input.organisationId, d);
    const cells: { id: string; establishedOn: string; dissolvedOn: string | null; since: string }[] =
      await this.ds.query(
        `SELECT o.id, o.established_on AS "establishedOn", o.dissolved_on AS "dissolvedOn",
              (SELECT x.valid_from FROM organisation_placement x WHERE x.organisation_id = o.id ORDER BY x.valid_from LIMIT 1) AS since
         FROM organisation_placement rp
         JOIN organisation_placement pl ON ${inSubtree('pl', 'rp.path')} AND ${validAt('pl', '$2')}
         ${JOIN_ORGANISATION('o', 'pl.organisation_id', true)}
        WHERE rp.organisation_id = $1 AND ${validAt('rp', '$2')}`,
        [input.organisationId, d],
      );
    // `since`, the cell's first placement, as the first entry of placement_org (an index-only probe): min() was
    // planned on the GiST index placement_no_overlap instead, ~9 µs a cell against ~1 (×30, the root: 10,980 cells).
    const ids = cells.map((c) => c.id);
    // The period's whole months are read from the kept per-cell, per-month facts (cell_meeting_month, kept by
    // triggers on meeting, migration 1765100000000); the days of a month cut by the period from the meetings.
    const { wholeFrom, wholeTo } = wholeMonths(input.from, input.to);
    // One row per cell (not per month: the rows' transfer is most of the cost): its months with a regular, thematic
    // or combined meeting as "date regular thematic combined" items, and its totals.
    const facts: { cellId: string; months: string | null; held: number; present: number; expected: number }[] =
      await this.ds.query(
        `SELECT x."cellId", string_agg(to_char(x.date, 'YYYY-MM-DD') || ' ' || x.regular || ' ' || x.thematic || ' ' || x.combined, ',') FILTER (WHERE x.regular + x.thematic + x.combined > 0) AS months,
              sum(${KIND_COLUMNS.map((c) => `x.${c}`).join(' + ')})::int AS held, sum(x.present)::int AS present, sum(x.expected)::int AS expected
         FROM (SELECT f.organisation_id AS "cellId", f.month AS date, ${KIND_COLUMNS.map((c) => `f.${c}`).join(', ')}, f.attendance_present AS present, f.attendance_expected AS expected
                 FROM cell_meeting_month f
                WHERE f.organisation_id = ANY($1::uuid[]) AND f.month >= $2::date AND f.month < $3::date
               UNION ALL ${CUT_DAYS('$4::date', '$2::date', '<')}
               UNION ALL ${CUT_DAYS('$3::date', '$5::date', '<=')}) x
        GROUP BY x."cellId"`,
        [ids, wholeFrom, wholeTo, input.from, input.to],
      );
    // Counts by kind over the subtree as it stood on each meeting's date (cells since moved away or dissolved
    // included), from the meetings: an index-only scan of meeting_org_date_cover, faster than the kept months joined
    // to the placements that cover them (x5, root: ~29 ms against ~78 ms).
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
    const byCell = new Map<string, MeetingFact[]>(ids.map((id) => [id, []]));
    const att = new Map<string, { held: number; present: number; expected: number }>();
    const total = { present: 0, expected: 0 };
    const COUNTED = ['REGULAR', 'THEMATIC', 'COMBINED'] as const;
    for (const f of facts) {
      const list = byCell.get(f.cellId);
      if (!list) continue;
      for (const item of f.months ? f.months.split(',') : []) {
        const [date, ...n] = item.split(' ') as [string, string, string, string];
        COUNTED.forEach((kind, i) => {
          const count = Number(n[i]);
          if (count > 0) list.push({ date, kind, state: 'HELD', count });
        });
      }
      att.set(f.cellId, { held: f.held, present: f.present, expected: f.expected });
      total.present += f.present;
      total.expected += f.expected;
    }

    const rows: CellCompliance[] = cells
      .filter((c) => orgModels.has(c.id))
      .map((c) => {
        const result = complianceForCell(
          {
            meetings: byCell.get(c.id)!,
            from: input.from,
            to: input.to,
            asOf,
            activeFrom: c.since > c.establishedOn ? c.since : c.establishedOn,
            activeTo: c.dissolvedOn,
          },
          policies.get(c.id)!,
        );
        const a = att.get(c.id);
        return {
          organisation: orgModels.get(c.id)!,
          behind: result.behind,
          missing: result.missing,
          regularHeld: result.regularHeld,
          thematicHeld: result.thematicHeld,
          attendancePercent: a && a.held > 0 ? percent(a.present, a.expected) : null,
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
      attendancePercent: percent(total.present, total.expected),
    };
  }
}
