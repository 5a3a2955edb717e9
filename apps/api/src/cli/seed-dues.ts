import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_POLICY, duesDue, duesMonthOf, type DuesBasis } from '@chibo/domain';
import { bulkInsert, withDeferredChecks, type BulkColumn } from '../database/bulk';
import { today } from '../database/sql';

const BASIS_COLUMNS: BulkColumn[] = [
  ['member_id', 'uuid'],
  ['valid_from', 'date'],
  ['basis', 'text'],
  ['amount', 'bigint'],
];
const PAYMENT_COLUMNS: BulkColumn[] = [
  ['member_id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['month', 'date'],
  ['amount', 'bigint'],
  ['paid_on', 'date'],
  ['channel', 'text'],
  ['recorded_by', 'text'],
];

/** About one payment in four through the portal, the rest in cash: by a hash of member and month (FNV-1a), no draw. */
const channelOf = (member: string, month: string): 'PORTAL' | 'CASH' => {
  let h = 0x811c9dc5;
  for (const s of [member, month]) for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 4 === 0 ? 'PORTAL' : 'CASH';
};

type Rng = { next: () => number; int: (lo: number, hi: number) => number; chance: (p: number) => boolean };

/** Cells per batch: the member-months of a batch are read, computed and written together (bounded memory at ×30). */
const BATCH_CELLS = 150;

/**
 * Party dues from January 2025 to this month (docs/dues.md): a basis for almost every member (an insured salary for
 * most; a pension for those born before 1961; the student amount for a few of the youngest; none for about 1 in 100,
 * so that the "no basis" state shows), and payments of each month's amount as the rule in libs/domain computes it:
 * most members pay every month by the 10th; about 3% stopped paying in 2026 (in arrears from their third unpaid
 * month), 2% pay part of a month now and then, and this month only half the members have paid yet. The rows of a
 * batch travel by COPY (unnest on the embedded database), the payments made as the stream takes them. Loaded like
 * the meetings, in one transaction (withDeferredChecks): the foreign keys of dues_basis and dues_payment checked once
 * at the end instead of once per row; every index of both tables (the primary keys, the exclusion constraint's GiST
 * index, the payments' four btrees, two of them on random uuids) built once after the load instead of an insert per
 * row; the triggers that raise the members' dues versions off, and each member's version raised once at the end by
 * their own statement (dues_member_version_bump). The figure-version triggers stay on.
 */
export const seedDues = async (
  app: INestApplicationContext,
  r: Rng,
  cellIds: string[],
  log: (s: string) => void,
  batchCells = BATCH_CELLS,
): Promise<{ bases: number; payments: number }> => {
  const ds = app.get(DataSource);
  const now = today();
  const current = duesMonthOf(now);
  let bases = 0;
  let payments = 0;
  // per member, across batches: a member who moved between cells of two batches has one basis and one habit
  const basisOf = new Map<string, { basis: DuesBasis; amount: number | null } | null>();
  const habitOf = new Map<string, { stopsAt: string | null; short: number }>();
  const written = new Set<string>();
  type MonthRow = { month: string; cell: string; member: string; adm: string | null; born: string | null };
  // The member-months of a batch's cells. Asked for on the load's connection before this process computes the batch
  // before it (the client queues statements), so the server reads them meanwhile. Not on another connection: the load
  // holds the lock its dropped foreign keys took on member until it commits, and that read would wait for it.
  const read = (m: EntityManager, cells: string[]): Promise<MonthRow[]> => {
    const pending: Promise<MonthRow[]> = m.query(
      `WITH mo AS (
         SELECT to_char(g, 'YYYY-MM') AS month, least((g + interval '1 month' - interval '1 day')::date, $2::date) AS day
           FROM generate_series('2025-01-01'::date, date_trunc('month', $2::date), interval '1 month') g)
       SELECT mo.month, x.organisation_id AS cell, m.id AS member, m.admission_decision_date::text AS adm, m.birth_date::text AS born
         FROM mo JOIN membership x ON x.kind = 'PERMANENT' AND x.organisation_id = ANY($1::uuid[]) AND x.valid_from <= mo.day AND (x.valid_to IS NULL OR x.valid_to > mo.day)
         JOIN member m ON m.id = x.member_id AND (m.left_on IS NULL OR m.left_on > mo.day)
        ORDER BY m.id, mo.month`,
      [cells, now],
    );
    pending.catch(() => undefined); // a read left pending when the load fails must not end the process
    return pending;
  };
  const load = async (m: EntityManager) => {
    let next = read(m, cellIds.slice(0, batchCells));
    for (let i = 0; i < cellIds.length; i += batchCells) {
      const rows = await next;
      if (i + batchCells < cellIds.length) next = read(m, cellIds.slice(i + batchCells, i + 2 * batchCells));
      const fresh: string[] = [];
      for (const row of rows) {
        if (basisOf.has(row.member)) continue;
        const born = Number((row.born ?? '1980').slice(0, 4));
        const basis = r.chance(0.01)
          ? null
          : born < 1961
            ? { basis: 'PENSION' as const, amount: r.int(45, 95) * 100_000 }
            : born > 2002 && r.chance(0.5)
              ? { basis: 'STUDENT' as const, amount: null }
              : { basis: 'INSURED_SALARY' as const, amount: r.int(55, 180) * 100_000 };
        basisOf.set(row.member, basis);
        fresh.push(row.member);
        habitOf.set(row.member, {
          stopsAt: r.chance(0.03) ? `2026-${String(r.int(1, 9)).padStart(2, '0')}` : null,
          short: r.chance(0.02) ? 0.15 : 0,
        });
      }
      const basisRows: (string | number | null)[][] = [];
      for (const member of fresh) {
        const b = basisOf.get(member);
        if (b) basisRows.push([member, '2025-01-01', b.basis, b.amount]);
      }
      await bulkInsert(m, 'dues_basis', BASIS_COLUMNS, basisRows);
      bases += basisRows.length;
      for (const x of basisRows) written.add(x[0] as string);
      // made as COPY takes them (bulkInsert's lazy rows): the server stores one chunk while the next is computed
      function* paymentRows(): Generator<(string | number)[]> {
        for (const row of rows) {
          const due = duesDue(
            { month: row.month, admissionDecisionDate: row.adm, basis: basisOf.get(row.member) ?? null, relief: null },
            DEFAULT_POLICY,
          );
          const habit = habitOf.get(row.member)!;
          if (!due.amount || (habit.stopsAt && row.month >= habit.stopsAt) || (row.month === current && r.chance(0.5)))
            continue;
          const paidOn = row.month === current ? now : `${row.month}-${String(r.int(1, 10)).padStart(2, '0')}`;
          payments++;
          written.add(row.member);
          yield [
            row.member,
            row.cell,
            `${row.month}-01`,
            habit.short && r.chance(habit.short * 4) ? Math.round(due.amount / 2) : due.amount,
            paidOn > now ? now : paidOn,
            channelOf(row.member, row.month),
            'seed',
          ];
        }
      }
      await bulkInsert(m, 'dues_payment', PAYMENT_COLUMNS, paymentRows());
    }
    // what the dues-version triggers, off for the load, would have done: each member's version raised, once
    await m.query(`SELECT dues_member_version_bump($1::uuid[])`, [[...written]]);
  };
  await ds.transaction((m) =>
    withDeferredChecks(
      m,
      {
        tables: ['dues_basis', 'dues_payment'],
        triggers: [
          ['dues_basis', 'dues_version_basis_ins'],
          ['dues_payment', 'dues_version_pay_ins'],
        ],
        rebuildAllIndexes: ['dues_basis', 'dues_payment'],
      },
      () => load(m),
    ),
  );
  log(`  dues: ${bases} bases, ${payments} payments`);
  return { bases, payments };
};
