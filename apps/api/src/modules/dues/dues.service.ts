import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, first } from '@chibo/domain';
import { writeReport, type ExportWorkbook } from '../../common/export/workbook';
import type { Actor } from '../../common/auth/actor';
import type { Page, PageInput } from '../../common/graphql/pagination';
import { pageOf } from '../../common/graphql/pagination';
import { listScope } from '../../common/scope/scope';
import { Params, today, validAt } from '../../database/sql';
import { JOIN_CELL_OF_MEMBER_ON, JOIN_MEMBERS_OF_CELL_ON } from '../member/member.sql';
import { MemberService } from '../member/member.service';
import { OrganisationService } from '../organisation/organisation.service';
import { DuesFactsService, type DuesFactMember } from './dues-facts.service';
import { DuesYearCalculator, MONTH_SQL, periodOf } from './dues-year.calculator';
import {
  DuesBasisPeriod,
  DuesFigures,
  DuesFiguresRow,
  DuesMemberYear,
  DuesPayment,
  DuesRelief,
  MemberDues,
} from './dues.model';
import { KeptTreeReads } from '../../common/scope/kept-tree-reads';

export const PAYMENT_COLUMNS = `dp.id, dp.member_id AS "memberId", dp.organisation_id AS "organisationId", ${MONTH_SQL('dp.month')} AS month, dp.amount::int AS amount,
  dp.paid_on::text AS "paidOn", dp.channel, dp.note, dp.reference, dp.recorded_by AS "recordedBy", dp.recorded_at AS "recordedAt", dp.cancelled_at AS "cancelledAt",
  dp.cancel_reason AS "cancelReason"`;

/** Dues are not for members' eyes beyond their own: reads of cells and subtrees use the read roots only. */
const committeeReader = (actor: Actor): Actor => ({ ...actor, ownCellIds: [] });

/**
 * Party dues (docs/dues.md; rules docs/rules.md#r-dues), the reads: bases, reliefs and payments per member and month,
 * each month's amount and the arrears rule computed by the functions in libs/domain for every member of a cell or
 * subtree in a few set-based statements, the figures and the workbook. Who reads: committee readers of the member's
 * cell (members: their own dues only). The writes are DuesWriteService's.
 */
@Injectable()
export class DuesService {
  constructor(
    private readonly ds: DataSource,
    private readonly members: MemberService,
    private readonly orgs: OrganisationService,
    private readonly calc: DuesYearCalculator,
    private readonly facts: DuesFactsService,
    private readonly tree: KeptTreeReads,
  ) {}

  /** A member's dues in a year: NOT_FOUND when the member is missing or not readable (their own record for a member). */
  async memberDues(actor: Actor, memberId: string, year: number): Promise<MemberDues> {
    const now = today();
    const { day } = periodOf(year, now);
    const [member] = await this.members.findVisible(actor, [memberId], day);
    if (!member) throw new DomainError('NOT_FOUND', 'Member not found', 'memberId');
    const p = new Params();
    const id = p.add(member.id);
    const rows = await this.calc.monthRows(
      year,
      now,
      p,
      (mo) => `${mo} ${JOIN_CELL_OF_MEMBER_ON(`${mo}.day`, id, p)}`,
      'x.organisation_id',
      `(SELECT path FROM organisation_placement pl WHERE pl.organisation_id = x.organisation_id AND ${validAt('pl', 'mo.day')})`,
    );
    const { year: computed } = first(
      await this.calc.compute(rows, year, now, [{ memberId: member.id, fullName: member.fullName }]),
      'dues of the member',
    );
    const pad = String(year).padStart(4, '0');
    const [payments, bases, reliefs] = await Promise.all([
      this.ds.query(
        `SELECT ${PAYMENT_COLUMNS} FROM dues_payment dp WHERE dp.member_id = $1 AND dp.month >= $2::date ORDER BY dp.month, dp.recorded_at`,
        [member.id, `${pad}-01-01`],
      ),
      this.ds.query(
        `SELECT id, member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", basis, amount::int AS amount, note
        FROM dues_basis WHERE member_id = $1 ORDER BY valid_from`,
        [member.id],
      ),
      this.ds.query(
        `SELECT id, member_id AS "memberId", kind, percent, ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", decided_on::text AS "decidedOn", reason
        FROM dues_relief WHERE member_id = $1 ORDER BY valid_from`,
        [member.id],
      ),
    ]);
    return Object.assign(new MemberDues(), {
      year: computed,
      payments: payments.map((r: object) => Object.assign(new DuesPayment(), r)),
      bases: bases.map((r: object) => Object.assign(new DuesBasisPeriod(), r)),
      reliefs: reliefs.map((r: object) => Object.assign(new DuesRelief(), r)),
    });
  }

  /**
   * The dues sheet of an organisation's members (its whole subtree) for a year, by name; optionally only those in
   * arrears. Who is on it (and in arrears) comes from the kept facts; the rows of the page are judged afresh.
   */
  async sheet(
    actor: Actor,
    organisationId: string,
    year: number,
    opts: { inArrearsOnly?: boolean; page?: PageInput },
  ): Promise<Page<DuesMemberYear>> {
    const { offset, limit } = pageOf(opts.page);
    await this.checkRoot(actor, organisationId, year);
    const all = sortByName(await this.facts.members(organisationId, year));
    const wanted = opts.inArrearsOnly ? all.filter((y) => y.inArrears) : all;
    const page = wanted.slice(offset, offset + limit);
    const years = new Map(
      (
        await this.subtreeYears(
          organisationId,
          year,
          page.map((x) => x.memberId),
        )
      ).map((y) => [y.memberId, y]),
    );
    return {
      items: page.map((x) => years.get(x.memberId)).filter((y): y is DuesMemberYear => !!y),
      total: wanted.length,
      offset,
      limit,
    };
  }

  /**
   * The members of a subtree in arrears this year (judged today, from the kept facts): the dashboard's DUES_ARREARS
   * alerts, the same members as the arrears list. Nothing for a caller who may not read the subtree's dues.
   */
  async membersInArrears(actor: Actor, organisationId: string, year: number): Promise<DuesFactMember[]> {
    try {
      await this.checkRoot(actor, organisationId, year);
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION')) return [];
      throw e;
    }
    return sortByName((await this.facts.members(organisationId, year)).filter((x) => x.inArrears));
  }

  /** Figures of a subtree for a year: totals and one row per organisation directly under it (from the kept facts). */
  async figures(actor: Actor, organisationId: string, year: number): Promise<DuesFigures> {
    const { through, day } = await this.checkRoot(actor, organisationId, year);
    const [sums, children] = await Promise.all([
      this.facts.sums(organisationId, year),
      this.ds.query(
        `SELECT pl.organisation_id AS id FROM organisation_placement pl WHERE pl.parent_id = $1::uuid AND ${validAt('pl', '$2')} ORDER BY pl.path`,
        [organisationId, day],
      ) as Promise<{ id: string }[]>,
    ]);
    const total = emptyRow(organisationId, day);
    const byChild = new Map(children.map((c) => [c.id, emptyRow(c.id, day)]));
    for (const r of sums) {
      // money to the organisation of each month's cell; members, arrears and outstanding to that of the last cell
      for (const row of [total, byChild.get(r.child)]) {
        if (!row) continue;
        row.due += r.due;
        row.collected += r.paid;
        row.collectedAhead += r.paidAhead;
        row.members += r.members;
        row.outstanding += r.outstanding;
        row.membersInArrears += r.inArrears;
        row.membersWithoutBasis += r.withoutBasis;
      }
    }
    return Object.assign(new DuesFigures(), {
      year,
      throughMonth: through,
      total: finish(total),
      children: [...byChild.values()].map(finish),
    });
  }

  /**
   * The dues report of a subtree and year as a workbook (GET /exports/dues.xlsx): the figures per organisation under
   * it with the total (the figures' rows), then the sheet of every member (a column per month: what was paid).
   */
  async workbook(actor: Actor, organisationId: string, year: number, wb: ExportWorkbook): Promise<void> {
    const figures = await this.figures(actor, organisationId, year);
    const years = await this.subtreeYears(organisationId, year);
    const day = figures.total.asOf;
    const names = await this.orgs.findVisibleAt(
      actor,
      [figures.total, ...figures.children].map((r) => ({ id: r.organisationId, asOf: day })),
    );
    const nameOf = (id: string | null) => (id ? (names.get(`${id}|${day}`)?.name ?? '') : '');
    const through = `${Number(figures.throughMonth.slice(5, 7))}/${year}`;
    const pct = (r: DuesFiguresRow) => (r.collectedPercent === null ? '' : r.collectedPercent);
    const row = (label: string, r: DuesFiguresRow) => [
      label,
      r.members,
      r.due,
      r.collected,
      pct(r),
      r.outstanding,
      r.collectedAhead,
      r.membersInArrears,
      r.membersWithoutBasis,
    ];
    const cellNames = await this.orgs.findVisibleAt(
      actor,
      [...new Set(years.map((y) => y.organisationId).filter((x): x is string => !!x))].map((id) => ({ id, asOf: day })),
    );
    writeReport(
      wb,
      {
        name: `Dang phi ${year}`,
        title: `BÁO CÁO THU ĐẢNG PHÍ NĂM ${year}`,
        subtitle: `${nameOf(organisationId)}; tính đến tháng ${through}; số tiền tính bằng đồng`,
        headings: [
          'Tổ chức đảng',
          'Số đảng viên',
          'Phải đóng',
          'Đã thu',
          'Tỷ lệ thu (%)',
          'Còn nợ (tháng đã qua)',
          'Đóng trước',
          'Không đóng từ 3 tháng',
          'Chưa có căn cứ đóng',
        ],
        widths: [44, 12, 16, 16, 12, 18, 14, 16, 16],
        rows: [...figures.children.map((c) => row(nameOf(c.organisationId), c)), row('Tổng cộng', figures.total)],
      },
      {
        name: `So thu ${year}`,
        title: `SỔ THU ĐẢNG PHÍ NĂM ${year}`,
        subtitle: `${nameOf(organisationId)}; mỗi tháng: số đã đóng (đồng); "miễn": được miễn; tháng chưa đóng ghi ở cột cuối`,
        headings: [
          'STT',
          'Họ và tên',
          'Chi bộ',
          ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
          'Phải đóng',
          'Đã đóng',
          'Còn nợ',
          'Tháng chưa đóng',
        ],
        widths: [6, 28, 32, ...Array(12).fill(10), 14, 14, 14, 22],
        rows: years.map((y, i) => [
          i + 1,
          y.fullName,
          y.organisationId ? (cellNames.get(`${y.organisationId}|${day}`)?.name ?? '') : '',
          ...Array.from({ length: 12 }, (_, k) => {
            const m = y.months.find((x) => Number(x.month.slice(5, 7)) === k + 1);
            return !m || m.reason === null ? '' : m.due === 0 && m.paid === 0 ? 'miễn' : m.paid;
          }),
          y.dueTotal,
          y.paidTotal,
          y.outstanding,
          y.unpaidMonths.map((x) => `${Number(x.slice(5, 7))}`).join(', '),
        ]),
      },
    );
  }

  /** The subtree is visible to the caller on the period's last day (NOT_FOUND otherwise); the period of the year. */
  private async checkRoot(
    actor: Actor,
    organisationId: string,
    year: number,
  ): Promise<{ through: string; day: string }> {
    const period = periodOf(year, today());
    await listScope(this.tree, committeeReader(actor), organisationId, period.day, { rule: 'valid' });
    return period;
  }

  /**
   * Member-years of a subtree judged from the records: the months each member spent in its cells (the subtree as it
   * stood each month), only for `memberIds` when given; sorted by name.
   */
  private async subtreeYears(
    organisationId: string,
    year: number,
    memberIds?: readonly string[],
  ): Promise<DuesMemberYear[]> {
    if (memberIds && memberIds.length === 0) return [];
    const now = today();
    const p = new Params();
    const root = p.add(organisationId);
    const only = memberIds ? `AND m.id = ANY(${p.add(memberIds)}::uuid[])` : '';
    const rows = await this.calc.monthRows(
      year,
      now,
      p,
      (mo) => `${mo}
        JOIN organisation_placement rp ON rp.organisation_id = ${root}::uuid AND ${validAt('rp', 'mo.day')}
        JOIN organisation_placement cd ON ${validAt('cd', 'mo.day')} AND cd.path >= rp.path AND cd.path < left(rp.path, -1) || '0'
        ${JOIN_MEMBERS_OF_CELL_ON('cd.organisation_id', 'mo.day', p)} ${only}`,
      'cd.organisation_id',
      'cd.path',
    );
    const names = new Map(rows.map((r) => [r.memberId, r.fullName]));
    return sortByName(
      (
        await this.calc.compute(
          rows,
          year,
          now,
          [...names].map(([memberId, fullName]) => ({ memberId, fullName })),
        )
      ).map((c) => c.year),
    );
  }
}

const collator = new Intl.Collator('vi');

/** By name the Vietnamese way, then by id (a stable order for pages). */
const sortByName = <T extends { fullName: string; memberId: string }>(rows: T[]): T[] =>
  rows.sort(
    (a, b) =>
      collator.compare(a.fullName, b.fullName) || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
  );

const emptyRow = (organisationId: string, asOf: string): DuesFiguresRow =>
  Object.assign(new DuesFiguresRow(), {
    organisationId,
    asOf,
    members: 0,
    due: 0,
    collected: 0,
    collectedAhead: 0,
    outstanding: 0,
    collectedPercent: null,
    membersInArrears: 0,
    membersWithoutBasis: 0,
  });

const finish = (row: DuesFiguresRow): DuesFiguresRow =>
  Object.assign(row, { collectedPercent: row.due > 0 ? Math.round((row.collected * 10_000) / row.due) / 100 : null });
