import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  compareIsoDate,
  DEFAULT_POLICY,
  DomainError,
  duesArrears,
  duesDue,
  duesMonthOf,
  duesMonthsOfYear,
  duesMonthStart,
  lastDayOfMonth,
  throwFieldErrors,
  validateDuesBasis,
  validateDuesPayment,
  validateDuesRelief,
  DATE_IN_FUTURE,
  type DuesBasis,
  type DuesDue,
  type DuesMonthStatus,
  type DuesReliefKind,
  type Policy,
} from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { writeReport, type ExportWorkbook } from '../../common/export/workbook';
import type { Actor } from '../../common/auth/actor';
import type { Page, PageInput } from '../../common/graphql/pagination';
import { pageOf } from '../../common/graphql/pagination';
import { isUuid, listScope } from '../../common/scope/scope';
import { Params, today, validAt } from '../../database/sql';
import { JOIN_CELL_OF_MEMBER_ON, JOIN_MEMBERS_OF_CELL_ON } from '../member/member.sql';
import { MemberService } from '../member/member.service';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import {
  DuesBasisPeriod,
  DuesFigures,
  DuesFiguresRow,
  DuesMemberYear,
  DuesMonth,
  DuesPayment,
  DuesRelief,
  MemberDues,
  type GrantDuesReliefInput,
  type RecordDuesPaymentInput,
  type SetDuesBasisInput,
} from './dues.model';

/** One member in one cell in one month (the cell they belonged to on the month's last day, or today). */
type MemberMonthRow = { month: string; day: string; organisationId: string; path: string; memberId: string; fullName: string; admissionDecisionDate: string | null };

type BasisRow = { memberId: string; from: string; to: string | null; basis: DuesBasis; amount: string | null };
type ReliefRow = { memberId: string; from: string; to: string; kind: DuesReliefKind; percent: number | null };

const MONTH_SQL = (col: string) => `to_char(${col}, 'YYYY-MM')`;
const PAYMENT_COLUMNS = `dp.id, dp.member_id AS "memberId", dp.organisation_id AS "organisationId", ${MONTH_SQL('dp.month')} AS month, dp.amount::int AS amount,
  dp.paid_on::text AS "paidOn", dp.channel, dp.note, dp.recorded_by AS "recordedBy", dp.recorded_at AS "recordedAt", dp.cancelled_at AS "cancelledAt",
  dp.cancel_reason AS "cancelReason"`;

/** Dues are not for members' eyes beyond their own: reads of cells and subtrees use the read roots only. */
const committeeReader = (actor: Actor): Actor => ({ ...actor, ownCellIds: [] });

/** The months of a year to count and the day they are counted on: January to the current month (December of a past year). */
const periodOf = (year: number, now: string): { through: string; day: string } => {
  const current = duesMonthOf(now);
  const pad = String(year).padStart(4, '0');
  if (`${pad}-12` < current) return { through: `${pad}-12`, day: `${pad}-12-31` };
  if (`${pad}-01` > current) throw new DomainError('VALIDATION', 'The year has not started yet', 'year', { reason: DATE_IN_FUTURE });
  return { through: current, day: now };
};

const groupBy = <T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
};

/** The period row (from ≤ month < to, months as 'YYYY-MM', to exclusive or null) in force in a month. */
const inForce = <T extends { from: string; to: string | null }>(rows: readonly T[] | undefined, month: string): T | undefined =>
  rows?.find((r) => r.from <= month && (r.to === null || month < r.to));

/**
 * Party dues (docs/dues.md; rules docs/rules.md#r-dues): bases, reliefs and payments per member and month, each
 * month's amount and the arrears rule computed by the functions in libs/domain for every member of a cell or subtree
 * in a few set-based statements. Who reads: committee readers of the member's cell (members: their own dues only).
 * Who writes: writers of the member's cell today (committee staff, the cell secretary).
 */
@Injectable()
export class DuesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly members: MemberService,
    private readonly policies: PolicyService,
    private readonly orgs: OrganisationService,
  ) {}

  // ---------------------------------------------------------------- reads

  /** A member's dues in a year: NOT_FOUND when the member is missing or not readable (their own record for a member). */
  async memberDues(actor: Actor, memberId: string, year: number): Promise<MemberDues> {
    const now = today();
    const { day } = periodOf(year, now);
    const [member] = await this.members.findVisible(actor, [memberId], day);
    if (!member) throw new DomainError('NOT_FOUND', 'Member not found', 'memberId');
    const p = new Params();
    const id = p.add(member.id);
    const rows = await this.monthRows(year, now, p, (mo) => `${mo} ${JOIN_CELL_OF_MEMBER_ON(`${mo}.day`, id, p)}`, 'x.organisation_id', `(SELECT path FROM organisation_placement pl WHERE pl.organisation_id = x.organisation_id AND ${validAt('pl', 'mo.day')})`);
    const [computed] = await this.compute(rows, year, now, [{ memberId: member.id, fullName: member.fullName }]);
    const pad = String(year).padStart(4, '0');
    const [payments, bases, reliefs] = await Promise.all([
      this.ds.query(`SELECT ${PAYMENT_COLUMNS} FROM dues_payment dp WHERE dp.member_id = $1 AND dp.month >= $2::date ORDER BY dp.month, dp.recorded_at`, [member.id, `${pad}-01-01`]),
      this.ds.query(`SELECT id, member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", basis, amount::int AS amount, note
        FROM dues_basis WHERE member_id = $1 ORDER BY valid_from`, [member.id]),
      this.ds.query(`SELECT id, member_id AS "memberId", kind, percent, ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", decided_on::text AS "decidedOn", reason
        FROM dues_relief WHERE member_id = $1 ORDER BY valid_from`, [member.id]),
    ]);
    return Object.assign(new MemberDues(), {
      year: computed,
      payments: payments.map((r: object) => Object.assign(new DuesPayment(), r)),
      bases: bases.map((r: object) => Object.assign(new DuesBasisPeriod(), r)),
      reliefs: reliefs.map((r: object) => Object.assign(new DuesRelief(), r)),
    });
  }

  /** The dues sheet of an organisation's members (its whole subtree) for a year, by name; optionally only those in arrears. */
  async sheet(actor: Actor, organisationId: string, year: number, opts: { inArrearsOnly?: boolean; page?: PageInput }): Promise<Page<DuesMemberYear>> {
    const { offset, limit } = pageOf(opts.page);
    const all = (await this.subtree(actor, organisationId, year)).years;
    const wanted = opts.inArrearsOnly ? all.filter((y) => y.inArrears) : all;
    return { items: wanted.slice(offset, offset + limit), total: wanted.length, offset, limit };
  }

  /** Figures of a subtree for a year: totals and one row per organisation directly under it. */
  async figures(actor: Actor, organisationId: string, year: number): Promise<DuesFigures> {
    return figuresOf(await this.subtree(actor, organisationId, year), year);
  }

  /**
   * The dues report of a subtree and year as a workbook (GET /exports/dues.xlsx): the figures per organisation under
   * it with the total (the figures' rows), then the sheet of every member (a column per month: what was paid).
   */
  async workbook(actor: Actor, organisationId: string, year: number, wb: ExportWorkbook): Promise<void> {
    const sub = await this.subtree(actor, organisationId, year);
    const figures = figuresOf(sub, year);
    const { years } = sub;
    const day = figures.total.asOf;
    const names = await this.orgs.findVisibleAt(actor, [figures.total, ...figures.children].map((r) => ({ id: r.organisationId, asOf: day })));
    const nameOf = (id: string | null) => (id ? (names.get(`${id}|${day}`)?.name ?? '') : '');
    const through = `${Number(figures.throughMonth.slice(5, 7))}/${year}`;
    const pct = (r: DuesFiguresRow) => (r.collectedPercent === null ? '' : r.collectedPercent);
    const row = (label: string, r: DuesFiguresRow) => [label, r.members, r.due, r.collected, pct(r), r.outstanding, r.collectedAhead, r.membersInArrears, r.membersWithoutBasis];
    const cellNames = await this.orgs.findVisibleAt(actor, [...new Set(years.map((y) => y.organisationId).filter((x): x is string => !!x))].map((id) => ({ id, asOf: day })));
    writeReport(wb, {
      name: `Dang phi ${year}`,
      title: `BÁO CÁO THU ĐẢNG PHÍ NĂM ${year}`,
      subtitle: `${nameOf(organisationId)}; tính đến tháng ${through}; số tiền tính bằng đồng`,
      headings: ['Tổ chức đảng', 'Số đảng viên', 'Phải đóng', 'Đã thu', 'Tỷ lệ thu (%)', 'Còn nợ (tháng đã qua)', 'Đóng trước', 'Không đóng từ 3 tháng', 'Chưa có căn cứ đóng'],
      widths: [44, 12, 16, 16, 12, 18, 14, 16, 16],
      rows: [...figures.children.map((c) => row(nameOf(c.organisationId), c)), row('Tổng cộng', figures.total)],
    }, {
      name: `So thu ${year}`,
      title: `SỔ THU ĐẢNG PHÍ NĂM ${year}`,
      subtitle: `${nameOf(organisationId)}; mỗi tháng: số đã đóng (đồng); "miễn": được miễn; tháng chưa đóng ghi ở cột cuối`,
      headings: ['STT', 'Họ và tên', 'Chi bộ', ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`), 'Phải đóng', 'Đã đóng', 'Còn nợ', 'Tháng chưa đóng'],
      widths: [6, 28, 32, ...Array(12).fill(10), 14, 14, 14, 22],
      rows: years.map((y, i) => [
        i + 1, y.fullName, y.organisationId ? (cellNames.get(`${y.organisationId}|${day}`)?.name ?? '') : '',
        ...Array.from({ length: 12 }, (_, k) => {
          const m = y.months.find((x) => Number(x.month.slice(5, 7)) === k + 1);
          return !m || m.reason === null ? '' : m.due === 0 && m.paid === 0 ? 'miễn' : m.paid;
        }),
        y.dueTotal, y.paidTotal, y.outstanding, y.unpaidMonths.map((x) => `${Number(x.slice(5, 7))}`).join(', '),
      ]),
    });
  }

  /** Every member-year of a subtree, sorted by name, with the path of each member's last cell and the root's children. */
  private async subtree(actor: Actor, organisationId: string, year: number) {
    const now = today();
    const { through, day } = periodOf(year, now);
    // visible on the period's last day (NOT_FOUND otherwise); the rows then come from the subtree as it stood each month
    await listScope(this.ds.manager, committeeReader(actor), organisationId, day, { rule: 'valid' });
    const p = new Params();
    const root = p.add(organisationId);
    const rows = await this.monthRows(year, now, p, (mo) => `${mo}
        JOIN organisation_placement rp ON rp.organisation_id = ${root}::uuid AND ${validAt('rp', 'mo.day')}
        JOIN organisation_placement cd ON ${validAt('cd', 'mo.day')} AND cd.path >= rp.path AND cd.path < left(rp.path, -1) || '0'
        ${JOIN_MEMBERS_OF_CELL_ON('cd.organisation_id', 'mo.day', p)}`, 'cd.organisation_id', 'cd.path');
    const names = new Map(rows.map((r) => [r.memberId, r.fullName]));
    const years = (await this.compute(rows, year, now, [...names].map(([memberId, fullName]) => ({ memberId, fullName }))))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.memberId.localeCompare(b.memberId));
    const cellOf = new Map<string, string>();
    for (const r of rows) if (r.month <= through) cellOf.set(r.memberId, r.path); // rows are ordered by month
    // each cell's path in the latest month it appears (a cell that moved during the year counts where it was last)
    const pathOf = new Map(rows.map((r) => [r.organisationId, r.path]));
    const children: string[] = (await this.ds.query(
      `SELECT pl.organisation_id AS id FROM organisation_placement pl WHERE pl.parent_id = $1::uuid AND ${validAt('pl', '$2')} ORDER BY pl.path`,
      [organisationId, day],
    )).map((r: { id: string }) => r.id);
    return { years, cellOf, pathOf, through, day, children, rootId: organisationId };
  }

  /** Member-month rows of a year (12 months; each counted on its last day, or today), ordered by month. */
  private async monthRows(year: number, now: string, p: Params, from: (mo: string) => string, cell: string, path: string): Promise<MemberMonthRow[]> {
    const pad = String(year).padStart(4, '0');
    const jan = p.add(`${pad}-01-01`);
    const nowP = p.add(now);
    return this.ds.query(
      `WITH mo AS (
         SELECT ${MONTH_SQL('g')} AS month, least((g + interval '1 month' - interval '1 day')::date, ${nowP}::date) AS day
           FROM generate_series(${jan}::date, ${jan}::date + interval '11 months', interval '1 month') g)
       SELECT mo.month, mo.day::text AS day, ${cell} AS "organisationId", ${path} AS path, m.id AS "memberId", m.full_name AS "fullName",
              m.admission_decision_date::text AS "admissionDecisionDate"
         FROM ${from('mo')}
        ORDER BY mo.month`,
      p.values,
    );
  }

  /** Applies duesDue and duesArrears (libs/domain) to every member's months, with the policy of each cell and month. */
  private async compute(rows: readonly MemberMonthRow[], year: number, now: string, people: readonly { memberId: string; fullName: string }[]): Promise<DuesMemberYear[]> {
    const ids = people.map((x) => x.memberId);
    const pad = String(year).padStart(4, '0');
    const [bases, reliefs, paid, policies] = await Promise.all([
      this.ds.query(`SELECT member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL('valid_to')} AS "to", basis, amount::text AS amount
        FROM dues_basis WHERE member_id = ANY($1::uuid[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $3::date)`, [ids, `${pad}-12-01`, `${pad}-01-01`]) as Promise<BasisRow[]>,
      this.ds.query(`SELECT member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL('valid_to')} AS "to", kind, percent
        FROM dues_relief WHERE member_id = ANY($1::uuid[]) AND valid_from <= $2::date AND valid_to > $3::date`, [ids, `${pad}-12-01`, `${pad}-01-01`]) as Promise<ReliefRow[]>,
      this.ds.query(`SELECT member_id AS "memberId", ${MONTH_SQL('month')} AS month, sum(amount)::text AS paid FROM dues_payment
        WHERE member_id = ANY($1::uuid[]) AND month BETWEEN $2::date AND $3::date AND cancelled_at IS NULL GROUP BY 1, 2`, [ids, `${pad}-01-01`, `${pad}-12-01`]) as Promise<{ memberId: string; month: string; paid: string }[]>,
      this.policies.forOrganisationsAt([...new Map(rows.map((r) => [`${r.organisationId}|${r.day}`, { id: r.organisationId, asOf: r.day }])).values()]),
    ]);
    const basesOf = groupBy(bases, (b) => b.memberId);
    const reliefsOf = groupBy(reliefs, (r) => r.memberId);
    const paidOf = new Map(paid.map((x) => [`${x.memberId}|${x.month}`, Number(x.paid)]));
    const rowsOf = groupBy(rows, (r) => r.memberId);
    const { through } = periodOf(year, now);
    return people.map(({ memberId, fullName }) => {
      const mine = new Map((rowsOf.get(memberId) ?? []).map((r) => [r.month, r]));
      let policy: Policy | undefined;
      const statuses: DuesMonthStatus[] = [];
      const months: DuesMonth[] = [];
      const y = Object.assign(new DuesMemberYear(), { memberId, fullName, organisationId: null as string | null, year, dueTotal: 0, paidTotal: 0, paidAhead: 0 });
      for (const month of duesMonthsOfYear(year)) {
        const row = mine.get(month);
        const p = paidOf.get(`${memberId}|${month}`) ?? 0;
        // months the member spent outside the cells read (another subtree, or not yet a member) are shown, not counted
        if (month > through) {
          if (row) y.paidAhead += p;
          if (p === 0) continue;
        }
        let due: DuesDue | null = null;
        if (row) {
          policy = this.policyOf(policies, row);
          const basis = inForce(basesOf.get(memberId), month);
          const relief = inForce(reliefsOf.get(memberId), month);
          due = duesDue({
            month,
            admissionDecisionDate: row.admissionDecisionDate,
            basis: basis ? { basis: basis.basis, amount: basis.amount === null ? null : Number(basis.amount) } : null,
            relief: relief ? { kind: relief.kind, percent: relief.percent } : null,
          }, policy);
          if (month <= through) {
            statuses.push({ month, due, paid: p });
            y.organisationId = row.organisationId;
          }
        }
        if (month <= through && row) {
          y.dueTotal += due?.amount ?? 0;
          y.paidTotal += p;
        }
        months.push(Object.assign(new DuesMonth(), {
          month, organisationId: row?.organisationId ?? null, due: due?.amount ?? null, standard: due?.standard ?? null, reason: due?.reason ?? null, deferred: due?.deferred ?? false, paid: p,
        }));
      }
      const arrears = duesArrears(statuses, year, now, policy ?? this.policyOf(policies, undefined));
      return Object.assign(y, { months, ...arrears });
    });
  }

  /** The policy of a row's cell on its day (the national defaults when there is no row: nothing is then owed anyway). */
  private policyOf(policies: Map<string, Policy>, row: MemberMonthRow | undefined): Policy {
    return (row ? policies.get(`${row.organisationId}|${row.day}`) : undefined) ?? DEFAULT_POLICY;
  }

  // ---------------------------------------------------------------- writes

  /** Records a payment (docs/rules.md#r-dues): a writer of the member's cell; the member must be a member in that month. */
  async recordPayment(caller: Caller, input: RecordDuesPaymentInput): Promise<DuesPayment> {
    const now = today();
    const id = await this.ds.transaction(async (m) => {
      if (input.clientKey) {
        const [seen] = await m.query(`SELECT id, member_id AS "memberId" FROM dues_payment WHERE client_key = $1`, [input.clientKey]);
        if (seen) {
          await this.members.lockForWrite(m, caller.actor, seen.memberId);
          if (seen.memberId !== input.memberId) throw new DomainError('CONFLICT', 'This client key was used for another member\'s payment', 'clientKey');
          return seen.id as string;
        }
      }
      await this.members.lockForWrite(m, caller.actor, input.memberId);
      throwFieldErrors(validateDuesPayment(input, now));
      const cell = await this.cellInMonth(m, input.memberId, input.month, now);
      const [row] = await m.query(
        `INSERT INTO dues_payment (member_id, organisation_id, month, amount, paid_on, channel, note, client_key, recorded_by)
         VALUES ($1, $2, $3::date, $4, $5::date, $6, $7, $8, $9)
         ON CONFLICT (client_key) DO NOTHING RETURNING id`,
        [input.memberId, cell, duesMonthStart(input.month), input.amount, input.paidOn, input.channel, input.note ?? null, input.clientKey ?? null, caller.actor.name],
      );
      if (!row) throw new DomainError('CONFLICT', 'A payment with this client key is being recorded; retry', 'clientKey');
      await this.audit.record(m, caller, { operation: 'recordDuesPayment', entityType: 'dues_payment', entityId: row.id, after: { ...input }, organisationId: cell });
      return row.id as string;
    });
    return this.payment(caller.actor, id);
  }

  /** Cancels a mistaken payment with a reason (it stays in the record, counting for nothing). */
  async cancelPayment(caller: Caller, id: string, reason: string): Promise<DuesPayment> {
    await this.ds.transaction(async (m) => {
      const [before] = isUuid(id) ? await m.query(`SELECT ${PAYMENT_COLUMNS} FROM dues_payment dp WHERE dp.id = $1 FOR UPDATE`, [id]) : [];
      if (!before) throw new DomainError('NOT_FOUND', 'Payment not found', 'id');
      await this.members.lockForWrite(m, caller.actor, before.memberId).catch((e: unknown) => {
        // a payment of a member outside the caller's scope is answered like a missing payment
        if (e instanceof DomainError && e.code === 'NOT_FOUND') throw new DomainError('NOT_FOUND', 'Payment not found', 'id');
        throw e;
      });
      if (before.cancelledAt) throw new DomainError('CONFLICT', 'The payment is already cancelled', 'id');
      await m.query(`UPDATE dues_payment SET cancelled_at = now(), cancel_reason = $2 WHERE id = $1`, [id, reason]);
      await this.audit.record(m, caller, { operation: 'cancelDuesPayment', entityType: 'dues_payment', entityId: id, before, after: { cancelReason: reason }, organisationId: before.organisationId });
    });
    return this.payment(caller.actor, id);
  }

  /** Sets a member's basis from a month until the next recorded change (a basis starting that month is replaced). */
  async setBasis(caller: Caller, input: SetDuesBasisInput): Promise<DuesBasisPeriod> {
    const id = await this.ds.transaction(async (m) => {
      const { organisationId } = await this.members.lockForWrite(m, caller.actor, input.memberId);
      throwFieldErrors(validateDuesBasis({ basis: input.basis, amount: input.amount ?? null, from: input.from }));
      const from = duesMonthStart(input.from);
      const before = await m.query(`SELECT id, valid_from::text AS "validFrom", valid_to::text AS "validTo", basis, amount::int AS amount FROM dues_basis WHERE member_id = $1 ORDER BY valid_from`, [input.memberId]);
      await m.query(`DELETE FROM dues_basis WHERE member_id = $1 AND valid_from = $2::date`, [input.memberId, from]);
      await m.query(`UPDATE dues_basis SET valid_to = $2::date WHERE member_id = $1 AND valid_from < $2::date AND (valid_to IS NULL OR valid_to > $2::date)`, [input.memberId, from]);
      const [row] = await m.query(
        `INSERT INTO dues_basis (member_id, valid_from, valid_to, basis, amount, note)
         VALUES ($1, $2::date, (SELECT min(valid_from) FROM dues_basis WHERE member_id = $1 AND valid_from > $2::date), $3, $4, $5) RETURNING id`,
        [input.memberId, from, input.basis, input.amount ?? null, input.note ?? null],
      );
      await this.audit.record(m, caller, { operation: 'setDuesBasis', entityType: 'dues_basis', entityId: row.id, before, after: { ...input }, organisationId });
      return row.id as string;
    });
    const [found] = await this.ds.query(`SELECT id, member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", basis, amount::int AS amount, note FROM dues_basis WHERE id = $1`, [id]);
    return Object.assign(new DuesBasisPeriod(), found);
  }

  /** Grants a relief on application (exempt, reduce, defer) for at most the policy's months; periods may not overlap. */
  async grantRelief(caller: Caller, input: GrantDuesReliefInput): Promise<DuesRelief> {
    const now = today();
    const id = await this.ds.transaction(async (m) => {
      const { organisationId } = await this.members.lockForWrite(m, caller.actor, input.memberId);
      const policy = await this.policies.forOrganisation(organisationId, now, m);
      const errors = validateDuesRelief({ kind: input.kind, percent: input.percent ?? null, from: input.from, to: input.to }, policy);
      if (compareIsoDate(input.decidedOn, now) > 0) errors.push({ field: 'decidedOn', code: 'VALIDATION', reason: 'must not be after today', specific: DATE_IN_FUTURE });
      throwFieldErrors(errors);
      const [overlap] = await m.query(
        `SELECT 1 FROM dues_relief WHERE member_id = $1 AND daterange(valid_from, valid_to) && daterange($2::date, ($3::date + interval '1 month')::date)`,
        [input.memberId, duesMonthStart(input.from), duesMonthStart(input.to)],
      );
      if (overlap) throw new DomainError('CONFLICT', 'The member already has a relief in part of that period', 'from');
      const [row] = await m.query(
        `INSERT INTO dues_relief (member_id, kind, percent, valid_from, valid_to, decided_on, reason)
         VALUES ($1, $2, $3, $4::date, ($5::date + interval '1 month')::date, $6::date, $7) RETURNING id`,
        [input.memberId, input.kind, input.percent ?? null, duesMonthStart(input.from), duesMonthStart(input.to), input.decidedOn, input.reason],
      );
      await this.audit.record(m, caller, { operation: 'grantDuesRelief', entityType: 'dues_relief', entityId: row.id, after: { ...input }, organisationId });
      return row.id as string;
    });
    const [found] = await this.ds.query(`SELECT id, member_id AS "memberId", kind, percent, ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", decided_on::text AS "decidedOn", reason FROM dues_relief WHERE id = $1`, [id]);
    return Object.assign(new DuesRelief(), found);
  }

  /** The member's cell in a month (on its last day, or today for the current and later months); VALIDATION when not a member then. */
  private async cellInMonth(m: EntityManager, memberId: string, month: string, now: string): Promise<string> {
    const last = lastDayOfMonth(month);
    const day = compareIsoDate(last, now) < 0 ? last : now;
    const p = new Params();
    const id = p.add(memberId);
    const d = p.add(day);
    const [row] = await m.query(`SELECT x.organisation_id AS cell FROM (SELECT ${d}::date AS day) mo ${JOIN_CELL_OF_MEMBER_ON('mo.day', id, p)}`, p.values);
    if (!row) throw new DomainError('VALIDATION', 'The member was not a member (probationary or full) of a cell in that month', 'month', { day });
    return row.cell as string;
  }

  private async payment(actor: Actor, id: string): Promise<DuesPayment> {
    const [row] = await this.ds.query(`SELECT ${PAYMENT_COLUMNS} FROM dues_payment dp WHERE dp.id = $1`, [id]);
    if (!row || (await this.members.findVisible(actor, [row.memberId], today())).length === 0) throw new DomainError('NOT_FOUND', 'Payment not found', 'id');
    return Object.assign(new DuesPayment(), row);
  }
}

type Subtree = { years: DuesMemberYear[]; cellOf: Map<string, string>; pathOf: Map<string, string>; through: string; day: string; children: string[]; rootId: string };

/** The figures of a subtree's member-years: the total and one row per organisation directly under the root. */
const figuresOf = ({ years, cellOf, pathOf, through, day, children, rootId }: Subtree, year: number): DuesFigures => {
  const total = emptyRow(rootId, day);
  const byChild = new Map(children.map((c) => [c, emptyRow(c, day)]));
  const childOf = (path: string | undefined) => {
    const segments = path ? path.split('/').filter(Boolean) : [];
    return byChild.get(segments[segments.indexOf(rootId) + 1] ?? '');
  };
  for (const y of years) {
    add(total, y);
    // members, arrears and outstanding go to the organisation of the member's last cell; the money of each month to
    // the organisation of that month's cell (a member who moved is owed and paid where they were)
    const last = childOf(cellOf.get(y.memberId));
    if (last) add(last, { ...y, dueTotal: 0, paidTotal: 0, paidAhead: 0 });
    for (const m of y.months) {
      const row = m.organisationId ? childOf(pathOf.get(m.organisationId)) : undefined;
      if (!row) continue;
      if (m.month <= through) {
        row.due += m.due ?? 0;
        row.collected += m.paid;
      } else row.collectedAhead += m.paid;
    }
  }
  return Object.assign(new DuesFigures(), { year, throughMonth: through, total: finish(total), children: [...byChild.values()].map(finish) });
};

const emptyRow = (organisationId: string, asOf: string): DuesFiguresRow =>
  Object.assign(new DuesFiguresRow(), { organisationId, asOf, members: 0, due: 0, collected: 0, collectedAhead: 0, outstanding: 0, collectedPercent: null, membersInArrears: 0, membersWithoutBasis: 0 });

const add = (row: DuesFiguresRow, y: DuesMemberYear): void => {
  row.members += 1;
  row.due += y.dueTotal;
  row.collected += y.paidTotal;
  row.collectedAhead += y.paidAhead;
  row.outstanding += y.outstanding;
  if (y.inArrears) row.membersInArrears += 1;
  if (y.unknownMonths.length) row.membersWithoutBasis += 1;
};

const finish = (row: DuesFiguresRow): DuesFiguresRow => Object.assign(row, { collectedPercent: row.due > 0 ? Math.round((row.collected * 10_000) / row.due) / 100 : null });
