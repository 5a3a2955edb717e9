import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, foldVietnamese, validateDuesPayment, type DuesChannel } from '@chibo/domain';
import {
  headingNormaliser,
  recordImport,
  throwImportProblems,
  toIsoDate,
  type ImportRow,
  type ImportSource,
} from '../../common/import/columns';
import type { RowError } from '../../common/import/result';
import type { Table } from '../../common/import/table';
import type { Caller } from '../../common/audit/audit.service';
import { today } from '../../database/sql';
import type { DuesImportSummary } from './dues-import.model';
import {
  alreadyImported,
  cellsInMonths,
  insertPayments,
  membersByNumber,
  type PaymentCandidate,
} from './dues-import-writes';

/** The documented columns (docs/dues.md#importing-a-payment-file), with the Vietnamese headings accepted as aliases. */
export const DUES_COLUMNS = [
  ['nationalId', 'so_dinh_danh'],
  ['cardNumber', 'so_the_dang'],
  ['fullName', 'ho_ten'],
  ['month', 'thang'],
  ['amount', 'so_tien'],
  ['paidOn', 'ngay_nop'],
  ['channel', 'hinh_thuc'],
  ['reference', 'ma_giao_dich'],
  ['note', 'ghi_chu'],
] as const;

type Key = (typeof DUES_COLUMNS)[number][0];

const normaliseHeadings = headingNormaliser(DUES_COLUMNS);

/** Longest text of a cell, per column (the columns of dues_payment; a name is only read, never stored). */
const TEXT_LIMITS: Partial<Record<Key, number>> = { fullName: 200, reference: 100, note: 500 };

// eslint-disable-next-line no-control-regex -- the control characters are what it refuses
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A month written YYYY-MM, MM/YYYY (M/YYYY) or as a date cell (its month); the text as given when it is none of these. */
export const parseDuesMonth = (s: string): string => {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (iso) return `${iso[1]}-${(iso[2] ?? '').padStart(2, '0')}`;
  const vn = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (vn) return `${vn[2]}-${(vn[1] ?? '').padStart(2, '0')}`;
  const date = toIsoDate(s);
  return date ? date.slice(0, 7) : s;
};

/**
 * An amount in đồng: digits, optionally grouped by three with dots (the Vietnamese way: 148.000), commas or spaces;
 * the text as given otherwise (then refused by validateDuesPayment, as letters, decimals or signs are).
 */
export const parseDuesAmount = (s: string): number | string => {
  const t = s.replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(t) || /^\d{1,3}(\.\d{3})+$/.test(t) || /^\d{1,3}(,\d{3})+$/.test(t) || /^\d{1,3}( \d{3})+$/.test(t))
    return Number(t.replace(/[., ]/g, ''));
  return s;
};

const CHANNELS: Record<string, DuesChannel> = {
  cash: 'CASH',
  tien_mat: 'CASH',
  portal: 'PORTAL',
  cong_dich_vu_cong: 'PORTAL',
  cong_dvc: 'PORTAL',
  dvc: 'PORTAL',
  cong_dich_vu_cong_quoc_gia: 'PORTAL',
  truc_tuyen: 'PORTAL',
};

/** Raised inside the transaction of a dry run to roll it back, carrying what would have been written. */
class DryRun extends Error {
  constructor(readonly summary: DuesImportSummary) {
    super('dry run');
  }
}

/**
 * Imports dues payments from a file (docs/dues.md#importing-a-payment-file), all rows or none (or skipping the bad
 * ones when asked), like the member and organisation imports: every row checked first by validateDuesPayment (the
 * rule recordDuesPayment applies), its member found by national ID (or party card number) among the members the
 * caller may write (one outside that scope is "not found", exactly like one that does not exist), its month one in
 * which the member belonged to a cell; then one statement finds the rows already imported and one multi-row insert
 * writes the others, with one audit row per payment and one for the file, in one transaction. A dry run does all of
 * it and rolls back.
 */
@Injectable()
export class DuesImportService {
  constructor(private readonly ds: DataSource) {}

  /** Imports a table read by readTableBytes: headings normalised (an unknown column refuses the file), then the rows. */
  async importTable(
    caller: Caller,
    table: Table,
    opts: { skipInvalid?: boolean; dryRun?: boolean; channel?: DuesChannel } = {},
  ): Promise<DuesImportSummary> {
    const actor = caller.actor;
    if (!actor.isAdmin && actor.writeRoots.length === 0)
      throw new DomainError('FORBIDDEN', "Only those who may write a cell's records import its dues payments");
    const norm = table.rows.map((r) => normaliseHeadings(r));
    const unknown = [...new Set(norm.flatMap((n) => n.unknown))];
    if (unknown.length) {
      throw new DomainError('IMPORT_INVALID', `Unknown column(s): ${unknown.join(', ')}`, 'file', {
        rows: unknown.map((u) => ({ row: 1, column: u, reason: 'unknown column', code: 'UNKNOWN_COLUMN' })),
      });
    }
    const res = await this.importRows(
      caller,
      norm.map((n) => n.row),
      { ...opts, source: table.source },
    );
    if (!res.dryRun && res.created) await this.ds.query('ANALYZE dues_payment');
    return res;
  }

  async importRows(
    caller: Caller,
    rows: ImportRow<Key>[],
    opts: {
      skipInvalid?: boolean;
      dryRun?: boolean;
      channel?: DuesChannel;
      source?: ImportSource;
      firstRowNumber?: number;
    } = {},
  ): Promise<DuesImportSummary> {
    const first = opts.firstRowNumber ?? 2; // row 1 is the heading row
    const now = today();
    const defaultChannel = opts.channel ?? 'PORTAL';
    try {
      return await this.ds.transaction(async (m) => {
        const errors: RowError[] = [];
        const err = (row: number, column: string, code: string, reason: string) =>
          errors.push({ row, column, code, reason });
        const digits = (s: string | undefined) => s?.replace(/[\s.]/g, '');
        const members = await membersByNumber(
          m,
          caller,
          rows.map((r) => digits(r.nationalId)).filter((x): x is string => !!x),
          rows.map((r) => digits(r.cardNumber)).filter((x): x is string => !!x),
          now,
        );
        const seenRef = new Map<string, number>();
        const parsed: Omit<PaymentCandidate, 'cell' | 'fullName'>[] = [];

        rows.forEach((r, i) => {
          const line = first + i;
          const before = errors.length;
          for (const [k] of DUES_COLUMNS) {
            const v = r[k];
            if (!v) continue;
            if (v.includes('\uFFFD'))
              err(
                line,
                k,
                'UNREADABLE',
                'contains the replacement character \uFFFD: the file was saved in another encoding; nothing is stored from it',
              );
            else if (CONTROL.test(v)) err(line, k, 'UNREADABLE', 'contains a control character');
            else if (TEXT_LIMITS[k] && v.length > TEXT_LIMITS[k]!)
              err(line, k, 'TOO_LONG', `longer than ${TEXT_LIMITS[k]} characters`);
          }
          // the member: by national ID (as the member import), else by party card number
          const nat = digits(r.nationalId);
          const card = digits(r.cardNumber);
          let memberId: string | undefined;
          if (!nat && !card) err(line, 'nationalId', 'REQUIRED', 'required (or give cardNumber)');
          else if (nat && !/^\d{12}$/.test(nat)) err(line, 'nationalId', 'VALIDATION', 'must be 12 digits');
          else if (!nat && card && !/^\d{6,12}$/.test(card))
            err(line, 'cardNumber', 'VALIDATION', 'must be 6 to 12 digits');
          else {
            memberId = nat ? members.byNat.get(nat) : members.byCard.get(card!);
            if (!memberId)
              err(
                line,
                nat ? 'nationalId' : 'cardNumber',
                'NOT_FOUND',
                `no member with this ${nat ? 'national ID' : 'card number'} in your scope`,
              );
          }
          // the payment, checked by the rule recordDuesPayment applies
          const month = r.month ? parseDuesMonth(r.month) : undefined;
          const amount = r.amount ? parseDuesAmount(r.amount) : undefined;
          const paidOn = r.paidOn ? (toIsoDate(r.paidOn) ?? r.paidOn) : undefined;
          for (const k of ['month', 'amount', 'paidOn'] as const) if (!r[k]) err(line, k, 'REQUIRED', 'required');
          for (const e of validateDuesPayment({ month, amount, paidOn }, now)) {
            if (!r[e.field as Key]) continue;
            const reason =
              e.field === 'month' && !/^\d{4}-\d{2}$/.test(month ?? '')
                ? 'must be a month YYYY-MM or MM/YYYY'
                : e.field === 'paidOn' && e.specific !== 'DATE_IN_FUTURE'
                  ? 'must be a date DD/MM/YYYY or YYYY-MM-DD'
                  : e.reason;
            err(line, e.field, e.specific ?? e.code, reason);
          }
          const channel = r.channel
            ? (CHANNELS[foldVietnamese(r.channel).replace(/\s+/g, '_')] ??
              (['CASH', 'PORTAL'].includes(r.channel.toUpperCase())
                ? (r.channel.toUpperCase() as DuesChannel)
                : undefined))
            : defaultChannel;
          if (!channel) err(line, 'channel', 'VALIDATION', 'must be CASH (tiền mặt) or PORTAL (Cổng dịch vụ công)');
          const reference = r.reference ?? null;
          if (channel === 'PORTAL' && !reference)
            err(line, 'reference', 'REQUIRED', 'required for a payment through the portal (its transaction code)');
          if (channel && reference) {
            const key = `${channel}|${reference}`;
            const seen = seenRef.get(key);
            if (seen) err(line, 'reference', 'DUPLICATE', `same reference as row ${seen}`);
            else seenRef.set(key, line);
          }
          if (errors.length > before || !memberId || !channel) return;
          parsed.push({
            line,
            memberId,
            month: month!,
            amount: amount as number,
            paidOn: paidOn!,
            channel,
            reference,
            note: r.note ?? null,
            clientKey: opts.source?.sha256 ? `file:${opts.source.sha256}:${line}` : null,
          });
        });

        // the member's cell in each month (on its last day, or today), as recordDuesPayment finds it: one statement
        const cells = await cellsInMonths(
          m,
          parsed.map((x) => ({ memberId: x.memberId, month: x.month })),
          now,
        );
        const candidates: PaymentCandidate[] = [];
        parsed.forEach((x, i) => {
          const cell = cells[i];
          if (!cell)
            err(
              x.line,
              'month',
              'NOT_A_MEMBER',
              'the member was not a member (probationary or full) of a cell in that month',
            );
          else candidates.push({ ...x, cell: cell.cell, fullName: cell.fullName });
        });
        errors.sort((a, b) => a.row - b.row);
        if (!opts.skipInvalid) throwImportProblems(errors);

        // rows already imported: the same reference on the same channel, or the same row of the same file
        const dup = await alreadyImported(m, candidates);
        const fresh = candidates.filter((c) => !dup.has(c.line));
        const written = await insertPayments(m, caller, fresh);
        const duplicates: RowError[] = candidates
          .filter((c) => dup.has(c.line))
          .map((c) => ({
            row: c.line,
            column: c.reference ? 'reference' : 'file',
            code: 'ALREADY_IMPORTED',
            reason: 'already imported: not written again',
          }));
        const skipped = new Set(errors.map((e) => e.row)).size;
        await recordImport(
          m,
          caller,
          'importDuesPayments',
          opts.source,
          rows.length,
          { created: written.length, updated: 0, skipped, errors },
          [...new Set(fresh.map((c) => c.cell))],
        );
        const summary: DuesImportSummary = {
          dryRun: !!opts.dryRun,
          rows: rows.length,
          created: written.length,
          amount: fresh.reduce((n, c) => n + c.amount, 0),
          duplicates: duplicates.length,
          skipped,
          problems: [...errors, ...duplicates].sort((a, b) => a.row - b.row),
          payments: written,
        };
        if (opts.dryRun) throw new DryRun(summary);
        return summary;
      });
    } catch (e) {
      if (e instanceof DryRun) return e.summary;
      throw e;
    }
  }
}
